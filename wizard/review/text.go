package review

import (
	"slices"
	"strings"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
)

// Text builds the plain-text lines both review modes show: the start
// screen, the summary of a step, one record, and the closing report. Lines
// carry no styling and no line breaks; the caller wraps them.
type Text struct {
	s     *model.ReviewSession
	l     model.Lang
	today string
	due   map[string]model.DueItem // measure ID, or "<question>/<record>/<field>"
}

func NewText(s *model.ReviewSession, l model.Lang, today string) *Text {
	t := &Text{s: s, l: l, today: today}
	t.RefreshDue()
	return t
}

// refreshDue recomputes what is due from the answers as they are now.
func (t *Text) RefreshDue() {
	t.due = map[string]model.DueItem{}
	for _, d := range t.s.Due(t.today) {
		key := d.ID
		if d.Kind == model.DueCheck {
			key = d.ID + "/" + d.Record + "/" + d.Field.ID
		}
		t.due[key] = d
	}
}

func (t *Text) Msg(key string, args ...any) string { return Msg.Get(t.l, key, args...) }

// qa is one "question: answer" line; a question that ends in "?" is
// followed by its answer without a colon ("… benannt? Nein").
func (t *Text) qa(label, value string) string {
	if strings.HasSuffix(label, "?") {
		return t.Msg("qa_question", label, value)
	}
	return t.Msg("qa", label, value)
}

// view is the visibility view of the file under review.
func (t *Text) view() model.View { return model.View{C: t.s.C, F: t.s.F} }

// startLines is the start screen: what the file is, what is due, what the
// catalogue added and what it no longer has. A resumed review says at which
// step it goes on (at: the first section not reviewed yet; nil: only the
// name and summary are left).
func (t *Text) StartLines(resumed bool, at *model.Section) []string {
	f := t.s.F
	org := model.OrganisationName(t.s.C, f)
	out := []string{
		t.Msg("start_title", org),
		t.Msg("start_stand", model.FormatDate(t.s.Before.Stand(), t.l), t.s.Before.Version(), model.FormatDate(t.s.Before.NextReview(), t.l)),
		"",
		t.Msg("start_how"),
	}
	if resumed {
		out = append(out, "", t.Msg("start_resumed", len(t.s.Changes())))
		if at != nil {
			order := t.s.Order()
			out = append(out, t.Msg("start_resume_at", slices.Index(order, at)+1, len(order), at.Title.In(t.l)))
		} else {
			out = append(out, t.Msg("start_resume_end"))
		}
	}
	out = append(out, "")
	due := t.s.Due(t.today)
	if len(due) == 0 {
		out = append(out, t.Msg("start_nodue"))
	} else {
		out = append(out, t.Msg("start_due", len(due)))
		for _, d := range due {
			out = append(out, t.Msg("bullet", model.DescribeDue(d, t.l)))
		}
	}
	if shown := t.s.NewShown(); len(shown) > 0 {
		out = append(out, "", t.Msg("start_new", t.s.C.Version))
		for _, id := range shown {
			out = append(out, t.Msg("bullet", t.Msg("start_newline", t.sectionTitle(id), t.label(id))))
		}
	}
	if retired := t.s.RetiredAnswers(); len(retired) > 0 {
		out = append(out, "", t.Msg("start_retired"))
		for _, r := range retired {
			out = append(out, t.Msg("bullet", t.Msg("qa", r.ID, t.plain(r.Value))))
		}
	}
	return out
}

// sectionTitle names the section a question or measure belongs to.
func (t *Text) sectionTitle(id string) string {
	if s := t.s.C.SectionOf(id); s != nil {
		return s.Title.In(t.l)
	}
	return ""
}

// label is a question's title or a measure's label.
func (t *Text) label(id string) string {
	if q := t.s.C.Question(id); q != nil {
		return q.Title.In(t.l)
	}
	if m := t.s.C.Measure(id); m != nil {
		return m.Label.In(t.l)
	}
	return id
}

