package model

import (
	"slices"
	"strings"
)

// CheckInput checks text typed for a field or question of the given kind and
// returns the value to store (dates normalised to YYYY-MM-DD, surrounding
// space trimmed). key is a message key in Msg when the input is not valid.
// Empty input is valid (whether an answer is required is checked elsewhere).
func CheckInput(kind, s string) (out string, key string) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", ""
	}
	if kind == KindTextarea {
		s = strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), " \t\r\n")
		if key, _, _ := textProblem(s, true); key != "" {
			return s, key
		}
		return s, ""
	}
	if key, _, _ := textProblem(t, false); key != "" {
		return s, key
	}
	switch kind {
	case KindDate:
		d, err := ParseDate(t)
		if err != nil {
			return s, "not_date"
		}
		return d, ""
	case KindEmail:
		if !CheckEmail(t) {
			return s, "not_email"
		}
	case KindURL:
		if !CheckURL(t) {
			return s, "not_url"
		}
	case KindPhone:
		if !CheckPhone(t) {
			return s, "not_phone"
		}
	}
	return t, ""
}

// Validate checks a decoded answers file against catalogue c: every ID known,
// every value of the right kind. Missing answers are not errors (a file is
// saved after every step); Completeness and OpenItems report them.
func Validate(c *Catalog, f *File) []Problem {
	var probs []Problem
	bad := func(p, key string, args ...any) { probs = append(probs, Problem{Pointer: p, Key: key, Args: args}) }
	var texts []Problem // text problems in the records of registers, for checkTexts
	for id, v := range f.Answers {
		p := ptr("/answers", id)
		q := c.Question(id)
		if q == nil {
			bad(p, "unknown_q", id, c.ID, c.Version)
			continue
		}
		if isEmptyRegister(q, v) {
			f.Answers[id] = Records() // [] decodes as an empty list
			continue
		}
		checkValue(p, q.Kind, q.Options, v, bad)
		if q.Kind != KindRecords || !v.IsRecords() {
			continue
		}
		ids := make(map[string]bool, len(v.Records()))
		// Pointers into records are built only for a problem: a register
		// of thousands would otherwise build one for every value. The
		// texts of the records are checked in the same pass (see
		// checkTexts), each field looked up once.
		var hit bool
		probe := func(string, string, ...any) { hit = true }
		for i, r := range v.Records() {
			rid, isStr := r["id"]
			switch {
			case !rid.IsSet() || rid.Empty():
				bad(ptr(p, i), "missing_id")
			case !isStr || !rid.IsString():
				bad(ptr(p, i, "id"), "want_string")
			case ids[rid.Str()]:
				bad(ptr(p, i, "id"), "dup_id", rid.Str())
			}
			ids[rid.Str()] = true
			for k, fv := range r {
				fd := q.Field(k)
				kind := KindText // the text check's kind of an unknown field and of the ID
				if fd != nil {
					kind = fd.Kind
				}
				clean := textsClean(kind, fv)
				if !clean {
					texts = valueTexts(texts, ptr(p, i, k), kind, fv)
				}
				if k == "id" {
					continue
				}
				if fd == nil {
					bad(ptr(p, i, k), "unknown_field", k)
					continue
				}
				if clean && valueOK(fd.Kind, fd.Options, fv) {
					continue
				}
				hit = false
				checkValue("", fd.Kind, fd.Options, fv, probe)
				if hit {
					checkValue(ptr(p, i, k), fd.Kind, fd.Options, fv, bad)
				}
			}
		}
	}
	checkMeasure := func(p string, a MeasureAnswer) {
		switch a.Status {
		case StatusImplemented, StatusPlanned, StatusNotApplicable, StatusUnclear, StatusDeclined:
		default:
			bad(ptr(p, "status"), "bad_status", a.Status)
		}
		if a.Due != "" {
			if _, err := ParseDate(a.Due); err != nil {
				bad(ptr(p, "due"), "not_date")
			}
		}
	}
	for id, a := range f.Measures {
		p := ptr("/measures", id)
		m := c.Measure(id)
		if m == nil {
			bad(p, "unknown_m", id, c.ID, c.Version)
			continue
		}
		checkMeasure(p, a)
		validateParams(p, m, a, bad)
	}
	own := map[string]bool{}
	for i, o := range f.OwnMeasures {
		p := ptr("/own_measures", i)
		switch {
		case o.ID == "":
			bad(p, "missing_id")
		case own[o.ID]:
			bad(ptr(p, "id"), "dup_id", o.ID)
		}
		own[o.ID] = true
		if s := c.Section(o.Section); s == nil {
			bad(ptr(p, "section"), "unknown_section", o.Section)
		} else if s.Kind != SectionControl {
			bad(ptr(p, "section"), "not_control", o.Section)
		}
		if strings.TrimSpace(o.Text) == "" {
			bad(ptr(p, "text"), "empty_text")
		}
		if o.Type != Technical && o.Type != Organisational {
			bad(ptr(p, "type"), "bad_type", o.Type)
		}
		checkMeasure(p, o.MeasureAnswer)
		for _, k := range sortedStrKeys(o.Params) {
			bad(ptr(p, "params", k), "param_own")
		}
	}
	for id, d := range f.Detected {
		p := ptr("/detected", id)
		if c.Measure(id) == nil && c.Question(id) == nil {
			bad(p, "unknown_m", id, c.ID, c.Version)
		}
		if _, err := ParseDate(d.Date); err != nil {
			bad(ptr(p, "date"), "not_date")
		}
		if d.Result != "supports" && d.Result != "contradicts" {
			bad(ptr(p, "result"), "bad_result", d.Result)
		}
	}
	if s := f.Progress.Step; s != "" && c.Section(s) == nil {
		bad("/progress/step", "unknown_section", s)
	}
	for i, s := range f.Progress.Done {
		if c.Section(s) == nil {
			bad(ptr("/progress/done", i), "unknown_section", s)
		}
	}
	for i, s := range f.Progress.Skipped {
		if c.Section(s) == nil {
			bad(ptr("/progress/skipped", i), "unknown_section", s)
		}
	}
	if d := f.Progress.Completed; d != "" {
		if _, err := ParseDate(d); err != nil {
			bad("/progress/completed", "not_date")
		}
	}
	for i, e := range f.History {
		p := ptr("/history", i)
		if _, err := ParseDate(e.Date); err != nil {
			bad(ptr(p, "date"), "not_date")
		}
		if e.Kind != HistoryInterview && e.Kind != HistoryReview {
			bad(ptr(p, "kind"), "bad_kind", e.Kind)
		}
	}
	return append(probs, checkTexts(c, f, texts)...)
}

