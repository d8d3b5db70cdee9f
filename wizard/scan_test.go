package wizard

import (
	"github.com/charmbracelet/x/ansi"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// newScanDriver starts the wizard on a new file with the scan offered.
func newScanDriver(t *testing.T, c *model.Catalog, root string, l model.Lang) *driver {
	t.Helper()
	d := &driver{t: t, c: c, path: filepath.Join(t.TempDir(), "tom.json")}
	d.m = New(Options{
		Catalog: c, File: model.NewFile(c, l), Path: d.path, Lang: l, Today: scanToday, User: "tester",
		OfferScan: true, Scan: fixtureScan(c, root, l),
	})
	d.m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return d
}

// detected returns detected/<id> of the saved file (nil when absent).
func (d *driver) detected(id string) map[string]any {
	d.t.Helper()
	m, _ := d.saved()["detected"].(map[string]any)[id].(map[string]any)
	return m
}

// screenLine returns the screen line that holds s ("" when none does).
func screenLine(screen, s string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}

// TestScanOfferWizard: a new interview offers the scan; yes scans the
// fixture, records every detection with its evidence, pre-ticks the measures
// that apply and marks them; a measure that applies only after infra.server
// is pre-ticked when its section is entered; the contradicted measure is
// marked and not ticked; the help key shows the evidence; unticking a
// detected measure is saved and keeps the detection.
func TestScanOfferWizard(t *testing.T) {
	c := scanCatalog(t)
	d := newScanDriver(t, c, legacyServer(t), model.De)

	d.expect("Diesen Server jetzt automatisch prüfen?", "Es wird nur gelesen, nichts verändert.", "Ja, prüfen", "Nein")
	checkScreenFits(t, d.screen(), 80, 24)
	d.press("j")
	d.expect("Name des Unternehmens", "erhoben: 5, Widersprüche: 1. Bitte prüfen.")

	// Saved at once: every detection with date, result and evidence; the
	// measures that apply already are implemented, the server ones wait.
	for id, result := range map[string]string{
		"access_system.ssh_keys_only": "supports", "access_system.ssh_no_root": "contradicts",
		"access_system.firewall": "supports", "access_system.auto_updates": "supports",
		"crypto.disk_server": "supports", "crypto.swap_encrypted": "supports",
	} {
		det := d.detected(id)
		if det["result"] != result || det["date"] != scanToday || det["evidence"] == "" {
			t.Fatalf("detected %s = %v, want %s with date and evidence", id, det, result)
		}
	}
	if ev := d.detected("access_system.ssh_no_root")["evidence"].(string); !strings.Contains(ev, "00-legacy.conf:1: PermitRootLogin yes") {
		t.Fatalf("contradiction evidence: %q", ev)
	}
	eq(t, "firewall pre-filled", d.measure("access_system.firewall"), map[string]any{"status": "implemented"})
	eq(t, "ssh waits for infra.server", d.measure("access_system.ssh_keys_only"), nil)
	eq(t, "contradicted not filled", d.measure("access_system.ssh_no_root"), nil)
	eq(t, "offer answered", d.progress(), map[string]any{"step": "org"})

	d.typ("Muster GmbH").press("enter")
	d.expect("Betreiben Sie").press("j")

	// The table: detected ones implemented and marked, the contradiction marked.
	d.expect("Zugangskontrolle", "„erhoben“: auf dem Server")
	s := d.screen()
	checkScreenFits(t, s, 80, 24)
	for label, want := range map[string][]string{
		"SSH-Anmeldung am Server nur mit Schlüssel": {"umgesetzt", "[erhoben]"},
		"Firewall auf dem Server":                   {"umgesetzt", "[erhoben]"},
		"Sicherheitsupdates automatisch":            {"umgesetzt", "[erhoben]"},
		"Keine direkte Anmeldung als root":          {"[Prüfung widerspricht]"},
	} {
		line := screenLine(s, label)
		for _, w := range want {
			if !strings.Contains(line, w) {
				t.Fatalf("row of %q lacks %q: %q\n%s", label, w, line, s)
			}
		}
	}
	if line := screenLine(s, "Keine direkte Anmeldung als root"); !strings.HasSuffix(line, "keine Angabe") {
		t.Fatalf("contradicted measure given a status: %q", line)
	}
	if line := screenLine(s, "Anmeldung nur mit persönlichem Passwort"); !strings.HasSuffix(line, "keine Angabe") || strings.Contains(line, "[") {
		t.Fatalf("undetected measure given a status or marked: %q", line)
	}

	// Help on the contradicted measure shows the evidence under the help.
	d.press("down", "ctrl+e")
	d.expect("Keine direkte Anmeldung als root", "Administratoren melden sich persönlich an.",
		"Die Prüfung vom 28.11.2026 widerspricht:", "00-legacy.conf:1: PermitRootLogin yes")
	checkScreenFits(t, d.screen(), 80, 24)
	d.press("esc")
	// Help on a supported one.
	d.press("up", "ctrl+e")
	d.expect("Erhoben am 28.11.2026", "50-hardening.conf:2: PasswordAuthentication no").press("esc")

	// Correct the firewall, clarify the contradicted one, plan the
	// passwords, and confirm the rest.
	d.toRow("Firewall auf dem Server").press("k")
	d.toRow("Keine direkte Anmeldung als root").press("k")
	d.toRow("Anmeldung nur mit persönlichem Passwort").press("g", "enter")
	eq(t, "ssh confirmed", d.measure("access_system.ssh_keys_only"), map[string]any{"status": "implemented"})
	eq(t, "updates confirmed", d.measure("access_system.auto_updates"), map[string]any{"status": "implemented"})
	eq(t, "firewall corrected", d.measure("access_system.firewall"), map[string]any{"status": "unclear"})
	eq(t, "root login", d.measure("access_system.ssh_no_root"), map[string]any{"status": "unclear"})
	if det := d.detected("access_system.firewall"); det["result"] != "supports" {
		t.Fatalf("the user's correction dropped the detection: %v", det)
	}
	// Only the planned one needs more: its date.
	d.expect("Bis wann ist „Anmeldung nur mit persönlichem Passwort“ geplant?").typ("31.12.2026").press("enter")
	d.expect("Eigene Maßnahmen").press("end", "enter")

	// Encryption: both implemented on entering, marked.
	d.expect("Verschlüsselung", "[erhoben]")
	for _, label := range []string{"Datenträger des Servers verschlüsselt", "Auslagerungsspeicher verschlüsselt"} {
		if line := screenLine(d.screen(), label); !strings.HasSuffix(line, "umgesetzt") || !strings.Contains(line, "[erhoben]") {
			t.Fatalf("crypto line %q", line)
		}
	}
	d.press("enter")
	eq(t, "disk", d.measure("crypto.disk_server"), map[string]any{"status": "implemented"})
	d.expect("Eigene Maßnahmen").press("end", "enter")
	d.expect("Die Befragung ist vollständig.")

	// Going back to a finished section does not tick the firewall again.
	f := d.m.f
	if f.Measures["access_system.firewall"].Status != model.StatusUnclear {
		t.Fatalf("firewall after the end: %+v", f.Measures["access_system.firewall"])
	}
}

// TestScanOfferDeclined: no scans nothing, is saved, and a new wizard on
// the saved file does not offer again.
func TestScanOfferDeclined(t *testing.T) {
	c := scanCatalog(t)
	scanned := false
	for _, keys := range [][]string{{"n"}, {"right", "enter"}, {"esc"}} {
		d := &driver{t: t, c: c, path: filepath.Join(t.TempDir(), "tom.json")}
		d.m = New(Options{Catalog: c, File: model.NewFile(c, model.En), Path: d.path, Lang: model.En, Today: scanToday,
			OfferScan: true, Scan: func(*model.File) (model.ScanSummary, error) { scanned = true; return model.ScanSummary{}, nil }})
		d.expect("Check this server automatically now? It is only read, nothing is changed.")
		d.press(keys...)
		d.expect("Name of the business", "No scan; tom scan --apply catches up at any time.")
		if scanned {
			t.Fatalf("%v scanned", keys)
		}
		f, _, err := model.Load(d.path, c)
		if err != nil {
			t.Fatal(err)
		}
		if scanning.OfferDue(f) {
			t.Fatalf("%v: the offer would be made again: %+v", keys, f.Progress)
		}
	}
}

// TestScanOfferDue: only a new, untouched file without detections.
func TestScanOfferDue(t *testing.T) {
	c := scanCatalog(t)
	f := model.NewFile(c, model.De)
	if !scanning.OfferDue(f) {
		t.Fatal("new file: no offer")
	}
	for name, change := range map[string]func(*model.File){
		"step":      func(f *model.File) { f.Progress.Step = "org" },
		"done":      func(f *model.File) { f.Progress.Done = []string{"org"} },
		"skipped":   func(f *model.File) { f.Progress.Skipped = []string{"org"} },
		"completed": func(f *model.File) { f.Progress.Completed = scanToday },
		"detected": func(f *model.File) {
			f.Detected = map[string]model.Detection{"access_system.firewall": {Date: scanToday, Result: model.DetectSupports}}
		},
	} {
		g := model.NewFile(c, model.De)
		change(g)
		if scanning.OfferDue(g) {
			t.Errorf("%s: offered", name)
		}
	}
}

// TestScanSummaryNotice: a scan run before the interview (--scan) is
// reported on the first screen and marked in the steps; no offer then.
func TestScanSummaryNotice(t *testing.T) {
	c := scanCatalog(t)
	f := model.NewFile(c, model.En)
	sum, _ := fixtureScan(c, "../testdata/scan/debian-good", model.En)(f)
	d := &driver{t: t, c: c, path: filepath.Join(t.TempDir(), "tom.json")}
	d.m = New(Options{Catalog: c, File: f, Path: d.path, Lang: model.En, Today: scanToday, ScanSummary: &sum,
		OfferScan: true, Scan: func(*model.File) (model.ScanSummary, error) { t.Fatal("scanned twice"); return sum, nil }})
	d.expect("Name of the business", "Scan of 28 November 2026 – detected: 6, contradictions: 0. Please check.")
	d.typ("Smith Ltd").press("enter").press("y")
	d.expect("System access control", "[detected]", "“detected”: found on the server")
	if line := screenLine(d.screen(), "SSH login to the server by key only"); !strings.HasSuffix(line, "implemented") || !strings.Contains(line, "[detected]") {
		t.Fatalf("row %q", line)
	}
}

// TestScanMarksNarrow: at 80 columns a long label is cut, never its mark.
func TestScanMarksNarrow(t *testing.T) {
	c := scanCatalog(t)
	f := model.NewFile(c, model.De)
	f.Detected = map[string]model.Detection{"access_system.firewall": {Date: scanToday, Result: model.DetectContradicts, Evidence: "x\x1b[31m"}}
	f.Set("infra.server", model.Bool(true))
	f.Progress.Step = "access_system"
	mm := c.Measure("access_system.firewall")
	mm.Label.De = strings.Repeat("Sehr lange Bezeichnung ", 6)
	m := New(Options{Catalog: c, File: f, Lang: model.De, Save: func(*model.File) error { return nil }})
	m.Update(teaSize(60, 24))
	line := screenLine(ansi.Strip(m.Render()), "Sehr lange Bez")
	if !strings.Contains(line, "… [Prüfung widerspricht]") || ansi.StringWidth(line) > 59 {
		t.Fatalf("row %q (%d cells)", line, ansi.StringWidth(line))
	}
	if h := scanning.Help(f, "access_system.firewall", model.De); strings.ContainsRune(h, 0x1b) || !strings.Contains(h, `x\x1b[31m`) {
		t.Fatalf("evidence not cleaned: %q", h)
	}
}

// checkScreenFits fails when the screen is taller or wider than w x h.
func checkScreenFits(t *testing.T, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		t.Fatalf("%d lines at height %d:\n%s", len(lines), h, s)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Fatalf("line of %d cells at width %d: %q", n, w, l)
		}
	}
}

