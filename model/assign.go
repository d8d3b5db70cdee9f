package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// assignMsg holds the reasons an assignment of tom set is refused.
var assignMsg = Messages{
	"as_syntax":       {De: "erwartet ID=WERT", En: "expected ID=VALUE"},
	"as_unknown":      {De: "unbekannte Frage oder Maßnahme %q", En: "unknown question or measure %q"},
	"as_unknown_rec":  {De: "%s hat keinen Eintrag %q", En: "%s has no entry %q"},
	"as_unknown_fld":  {De: "%s hat kein Feld %q", En: "%s has no field %q"},
	"as_not_records":  {De: "%s ist keine Liste von Einträgen", En: "%s is not a list of entries"},
	"as_records":      {De: "%s ist eine Liste: Felder mit %s/EINTRAG.FELD=WERT setzen, - für keine Einträge", En: "%s is a list: set fields with %s/ENTRY.FIELD=VALUE, - for no entries"},
	"as_not_empty":    {De: "%s hat Einträge; - (keine) geht nur bei leerer Liste", En: "%s has entries; - (none) only for an empty list"},
	"as_yesno":        {De: "ja oder nein erwartet", En: "expected yes or no"},
	"as_option":       {De: "unbekannte Option %q (möglich: %s)", En: "unknown option %q (possible: %s)"},
	"as_status":       {De: "unbekannter Status %q (möglich: %s)", En: "unknown status %q (possible: %s)"},
	"as_mfield":       {De: "unbekannte Angabe %q zu einer Maßnahme (möglich: status, due, reason, accepted_by, note%s)", En: "unknown measure attribute %q (possible: status, due, reason, accepted_by, note%s)"},
	"as_param_status": {De: "Maßnahme %s ist nicht umgesetzt; Parameter wie %s gibt es nur bei umgesetzten Maßnahmen", En: "measure %s is not implemented; parameters such as %s belong to implemented measures only"},
	"as_no_status":    {De: "Maßnahme %s hat keinen Status", En: "measure %s has no status"},
	"as_need_due":     {De: "Maßnahme %s ist geplant und braucht ein Datum (…=planned@JJJJ-MM-TT)", En: "measure %s is planned and needs a date (…=planned@YYYY-MM-DD)"},
	"as_need_reason":  {De: "Maßnahme %s braucht eine Begründung (measure.%s.reason=…)", En: "measure %s needs a reason (measure.%s.reason=…)"},
	"as_need_by":      {De: "Maßnahme %s braucht, wer das Risiko übernimmt (measure.%s.accepted_by=…)", En: "measure %s needs who accepted the risk (measure.%s.accepted_by=…)"},
	"as_need_part":    {De: "Maßnahme %s braucht noch „%s“ (measure.%s.%s=…)", En: "measure %s still needs “%s” (measure.%s.%s=…)"},
	"as_not_asked":    {De: "%s wird nach den übrigen Antworten nicht gefragt", En: "%s is not asked given the other answers"},
	"as_new_name":     {De: "neuer Eintrag %q: nach + nur Buchstaben und Ziffern", En: "new entry %q: only letters and digits after +"},
	"as_field_hidden": {De: "Feld %s wird bei diesem Eintrag nicht gefragt", En: "field %s is not asked for this entry"},
}

// MeasurePrefix starts the ID of a measure in an assignment
// ("measure.ID=STATUS[@DATE]", "measure.ID.ATTRIBUTE=VALUE").
const MeasurePrefix = "measure."

// AssignError is a refused assignment: which argument (1-based), its text,
// and the reason.
type AssignError struct {
	Pos  int
	Arg  string
	Key  string
	Args []any
}

// Text words the error in language l: position, argument, reason.
func (e *AssignError) Text(l Lang) string {
	return fmt.Sprintf("%d: %s: %s", e.Pos, e.Arg, e.Reason(l))
}

// Reason words why the assignment was refused, in language l.
func (e *AssignError) Reason(l Lang) string {
	if _, ok := assignMsg[e.Key]; ok {
		return assignMsg.Get(l, e.Key, e.Args...)
	}
	return Msg.Get(l, e.Key, e.Args...)
}

