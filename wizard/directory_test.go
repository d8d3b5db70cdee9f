package wizard

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// shippedDirectory returns the shipped provider directory for c.
func shippedDirectory(t testing.TB, c *model.Catalog) *model.Directory {
	t.Helper()
	d, err := questionnaires.Providers(c)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// newDirDriver starts the wizard at the provider register of the real
// catalogue, with directory d, at w x h.
func newDirDriver(t *testing.T, c *model.Catalog, d *model.Directory, w, h int) *driver {
	t.Helper()
	f := model.NewFile(c, model.De)
	for _, s := range c.Sections {
		for _, q := range s.Questions {
			if q == d.Question {
				f.Progress.Step = s.ID
			}
		}
	}
	dr := &driver{t: t, c: c, path: filepath.Join(t.TempDir(), "tom.json")}
	dr.m = New(Options{
		Catalog: c, File: f, Path: dr.path, Lang: model.De, Today: "2026-11-28", User: "tester", Directory: d,
		Save: func(f *model.File) error {
			dr.saves++
			return model.Save(dr.path, f)
		},
	})
	dr.m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return dr
}

// Adding a provider starts with the directory: typing filters it, Enter
// takes the best match, its facts fill the one-page form (still editable),
// Ctrl+S saves: seven keys for Hetzner from the list.
func TestDirectoryChoosesAndFills(t *testing.T) {
	c := realCatalog(t)
	dir := shippedDirectory(t, c)
	d := newDirDriver(t, c, dir, 80, 24)
	d.expect("+ Dienstleister hinzufügen").press("enter")
	d.expect("Suche (Name, Marke, Kategorie, Ort):", "> + Neu: Dienstleister, nicht im Verzeichnis", "40 Treffer")
	d.typ("hetz").expect("1 Treffer", "> Hetzner Online GmbH · Hosting und Rechenzentrum · Gunzenhausen")
	d.press("enter")
	// The form, filled, focused on the first field still empty.
	d.expect("Dienstleister Hetzner Online GmbH", "Name bzw. Firma *: Hetzner Online GmbH",
		"Anschrift: Industriestr. 25 …", "E-Mail: data-protection@hetzner.com", "> Telefon")
	d.typ("0987 654321").press("ctrl+s")
	d.expect("1. Hetzner Online GmbH")
	want := dir.Record(dir.Entries[indexOf(t, dir, "hetzner")], "r1", model.De)
	want["phone"] = model.String("0987 654321")
	got := d.m.f.Get("providers").Records()
	if len(got) != 1 || !got[0].Equal(want) {
		t.Fatalf("stored %v, want %v", got, want)
	}
	if a := d.answer("providers").([]any)[0].(map[string]any); a["address"] != "Industriestr. 25\n91710 Gunzenhausen\nDeutschland" {
		t.Fatalf("saved address %q", a["address"])
	}
}

func indexOf(t *testing.T, d *model.Directory, id string) int {
	t.Helper()
	for i, e := range d.Entries {
		if e.ID == id {
			return i
		}
	}
	t.Fatalf("no entry %s", id)
	return -1
}

// "New provider": a search without a match offers a new entry named as
// searched; Esc on the directory goes back to the list without adding
// anything; Backspace widens the search again.
func TestDirectoryNewProvider(t *testing.T) {
	c := realCatalog(t)
	d := newDirDriver(t, c, shippedDirectory(t, c), 80, 24)
	d.press("enter").typ("Bäckerei-Software Süß")
	d.expect("Kein Treffer im Anbieterverzeichnis – Enter legt einen neuen an.", "> + Neu: Dienstleister")
	for range len([]rune("Bäckerei-Software Süß")) {
		d.press("backspace")
	}
	d.expect("40 Treffer", "> + Neu")
	d.press("esc").expect("Noch keine Einträge")
	if d.m.rec.edit >= 0 {
		t.Fatal("still adding after Esc")
	}
	// What was searched for becomes the name of the new entry.
	d.press("enter").typ("Eigener Dienst GmbH").press("enter")
	d.expect("Dienstleister Eigener Dienst GmbH · * = Pflichtangabe", "> Name bzw. Firma *", "Eigener Dienst GmbH", "Anschrift: (keine Angabe)")
	d.press("ctrl+s").expect("1. Eigener Dienst GmbH")
	eq(t, "record", d.answer("providers"), []any{map[string]any{"id": "r1", "name": "Eigener Dienst GmbH"}})
}

// The directory screen fits 80x24 and 60x20 with no line too wide, the
// search line and "new" always shown, a long list scrolled.
func TestDirectoryLayout(t *testing.T) {
	c := realCatalog(t)
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		d := newDirDriver(t, c, shippedDirectory(t, c), size[0], size[1])
		d.press("enter")
		for _, k := range []string{"", "end", "home", "down"} {
			if k != "" {
				d.press(k)
			}
			checkScreen(t, d, "directory "+k, size[0], size[1])
			d.expect("Suche (Name", "+ Neu: Dienstleister", "Tippen filtert")
		}
		d.press("end")
		if !strings.Contains(d.screen(), "↑") {
			t.Fatalf("%v: the end of the list does not say what is above:\n%s", size, d.screen())
		}
	}
}