// TestScanMessagesComplete: every scan string in German and English with
// the same arguments.
func TestScanMessagesComplete(t *testing.T) {
	for k, v := range scanning.Msg {
		if v.De == "" || v.En == "" {
			t.Errorf("%s: a language is missing", k)
		}
		if strings.Count(v.De, "%") != strings.Count(v.En, "%") {
			t.Errorf("%s: different arguments", k)
		}
	}
	for _, r := range []string{model.DetectSupports, model.DetectContradicts} {
		if _, ok := scanning.Msg["mark_"+r]; !ok {
			t.Errorf("no mark for %s", r)
		}
	}
}

// BenchmarkScanAccepted measures what a yes to the offer costs on the real
// catalogue: the scan of the debian-good fixture, ApplyScan, saving skipped,
// and the first step built again with its marks.
func BenchmarkScanAccepted(b *testing.B) {
	c, err := realCatalogB()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for range b.N {
		f := model.NewFile(c, model.De)
		m := New(Options{Catalog: c, File: f, Lang: model.De, Today: scanToday, OfferScan: true,
			Scan: fixtureScan(c, "../testdata/scan/debian-good", model.De), Save: func(*model.File) error { return nil }})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m.Update(keyMsg("j"))
		_ = m.View()
	}
}

// BenchmarkKeystrokeDetected is BenchmarkKeystroke with every measure of the
// largest tick list detected: the marks must not slow the list down.
func BenchmarkKeystrokeDetected(b *testing.B) {
	c, err := realCatalogB()
	if err != nil {
		b.Fatal(err)
	}
	f := model.NewFile(c, model.De)
	s := largestTick(c)
	f.Progress.Step = s.ID
	f.Detected = map[string]model.Detection{}
	for i, mm := range s.Measures {
		r := model.DetectSupports
		if i%3 == 0 {
			r = model.DetectContradicts
		}
		f.Detected[mm.ID] = model.Detection{Date: scanToday, Result: r, Evidence: "/etc/x:1: y"}
	}
	benchKeystrokes(b, c, f)
}

