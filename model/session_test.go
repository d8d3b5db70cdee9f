package model

import (
	"reflect"
	"testing"
)

// smallDone returns a file of the small catalogue with every section
// answered and gone through, not yet committed.
func smallDone(t *testing.T, c *Catalog) *File {
	t.Helper()
	f := NewFile(c, De)
	f.Set("org.name", String("Alt GmbH"))
	f.Set("infra.server", Bool(false))
	f.Set("infra.devices", List("pc"))
	f.Set("providers", Records())
	for _, id := range []string{"access_system.passwords", "access_system.policy"} {
		f.Measures[id] = MeasureAnswer{Status: StatusImplemented}
	}
	return f
}

func smallSession(t *testing.T) (*Catalog, *File, *Session) {
	t.Helper()
	c := smallCatalog(t)
	f := smallDone(t, c)
	return c, f, NewSession(c, f, SessionOptions{Today: "2026-03-15", User: "tester"})
}

// Skip a step, finish the others, go back and finish it: the interview is
// complete at that moment — status and the document's Stand agree — even
// though the walk did not reach its end.
func TestSessionSkipThenBackCompletes(t *testing.T) {
	c, f, s := smallSession(t)
	infra := c.Section("infra")
	for _, sec := range s.Sections() {
		if sec == infra {
			s.Skip(sec)
		} else {
			s.Done(sec)
		}
		s.Commit()
	}
	if s.Complete() || f.Stand() != "" {
		t.Fatalf("complete with a step put off: stand %q", f.Stand())
	}
	if st := Status(c, f, "2026-03-15"); st.Complete || st.State != ReviewIncomplete {
		t.Fatalf("status says complete: %+v", st)
	}
	s.Done(infra) // back to it, answered
	s.Commit()
	if !s.Complete() || f.Stand() != "2026-03-15" {
		t.Fatalf("not complete after the jump back: stand %q", f.Stand())
	}
	if st := Status(c, f, "2026-03-15"); !st.Complete || st.State == ReviewIncomplete {
		t.Fatalf("status disagrees with the session: %+v", st)
	}
	if got := f.Progress.Done; !reflect.DeepEqual(got, []string{"org", "infra", "access_system", "providers"}) {
		t.Errorf("done in catalogue order: %v", got)
	}
	if len(f.Progress.Skipped) != 0 {
		t.Errorf("still skipped: %v", f.Progress.Skipped)
	}
	if len(f.History) != 1 || f.History[0].By != "tester" || f.History[0].Summary != "Befragung abgeschlossen" {
		t.Errorf("history %+v", f.History)
	}
	s.Commit()
	if len(f.History) != 1 {
		t.Errorf("a second commit added an entry: %+v", f.History)
	}
}

// Every answer given is not "done": a section counts once the user finished it.
func TestSessionAnsweredIsNotDone(t *testing.T) {
	_, f, s := smallSession(t)
	s.Commit()
	if s.Complete() || f.Stand() != "" || len(f.History) != 0 {
		t.Fatalf("complete without any section finished: %+v", f.Progress)
	}
}

// A list opened and left empty answers nothing; finishing it answers "none";
// a required list without entries is not answered.
func TestSessionEmptyList(t *testing.T) {
	c, f, s := smallSession(t)
	delete(f.Answers, "providers")
	s.SetRecords("providers", nil)
	if f.Get("providers").IsSet() {
		t.Fatal("an opened, empty list stored an answer")
	}
	for _, sec := range s.Sections() {
		if sec.ID != "providers" {
			s.Done(sec)
		}
	}
	s.Commit()
	if s.Complete() {
		t.Fatal("complete with the list step never finished")
	}
	s.ConfirmList("providers")
	s.Done(c.Section("providers"))
	s.Commit()
	if !s.Complete() || !f.Get("providers").IsSet() {
		t.Fatal("finishing the empty list does not complete the interview")
	}
	q := c.Question("providers")
	q.Required = true
	defer func() { q.Required = false }()
	if s.V.Answered(q) || s.Complete() {
		t.Error("a required list without entries counts as answered")
	}
}

