package wizard

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestFullInterview answers the small catalogue from start to end and checks
// the saved JSON after every step: typed text with umlauts, live validation,
// conditional questions, measures (ticked, planned, not applicable, own),
// records, back-navigation across steps and the history entry at the end.
func TestFullInterview(t *testing.T) {
	d := newDriver(t, smallCatalog(t), nil, model.De)

	// Step 1: organisation.
	d.expect("Schritt 1 von 4 · Organisation", "Name des Unternehmens", "Teil 1 von 4")
	d.press("enter").expect("Bitte ausfüllen") // required
	d.typ("Bäckerei Öztürk & Süß €").press("enter")
	eq(t, "org.name", d.answer("org.name"), "Bäckerei Öztürk & Süß €")
	d.expect("Anschrift").typ("Hauptstr. 1").press("alt+enter").typ("50667 Köln").press("enter")
	d.expect("E-Mail").typ("info@")
	d.expect("keine gültige E-Mail-Adresse")
	d.press("enter").expect("E-Mail") // refused: still on the question
	d.typ("baeckerei.de").press("enter")
	d.expect("Datum der Erhebung").typ("28.11.2026").press("enter")
	eq(t, "org.address", d.answer("org.address"), "Hauptstr. 1\n50667 Köln")
	eq(t, "org.email", d.answer("org.email"), "info@baeckerei.de")
	eq(t, "org.date", d.answer("org.date"), "2026-11-28")
	eq(t, "progress after step 1", d.progress(), map[string]any{"step": "infra", "done": []any{"org"}})

	// Step 2: a yes makes the follow-up question appear.
	d.expect("Schritt 2 von 4 · IT-Umgebung", "Teil 1 von 3").press("j")
	d.expect("Welche Art von Server?", "Teil 2 von 3").press("down", "enter")
	eq(t, "server kind", d.answer("infra.server_kind"), "vserver")
	// Back one question and on to the devices again.
	d.press("esc").expect("Welche Art von Server?", "Virtueller Server").press("enter")
	d.expect("Welche Geräte nutzen Sie?").press("down", "space", "enter")
	eq(t, "devices", d.answer("infra.devices"), []any{"notebook"})

	// Step 3: measures. All four apply (server, notebook).
	d.expect("Schritt 3 von 4 · Zugangskontrolle", "Stand der Maßnahmen (4, 4 ohne Angabe)", "Festplattenverschlüsselung", "keine Angabe")
	// One key per row: implemented, planned, implemented, not applicable.
	d.press("u", "g", "u", "n").expect("Stand der Maßnahmen (4):")
	if s := d.screen(); !strings.Contains(screenLine(s, "Schriftliche Passwortrichtlinie"), "geplant") ||
		!strings.Contains(screenLine(s, "Festplattenverschlüsselung"), "nicht anwendbar") {
		t.Fatalf("statuses not shown in words:\n%s", s)
	}
	d.press("enter")
	eq(t, "passwords", d.measure("access_system.passwords"), map[string]any{"status": "implemented"})
	eq(t, "ssh", d.measure("access_system.ssh_keys_only"), map[string]any{"status": "implemented"})
	// What the statuses need, right after the table: the policy's date ...
	d.expect("Bis wann ist „Schriftliche Passwortrichtlinie“ geplant?").typ("31.13.2026").expect("kein gültiges Datum").press("enter").expect("Bis wann")
	for range 6 {
		d.press("backspace")
	}
	d.typ("2.2026").press("enter")
	eq(t, "policy", d.measure("access_system.policy"), map[string]any{"status": "planned", "due": "2026-12-31"})
	// ... and why disk encryption does not apply.
	d.expect("Warum ist „Festplattenverschlüsselung auf Notebooks")
	d.typ("Notebooks speichern keine Kundendaten").press("enter")
	eq(t, "notebook", d.measure("access_system.disk_notebook"),
		map[string]any{"status": "not_applicable", "reason": "Notebooks speichern keine Kundendaten"})
	// An own measure.
	d.expect("Eigene Maßnahmen", "Noch keine Einträge").press("enter")
	d.expect("> Maßnahme (in eigenen Worten) *").typ("Bildschirmsperre nach 5 Minuten").press("enter")
	// Required choices start unset: saving is refused, the gaps explained.
	d.expect("> Art der Maßnahme *", "1 ( ) technisch").press("ctrl+s")
	d.expect("Noch nicht gespeichert", "! Pflichtangabe fehlt")
	d.press("1")                               // a number chooses and moves on
	d.expect("> Stand *").press("1", "ctrl+s") // umgesetzt
	d.expect("1. Bildschirmsperre nach 5 Minuten")
	eq(t, "own", d.saved()["own_measures"], []any{map[string]any{
		"id": "own1", "section": "access_system", "text": "Bildschirmsperre nach 5 Minuten",
		"type": "technical", "status": "implemented"}})
	d.press("end", "enter")
	eq(t, "done after step 3", d.progress()["done"], []any{"org", "infra", "access_system"})

	// Step 4: records.
	d.expect("Schritt 4 von 4 · Dienstleister", "+ Dienstleister hinzufügen").press("enter")
	// One page: every field, the required one marked.
	d.expect("Dienstleister neu · * = Pflichtangabe", "> Name *", "E-Mail: (keine Angabe)", "Kategorie: (keine Angabe)")
	d.typ("Hostër GmbH").press("tab")
	d.typ("kontakt@hoster.de").press("tab")
	d.expect("> Kategorie", "1 ( ) Hosting").press("down")
	d.expect("1 (•) Hosting").press("tab")
	if strings.Contains(d.screen(), "AV-Vertrag") {
		t.Fatal("the agreement date is shown before the processor question is answered")
	}
	d.expect("> Auftragsverarbeiter?").press("j")
	d.expect("> AV-Vertrag zuletzt geprüft am").typ("2024-02-01").press("ctrl+s")
	d.expect("1. Hostër GmbH · kontakt@hoster.de · Hosting")
	eq(t, "providers", d.answer("providers"), []any{map[string]any{
		"id": "r1", "name": "Hostër GmbH", "email": "kontakt@hoster.de", "category": "hosting",
		"processor": true, "avv_signed": "2024-02-01"}})
	d.press("end", "enter")

	// The end: complete, with the first history entry.
	d.expect("Die Befragung ist vollständig.")
	saved := d.saved()
	hist := saved["history"].([]any)
	eq(t, "history", hist, []any{map[string]any{"date": "2026-11-28", "by": "tester", "kind": "interview",
		"version": "1.0", "summary": "Befragung abgeschlossen"}})
	eq(t, "completed", d.progress()["completed"], "2026-11-28")

	// Back from the end across steps: the records list, then the last
	// screen of the step before.
	d.press("esc").expect("Schritt 4 von 4", "1. Hostër GmbH")
	d.press("esc").expect("Schritt 3 von 4", "Eigene Maßnahmen")
	// Back into step 3: its follow-ups are answered, so the table is its
	// last screen before the own measures.
	d.press("esc").expect("Stand der Maßnahmen (4):", "geplant (bis 31.12.2026)")
}