// TestScanPrefillAgrees: the scan of each fixture and the interview pre-fill
// agree on the shipped catalogue. For every finding's measure that applies,
// the full-screen tick list shows it marked (and ticked when the scan
// supports it), as the line-mode list does (wizard/line/scan_test.go).
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
			m := New(Options{Catalog: c, File: f, Lang: model.De, Today: scanToday, Save: func(*model.File) error { return nil }})
			m.Update(teaSize(240, 120))
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
				// Full screen: the section's table.
				m.enterSection(s, +1)
				for i := 0; m.sec == s && m.tbl == nil; i++ {
					if i > 100 {
						t.Fatalf("%s: no table", s.ID)
					}
					m.move(+1)
				}
				screen := ansi.Strip(m.Render())
				for _, mm := range here {
					checked++
					label := mm.Label.In(model.De)
					mark := "[" + want[mm.ID] + "]"
					status := "umgesetzt"
					if want[mm.ID] != "erhoben" {
						status = "keine Angabe"
					}
					line := screenLine(screen, string([]rune(label)[:20]))
					if !strings.Contains(line, mark) || !strings.HasSuffix(line, status) {
						t.Errorf("%s: table lacks %q with %q and %q: %q", mm.ID, label, mark, status, line)
					}
					if want[mm.ID] == "erhoben" && f.Measures[mm.ID].Status != model.StatusImplemented {
						t.Errorf("%s: supported but not pre-filled", mm.ID)
					}
				}
			}
			if tree != "bare" && checked < 10 {
				t.Errorf("only %d measures checked", checked)
			}
		})
	}
}