// The review adds a provider through the same directory search (its
// section editor gets the directory).
func TestReviewEditorOffersDirectory(t *testing.T) {
	c := realCatalog(t)
	dir := shippedDirectory(t, c)
	f := model.NewFile(c, model.De)
	rs := model.StartReview(c, f, nil)
	e := newEditor(rs.Interview(rvToday, "tester"), model.De, "", rvToday, "tester", func(*model.File) error { return nil }, dir)
	var sec *model.Section
	for _, s := range c.Sections {
		for _, q := range s.Questions {
			if q == dir.Question {
				sec = s
			}
		}
	}
	p := e.list(sec, dir.Question)
	e.editRecord(p, 0)
	if p.pick == nil {
		t.Fatal("adding a provider in the review does not offer the directory")
	}
	for _, r := range "strato" {
		e.recordKey(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	e.recordKey(keyMsg("enter"))
	e.recordKey(keyMsg("ctrl+s"))
	recs := f.Get(dir.Question.ID).Records()
	if p.edit >= 0 || len(recs) != 1 || recs[0]["name"].Str() != "STRATO AG" {
		t.Fatalf("after choosing STRATO: edit %d, records %v", p.edit, recs)
	}
}

// The first person's name offers the contact person's (→ takes it, dimmed
// until then); Tab leaves the list for the next step.
func TestPeopleSuggestContactAndTabLeaves(t *testing.T) {
	c := realCatalog(t)
	people := c.QuestionByRole(model.RolePeopleRegister)
	f := model.NewFile(c, model.De)
	f.Set(c.QuestionByRole(model.RoleContact).ID, model.String("Jörg Müller"))
	for _, s := range c.Sections {
		if slices.Contains(s.Questions, people) {
			f.Progress.Step = s.ID
		}
	}
	d := &driver{t: t, c: c, path: filepath.Join(t.TempDir(), "tom.json")}
	d.m = New(Options{Catalog: c, File: f, Path: d.path, Lang: model.De, Today: "2026-11-28", User: "tester"})
	d.m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.press("n").expect("→ übernimmt: Jörg Müller")
	d.press("right", "ctrl+s").expect("1. Jörg Müller")
	d.press("n")
	if strings.Contains(d.screen(), "→ übernimmt") {
		t.Fatalf("the contact offered again though the list holds them:\n%s", d.screen())
	}
	d.press("esc")
	step := d.m.sec
	d.press("tab")
	if d.m.sec == step {
		t.Fatalf("Tab did not leave the list:\n%s", d.screen())
	}
	eq(t, "people", len(d.m.f.Get(people.ID).Records()), 1)
}
