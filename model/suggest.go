package model

import "strings"

// PartNote is the note of a measure answer (any status); it is not a
// FollowUp but is offered again like one (Suggestions).
const PartNote = "note"

// Suggestions remembers, per kind of measure part, the text last given in
// this interview, so that a front end can offer it again for the next
// measure: the target date of a planned measure, the reason of one not
// applicable, the reason and who accepted the risk of one declined, a note. A front end offers it and
// takes it only on a key of its own, never on a plain Enter, so that
// nobody signs a reason they never chose. The zero value is ready to use.
type Suggestions struct{ last map[string]string }

// suggestKind names the kind of part p of an answer with status st, or ""
// for a part that is not offered again (a parameter: its unit and range
// differ from measure to measure). A reason is
// a different kind for each status: why a measure does not apply is no
// reason to decline another.
func suggestKind(p, st string) string {
	switch p {
	case PartReason:
		return p + "/" + st
	case PartDue, PartAcceptedBy, PartNote:
		return p
	}
	return ""
}

// Remember records text as the last given for part p of an answer with
// status st; empty text is ignored.
func (s *Suggestions) Remember(p, st, text string) {
	k := suggestKind(p, st)
	text = strings.TrimSpace(text)
	if k == "" || text == "" {
		return
	}
	if s.last == nil {
		s.last = map[string]string{}
	}
	s.last[k] = text
}

// For returns the text to offer for part p of an answer with status st
// whose part now holds cur: the last text given for that kind, or "" when
// there is none or the part already holds it.
func (s *Suggestions) For(p, st, cur string) string {
	t := s.last[suggestKind(p, st)]
	if t == strings.TrimSpace(cur) {
		return ""
	}
	return t
}

// SuggestedAnswer returns the text a front end offers for question q while
// it holds no answer, taken only on the same key as a part's suggestion
// (Suggestions): for who answers the interview and who signs, the contact
// person's name, most often the same person. "" when there is none.
func (v View) SuggestedAnswer(q *Question) string {
	switch q.Role {
	case RoleRespondent, RoleSignatoryName:
		if !v.Value(q.ID).Empty() {
			return ""
		}
		return strings.TrimSpace(v.ByRole(RoleContact).Str())
	}
	return ""
}

// SuggestedField returns the text a front end offers for field fd of a new
// entry of records question q whose entries so far are recs, taken only on
// the key of a suggestion: for the name of a person in the people register,
// the contact person's name while no entry holds it. "" when there is none.
func (v View) SuggestedField(q *Question, fd *Field, recs []Record) string {
	if q.Role != RolePeopleRegister || fd.Role != RoleRecordName {
		return ""
	}
	name := strings.TrimSpace(v.ByRole(RoleContact).Str())
	if name == "" {
		return ""
	}
	for _, r := range recs {
		if strings.TrimSpace(r[fd.ID].Str()) == name {
			return ""
		}
	}
	return name
}