func (e *AssignError) Error() string { return e.Text(En) }

// ParseYesNo reads j/ja/y/yes/true and n/nein/no/false in either language.
func ParseYesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "j", "ja", "y", "yes", "true":
		return true, true
	case "n", "nein", "no", "false":
		return false, true
	}
	return false, false
}

// statusWords maps the words a status may be given in to the status.
var statusWords = map[string]string{
	StatusImplemented: StatusImplemented, "umgesetzt": StatusImplemented,
	StatusPlanned: StatusPlanned, "geplant": StatusPlanned,
	StatusNotApplicable: StatusNotApplicable, "nicht_anwendbar": StatusNotApplicable,
	StatusUnclear: StatusUnclear, "zu_klären": StatusUnclear, "zu_klaeren": StatusUnclear,
	StatusDeclined: StatusDeclined, "bewusst_nicht_umgesetzt": StatusDeclined,
}

// Created is a record an assignment added: the name it was given in the
// call ("providers/+a") and the ID it got ("providers/r7").
type Created struct{ Name, ID string }

// Assign applies assignments "ID=VALUE" (the syntax of tom set; see the
// README) to the session's file, each value checked as the interview checks
// it. Questions: QID=VALUE (yes/no as ja/nein, a choice by option ID,
// several options by comma, "-" for none, dates as TT.MM.JJJJ or
// YYYY-MM-DD); record fields: QID/RID.FIELD=VALUE, a new record as
// QID/+NAME.FIELD (one record per NAME in the call, its ID from the
// session's allocator); measures: measure.MID=STATUS[@DATE] and
// measure.MID.ATTR=VALUE (status, due, reason, accepted_by, note, or a
// parameter of the measure: measure.MID.PARAM=VALUE). An empty
// VALUE removes the answer. On the first error the file may be partly
// changed: the caller must not save it.
func (s *Session) Assign(args []string) ([]Created, error) {
	newRecs := map[string]string{} // "QID/+NAME" → record ID
	var created []Created
	touchedQ := map[string]int{} // question ID → position
	touchedM := map[string]int{} // measure ID → position
	type fieldRef struct {
		q, rid, fld string
		pos         int
		arg         string
	}
	var touchedF []fieldRef
	for i, arg := range args {
		pos := i + 1
		fail := func(key string, a ...any) error { return &AssignError{Pos: pos, Arg: arg, Key: key, Args: a} }
		id, val, ok := strings.Cut(arg, "=")
		id = strings.TrimSpace(id)
		if !ok || id == "" {
			return nil, fail("as_syntax")
		}
		switch {
		case strings.HasPrefix(id, MeasurePrefix):
			mid, err := s.assignMeasure(strings.TrimPrefix(id, MeasurePrefix), val, fail)
			if err != nil {
				return nil, err
			}
			touchedM[mid] = pos
		case strings.Contains(id, "/"):
			qid, rest, _ := strings.Cut(id, "/")
			q := s.C.Question(qid)
			if q == nil {
				return nil, fail("as_unknown", qid)
			}
			if q.Kind != KindRecords {
				return nil, fail("as_not_records", qid)
			}
			rid, fid, ok := strings.Cut(rest, ".")
			if !ok {
				return nil, fail("as_syntax")
			}
			fd := q.Field(fid)
			if fd == nil {
				return nil, fail("as_unknown_fld", qid, fid)
			}
			v, err := checkAssignValue(fd.Kind, fd.Options, val, fail)
			if err != nil {
				return nil, err
			}
			recs := s.F.Get(qid).Records()
			idx := -1
			if name, isNew := strings.CutPrefix(rid, "+"); isNew {
				if !assignName(name) {
					return nil, fail("as_new_name", rid)
				}
				key := qid + "/" + rid
				if _, seen := newRecs[key]; !seen {
					newRecs[key] = s.ids.Record()
					recs = append(recs, Record{"id": String(newRecs[key])})
					created = append(created, Created{Name: key, ID: qid + "/" + newRecs[key]})
				}
				rid = newRecs[key]
			}
			for j, r := range recs {
				if r.ID() == rid {
					idx = j
				}
			}
			if idx < 0 {
				return nil, fail("as_unknown_rec", qid, rid)
			}
			out := make([]Record, len(recs))
			for j, r := range recs {
				out[j] = r.Clone()
			}
			if v.IsSet() {
				out[idx][fid] = v
			} else {
				delete(out[idx], fid)
			}
			s.F.Set(qid, Records(out...))
			touchedQ[qid] = pos
			touchedF = append(touchedF, fieldRef{qid, rid, fid, pos, arg})
		default:
			q := s.C.Question(id)
			if q == nil {
				return nil, fail("as_unknown", id)
			}
			if q.Kind == KindRecords {
				if strings.TrimSpace(val) != "-" {
					return nil, fail("as_records", id, id)
				}
				if len(s.F.Get(id).Records()) > 0 {
					return nil, fail("as_not_empty", id)
				}
				s.F.Set(id, Records())
				touchedQ[id] = pos
				continue
			}
			v, err := checkAssignValue(q.Kind, q.Options, val, fail)
			if err != nil {
				return nil, err
			}
			if v.IsSet() {
				s.F.Set(id, v)
				touchedQ[id] = pos
			} else {
				delete(s.F.Answers, id)
			}
		}
	}
	// What the interview would not ask is refused, not silently dropped.
	for _, id := range sortedIDs(touchedQ) {
		if !s.V.QuestionVisible(id) {
			return nil, &AssignError{Pos: touchedQ[id], Arg: args[touchedQ[id]-1], Key: "as_not_asked", Args: []any{id}}
		}
	}
	for _, fr := range touchedF {
		q := s.C.Question(fr.q)
		for _, r := range s.F.Get(fr.q).Records() {
			if r.ID() == fr.rid && r[fr.fld].IsSet() && !FieldVisible(q.Field(fr.fld), r) {
				return nil, &AssignError{Pos: fr.pos, Arg: fr.arg, Key: "as_field_hidden", Args: []any{fr.fld}}
			}
		}
	}
	for _, id := range sortedIDs(touchedM) {
		pos := touchedM[id]
		fail := func(key string, a ...any) error { return &AssignError{Pos: pos, Arg: args[pos-1], Key: key, Args: a} }
		a, ok := s.measure(id)
		if !ok {
			continue // removed
		}
		if m := s.C.Measure(id); m != nil && !s.V.MeasureVisible(m) {
			return nil, fail("as_not_asked", id)
		}
		if m := s.C.Measure(id); m != nil && a.Status != StatusImplemented && len(a.Params) > 0 {
			return nil, fail("as_param_status", id, sortedStrKeys(a.Params)[0])
		}
		if a.Status == "" {
			return nil, fail("as_no_status", id)
		}
		// What the status needs is the interview's rule (FollowUps).
		for _, fu := range FollowUps(s.C.Measure(id), a) {
			if !fu.Required || strings.TrimSpace(a.Part(fu.Part)) != "" {
				continue
			}
			switch fu.Part {
			case PartDue:
				return nil, fail("as_need_due", id)
			case PartReason:
				return nil, fail("as_need_reason", id, id)
			case PartAcceptedBy:
				return nil, fail("as_need_by", id, id)
			default:
				return nil, fail("as_need_part", id, fu.Part, id, fu.Part)
			}
		}
	}
	return created, nil
}

