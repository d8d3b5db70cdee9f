package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// DueSoonDays is how far ahead a date counts as near: a review or a planned
// measure due within this many days is pointed out.
const DueSoonDays = 30

// Kinds of due items.
const (
	DueMeasure    = "measure"     // a planned catalogue measure
	DueOwnMeasure = "own_measure" // a planned own measure
	DueCheck      = "check"       // a record's check date older than the review interval
	// DueTest: a test of effectiveness (a measure with a test_date
	// parameter) never done, or done longer ago than its interval.
	DueTest = "test"
)

// DueItem is something whose date has passed or is near.
type DueItem struct {
	Kind    string
	Section *Section
	ID      string // measure, own measure or records question ID
	Label   Text   // the measure's label, or the record kind (question item)
	Record  string // DueCheck: the record's ID
	Name    string // DueCheck: the record's name
	Field   *Field // DueCheck: the check-date field
	Date    string // the stored date: the target date, or the last check
	DueOn   string // when it falls or fell due
	Months  int    // DueCheck, DueTest: the interval used
	Overdue bool   // DueOn is before today
}

// IsCheckDateField reports whether a record field holds the date something was
// last checked, which must be checked again every review interval: a date
// field with the role check_date. A contract_date is a fact and never due.
func IsCheckDateField(fd *Field) bool {
	return fd.Kind == KindDate && fd.Role == RoleCheckDate
}

// Due lists, in catalogue order, the planned measures whose target date has
// passed or is within DueSoonDays of today, the check dates of records (see
// IsCheckDateField) older than the review interval or about to be, and the
// empty check dates of records the field's due_if_empty holds for (never
// checked: due now, Date and DueOn empty).
// today is a stored date (YYYY-MM-DD).
//
// Due is the one list of what needs doing between reviews: tom status
// reports it (state ReviewItemsDue, its own exit code), the review walks
// through it. A new kind of dated item (a test date, an operating system's
// end of support) is added here, in dated, with its own Kind.
func Due(c *Catalog, f *File, today string) []DueItem {
	t, err := DateOf(today)
	if err != nil {
		return nil
	}
	return collect(func(add func(DueItem), room func(int)) { dated(c, f, t, t.AddDate(0, 0, DueSoonDays), add, room) })
}

// DueEach calls fn with each item Due lists, in the same order, without
// making the list.
func DueEach(c *Catalog, f *File, today string, fn func(DueItem)) {
	if t, err := DateOf(today); err == nil {
		dated(c, f, t, t.AddDate(0, 0, DueSoonDays), fn, nil)
	}
}

// collect returns the items run passes to add; room says how many more may
// follow, and the list makes room for them once, when the first comes.
func collect(run func(add func(DueItem), room func(int))) []DueItem {
	var out []DueItem
	more := 0
	run(func(it DueItem) {
		if len(out) == cap(out) && more > 0 {
			out = slices.Grow(out, more)
		}
		out = append(out, it)
		more = max(more-1, 0)
	}, func(n int) { more = n })
	return out
}

// Dated lists every dated item as Due does, however far ahead its date is:
// every planned measure with a target date and every check date's next
// check. For calendars (tom status --ical).
func Dated(c *Catalog, f *File, today string) []DueItem {
	t, err := DateOf(today)
	if err != nil {
		return nil
	}
	return collect(func(add func(DueItem), room func(int)) { dated(c, f, t, time.Time{}, add, room) })
}

