package wizard

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/line"
)

// The cases of issue 9 "Why", replayed against the front ends.

// Full screen: Ctrl+S on a step, the rest answered, back to it through the
// overview and answered, then Ctrl+C or a signal (SIGHUP): the wizard, the
// saved file, tom status and the document's Stand all say "complete".
func TestWhySkipJumpBackThenLeave(t *testing.T) {
	for _, leave := range []string{"ctrl+c", "signal"} {
		c := smallCatalog(t)
		rest := append([]twinStep{{"put infra off", []string{"ctrl+s"}, nil}}, twinScript[6:]...)
		steps := append(append(append([]twinStep{}, twinScript[:4]...), rest...),
			twinStep{"back to infra", []string{"ctrl+o", "home", "down", "enter"}, nil}, twinScript[4], twinScript[5])
		d := newDriver(t, c, nil, model.De)
		for _, st := range steps {
			for _, k := range st.keys {
				if text, ok := strings.CutPrefix(k, "="); ok {
					d.typ(text)
				} else {
					d.press(k)
				}
			}
		}
		if leave == "signal" {
			d.m.Update(signalMsg{})
		} else {
			d.press("ctrl+c")
		}
		if !d.m.Complete() {
			t.Fatalf("%s: the wizard says incomplete", leave)
		}
		data, err := os.ReadFile(d.path)
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := model.Parse(d.path, data, c)
		if err != nil {
			t.Fatal(err)
		}
		if st := model.Status(c, f, "2026-11-28"); !st.Complete || st.State == model.ReviewIncomplete {
			t.Errorf("%s: tom status disagrees: %+v", leave, st)
		}
		if f.Stand() != "2026-11-28" {
			t.Errorf("%s: the document would say Stand %q", leave, f.Stand())
		}
	}
}

// Line mode: :ende right after the skipped step was answered ends complete
// (exit 0, the closing line says so), not "Unterbrochen".
func TestWhyLineQuitWhenComplete(t *testing.T) {
	c := smallCatalog(t)
	first := append(append([]twinStep{}, twinScript[:4]...), twinStep{"put infra off", nil, []string{":später"}})
	first = append(first, twinScript[6:]...)
	part, out, err := twinLine(t, c, model.NewFile(c, model.De), first)
	if !errors.Is(err, line.ErrIncomplete) {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	f, _, perr := model.Parse("part.json", part, c)
	if perr != nil {
		t.Fatal(perr)
	}
	_, out, err = twinLine(t, c, f, []twinStep{twinScript[4], twinScript[5], {"leave", nil, []string{":ende"}}})
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	if strings.Contains(out, "Unterbrochen") || !strings.Contains(out, "Fertig: Alle Schritte sind beantwortet") {
		t.Errorf("closing line:\n%s", out)
	}
}

// Full screen: a list step whose add form is opened and left with Esc holds
// no answer and is not done.
func TestWhyListOpenedAndLeftEmpty(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress.Step = "providers"
	d := newDriver(t, c, f, model.De)
	d.expect("+ Dienstleister hinzufügen").press("enter").expect("Name").press("esc")
	d.expect("Noch keine Einträge")
	if _, ok := d.m.f.Answers["providers"]; ok {
		t.Error("the empty list was stored as an answer")
	}
	if st := d.m.s.State(c.Section("providers")); st.State == model.StateDone {
		t.Errorf("the list step counts as done: %+v", st)
	}
	d.press("ctrl+o").expect("Dienstleister")
	if strings.Contains(d.screen(), "✓") {
		t.Errorf("the overview marks a step done:\n%s", d.screen())
	}
}

// Line mode re-run of a completed file: a changed answer is recorded in the
// history, old → new, like the full screen does; an unchanged re-run adds
// nothing.
func TestWhyLineRerunRecordsChanges(t *testing.T) {
	c := smallCatalog(t)
	done, _, err := twinLine(t, c, model.NewFile(c, model.De), twinScript)
	if err != nil {
		t.Fatal(err)
	}
	load := func() *model.File {
		f, _, err := model.Parse("done.json", done, c)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	same, _, err := twinLine(t, c, load(), []twinStep{{"Enter everywhere", nil, strings.Split(strings.Repeat("\n", 30), "\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if string(same) != string(done) {
		t.Errorf("an unchanged re-run changed the file:\n%s", same)
	}
	changed, _, err := twinLine(t, c, load(), []twinStep{{"new name, then Enter", nil,
		append([]string{"Neu GmbH"}, strings.Split(strings.Repeat("\n", 30), "\n")...)}})
	if err != nil {
		t.Fatal(err)
	}
	g, _, perr := model.Parse("changed.json", changed, c)
	if perr != nil {
		t.Fatal(perr)
	}
	if len(g.History) != 2 {
		t.Fatalf("history %+v", g.History)
	}
	e := g.History[1]
	if e.By != "tester" || e.Version != "1.1" || len(e.Changes) != 1 || e.Changes[0].Path != "answers/org.name" ||
		e.Changes[0].Old != "Bäckerei Süß" || e.Changes[0].New != "Neu GmbH" {
		t.Errorf("entry %+v", e)
	}
}
