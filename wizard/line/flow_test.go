package line

import (
	"errors"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// lineFlowFile is a small-catalogue file gone through except for the IT
// step, put off, with a measure declined without reason or risk acceptance.
func lineFlowFile(c *model.Catalog) *model.File {
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

// afterIndex returns the index of want in out at or after from (-1: none).
func afterIndex(out, want string, from int) int {
	if from < 0 {
		return -1
	}
	i := strings.Index(out[from:], want)
	if i < 0 {
		return -1
	}
	return from + i
}

// The end list numbers what is open; a number jumps there, and after that
// step the next open entry follows (the declined measure in step 3), not
// the step after it in order (4); then the list again.
func TestLineEndListJumps(t *testing.T) {
	c := lineSmallCatalog(t)
	// Enter ends the list of providers; 1 jumps to the IT step; its two
	// questions and the three prompts of step 3 keep what is stored; Enter
	// ends at the list.
	res := runLineTest(t, c, lineFlowFile(c), "", "\n1\n\n\n\n\n\n\n", model.De)
	if res.err != nil {
		t.Fatalf("Run: %v\n%s", res.err, res.out)
	}
	out := res.out
	// Resuming names the estimate of the time left, too.
	at := afterIndex(out, "Fortsetzung bei Schritt 4 von 4: Dienstleister.\nGeschätzte Restzeit: noch etwa 1 Minute.\n", 0)
	at = afterIndex(out, "Noch offen oder widersprüchlich (2):\n  1) IT-Umgebung: auf später verschoben\n  2) Schriftliche Passwortrichtlinie: Begründung oder Risikoübernahme fehlt\n", at)
	at = afterIndex(out, "Geschätzte Restzeit: noch etwa 1 Minute.", at)
	at = afterIndex(out, "Enter beendet: 1\n", at)
	at = afterIndex(out, "Schritt 2 von 4: IT-Umgebung", at)
	at = afterIndex(out, "Schritt 3 von 4: Zugangskontrolle", at)
	at = afterIndex(out, "Noch offen oder widersprüchlich (1):", at)
	if at < 0 {
		t.Fatalf("not in order: list, jump to step 2, step 3, list:\n%s", out)
	}
	if strings.Count(out, "\nSchritt 4 von 4:") != 1 {
		t.Errorf("step 4 asked again after the jump:\n%s", out)
	}
	if got := res.file.Progress.Done; strings.Join(got, " ") != "org infra access_system providers" {
		t.Errorf("done = %v", got)
	}
}

// Jumping to the second entry first: its step, then the first entry.
func TestLineEndListJumpOrder(t *testing.T) {
	c := lineSmallCatalog(t)
	res := runLineTest(t, c, lineFlowFile(c), "", "\n2\n\n\n\n\n\n\n", model.En)
	if res.err != nil {
		t.Fatalf("Run: %v\n%s", res.err, res.out)
	}
	at := afterIndex(res.out, "ends: 2\n", 0)
	at = afterIndex(res.out, "Step 3 of 4: System access control", at)
	at = afterIndex(res.out, "Step 2 of 4: IT environment", at)
	at = afterIndex(res.out, "Still open or contradicted (1):", at)
	if at < 0 {
		t.Fatalf("not in order: jump to step 3, then step 2, then the list:\n%s", res.out)
	}
}

// A number that is no entry is refused with the range; Enter ends, and the
// step put off stays open.
func TestLineEndListBadNumber(t *testing.T) {
	c := lineSmallCatalog(t)
	res := runLineTest(t, c, lineFlowFile(c), "", "\n9\nzwei\n\n", model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v", res.err)
	}
	if n := strings.Count(res.out, "bitte eine Nummer von 1 bis 2 eingeben"); n != 2 {
		t.Errorf("%d refusals, want 2:\n%s", n, res.out)
	}
	if !strings.Contains(res.out, "noch offen: IT-Umgebung") {
		t.Errorf("no closing line naming the open step:\n%s", res.out)
	}
	lineNoEscape(t, res.out)
}
