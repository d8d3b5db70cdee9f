package model

import (
	"slices"
	"strings"
)

// Getter returns the value a condition tests.
type Getter func(id string) Value

// Eval reports whether the condition holds for the values get returns.
// A nil condition holds; a measure test (statements only) never holds here:
// see View.Holds.
func (c *Condition) Eval(get Getter) bool { return c.eval(get, nil) }

// fields calls fn with the field of each field test in c, in order.
func (c *Condition) fields(fn func(id string)) {
	if c == nil {
		return
	}
	if c.Field != "" {
		fn(c.Field)
	}
	for _, sub := range c.All {
		sub.fields(fn)
	}
	for _, sub := range c.Any {
		sub.fields(fn)
	}
	c.Not.fields(fn)
}

// eval evaluates the condition; status returns a measure's status as a
// measure test sees it ("" when it does not apply or is not answered).
func (c *Condition) eval(get Getter, status func(id string) string) bool {
	if c == nil {
		return true
	}
	switch {
	case len(c.All) > 0:
		for _, s := range c.All {
			if !s.eval(get, status) {
				return false
			}
		}
		return true
	case len(c.Any) > 0:
		for _, s := range c.Any {
			if s.eval(get, status) {
				return true
			}
		}
		return false
	case c.Not != nil:
		return !c.Not.eval(get, status)
	case c.Measure != "":
		if status == nil {
			return false
		}
		st := status(c.Measure)
		if len(c.Status) == 0 {
			return st == StatusImplemented
		}
		return st != "" && slices.Contains(c.Status, st)
	}
	return c.test(get(c.tested()))
}

// tested returns the question or field a test condition reads.
func (c *Condition) tested() string {
	if c.Question != "" {
		return c.Question
	}
	return c.Field
}

// test reports whether v passes the condition's own test (equals, in,
// includes, answered, contains); false without one.
func (c *Condition) test(v Value) bool {
	switch {
	case c.Answered != nil:
		return (!v.Empty()) == *c.Answered
	case c.Equals != nil:
		switch want := c.Equals.(type) {
		case bool:
			b, ok := v.Bool()
			return ok && b == want
		case string:
			return v.IsString() && v.Str() == want
		}
		return false
	case len(c.In) > 0:
		for _, o := range c.In {
			if v.IsString() && v.Str() == o {
				return true
			}
		}
		return false
	case c.Includes != "":
		return v.Has(c.Includes)
	case c.Contains != "":
		return v.IsString() && strings.Contains(strings.ToLower(v.Str()), strings.ToLower(c.Contains))
	}
	return false
}

// View answers questions about one answers file under one catalogue: what is
// shown, what is complete, what is open. It reads the file as it is at the
// time of each call.
type View struct {
	C *Catalog
	F *File
}

// Value returns the answer to question id as conditions see it: unset when the
// question is not shown.
func (v View) Value(id string) Value {
	if !v.QuestionVisible(id) {
		return Value{}
	}
	return v.F.Answers[id]
}

// Holds reports whether condition c holds for the file: questions as
// conditions see them (hidden ones unanswered), measures by their status
// when they apply. A statement is printed exactly when its condition holds.
func (v View) Holds(c *Condition) bool {
	return c.eval(v.Value, func(id string) string {
		m := v.C.Measure(id)
		if m == nil || !v.MeasureVisible(m) {
			return ""
		}
		return v.F.Measures[id].Status
	})
}

// Statements returns the statements of section s whose condition holds.
func (v View) Statements(s *Section) []*Statement {
	var out []*Statement
	for _, st := range s.Statements {
		if v.Holds(st.Requires) {
			out = append(out, st)
		}
	}
	return out
}

// SectionVisible reports whether section s is asked.
func (v View) SectionVisible(s *Section) bool { return s.When.Eval(v.Value) }

// QuestionVisible reports whether question id is asked: its section is shown
// and its own condition holds (on shown answers only).
func (v View) QuestionVisible(id string) bool {
	q := v.C.Question(id)
	if q == nil {
		return false
	}
	s := v.C.SectionOf(id)
	if !s.When.Eval(v.Value) || !q.When.Eval(v.Value) {
		return false
	}
	// The reason for a lowered protection need is asked only when a need
	// is below its proposal.
	return q.Role != RoleNeedReason || v.Lowered()
}

// MeasureVisible reports whether measure m applies.
func (v View) MeasureVisible(m *Measure) bool {
	s := v.C.SectionOf(m.ID)
	return s != nil && s.When.Eval(v.Value) && m.When.Eval(v.Value)
}

// FieldVisible reports whether field fd of record r is shown.
func FieldVisible(fd *Field, r Record) bool {
	return fd.When.Eval(func(id string) Value { return r[id] })
}

// Sections returns the sections that are asked, in order.
func (v View) Sections() []*Section {
	var out []*Section
	for _, s := range v.C.Sections {
		if v.SectionVisible(s) {
			out = append(out, s)
		}
	}
	return out
}

