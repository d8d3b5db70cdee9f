package line

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// lineDueOpen leaves story-2025's two due items open (Enter for the
// choice, Enter for no note, twice): the walk through what is due comes
// before the steps.
const lineDueOpen = "\n\n\n\n"

// rvLine runs the line-mode review of story-2025 with piped input, after
// leaving the due items open.
func rvLine(t *testing.T, lang model.Lang, input string) (string, string, *model.Catalog, error) {
	t.Helper()
	return rvLineDue(t, lang, lineDueOpen+input)
}

// rvLineDue is rvLine with the answers for the due items in input.
func rvLineDue(t *testing.T, lang model.Lang, input string) (string, string, *model.Catalog, error) {
	t.Helper()
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	s, resumed, err := review.Begin(c, f, mig, path)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	_, err = RunReview(review.Options{Session: s, Path: path, Lang: lang, Today: rvToday, Resumed: resumed,
		In: strings.NewReader(input), Out: &out})
	lineNoEscape(t, out.String())
	return out.String(), path, c, err
}

// lineUnchanged answers every prompt of story-2025 with Enter: org, infra,
// access control; two providers, no new one; two devices, no new one; name;
// summary.
const lineUnchanged = "\n\n\n\n\n\n\n\n\n\n\n"

func TestReviewLineUnchanged(t *testing.T) {
	c := rvCatalog(t)
	f, _, _ := rvFile(t, c, "story-2025.json")
	want := rvMarshal(t, f)
	out, path, _, err := rvLine(t, model.De, lineUnchanged)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	lineWantAll(t, out, "Fällig (2):", "Unverändert? [J/n/?]", "Dienstleister 2 von 2: Strato AG",
		"⚠ älter als 12 Monate", "[A/g/e]", "Gibt es neue Einträge?", "Name der prüfenden Person",
		"Keine Änderungen – die Überprüfung ist trotzdem im Verlauf vermerkt.", "tom render")
	got := rvLoad(t, c, path)
	e := got.History[len(got.History)-1]
	if len(got.History) != 2 || e.Kind != model.HistoryReview || e.Version != "1.1" || len(e.Changes) != 0 || e.By != "Erika Muster" {
		t.Fatalf("history: %+v", got.History)
	}
	got.History = got.History[:1]
	if !bytes.Equal(rvMarshal(t, got), want) {
		t.Fatal("file changed beyond the history entry")
	}
}

func TestReviewLineOneEdit(t *testing.T) {
	in := "\n\nn\nu 5\n\n\n" + "\n\n\n" + "\n\n\n" + "Erika Muster\n2FA eingeführt\n"
	out, path, c, err := rvLine(t, model.De, in)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	lineWantAll(t, out, "Bearbeiten – Enter übernimmt", "„Zwei-Faktor-Anmeldung“: geplant (bis 31.03.2026) → umgesetzt")
	got := rvLoad(t, c, path)
	e := got.History[len(got.History)-1]
	eq(t, "changes", rvPaths(e.Changes), []string{"measures/access_system.mfa"})
	if e.Summary != "2FA eingeführt" {
		t.Fatalf("summary %q", e.Summary)
	}
}

// TestReviewLineRecords removes a device, changes a provider and adds one.
func TestReviewLineRecords(t *testing.T) {
	in := "\n\n\n" +
		"\ng\n\n\n\n\n01.07.2026\n\n\n" + // Collmex current; Strato edited (AVV date), then current
		"j\nHetzner Online GmbH\n\n1\nj\n\n\n\n" + // a new provider, then no more
		"e\nj\n\n\n" + // Windows 7 PC removed; notebook current; no new device
		"\n\n"
	out, path, c, err := rvLine(t, model.De, in)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := rvLoad(t, c, path)
	e := got.History[len(got.History)-1]
	eq(t, "changes", rvPaths(e.Changes), []string{"answers/devices/r1", "answers/providers/r2/avv_signed", "answers/providers/r3"})
	lineWantAll(t, out, "entfernt: „Windows 7 Pro Desktop-PC“", "neu: „Hetzner Online GmbH“")
}

