package line

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestLineParams: a measure marked implemented in the table is asked its
// parameter after the table, with range and unit; input that does not fit
// is refused with the reason and asked again; the value is stored with the
// measure. Unchanged and complete, it is not asked again.
func TestLineParams(t *testing.T) {
	lo, hi := 1, 60
	c, f := tableFile(t, model.De)
	c.Measure("access_system.policy").Params = []*model.Param{{ID: "minutes", Kind: model.KindInteger,
		Label: model.Text{De: "Inaktivität bis zur Sperre", En: "Inactivity before the lock"},
		Unit:  model.Text{De: "Minuten", En: "minutes"}, UnitOne: model.Text{De: "Minute", En: "minute"}, Min: &lo, Max: &hi}}
	res := runLineTest(t, c, f, "", "u 2 k 1,3,4\n\nzehn\n99\n10\nn\n", model.De)
	lineWantAll(t, res.out,
		"  2) Schriftliche Passwortrichtlinie – Inaktivität bis zur Sperre (1–60 Minuten):",
		"Ungültig: keine ganze Zahl. Bitte noch einmal.",
		"Ungültig: 99 liegt außerhalb des Bereichs 1–60. Bitte noch einmal.",
	)
	if got := res.file.Measures["access_system.policy"]; got.Status != model.StatusImplemented || got.Params["minutes"] != "10" {
		t.Fatalf("policy = %+v", got)
	}
	g := res.file
	g.Progress.Step = "access_system"
	again := runLineTest(t, c, g, res.path, "\nn\n", model.De)
	if strings.Contains(again.out, "Inaktivität bis zur Sperre") {
		t.Errorf("the complete parameter was asked again:\n%s", again.out)
	}
	if got := again.file.Measures["access_system.policy"].Params["minutes"]; got != "10" {
		t.Errorf("minutes after the second pass %q", got)
	}
}
