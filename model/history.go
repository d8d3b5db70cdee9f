package model

import (
	"slices"
	"sort"
)

// Diff lists the answers that differ between old and new, by stable ID, in a
// fixed order: answers by question ID (records by record ID, then field),
// measures by measure ID, own measures by ID.
func Diff(old, new *File) []Change {
	var out []Change
	add := func(path string, o, n any) { out = append(out, Change{Path: path, Old: o, New: n}) }
	for _, id := range unionKeys(old.Answers, new.Answers) {
		ov, nv := old.Answers[id], new.Answers[id]
		if ov.Equal(nv) {
			continue
		}
		if ov.IsRecords() && nv.IsRecords() || (ov.IsRecords() && !nv.IsSet()) || (!ov.IsSet() && nv.IsRecords()) {
			diffRecords("answers/"+id, ov.Records(), nv.Records(), add)
			continue
		}
		add("answers/"+id, ov.Any(), nv.Any())
	}
	for _, id := range unionKeys(old.Measures, new.Measures) {
		oa, ook := old.Measures[id]
		na, nok := new.Measures[id]
		if ook == nok && oa.Equal(na) {
			continue
		}
		add("measures/"+id, measureAny(oa, ook), measureAny(na, nok))
	}
	oo, no := ownByID(old.OwnMeasures), ownByID(new.OwnMeasures)
	for _, id := range unionKeys(oo, no) {
		a, aok := oo[id]
		b, bok := no[id]
		if aok == bok && a.ID == b.ID && a.Section == b.Section && a.Text == b.Text && a.Type == b.Type && a.MeasureAnswer.Equal(b.MeasureAnswer) {
			continue
		}
		add("own_measures/"+id, ownAny(a, aok), ownAny(b, bok))
	}
	return out
}

func diffRecords(base string, old, new []Record, add func(string, any, any)) {
	om, nm := map[string]Record{}, map[string]Record{}
	var order []string
	for _, r := range old {
		om[r.ID()] = r
		order = append(order, r.ID())
	}
	for _, r := range new {
		if _, ok := om[r.ID()]; !ok {
			order = append(order, r.ID())
		}
		nm[r.ID()] = r
	}
	for _, id := range order {
		o, ook := om[id]
		n, nok := nm[id]
		switch {
		case ook && !nok:
			add(base+"/"+id, Records(o).Any().([]any)[0], nil)
		case !ook && nok:
			add(base+"/"+id, nil, Records(n).Any().([]any)[0])
		case o.Equal(n):
		default:
			for _, k := range unionKeys(o, n) {
				if k == "id" || o[k].Equal(n[k]) {
					continue
				}
				add(base+"/"+id+"/"+k, o[k].Any(), n[k].Any())
			}
		}
	}
}

func measureAny(a MeasureAnswer, ok bool) any {
	if !ok {
		return nil
	}
	m := map[string]any{"status": a.Status}
	if a.Due != "" {
		m["due"] = a.Due
	}
	if a.Reason != "" {
		m["reason"] = a.Reason
	}
	if a.AcceptedBy != "" {
		m["accepted_by"] = a.AcceptedBy
	}
	if a.Note != "" {
		m["note"] = a.Note
	}
	if len(a.Params) > 0 {
		p := make(map[string]any, len(a.Params))
		for k, v := range a.Params {
			p[k] = v
		}
		m["params"] = p
	}
	return m
}

func ownByID(list []OwnMeasure) map[string]OwnMeasure {
	m := make(map[string]OwnMeasure, len(list))
	for _, o := range list {
		m[o.ID] = o
	}
	return m
}

func ownAny(o OwnMeasure, ok bool) any {
	if !ok {
		return nil
	}
	m := measureAny(o.MeasureAnswer, true).(map[string]any)
	m["section"], m["text"], m["type"] = o.Section, o.Text, o.Type
	return m
}

func unionKeys[V any](a, b map[string]V) []string {
	seen := make(map[string]bool, len(a)+len(b))
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		seen[k] = true
		keys = append(keys, k)
	}
	for k := range b {
		if !seen[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// Clone returns a deep copy of the file, for comparing before and after.
func (f *File) Clone() *File {
	g := f.cloneButAnswers()
	g.Answers = make(map[string]Value, len(f.Answers))
	for k, v := range f.Answers {
		g.Answers[k] = v.Clone()
	}
	return g
}

// cloneButAnswers returns a deep copy of the file but for the answers,
// which are f's.
func (f *File) cloneButAnswers() *File {
	g := *f
	g.Measures = make(map[string]MeasureAnswer, len(f.Measures))
	for k, v := range f.Measures {
		g.Measures[k] = v.Clone()
	}
	g.OwnMeasures = append([]OwnMeasure(nil), f.OwnMeasures...)
	if f.Detected != nil {
		g.Detected = make(map[string]Detection, len(f.Detected))
		for k, v := range f.Detected {
			g.Detected[k] = v
		}
	}
	if f.Retired != nil {
		g.Retired = make(map[string]any, len(f.Retired))
		for k, v := range f.Retired {
			g.Retired[k] = v
		}
	}
	g.Progress.Done = append([]string(nil), f.Progress.Done...)
	g.Progress.Skipped = append([]string(nil), f.Progress.Skipped...)
	g.History = append([]HistoryEntry(nil), f.History...)
	return &g
}

// snapshot returns a copy of f as it stands, for a session's history diff:
// as Clone, but the records of the answers are shared, not copied (the
// maps of 1,000 service providers took most of a session's start). That is
// sound because a record stored in a file is never changed in place (see
// Record); the lists holding them are copied.
func (f *File) snapshot() *File {
	g := f.cloneButAnswers()
	g.Answers = make(map[string]Value, len(f.Answers))
	for k, v := range f.Answers {
		if v.ref != nil {
			v.ref = &valueRef{list: slices.Clone(v.ref.list), recs: slices.Clone(v.ref.recs)}
		}
		g.Answers[k] = v
	}
	return g
}

// AddHistory appends a history entry of kind (interview or review) dated
// today, with the changes from before to f and the next version number.
// A review without changes is recorded too: that the review happened matters.
func (f *File) AddHistory(before *File, kind, today, by, summary string) HistoryEntry {
	e := HistoryEntry{
		Date:    today,
		By:      by,
		Kind:    kind,
		Version: f.NextVersion(),
		Summary: summary,
	}
	if before != nil {
		e.Changes = Diff(before, f)
	}
	if kind == HistoryInterview && f.Progress.Completed == "" {
		f.Progress.Completed = today
	}
	f.History = append(f.History, e)
	return e
}
