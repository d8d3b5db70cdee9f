package model

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseRoundTrip(t *testing.T) {
	c := smallCatalog(t)
	data, err := Marshal(sampleFile(c))
	if err != nil {
		t.Fatal(err)
	}
	f, mig, err := Parse("tom.json", data, c)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !mig.Empty() {
		t.Errorf("migration on the same version: %+v", mig)
	}
	again, _ := Marshal(f)
	if !bytes.Equal(data, again) {
		t.Fatalf("Marshal→Parse→Marshal changed the bytes:\n%s\n%s", data, again)
	}
	if got := f.Get("providers").Records()[1].Get("name").Str(); got != `Steuerbüro "Klein"` {
		t.Errorf("record field %q", got)
	}
	if f.ReviewMonths() != 6 || f.Measures["access_system.policy"].Due != "2027-03-31" {
		t.Error("settings lost")
	}
}

func TestParseReportsPositions(t *testing.T) {
	c := smallCatalog(t)
	data := []byte(`{
  "schema": 1,
  "catalog": {"id": "tom-small", "version": "1.0.0"},
  "answers": {
    "org.email": "info(at)example.de",
    "providers": [
      {"id": "p1", "name": "A", "processor": true, "avv_signed": "31.02.2020"}
    ]
  },
  "measures": {"access_system.policy": {"status": "done"}}
}
`)
	_, _, err := Parse("tom.json", data, c)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want *LoadError, got %v", err)
	}
	want := strings.Join([]string{
		"tom.json:5:18: /answers/org.email: keine gültige E-Mail-Adresse",
		"tom.json:7:66: /answers/providers/0/avv_signed: kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)",
		`tom.json:10:51: /measures/access_system.policy/status: Status "done" ungültig (implemented, planned, not_applicable, unclear, declined)`,
	}, "\n")
	if got := le.Format(De); got != want {
		t.Errorf("German:\n%s\nwant\n%s", got, want)
	}
	if got := le.Format(En); !strings.Contains(got, "tom.json:7:66: /answers/providers/0/avv_signed: not a date (DD.MM.YYYY or YYYY-MM-DD)") {
		t.Errorf("English:\n%s", got)
	}
	if err.Error() != want {
		t.Error("Error() is not the German format")
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, _, err := Load(filepath.Join(t.TempDir(), "none.json"), smallCatalog(t))
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v", err)
	}
}

func TestParseAcceptsTypedDatesAndEmptyRecords(t *testing.T) {
	c := smallCatalog(t)
	data := []byte(`{"schema": 1, "catalog": {"id": "tom-small", "version": "1.0.0"},
 "answers": {"org.date": "28.11.2026", "providers": []}, "measures": {}}`)
	f, _, err := Parse("x.json", data, c)
	if err != nil {
		t.Fatal(err)
	}
	if v := f.Get("providers"); !v.IsRecords() || len(v.Records()) != 0 {
		t.Errorf("[] for a records question: %#v", v)
	}
	if f.Get("org.date").Str() != "28.11.2026" {
		t.Error("date changed on load")
	}
}