// measure returns the answer of catalogue or own measure id.
func (s *Session) measure(id string) (MeasureAnswer, bool) {
	if s.C.Measure(id) != nil {
		a, ok := s.F.Measures[id]
		return a, ok
	}
	for _, o := range s.F.OwnMeasures {
		if o.ID == id {
			return o.MeasureAnswer, true
		}
	}
	return MeasureAnswer{}, false
}

// assignMeasure applies measure.ID=STATUS[@DATE] or measure.ID.ATTR=VALUE
// (rest is what follows "measure.") and returns the measure's ID.
func (s *Session) assignMeasure(rest, val string, fail func(string, ...any) error) (string, error) {
	own := func(id string) int {
		for i, o := range s.F.OwnMeasures {
			if o.ID == id {
				return i
			}
		}
		return -1
	}
	known := func(id string) bool { return s.C.Measure(id) != nil || own(id) >= 0 }
	id, attr := rest, ""
	if !known(id) {
		if i := strings.LastIndexByte(rest, '.'); i > 0 && known(rest[:i]) {
			id, attr = rest[:i], rest[i+1:]
		} else {
			return "", fail("as_unknown", MeasurePrefix+rest)
		}
	}
	a, _ := s.measure(id)
	val = strings.TrimSpace(val)
	word := func(w string) (string, error) {
		st, ok := statusWords[strings.ToLower(w)]
		if !ok {
			return "", fail("as_status", w, "implemented, planned, not_applicable, unclear, declined")
		}
		return st, nil
	}
	date := func(d string) (string, error) {
		out, key := CheckInput(KindDate, d)
		if key != "" {
			return "", fail(key)
		}
		return out, nil
	}
	var err error
	switch attr {
	case "":
		if val == "" {
			s.setMeasure(id, nil, own(id))
			return id, nil
		}
		w, d, hasDate := strings.Cut(val, "@")
		st, err := word(strings.TrimSpace(w))
		if err != nil {
			return "", err
		}
		if st != a.Status {
			a = MeasureAnswer{Status: st, Note: a.Note}
		}
		if hasDate {
			if a.Due, err = date(d); err != nil {
				return "", err
			}
		}
	case "status":
		if a.Status, err = word(val); err != nil {
			return "", err
		}
		if a.Status != StatusImplemented {
			a.Params = nil // parameters belong to an implemented measure
		}
	case "due":
		if a.Due, err = date(val); err != nil {
			return "", err
		}
	case "reason", "accepted_by", "note":
		kind := KindText
		if attr == "note" {
			kind = KindTextarea
		}
		out, key := CheckInput(kind, val)
		if key != "" {
			return "", fail(key)
		}
		switch attr {
		case "reason":
			a.Reason = out
		case "accepted_by":
			a.AcceptedBy = out
		default:
			a.Note = out
		}
	default:
		m := s.C.Measure(id)
		var p *Param
		if m != nil {
			p = m.Param(attr)
		}
		if p == nil {
			list := ""
			if m != nil {
				for _, p := range m.Params {
					list += ", " + p.ID
				}
			}
			return "", fail("as_mfield", attr, list)
		}
		out, key, args := CheckParam(p, val)
		if key != "" {
			return "", fail(key, args...)
		}
		a = a.Clone()
		a.SetParam(p.ID, out)
	}
	s.setMeasure(id, &a, own(id))
	return id, nil
}

