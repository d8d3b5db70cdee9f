package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

var scanFixture = filepath.Join("..", "testdata", "scan", "debian-good")

func TestScanTextAndJSON(t *testing.T) {
	code, out, errs := cliRun(nil, "scan", "--root", scanFixture)
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"Datenträger", "[+] SSH: Anmeldung nur mit Schlüssel", "sshd_config.d/50-hardening.conf:2: PasswordAuthentication no", "→ belegt: „SSH-Anmeldung am Server nur mit Schlüssel, nicht mit Passwort“"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	code, out, _ = cliRun(nil, "scan", "--root", scanFixture, "--json", "--lang", "en")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Date     string `json:"date"`
		Findings []struct {
			ID     string `json:"id"`
			Result string `json:"result"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("--json is not JSON: %v", err)
	}
	if rep.Date != "2026-11-28" || len(rep.Findings) < 20 {
		t.Errorf("report: date %s, %d findings", rep.Date, len(rep.Findings))
	}
}

func TestScanExitCodes(t *testing.T) {
	if code, _, errs := cliRun(nil, "scan", "--root", filepath.Join(t.TempDir(), "nope")); code != ExitFailure || !strings.Contains(errs, "--root") {
		t.Errorf("missing root: exit %d, %q", code, errs)
	}
	if code, _, _ := cliRun(nil, "scan", "extra"); code != ExitUsage {
		t.Errorf("argument: exit %d", code)
	}
	if code, _, _ := cliRun(nil, "scan", "--bogus"); code != ExitUsage {
		t.Errorf("unknown flag: exit %d", code)
	}
	// A tree with nothing in it is still a completed scan.
	if code, _, _ := cliRun(nil, "scan", "--root", t.TempDir()); code != ExitOK {
		t.Errorf("empty root: exit %d", code)
	}
}

func TestScanApply(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	f := model.NewFile(c, model.De)
	f.Answers["infra.server"] = model.Bool(true)
	f.Measures["crypto.disk_server"] = model.MeasureAnswer{Status: model.StatusPlanned, Due: "2027-06-30"}
	if err := model.Save(path, f); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cliRun(nil, "scan", "--root", filepath.Join("..", "testdata", "scan", "debian-neglected"), "--apply", "--file", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "In "+path+" eingetragen") || !strings.Contains(out, "vorbelegt als umgesetzt") {
		t.Errorf("no summary in output:\n%s", out)
	}
	g, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if g.Measures["crypto.disk_server"].Status != model.StatusPlanned {
		t.Error("--apply changed a stated answer")
	}
	if d := g.Detected["access_system.ssh_keys_only"]; d.Result != model.DetectContradicts || !strings.Contains(d.Evidence, "PasswordAuthentication yes") {
		t.Errorf("detection = %+v", d)
	}
	if g.Measures["availability.backup_automatic"].Status != model.StatusImplemented {
		t.Error("supported measure not pre-filled")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}

	// An invalid file is refused with its position and left as it is.
	bad := []byte("{\n  \"schema\": 1,\n  \"measures\": {\"crypto.disk_server\": {\"status\": \"maybe\"}}\n}\n")
	os.WriteFile(path, bad, 0o600)
	code, _, errs = cliRun(nil, "scan", "--root", scanFixture, "--apply", "--file", path)
	if code != ExitFailure || !strings.Contains(errs, path+":") {
		t.Errorf("invalid file: exit %d, %q", code, errs)
	}
	if got := readFile(t, path); string(got) != string(bad) {
		t.Error("an invalid answers file was overwritten")
	}
}

func TestScanApplyJSONKeepsStdoutClean(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	code, out, errs := cliRun(nil, "scan", "--root", scanFixture, "--apply", "--json", "--file", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var x map[string]any
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Errorf("stdout is not pure JSON with --apply: %v", err)
	}
	if !strings.Contains(errs, "eingetragen") {
		t.Errorf("summary not on stderr: %q", errs)
	}
}

// tom scan --apply on a completed file records what it changed as a history
// entry (old → new by stable ID), so that tom diff --since and the document's
// revision table see it (issue 9).
func TestScanApplyRecordsChangesOfCompletedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	f := model.NewFile(c, model.De)
	f.Answers["infra.server"] = model.Bool(true)
	f.AddHistory(nil, model.HistoryInterview, "2026-01-10", "Chefin", "erste")
	if err := model.Save(path, f); err != nil {
		t.Fatal(err)
	}
	code, _, errs := cliRun(nil, "scan", "--root", filepath.Join("..", "testdata", "scan", "debian-neglected"), "--apply", "--file", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	g, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.History) != 2 {
		t.Fatalf("history %+v", g.History)
	}
	e := g.History[1]
	found := false
	for _, ch := range e.Changes {
		if ch.Path == "measures/availability.backup_automatic" && ch.Old == nil && ch.New != nil {
			found = true
		}
	}
	if e.Kind != model.HistoryInterview || e.Date != "2026-11-28" || e.Version != "1.1" || !found {
		t.Errorf("entry %+v", e)
	}
	if g.Stand() != "2026-11-28" {
		t.Errorf("stand %q", g.Stand())
	}
}

// TestScanSpeaksWords: the scan's text and its --apply summary name
// measures by label, answers by their status word and dates in German
// form, never "not_applicable", IDs or ISO dates.
func TestScanSpeaksWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	f := model.NewFile(c, model.De)
	f.Answers["infra.server"] = model.Bool(true)
	f.Measures["availability.backup_automatic"] = model.MeasureAnswer{Status: model.StatusNotApplicable, Reason: "keine eigenen Daten"}
	if err := model.Save(path, f); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cliRun(map[string]string{"TOM_TODAY": "2026-11-28"}, "scan", "--root", filepath.Join("..", "testdata", "scan", "debian-neglected"), "--apply", "--file", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, bad := range []string{"not_applicable", "access_system.ssh_keys_only", "2026-11-28"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{"Ihre Antwort lautet „nicht anwendbar“", "erhoben am 28.11.2026", "Prüfung von", "am 28.11.2026", c.Measure("access_system.ssh_keys_only").Label.In(model.De)} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
