package questionnaires

import (
	"strings"
	"testing"
)

// TestGoalsReadAsGoals: a section's goal line ("Ziel: …") says what the
// measures are for, not that it is achieved: a German goal is either a
// noun phrase starting "Kein…" or says "soll"/"sollen"; an English one
// starts "No " or says "should" (expert review: goal lines phrased as
// facts).
func TestGoalsReadAsGoals(t *testing.T) {
	c, err := Standard()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range c.Sections {
		if s.Goal.IsZero() {
			continue
		}
		n++
		de, en := s.Goal.De, s.Goal.En
		if !strings.HasPrefix(de, "Kein") && !strings.Contains(de, " soll") {
			t.Errorf("%s: German goal reads as a fact: %q", s.ID, de)
		}
		if !strings.HasPrefix(en, "No ") && !strings.Contains(en, " should ") {
			t.Errorf("%s: English goal reads as a fact: %q", s.ID, en)
		}
	}
	if n < 10 {
		t.Fatalf("only %d goals", n)
	}
}
