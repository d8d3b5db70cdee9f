package model

// Verdicts returns a copy of what the reviewer said about each record so
// far, keyed "questionID/recordID", so that an interrupted review can be
// remembered and resumed.
func (s *ReviewSession) Verdicts() map[string]RecordVerdict {
	out := make(map[string]RecordVerdict, len(s.verdicts))
	for k, v := range s.verdicts {
		out[k] = v
	}
	return out
}

// RestoreVerdicts sets the verdicts an interrupted review gave (as returned
// by Verdicts); unknown verdicts are ignored.
func (s *ReviewSession) RestoreVerdicts(v map[string]RecordVerdict) {
	for k, x := range v {
		switch x {
		case RecordCurrent, RecordChanged, RecordRemoved, RecordAdded:
			s.verdicts[k] = x
		}
	}
}