// migrationCatalog is the small catalogue in version 1.1.0: org.email was
// renamed to org.mail, org.date removed, a measure added.
func migrationCatalog(t *testing.T) *Catalog {
	data := mutatedCatalog(t, func(c *Catalog) {
		c.Version = "1.1.0"
		question(c, "org.email").ID = "org.mail"
		s := sec(c, "org")
		s.Questions = s.Questions[:3]
		ac := sec(c, "access_system")
		ac.Measures = append(ac.Measures, &Measure{ID: "access_system.mfa", Type: Technical, Since: "1.1.0",
			Label: Text{"Zwei-Faktor-Anmeldung", "Two-factor login"}, Help: Text{"Etwa TOTP.", "TOTP, for example."}})
		c.Renamed = map[string]string{"org.email": "org.mail"}
		c.Removed = []string{"org.date"}
	})
	c, err := ParseCatalog("v1.1.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseMigratesOlderCatalogVersion(t *testing.T) {
	c := migrationCatalog(t)
	data := []byte(`{"schema": 1, "catalog": {"id": "tom-small", "version": "1.0.0"},
 "answers": {"org.name": "A", "org.email": "a@b.de", "org.date": "2020-01-01"}, "measures": {}}`)
	f, mig, err := Parse("old.json", data, c)
	if err != nil {
		t.Fatal(err)
	}
	if mig.Empty() || mig.From != "1.0.0" || mig.To != "1.1.0" {
		t.Fatalf("migration %+v", mig)
	}
	if mig.Renamed["org.email"] != "org.mail" || f.Get("org.mail").Str() != "a@b.de" || f.Get("org.email").IsSet() {
		t.Errorf("rename not applied: %+v %v", mig.Renamed, f.Answers)
	}
	if len(mig.Removed) != 1 || mig.Removed[0] != "org.date" || f.Retired["org.date"] != "2020-01-01" {
		t.Errorf("removal not retired: %+v %v", mig.Removed, f.Retired)
	}
	if len(mig.New) != 1 || mig.New[0] != "access_system.mfa" {
		t.Errorf("new: %v", mig.New)
	}
	if f.Catalog.Version != "1.1.0" {
		t.Errorf("file still at %s", f.Catalog.Version)
	}
	// The migrated file saves and loads again without a migration.
	out, _ := Marshal(f)
	if _, mig2, err := Parse("new.json", out, c); err != nil || !mig2.Empty() {
		t.Fatalf("migrated file: %v %+v", err, mig2)
	}
}

func TestParseRefusesNewerAndForeign(t *testing.T) {
	c := smallCatalog(t)
	for _, tc := range []struct{ data, want string }{
		{`{"schema": 2, "catalog": {"id": "tom-small", "version": "1.0.0"}}`, "/schema: the file has schema version 2 and was written by a newer tom; this tom reads up to version 1"},
		{`{"schema": 1, "catalog": {"id": "tom-small", "version": "1.2.0"}}`, "/catalog/version: answered with catalogue version 1.2.0, but the older version 1.0.0 is loaded"},
		{`{"schema": 1, "catalog": {"id": "tom-standard", "version": "1.0.0"}}`, `/catalog/id: answered with catalogue "tom-standard", but "tom-small" is loaded (--catalog selects the catalogue)`},
	} {
		_, _, err := Parse("f.json", []byte(tc.data), c)
		var le *LoadError
		if !errors.As(err, &le) || !strings.Contains(le.Format(En), tc.want) {
			t.Errorf("%s: got %v", tc.data, err)
		}
	}
}

func TestValidateOwnMeasuresAndProgress(t *testing.T) {
	c := smallCatalog(t)
	f := sampleFile(c)
	f.OwnMeasures = append(f.OwnMeasures,
		OwnMeasure{ID: "own1", Section: "org", Text: " ", Type: "magic", MeasureAnswer: MeasureAnswer{Status: StatusPlanned, Due: "bald"}})
	f.Progress.Step = "nowhere"
	f.History = []HistoryEntry{{Date: "2026-02-30", Kind: "audit"}}
	var got []string
	for _, p := range Validate(c, f) {
		got = append(got, p.Pointer+" "+p.Key)
	}
	want := []string{
		"/own_measures/1/id dup_id", "/own_measures/1/section not_control", "/own_measures/1/text empty_text",
		"/own_measures/1/type bad_type", "/own_measures/1/due not_date", "/progress/step unknown_section",
		"/history/0/date not_date", "/history/0/kind bad_kind",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestParseEachDuplicateKeyAtItsOwnLine: a key given three times gave two
// identical error lines, both at the last occurrence.
func TestParseEachDuplicateKeyAtItsOwnLine(t *testing.T) {
	data := []byte("{\n  \"schema\": 1,\n  \"catalog\": {\"id\": \"tom-small\", \"version\": \"1.0.0\"},\n  \"answers\": {\n    \"org.name\": \"A\",\n    \"org.name\": \"B\",\n    \"org.name\": \"C\"\n  }\n}\n")
	_, _, err := Parse("tom.json", data, smallCatalog(t))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want *LoadError, got %v", err)
	}
	want := "tom.json:6:17: /answers/org.name: Schlüssel \"org.name\" doppelt\n" +
		"tom.json:7:17: /answers/org.name: Schlüssel \"org.name\" doppelt"
	if got := le.Format(De); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestMigrationNewBySectionSince: a section marked since 1.1.0 makes its
// questions and measures new to a 1.0.0 file, unless one carries an older
// since of its own.
func TestMigrationNewBySectionSince(t *testing.T) {
	data := mutatedCatalog(t, func(c *Catalog) {
		c.Version = "1.1.0"
		s := sec(c, "access_system")
		s.Since = "1.1.0"
		s.Measures[0].Since = "1.0.0"
	})
	c, err := ParseCatalog("v1.1.json", data)
	if err != nil {
		t.Fatal(err)
	}
	s := sec(c, "access_system")
	var want []string
	for _, q := range s.Questions {
		want = append(want, q.ID)
	}
	for _, m := range s.Measures[1:] {
		want = append(want, m.ID)
	}
	_, mig, err := Parse("old.json", []byte(`{"schema": 1, "catalog": {"id": "tom-small", "version": "1.0.0"}, "answers": {}, "measures": {}}`), c)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 2 || !slices.Equal(mig.New, want) {
		t.Fatalf("new %v, want %v", mig.New, want)
	}
	// Answered with 1.1.0: nothing is new.
	_, mig, err = Parse("cur.json", []byte(`{"schema": 1, "catalog": {"id": "tom-small", "version": "1.1.0"}, "answers": {}, "measures": {}}`), c)
	if err != nil || len(mig.New) != 0 {
		t.Fatalf("answered with 1.1.0: new %v, err %v", mig.New, err)
	}
}

// A since that is no version is refused at its line and column in German and
// English.
func TestCatalogBadSince(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(c *Catalog)
		de, en string
	}{
		{"section", func(c *Catalog) { sec(c, "access_system").Since = "neu" },
			`/sections/2/since: since "neu" ist keine semantische Version (MAJOR.MINOR.PATCH)`,
			`/sections/2/since: since "neu" is not a semantic version (MAJOR.MINOR.PATCH)`},
		{"measure", func(c *Catalog) { measure(c, "access_system.policy").Since = "1.1" },
			`/sections/2/measures/1/since: since "1.1" ist keine semantische Version`,
			`/sections/2/measures/1/since: since "1.1" is not a semantic version`},
		{"question", func(c *Catalog) { question(c, "infra.server_kind").Since = "v1.0.0" },
			`/sections/1/questions/1/since: since "v1.0.0" ist keine`, `/sections/1/questions/1/since: since "v1.0.0" is not`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCatalog("broken.json", mutatedCatalog(t, tc.change))
			if err == nil {
				t.Fatal("accepted")
			}
			for l, want := range map[Lang]string{De: tc.de, En: tc.en} {
				if got := ErrorIn(err, l); !strings.Contains(got, want) || !strings.Contains(got, "broken.json:1:") {
					t.Errorf("%s: %s\nwant a line:column and %s", l, got, want)
				}
			}
		})
	}
	if _, err := ParseCatalog("ok.json", mutatedCatalog(t, func(c *Catalog) { sec(c, "access_system").Since = "1.0.0" })); err != nil {
		t.Fatal(err)
	}
}

// TestCheckThen: CheckThen runs its function on the file while validating
// it; a panic of that function on an invalid file is dropped (the file's
// problems are reported), on a valid one it panics as after Check.
func TestCheckThen(t *testing.T) {
	c := smallCatalog(t)
	good, err := Marshal(sampleFile(c))
	if err != nil {
		t.Fatal(err)
	}
	read := func(data []byte) *Decoded {
		path := filepath.Join(t.TempDir(), "tom.json")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		d, err := Read(path)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	var saw *File
	f, _, err := read(good).CheckThen(c, func(f *File) { saw = f })
	if err != nil || saw != f {
		t.Fatalf("valid file: %v, then saw %p, file %p", err, saw, f)
	}
	unknown := bytes.Replace(good, []byte(`"answers": {`), []byte(`"answers": {"gibtsnicht": "x", `), 1)
	if bytes.Equal(unknown, good) {
		t.Fatal("the file was not made invalid")
	}
	if _, _, err := read(unknown).CheckThen(c, func(*File) { panic("boom") }); err == nil || !strings.Contains(err.Error(), "gibtsnicht") {
		t.Errorf("invalid file: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("a panic on a valid file was dropped")
		}
	}()
	read(good).CheckThen(c, func(*File) { panic("boom") })
}
