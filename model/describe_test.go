package model

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// rvCatalog loads a test catalogue from testdata.
func rvCatalog(t testing.TB, path string) *Catalog {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseCatalog(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func rvSmall(t testing.TB) *Catalog { return rvCatalog(t, "../testdata/small-catalog.json") }

func rvProvider(id, name string, processor bool, avv string) Record {
	r := Record{"id": String(id), "name": String(name), "processor": Bool(processor)}
	if avv != "" {
		r["avv_signed"] = String(avv)
	}
	return r
}

// rvBase is a complete answers file for the small catalogue.
func rvBase(c *Catalog) *File {
	f := NewFile(c, De)
	f.Set("org.name", String("Muster Webdesign GmbH"))
	f.Set("org.address", String("Hauptstr. 1\n12345 Musterstadt"))
	f.Set("infra.server", Bool(true))
	f.Set("infra.server_kind", String("rented_root"))
	f.Set("infra.devices", List("pc", "notebook"))
	f.Set("providers", Records(
		rvProvider("r1", "Collmex GmbH", true, ""),
		rvProvider("r2", "Strato AG", true, "2018-05-25"),
	))
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-03-31"}
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented}
	f.Measures["access_system.ssh_keys_only"] = MeasureAnswer{Status: StatusImplemented}
	f.Measures["access_system.disk_notebook"] = MeasureAnswer{Status: StatusNotApplicable, Reason: "keine Notebooks"}
	f.Progress.Done = []string{"org", "infra", "access_system", "providers"}
	f.Progress.Completed = "2025-09-15"
	return f
}

// rvLines flattens described sections to "Title: line".
func rvLines(secs []SectionChanges) []string {
	var out []string
	for _, s := range secs {
		for _, l := range s.Lines {
			out = append(out, s.Title+": "+l)
		}
	}
	return out
}

func TestDescribeChangesGerman(t *testing.T) {
	c := rvSmall(t)
	a := rvBase(c)
	b := a.Clone()
	b.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	b.Set("infra.server_kind", String("vserver"))
	b.Set("infra.devices", List("pc", "phone"))
	recs := b.Get("providers").Records()
	collmex := recs[0].Clone()
	collmex["avv_signed"] = String("2018-05-20")
	b.Set("providers", Records(collmex, rvProvider("r3", "Hetzner Online GmbH", true, "2026-01-10")))
	b.Set("org.name", String("Muster Web GmbH"))

	got := rvLines(DescribeChangesNamed(c, Diff(a, b), De, RecordNamesOf(c, a, b)))
	want := []string{
		"Organisation: „Name des Unternehmens“: „Muster Webdesign GmbH“ → „Muster Web GmbH“",
		"IT-Umgebung: „Welche Art von Server?“: Gemieteter Root-Server → Virtueller Server",
		"IT-Umgebung: „Welche Geräte nutzen Sie?“: PC, Notebook → PC, Smartphone",
		"Zugangskontrolle: „Anmeldung nur mit persönlichem Passwort“: geplant (bis 31.03.2027) → umgesetzt",
		"Dienstleister: Dienstleister „Collmex GmbH“: AV-Vertrag zuletzt geprüft am: – → 20.05.2018",
		"Dienstleister: entfernt: „Strato AG“",
		"Dienstleister: neu: „Hetzner Online GmbH“",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDescribeChangesEnglish(t *testing.T) {
	c := rvSmall(t)
	a := rvBase(c)
	b := a.Clone()
	b.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	b.Measures["access_system.policy"] = MeasureAnswer{Status: StatusUnclear}
	b.Set("infra.server", Bool(false))
	b.Set("providers", Records(rvProvider("r1", "Collmex GmbH", false, "")))
	got := rvLines(DescribeChanges(c, Diff(a, b), En))
	want := []string{
		"IT environment: “Do you run your own or a rented server?”: Yes → No",
		"System access control: “Login only with a personal password”: planned (by 31 March 2027) → implemented",
		"System access control: “Written password policy”: implemented → to be clarified",
		// Without names from the files, a changed field falls back to kind and ID …
		"Service providers: Service provider without a name (r1): Processor?: Yes → No",
		// … while a removed record names itself.
		"Service providers: removed: “Strato AG”",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDescribeRetiredAndUnknownOption(t *testing.T) {
	c := rvSmall(t)
	changes := []Change{
		{Path: "answers/org.fax", Old: "0301234", New: nil},
		{Path: "measures/access_system.old_measure", Old: map[string]any{"status": "implemented"}, New: nil},
		{Path: "answers/infra.server_kind", Old: "mainframe", New: "vserver"},
	}
	got := rvLines(DescribeChanges(c, changes, De))
	want := []string{
		"IT-Umgebung: „Welche Art von Server?“: mainframe (nicht mehr im Katalog) → Virtueller Server",
		"Nicht mehr im Katalog: org.fax (nicht mehr im Katalog): „0301234“ → –",
		"Nicht mehr im Katalog: access_system.old_measure (nicht mehr im Katalog): umgesetzt → –",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDescribeMeasureDetails(t *testing.T) {
	c := rvSmall(t)
	a := rvBase(c)
	b := a.Clone()
	b.Measures["access_system.disk_notebook"] = MeasureAnswer{Status: StatusNotApplicable, Reason: "keine Notebooks", Note: "seit 2024"}
	b.Measures["access_system.policy"] = MeasureAnswer{Status: StatusPlanned}
	b.OwnMeasures = []OwnMeasure{{ID: "own1", Section: "access_system", Text: "Bildschirmsperre nach 5 Minuten", Type: Technical, MeasureAnswer: MeasureAnswer{Status: StatusImplemented}}}
	got := rvLines(DescribeChanges(c, Diff(a, b), De))
	want := []string{
		"Zugangskontrolle: „Schriftliche Passwortrichtlinie“: umgesetzt → geplant",
		"Zugangskontrolle: „Festplattenverschlüsselung auf Notebooks“: Anmerkung: – → „seit 2024“",
		"Zugangskontrolle: eigene Maßnahme „Bildschirmsperre nach 5 Minuten“: – → umgesetzt",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the reason of a not-applicable measure is quoted
	c2 := []Change{{Path: "measures/access_system.policy", Old: nil, New: map[string]any{"status": "not_applicable", "reason": "Ein-Personen-Betrieb"}}}
	if l := rvLines(DescribeChanges(c, c2, De))[0]; !strings.HasSuffix(l, "– → nicht anwendbar („Ein-Personen-Betrieb“)") {
		t.Fatal(l)
	}
}

// Changes stored in the file's history (decoded from JSON) read the same as
// fresh ones, and no line shows a raw ID of a known question.
func TestDescribeHistoryRoundTrip(t *testing.T) {
	c := rvSmall(t)
	a := rvBase(c)
	b := a.Clone()
	b.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	b.Set("infra.server", Bool(false))
	b.Set("providers", Records(b.Get("providers").Records()[1]))
	View{C: c, F: b}.Prune()
	b.AddHistory(a, HistoryReview, "2026-09-01", "Erika", "Jahresprüfung")
	data, err := Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	g, _, err := Parse("x.json", data, c)
	if err != nil {
		t.Fatal(err)
	}
	fresh := rvLines(DescribeChanges(c, Diff(a, b), De))
	stored := rvLines(DescribeChanges(c, g.History[0].Changes, De))
	if !reflect.DeepEqual(fresh, stored) {
		t.Fatalf("fresh\n%s\nstored\n%s", strings.Join(fresh, "\n"), strings.Join(stored, "\n"))
	}
	if len(stored) < 4 {
		t.Fatalf("too few lines: %v", stored)
	}
	for _, l := range stored {
		for _, raw := range []string{"access_system.", "infra.", "providers/", "rented_root", "true", "false"} {
			if strings.Contains(l, raw) {
				t.Errorf("raw %q in %q", raw, l)
			}
		}
	}
}

func TestDescribeLongTextShortened(t *testing.T) {
	c := rvSmall(t)
	long := strings.Repeat("Hauptstraße 1, ", 10)
	got := rvLines(DescribeChanges(c, []Change{{Path: "answers/org.address", Old: nil, New: long + "\n12345 Musterstadt"}}, De))[0]
	if !strings.Contains(got, "…“") || strings.Contains(got, "\n") || len([]rune(got)) > 120 {
		t.Fatal(got)
	}
}

// TestHistoryRecordNamesAsAllNames: HistoryRecordNames, which looks up only
// the records the history's changes point to, words every history entry as
// the names of all records did (the reference kept here): a field changed
// in a record still there, a record removed, one added, one renamed, among
// records the history never mentions.
func TestHistoryRecordNamesAsAllNames(t *testing.T) {
	c := rvSmall(t)
	a := rvBase(c)
	var others []Record
	for i := range 50 {
		others = append(others, rvProvider("x"+string(rune('a'+i%26))+string(rune('a'+i/26)), "Unbeteiligt", true, ""))
	}
	a.Set("providers", Records(append(a.Answers["providers"].Records(), others...)...))
	b := a.Clone()
	collmex := a.Answers["providers"].Records()[0].Clone()
	collmex["avv_signed"] = String("2018-05-20")
	b.Set("providers", Records(append([]Record{collmex, rvProvider("r3", "Hetzner Online GmbH", true, "")}, others...)...))
	now := b.Clone()
	renamed := collmex.Clone()
	renamed["name"] = String("Collmex AG")
	// A record the changes do not name gets a field changed.
	moved := append([]Record{}, others...)
	moved[7] = others[7].Clone()
	moved[7]["processor"] = Bool(false)
	now.Set("providers", Records(append([]Record{renamed, rvProvider("r3", "Hetzner Online GmbH", false, "2026-01-10")}, moved...)...))
	now.History = []HistoryEntry{
		{Date: "2026-01-01", Kind: HistoryReview, Changes: Diff(a, b)},
		{Date: "2026-02-01", Kind: HistoryReview, Changes: Diff(b, now)},
	}
	all := RecordNamesOf(c, now)
	for _, e := range now.History {
		for k, v := range RecordNamesInChanges(c, e.Changes) {
			if _, ok := all[k]; !ok {
				all[k] = v
			}
		}
	}
	names := HistoryRecordNames(c, now)
	if len(names) >= len(all) {
		t.Errorf("HistoryRecordNames kept %d names, all records have %d", len(names), len(all))
	}
	for i, e := range now.History {
		got := rvLines(DescribeChangesNamed(c, e.Changes, De, names))
		want := rvLines(DescribeChangesNamed(c, e.Changes, De, all))
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("entry %d:\ngot\n%s\nwant\n%s", i, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// FuzzShorten: shorten, which returns a short single-spaced text without
// splitting it, gives what splitting and cutting gives (the reference).
func FuzzShorten(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u0085b", "Hetzner Online GmbH", strings.Repeat("ä", 60), strings.Repeat("ä", 61), strings.Repeat("x ", 30), "\xff", "a\u2028b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if r := []rune(want); len(r) > maxValueRunes {
			want = strings.TrimSpace(string(r[:maxValueRunes-1])) + "…"
		}
		if got := shorten(s); got != want {
			t.Fatalf("shorten(%q) = %q, want %q", s, got, want)
		}
	})
}