// hasSummary reports whether a section has anything besides lists of
// records to confirm: questions, measures or (control sections) own measures.
func (t *Text) HasSummary(sec *model.Section) bool {
	if sec.Kind == model.SectionControl {
		return true
	}
	for _, q := range t.view().Questions(sec) {
		if q.Kind != model.KindRecords {
			return true
		}
	}
	return false
}

// recordQuestions returns the visible lists of records of a section.
func (t *Text) RecordQuestions(sec *model.Section) []*model.Question {
	var out []*model.Question
	for _, q := range t.view().Questions(sec) {
		if q.Kind == model.KindRecords {
			out = append(out, q)
		}
	}
	return out
}

// newFirst orders ids so that those new in the catalogue come first.
func newFirst[T any](items []T, id func(T) string, isNew func(string) bool) []T {
	var first, rest []T
	for _, it := range items {
		if isNew(id(it)) {
			first = append(first, it)
		} else {
			rest = append(rest, it)
		}
	}
	return append(first, rest...)
}

// stepLines is the compact summary of a section's stored answers: questions
// (new ones first, marked), the lists of records by size, the measures with
// their status (due ones pointed out) and the own measures.
func (t *Text) StepLines(sec *model.Section) []string {
	v := t.view()
	f := t.s.F
	var out []string
	mark := func(id, line string) string {
		if t.s.IsNew(id) {
			return "[" + t.Msg("new_mark") + "] " + line
		}
		return line
	}
	qs := newFirst(v.Questions(sec), func(q *model.Question) string { return q.ID }, t.s.IsNew)
	for _, q := range qs {
		if q.Kind == model.KindRecords {
			out = append(out, mark(q.ID, Msg.Count(t.l, "records_sum", len(f.Get(q.ID).Records()), q.Title.In(t.l))))
			continue
		}
		out = append(out, mark(q.ID, t.qa(q.Title.In(t.l), t.Value(q.Kind, q.Options, f.Get(q.ID)))))
	}
	ms := newFirst(v.Measures(sec), func(m *model.Measure) string { return m.ID }, t.s.IsNew)
	own := 0
	for _, o := range f.OwnMeasures {
		if o.Section == sec.ID {
			own++
		}
	}
	if len(ms)+own > 0 {
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, t.Msg("measures"))
	}
	for _, m := range ms {
		out = append(out, mark(m.ID, t.measureLine(m.ID, m.Label.In(t.l), f.Measures[m.ID])))
	}
	for _, o := range f.OwnMeasures {
		if o.Section != sec.ID {
			continue
		}
		line := t.Msg("st_own", o.Text, t.statusWord(o.MeasureAnswer))
		out = append(out, line+t.dueNote(o.ID))
	}
	return out
}

// measureLine is one measure with its status, and the due note if any.
func (t *Text) measureLine(id, label string, a model.MeasureAnswer) string {
	var s string
	switch a.Status {
	case model.StatusImplemented:
		s = t.Msg("st_done", label)
	case model.StatusPlanned:
		if a.Due != "" {
			s = t.Msg("st_planned", label, model.FormatDate(a.Due, t.l))
		} else {
			s = t.Msg("st_planned_n", label)
		}
	case model.StatusNotApplicable:
		s = t.Msg("st_na", label, oneLine(a.Reason))
	case model.StatusDeclined:
		s = t.Msg("st_declined", label, oneLine(model.StatusText(a, t.l, nil)))
	case model.StatusUnclear:
		if a.Note != "" {
			s = t.Msg("st_unclear_n", label, oneLine(a.Note))
		} else {
			s = t.Msg("st_unclear", label)
		}
	default:
		s = t.Msg("st_open", label)
	}
	return s + t.dueNote(id)
}

