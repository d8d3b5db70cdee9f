package wizard

import (
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// paramsAt is the measures table of the small catalogue with a parameter
// on the second row (the written password policy: minutes, 1–60).
func paramsAt(t *testing.T, lang model.Lang) *driver {
	t.Helper()
	lo, hi := 1, 60
	c := smallCatalog(t)
	c.Measure("access_system.policy").Params = []*model.Param{{ID: "minutes", Kind: model.KindInteger,
		Label: model.Text{De: "Inaktivität bis zur Sperre", En: "Inactivity before the lock"},
		Unit:  model.Text{De: "Minuten", En: "minutes"}, Min: &lo, Max: &hi}}
	f := model.NewFile(c, lang)
	f.Set("org.name", model.String("Muster GmbH"))
	f.Set("infra.server", model.Bool(true))
	f.Set("infra.server_kind", model.String("vserver"))
	f.Set("infra.devices", model.List("notebook"))
	f.Progress.Done = []string{"org", "infra"}
	f.Progress.Step = "access_system"
	d := newDriver(t, c, f, lang)
	if d.m.tbl == nil {
		t.Fatalf("not on the table:\n%s", d.screen())
	}
	return d
}

// TestParamAskedAfterTable: marking a measure implemented asks its
// parameter right after the table, with range and unit; a value out of
// range is refused with the reason and not stored; a valid one is stored
// with the measure; left empty, nothing is stored and the measure stays
// implemented.
func TestParamAskedAfterTable(t *testing.T) {
	d := paramsAt(t, model.De)
	d.press("k", "u", "k", "k", "enter")
	d.expect("Inaktivität bis zur Sperre (1–60 Minuten)", "Passwortrichtlinie“ (leer lassen")
	d.typ("99").press("enter")
	d.expect("99 liegt außerhalb des Bereichs 1–60")
	if p := d.measure("access_system.policy")["params"]; p != nil {
		t.Fatalf("a value out of range was stored: %v", p)
	}
	d.press("backspace", "backspace").typ("10").press("enter")
	d.expect("Eigene Maßnahmen")
	eq(t, "policy", d.measure("access_system.policy"), map[string]any{"status": "implemented", "params": map[string]any{"minutes": "10"}})

	// English, left empty: implemented without the value (an open item).
	e := paramsAt(t, model.En)
	e.press("c", "i", "c", "c", "enter")
	e.expect("Inactivity before the lock (1–60 minutes)").press("enter")
	e.expect("Own measures")
	eq(t, "empty", e.measure("access_system.policy"), map[string]any{"status": "implemented"})
}