// dated passes to add the dated items falling due up to horizon (all of them
// when horizon is zero); Overdue says their date is before today. It tells
// room (if not nil) how many of a register's check dates may follow before
// them, and 0 after them.
func dated(c *Catalog, f *File, t, horizon time.Time, add func(DueItem), room func(int)) {
	nearTime := func(d time.Time) (bool, bool) {
		return horizon.IsZero() || !d.After(horizon), d.Before(t)
	}
	near := func(date string) (bool, bool) {
		d, err := DateOf(date)
		if err != nil {
			return false, false
		}
		return nearTime(d)
	}
	v := View{C: c, F: f}
	months := f.ReviewMonths()
	for _, s := range v.Sections() {
		for _, q := range v.Questions(s) {
			if q.Kind != KindRecords {
				continue
			}
			var checks []*Field // the check-date fields, few among many
			for _, fd := range q.Fields {
				if IsCheckDateField(fd) {
					checks = append(checks, fd)
				}
			}
			if len(checks) == 0 {
				continue
			}
			recs := f.Answers[q.ID].Records()
			if room != nil {
				room(len(recs) * len(checks))
			}
			for _, r := range recs {
				// The record's ID and name, read once for its check dates.
				rid, name, named := "", "", false
				who := func() {
					if !named {
						rid, name, named = r.ID(), RecordName(q, r), true
					}
				}
				for _, fd := range checks {
					if !FieldVisible(fd, r) {
						continue
					}
					val := r[fd.ID]
					if val.Empty() {
						if fd.DueIfEmpty != nil && recordHolds(fd.DueIfEmpty, q, r) {
							who()
							add(DueItem{Kind: DueCheck, Section: s, ID: q.ID, Label: q.Item,
								Record: rid, Name: name, Field: fd, Months: months, Overdue: true})
						}
						continue
					}
					due, err := addMonths(val.Str(), months)
					if y := due.Year(); err != nil || y > 2999 {
						continue // as a stored date, not one (see parseDate)
					}
					if ok, over := nearTime(due); ok {
						who()
						add(DueItem{Kind: DueCheck, Section: s, ID: q.ID, Label: q.Item,
							Record: rid, Name: name, Field: fd, Date: val.Str(), DueOn: due.Format(DateLayout), Months: months, Overdue: over})
					}
				}
			}
			if room != nil {
				room(0)
			}
		}
		for _, m := range v.Measures(s) {
			a, ok := f.Measures[m.ID]
			if !ok || a.Status != StatusPlanned || a.Due == "" {
				continue
			}
			if ok, over := near(a.Due); ok {
				add(DueItem{Kind: DueMeasure, Section: s, ID: m.ID, Label: m.Label, Date: a.Due, DueOn: a.Due, Overdue: over})
			}
		}
		for _, m := range v.Measures(s) {
			it, ok := DueTestOf(m, f.Measures[m.ID], months)
			if !ok {
				continue
			}
			it.Section = s
			if it.DueOn == "" {
				add(it)
			} else if ok, over := near(it.DueOn); ok {
				it.Overdue = over
				add(it)
			}
		}
		for _, o := range f.OwnMeasures {
			if o.Section != s.ID || o.Status != StatusPlanned || o.Due == "" {
				continue
			}
			if ok, over := near(o.Due); ok {
				add(DueItem{Kind: DueOwnMeasure, Section: s, ID: o.ID, Label: Text{De: o.Text, En: o.Text}, Date: o.Due, DueOn: o.Due, Overdue: over})
			}
		}
	}
}

// ReviewState is where a file stands with its reviews.
type ReviewState string

// Review states, from best to worst.
const (
	ReviewCurrent    ReviewState = "current"    // complete, next review more than DueSoonDays away
	ReviewDueSoon    ReviewState = "due_soon"   // next review within DueSoonDays (or today)
	ReviewOverdue    ReviewState = "overdue"    // next review date has passed
	ReviewIncomplete ReviewState = "incomplete" // interview not completed, or a section not done
	// ReviewFindings: current, but the plausibility rules found
	// contradictions or gaps (see Findings).
	ReviewFindings ReviewState = "findings"
	// ReviewItemsDue: the review is not overdue, but dated items are due
	// (StatusReport.Due): planned measures, checks. It ranks below
	// ReviewOverdue, whose review covers them, and above ReviewDueSoon and
	// ReviewFindings.
	ReviewItemsDue ReviewState = "items_due"
)

// StatusReport is what `tom status` tells: how complete and how current the
// answers file is.
type StatusReport struct {
	Organisation   string
	Stand          string // date the document speaks for
	Version        string // document version ("" before the first entry)
	Sections       []Completeness
	Complete       bool
	OpenItems      int
	Due            []DueItem
	LastReview     string // newest review, else newest interview ("" if none)
	LastReviewKind string // HistoryReview or HistoryInterview
	NextReview     string // Stand plus the review interval
	DaysLeft       int    // days from today until NextReview (negative: overdue)
	IntervalMonths int
	Review         ReviewState // the review alone: current, due_soon, overdue or incomplete
	State          ReviewState // the file's state: Review, or ReviewItemsDue or ReviewFindings (see Status)
	// Findings are what the catalogue's rules found as of today; the
	// findings marked open_item also count among OpenItems.
	Findings []Finding
}

