package model

import (
	"slices"
	"strings"
)

// sessionMsg holds the summaries of the history entries a session writes, in
// the file's language.
var sessionMsg = Messages{
	"completed":    {De: "Befragung abgeschlossen", En: "Interview completed"},
	"changed":      {De: "Antworten in der Befragung geändert", En: "Answers changed in the interview"},
	"scan_changed": {De: "Prüfergebnisse übernommen (tom scan)", En: "Scan results applied (tom scan)"},
	"set_changed":  {De: "Antworten per Skript geändert (tom set)", En: "Answers changed by script (tom set)"},
}

// Origin says what changes the answers in a session; it chooses the summary
// of the history entry that records the changes to a completed file.
type Origin int

// Origins of a session.
const (
	OriginInterview Origin = iota // tom interview (either front end)
	OriginScan                    // tom scan --apply
	OriginReview                  // tom review: the ReviewSession writes the entry
	OriginSet                     // tom set
)

// SessionOptions configures a session.
type SessionOptions struct {
	Today string // YYYY-MM-DD, the date of a history entry
	// User names the person answering when the file names nobody (see Author).
	User   string
	Origin Origin
	// IDs, when set, is the allocator to share (the review's); nil makes one.
	IDs *IDs
}

// Session is one interview over an answers file, whatever shows it: which
// sections and questions are asked, which are done, put off or open, when
// the interview is complete, the IDs new records and own measures get, and
// the history entries the interview writes. Front ends move through the
// sections, edit F's answers and call Commit before every save. A Session
// holds no I/O and no globals; it is not safe for concurrent use.
type Session struct {
	C *Catalog
	F *File
	V View
	o SessionOptions

	// before is F when the session began, when its interview had been
	// completed already: changes to it are recorded (see Commit).
	before *File
	// entry is the index in F.History of the entry this session wrote for
	// its changes (-1: none yet).
	entry int
	ids   *IDs
	// shown holds the rules whose findings NewFindings has returned.
	shown map[string]bool
	// flow is the round of jumps from the end list (flow.go); nil: none.
	flow *flow
}

// NewSession starts a session over f (loaded or new) under catalogue c.
func NewSession(c *Catalog, f *File, o SessionOptions) *Session {
	if f.Answers == nil {
		f.Answers = map[string]Value{}
	}
	if f.Measures == nil {
		f.Measures = map[string]MeasureAnswer{}
	}
	s := &Session{C: c, F: f, V: View{C: c, F: f}, o: o, entry: -1, ids: o.IDs}
	if s.ids == nil {
		s.ids = NewIDs(f)
	}
	if f.Stand() != "" {
		s.before = f.snapshot()
	}
	return s
}

// IDs returns the session's ID allocator.
func (s *Session) IDs() *IDs { return s.ids }

// Sections returns the sections that are asked, in catalogue order.
func (s *Session) Sections() []*Section { return s.V.Sections() }

// Next returns the asked section after (dir +1) or before (dir -1) sec in
// catalogue order, or nil. A nil sec with dir +1 gives the first one.
func (s *Session) Next(sec *Section, dir int) *Section {
	secs := s.C.Sections
	i := -1
	if sec == nil {
		dir = 1
	} else if i = slices.Index(secs, sec); i < 0 {
		return nil
	}
	for j := i + dir; j >= 0 && j < len(secs); j += dir {
		if s.V.SectionVisible(secs[j]) {
			return secs[j]
		}
	}
	return nil
}

// Last returns the last asked section, or nil.
func (s *Session) Last() *Section {
	secs := s.V.CountedSections()
	if len(secs) == 0 {
		return nil
	}
	return secs[len(secs)-1]
}

// Position returns sec's number among the counted sections (1-based,
// View.CountedSections: the count never grows as answers are given) and
// their count; a section not counted counts as the last.
func (s *Session) Position(sec *Section) (int, int) {
	secs := s.V.CountedSections()
	if i := slices.Index(secs, sec); i >= 0 {
		return i + 1, len(secs)
	}
	return len(secs), len(secs)
}

// Start returns where the interview begins: the section of progress.step
// when it is asked (with progress.question), else the next asked one after
// it, else the first. resumed reports that this is not the first section.
func (s *Session) Start() (sec *Section, question string, resumed bool) {
	p := s.F.Progress
	first := s.Next(nil, 1)
	if first == nil && len(s.C.Sections) > 0 {
		first = s.C.Sections[0] // a catalogue always has one; never start nowhere
	}
	at := s.C.Section(p.Step)
	switch {
	case at == nil:
		return first, "", false
	case s.V.SectionVisible(at):
		return at, p.Question, at != first
	}
	if nxt := s.Next(at, 1); nxt != nil {
		return nxt, "", nxt != first
	}
	return first, "", false
}

// At records where the user is: section sec and, within it, the item
// question ("" at the section's start).
func (s *Session) At(sec *Section, question string) {
	if sec == nil {
		return
	}
	s.F.Progress.Step, s.F.Progress.Question = sec.ID, question
}

// Done marks sec as gone through: it leaves the put-off list. Both lists
// are kept in catalogue order, so that both front ends write the same file.
func (s *Session) Done(sec *Section) {
	p := &s.F.Progress
	p.Done = s.ordered(addOnce(p.Done, sec.ID))
	p.Skipped = without(p.Skipped, sec.ID)
}

// Skip puts sec off ("später beantworten").
func (s *Session) Skip(sec *Section) {
	p := &s.F.Progress
	p.Skipped = s.ordered(addOnce(p.Skipped, sec.ID))
	p.Done = without(p.Done, sec.ID)
}

// State reports how far sec is answered.
func (s *Session) State(sec *Section) Completeness { return s.V.Completeness(sec) }

