package model

import "testing"

// Each kind of dated item makes the state ReviewItemsDue when its date has
// passed or is near, separate from the review's own state; an overdue
// review outranks it.
func TestStatusItemsDue(t *testing.T) {
	c := rvSmall(t)
	today := "2026-08-15"
	clean := func() *File {
		f := rvBase(c)
		f.Set("providers", Records(rvProvider("r2", "Strato AG", true, "2026-06-01")))
		f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-03-31"}
		f.History = []HistoryEntry{{Date: "2026-08-01", Kind: HistoryInterview, Version: "1.0"}}
		return f
	}
	if r := Status(c, clean(), today); r.State != ReviewCurrent || r.Review != ReviewCurrent || len(r.Due) != 0 {
		t.Fatalf("clean file: state %s, review %s, due %+v", r.State, r.Review, r.Due)
	}
	cases := []struct {
		name    string
		change  func(f *File)
		kind    string
		overdue bool
	}{
		{"planned measure past its date", func(f *File) {
			f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2026-08-01"}
		}, DueMeasure, true},
		{"planned measure due in 20 days", func(f *File) {
			f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2026-09-04"}
		}, DueMeasure, false},
		{"own measure past its date", func(f *File) {
			f.OwnMeasures = append(f.OwnMeasures, OwnMeasure{ID: "own-1", Section: "access_system", Text: "Tresor", Type: "organisational", MeasureAnswer: MeasureAnswer{Status: StatusPlanned, Due: "2026-07-01"}})
		}, DueOwnMeasure, true},
		{"provider check older than the interval", func(f *File) {
			f.Set("providers", Records(rvProvider("r2", "Strato AG", true, "2025-08-01")))
		}, DueCheck, true},
	}
	for _, tc := range cases {
		f := clean()
		tc.change(f)
		r := Status(c, f, today)
		if r.State != ReviewItemsDue || r.Review != ReviewCurrent {
			t.Errorf("%s: state %s, review %s; want items_due, current", tc.name, r.State, r.Review)
		}
		if len(r.Due) != 1 || r.Due[0].Kind != tc.kind || r.Due[0].Overdue != tc.overdue {
			t.Errorf("%s: due %+v", tc.name, r.Due)
		}
		// The review overdue is the worse state; the items stay listed.
		late := Status(c, f, "2027-09-01")
		if late.State != ReviewOverdue || late.Review != ReviewOverdue || len(late.Due) == 0 {
			t.Errorf("%s, a year later: state %s, review %s, %d due", tc.name, late.State, late.Review, len(late.Due))
		}
	}
}

// Dated lists every dated item however far ahead; Due only the near ones.
func TestDatedListsEveryDate(t *testing.T) {
	c := rvSmall(t)
	f := rvBase(c) // passwords planned for 2027-03-31, Strato checked 2018-05-25
	if due := Due(c, f, "2026-08-15"); len(due) != 1 || due[0].Kind != DueCheck {
		t.Fatalf("Due: %+v", due)
	}
	all := Dated(c, f, "2026-08-15")
	if len(all) != 2 {
		t.Fatalf("Dated: %+v", all)
	}
	var m *DueItem
	for i := range all {
		if all[i].Kind == DueMeasure {
			m = &all[i]
		}
	}
	if m == nil || m.DueOn != "2027-03-31" || m.Overdue {
		t.Errorf("the planned measure: %+v", m)
	}
	if Dated(c, f, "not a date") != nil {
		t.Error("a bad today gives items")
	}
}

// TestDatedCheckPastStoredDates: a check whose next date would fall after
// 2999, which is no stored date, is not listed (as when the next date was
// written out and read back).
func TestDatedCheckPastStoredDates(t *testing.T) {
	c := rvSmall(t)
	f := rvBase(c)
	f.Measures = map[string]MeasureAnswer{}
	f.Set("providers", Records(rvProvider("r1", "Late AG", true, "2999-06-01"), rvProvider("r2", "Early AG", true, "2998-06-01")))
	all := Dated(c, f, "2026-08-15")
	if len(all) != 1 || all[0].Record != "r2" || all[0].DueOn != "2999-06-01" {
		t.Errorf("Dated: %+v", all)
	}
}
