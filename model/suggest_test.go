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
