package wizard

import (
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// flowFile is a small-catalogue file gone through except for the IT step,
// put off, with a measure declined without reason or risk acceptance.
func flowFile(t *testing.T, c *model.Catalog) *model.File {
	t.Helper()
	f := model.NewFile(c, model.De)
	f.Set("org.name", model.String("Alt GmbH"))
	f.Set("infra.server", model.Bool(false))
	f.Set("infra.devices", model.List("pc"))
	f.Set("providers", model.Records())
	f.Measures["access_system.passwords"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Measures["access_system.policy"] = model.MeasureAnswer{Status: model.StatusDeclined}
	f.Progress = model.Progress{Step: "providers", Done: []string{"org", "access_system", "providers"}, Skipped: []string{"infra"}}
	return f
}

// The end list names what is open; Enter jumps there; after the step put
// off, the wizard goes to the next open entry (the declined measure's
// reason and risk acceptance), not to the step after it, and then back to
// the list, now complete.
func TestEndListJumps(t *testing.T) {
	c := smallCatalog(t)
	d := newDriver(t, c, flowFile(t, c), model.De)
	d.expect("Schritt 4 von 4 · Dienstleister").press("end", "enter")
	d.expect("noch nicht vollständig", "Noch offen oder widersprüchlich (2)",
		"> IT-Umgebung: auf später verschoben",
		"  Schriftliche Passwortrichtlinie: Begründung oder Risikoübernahme fehlt", "  Beenden")
	d.press("enter").expect("Schritt 2 von 4 · IT-Umgebung", "Betreiben Sie")
	d.press("n").expect("Welche Geräte").press("enter")
	// Not step 3 in order: the declined measure's reason and risk acceptance.
	d.expect("Schritt 3 von 4 · Zugangskontrolle", "Warum wird „Schriftliche Passwortrichtlinie“ bewusst nicht umgesetzt?")
	d.typ("Zwei Personen im Betrieb").press("enter")
	d.expect("Wer hat das Risiko").typ("Inhaberin").press("enter")
	// Nothing is left: the list again, complete, Enter quits.
	d.expect("Die Befragung ist vollständig.", "Enter beenden")
	eq(t, "measure", d.measure("access_system.policy"), map[string]any{"status": "declined", "reason": "Zwei Personen im Betrieb", "accepted_by": "Inhaberin"})
	eq(t, "done", d.progress()["done"], []any{"org", "infra", "access_system", "providers"})
	if d.m.key(keyMsg("enter")) == nil || d.m.quit != quitUser {
		t.Error("Enter on Beenden does not quit")
	}
}

// Jumping to the second entry first: after it the first one follows (the
// next not visited), then the list.
func TestEndListJumpOrder(t *testing.T) {
	c := smallCatalog(t)
	d := newDriver(t, c, flowFile(t, c), model.En)
	d.press("end", "enter").expect("> IT environment: put off")
	d.press("down", "enter").expect("Step 3 of 4", "Why is “Written password policy” deliberately not implemented?")
	d.typ("Two people").press("enter").typ("Owner").press("enter")
	d.expect("Step 2 of 4 · IT environment")
	d.press("enter", "enter").expect("The interview is complete.")
}

// Going elsewhere through the overview ends a round of jumps: the step
// after the one chosen follows in order.
func TestEndListOverviewEndsRound(t *testing.T) {
	c := smallCatalog(t)
	d := newDriver(t, c, flowFile(t, c), model.De)
	d.press("end", "enter", "enter").expect("Schritt 2 von 4")
	if !d.m.s.Jumping() {
		t.Fatal("not jumping after Enter on the end list")
	}
	d.press("ctrl+o", "home", "enter").expect("Schritt 1 von 4")
	if d.m.s.Jumping() {
		t.Error("still jumping after the overview")
	}
	d.press("enter", "enter", "enter", "enter").expect("Schritt 2 von 4")
}

// "Teil X von Y" stays the same while the measures' statuses add screens.
func TestPartStableMeasures(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("infra.server", model.Bool(false))
	f.Set("infra.devices", model.List("pc"))
	f.Progress = model.Progress{Step: "access_system", Done: []string{"org", "infra"}}
	d := newDriver(t, c, f, model.De)
	d.expect("Teil 1 von 2", "Stand der Maßnahmen (2").press("g", "n", "enter")
	d.expect("Bis wann", "Teil 1 von 2").typ("31.12.2027").press("enter")
	d.expect("Warum", "Teil 1 von 2").typ("kein Bedarf").press("enter")
	d.expect("Eigene Maßnahmen", "Teil 2 von 2")
}

// The overview shows the estimate of the time left; it shrinks as answers
// come in.
func TestOverviewRemaining(t *testing.T) {
	c := smallCatalog(t)
	d := newDriver(t, c, nil, model.De)
	d.press("ctrl+o").expect("Übersicht – alle Abschnitte", "noch etwa 8 Minuten")
	d.press("esc").typ("Muster GmbH").press("enter").typ("Weg 1").press("enter")
	d.press("ctrl+o").expect("noch etwa 6 Minuten")
	e := newDriver(t, c, nil, model.En)
	e.press("ctrl+o").expect("about 8 minutes left")
}

// The end list's cursor moves with the arrows, Home and End; q quits from
// any row, Enter on "Beenden" too.
func TestEndListKeys(t *testing.T) {
	c := smallCatalog(t)
	d := newDriver(t, c, flowFile(t, c), model.De)
	d.press("end", "enter").expect("> IT-Umgebung")
	d.press("down").expect("> Schriftliche Passwortrichtlinie")
	d.press("end").expect("> Beenden")
	d.press("home").expect("> IT-Umgebung")
	if d.m.key(keyMsg("q")) == nil || d.m.quit != quitUser {
		t.Error("q does not quit the end list")
	}
}

// A jump to a step whose measures are partly answered puts the table's
// cursor on the first row without status.
func TestEndListJumpToRow(t *testing.T) {
	c := smallCatalog(t)
	f := flowFile(t, c)
	f.Progress.Skipped = nil
	f.Progress.Done = []string{"org", "infra", "access_system", "providers"}
	delete(f.Measures, "access_system.policy")
	d := newDriver(t, c, f, model.De)
	d.press("end", "enter").expect("> Zugangskontrolle: teilweise beantwortet")
	d.press("enter").expect("Stand der Maßnahmen", "> 2 Schriftliche Passwortrichtlinie")
	d.press("g", "enter").typ("31.12.2027").press("enter")
	d.expect("Eigene Maßnahmen").press("end", "enter").expect("Die Befragung ist vollständig.")
}
