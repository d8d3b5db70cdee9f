package model

import "testing"

// TestReviewVerdictsRoundTrip: the verdicts of one session carry over into
// a new session of the same file, and unknown verdicts are dropped.
func TestReviewVerdictsRoundTrip(t *testing.T) {
	f := &File{Answers: map[string]Value{}}
	s := &ReviewSession{F: f, verdicts: map[string]RecordVerdict{}}
	s.verdicts["providers/r1"] = RecordCurrent
	s.verdicts["providers/r2"] = RecordRemoved
	saved := s.Verdicts()
	saved["providers/r3"] = "bogus"
	s.verdicts["providers/r1"] = RecordChanged // the copy is independent
	t2 := &ReviewSession{F: f, verdicts: map[string]RecordVerdict{}}
	t2.RestoreVerdicts(saved)
	if t2.Verdict("providers", "r1") != RecordCurrent || t2.Verdict("providers", "r2") != RecordRemoved {
		t.Fatalf("verdicts not restored: %v", t2.verdicts)
	}
	if t2.Verdict("providers", "r3") != RecordUnreviewed {
		t.Fatalf("unknown verdict kept: %v", t2.verdicts)
	}
}