// Status reports on f under catalogue c as of today (stored date).
func Status(c *Catalog, f *File, today string) StatusReport {
	// The rules' findings are worked out beside the rest (both only read
	// f); a panic there is the caller's, as without the goroutine.
	var (
		findings []Finding
		failed   any
		done     = make(chan struct{})
	)
	go func() {
		defer func() {
			failed = recover()
			close(done)
		}()
		findings = Findings(c, f, today)
	}()
	v := View{C: c, F: f}
	r := StatusReport{
		Organisation:   OrganisationName(c, f),
		Stand:          f.Stand(),
		Version:        f.Version(),
		Complete:       v.Complete(),
		OpenItems:      len(v.OpenItems()),
		Due:            Due(c, f, today),
		NextReview:     f.NextReview(),
		IntervalMonths: f.ReviewMonths(),
	}
	<-done
	if failed != nil {
		panic(failed)
	}
	r.Findings = findings
	for _, fd := range r.Findings {
		if fd.Rule.OpenItem {
			r.OpenItems++
		}
	}
	for _, s := range v.Sections() {
		r.Sections = append(r.Sections, v.Completeness(s))
	}
	for _, kind := range []string{HistoryReview, HistoryInterview} {
		for i := len(f.History) - 1; i >= 0 && r.LastReview == ""; i-- {
			if f.History[i].Kind == kind {
				r.LastReview, r.LastReviewKind = f.History[i].Date, kind
			}
		}
	}
	if r.LastReview == "" && f.Progress.Completed != "" {
		r.LastReview, r.LastReviewKind = f.Progress.Completed, HistoryInterview
	}
	t, errT := DateOf(today)
	n, errN := DateOf(r.NextReview)
	if errT == nil && errN == nil {
		r.DaysLeft = int(n.Sub(t) / (24 * time.Hour))
	}
	switch {
	case !r.Complete || r.Stand == "" || errN != nil:
		r.Review = ReviewIncomplete
	case r.DaysLeft < 0:
		r.Review = ReviewOverdue
	case r.DaysLeft <= DueSoonDays:
		r.Review = ReviewDueSoon
	default:
		r.Review = ReviewCurrent
	}
	// The file's state, most urgent first: incomplete, review overdue,
	// items due, review due soon, findings, current.
	switch {
	case r.Review == ReviewIncomplete || r.Review == ReviewOverdue:
		r.State = r.Review
	case len(r.Due) > 0:
		r.State = ReviewItemsDue
	case r.Review == ReviewDueSoon:
		r.State = ReviewDueSoon
	case len(r.Findings) > 0:
		r.State = ReviewFindings
	default:
		r.State = ReviewCurrent
	}
	return r
}

// OrganisationName returns the business's name: the answer to the question
// with the role organisation_name, else to the first required text question
// of the catalogue ("" if unanswered).
func OrganisationName(c *Catalog, f *File) string {
	if q := c.QuestionByRole(RoleOrganisationName); q != nil {
		return strings.TrimSpace(f.Answers[q.ID].Str())
	}
	for _, s := range c.Sections {
		for _, q := range s.Questions {
			if q.Kind == KindText && q.Required {
				return strings.TrimSpace(f.Answers[q.ID].Str())
			}
		}
	}
	return ""
}

// RecordVerdict is what the reviewer said about one record.
type RecordVerdict string

// Record verdicts.
const (
	RecordUnreviewed RecordVerdict = ""
	RecordCurrent    RecordVerdict = "current" // still current, unchanged
	RecordChanged    RecordVerdict = "changed"
	RecordRemoved    RecordVerdict = "removed"
	RecordAdded      RecordVerdict = "added"
)

