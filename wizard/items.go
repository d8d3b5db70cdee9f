package wizard

import (
	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// item is one screen of a section: a question, the table of measures, the
// part asked after a measure's status (its date, reason, …), a measure's
// note, or a list of records.
// Whether it is shown is decided live from the answers file, so a question
// appears or disappears as soon as the answer it depends on changes.
type item struct {
	id      string
	visible func() bool
	make    func() fieldMaker // field items
	table   bool              // the section's measures table
	measure string            // a measure's follow-up: the measure's ID
	records *recordsSpec      // list items (records, own measures)
	help    func(hover string) (title, body string)
}

// sectionItems lists the screens of section s in order.
func (m *Model) sectionItems(s *model.Section) []*item {
	var out []*item
	v := m.view
	l := m.lang
	secHelp := func(title, body string) func(string) (string, string) {
		return func(string) (string, string) { return title, joinHelp(body, s, l) }
	}
	for _, q := range s.Questions {
		q := q
		it := &item{
			id:      q.ID,
			visible: func() bool { return v.QuestionVisible(q.ID) && !(m.hideLists && q.Kind == model.KindRecords) },
			help:    secHelp(q.Title.In(l), q.Help.In(l)),
		}
		if q.Kind == model.KindRecords {
			it.records = &recordsSpec{q: q, store: questionStore(m.s, q.ID), newID: m.s.IDs().Record,
				done: func() { m.s.ConfirmList(q.ID) }}
			if scanning.TakesAccounts(q) {
				it.records.accounts = m.o.Accounts
			}
			if q.Role == model.RoleProviderRegister {
				it.records.directory = m.dirSearch
			}
		} else {
			it.make = func() fieldMaker {
				sp := spec{kind: q.Kind, title: q.Title.In(l), options: q.Options,
					required: q.Required, emptyKey: "required", slot: answerSlot(m.f, q.ID),
					suggest: v.SuggestedAnswer(q)}
				if n, ok := v.NeedFor(q); ok {
					// A protection need: the proposal and why under the
					// title, and selected until the user chooses.
					sp.title += "\n" + n.Explain(l)
					sp.def = n.Proposed
				}
				return m.makeField(sp)
			}
		}
		out = append(out, it)
	}
	if s.Kind != model.SectionControl {
		return out
	}
	out = append(out, &item{
		id:      model.TickItem(s),
		visible: func() bool { return len(v.Measures(s)) > 0 },
		table:   true,
		help: func(hover string) (string, string) {
			if mm := m.c.Measure(hover); mm != nil {
				return mm.Label.In(l), joinHelp(mm.Help.In(l)+scanning.Help(m.f, mm.ID, l), s, l)
			}
			return s.Title.In(l), joinHelp(s.Goal.In(l), s, l)
		},
	})
	// What each status needs, right after the table: model.AskFollowUps
	// decides, per measure and part, live from the file.
	for _, mm := range s.Measures {
		mm := mm
		help := secHelp(mm.Label.In(l), mm.Help.In(l)+scanning.Help(m.f, mm.ID, l))
		label := mm.Label.In(l)
		for _, fu := range model.FollowUpParts(mm) {
			fu := fu
			out = append(out, &item{
				id:      mm.ID + "#" + fu.Part,
				measure: mm.ID,
				visible: func() bool {
					if !v.MeasureVisible(mm) {
						return false
					}
					// Once shown in this pass it stays (typing the missing
					// reason must not hide its own question).
					_, asked := m.askFollowUp(mm, fu.Part)
					return asked || m.followUpShown[mm.ID+"#"+fu.Part]
				},
				help: help,
				make: func() fieldMaker {
					m.followUpShown[mm.ID+"#"+fu.Part] = true
					ask, asked := m.askFollowUp(mm, fu.Part)
					required := m.touched[mm.ID] // answered meanwhile: as for a changed row
					if asked {
						required = ask.Required
					}
					title, empty := m.followUpTitle(fu, m.f.Measures[mm.ID].Status, label)
					a := m.f.Measures[mm.ID]
					sp := spec{kind: fu.Kind, title: title, required: required, emptyKey: empty,
						slot:    m.remembering(measureSlot(m.f, mm.ID, fu.Part), mm.ID, fu.Part),
						suggest: m.suggest.For(fu.Part, a.Status, a.Part(fu.Part))}
					if fu.Param != nil {
						// A parameter may stay empty (an open item).
						sp.param, sp.options = fu.Param, fu.Param.Options
					}
					return m.makeField(sp)
				},
			})
		}
	}
	// A note on any measure: Ctrl+N on the table asks for one after the
	// statuses; a measure with a note keeps its note screen.
	for _, mm := range s.Measures {
		mm := mm
		label := mm.Label.In(l)
		out = append(out, &item{
			id: mm.ID + "#note",
			visible: func() bool {
				return v.MeasureVisible(mm) && (m.noteWanted[mm.ID] || m.f.Measures[mm.ID].Note != "")
			},
			help: secHelp(label, mm.Help.In(l)),
			make: func() fieldMaker {
				a := m.f.Measures[mm.ID]
				return m.makeField(spec{kind: model.KindText, title: Msg.Get(l, "note_title", label),
					slot:    m.remembering(measureSlot(m.f, mm.ID, model.PartNote), mm.ID, model.PartNote),
					suggest: m.suggest.For(model.PartNote, a.Status, a.Note)})
			},
		})
	}
	own := ownQuestion()
	out = append(out, &item{
		id:      s.ID + "#own",
		visible: func() bool { return true },
		records: &recordsSpec{q: own, store: ownStore(m.f, s.ID), newID: m.s.IDs().Own},
		help:    secHelp(Msg.Get(l, "own_title"), Msg.Get(l, "own_help")),
	})
	return out
}

// joinHelp puts a question's help above the section's.
func joinHelp(body string, s *model.Section, l model.Lang) string {
	sec := s.Help.In(l)
	switch {
	case body == "":
		return sec
	case sec == "" || sec == body:
		return body
	}
	return body + "\n\n" + Msg.Get(l, "help_section", s.Title.In(l)) + ":\n" + sec
}

// askFollowUp returns part of measure mm when it is to be asked now
// (model.AskFollowUps).
func (m *Model) askFollowUp(mm *model.Measure, part string) (model.FollowUp, bool) {
	for _, ask := range model.AskFollowUps(mm, m.f.Measures[mm.ID], m.touched[mm.ID]) {
		if ask.Part == part {
			return ask, true
		}
	}
	return model.FollowUp{}, false
}

// followUpTitle words the question for part fu of a measure with status
// st and label, and the message for leaving it empty.
func (m *Model) followUpTitle(fu model.FollowUp, st, label string) (title, emptyKey string) {
	l := m.lang
	switch fu.Part {
	case model.PartDue:
		return Msg.Get(l, "due_title", label), "due_required"
	case model.PartReason:
		if st == model.StatusDeclined {
			return Msg.Get(l, "declined_title", label), "reason_required"
		}
		return Msg.Get(l, "reason_title", label), "reason_required"
	case model.PartAcceptedBy:
		return Msg.Get(l, "accepted_title", label), "accepted_required"
	}
	if fu.Param != nil {
		return Msg.Get(l, "param_title", fu.Label.In(l), label), "required"
	}
	what := fu.Part
	if !fu.Label.IsZero() {
		what = fu.Label.In(l)
	}
	return Msg.Get(l, "part_title", what, label), "required"
}

// remembering makes sl remember what is stored in part of measure id as
// the text to offer for the next part of its kind (model.Suggestions).
func (m *Model) remembering(sl slot, id, part string) slot {
	set := sl.set
	sl.set = func(v model.Value) {
		set(v)
		m.suggest.Remember(part, m.f.Measures[id].Status, v.Str())
	}
	return sl
}

// measureSlot addresses one part of a measure answer: its note, or a part
// asked after the status (model.FollowUp).
func measureSlot(f *model.File, id, part string) slot {
	return slot{
		get: func() model.Value {
			a := f.Measures[id]
			var s string
			switch part {
			case model.PartNote:
				s = a.Note
			default:
				s = a.Part(part)
			}
			if s == "" {
				return model.Value{}
			}
			return model.String(s)
		},
		set: func(v model.Value) {
			a := f.Measures[id]
			switch part {
			case model.PartNote:
				a.Note = v.Str()
			default:
				a.SetPart(part, v.Str())
			}
			if a.Status == "" {
				// A date or reason typed before a status exists waits for it.
				if a.Due == "" && a.Reason == "" && a.AcceptedBy == "" && a.Note == "" {
					delete(f.Measures, id)
					return
				}
				a.Status = model.StatusUnclear
			}
			f.Measures[id] = a
		},
	}
}
