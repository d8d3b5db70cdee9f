package model

import "testing"

// TestStatusTextDeclined: the one status-words function names the reason and
// who accepted the risk, in both languages, and says what is missing.
func TestStatusTextDeclined(t *testing.T) {
	for _, tc := range []struct {
		a      MeasureAnswer
		l      Lang
		want   string
		opened bool
	}{
		{MeasureAnswer{Status: StatusDeclined, Reason: "zu teuer", AcceptedBy: "Inhaberin"}, De, "bewusst nicht umgesetzt (zu teuer; Risiko übernommen von Inhaberin)", false},
		{MeasureAnswer{Status: StatusDeclined, Reason: "too costly", AcceptedBy: "owner"}, En, "deliberately not implemented (too costly; risk accepted by owner)", false},
		{MeasureAnswer{Status: StatusDeclined, Reason: "zu teuer"}, De, "bewusst nicht umgesetzt (zu teuer)", true},
		{MeasureAnswer{Status: StatusDeclined, AcceptedBy: " "}, De, "bewusst nicht umgesetzt", true},
		{MeasureAnswer{Status: StatusPlanned, Due: "2027-01-31"}, De, "geplant (bis 31.01.2027)", false},
	} {
		if got := StatusText(tc.a, tc.l, nil); got != tc.want {
			t.Errorf("StatusText(%+v) = %q, want %q", tc.a, got, tc.want)
		}
		if tc.a.Status == StatusDeclined && tc.a.DeclineComplete() == tc.opened {
			t.Errorf("DeclineComplete(%+v) = %v", tc.a, !tc.opened)
		}
	}
}

// TestDeclinedOpenItemAndDiff: a declined measure without its risk
// acceptance is an open item; a complete one is not; tom diff words the
// change with reason and name.
func TestDeclinedOpenItemAndDiff(t *testing.T) {
	c := smallCatalog(t)
	var m *Measure
	for _, s := range c.Sections {
		if len(s.Measures) > 0 && s.When == nil && s.Measures[0].When == nil {
			m = s.Measures[0]
			break
		}
	}
	if m == nil {
		t.Fatal("no unconditional measure")
	}
	f := NewFile(c, De)
	v := View{C: c, F: f}
	count := func() int {
		n := 0
		for _, it := range v.OpenItems() {
			if it.Kind == OpenDeclined && it.ID == m.ID {
				n++
			}
		}
		return n
	}
	f.Measures[m.ID] = MeasureAnswer{Status: StatusDeclined, Reason: "zu teuer"}
	if count() != 1 {
		t.Error("a declined measure without accepted_by is no open item")
	}
	f.Measures[m.ID] = MeasureAnswer{Status: StatusDeclined, Reason: "zu teuer", AcceptedBy: "Inhaberin"}
	if count() != 0 {
		t.Error("a complete declined measure is an open item")
	}
	if probs := Validate(c, f); len(probs) != 0 {
		t.Errorf("declined does not validate: %v", probs)
	}
	ch := []Change{{Path: "measures/" + m.ID, Old: map[string]any{"status": "not_applicable", "reason": "zu teuer"},
		New: map[string]any{"status": "declined", "reason": "zu teuer", "accepted_by": "Inhaberin"}}}
	got := DescribeChanges(c, ch, De)
	if len(got) != 1 || len(got[0].Lines) != 1 {
		t.Fatalf("changes = %+v", got)
	}
	want := "„" + m.Label.De + "“: nicht anwendbar („zu teuer“) → bewusst nicht umgesetzt („zu teuer“; Risiko übernommen von „Inhaberin“)"
	if got[0].Lines[0] != want {
		t.Errorf("diff line\n got %q\nwant %q", got[0].Lines[0], want)
	}
}
