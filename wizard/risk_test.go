package wizard

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// The risk step in the full screen: the need question names the proposal
// and why, Enter takes it; lowering a need asks for the reason; the
// measures table marks the measures expected at the level.
func TestRiskStepFullScreen(t *testing.T) {
	c := realCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress.Step = "risk"
	d := newDriver(t, c, f, model.De)
	d.expect("Für wen verarbeiten Sie personenbezogene Daten?")
	d.press("enter") // controller (the first option)
	d.expect("Welche Arten personenbezogener Daten")
	d.press("space", "down", "down", "down", "down", "down", "space", "enter") // customers, special
	d.expect("Über wie viele Menschen")
	d.press("enter")
	d.expect("Schutzbedarf Vertraulichkeit", "Vorschlag: sehr hoch, weil: Gesundheitsdaten oder andere besondere Kategorien", "(Art. 9 DSGVO)")
	d.press("enter") // takes sehr hoch
	if got := d.answer("risk.confidentiality"); got != model.LevelVeryHigh {
		t.Fatalf("confidentiality %v, want the proposal", got)
	}
	d.expect("Schutzbedarf Integrität", "Vorschlag: hoch")
	d.press("up", "enter") // lowered to normal
	d.expect("Schutzbedarf Verfügbarkeit", "Vorschlag: normal")
	d.press("enter")
	d.expect("Warum ist der Schutzbedarf niedriger als vorgeschlagen?")
	d.typ("Befunde nur auf Papier").press("enter")
	if got := d.answer("risk.need_reason"); got != "Befunde nur auf Papier" {
		t.Errorf("reason %v", got)
	}
	if got := d.saved()["protection_level"]; got != model.LevelVeryHigh {
		t.Errorf("stored level %v", got)
	}
}

// The measures table marks expected measures, and the help of the row
// under the cursor says so with the level.
func TestExpectedMarkFullScreen(t *testing.T) {
	c := realCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("risk.role", model.String(model.BusinessController))
	f.Set("risk.data_kinds", model.List("customers"))
	f.Set("risk.confidentiality", model.String(model.LevelNormal))
	f.Set("risk.integrity", model.String(model.LevelNormal))
	f.Set("risk.availability", model.String(model.LevelNormal))
	f.Set("infra.premises", model.Bool(true))
	f.Progress.Step = "access_physical"
	d := newDriver(t, c, f, model.De)
	scr := d.screen()
	// The first row (alarm, from hoch) is not expected at normal; locks are.
	for _, l := range strings.Split(scr, "\n") {
		switch {
		case strings.Contains(l, "Alarmanlage (Einbruch") && strings.Contains(l, "[empfohlen]"):
			t.Errorf("alarm marked at normal: %q", l)
		case strings.Contains(l, "Sicherheitsschlösser") && !strings.Contains(l, "[empfohlen]"):
			t.Errorf("locks not marked: %q", l)
		}
	}
	d.toRow("Sicherheitsschlösser")
	d.expect("Empfohlen für Ihr Schutzniveau (normal).")
}
