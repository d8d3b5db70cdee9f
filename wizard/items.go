package wizard

import (
	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// item is one screen of a section: a question, the tick list of measures, the
// status of one measure (and its date or reason), or a list of records.
// Whether it is shown is decided live from the answers file, so a question
// appears or disappears as soon as the answer it depends on changes.
type item struct {
	id      string
	visible func() bool
	make    func() fieldMaker // field items
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
		} else {
			it.make = func() fieldMaker {
				return m.makeField(spec{kind: q.Kind, title: q.Title.In(l), options: q.Options,
					required: q.Required, emptyKey: "required", slot: answerSlot(m.f, q.ID)})
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
		make:    func() fieldMaker { return m.makeTick(s) },
		help: func(hover string) (string, string) {
			if mm := m.c.Measure(hover); mm != nil {
				return mm.Label.In(l), joinHelp(mm.Help.In(l)+scanning.Help(m.f, mm.ID, l), s, l)
			}
			return s.Title.In(l), joinHelp(s.Goal.In(l), s, l)
		},
	})
	for _, mm := range s.Measures {
		mm := mm
		status := func() string { return m.f.Measures[mm.ID].Status }
		shown := func() bool { return v.MeasureVisible(mm) }
		help := secHelp(mm.Label.In(l), mm.Help.In(l)+scanning.Help(m.f, mm.ID, l))
		label := mm.Label.In(l)
		out = append(out,
			&item{
				id:      mm.ID + "#status",
				visible: func() bool { return shown() && status() != model.StatusImplemented },
				help:    help,
				make: func() fieldMaker {
					return m.makeField(spec{kind: model.KindChoice, title: Msg.Get(l, "status_title", label),
						options: statusOptions(), slot: measureSlot(m.f, mm.ID, "status")})
				},
			},
			&item{
				id:      mm.ID + "#due",
				visible: func() bool { return shown() && status() == model.StatusPlanned },
				help:    help,
				make: func() fieldMaker {
					return m.makeField(spec{kind: model.KindDate, title: Msg.Get(l, "due_title", label),
						required: true, emptyKey: "due_required", slot: measureSlot(m.f, mm.ID, "due")})
				},
			},
			&item{
				id: mm.ID + "#reason",
				visible: func() bool {
					return shown() && (status() == model.StatusNotApplicable || status() == model.StatusDeclined)
				},
				help: help,
				make: func() fieldMaker {
					key := "reason_title"
					if status() == model.StatusDeclined {
						key = "declined_title"
					}
					return m.makeField(spec{kind: model.KindText, title: Msg.Get(l, key, label),
						required: true, emptyKey: "reason_required", slot: measureSlot(m.f, mm.ID, "reason")})
				},
			},
			&item{
				id:      mm.ID + "#accepted_by",
				visible: func() bool { return shown() && status() == model.StatusDeclined },
				help:    help,
				make: func() fieldMaker {
					return m.makeField(spec{kind: model.KindText, title: Msg.Get(l, "accepted_title", label),
						required: true, emptyKey: "accepted_required", slot: measureSlot(m.f, mm.ID, "accepted_by")})
				},
			})
	}
	// A note on any measure: Ctrl+N on the tick list asks for one after the
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
				return m.makeField(spec{kind: model.KindText, title: Msg.Get(l, "note_title", label),
					slot: measureSlot(m.f, mm.ID, "note")})
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

// makeTick builds the quick tick list: every applicable measure of s, the
// implemented ones ticked. Ticking marks a measure implemented; unticking an
// implemented one clears its status, so that it is asked about next.
func (m *Model) makeTick(s *model.Section) fieldMaker {
	l := m.lang
	ms := m.view.Measures(s)
	b := &binding[[]string]{write: func(ids []string) {
		on := map[string]bool{}
		for _, id := range ids {
			on[id] = true
		}
		for _, mm := range ms {
			a, ok := m.f.Measures[mm.ID]
			switch {
			case on[mm.ID] && a.Status != model.StatusImplemented:
				m.f.Measures[mm.ID] = model.MeasureAnswer{Status: model.StatusImplemented, Note: a.Note}
			case !on[mm.ID] && ok && a.Status == model.StatusImplemented:
				delete(m.f.Measures, mm.ID)
			}
		}
	}}
	for _, mm := range ms {
		if m.f.Measures[mm.ID].Status == model.StatusImplemented {
			b.cur = append(b.cur, mm.ID)
		}
	}
	return func(w, h int) *built {
		opts := make([]*model.Option, len(ms))
		for i, mm := range ms {
			opts[i] = &model.Option{ID: mm.ID, Label: m.tickLabel(mm, w-8)}
		}
		sp := spec{kind: model.KindMultiChoice, title: m.tickTitle(Msg.Get(l, "tick_title", len(ms)), ms), options: opts}
		b.armed = false
		mk := m.multiSelect(sp, b, w, h)
		mk.keys = "keys_tick"
		b.armed = true
		return mk
	}
}

// statusOptions are the choices for a measure that is not ticked.
func statusOptions() []*model.Option {
	return []*model.Option{
		{ID: model.StatusPlanned, Label: Msg["status_planned"]},
		{ID: model.StatusNotApplicable, Label: Msg["status_na"]},
		{ID: model.StatusUnclear, Label: Msg["status_unclear"]},
		{ID: model.StatusDeclined, Label: Msg["status_declined"]},
		{ID: model.StatusImplemented, Label: Msg["status_done"]},
	}
}

// measureSlot addresses one part (status, due, reason) of a measure answer.
// Changing the status drops the date or reason that no longer fits it.
func measureSlot(f *model.File, id, part string) slot {
	return slot{
		get: func() model.Value {
			a := f.Measures[id]
			var s string
			switch part {
			case "status":
				s = a.Status
			case "due":
				s = a.Due
			case "reason":
				s = a.Reason
			case "accepted_by":
				s = a.AcceptedBy
			case "note":
				s = a.Note
			}
			if s == "" {
				return model.Value{}
			}
			return model.String(s)
		},
		set: func(v model.Value) {
			a := f.Measures[id]
			switch part {
			case "status":
				a.Status = v.Str()
				if a.Status != model.StatusPlanned {
					a.Due = ""
				}
				if a.Status != model.StatusNotApplicable && a.Status != model.StatusDeclined {
					a.Reason = ""
				}
				if a.Status != model.StatusDeclined {
					a.AcceptedBy = ""
				}
			case "due":
				a.Due = v.Str()
			case "reason":
				a.Reason = v.Str()
			case "accepted_by":
				a.AcceptedBy = v.Str()
			case "note":
				a.Note = v.Str()
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