// Complete reports whether the interview is complete (see View.Complete).
func (s *Session) Complete() bool { return s.V.Complete() }

// Open returns the asked sections that are not done, in catalogue order.
func (s *Session) Open() []*Section {
	var out []*Section
	for _, sec := range s.Sections() {
		if s.V.Completeness(sec).State != StateDone {
			out = append(out, sec)
		}
	}
	return out
}

// SetRecords stores the records of list question qid. An entry holding
// nothing but its ID (just opened) is not stored. An empty list is stored
// only when the question was answered before (the user removed the last
// entry): opening a list and leaving it empty answers nothing — that takes
// ConfirmList.
func (s *Session) SetRecords(qid string, recs []Record) {
	keep := make([]Record, 0, len(recs))
	for _, r := range recs {
		if len(r) > 1 || r.ID() == "" {
			keep = append(keep, r)
		}
	}
	if len(keep) == 0 && !s.F.Get(qid).IsSet() {
		return
	}
	s.F.Set(qid, Records(keep...))
}

// ConfirmList records that the user finished list question qid: a list
// without entries becomes the answer "none".
func (s *Session) ConfirmList(qid string) {
	if !s.F.Get(qid).IsSet() {
		s.F.Set(qid, Records())
	}
}

// author is who answers: HistoryAuthor (the respondent, else the contact
// person, by role), else the user the front end named.
func (s *Session) author() string {
	if by := strings.TrimSpace(HistoryAuthor(s.C, s.F)); by != "" {
		return by
	}
	return strings.TrimSpace(s.o.User)
}

// Commit brings the file up to date before it is saved: it drops the
// answers of questions no longer asked and writes the history. The first
// time every section is done, the interview's completion is recorded (the
// file gets its Stand); a file that had been completed before gets one
// entry for this session holding every change old → new, kept current on
// each Commit and dropped again when the changes are undone. A review
// session writes no entry (the review does).
func (s *Session) Commit() {
	s.V.Prune()
	s.F.ProtectionLevel = ""
	for _, n := range s.V.Needs() {
		if n.Stated != "" {
			s.F.ProtectionLevel = s.V.Level()
			break
		}
	}
	if s.o.Origin == OriginReview {
		return
	}
	f := s.F
	if s.before == nil {
		if s.V.AllDone() && f.Stand() == "" {
			f.AddHistory(nil, HistoryInterview, s.o.Today, s.author(), sessionMsg.Get(f.Language, "completed"))
		}
		return
	}
	changes := Diff(s.before, f)
	switch {
	case s.entry >= 0 && s.entry == len(f.History)-1 && len(changes) == 0:
		f.History = f.History[:s.entry]
		s.entry = -1
	case s.entry >= 0 && s.entry < len(f.History):
		f.History[s.entry].Changes = changes
	case len(changes) > 0:
		key := "changed"
		switch s.o.Origin {
		case OriginScan:
			key = "scan_changed"
		case OriginSet:
			key = "set_changed"
		}
		f.AddHistory(s.before, HistoryInterview, s.o.Today, s.author(), sessionMsg.Get(f.Language, key))
		s.entry = len(f.History) - 1
	}
}

// End is called when the walk through the sections reached its end: it
// commits, and a complete interview forgets its position, so that the next
// interview starts from the beginning. It returns the first open section
// when the interview is not complete (nil otherwise); the position is set
// there.
func (s *Session) End() *Section {
	s.Commit()
	if s.Complete() {
		s.F.Progress.Step, s.F.Progress.Question = "", ""
		return nil
	}
	open := s.Open()
	if len(open) == 0 {
		return nil
	}
	s.At(open[0], "")
	return open[0]
}

// ordered sorts section IDs by catalogue order (unknown IDs last, as they were).
func (s *Session) ordered(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, sec := range s.C.Sections {
		if slices.Contains(ids, sec.ID) {
			out = append(out, sec.ID)
		}
	}
	for _, id := range ids {
		if s.C.Section(id) == nil {
			out = append(out, id)
		}
	}
	return out
}

func addOnce(list []string, id string) []string {
	if slices.Contains(list, id) {
		return list
	}
	return append(list, id)
}

func without(list []string, id string) []string {
	var out []string
	for _, x := range list {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// TickItem is the progress.question of a control section's table of
// measures (both front ends record it so).
func TickItem(sec *Section) string { return sec.ID + "#tick" }

// Findings returns what the catalogue's plausibility rules find in the
// answers as they stand now, as of the session's day: front ends show the
// findings of a step with FindingsIn and all of them at the end.
func (s *Session) Findings() []Finding { return Findings(s.C, s.F, s.o.Today) }

// NewFindings returns the findings that hold now and were not returned by an
// earlier call: a rule comparing a measure with a later register holds once
// the register is answered, so a front end shows it at the step that made it
// hold. The first call returns what held when the session began.
func (s *Session) NewFindings() []Finding {
	if s.shown == nil {
		s.shown = map[string]bool{}
	}
	var out []Finding
	for _, f := range s.Findings() {
		if !s.shown[f.Rule.ID] {
			s.shown[f.Rule.ID] = true
			out = append(out, f)
		}
	}
	return out
}

// FindingsAt returns the findings that concern section sec.
func (s *Session) FindingsAt(sec *Section) []Finding { return FindingsIn(s.Findings(), sec) }

// FindingLine words a finding in one line for a front end: "Widerspruch:
// …" or "Hinweis: …", in language l.
func FindingLine(f Finding, l Lang) string {
	key := "finding_warning"
	if f.Severity == SeverityContradiction {
		key = "finding_contradiction"
	}
	return Msg.Get(l, key, f.Text.In(l))
}
