package wizard

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/line"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// dueFixture is story-2025 with a third due item: the password measure
// planned by a date already passed. Due then: the MFA measure, the
// password measure and Strato's AVV check.
func dueFixture(t *testing.T, c *model.Catalog) []byte {
	t.Helper()
	f, _, _ := rvFile(t, c, "story-2025.json")
	f.Measures["access_system.passwords"] = model.MeasureAnswer{Status: model.StatusPlanned, Due: "2026-05-01"}
	return rvMarshal(t, f)
}

// TestReviewWalksDueLikeLineMode settles the three due items in the full
// screen (MFA done now with a note, passwords with a new date, Strato's
// check left open with a note), confirms the steps unchanged, and compares
// the saved file with the one line mode writes for the same choices.
func TestReviewWalksDueLikeLineMode(t *testing.T) {
	c := rvCatalog(t)
	data := dueFixture(t, c)

	f, mig, path := rvFileFrom(t, c, data)
	d := newRvDriver(t, c, f, mig, path, model.De)
	if len(d.m.dues) != 3 {
		t.Fatalf("fixture has %d due items, want 3", len(d.m.dues))
	}
	var in strings.Builder
	d.expect("Fällig (3):").press("enter")
	for i, it := range d.m.dues {
		d.expect("Fällig "+string(rune('1'+i))+" von 3", "[e]rledigt, [n]eues Datum, [o]ffen")
		switch {
		case it.ID == "access_system.mfa":
			d.expect("Zwei-Faktor-Anmeldung")
			d.press("e").typ("eingeführt").press("enter")
			in.WriteString("e\neingeführt\n")
		case it.ID == "access_system.passwords":
			d.expect("Anmeldung nur mit persönlichem Passwort")
			// A date in the past is refused for a target date and asked again.
			d.press("n").typ("01.01.2026").press("enter", "enter")
			d.expect("kein passendes Datum", "[e]rledigt")
			d.press("n").typ("31.12.2026").press("enter", "enter")
			in.WriteString("n\n31.12.2026\n\n")
		case it.Kind == model.DueCheck:
			d.expect("Strato AG")
			d.press("o").typ("wartet auf Strato").press("enter")
			in.WriteString("o\nwartet auf Strato\n")
		default:
			t.Fatalf("unexpected due item %+v", it)
		}
	}
	// After each item the file is saved at once.
	mid := rvLoad(t, c, path)
	if mid.Measures["access_system.mfa"].Status != model.StatusImplemented || mid.Measures["access_system.passwords"].Due != "2026-12-31" {
		t.Fatalf("due items not saved before the steps: %+v", mid.Measures)
	}
	d.expect("Schritt 1 von 5").press("u", "u", "u", "u", "u", "n", "u", "u", "n", "enter", "enter")
	d.expect("Überprüfung abgeschlossen", "Noch fällig (1), im Verlaufseintrag vermerkt:", "Strato AG")
	if !d.m.Finished() {
		t.Fatalf("not finished:\n%s", d.screen())
	}
	full, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	// Line mode, same fixture, same choices, every step unchanged.
	lf, lmig, lpath := rvFileFrom(t, c, data)
	s, _, err := review.Begin(c, lf, lmig, lpath)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	in.WriteString(strings.Repeat("\n", 11))
	if _, err := line.RunReview(review.Options{Session: s, Path: lpath, Lang: model.De, Today: rvToday,
		In: strings.NewReader(in.String()), Out: &out}); err != nil {
		t.Fatalf("line mode: %v\n%s", err, out.String())
	}
	lineData, err := os.ReadFile(lpath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(full, lineData) {
		t.Fatalf("full screen and line mode saved different files:\n--- full screen\n%s\n--- line mode\n%s", full, lineData)
	}
	got := rvLoad(t, c, path)
	e := got.History[len(got.History)-1]
	eq(t, "still due", e.StillDue, []string{"answers/providers/r2/avv_signed"})
	eq(t, "changes", rvPaths(e.Changes), []string{"measures/access_system.mfa", "measures/access_system.passwords"})
	if a := got.Measures["access_system.mfa"]; a.Note != "eingeführt" {
		t.Errorf("mfa note = %q", a.Note)
	}
}