// TestConditionsPruned changes an answer that others depend on: the hidden
// question's answer and the hidden measure's status are removed on save.
func TestConditionsPruned(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("infra.server", model.Bool(true))
	f.Set("infra.server_kind", model.String("rented_root"))
	f.Measures["access_system.ssh_keys_only"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Progress.Step = "infra"
	d := newDriver(t, c, f, model.De)
	d.expect("Teil 1 von 3", "Betreiben Sie").press("n")
	if _, ok := d.saved()["answers"].(map[string]any)["infra.server_kind"]; ok {
		t.Fatal("infra.server_kind kept although hidden")
	}
	if d.measure("access_system.ssh_keys_only") != nil {
		t.Fatal("ssh measure kept although the server question says no")
	}
	d.expect("Welche Geräte", "Teil 3 von 3") // the hidden part is passed over; Y stays
	// Back and yes again: the question reappears, empty.
	d.press("esc").press("j").expect("Welche Art von Server?", "> Gemieteter Root-Server")
}

// TestRecordsEditRemove edits an entry (a field condition hides a value) and
// removes one after confirming; new entries get the next free ID.
func TestRecordsEditRemove(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("providers", model.Records(
		model.Record{"id": model.String("r1"), "name": model.String("Hoster AG"), "processor": model.Bool(true), "avv_signed": model.String("2023-05-01")},
		model.Record{"id": model.String("r2"), "name": model.String("Steuerbüro Müller")},
	))
	f.Progress.Step = "providers"
	d := newDriver(t, c, f, model.De)
	d.expect("Willkommen zurück", "1. Hoster AG", "2. Steuerbüro Müller", "> Fertig – weiter")

	// Edit r1: the record view lists its fields; the processor field opens
	// the form focused there. No -> the agreement date is dropped.
	d.press("home", "e").expect("Dienstleister Hoster AG · 01.05.2023 · Feld zum Ändern wählen", "> Name: Hoster AG",
		"Auftragsverarbeiter?: Ja", "AV-Vertrag zuletzt geprüft am: 01.05.2023")
	d.press("down", "down", "down", "enter").expect("> Auftragsverarbeiter?", "(•) Ja")
	d.press("n")
	if strings.Contains(d.screen(), "AV-Vertrag") {
		t.Fatal("the agreement date is still shown after no")
	}
	if r := d.m.f.Get("providers").Records()[0]; !r["avv_signed"].IsSet() {
		t.Fatal("the record changed before it was saved")
	}
	d.press("ctrl+s").expect("Feld zum Ändern wählen", "Auftragsverarbeiter?: Nein").press("esc")
	d.expect("1. Hoster AG")
	recs := d.answer("providers").([]any)
	eq(t, "r1 after edit", recs[0], map[string]any{"id": "r1", "name": "Hoster AG", "processor": false})

	// Remove r2, asked first; "n" keeps it.
	d.press("down", "d").expect("„Steuerbüro Müller“ wirklich entfernen? (j/n)").press("n")
	eq(t, "still two", len(d.answer("providers").([]any)), 2)
	d.press("d", "j").expect("„Steuerbüro Müller“ entfernt.")
	eq(t, "one left", len(d.answer("providers").([]any)), 1)

	// Add one: the next free number.
	d.press("n").typ("Cloud & Co").press("ctrl+s")
	recs = d.answer("providers").([]any)
	eq(t, "new id", recs[1].(map[string]any)["id"], "r2")
	eq(t, "new name", recs[1].(map[string]any)["name"], "Cloud & Co")

	// An invalid e-mail is explained next to the field as it is typed,
	// refused on saving and never stored.
	d.press("end", "up", "up", "enter", "down", "enter").typ("kein-at-zeichen")
	d.expect("> E-Mail", "! Ungültig: keine gültige E-Mail-Adresse")
	d.press("ctrl+s").expect("Noch nicht gespeichert", "> E-Mail")
	if _, ok := d.answer("providers").([]any)[1].(map[string]any)["email"]; ok {
		t.Fatal("invalid e-mail stored")
	}
	// Esc asks before the change is thrown away; n keeps editing.
	d.press("esc").expect("Änderungen an diesem Eintrag verwerfen? (j/n)").press("n").expect("> E-Mail")
	d.press("esc", "j").expect("Feld zum Ändern wählen", "E-Mail: (keine Angabe)")
}

// TestSkipAndOverview puts a step off, jumps through the overview and finds
// the skipped step listed as open at the end.
func TestSkipAndOverview(t *testing.T) {
	d := newDriver(t, smallCatalog(t), nil, model.De)
	d.press("ctrl+s").expect("Schritt 2 von 4", "„Organisation“ wird später beantwortet")
	eq(t, "skipped", d.progress()["skipped"], []any{"org"})
	d.press("ctrl+o").expect("Übersicht – alle Abschnitte", "»  1. Organisation", "später", "○  4. Dienstleister")
	d.press("down", "down", "enter").expect("Schritt 4 von 4 · Dienstleister")
	d.press("end", "enter").expect("noch nicht vollständig", "> Organisation: auf später verschoben")
	if d.saved()["history"] != nil {
		t.Fatal("history entry although incomplete")
	}
	// Help of the current question is one key away.
	d.press("ctrl+o", "home", "enter").press("ctrl+e").expect("Was bedeutet das?", "Der Name, wie er im Handelsregister steht.")
	d.press("esc").expect("Name des Unternehmens")
}

// TestEnglish runs in English: header, hints, answers.
func TestEnglish(t *testing.T) {
	d := newDriver(t, smallCatalog(t), nil, model.En)
	d.expect("Step 1 of 4 · Organisation", "Name of the business", "Enter next", "Ctrl+E what does this mean?")
	d.press("ctrl+s").expect("Do you run your own or a rented server?", "←/→ switch · y yes")
	d.press("y").expect("What kind of server?")
}

// TestResize lays the screen out again at another size without losing what
// was typed.
func TestResize(t *testing.T) {
	d := newDriver(t, smallCatalog(t), nil, model.De)
	d.typ("Müller")
	d.m.Update(teaSize(60, 14))
	s := d.screen()
	if lines := strings.Count(s, "\n") + 1; lines != 14 {
		t.Fatalf("%d lines at height 14", lines)
	}
	d.expect("> Müller")
	d.press("enter")
	eq(t, "name", d.answer("org.name"), "Müller")
}

// TestRerunCompletedFile: running the interview again on a completed file
// adds a second history entry with the changes against the loaded file.
func TestRerunCompletedFile(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("org.name", model.String("Alt GmbH"))
	f.Set("infra.server", model.Bool(false))
	f.Set("infra.devices", model.List("pc"))
	f.Set("providers", model.Records())
	for _, id := range []string{"access_system.passwords", "access_system.policy"} {
		f.Measures[id] = model.MeasureAnswer{Status: model.StatusImplemented}
	}
	f.Progress.Done = []string{"org", "infra", "access_system", "providers"}
	f.AddHistory(nil, model.HistoryInterview, "2025-11-01", "Chefin", "erste")
	f.Progress.Step = "providers"
	d := newDriver(t, c, f, model.De)
	d.press("ctrl+o", "home", "enter").expect("> Alt GmbH")
	for range 8 {
		d.press("backspace")
	}
	d.typ("Neu GmbH").press("ctrl+o", "end", "enter").press("end", "enter")
	d.expect("Die Befragung ist vollständig.")
	hist := d.saved()["history"].([]any)
	if len(hist) != 2 {
		t.Fatalf("history: %v", hist)
	}
	eq(t, "second entry", hist[1], map[string]any{"date": "2026-11-28", "by": "tester", "kind": "interview",
		"version": "1.1", "summary": "Antworten in der Befragung geändert",
		"changes": []any{map[string]any{"path": "answers/org.name", "old": "Alt GmbH", "new": "Neu GmbH"}}})
	eq(t, "completed stays", d.progress()["completed"], "2025-11-01")
}

// TestHelpWithoutQuestion presses the help key while no question of the step
// is current (the position move leaves when every item of the first step is
// hidden): the wizard stays on the step instead of panicking.
func TestHelpWithoutQuestion(t *testing.T) {
	d := newDriver(t, smallCatalog(t), nil, model.De)
	d.m.act, d.m.rec = nil, nil
	for _, pos := range []int{-1, len(d.m.items)} {
		d.m.pos = pos
		d.press("ctrl+e")
		if d.m.screen != screenStep {
			t.Fatalf("pos %d: screen %v after ctrl+e, want the step", pos, d.m.screen)
		}
	}
}

// TestDeclinedAndNote: a measure deliberately not taken asks why and who
// accepted the risk; Ctrl+N on the table asks a note for the measure under
// the cursor after the statuses, also for an implemented one; a sets every
// row without status to "zu klären", which needs nothing more.
func TestDeclinedAndNote(t *testing.T) {
	d := newDriver(t, smallCatalog(t), nil, model.De)
	d.typ("Firma").press("enter", "enter", "enter", "enter")
	d.expect("Schritt 2 von 4").press("j")
	d.expect("Welche Art von Server?").press("enter")
	d.expect("Welche Geräte nutzen Sie?").press("down", "space", "enter")
	d.expect("Stand der Maßnahmen (4, 4 ohne Angabe)", "Strg+N Anmerkung")
	d.press("u", "up", "ctrl+n").expect("Anmerkung folgt nach der Tabelle: Anmeldung nur mit")
	// The policy: deliberately not implemented; the rest: to be clarified.
	d.press("down", "b", "a").expect("2 Maßnahmen ohne Angabe auf „zu klären“ gesetzt.", "Stand der Maßnahmen (4):")
	if l := screenLine(d.screen(), "Schriftliche Passwortrichtlinie"); !strings.Contains(l, "bewusst nicht umgesetzt") {
		t.Fatalf("row %q", l)
	}
	d.press("enter")
	eq(t, "rest", d.measure("access_system.ssh_keys_only"), map[string]any{"status": "unclear"})
	eq(t, "rest", d.measure("access_system.disk_notebook"), map[string]any{"status": "unclear"})
	d.expect("Warum wird „Schriftliche Passwortrichtlinie“ bewusst nicht umgesetzt?").press("enter").expect("Bitte kurz begründen.")
	d.typ("zwei Personen, mündlich geregelt").press("enter")
	d.expect("Wer hat das Risiko").press("enter").expect("Bitte angeben, wer das Risiko übernommen hat.")
	d.typ("Inhaberin").press("enter")
	eq(t, "declined", d.measure("access_system.policy"),
		map[string]any{"status": "declined", "reason": "zwei Personen, mündlich geregelt", "accepted_by": "Inhaberin"})
	d.expect("Anmerkung zu „Anmeldung nur mit persönlichem Passwort“").typ("Passwortmanager KeePassXC").press("enter")
	eq(t, "note", d.measure("access_system.passwords"),
		map[string]any{"status": "implemented", "note": "Passwortmanager KeePassXC"})
	d.expect("Eigene Maßnahmen")
}

// TestRecordUnansweredStaysUnset: a provider entered with its name only
// stores no category and no processor answer (the document never states a
// fact the user did not give); Tab over a choice or yes/no leaves it unset.
func TestRecordUnansweredStaysUnset(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress.Step = "providers"
	d := newDriver(t, c, f, model.De)
	d.expect("+ Dienstleister hinzufügen").press("enter")
	d.expect("> Name *").typ("Nur Name").press("tab", "tab")
	d.expect("> Kategorie", "Entf: keine Angabe").press("tab")
	d.expect("> Auftragsverarbeiter?", "(keine Angabe)").press("tab")
	d.expect("> [ Speichern ]").press("enter")
	d.expect("1. Nur Name")
	eq(t, "record", d.answer("providers"), []any{map[string]any{"id": "r1", "name": "Nur Name"}})
	// Choosing stays possible; Delete makes a choice unset again.
	d.press("home", "enter", "down", "down", "enter")
	d.expect("> Kategorie").press("2").expect("> Auftragsverarbeiter?").press("j")
	d.press("shift+tab", "shift+tab").expect("> Kategorie", "2 (•) Software").press("delete").press("ctrl+s")
	rec := d.answer("providers").([]any)[0].(map[string]any)
	eq(t, "after choosing", rec, map[string]any{"id": "r1", "name": "Nur Name", "processor": true})
}

// TestRecordFormRequiredLive: the required field is marked in text, its
// gap is explained once the user leaves it, and the date typed wrongly is
// explained next to the field at once.
func TestRecordFormRequiredLive(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress.Step = "providers"
	d := newDriver(t, c, f, model.De)
	d.press("enter").expect("> Name *", "* = Pflichtangabe")
	if strings.Contains(d.screen(), "! ") {
		t.Fatalf("a problem shown before anything was typed:\n%s", d.screen())
	}
	d.press("tab").expect("Name *: (keine Angabe)", "! Pflichtangabe fehlt")
	d.press("shift+tab").typ("X").press("tab")
	if strings.Contains(d.screen(), "! Pflichtangabe fehlt") {
		t.Fatal("the gap is still reported after typing")
	}
	d.press("tab", "tab").press("j").typ("31.02.2024")
	d.expect("> AV-Vertrag zuletzt geprüft am", "! Ungültig: kein gültiges Datum")
	for range 10 {
		d.press("backspace")
	}
	d.typ("29.02.2024").press("ctrl+s")
	eq(t, "saved", d.answer("providers"), []any{map[string]any{"id": "r1", "name": "X", "processor": true, "avv_signed": "2024-02-29"}})
}
