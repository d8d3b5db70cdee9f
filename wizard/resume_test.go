package wizard

import (
	"bytes"
	"os"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// reopen loads the file d saved and starts a new wizard on it.
func (d *driver) reopen() (*driver, []byte) {
	d.t.Helper()
	data, err := os.ReadFile(d.path)
	if err != nil {
		d.t.Fatal(err)
	}
	f, _, err := model.Parse(d.path, data, d.c)
	if err != nil {
		d.t.Fatalf("saved file does not load: %v", err)
	}
	return newDriver(d.t, d.c, f, model.De), data
}

// TestResumeInsideStep answers three of the four questions of the first step,
// ends the wizard as a dropped connection (SIGHUP) would, and reopens the
// saved file: the wizard is on the fourth question, not the first, and a
// file reopened and closed again is saved byte for byte as it was.
func TestResumeInsideStep(t *testing.T) {
	d := newDriver(t, smallCatalog(t), nil, model.De)
	d.expect("Name des Unternehmens", "Teil 1 von 4")
	d.typ("Bäckerei Süß").press("enter")
	d.typ("Hauptstr. 1").press("enter")
	d.typ("info@baeckerei.de").press("enter")
	d.expect("Datum der Erhebung", "Teil 4 von 4").typ("28.11")
	d.m.Update(signalMsg{})
	eq(t, "progress", d.progress(), map[string]any{"step": "org", "question": "org.date"})

	r, first := d.reopen()
	r.expect("Datum der Erhebung", "Teil 4 von 4")
	eq(t, "kept answer", r.m.f.Get("org.email").Str(), "info@baeckerei.de")
	r.m.Update(signalMsg{})
	again, err := os.ReadFile(r.path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Fatalf("reopening and closing changed the file:\n%s\n%s", first, again)
	}

	// Back to the first question: nothing to record, the field disappears.
	r.press("esc", "esc", "esc").expect("Name des Unternehmens", "Teil 1 von 4")
	r.m.Update(signalMsg{})
	eq(t, "progress at the first question", r.progress(), map[string]any{"step": "org"})
}

// TestResumeIgnoresUnknownQuestion: a question ID that is not in the step, or
// is hidden now, starts the step at its first question without complaint.
func TestResumeIgnoresUnknownQuestion(t *testing.T) {
	c := smallCatalog(t)
	for _, q := range []string{"no.such.question", "infra.server_kind", "org.date"} {
		f := model.NewFile(c, model.De)
		f.Progress = model.Progress{Step: "infra", Question: q, Done: []string{"org"}}
		d := newDriver(t, c, f, model.De)
		d.expect("Schritt 2 von 4", "Teil 1 von 3")
	}
}