// CountedSections returns the sections the step numbers count, in order:
// those asked, and those whose condition a question still shown and
// unanswered may yet decide. An answer given can then only take a section
// out of the count, never add one, so "step X of Y" never grows.
func (v View) CountedSections() []*Section {
	var out []*Section
	for _, s := range v.C.Sections {
		if v.SectionVisible(s) || v.undecided(s.When) {
			out = append(out, s)
		}
	}
	return out
}

// undecided reports whether condition c reads a question that is shown and
// not answered yet.
func (v View) undecided(c *Condition) bool {
	if c == nil {
		return false
	}
	for _, sub := range append(append([]*Condition{}, c.All...), c.Any...) {
		if v.undecided(sub) {
			return true
		}
	}
	if c.Not != nil && v.undecided(c.Not) {
		return true
	}
	return c.Question != "" && v.QuestionVisible(c.Question) && v.Value(c.Question).Empty()
}

// Questions returns the questions of s that are asked, in order.
func (v View) Questions(s *Section) []*Question {
	var out []*Question
	for _, q := range s.Questions {
		if v.QuestionVisible(q.ID) {
			out = append(out, q)
		}
	}
	return out
}

// Measures returns the measures of s that apply, in order.
func (v View) Measures(s *Section) []*Measure {
	var out []*Measure
	for _, m := range s.Measures {
		if v.MeasureVisible(m) {
			out = append(out, m)
		}
	}
	return out
}

// Prune removes the answers of questions and measures that are no longer shown,
// so that a hidden answer is never kept as if it were given. It returns the
// IDs it removed. Record fields hidden by their own conditions are removed too.
func (v View) Prune() []string {
	var removed []string
	// Hiding one answer can hide others; repeat until stable.
	for changed := true; changed; {
		changed = false
		for id := range v.F.Answers {
			if v.C.Question(id) != nil && !v.QuestionVisible(id) {
				delete(v.F.Answers, id)
				removed = append(removed, id)
				changed = true
			}
		}
	}
	for id := range v.F.Measures {
		if m := v.C.Measure(id); m != nil && !v.MeasureVisible(m) {
			delete(v.F.Measures, id)
			removed = append(removed, id)
		}
	}
	for id, val := range v.F.Answers {
		q := v.C.Question(id)
		if q == nil || q.Kind != KindRecords {
			continue
		}
		// Only a field with a condition can be hidden.
		var conditional []*Field
		for _, fd := range q.Fields {
			if fd.When != nil {
				conditional = append(conditional, fd)
			}
		}
		if len(conditional) == 0 {
			continue
		}
		recs := val.Records()
		for i, r := range recs {
			// A record is not changed in place (a session's state before
			// shares it, see Record): a pruned one replaces it.
			pruned, copied := r, false
			for _, fd := range conditional {
				if _, ok := pruned[fd.ID]; ok && !FieldVisible(fd, pruned) {
					if !copied {
						pruned, copied = r.Clone(), true
					}
					delete(pruned, fd.ID)
					removed = append(removed, id+"/"+r.ID()+"/"+fd.ID)
				}
			}
			if copied {
				recs[i] = pruned
			}
		}
	}
	slices.Sort(removed)
	return removed
}

// SectionState says how far a section is answered.
type SectionState int

// Section states.
const (
	StateOpen SectionState = iota
	StatePartial
	StateDone
)

// Completeness counts a section's answers.
type Completeness struct {
	Section  *Section
	Answered int // questions answered and measures with a status
	Total    int // questions shown and measures applying
	Skipped  bool
	State    SectionState
}

// Percent returns Answered/Total as a whole percentage. A section with
// nothing to answer counts as 100 once the user went through it, else 0.
func (c Completeness) Percent() int {
	if c.Total == 0 {
		if c.State == StateDone {
			return 100
		}
		return 0
	}
	return c.Answered * 100 / c.Total
}

// Completeness reports how far section s is answered. Optional questions
// count once the user has finished the section (progress.done).
func (v View) Completeness(s *Section) Completeness {
	out := Completeness{Section: s, Skipped: contains(v.F.Progress.Skipped, s.ID)}
	done := contains(v.F.Progress.Done, s.ID)
	for _, q := range v.Questions(s) {
		out.Total++
		if v.Answered(q) || (done && !q.Required) {
			out.Answered++
		}
	}
	for _, m := range v.Measures(s) {
		out.Total++
		if a, ok := v.F.Measures[m.ID]; ok && a.Status != "" {
			out.Answered++
		}
	}
	switch {
	case out.Answered == out.Total && done && !out.Skipped:
		out.State = StateDone
	case out.Answered == 0 && !done:
		out.State = StateOpen
	default:
		out.State = StatePartial
	}
	return out
}

