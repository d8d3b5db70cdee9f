package model

import "testing"

func TestSuggestions(t *testing.T) {
	var s Suggestions
	if got := s.For(PartReason, StatusNotApplicable, ""); got != "" {
		t.Fatalf("empty: %q", got)
	}
	s.Remember(PartReason, StatusNotApplicable, " Trifft nicht zu ")
	s.Remember(PartNote, StatusUnclear, "Mit dem Hoster klären")
	s.Remember(PartDue, StatusPlanned, "2027-01-01")
	s.Remember(ParamPart("x"), StatusImplemented, "5")
	s.Remember(PartNote, StatusUnclear, "")
	for _, c := range []struct{ p, st, cur, want string }{
		{PartReason, StatusNotApplicable, "", "Trifft nicht zu"},
		{PartReason, StatusNotApplicable, "Trifft nicht zu", ""}, // already holds it
		{PartReason, StatusDeclined, "", ""},                     // another kind of reason
		{PartNote, StatusImplemented, "", "Mit dem Hoster klären"},
		{PartDue, StatusPlanned, "", "2027-01-01"},
		{ParamPart("x"), StatusImplemented, "", ""}, // parameters are not offered
		{PartAcceptedBy, StatusDeclined, "", ""},
	} {
		if got := s.For(c.p, c.st, c.cur); got != c.want {
			t.Errorf("For(%s, %s, %q) = %q, want %q", c.p, c.st, c.cur, got, c.want)
		}
	}
}

func TestSuggestedAnswer(t *testing.T) {
	c := rvCatalog(t, "../questionnaires/tom-standard.json")
	f := NewFile(c, De)
	v := View{C: c, F: f}
	resp, sign, contact := c.QuestionByRole(RoleRespondent), c.QuestionByRole(RoleSignatoryName), c.QuestionByRole(RoleContact)
	if resp == nil || sign == nil || contact == nil {
		t.Fatal("the shipped catalogue lacks the roles")
	}
	if got := v.SuggestedAnswer(resp); got != "" {
		t.Errorf("no contact yet: %q", got)
	}
	f.Set(contact.ID, String("Jörg Müller"))
	for _, q := range []*Question{resp, sign} {
		if got := v.SuggestedAnswer(q); got != "Jörg Müller" {
			t.Errorf("%s: %q", q.ID, got)
		}
	}
	f.Set(sign.ID, String("Anna Weiß"))
	if got := v.SuggestedAnswer(sign); got != "" {
		t.Errorf("answered: %q", got)
	}
	if got := v.SuggestedAnswer(contact); got != "" {
		t.Errorf("the contact itself: %q", got)
	}
}

func TestSuggestedField(t *testing.T) {
	c := rvCatalog(t, "../questionnaires/tom-standard.json")
	f := NewFile(c, De)
	v := View{C: c, F: f}
	people, contact := c.QuestionByRole(RolePeopleRegister), c.QuestionByRole(RoleContact)
	name := people.FieldByRole(RoleRecordName)
	var other *Field
	for _, fd := range people.Fields {
		if fd != name && fd.Kind == KindText {
			other = fd
			break
		}
	}
	if got := v.SuggestedField(people, name, nil); got != "" {
		t.Errorf("no contact yet: %q", got)
	}
	f.Set(contact.ID, String("Jörg Müller"))
	if got := v.SuggestedField(people, name, nil); got != "Jörg Müller" {
		t.Errorf("first person: %q", got)
	}
	if got := v.SuggestedField(people, other, nil); got != "" {
		t.Errorf("another field: %q", got)
	}
	recs := []Record{{name.ID: String("Jörg Müller")}}
	if got := v.SuggestedField(people, name, recs); got != "" {
		t.Errorf("already in the register: %q", got)
	}
}