// Changing a completed file is recorded: one entry per session, old → new by
// stable ID, kept current, dropped when the change is undone.
func TestSessionRecordsChangesAfterCompletion(t *testing.T) {
	c, f, s := smallSession(t)
	for _, sec := range s.Sections() {
		s.Done(sec)
	}
	s.Commit()
	if len(f.History) != 1 {
		t.Fatalf("history %+v", f.History)
	}

	s2 := NewSession(c, f, SessionOptions{Today: "2026-04-01", User: "tester"})
	s2.Commit()
	if len(f.History) != 1 {
		t.Fatalf("an unchanged re-run added an entry: %+v", f.History)
	}
	f.Set("org.name", String("Neu GmbH"))
	s2.Commit()
	f.Set("infra.devices", List("pc", "notebook"))
	s2.Commit()
	if len(f.History) != 2 {
		t.Fatalf("history %+v", f.History)
	}
	e := f.History[1]
	want := []Change{
		{Path: "answers/infra.devices", Old: []any{"pc"}, New: []any{"pc", "notebook"}},
		{Path: "answers/org.name", Old: "Alt GmbH", New: "Neu GmbH"},
	}
	if e.Kind != HistoryInterview || e.Version != "1.1" || e.Date != "2026-04-01" || !reflect.DeepEqual(e.Changes, want) {
		t.Errorf("entry %+v", e)
	}
	if f.Stand() != "2026-04-01" || f.Progress.Completed != "2026-03-15" {
		t.Errorf("stand %q, completed %q", f.Stand(), f.Progress.Completed)
	}
	f.Set("org.name", String("Alt GmbH"))
	f.Set("infra.devices", List("pc"))
	s2.Commit()
	if len(f.History) != 1 {
		t.Errorf("an undone change left its entry: %+v", f.History)
	}

	// A scan applied to the completed file says so.
	s3 := NewSession(c, f, SessionOptions{Today: "2026-05-01", Origin: OriginScan})
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusPlanned, Due: "2026-12-31"}
	s3.Commit()
	if e := f.LastEntry(); e.Summary != "Prüfergebnisse übernommen (tom scan)" || len(e.Changes) != 1 || e.By != "Alt GmbH" && e.By != "" {
		t.Errorf("scan entry %+v", e)
	}
}

// Only the review writes review entries: the interview screens it reuses
// write none.
func TestReviewInterviewSessionWritesNoEntry(t *testing.T) {
	c, f, s := smallSession(t)
	for _, sec := range s.Sections() {
		s.Done(sec)
	}
	s.Commit()
	rs := StartReview(c, f, nil)
	is := rs.Interview("2026-09-01", "tester")
	f.Set("org.name", String("Neu GmbH"))
	is.Commit()
	if len(f.History) != 1 {
		t.Fatalf("the review's interview session wrote an entry: %+v", f.History)
	}
	e := rs.Finish("2026-09-01", "Erika", "")
	if e.Kind != HistoryReview || len(e.Changes) != 1 || len(f.History) != 2 {
		t.Errorf("review entry %+v", e)
	}
}

// IDs never reuse an ID the file, its history, a second watched file or the
// session used: records across all lists, own measures likewise.
func TestIDsNeverReused(t *testing.T) {
	c := smallCatalog(t)
	f := NewFile(c, De)
	f.Set("providers", Records(Record{"id": String("r2"), "name": String("A")}))
	f.OwnMeasures = []OwnMeasure{{ID: "own1", Section: "access_system", Text: "x", Type: Technical, MeasureAnswer: MeasureAnswer{Status: StatusImplemented}}}
	f.History = []HistoryEntry{{Date: "2025-01-01", Kind: HistoryReview, Version: "1.0", Changes: []Change{
		{Path: "answers/providers/r7", Old: map[string]any{"id": "r7"}},
		{Path: "own_measures/own4", Old: map[string]any{"id": "own4"}},
	}}}
	before := NewFile(c, De)
	before.Set("providers", Records(Record{"id": String("r9"), "name": String("B")}))
	ids := NewIDs(f, before)
	if got := ids.Record(); got != "r10" {
		t.Errorf("first record ID %q, want r10 (r9 is in the review's start)", got)
	}
	if got := ids.Record(); got != "r11" {
		t.Errorf("second record ID %q, want r11", got)
	}
	if got := ids.Own(); got != "own5" {
		t.Errorf("own-measure ID %q, want own5 (own4 was removed in the history)", got)
	}
	if got := NewIDs(NewFile(c, De)).Record(); got != "r1" {
		t.Errorf("fresh file: %q", got)
	}
}

// One function words an answer; the change lines of tom diff use it.
func TestAnswerTextOneWording(t *testing.T) {
	c := smallCatalog(t)
	q := c.Question("infra.server")
	for _, tc := range []struct {
		v    Value
		l    Lang
		want string
	}{
		{Bool(true), De, "Ja"}, {Bool(false), De, "Nein"}, {Bool(true), En, "Yes"},
		{List(), De, "keine"}, {List(), En, "none"},
		{Records(), De, "0 Einträge"}, {Records(Record{"id": String("r1")}), En, "1 entry"},
		{Value{}, De, ""},
	} {
		if got := AnswerText(q.Kind, q.Options, tc.v, tc.l); got != tc.want {
			t.Errorf("%v in %s: %q, want %q", tc.v.Any(), tc.l, got, tc.want)
		}
	}
	d := c.Question("infra.devices")
	if got := AnswerText(d.Kind, d.Options, List("pc", "gone"), De); got != "PC, gone (nicht mehr im Katalog)" {
		t.Errorf("options: %q", got)
	}
	lines := DescribeChanges(c, []Change{{Path: "answers/infra.server", Old: false, New: true}}, De)
	if len(lines) != 1 || len(lines[0].Lines) != 1 || lines[0].Lines[0] != "„"+q.Title.In(De)+"“: Nein → Ja" {
		t.Errorf("diff words: %+v", lines)
	}
}