// setMeasure stores (nil: removes) the answer of measure id; i is its index
// among the own measures (-1: a catalogue measure). An own measure's answer
// is cleared, the measure itself stays.
func (s *Session) setMeasure(id string, a *MeasureAnswer, i int) {
	switch {
	case i >= 0 && a != nil:
		s.F.OwnMeasures[i].MeasureAnswer = *a
	case i >= 0:
		s.F.OwnMeasures[i].MeasureAnswer = MeasureAnswer{}
	case a != nil:
		s.F.Measures[id] = *a
	default:
		delete(s.F.Measures, id)
	}
}

// checkAssignValue checks VALUE for a question or field of kind with
// options opts; an empty VALUE gives an unset Value (remove the answer).
func checkAssignValue(kind string, opts []*Option, val string, fail func(string, ...any) error) (Value, error) {
	if strings.TrimSpace(val) == "" {
		return Value{}, nil
	}
	optIDs := func() string {
		ids := make([]string, len(opts))
		for i, o := range opts {
			ids[i] = o.ID
		}
		return strings.Join(ids, ", ")
	}
	switch kind {
	case KindYesNo:
		b, ok := ParseYesNo(val)
		if !ok {
			return Value{}, fail("as_yesno")
		}
		return Bool(b), nil
	case KindChoice:
		t := strings.TrimSpace(val)
		if findOption(opts, t) == nil {
			return Value{}, fail("as_option", t, optIDs())
		}
		return String(t), nil
	case KindMultiChoice:
		if strings.TrimSpace(val) == "-" {
			return List(), nil
		}
		var ids []string
		for _, p := range strings.Split(val, ",") {
			t := strings.TrimSpace(p)
			if findOption(opts, t) == nil {
				return Value{}, fail("as_option", t, optIDs())
			}
			if !strings.Contains(","+strings.Join(ids, ",")+",", ","+t+",") {
				ids = append(ids, t)
			}
		}
		return List(ids...), nil
	}
	out, key := CheckInput(kind, val)
	if key != "" {
		return Value{}, fail(key)
	}
	return String(out), nil
}

