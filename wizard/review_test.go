package wizard

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// rvDriver drives the real review model with key messages.
type rvDriver struct {
	t    *testing.T
	m    *ReviewModel
	path string
}

func newRvDriver(t *testing.T, c *model.Catalog, f *model.File, mig *model.Migration, path string, lang model.Lang) *rvDriver {
	t.Helper()
	s, _, err := review.Begin(c, f, mig, path)
	if err != nil {
		t.Fatal(err)
	}
	m := NewReview(review.Options{Session: s, Path: path, Lang: lang, Today: rvToday, User: "tester"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return &rvDriver{t: t, m: m, path: path}
}

func (d *rvDriver) press(names ...string) *rvDriver {
	for _, n := range names {
		d.m.Update(keyMsg(n))
		d.fits()
	}
	return d
}

// start leaves the start screen and every due item open (Enter for the
// choice, Enter for no note): the walk through what is due comes before
// the steps.
func (d *rvDriver) start() *rvDriver {
	d.press("enter")
	for range d.m.dues {
		if d.m.screen != rvDue {
			d.t.Fatalf("no due item asked:\n%s", d.screen())
		}
		d.press("enter", "enter")
	}
	return d
}

func (d *rvDriver) typ(s string) *rvDriver {
	for _, r := range s {
		d.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return d
}

func (d *rvDriver) screen() string { return ansi.Strip(d.m.Render()) }

// fits fails when the screen is not exactly 24 lines of at most 80 cells.
func (d *rvDriver) fits() {
	d.t.Helper()
	lines := strings.Split(d.m.Render(), "\n")
	if len(lines) != d.m.height {
		d.t.Fatalf("screen has %d lines, want %d:\n%s", len(lines), d.m.height, d.screen())
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > d.m.width {
			d.t.Fatalf("line wider than 80 (%d): %q", w, ansi.Strip(l))
		}
	}
}

func (d *rvDriver) expect(want ...string) *rvDriver {
	d.t.Helper()
	s := d.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			d.t.Fatalf("screen does not show %q:\n%s", w, s)
		}
	}
	return d
}

// unchangedKeys confirms every step of story-2025 with one key each: the
// start screen, the two due items left open (choice and note each), org, infra, access control, two providers and "no new
// ones", two devices and "no new ones", the name, the summary.
var unchangedKeys = []string{"enter", "enter", "enter", "enter", "enter", "u", "u", "u", "u", "u", "n", "u", "u", "n", "enter", "enter"}

// TestReviewAllUnchangedTeatest runs the review as a real bubbletea program
// (teatest) and confirms every step unchanged: exactly one new history entry
// without changes, and the file otherwise byte for byte as before.
func TestReviewAllUnchangedTeatest(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	want := rvMarshal(t, f)
	s, resumed, err := review.Begin(c, f, mig, path)
	if err != nil || resumed {
		t.Fatalf("review.Begin: %v, resumed %v", err, resumed)
	}
	m := NewReview(review.Options{Session: s, Path: path, Lang: model.De, Today: rvToday, User: "tester"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Jährliche Überprüfung")) },
		teatest.WithDuration(10*time.Second))
	for _, k := range unchangedKeys {
		tm.Send(keyMsg(k))
	}
	tm.Send(keyMsg("enter")) // leave the closing screen
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*ReviewModel)
	if !final.Finished() {
		t.Fatalf("review not finished; screen:\n%s", ansi.Strip(final.Render()))
	}
	got := rvLoad(t, c, path)
	if n := len(got.History); n != 2 {
		t.Fatalf("history has %d entries, want 2", n)
	}
	e := got.History[1]
	if e.Kind != model.HistoryReview || e.Version != "1.1" || e.Date != rvToday || e.By != "Erika Muster" || len(e.Changes) != 0 {
		t.Fatalf("history entry = %+v", e)
	}
	got.History = got.History[:1]
	if data := rvMarshal(t, got); !bytes.Equal(data, want) {
		t.Fatalf("file changed beyond the history entry:\n--- before\n%s\n--- after\n%s", want, data)
	}
	if _, err := os.Stat(review.StartPath(path)); !os.IsNotExist(err) {
		t.Errorf("start copy %s left behind: %v", review.StartPath(path), err)
	}
}

// TestReviewEditMeasureRemoveProvider ticks the planned MFA measure as in
// place and removes one provider: exactly those two changes are recorded.
func TestReviewEditMeasureRemoveProvider(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	d := newRvDriver(t, c, f, mig, path, model.De)
	d.expect("Fällig (2):", "Zwei-Faktor-Anmeldung", "Strato AG").start().press("u", "u")
	d.expect("Zugangskontrolle", "◷ Zwei-Faktor-Anmeldung – geplant bis 31.03.2026 – fällig seit 31.03.2026!")
	// Last year's statuses are the table's defaults; one key changes one.
	d.press("b").expect("Stand der Maßnahmen (5):", "geplant (bis 31.03.2026)")
	d.press("down", "down", "down", "down", "u", "enter")
	// The measure has a note: its note screen follows the statuses.
	d.expect("Anmerkung zu „Schriftliche Passwortrichtlinie“", "mit IT-Betreuer klären").press("enter")
	d.expect("Eigene Maßnahmen").press("down", "enter")
	d.expect("✓ Zwei-Faktor-Anmeldung", "Änderungen bisher: 1").press("u")
	d.expect("Dienstleister 1 von 2: Collmex GmbH").press("u")
	d.expect("Dienstleister 2 von 2: Strato AG", "älter als 12 Monate").press("x")
	d.expect("„Strato AG“ wirklich entfernen?").press("j")
	d.expect("„Strato AG“ entfernt.", "Gibt es neue Einträge?").press("n")
	d.expect("Gerät 1 von 2").press("u", "u", "n")
	d.expect("Wer hat die Überprüfung durchgeführt?", "Erika Muster").press("enter")
	d.typ("2FA eingeführt, Strato gekündigt").press("enter")
	d.expect("Überprüfung abgeschlossen – Version 1.1", "Änderungen (2):", "entfernt: „Strato AG“", "tom render")
	got := rvLoad(t, c, path)
	e := got.History[len(got.History)-1]
	eq(t, "changes", rvPaths(e.Changes), []string{"answers/providers/r2", "measures/access_system.mfa"})
	eq(t, "mfa", e.Changes[1].New, map[string]any{"status": "implemented"})
	if e.Summary != "2FA eingeführt, Strato gekündigt" || len(got.History) != 2 {
		t.Fatalf("entry %+v, %d entries", e, len(got.History))
	}
}

// TestReviewAddAndChangeRecord adds a device and edits a provider's AVV date
// through the interview's record screens.
func TestReviewAddAndChangeRecord(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	d := newRvDriver(t, c, f, mig, path, model.De)
	d.start().press("u", "u", "u", "u")
	// The record view lists the fields; the chosen one opens the form there.
	d.expect("Strato AG").press("b").expect("> Name: Strato AG", "Feld zum Ändern wählen")
	d.press("down", "down", "down", "down", "enter").expect("> AV-Vertrag zuletzt geprüft am", "Strg+S speichern")
	d.press("ctrl+u").typ("01.07.2026").press("ctrl+s").expect("AV-Vertrag zuletzt geprüft am: 01.07.2026").press("esc")
	d.expect("„Strato AG“ geändert.", "01.07.2026").press("u", "n")
	d.press("u", "u", "j").expect("> Bezeichnung *").typ("Windows 11 Pro Desktop-PC").press("ctrl+s")
	d.expect("„Windows 11 Pro Desktop-PC“ hinzugefügt.", "Noch ein neuer Eintrag?").press("n")
	d.press("enter", "enter")
	got := rvLoad(t, c, path)
	e := got.History[len(got.History)-1]
	eq(t, "changes", rvPaths(e.Changes), []string{"answers/devices/r3", "answers/providers/r2/avv_signed"})
}

// TestReviewStepNeedsAnswers: a step that is not complete cannot be
// confirmed unchanged.
func TestReviewStepNeedsAnswers(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	delete(f.Measures, "access_system.policy")
	d := newRvDriver(t, c, f, mig, path, model.De)
	d.start().press("u", "u").expect("○ Schriftliche Passwortrichtlinie – noch keine Angabe")
	d.press("u").expect("unbeantwortete Fragen", "Zugangskontrolle")
}

// rvOldFile is story-2025 as made with the small catalogue v1.0: no MFA
// measure, no devices, an answer to org.date.
func rvOldFile(t *testing.T) []byte {
	t.Helper()
	old := smallCatalog(t)
	f := model.NewFile(old, model.De)
	f.Set("org.name", model.String("Muster Webdesign GmbH"))
	f.Set("org.address", model.String("Hauptstraße 1\n12345 Musterstadt"))
	f.Set("org.date", model.String("2025-09-15"))
	f.Set("infra.server", model.Bool(false))
	f.Set("infra.devices", model.List("pc", "notebook"))
	f.Set("providers", model.Records(model.Record{"id": model.String("r1"), "name": model.String("Collmex GmbH")}))
	for _, m := range []string{"access_system.passwords", "access_system.policy", "access_system.disk_notebook"} {
		f.Measures[m] = model.MeasureAnswer{Status: model.StatusImplemented}
	}
	f.Progress.Done = []string{"org", "infra", "access_system", "providers"}
	f.AddHistory(nil, model.HistoryInterview, "2025-09-15", "Erika Muster", "Erstaufnahme")
	return rvMarshal(t, f)
}

// TestReviewCatalogueMigration reviews a file made with catalogue 1.0 under
// 1.1: the new measure and list come first and are marked new, the removed
// question is reported with its answer, and the new items must be answered.
func TestReviewCatalogueMigration(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFileFrom(t, c, rvOldFile(t))
	if mig.Empty() {
		t.Fatal("no migration from 1.0.0")
	}
	d := newRvDriver(t, c, f, mig, path, model.De)
	d.expect("Neu in Katalog-Version 1.1.0", "neu: Zugangskontrolle – Zwei-Faktor-Anmeldung",
		"neu: Geräte – Geräte", "Nicht mehr im Katalog", "org.date: 2025-09-15")
	d.press("enter").expect("Schritt 1 von 5 · Zugangskontrolle", "[neu] ○ Zwei-Faktor-Anmeldung – noch keine Angabe")
	if first := strings.Index(d.screen(), "[neu]"); first > strings.Index(d.screen(), "✓ Anmeldung") {
		t.Fatalf("the new measure is not listed first:\n%s", d.screen())
	}
	d.press("u").expect("unbeantwortete Fragen")
	d.press("b", "down", "down", "down", "space", "enter").expect("Eigene Maßnahmen").press("down", "enter")
	d.expect("✓ Zwei-Faktor-Anmeldung").press("u")
	d.expect("Schritt 2 von 5 · Geräte", "bisher keine Einträge", "Gibt es neue Einträge?").press("n")
	d.expect("Schritt 3 von 5 · Organisation").press("u", "u", "u", "n", "enter", "enter")
	d.expect("Überprüfung abgeschlossen", "„Zwei-Faktor-Anmeldung“")
	got := rvLoad(t, c, path)
	if !(model.View{C: c, F: got}).Complete() {
		t.Fatal("file not complete after reviewing the new items")
	}
	if got.Retired["org.date"] != "2025-09-15" {
		t.Fatalf("retired answer dropped: %v", got.Retired)
	}
	e := got.History[len(got.History)-1]
	eq(t, "changes", rvPaths(e.Changes), []string{"measures/access_system.mfa"})
	if v := got.Get("devices"); !v.IsRecords() || len(v.Records()) != 0 {
		t.Fatalf("the new list is not answered as empty: %v", v.Any())
	}
}

// TestReviewInterruptedAndResumed: Ctrl+C after an edit saves the edit but
// writes no history entry; the next review resumes against the start copy at
// the first record not yet reviewed, so the entry it writes still holds the
// change.
func TestReviewInterruptedAndResumed(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	d := newRvDriver(t, c, f, mig, path, model.De)
	d.start().press("u", "u", "u", "x", "j", "ctrl+c")
	if d.m.Finished() {
		t.Fatal("finished after Ctrl+C")
	}
	mid := rvLoad(t, c, path)
	if len(mid.History) != 1 || len(mid.Get("providers").Records()) != 1 {
		t.Fatalf("after Ctrl+C: %d entries, %d providers", len(mid.History), len(mid.Get("providers").Records()))
	}
	d2 := rvResume(t, c, path, model.De)
	d2.expect("Fortsetzung einer unterbrochenen Überprüfung", "(1)", "Fortsetzung bei Schritt 4 von 5: Dienstleister")
	d2.start().expect("Dienstleister 1 von 1: Strato AG")
	d2.press("u", "n", "u", "u", "n", "enter", "enter")
	got := rvLoad(t, c, path)
	eq(t, "changes", rvPaths(got.History[len(got.History)-1].Changes), []string{"answers/providers/r1"})
}

// rvResume begins the review of path again, as the next tom review does
// after an interruption, on a 80x24 screen.
func rvResume(t *testing.T, c *model.Catalog, path string, lang model.Lang) *rvDriver {
	t.Helper()
	s, resumed, err := review.Begin(c, rvLoad(t, c, path), nil, path)
	if err != nil || !resumed {
		t.Fatalf("resume: %v %v", err, resumed)
	}
	m := NewReview(review.Options{Session: s, Path: path, Lang: lang, Today: rvToday, Resumed: resumed})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return &rvDriver{t: t, m: m, path: path}
}

// TestReviewResumesAtFirstOpenStep: a review interrupted after confirming
// three steps (the third edited) starts at step 4 the next time, with the
// confirmed records of step 4 not asked again, and its one history entry
// holds the change made before the interruption. The state beside the file
// is 0600 and gone once the review is finished.
func TestReviewResumesAtFirstOpenStep(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	d := newRvDriver(t, c, f, mig, path, model.De)
	d.start().press("u", "u", "b", "down", "down", "down", "down", "u", "enter", "enter", "down", "enter")
	d.expect("✓ Zwei-Faktor-Anmeldung").press("u")
	d.expect("Dienstleister 1 von 2: Collmex GmbH", "3 von 5 Schritten geprüft").press("ctrl+c")
	st, err := os.Stat(review.StatePath(path))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("review state: %v, mode %v", err, st)
	}

	d2 := rvResume(t, c, path, model.De)
	d2.expect("Fortsetzung bei Schritt 4 von 5: Dienstleister")
	d2.start().expect("Dienstleister 1 von 2: Collmex GmbH", "3 von 5 Schritten geprüft")
	d2.press("u").expect("Dienstleister 2 von 2: Strato AG").press("ctrl+c")

	d3 := rvResume(t, c, path, model.De)
	d3.expect("Fortsetzung bei Schritt 4 von 5: Dienstleister")
	d3.start().expect("Dienstleister 2 von 2: Strato AG")
	d3.press("u", "n").expect("Gerät 1 von 2", "4 von 5 Schritten geprüft").press("u", "u", "n", "enter", "enter")
	if !d3.m.Finished() {
		t.Fatalf("not finished:\n%s", d3.screen())
	}
	got := rvLoad(t, c, path)
	if len(got.History) != 2 {
		t.Fatalf("history has %d entries, want 2", len(got.History))
	}
	eq(t, "changes", rvPaths(got.History[1].Changes), []string{"measures/access_system.mfa"})
	d3.m.Flush()
	for _, p := range []string{review.StartPath(path), review.StatePath(path)} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left behind: %v", p, err)
		}
	}
}