// isEmptyRegister reports whether v, the answer to q, is an empty list
// given to a register, which JSON cannot tell from an empty list of records.
func isEmptyRegister(q *Question, v Value) bool {
	return q.Kind == KindRecords && v.IsList() && len(v.List()) == 0
}

// emptyRegisters makes each empty list given to a register a list of
// records, as Validate does.
func emptyRegisters(c *Catalog, f *File) {
	for id, v := range f.Answers {
		if q := c.Question(id); q != nil && isEmptyRegister(q, v) {
			f.Answers[id] = Records()
		}
	}
}

// valueOK reports, for a value whose texts are clean (textsClean), whether
// checkValue finds nothing wrong with it, without building a pointer or a
// problem; false means checkValue must look.
func valueOK(kind string, opts []*Option, v Value) bool {
	switch kind {
	case KindYesNo:
		return v.IsBool()
	case KindChoice:
		return v.IsString() && findOption(opts, v.Str()) != nil
	case KindMultiChoice:
		return false
	case KindRecords:
		return v.IsRecords()
	}
	if !v.IsString() {
		return false
	}
	// As CheckInput: the trimmed text has no text problem either, since
	// the whole one has none.
	t := strings.TrimSpace(v.Str())
	if t == "" {
		return true
	}
	switch kind {
	case KindDate:
		_, err := parseDate(t)
		return err == nil
	case KindEmail:
		return CheckEmail(t)
	case KindURL:
		return CheckURL(t)
	case KindPhone:
		return CheckPhone(t)
	}
	return true
}

func checkValue(p, kind string, opts []*Option, v Value, bad func(string, string, ...any)) {
	switch kind {
	case KindYesNo:
		if !v.IsBool() {
			bad(p, "want_bool")
		}
	case KindChoice:
		if !v.IsString() {
			bad(p, "want_string")
		} else if findOption(opts, v.Str()) == nil {
			bad(p, "unknown_option", v.Str())
		}
	case KindMultiChoice:
		if !v.IsList() {
			bad(p, "want_list")
			return
		}
		list := v.List()
		var seen map[string]bool // for long lists; short ones are searched
		if len(list) > 16 {
			seen = make(map[string]bool, len(list))
		}
		for i, o := range list {
			dup := false
			if seen != nil {
				dup = seen[o]
				seen[o] = true
			} else {
				dup = slices.Contains(list[:i], o)
			}
			if findOption(opts, o) == nil {
				bad(ptr(p, i), "unknown_option", o)
			} else if dup {
				bad(ptr(p, i), "dup_option", o)
			}
		}
	case KindRecords:
		if !v.IsRecords() {
			bad(p, "want_records")
		}
	default:
		if !v.IsString() {
			bad(p, "want_string")
			return
		}
		if kind == KindText || kind == KindTextarea {
			return
		}
		// Control characters, line breaks and length: checkTexts says
		// where exactly.
		if _, key := CheckInput(kind, v.Str()); key != "" && !isTextKey(key) {
			bad(p, key)
		}
	}
}
