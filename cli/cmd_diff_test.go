package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/render"
)

func TestDiffStoryGerman(t *testing.T) {
	code, out, errOut := rvRun("diff", "--catalog", rvCatalogPath, rvFixture("story-2025.json"), rvFixture("story-2026.json"))
	want := `=================================================================
Änderungen von ../testdata/review/story-2025.json (15.09.2025) zu
../testdata/review/story-2026.json (10.08.2026)
=================================================================

Zugangskontrolle
================

  - „Zwei-Faktor-Anmeldung“: geplant (bis 31.03.2026) → umgesetzt

Dienstleister
=============

  - Dienstleister „Collmex GmbH“: AV-Vertrag zuletzt geprüft am: – → 20.05.2018
  - neu: „Hetzner Online GmbH“

Geräte
======

  - entfernt: „Windows 7 Pro Desktop-PC“
  - neu: „Windows 11 Pro Desktop-PC“
`
	if code != ExitDiffChanged || out != want || errOut != "" {
		t.Fatalf("exit %d, stderr %q\n%s", code, errOut, out)
	}
}

func TestDiffStoryEnglishMarkdown(t *testing.T) {
	code, out, _ := rvRun("diff", "--lang", "en", "--format", "md", "--catalog", rvCatalogPath, rvFixture("story-2025.json"), rvFixture("story-2026.json"))
	want := `# Changes from ../testdata/review/story-2025.json (15 September 2025) to ../testdata/review/story-2026.json (10 August 2026)

## System access control

- “Two-factor login”: planned (by 31 March 2026) → implemented

## Service providers

- Service provider “Collmex GmbH”: Processing agreement last checked on: – → 20 May 2018
- new: “Hetzner Online GmbH”

## Devices

- removed: “Windows 7 Pro Desktop-PC”
- new: “Windows 11 Pro Desktop-PC”
`
	if code != ExitDiffChanged || out != want {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestDiffSameFile(t *testing.T) {
	code, out, _ := rvRun("diff", "--catalog", rvCatalogPath, rvFixture("story-2026.json"), rvFixture("story-2026.json"))
	if code != ExitDiffSame || !strings.HasSuffix(out, "\nKeine Änderungen.\n") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

// rvSave writes f into dir/name and returns the path.
func rvSave(t *testing.T, dir, name string, f *model.File) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := model.Save(path, f); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDiffOptionsAndValuesBothLanguages(t *testing.T) {
	c := rvLoadCatalog(t)
	dir := t.TempDir()
	a := rvStory2025(c)
	b := a.Clone()
	b.Set("infra.server_kind", model.String("vserver"))
	b.Set("infra.devices", model.List("pc", "notebook", "phone"))
	b.Set("org.email", model.String("kontakt@muster-webdesign.de"))
	p := b.Get("providers").Records()
	strato := p[1].Clone()
	strato["category"] = model.String("other")
	strato["processor"] = model.Bool(false)
	delete(strato, "avv_signed")
	b.Set("providers", model.Records(p[0], strato))
	b.Measures["access_system.policy"] = model.MeasureAnswer{Status: model.StatusNotApplicable, Reason: "nur eine Person"}
	pa, pb := rvSave(t, dir, "a.json", a), rvSave(t, dir, "b.json", b)

	_, de, _ := rvRun("diff", "--catalog", rvCatalogPath, pa, pb)
	_, en, _ := rvRun("diff", "--lang", "en", "--catalog", rvCatalogPath, pa, pb)
	// Items are wrapped at 80 columns: compare with the spaces folded.
	de, en = strings.Join(strings.Fields(de), " ")+" ", strings.Join(strings.Fields(en), " ")+" "
	for _, want := range []string{
		"- „E-Mail“: „info@muster-webdesign.de“ → „kontakt@muster-webdesign.de“ ",
		"- „Welche Art von Server?“: Gemieteter Root-Server → Virtueller Server ",
		"- „Welche Geräte nutzen Sie?“: PC, Notebook → PC, Notebook, Smartphone ",
		"- „Schriftliche Passwortrichtlinie“: zu klären → nicht anwendbar („nur eine Person“) ",
		"- Dienstleister „Strato AG“: AV-Vertrag zuletzt geprüft am: 25.05.2018 → – ",
		"- Dienstleister „Strato AG“: Kategorie: Hosting → Sonstiges ",
		"- Dienstleister „Strato AG“: Auftragsverarbeiter?: Ja → Nein ",
	} {
		if !strings.Contains(de, want) {
			t.Errorf("German: missing %q in\n%s", want, de)
		}
	}
	for _, want := range []string{
		"- “What kind of server?”: Rented root server → Virtual server ",
		"- “Which devices do you use?”: PC, Notebook → PC, Notebook, Smartphone ",
		"- “Written password policy”: to be clarified → not applicable (“nur eine Person”) ",
		"- Service provider “Strato AG”: Processing agreement last checked on: 25 May 2018 → – ",
		"- Service provider “Strato AG”: Processor?: Yes → No ",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("English: missing %q in\n%s", want, en)
		}
	}
	for _, raw := range []string{"vserver", "rented_root", "access_system.", "providers/", "true", "false"} {
		if strings.Contains(de, raw) || strings.Contains(en, raw) {
			t.Errorf("raw %q in output", raw)
		}
	}
}

func TestDiffSince(t *testing.T) {
	file := rvFixture("story-2026.json")
	code, out, _ := rvRun("diff", "--since", "01.01.2026", "--catalog", rvCatalogPath, "-f", file)
	want := `==========================
Änderungen seit 01.01.2026
==========================

Version 1.1 vom 10.08.2026 – Überprüfung durch Erika Muster
===========================================================

Jährliche Überprüfung: neuer Hoster, PC ersetzt, 2FA eingeführt

Zugangskontrolle
----------------

  - „Zwei-Faktor-Anmeldung“: geplant (bis 31.03.2026) → umgesetzt

Dienstleister
-------------

  - Dienstleister „Collmex GmbH“: AV-Vertrag zuletzt geprüft am: – → 20.05.2018
  - neu: „Hetzner Online GmbH“

Geräte
------

  - entfernt: „Windows 7 Pro Desktop-PC“
  - neu: „Windows 11 Pro Desktop-PC“
`
	if code != ExitDiffChanged || out != want {
		t.Fatalf("exit %d\n%s", code, out)
	}
	// The stored form of the date gives the same; the entry of 15.09.2025
	// comes in from that date on, with its (empty) list of changes.
	if _, again, _ := rvRun("diff", "--since", "2026-01-01", "--catalog", rvCatalogPath, "-f", file); again != out {
		t.Error("YYYY-MM-DD and TT.MM.JJJJ differ")
	}
	_, both, _ := rvRun("diff", "--since", "15.09.2025", "--catalog", rvCatalogPath, "-f", file)
	if !strings.Contains(both, "Version 1.0 vom 15.09.2025 – Befragung durch Erika Muster\n=========================================================\n\nErstaufnahme\n\nkeine Änderungen erfasst\n") {
		t.Errorf("%s", both)
	}
	// English Markdown, through TOM_FILE.
	g, o, _ := rvGlobals(map[string]string{"TOM_FILE": file})
	code = Run(g, []string{"diff", "--since", "2026-08-10", "--format", "md", "--lang", "en", "--catalog", rvCatalogPath})
	for _, want := range []string{
		"# Changes since 10 August 2026\n",
		"## Version 1.1 of 10 August 2026 – review by Erika Muster\n\nJährliche Überprüfung: neuer Hoster, PC ersetzt, 2FA eingeführt\n",
		"### Devices\n\n- removed: “Windows 7 Pro Desktop-PC”\n",
	} {
		if code != ExitDiffChanged || !strings.Contains(o.String(), want) {
			t.Errorf("exit %d: missing %q in\n%s", code, want, o)
		}
	}
	// Nothing since: exit 0.
	code, out, _ = rvRun("diff", "--since", "11.08.2026", "--catalog", rvCatalogPath, "-f", file)
	if code != ExitDiffSame || !strings.Contains(out, "Keine Einträge im Verlauf seit 11.08.2026.") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// A record removed in a later review is still named in an earlier entry.
func TestDiffSinceNamesRemovedRecords(t *testing.T) {
	c := rvLoadCatalog(t)
	f := rvStory2025(c)
	before := f.Clone()
	p := f.Get("providers").Records()
	strato := p[1].Clone()
	strato["avv_signed"] = model.String("2024-02-01")
	f.Set("providers", model.Records(p[0], strato))
	f.AddHistory(before, model.HistoryReview, "2026-02-01", "Erika Muster", "")
	before = f.Clone()
	f.Set("providers", model.Records(p[0]))
	f.AddHistory(before, model.HistoryReview, "2026-03-01", "Max Muster", "Strato gekündigt")
	path := rvSave(t, t.TempDir(), "tom.json", f)
	code, out, _ := rvRun("diff", "--since", "2026-01-01", "--catalog", rvCatalogPath, "-f", path)
	out = strings.Join(strings.Fields(out), " ") + " "
	for _, want := range []string{
		"Version 1.1 vom 01.02.2026 – Überprüfung durch Erika Muster =========================================================== Dienstleister ------------- - Dienstleister „Strato AG“: AV-Vertrag zuletzt geprüft am: 25.05.2018 → 01.02.2024 ",
		"Version 1.2 vom 01.03.2026 – Überprüfung durch Max Muster ========================================================= Strato gekündigt Dienstleister ------------- - entfernt: „Strato AG“ ",
	} {
		if code != ExitDiffChanged || !strings.Contains(out, want) {
			t.Errorf("exit %d: missing %q in\n%s", code, want, out)
		}
	}
}

func TestDiffTrouble(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte("{\"schema\": 1,\n \"catalog\": {\"id\": \"tom-other\", \"version\": \"1.0.0\"}}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	good := rvFixture("story-2025.json")
	cases := []struct {
		name string
		args []string
		msg  string
	}{
		{"invalid JSON", []string{good, rvFixture("status-invalid.json")}, "status-invalid.json:3:3: kein gültiges JSON"},
		{"both invalid", []string{rvFixture("status-invalid.json"), other}, "other.json:2:20: /catalog/id: mit Katalog"},
		{"missing", []string{filepath.Join(dir, "fehlt.json"), good}, "fehlt.json: Datei nicht gefunden"},
		{"one file", []string{good}, "zwei Antwortdateien angeben"},
		{"three files", []string{good, good, good}, "zwei Antwortdateien angeben"},
		{"since with files", []string{"--since", "01.01.2026", good, good}, "--since liest den Verlauf"},
		{"bad date", []string{"--since", "31.02.2026"}, "--since \"31.02.2026\": kein gültiges Datum"},
		{"bad format", []string{"--format", "html", good, good}, "--format \"html\" ungültig"},
		{"since, missing file", []string{"--since", "01.01.2026", "-f", filepath.Join(dir, "fehlt.json")}, "fehlt.json: Datei nicht gefunden"},
	}
	for _, tc := range cases {
		code, out, errOut := rvRun(append([]string{"diff", "--catalog", rvCatalogPath}, tc.args...)...)
		if code != ExitDiffTrouble || out != "" || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%s: exit %d out %q err %q", tc.name, code, out, errOut)
		}
		if strings.Contains(errOut, "tom: testdata") {
			t.Errorf("%s: a positioned error must start with the file: %q", tc.name, errOut)
		}
	}
}

// Text that looks like Markdown — a change line, a history summary or an
// author starting with "1. ", "- ", "#" or "|" — stays text in tom diff
// --format md: the block structure is the report's own.
func TestDiffMarkdownTextStaysText(t *testing.T) {
	hostile := []string{"1. eins", "- zwei", "# drei", "| vier | fünf |", "+ sechs", "===", "> sieben"}
	secs := []model.SectionChanges{{Title: "1. Titel", Lines: hostile}}
	doc := &render.Document{Blocks: diffSections(secs, 1)}
	got := mdBlocks(t, string(render.WriteMarkdown(doc)))
	want := []string{"heading2", "list"}
	for range hostile {
		want = append(want, "listitem")
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("blocks %v, want %v\n%s", got, want, render.WriteMarkdown(doc))
	}

	// Through the command: a history entry by "1. Erika" whose summary is
	// a Markdown list, heading and table.
	c := rvLoadCatalog(t)
	f := rvStory2025(c)
	before := f.Clone()
	f.Set("org.email", model.String("neu@example.org"))
	f.AddHistory(before, model.HistoryReview, "2026-02-01", "1. Erika", "1. eins\n- zwei\n# drei\n| a | b |\n| --- | --- |")
	path := rvSave(t, t.TempDir(), "tom.json", f)
	code, out, errs := rvRun("diff", "--since", "2026-01-01", "--format", "md", "--catalog", rvCatalogPath, "-f", path)
	if code != ExitDiffChanged {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got = mdBlocks(t, out)
	want = []string{"heading1", "heading2", "paragraph", "heading3", "list", "listitem"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("blocks %v, want %v\n%s", got, want, out)
	}
}

// runDiff called directly with its options.
func TestRunDiff(t *testing.T) {
	g, out, _ := testGlobals(time.Now())
	g.CatalogPath = rvCatalogPath
	err := runDiff(&diffOptions{Globals: g, Format: "md", Files: []string{rvFixture("story-2025.json"), rvFixture("story-2026.json")}})
	if exitCode(err) != ExitDiffChanged || !strings.Contains(out.String(), "## Geräte\n\n- entfernt: „Windows 7 Pro Desktop-PC“\n") {
		t.Errorf("exit %d\n%s", exitCode(err), out)
	}
}
