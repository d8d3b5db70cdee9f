package wizard

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// The full-screen interview shows a finding on the status line after the
// step that made its rule hold, and every finding on the final screen.
func TestFindingsShown(t *testing.T) {
	c := realCatalog(t)
	f, _, err := model.Load("../testdata/sample/tom.json", c)
	if err != nil {
		t.Fatal(err)
	}
	f.Set("network.segmentation", model.Bool(true))
	f.Measures["separation.network_segments"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Progress.Step = "network"
	d := newDriver(t, c, f, model.De)
	before := len(d.m.s.Findings())
	// The user answers "no network segments" in this step.
	d.m.f.Set("network.segmentation", model.Bool(false))
	d.m.finishSection()
	d.expect("Widerspruch: „Netz in getrennte Bereiche aufgeteilt“")
	if len(d.m.s.Findings()) != before+1 {
		t.Fatalf("findings %d, want %d", len(d.m.s.Findings()), before+1)
	}
	// A finding is shown once: the next step does not repeat it (the next
	// key press clears the status line, as it does for every notice).
	d.m.notice = ""
	d.m.finishSection()
	// (The status line, not the screen: the step after this one may be
	// the end list, which names every finding.)
	if strings.Contains(d.m.notice, "Netz in getrennte Bereiche aufgeteilt“ ist") {
		t.Errorf("an old finding shown again at a step: %s", d.m.notice)
	}
	for d.m.screen != screenFinish {
		d.m.finishSection()
	}
	d.expect("Noch offen oder widersprüchlich", "  Widerspruch: „Verschlüsselte Datenträger auf dem Server“")
}
