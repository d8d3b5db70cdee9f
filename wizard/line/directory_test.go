package line

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// lineDirectory is the shipped provider directory when it fits catalogue c,
// as tom interview offers it (nil otherwise).
func lineDirectory(c *model.Catalog) *model.Directory {
	if c.QuestionByRole(model.RoleProviderRegister) == nil {
		return nil
	}
	d, err := questionnaires.Providers(c)
	if err != nil {
		return nil
	}
	return d
}

// runLineDirectory runs line mode at the provider register of the real
// catalogue with the shipped directory and returns the output and the file.
func runLineDirectory(t *testing.T, input string) (string, *model.File, *model.Directory) {
	t.Helper()
	c := realCatalog(t)
	d, err := questionnaires.Providers(c)
	if err != nil {
		t.Fatal(err)
	}
	f := model.NewFile(c, model.De)
	f.Progress.Step = "providers"
	var out strings.Builder
	err = Run(Options{Catalog: c, File: f, Path: filepath.Join(t.TempDir(), "tom.json"), Lang: model.De,
		In: strings.NewReader(input), Out: &out, Today: lineToday, Directory: d})
	if err != nil && !errors.Is(err, ErrIncomplete) {
		t.Fatalf("%v\n%s", err, out.String())
	}
	lineNoEscape(t, out.String())
	return out.String(), f, d
}

// Adding a provider in line mode: a search text gives numbered matches, a
// number takes one (its facts fill the record), a search without a match
// says so, and 0 or an empty line gives a new entry asked field by field.
func TestLineDirectorySearch(t *testing.T) {
	out, f, d := runLineDirectory(t, strings.Join([]string{
		"a", "xyzzy", "strato", "2", "1", "", // STRATO from the directory, not edited
		"a", "strato", "0", "Eigener Dienst GmbH", // a new one, then every field empty
	}, "\n")+strings.Repeat("\n", 25))
	for _, want := range []string{
		"Im Anbieterverzeichnis suchen",
		"Kein Treffer für „xyzzy“.",
		"  1) STRATO AG · Hosting und Rechenzentrum · Berlin",
		"  0) Neuer Eintrag, nicht aus dem Verzeichnis",
		"Ungültig: es gibt keinen Treffer 2.",
		"Übernommen aus dem Verzeichnis: STRATO AG",
		"Eintrag 1 gespeichert.",
		"Eintrag 2 gespeichert.",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("output lacks %q:\n%s", want, out)
		}
	}
	recs := f.Get("providers").Records()
	if len(recs) != 2 {
		t.Fatalf("%d records:\n%s", len(recs), out)
	}
	var strato *model.DirectoryEntry
	for _, e := range d.Entries {
		if e.ID == "strato" {
			strato = e
		}
	}
	if want := d.Record(strato, recs[0].ID(), model.De); !recs[0].Equal(want) {
		t.Errorf("record 1 = %v, want %v", recs[0], want)
	}
	eq(t, "record 2", recs[1], model.Record{"id": model.String("r2"), "name": model.String("Eigener Dienst GmbH")})
}
