package line

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// runLineScan runs line mode on a new file with the scan of root offered.
func runLineScan(t *testing.T, c *model.Catalog, root, input string, l model.Lang) (string, *model.File, string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tom.json")
	f := model.NewFile(c, l)
	var out strings.Builder
	err := Run(Options{Catalog: c, File: f, Path: path, Lang: l, In: strings.NewReader(input), Out: &out,
		Today: scanToday, OfferScan: true, Scan: fixtureScan(c, root, l)})
	return out.String(), f, path, err
}

// savedJSON reads a saved answers file as plain JSON data.
func savedJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLineScanOffer: line mode with piped input offers the scan, runs it on
// j, lists detected measures ticked and marked ("umgesetzt, erhoben"), the
// contradicted one marked, shows the evidence on "?", and saves the user's
// unticking of a detected measure with the detection kept.
func TestLineScanOffer(t *testing.T) {
	c := scanCatalog(t)
	input := strings.Join([]string{
		"j",                             // scan
		"Muster GmbH",                   // org.name
		"j",                             // infra.server
		"?",                             // help on the measure list
		"k 2 3 g 5 +3",                  // root login and firewall to be clarified (a note on the firewall), passwords planned
		"",                              // the table is done
		"31.12.2026",                    // the date of the planned one
		"Ist die Firewall wirklich an?", // the note
		"",                              // no own measure
		"",                              // crypto: keep the pre-ticked ones
		"",                              // no own measure
	}, "\n") + "\n"
	out, f, path, err := runLineScan(t, c, legacyServer(t), input, model.De)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out)
	}
	lineNoEscape(t, out)
	lineWantAll(t, out,
		"Diesen Server jetzt automatisch prüfen? Es wird nur gelesen, nichts verändert. (j/n, Enter = ja) j",
		"Prüfung vom 28.11.2026 – Maßnahmen erhoben: 5, Widersprüche: 1.",
		"  1) SSH-Anmeldung am Server nur mit Schlüssel (technisch), umgesetzt, erhoben",
		"  2) Keine direkte Anmeldung als root (technisch), Prüfung widerspricht",
		"  3) Firewall auf dem Server (technisch), umgesetzt, erhoben",
		"  4) Sicherheitsupdates automatisch (technisch), umgesetzt, erhoben",
		"  5) Anmeldung nur mit persönlichem Passwort (technisch)\n",
		"„erhoben“: auf dem Server gefunden",
		"[bisher: umgesetzt 1, 3-4; keine Angabe 2, 5] (Enter übernimmt)",
		"2) Die Prüfung vom 28.11.2026 widerspricht:\n   /etc/ssh/sshd_config.d/00-legacy.conf:1: PermitRootLogin yes",
		"1) Erhoben am 28.11.2026 (Prüfung des Servers):\n   /etc/ssh/sshd_config.d/50-hardening.conf:2: PasswordAuthentication no",
		"  1) Datenträger des Servers verschlüsselt (technisch), umgesetzt, erhoben",
		"  2) Auslagerungsspeicher verschlüsselt (technisch), umgesetzt, erhoben",
	)
	saved := savedJSON(t, path)
	ms := saved["measures"].(map[string]any)
	for id, want := range map[string]string{
		"access_system.ssh_keys_only": "implemented", "access_system.auto_updates": "implemented",
		"access_system.firewall": "unclear", "access_system.ssh_no_root": "unclear",
		"crypto.disk_server": "implemented", "crypto.swap_encrypted": "implemented",
	} {
		if got := ms[id].(map[string]any)["status"]; got != want {
			t.Errorf("%s = %v, want %s", id, got, want)
		}
	}
	det := saved["detected"].(map[string]any)
	if d := det["access_system.firewall"].(map[string]any); d["result"] != "supports" || !strings.Contains(d["evidence"].(string), "ENABLED=yes") {
		t.Errorf("firewall detection after the user's correction: %v", d)
	}
	if d := det["access_system.ssh_no_root"].(map[string]any); d["result"] != "contradicts" || d["date"] != scanToday {
		t.Errorf("root login detection: %v", d)
	}
	if len(f.History) != 1 {
		t.Errorf("interview not completed: %+v", f.Progress)
	}
}

