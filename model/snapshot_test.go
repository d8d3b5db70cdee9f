package model

import (
	"reflect"
	"testing"
)

// completedFile is the small sample, completed once: a session over it
// records its changes in the history.
func completedFile(t *testing.T) (*Catalog, *File) {
	t.Helper()
	c := smallCatalog(t)
	f := sampleFile(c)
	f.AddHistory(nil, HistoryInterview, "2026-01-10", "Jörg Krüger", "Befragung abgeschlossen")
	if f.Stand() == "" {
		t.Fatal("the file is not completed")
	}
	return c, f
}

// TestSessionRecordsPrunedField: a record field hidden by the record's own
// condition (as a hand-edited file may hold) is removed on Commit, and the
// history records the removal: the state the session began with, which
// shares the records, is not pruned with them.
func TestSessionRecordsPrunedField(t *testing.T) {
	c, f := completedFile(t)
	recs := f.Get("providers").Records()
	hidden := recs[0].Clone()
	hidden["processor"] = Bool(false) // avv_signed is now hidden
	f.Set("providers", Records(hidden, recs[1]))
	s := NewSession(c, f, SessionOptions{Today: "2026-12-07", User: "tester"})
	s.Commit()
	if f.Get("providers").Records()[0].Get("avv_signed").IsSet() {
		t.Fatal("the hidden field was kept")
	}
	e := f.LastEntry()
	want := []Change{{Path: "answers/providers/p1/avv_signed", Old: "2018-05-20"}}
	if e == nil || e.Date != "2026-12-07" || !reflect.DeepEqual(e.Changes, want) {
		t.Fatalf("history entry %+v, want the changes %+v", e, want)
	}
}

// TestSessionHistoryAsWithDeepCopy: through edits of every kind, the
// session's history entry holds what a diff against a deep copy of the
// file as it began holds; undoing the edits drops the entry.
func TestSessionHistoryAsWithDeepCopy(t *testing.T) {
	c, f := completedFile(t)
	start := f.Clone()
	s := NewSession(c, f, SessionOptions{Today: "2026-12-07", User: "tester"})
	check := func(step string) {
		t.Helper()
		s.Commit()
		want := Diff(start, f)
		e := f.LastEntry()
		if len(want) == 0 {
			if len(f.History) != 1 {
				t.Fatalf("%s: no change, yet the history is %+v", step, f.History)
			}
			return
		}
		if len(f.History) != 2 || !reflect.DeepEqual(e.Changes, want) {
			t.Fatalf("%s: history %+v, want the changes %+v", step, f.History, want)
		}
	}
	recs := f.Get("providers").Records()
	edited := recs[1].Clone()
	edited["name"] = String("Steuerbüro Groß")
	s.SetRecords("providers", []Record{recs[0], edited, {"id": String("p3"), "name": String("Neu GmbH")}})
	check("records edited and added")
	f.Set("org.name", String("Bäckerei Öztürk"))
	f.Set("infra.devices", List("pc"))
	check("answers changed")
	a := f.Measures["access_system.policy"]
	a.SetParam("x", "1")
	f.Measures["access_system.policy"] = a
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-01-01"}
	check("measures changed")
	// Undo everything: the entry goes.
	f.Answers = start.Clone().Answers
	f.Measures = start.Clone().Measures
	check("undone")
	if !reflect.DeepEqual(start.Get("providers").Records(), recs) {
		t.Fatal("the session changed the records it began with")
	}
}

// TestReviewHistoryAsWithDeepCopy: a review's state before shares the
// file's records; through updates, removals, additions and answers changed,
// its history entry holds what a diff against a deep copy holds, and the
// records the review began with are unchanged.
func TestReviewHistoryAsWithDeepCopy(t *testing.T) {
	c, f := completedFile(t)
	start := f.Clone()
	recs := f.Get("providers").Records()
	s := StartReview(c, f, nil)
	edited := recs[0].Clone()
	edited["name"] = String("Steuerbüro Groß")
	if err := s.Update("providers", edited); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove("providers", recs[1].ID()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add("providers", Record{"name": String("Neu GmbH")}); err != nil {
		t.Fatal(err)
	}
	f.Set("org.name", String("Bäckerei Öztürk"))
	want := Diff(start, f)
	if len(want) < 4 {
		t.Fatalf("the edits should make four changes or more: %+v", want)
	}
	if got := s.Changes(); !reflect.DeepEqual(got, want) {
		t.Fatalf("changes %+v, want %+v", got, want)
	}
	e := s.Finish("2026-12-07", "tester", "")
	if !reflect.DeepEqual(e.Changes, want) {
		t.Fatalf("history entry %+v, want the changes %+v", e.Changes, want)
	}
	if !reflect.DeepEqual(start.Get("providers").Records(), recs) || !reflect.DeepEqual(s.Before.Get("providers").Records(), recs) {
		t.Fatal("the review changed the records it began with")
	}
}
