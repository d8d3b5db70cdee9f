package model

import (
	"slices"
	"testing"
)

// Each choice for a due item: done now, new date, still open; what is
// still due at the end is named in the history entry.
func TestReviewSettleDue(t *testing.T) {
	c := rvSmall(t)
	today := "2026-08-15"
	setup := func() (*File, *ReviewSession) {
		f := rvBase(c)
		f.Set("providers", Records(rvProvider("r2", "Strato AG", true, "2025-08-01")))
		f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2026-08-01"}
		f.OwnMeasures = append(f.OwnMeasures, OwnMeasure{ID: "own-1", Section: "access_system", Text: "Tresor", Type: "organisational", MeasureAnswer: MeasureAnswer{Status: StatusPlanned, Due: "2026-07-01"}})
		f.History = []HistoryEntry{{Date: "2025-08-01", Kind: HistoryInterview, Version: "1.0"}}
		return f, StartReview(c, f, nil)
	}
	byKind := func(s *ReviewSession, kind string) DueItem {
		for _, it := range s.Due(today) {
			if it.Kind == kind {
				return it
			}
		}
		t.Fatalf("no due %s", kind)
		return DueItem{}
	}

	// Done now: measure implemented, check date today.
	f, s := setup()
	if len(s.Due(today)) != 3 {
		t.Fatalf("due: %+v", s.Due(today))
	}
	for _, k := range []string{DueMeasure, DueOwnMeasure, DueCheck} {
		if err := s.SettleDue(byKind(s, k), DueDoneNow, "", "erledigt", today); err != nil {
			t.Fatal(err)
		}
	}
	if a := f.Measures["access_system.passwords"]; a.Status != StatusImplemented || a.Due != "" || a.Note != "erledigt" {
		t.Errorf("measure: %+v", a)
	}
	if o := f.OwnMeasures[len(f.OwnMeasures)-1]; o.Status != StatusImplemented || o.Due != "" {
		t.Errorf("own measure: %+v", o)
	}
	if d := f.Get("providers").Records()[0]["avv_signed"]; d.Str() != today {
		t.Errorf("check date %q", d.Str())
	}
	if e := s.Finish(today, "Erika", ""); len(e.StillDue) != 0 || len(e.Changes) == 0 {
		t.Errorf("finished: %+v", e)
	}

	// New date: a later target date; the date a check was made.
	f, s = setup()
	if err := s.SettleDue(byKind(s, DueMeasure), DueNewDate, "31.12.2026", "", today); err != nil {
		t.Fatal(err)
	}
	if err := s.SettleDue(byKind(s, DueCheck), DueNewDate, "2026-08-10", "", today); err != nil {
		t.Fatal(err)
	}
	if a := f.Measures["access_system.passwords"]; a.Status != StatusPlanned || a.Due != "2026-12-31" {
		t.Errorf("measure: %+v", a)
	}
	if d := f.Get("providers").Records()[0]["avv_signed"]; d.Str() != "2026-08-10" {
		t.Errorf("check date %q", d.Str())
	}
	if err := s.SettleDue(byKind(s, DueOwnMeasure), DueNewDate, "2026-01-01", "", today); err == nil {
		t.Error("a target date in the past was taken")
	}
	if err := s.SettleDue(byKind(s, DueOwnMeasure), DueNewDate, "kein Datum", "", today); err == nil {
		t.Error("a wrong date was taken")
	}

	// Still open: stays due, named in the history entry.
	f, s = setup()
	if err := s.SettleDue(byKind(s, DueMeasure), DueStillOpen, "", "Budget fehlt", today); err != nil {
		t.Fatal(err)
	}
	if a := f.Measures["access_system.passwords"]; a.Status != StatusPlanned || a.Due != "2026-08-01" || a.Note != "Budget fehlt" {
		t.Errorf("measure: %+v", a)
	}
	e := s.Finish(today, "Erika", "")
	want := []string{"measures/access_system.passwords", "own_measures/own-1", "answers/providers/r2/avv_signed"}
	slices.Sort(want)
	got := slices.Clone(e.StillDue)
	slices.Sort(got)
	if !slices.Equal(got, want) || !slices.Equal(f.History[len(f.History)-1].StillDue, e.StillDue) {
		t.Errorf("still due %v, want %v", e.StillDue, want)
	}
}
