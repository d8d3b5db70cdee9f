package model

import (
	"fmt"
	"strings"
)

// DueChoice is what the reviewer decides about a due item.
type DueChoice int

// Choices for a due item in the review.
const (
	DueDoneNow   DueChoice = iota + 1 // done: the measure is in place, the check made today
	DueNewDate                        // a new target date (measures) or the date of the check (checks)
	DueStillOpen                      // still open: stays due and is listed in the history entry
)

// DuePath names a due item by stable IDs, like Change.Path:
// "measures/<id>", "own_measures/<id>" or "answers/<question>/<record>/<field>".
func DuePath(it DueItem) string {
	switch it.Kind {
	case DueMeasure:
		return "measures/" + it.ID
	case DueOwnMeasure:
		return "own_measures/" + it.ID
	case DueTest:
		return "measures/" + it.ID + "/test"
	}
	field := ""
	if it.Field != nil {
		field = it.Field.ID
	}
	return "answers/" + it.ID + "/" + it.Record + "/" + field
}

// SettleDue applies the reviewer's choice for a due item: done now marks a
// planned measure implemented or sets a record's check date to today; a new
// date moves a measure's target date (not before today) or sets the date a
// check was made (not after today); still open leaves it due and lists it in
// the history entry. A non-empty note is kept with a measure.
func (s *ReviewSession) SettleDue(it DueItem, choice DueChoice, date, note, today string) error {
	note = strings.TrimSpace(note)
	if choice == DueNewDate {
		d, err := ParseDate(date)
		if err != nil {
			return fmt.Errorf("review: %s: %w", DuePath(it), err)
		}
		past := it.Kind == DueCheck || it.Kind == DueTest // the date something was done
		if (past && d > today) || (!past && d < today) {
			return fmt.Errorf("review: %s: date %s out of range (today is %s)", DuePath(it), d, today)
		}
		date = d
	}
	delete(s.open, DuePath(it))
	switch it.Kind {
	case DueMeasure, DueOwnMeasure:
		a, set, err := s.measureAnswer(it)
		if err != nil {
			return err
		}
		switch choice {
		case DueDoneNow:
			a.Status, a.Due = StatusImplemented, ""
		case DueNewDate:
			a.Due = date
		case DueStillOpen:
			s.markOpen(it)
		default:
			return fmt.Errorf("review: unknown choice %d", choice)
		}
		if note != "" {
			a.Note = note
		}
		set(a)
	case DueTest:
		m := s.C.Measure(it.ID)
		a, set, err := s.measureAnswer(DueItem{Kind: DueMeasure, ID: it.ID})
		if err != nil || m == nil || m.ParamByRole(RoleTestDate) == nil {
			return fmt.Errorf("review: %s: not a test", DuePath(it))
		}
		switch choice {
		case DueDoneNow:
			date = today
		case DueNewDate:
		case DueStillOpen:
			s.markOpen(it)
			return nil
		default:
			return fmt.Errorf("review: unknown choice %d", choice)
		}
		a = a.Clone()
		a.SetParam(m.ParamByRole(RoleTestDate).ID, date)
		if note != "" {
			a.Note = note
		}
		set(a)
	case DueCheck:
		i, recs, err := s.find(it.ID, it.Record)
		if err != nil {
			return err
		}
		switch choice {
		case DueDoneNow:
			date = today
		case DueNewDate:
		case DueStillOpen:
			s.markOpen(it)
			return nil
		default:
			return fmt.Errorf("review: unknown choice %d", choice)
		}
		r := recs[i].Clone()
		r[it.Field.ID] = String(date)
		return s.Update(it.ID, r)
	default:
		return fmt.Errorf("review: unknown due item kind %q", it.Kind)
	}
	return nil
}

func (s *ReviewSession) markOpen(it DueItem) {
	if s.open == nil {
		s.open = map[string]bool{}
	}
	s.open[DuePath(it)] = true
}

// measureAnswer returns the stored answer of a due measure or own measure
// and a function that stores a changed one.
func (s *ReviewSession) measureAnswer(it DueItem) (MeasureAnswer, func(MeasureAnswer), error) {
	if it.Kind == DueMeasure {
		a, ok := s.F.Measures[it.ID]
		if !ok {
			return a, nil, fmt.Errorf("review: measure %q has no answer", it.ID)
		}
		return a, func(a MeasureAnswer) { s.F.Measures[it.ID] = a }, nil
	}
	for i, o := range s.F.OwnMeasures {
		if o.ID == it.ID {
			return o.MeasureAnswer, func(a MeasureAnswer) { s.F.OwnMeasures[i].MeasureAnswer = a }, nil
		}
	}
	return MeasureAnswer{}, nil, fmt.Errorf("review: no own measure %q", it.ID)
}

// StillDue lists, as DuePath names, the items still due as of today when
// the review finishes: those left open and those never settled.
func (s *ReviewSession) StillDue(today string) []string {
	var out []string
	for _, it := range s.Due(today) {
		out = append(out, DuePath(it))
	}
	return out
}
