package model

import (
	"reflect"
	"strings"
	"testing"
)

func parts(fs []FollowUp) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Part)
	}
	return out
}

// TestFollowUps: what each status needs, and what is asked again.
func TestFollowUps(t *testing.T) {
	for _, tc := range []struct {
		a    MeasureAnswer
		need []string
		ask  []string // not changed in this pass
	}{
		{MeasureAnswer{}, nil, nil},
		{MeasureAnswer{Status: StatusImplemented}, nil, nil},
		{MeasureAnswer{Status: StatusUnclear, Note: "x"}, nil, nil},
		{MeasureAnswer{Status: StatusPlanned}, []string{PartDue}, []string{PartDue}},
		{MeasureAnswer{Status: StatusPlanned, Due: "2027-01-01"}, []string{PartDue}, nil},
		{MeasureAnswer{Status: StatusNotApplicable, Reason: " "}, []string{PartReason}, []string{PartReason}},
		{MeasureAnswer{Status: StatusDeclined, Reason: "r"}, []string{PartReason, PartAcceptedBy}, []string{PartAcceptedBy}},
	} {
		if got := parts(FollowUps(nil, tc.a)); !reflect.DeepEqual(got, tc.need) {
			t.Errorf("%+v: needs %v, want %v", tc.a, got, tc.need)
		}
		if got := parts(AskFollowUps(nil, tc.a, false)); !reflect.DeepEqual(got, tc.ask) {
			t.Errorf("%+v: asks %v, want %v", tc.a, got, tc.ask)
		}
		if got := parts(AskFollowUps(nil, tc.a, true)); !reflect.DeepEqual(got, tc.need) {
			t.Errorf("%+v changed: asks %v, want %v", tc.a, got, tc.need)
		}
	}
}

// TestWithStatus: a new status keeps the parts it uses and the note.
func TestWithStatus(t *testing.T) {
	full := MeasureAnswer{Status: StatusDeclined, Due: "2027-01-01", Reason: "r", AcceptedBy: "b", Note: "n"}
	for st, want := range map[string]MeasureAnswer{
		StatusImplemented:   {Status: StatusImplemented, Note: "n"},
		StatusPlanned:       {Status: StatusPlanned, Due: "2027-01-01", Note: "n"},
		StatusNotApplicable: {Status: StatusNotApplicable, Reason: "r", Note: "n"},
		StatusDeclined:      {Status: StatusDeclined, Reason: "r", AcceptedBy: "b", Note: "n"},
		StatusUnclear:       {Status: StatusUnclear, Note: "n"},
	} {
		if got := full.WithStatus(st); !got.Equal(want) {
			t.Errorf("%s: %+v, want %+v", st, got, want)
		}
	}
	var a MeasureAnswer
	a.SetPart(PartAcceptedBy, "x")
	a.SetPart("unknown", "y")
	if a.Part(PartAcceptedBy) != "x" || a.Part("unknown") != "" {
		t.Errorf("parts: %+v", a)
	}
}

// TestStatusLetters: one letter per status and language, none shared by two
// statuses across the languages, each read back in either language.
func TestStatusLetters(t *testing.T) {
	seen := map[string]string{}
	for _, st := range StatusKeyOrder {
		for _, l := range []Lang{De, En} {
			k := StatusLetter(st, l)
			if len(k) != 1 {
				t.Fatalf("%s/%s: letter %q", st, l, k)
			}
			if other, ok := seen[k]; ok && other != st {
				t.Fatalf("letter %q gives %s and %s", k, other, st)
			}
			seen[k] = st
			if got, ok := StatusOfLetter(strings.ToUpper(k)); !ok || got != st {
				t.Fatalf("%q read as %q", k, got)
			}
		}
	}
	if len(StatusKeyOrder) != len(Statuses) {
		t.Fatalf("key order misses a status: %v", StatusKeyOrder)
	}
	if _, ok := StatusOfLetter("x"); ok {
		t.Fatal("x read as a status")
	}
}

// TestAskFollowUpsRequired: a changed row must give what its status needs;
// a missing part of an unchanged row is asked but may stay open.
func TestAskFollowUpsRequired(t *testing.T) {
	a := MeasureAnswer{Status: StatusDeclined}
	for _, fu := range AskFollowUps(nil, a, true) {
		if !fu.Required {
			t.Errorf("changed: %s optional", fu.Part)
		}
	}
	for _, fu := range AskFollowUps(nil, a, false) {
		if fu.Required {
			t.Errorf("unchanged: %s required", fu.Part)
		}
	}
}