// TestReviewKeysAfterEdit: once a step was edited, its key line offers to
// accept it with the changes, not to confirm it "unchanged" (both languages).
func TestReviewKeysAfterEdit(t *testing.T) {
	c := rvCatalog(t)
	for _, tc := range []struct {
		lang            model.Lang
		before, after   string
		unchanged, edit string
	}{
		{model.De, "Enter/u unverändert", "Enter/u übernehmen", "unverändert", "b"},
		{model.En, "Enter/u unchanged", "Enter/u accept", "unchanged", "e"},
	} {
		f, mig, path := rvFile(t, c, "story-2025.json")
		d := newRvDriver(t, c, f, mig, path, tc.lang)
		d.start().press("u", "u").expect(tc.before)
		d.press(tc.edit, "down", "down", "down", "down", "u", "enter", "enter", "down", "enter")
		d.expect(tc.after)
		if strings.Contains(d.screen(), tc.unchanged) {
			t.Errorf("%s: the key line still says %q after the edit:\n%s", tc.lang, tc.unchanged, d.screen())
		}
	}
}

// TestReviewEnglishAndScrolling: English strings, and a long summary on a
// small window is paged with a hint, never cut off silently.
func TestReviewEnglishAndScrolling(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	d := newRvDriver(t, c, f, mig, path, model.En)
	d.expect("Yearly review: Muster Webdesign GmbH", "Due (2):").start().press("u", "u")
	d.expect("Review · step 3 of 5", "Two-factor", "Enter/u unchanged · e edit")
	d.m.Update(tea.WindowSizeMsg{Width: 60, Height: 11})
	s := d.screen()
	if !strings.Contains(s, "↓ more below") {
		t.Fatalf("no paging hint on a small window:\n%s", s)
	}
	d.press("end")
	if s := d.screen(); !strings.Contains(s, "Two-factor") || !strings.Contains(s, "↑ lines") {
		t.Fatalf("end of the summary not reachable:\n%s", s)
	}
}

// TestReviewMessagesComplete: every review string exists in both languages.
func TestReviewMessagesComplete(t *testing.T) {
	for k, v := range review.Msg {
		if v.De == "" || v.En == "" {
			t.Errorf("%s lacks a language", k)
		}
	}
}
