package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/scan"
)

// scanCatalogPath is the test catalogue with the measures the scan knows.
var scanCatalogPath = filepath.Join("..", "testdata", "scan-interview", "catalog.json")

// scanInterviewInput answers the scan test catalogue in line mode: the
// firewall is set to clarify (a correction of the scan) with a note, the
// passwords planned.
const scanInterviewInput = "Muster GmbH\nj\nk 3 g 5 +3\n\n31.12.2026\nFirewall prüfen\n\n\n\n"

// TestInterviewScanBinary: TERM=dumb tom interview --scan --scan-root
// <fixture> pre-fills from the scan, the user's correction is saved, and the
// file records every detection with its date and evidence.
func TestInterviewScanBinary(t *testing.T) {
	root := filepath.Join("..", "testdata", "scan", "debian-good")
	path := filepath.Join(t.TempDir(), "tmp.json")
	env := []string{"TERM=dumb", "TOM_TODAY=2026-11-28"}
	out, code := runTomBin(t, scanInterviewInput, env,
		"interview", "--scan", "--scan-root", root, "-f", path, "--catalog", scanCatalogPath)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Fatal("escape byte in line mode")
	}
	for _, want := range []string{
		"Prüfung vom 28.11.2026 – Maßnahmen erhoben: 6, Widersprüche: 0.",
		"  1) SSH-Anmeldung am Server nur mit Schlüssel (technisch), umgesetzt, erhoben",
		"  3) Firewall auf dem Server (technisch), umgesetzt, erhoben",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "automatisch prüfen?") {
		t.Fatal("offered the scan after --scan")
	}
	c, err := model.LoadCatalogFile(scanCatalogPath)
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"access_system.ssh_keys_only": model.StatusImplemented, "access_system.ssh_no_root": model.StatusImplemented,
		"access_system.auto_updates": model.StatusImplemented, "access_system.firewall": model.StatusUnclear,
		"crypto.disk_server": model.StatusImplemented, "crypto.swap_encrypted": model.StatusImplemented,
		"access_system.passwords": model.StatusPlanned,
	} {
		if got := f.Measures[id].Status; got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
	if len(f.Detected) != 6 {
		t.Errorf("%d detections, want 6: %v", len(f.Detected), f.Detected)
	}
	for id, d := range f.Detected {
		if d.Date != "2026-11-28" || d.Result != model.DetectSupports || d.Evidence == "" {
			t.Errorf("%s: %+v", id, d)
		}
	}
	if ev := f.Detected["crypto.disk_server"].Evidence; !strings.Contains(ev, "/etc/crypttab:2:") {
		t.Errorf("disk evidence %q", ev)
	}
	if f.Measures["access_system.firewall"].Note != "Firewall prüfen" || len(f.History) != 1 {
		t.Errorf("firewall %+v, history %d", f.Measures["access_system.firewall"], len(f.History))
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode: %v %v", fi.Mode(), err)
	}
}

// TestInterviewScanOfferBinary: on Linux a fresh file is offered the scan
// as the first prompt; j scans --scan-root; an existing file is not offered.
func TestInterviewScanOfferBinary(t *testing.T) {
	if !scan.Available() {
		t.Skip("the scan is offered on Linux only")
	}
	root := filepath.Join("..", "testdata", "scan", "debian-good")
	path := filepath.Join(t.TempDir(), "tmp.json")
	env := []string{"TERM=dumb", "TOM_TODAY=2026-11-28"}
	out, code := runTomBin(t, "j\n"+scanInterviewInput, env,
		"interview", "--scan-root", root, "-f", path, "--catalog", scanCatalogPath)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{
		"Diesen Server jetzt automatisch prüfen? Es wird nur gelesen, nichts verändert. (j/n, Enter = ja) j",
		"Maßnahmen erhoben: 6, Widersprüche: 0.",
		"umgesetzt, erhoben",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("output lacks %q:\n%s", want, out)
		}
	}
	c, err := model.LoadCatalogFile(scanCatalogPath)
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Detected) != 6 || f.Measures["crypto.swap_encrypted"].Status != model.StatusImplemented {
		t.Fatalf("detected %v, measures %v", f.Detected, f.Measures)
	}

	// The file exists now: no offer on the next run.
	out, _ = runTomBin(t, "", env, "interview", "--scan-root", root, "-f", path, "--catalog", scanCatalogPath)
	if strings.Contains(out, "automatisch prüfen?") {
		t.Fatalf("offered again:\n%s", out)
	}
}