// Answered reports whether question q has an answer. A list of records
// without entries answers "none" — except where the list is required.
func (v View) Answered(q *Question) bool {
	a := v.F.Answers[q.ID]
	if q.Kind == KindRecords {
		return a.IsSet() && (len(a.Records()) > 0 || !q.Required)
	}
	return !a.Empty()
}

// AllDone reports whether every shown section is done.
func (v View) AllDone() bool {
	for _, s := range v.Sections() {
		if v.Completeness(s).State != StateDone {
			return false
		}
	}
	return true
}

// Complete reports whether the interview is complete: every shown section
// is done and the completion is recorded (the file has a Stand, which a
// Session's Commit gives it). This is the one meaning of "complete": the
// interview's exit code and closing line, tom status and the document's
// Stand all ask it.
func (v View) Complete() bool {
	return v.F.Stand() != "" && v.AllDone()
}

// Open-item kinds.
const (
	OpenPlanned     = "planned"      // a measure planned for a date
	OpenUnclear     = "unclear"      // a measure to be clarified
	OpenSkipped     = "skipped"      // a section put off
	OpenUnanswered  = "unanswered"   // a required question or a measure without status
	OpenContradicts = "contradicted" // a scan contradicts the stated answer
	// OpenDeclined: a measure deliberately not taken whose reason or whose
	// risk acceptance (by whom) is missing.
	OpenDeclined = "declined"
	// OpenParams: an implemented measure whose parameters (OpenItem.Params)
	// have no value. A test never done is a due item instead (DueTest).
	OpenParams = "params"
)

// OpenItem is one thing still to do, for the document's annex.
type OpenItem struct {
	Kind    string
	Section *Section
	ID      string   // question, measure or own-measure ID ("" for a skipped section)
	Label   Text     // the question or measure text
	Due     string   // planned: target date
	Note    string   // own text, reason or evidence
	Params  []*Param // OpenParams: the parameters without a value
}

// OpenItems lists everything planned, unclear, skipped, unanswered or
// contradicted, in catalogue order.
func (v View) OpenItems() []OpenItem {
	var out []OpenItem
	for _, s := range v.Sections() {
		if contains(v.F.Progress.Skipped, s.ID) {
			out = append(out, OpenItem{Kind: OpenSkipped, Section: s, Label: s.Title})
		}
		for _, q := range v.Questions(s) {
			if q.Required && !v.Answered(q) {
				out = append(out, OpenItem{Kind: OpenUnanswered, Section: s, ID: q.ID, Label: q.Title})
			}
			if d, ok := v.F.Detected[q.ID]; ok && d.Result == "contradicts" {
				out = append(out, OpenItem{Kind: OpenContradicts, Section: s, ID: q.ID, Label: q.Title, Note: d.Evidence})
			}
		}
		for _, m := range v.Measures(s) {
			a, ok := v.F.Measures[m.ID]
			switch {
			case !ok || a.Status == "":
				if contains(v.F.Progress.Done, s.ID) {
					out = append(out, OpenItem{Kind: OpenUnanswered, Section: s, ID: m.ID, Label: m.Label})
				}
			case a.Status == StatusPlanned:
				out = append(out, OpenItem{Kind: OpenPlanned, Section: s, ID: m.ID, Label: m.Label, Due: a.Due, Note: a.Note})
			case a.Status == StatusUnclear:
				out = append(out, OpenItem{Kind: OpenUnclear, Section: s, ID: m.ID, Label: m.Label, Note: a.Note})
			case a.Status == StatusDeclined && !a.DeclineComplete():
				out = append(out, OpenItem{Kind: OpenDeclined, Section: s, ID: m.ID, Label: m.Label, Note: a.Reason})
			}
			if miss := MissingParams(m, a); len(miss) > 0 {
				if td := m.ParamByRole(RoleTestDate); td == nil || strings.TrimSpace(a.Params[td.ID]) != "" {
					out = append(out, OpenItem{Kind: OpenParams, Section: s, ID: m.ID, Label: m.Label, Params: miss})
				}
			}
			if d, ok := v.F.Detected[m.ID]; ok && d.Result == "contradicts" {
				out = append(out, OpenItem{Kind: OpenContradicts, Section: s, ID: m.ID, Label: m.Label, Note: d.Evidence})
			}
		}
		for _, o := range v.F.OwnMeasures {
			if o.Section != s.ID {
				continue
			}
			t := Text{De: o.Text, En: o.Text}
			switch o.Status {
			case StatusPlanned:
				out = append(out, OpenItem{Kind: OpenPlanned, Section: s, ID: o.ID, Label: t, Due: o.Due, Note: o.Note})
			case StatusUnclear:
				out = append(out, OpenItem{Kind: OpenUnclear, Section: s, ID: o.ID, Label: t, Note: o.Note})
			case StatusDeclined:
				if !o.DeclineComplete() {
					out = append(out, OpenItem{Kind: OpenDeclined, Section: s, ID: o.ID, Label: t, Note: o.Reason})
				}
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