// TestReviewLineEOF: input ends in the middle: the edit is saved, no history
// entry is written, the start copy stays for the resume, and the resumed
// review records the change.
func TestReviewLineEOF(t *testing.T) {
	out, path, c, err := rvLine(t, model.De, "\n\nn\nu 5\n\n\n\n")
	if !errors.Is(err, review.ErrIncomplete) {
		t.Fatalf("err = %v\n%s", err, out)
	}
	lineWantAll(t, out, "Eingabe zu Ende", "kein Verlaufseintrag", "tom review setzt fort")
	mid := rvLoad(t, c, path)
	if len(mid.History) != 1 || mid.Measures["access_system.mfa"].Status != model.StatusImplemented {
		t.Fatalf("after EOF: %d entries, mfa %+v", len(mid.History), mid.Measures["access_system.mfa"])
	}
	if _, err := os.Stat(review.StartPath(path)); err != nil {
		t.Fatalf("start copy missing: %v", err)
	}
	s, resumed, err := review.Begin(c, mid, nil, path)
	if err != nil || !resumed {
		t.Fatalf("resume: %v %v", err, resumed)
	}
	var out2 bytes.Buffer
	if _, err := RunReview(review.Options{Session: s, Path: path, Lang: model.De, Today: rvToday, Resumed: true,
		In: strings.NewReader(lineUnchanged), Out: &out2}); err != nil {
		t.Fatalf("%v\n%s", err, out2.String())
	}
	lineWantAll(t, out2.String(), "Fortsetzung einer unterbrochenen Überprüfung")
	got := rvLoad(t, c, path)
	eq(t, "changes", rvPaths(got.History[len(got.History)-1].Changes), []string{"measures/access_system.mfa"})
}

func TestReviewLineEnglish(t *testing.T) {
	out, _, _, err := rvLine(t, model.En, lineUnchanged)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	lineWantAll(t, out, "review in line mode", "Unchanged? [Y/n/?]", "[C/e/r]", "Are there new entries?", "Review finished – version 1.1")
}

// TestReviewLineResumesAtFirstOpenStep: end of input after three steps (the
// third edited); the next review starts at step 4 and asks only what is
// left, and its history entry holds the earlier change.
func TestReviewLineResumesAtFirstOpenStep(t *testing.T) {
	out, path, c, err := rvLine(t, model.De, "\n\nn\nu 5\n\n\n")
	if !errors.Is(err, review.ErrIncomplete) {
		t.Fatalf("err = %v\n%s", err, out)
	}
	mid := rvLoad(t, c, path)
	s, resumed, err := review.Begin(c, mid, nil, path)
	if err != nil || !resumed {
		t.Fatalf("resume: %v %v", err, resumed)
	}
	// Collmex current, Strato current, no new provider; both devices
	// current, no new device; name; summary – and nothing else is asked.
	var out2 bytes.Buffer
	if _, err := RunReview(review.Options{Session: s, Path: path, Lang: model.De, Today: rvToday, Resumed: true,
		In: strings.NewReader(lineDueOpen + "\n\n\n\n\n\n\n\n"), Out: &out2}); err != nil {
		t.Fatalf("%v\n%s", err, out2.String())
	}
	text := out2.String()
	lineWantAll(t, text, "Fortsetzung bei Schritt 4 von 5: Dienstleister", "Schritt 4 von 5: Dienstleister")
	for _, no := range []string{"Schritt 1 von 5", "Schritt 3 von 5", "Unverändert?"} {
		if strings.Contains(text, no) {
			t.Errorf("the resumed review asks %q again:\n%s", no, text)
		}
	}
	got := rvLoad(t, c, path)
	if len(got.History) != 2 {
		t.Fatalf("history has %d entries, want 2", len(got.History))
	}
	eq(t, "changes", rvPaths(got.History[1].Changes), []string{"measures/access_system.mfa"})
	if _, err := os.Stat(review.StatePath(path)); !os.IsNotExist(err) {
		t.Errorf("review state left behind: %v", err)
	}
}

// The review names only the commands it accepts, at the start and in the
// help: it refuses :später and :zurück.
func TestReviewLineNamesOnlyItsCommands(t *testing.T) {
	out, _, _, err := rvLine(t, model.De, "?\n"+lineUnchanged)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Contains(out, ":später") || strings.Contains(out, ":zurück") || strings.Count(out, ":ende speichert") < 2 {
		t.Fatalf("commands hint:\n%s", out)
	}
}

// The due items come first, each settled with a choice and a note; what is
// left open is said at the end and named in the history entry.
func TestReviewLineWalksDue(t *testing.T) {
	// First due item: a bad choice, then done now with a note; second: a
	// bad date, then left open.
	in := "x\ne\nerledigt\n" + "n\nkein Datum\n\no\nwartet\n" + lineUnchanged
	out, path, c, err := rvLineDue(t, model.De, in)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	lineWantAll(t, out, "[e]rledigt, [n]eues Datum, [o]ffen", "bitte e, n oder o", "kein passendes Datum", "Noch fällig (1), im Verlaufseintrag vermerkt:")
	got := rvLoad(t, c, path)
	e := got.History[len(got.History)-1]
	if len(e.StillDue) != 1 || len(e.Changes) == 0 {
		t.Errorf("history entry: %+v", e)
	}
}