// dueNote marks a measure whose target date has passed or is near.
func (t *Text) dueNote(id string) string {
	d, ok := t.due[id]
	if !ok {
		return ""
	}
	if d.Overdue {
		return t.Msg("st_overdue", model.FormatDate(d.DueOn, t.l))
	}
	return t.Msg("st_soon")
}

// statusWord is a measure status in a word (with its date).
func (t *Text) statusWord(a model.MeasureAnswer) string {
	switch a.Status {
	case model.StatusDeclined:
		return oneLine(model.StatusText(a, t.l, nil))
	case "":
		return t.Msg("no_answer")
	}
	return model.StatusText(model.MeasureAnswer{Status: a.Status, Due: a.Due}, t.l, nil)
}

// recordLines shows every visible field of a record, with a warning on
// check dates that are older than the review interval (or about to be).
func (t *Text) RecordLines(q *model.Question, r model.Record) []string {
	var out []string
	for _, fd := range q.Fields {
		val := r[fd.ID]
		if !val.IsSet() || !model.FieldVisible(fd, r) {
			continue
		}
		line := t.qa(fd.Label.In(t.l), t.Value(fd.Kind, fd.Options, val))
		if d, ok := t.due[q.ID+"/"+r.ID()+"/"+fd.ID]; ok {
			if d.Overdue {
				line += t.Msg("rec_check", d.Months)
			} else {
				line += t.Msg("rec_check_s", model.FormatDate(d.DueOn, t.l), d.Months)
			}
		}
		out = append(out, line)
	}
	return out
}

// recordName is how a record is called in titles.
func (t *Text) RecordName(q *model.Question, r model.Record) string {
	if n := model.RecordName(q, r); n != "" {
		return n
	}
	return Msg.Get(t.l, "unnamed")
}

// Value renders a stored answer in words (model.AnswerText), on one line.
func (t *Text) Value(kind string, opts []*model.Option, v model.Value) string {
	if v.Empty() {
		return t.Msg("no_answer")
	}
	return oneLine(model.AnswerText(kind, opts, v, t.l))
}

// oneLine folds a multi-line text into one line: its lines, each with its
// spaces collapsed, joined by " / ".
func oneLine(s string) string {
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, " / ")
}

// plain renders a retired answer (plain JSON data) on one line.
func (t *Text) plain(x any) string {
	switch v := x.(type) {
	case nil:
		return t.Msg("no_answer")
	case bool:
		return t.Value(model.KindYesNo, nil, model.Bool(v))
	case string:
		return strings.Join(strings.Fields(v), " ")
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			parts = append(parts, t.plain(e))
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		if n, ok := v["name"].(string); ok {
			return n
		}
	}
	data, _ := json.Marshal(x)
	return string(data)
}

// doneLines is the closing report: the entry, the changes in words, the next
// step.
func (t *Text) DoneLines(e model.HistoryEntry, path, next string) []string {
	out := []string{t.Msg("done_title", e.Version, model.FormatDate(e.Date, t.l)), t.Msg("done_saved", path), ""}
	if len(e.Changes) == 0 {
		out = append(out, t.Msg("done_none"))
	} else {
		out = append(out, t.Msg("done_changes", len(e.Changes)))
		names := model.RecordNamesOf(t.s.C, t.s.Before, t.s.F)
		for _, sc := range model.DescribeChangesNamed(t.s.C, e.Changes, t.l, names) {
			out = append(out, sc.Title)
			for _, line := range sc.Lines {
				out = append(out, "  "+t.Msg("bullet", line))
			}
		}
	}
	return append(out, "", t.Msg("done_next", next))
}

// DefaultReviewer is who reviewed last time, else the respondent, else user.
func DefaultReviewer(c *model.Catalog, f *model.File, user string) string {
	if e := f.LastEntry(); e != nil && strings.TrimSpace(e.By) != "" {
		return e.By
	}
	if by := model.HistoryAuthor(c, f); by != "" {
		return by
	}
	return user
}