// assignName reports whether name (after "+") is letters and digits only.
func assignName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func sortedIDs(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the answer ID names (in the syntax of Assign) as stored
// ("true"/"false", option IDs joined by ",", "-" for none, a record list
// as JSON, a measure as STATUS[@DATE]) and in words (AnswerText,
// StatusText) in language l. known is false for an ID the catalogue and
// file do not have; an unanswered ID gives "".
func Lookup(c *Catalog, f *File, id string, l Lang) (raw, words string, known bool) {
	if rest, ok := strings.CutPrefix(id, MeasurePrefix); ok {
		s := &Session{C: c, F: f}
		known := func(mid string) bool {
			return c.Measure(mid) != nil || slices.ContainsFunc(f.OwnMeasures, func(o OwnMeasure) bool { return o.ID == mid })
		}
		mid, attr := rest, ""
		if !known(mid) {
			i := strings.LastIndexByte(rest, '.')
			if i <= 0 || !known(rest[:i]) {
				return "", "", false
			}
			mid, attr = rest[:i], rest[i+1:]
		}
		a, _ := s.measure(mid)
		switch attr {
		case "":
			if a.Status == "" {
				return "", "", true
			}
			raw = a.Status
			if a.Due != "" {
				raw += "@" + a.Due
			}
			return raw, StatusText(a, l, nil), true
		case "status":
			return a.Status, StatusText(MeasureAnswer{Status: a.Status}, l, nil), true
		case "due":
			return a.Due, FormatDate(a.Due, l), true
		case "reason":
			return a.Reason, a.Reason, true
		case "accepted_by":
			return a.AcceptedBy, a.AcceptedBy, true
		case "note":
			return a.Note, a.Note, true
		}
		if m := c.Measure(mid); m != nil {
			if p := m.Param(attr); p != nil {
				return a.Params[p.ID], ParamText(p, a.Params[p.ID], l), true
			}
		}
		return "", "", false
	}
	show := func(kind string, opts []*Option, v Value) (string, string) {
		switch {
		case !v.IsSet():
			return "", ""
		case v.IsBool():
			b, _ := v.Bool()
			return fmt.Sprint(b), AnswerText(kind, opts, v, l)
		case v.IsList():
			if len(v.List()) == 0 {
				return "-", AnswerText(kind, opts, v, l)
			}
			return strings.Join(v.List(), ","), AnswerText(kind, opts, v, l)
		case v.IsRecords():
			data, _ := v.MarshalJSON()
			return string(data), AnswerText(kind, opts, v, l)
		}
		return v.Str(), AnswerText(kind, opts, v, l)
	}
	if qid, rest, ok := strings.Cut(id, "/"); ok {
		q := c.Question(qid)
		rid, fid, ok := strings.Cut(rest, ".")
		if q == nil || !ok || q.Field(fid) == nil {
			return "", "", false
		}
		for _, r := range f.Get(qid).Records() {
			if r.ID() == rid {
				fd := q.Field(fid)
				raw, words = show(fd.Kind, fd.Options, r[fid])
				return raw, words, true
			}
		}
		return "", "", false
	}
	q := c.Question(id)
	if q == nil {
		return "", "", false
	}
	raw, words = show(q.Kind, q.Options, f.Get(id))
	return raw, words, true
}