// ReviewSession is the non-interactive core of a review: it keeps the file as
// it was when the review began, records what the reviewer decided about each
// record, and writes the history entry at the end. The walk-through edits F
// (directly or through the record helpers) and calls Finish once.
type ReviewSession struct {
	C      *Catalog
	F      *File
	Before *File // F when the review began (its records shared with F: a record is never changed in place, see Record)
	// New lists the questions and measures the catalogue added since the
	// version the file was answered with, in catalogue order: they come first.
	New []string
	// Renamed maps answer IDs the catalogue renamed to their new IDs.
	Renamed map[string]string
	// Removed lists answers the catalogue no longer has; they are kept under
	// "retired" in the file and must be reported to the reviewer.
	Removed []string

	verdicts map[string]RecordVerdict
	finished *HistoryEntry
	open     map[string]bool // due items the reviewer left open (DuePath)
	ids      *IDs
}

// IDs returns the allocator for new records and own measures: it watches
// the file now and as it was when the review began.
func (s *ReviewSession) IDs() *IDs {
	if s.ids == nil {
		s.ids = NewIDs(s.F, s.Before)
	}
	return s.ids
}

// Interview returns a session over the review's file that shows the
// interview's steps for editing; it writes no history entry of its own
// (Finish does) and shares the review's ID allocator.
func (s *ReviewSession) Interview(today, user string) *Session {
	return NewSession(s.C, s.F, SessionOptions{Today: today, User: user, Origin: OriginReview, IDs: s.IDs()})
}

// StartReview begins a review of f (as loaded under c). mig is what loading
// migrated (nil when nothing was): loading already moved the file to c's
// version, so only the migration still knows which questions are new.
func StartReview(c *Catalog, f *File, mig *Migration) *ReviewSession {
	s := &ReviewSession{C: c, F: f, Before: f.snapshot(), Renamed: map[string]string{}, verdicts: map[string]RecordVerdict{}}
	if mig == nil {
		return s
	}
	isNew := map[string]bool{}
	for _, id := range mig.New {
		isNew[id] = true
	}
	for _, sec := range c.Sections {
		for _, q := range sec.Questions {
			if isNew[q.ID] {
				s.New = append(s.New, q.ID)
			}
		}
		for _, m := range sec.Measures {
			if isNew[m.ID] {
				s.New = append(s.New, m.ID)
			}
		}
	}
	for k, v := range mig.Renamed {
		s.Renamed[k] = v
	}
	s.Removed = append(s.Removed, mig.Removed...)
	return s
}

// IsNew reports whether question or measure id is new in the catalogue.
func (s *ReviewSession) IsNew(id string) bool { return contains(s.New, id) }

// NewShown returns the new questions and measures that the review may ask
// of this file as it stands: those whose section or own condition is
// already decided against (a processor's measures in a file answered as a
// controller's) are left out; those an unanswered question may still bring
// are kept.
func (s *ReviewSession) NewShown() []string {
	v := View{C: s.C, F: s.F}
	may := func(c *Condition) bool { return c.Eval(v.Value) || v.undecided(c) }
	var out []string
	for _, id := range s.New {
		sec := s.C.SectionOf(id)
		if sec == nil || !may(sec.When) {
			continue
		}
		if m := s.C.Measure(id); m != nil {
			if may(m.When) {
				out = append(out, id)
			}
		} else if q := s.C.Question(id); q != nil && may(q.When) && (q.Role != RoleNeedReason || v.Lowered()) {
			out = append(out, id)
		}
	}
	return out
}

// Order returns the sections to walk through: those holding a new question
// or measure first, then the rest, each group in catalogue order. Only
// sections that are asked are included.
func (s *ReviewSession) Order() []*Section {
	var first, rest []*Section
	for _, sec := range (View{C: s.C, F: s.F}).Sections() {
		hasNew := false
		for _, q := range sec.Questions {
			hasNew = hasNew || s.IsNew(q.ID)
		}
		for _, m := range sec.Measures {
			hasNew = hasNew || s.IsNew(m.ID)
		}
		if hasNew {
			first = append(first, sec)
		} else {
			rest = append(rest, sec)
		}
	}
	return append(first, rest...)
}

// RetiredAnswer is an answer the catalogue no longer asks for.
type RetiredAnswer struct {
	ID    string
	Value any
}

// RetiredAnswers returns the answers this review must report as no longer in
// the catalogue, with their stored values.
func (s *ReviewSession) RetiredAnswers() []RetiredAnswer {
	out := make([]RetiredAnswer, 0, len(s.Removed))
	for _, id := range s.Removed {
		out = append(out, RetiredAnswer{ID: id, Value: s.F.Retired[id]})
	}
	return out
}