// TestLineScanDeclined: n (and :später) decline, the file remembers it, a
// second run does not ask again; EOF at the offer leaves it to be asked.
func TestLineScanDeclined(t *testing.T) {
	c := scanCatalog(t)
	for _, answer := range []string{"n", ":später", "nein"} {
		out, f, path, err := runLineScan(t, c, "../../testdata/scan/debian-good", answer+"\n", model.De)
		if !errors.Is(err, ErrIncomplete) {
			t.Fatalf("%s: %v", answer, err)
		}
		lineWantAll(t, out, "Keine Prüfung; tom scan --apply holt sie jederzeit nach.")
		if len(f.Detected) != 0 {
			t.Fatalf("%s: scanned", answer)
		}
		g, _, err := model.Load(path, c)
		if err != nil {
			t.Fatal(err)
		}
		if scanning.OfferDue(g) {
			t.Fatalf("%s: would ask again: %+v", answer, g.Progress)
		}
		var again strings.Builder
		err = Run(Options{Catalog: c, File: g, Path: path, Lang: model.De, In: strings.NewReader(""), Out: &again,
			Today: scanToday, OfferScan: scanning.OfferDue(g), Scan: fixtureScan(c, "../../testdata/scan/debian-good", model.De)})
		if !errors.Is(err, ErrIncomplete) {
			t.Fatalf("%s: second run: %v", answer, err)
		}
		if strings.Contains(again.String(), "automatisch prüfen") {
			t.Fatalf("%s: asked again:\n%s", answer, again.String())
		}
	}
	out, f, _, err := runLineScan(t, c, "../../testdata/scan/debian-good", "", model.De)
	if !errors.Is(err, ErrIncomplete) || !scanning.OfferDue(f) {
		t.Fatalf("EOF at the offer: %v, progress %+v\n%s", err, f.Progress, out)
	}
	lineNoEscape(t, out)
}

// TestLineScanEnglish: the offer and the marks in English.
func TestLineScanEnglish(t *testing.T) {
	c := scanCatalog(t)
	out, _, _, _ := runLineScan(t, c, legacyServer(t), "\nSmith Ltd\ny\n", model.En)
	lineWantAll(t, out,
		"Check this server automatically now? It is only read, nothing is changed. (y/n, Enter = yes)",
		"Scan of 28 November 2026 – measures detected: 5, contradictions: 1.",
		"  1) SSH login to the server by key only (technical), implemented, detected",
		"  2) No direct login as root (technical), scan disagrees",
	)
}

// TestScanPrefillAgrees: the scan of each fixture and the interview pre-fill
// agree on the shipped catalogue. For every finding's measure that applies,
// the line-mode list shows it marked (and pre-filled when the scan
// supports it), as the full screen's tick list does (wizard/scan_test.go).
func TestScanPrefillAgrees(t *testing.T) {
	c := realCatalog(t)
	for _, tree := range []string{"debian-good", "debian-neglected", "bare"} {
		t.Run(tree, func(t *testing.T) {
			f := model.NewFile(c, model.De)
			f.Set("infra.server", model.Bool(true))
			f.Set("infra.website", model.Bool(true))
			want := testdata.ScanPrefill(c, f, tree)
			v := model.View{C: c, F: f}
			checked := 0
			for _, s := range c.Sections {
				var here []*model.Measure
				for _, mm := range v.Measures(s) {
					if want[mm.ID] != "" {
						here = append(here, mm)
					}
				}
				if len(here) == 0 {
					continue
				}
				// Line mode: the section's measure list.
				var out strings.Builder
				r := newLineRunner(Options{Catalog: c, File: f, Lang: model.De, In: strings.NewReader(""), Out: &out})
				if err := r.measures(s); !errors.Is(err, io.EOF) {
					t.Fatalf("%s: %v", s.ID, err)
				}
				for _, mm := range here {
					checked++
					label := mm.Label.In(model.De)
					if want[mm.ID] == "erhoben" && f.Measures[mm.ID].Status != model.StatusImplemented {
						t.Errorf("%s: supported but not pre-filled", mm.ID)
					}
					lineWant := label + " (" + lineMsg.Get(model.De, mm.Type) + ")"
					if want[mm.ID] == "erhoben" {
						lineWant += ", umgesetzt, erhoben\n"
					} else {
						lineWant += ", Prüfung widerspricht\n"
					}
					if !strings.Contains(out.String(), lineWant) {
						t.Errorf("%s: line list lacks %q", mm.ID, lineWant)
					}
				}
			}
			if tree != "bare" && checked < 10 {
				t.Errorf("only %d measures checked", checked)
			}
		})
	}
}