// Due lists what is due as of today (see Due).
func (s *ReviewSession) Due(today string) []DueItem { return Due(s.C, s.F, today) }

// records returns the records question qid and its records.
func (s *ReviewSession) records(qid string) (*Question, []Record, error) {
	q := s.C.Question(qid)
	if q == nil || q.Kind != KindRecords {
		return nil, nil, fmt.Errorf("review: %q is not a list of records in catalogue %s %s", qid, s.C.ID, s.C.Version)
	}
	return q, s.F.Answers[qid].Records(), nil
}

func (s *ReviewSession) find(qid, rid string) (int, []Record, error) {
	_, recs, err := s.records(qid)
	if err != nil {
		return -1, nil, err
	}
	for i, r := range recs {
		if r.ID() == rid {
			return i, recs, nil
		}
	}
	return -1, nil, fmt.Errorf("review: %s has no record %q", qid, rid)
}

// Keep records that record rid of qid is still current.
func (s *ReviewSession) Keep(qid, rid string) error {
	if _, _, err := s.find(qid, rid); err != nil {
		return err
	}
	s.verdicts[qid+"/"+rid] = RecordCurrent
	return nil
}

// Update replaces the record with r's ID in qid by r.
func (s *ReviewSession) Update(qid string, r Record) error {
	i, recs, err := s.find(qid, r.ID())
	if err != nil {
		return err
	}
	out := append([]Record(nil), recs...)
	out[i] = r.Clone()
	s.F.Set(qid, Records(out...))
	if s.verdicts[qid+"/"+r.ID()] != RecordAdded {
		s.verdicts[qid+"/"+r.ID()] = RecordChanged
	}
	return nil
}

// Remove deletes record rid from qid.
func (s *ReviewSession) Remove(qid, rid string) error {
	i, recs, err := s.find(qid, rid)
	if err != nil {
		return err
	}
	out := append(append([]Record(nil), recs[:i]...), recs[i+1:]...)
	s.F.Set(qid, Records(out...))
	s.verdicts[qid+"/"+rid] = RecordRemoved
	return nil
}

// Add appends r to qid and returns its ID; a record without an ID gets a new
// one that no record of qid, now or before the review, has used.
func (s *ReviewSession) Add(qid string, r Record) (string, error) {
	_, recs, err := s.records(qid)
	if err != nil {
		return "", err
	}
	r = r.Clone()
	if r.ID() == "" {
		r["id"] = String(s.IDs().Record())
	}
	for _, old := range recs {
		if old.ID() == r.ID() {
			return "", fmt.Errorf("review: %s already has a record %q", qid, r.ID())
		}
	}
	s.F.Set(qid, Records(append(append([]Record(nil), recs...), r)...))
	s.verdicts[qid+"/"+r.ID()] = RecordAdded
	return r.ID(), nil
}

// Verdict returns what the reviewer said about record rid of qid so far.
func (s *ReviewSession) Verdict(qid, rid string) RecordVerdict { return s.verdicts[qid+"/"+rid] }

// Unreviewed returns the IDs of the records of qid without a verdict yet, in
// list order.
func (s *ReviewSession) Unreviewed(qid string) []string {
	var out []string
	for _, r := range s.F.Answers[qid].Records() {
		if s.verdicts[qid+"/"+r.ID()] == RecordUnreviewed {
			out = append(out, r.ID())
		}
	}
	return out
}

// Changes returns what the review has changed so far.
func (s *ReviewSession) Changes() []Change { return Diff(s.Before, s.F) }

// Finish ends the review: it appends a history entry of kind review, dated
// today, by the reviewer, with the summary and every change since the review
// began (none is fine: that the review happened is recorded), and the items
// still due as of today (StillDue). Calling it again
// returns the same entry without adding another.
func (s *ReviewSession) Finish(today, by, summary string) HistoryEntry {
	if s.finished != nil {
		return *s.finished
	}
	stillDue := s.StillDue(today)
	e := s.F.AddHistory(s.Before, HistoryReview, today, strings.TrimSpace(by), strings.TrimSpace(summary))
	if len(stillDue) > 0 {
		e.StillDue = stillDue
		s.F.History[len(s.F.History)-1] = e
	}
	s.finished = &e
	return e
}
