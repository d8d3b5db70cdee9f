package model

import (
	"fmt"
	"math/bits"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Longest texts an answers file may hold, in characters. A one-line value
// (a name, an e-mail address, a date, an ID) is at most MaxLineLen; a text
// that may span lines (a textarea answer, a note, a reason, a summary) at
// most MaxTextLen. Longer values are typing accidents or attacks: they would
// break the document's layout and slow its rendering.
const (
	MaxLineLen = 500
	MaxTextLen = 20000
)

// textProblem checks one text: no control character (a line break is
// allowed when multiline is set, a tab too), within the length limit. It
// returns the message key ("" when the text is fine) and the index of the
// offending character (-1 for the whole value).
func textProblem(s string, multiline bool) (key string, at int, r rune) {
	i, j := 0, 0 // characters and bytes before j
	for j < len(s) {
		// Printable ASCII, most of any text, is one character a byte and
		// never forbidden: pass over it without decoding.
		n := printableLen(s[j:])
		i, j = i+n, j+n
		if j == len(s) {
			break
		}
		c, size := rune(s[j]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[j:])
		}
		if isForbiddenControl(c, multiline) {
			if c == '\n' || c == '\u2028' || c == '\u2029' {
				return "one_line", i, c
			}
			return "control_char", i, c
		}
		i, j = i+1, j+size
	}
	limit := MaxLineLen
	if multiline {
		limit = MaxTextLen
	}
	if i > limit {
		if multiline {
			return "too_long_text", -1, 0
		}
		return "too_long_line", -1, 0
	}
	return "", -1, 0
}

// printableLen returns the length of the beginning of s that is printable
// ASCII (0x20 to 0x7e), eight bytes at a time: none of eight such bytes has
// its high bit set, none is below a space (subtracting 0x20 borrows) or DEL
// (adding one carries into the high bit). A borrow or carry only marks
// bytes after the first that is not printable, so the lowest mark is that
// byte.
func printableLen(s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := word8(s, i)
		if m := (x | (x - 0x20*ones) | (x + ones)) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return i
		}
	}
	return i
}

// word8 returns the eight bytes of s from i as a little-endian word.
func word8(s string, i int) uint64 {
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// isTextKey reports whether key is one textProblem returns.
func isTextKey(key string) bool {
	switch key {
	case "one_line", "control_char", "too_long_line", "too_long_text":
		return true
	}
	return false
}

// isForbiddenControl reports whether c may not appear in a stored text: C0
// and C1 control characters, DEL, and the Unicode line and paragraph
// separators; a line break and a tab only where the text may span lines.
func isForbiddenControl(c rune, multiline bool) bool {
	if multiline && (c == '\n' || c == '\t') {
		return false
	}
	return unicode.IsControl(c) || c == '\u2028' || c == '\u2029'
}

// textsClean reports whether an answer or record field of the given kind
// has no text problem: most have none, and their pointers are then never
// built.
func textsClean(kind string, v Value) bool {
	switch {
	case v.IsString():
		key, _, _ := textProblem(v.Str(), kind == KindTextarea)
		return key == ""
	case v.IsList():
		for _, s := range v.List() {
			if key, _, _ := textProblem(s, false); key != "" {
				return false
			}
		}
	}
	return true
}

// textProblemAt appends the problem textProblem finds in s, at pointer p.
func textProblemAt(probs []Problem, p, s string, multiline bool) []Problem {
	key, at, r := textProblem(s, multiline)
	switch {
	case key == "":
	case at >= 0:
		probs = append(probs, Problem{Pointer: p, Key: key + "_at", Args: []any{fmt.Sprintf("U+%04X", r)}, char: at + 1})
	default:
		limit := MaxLineLen
		if multiline {
			limit = MaxTextLen
		}
		probs = append(probs, Problem{Pointer: p, Key: "too_long", Args: []any{utf8.RuneCountInString(s), limit}})
	}
	return probs
}

// valueTexts appends the text problems of an answer or record field of the
// given kind, at pointer p.
func valueTexts(probs []Problem, p, kind string, v Value) []Problem {
	switch {
	case v.IsString():
		probs = textProblemAt(probs, p, v.Str(), kind == KindTextarea)
	case v.IsList():
		for i, s := range v.List() {
			probs = textProblemAt(probs, ptr(p, i), s, false)
		}
	}
	return probs
}

// checkTexts checks every text of f for control characters, line breaks in
// one-line values and length (see textProblem); problems point at the
// offending character. The records of the catalogue's registers were
// checked by Validate as it read them: records holds their problems.
func checkTexts(c *Catalog, f *File, records []Problem) []Problem {
	var probs []Problem
	check := func(p, s string, multiline bool) {
		probs = textProblemAt(probs, p, s, multiline)
	}
	// checkIn is check for member key of the object at p: its pointer is
	// built only for a problem.
	checkIn := func(p, key, s string, multiline bool) {
		if k, _, _ := textProblem(s, multiline); k != "" {
			check(ptr(p, key), s, multiline)
		}
	}
	// anyTexts checks the strings of plain JSON data (history changes, retired
	// answers): they may span lines.
	var anyTexts func(p string, x any)
	anyTexts = func(p string, x any) {
		switch v := x.(type) {
		case string:
			check(p, v, true)
		case []any:
			for i, e := range v {
				anyTexts(ptr(p, i), e)
			}
		case map[string]any:
			for _, k := range sortedKeys(v) {
				check(ptr(p, k), k, false)
				anyTexts(ptr(p, k), v[k])
			}
		}
	}
	check("/catalog/id", f.Catalog.ID, false)
	check("/catalog/version", f.Catalog.Version, false)
	probs = append(probs, records...)
	for id, v := range f.Answers {
		q := c.Question(id)
		if q == nil {
			continue
		}
		if !v.IsRecords() {
			if !textsClean(q.Kind, v) {
				probs = valueTexts(probs, ptr("/answers", id), q.Kind, v)
			}
			continue
		}
		if q.Kind == KindRecords {
			continue // in records
		}
		for i, r := range v.Records() {
			for k, fv := range r {
				kind := KindText
				if fd := q.Field(k); fd != nil {
					kind = fd.Kind
				}
				if !textsClean(kind, fv) {
					probs = valueTexts(probs, ptr("/answers", id, i, k), kind, fv)
				}
			}
		}
	}
	measure := func(p string, a MeasureAnswer) {
		checkIn(p, "status", a.Status, false)
		checkIn(p, "due", a.Due, false)
		checkIn(p, "reason", a.Reason, true)
		checkIn(p, "accepted_by", a.AcceptedBy, false)
		checkIn(p, "note", a.Note, true)
		for _, k := range sortedStrKeys(a.Params) {
			check(ptr(p, "params", k), a.Params[k], false)
		}
	}
	for id, a := range f.Measures {
		measure(ptr("/measures", id), a)
	}
	for i, o := range f.OwnMeasures {
		p := ptr("/own_measures", i)
		checkIn(p, "id", o.ID, false)
		checkIn(p, "section", o.Section, false)
		checkIn(p, "text", o.Text, true)
		checkIn(p, "type", o.Type, false)
		measure(p, o.MeasureAnswer)
	}
	for id, d := range f.Detected {
		p := ptr("/detected", id)
		checkIn(p, "date", d.Date, false)
		checkIn(p, "result", d.Result, false)
		checkIn(p, "evidence", d.Evidence, true)
	}
	anyTexts("/retired", map[string]any(f.Retired))
	check("/progress/step", f.Progress.Step, false)
	check("/progress/question", f.Progress.Question, false)
	for i, s := range f.Progress.Done {
		check(ptr("/progress/done", i), s, false)
	}
	for i, s := range f.Progress.Skipped {
		check(ptr("/progress/skipped", i), s, false)
	}
	check("/progress/completed", f.Progress.Completed, false)
	for i, e := range f.History {
		p := ptr("/history", i)
		checkIn(p, "date", e.Date, false)
		checkIn(p, "by", e.By, false)
		checkIn(p, "kind", e.Kind, false)
		checkIn(p, "version", e.Version, false)
		checkIn(p, "summary", e.Summary, true)
		for j, ch := range e.Changes {
			cp := ptr(p, "changes", j)
			checkIn(cp, "path", ch.Path, false)
			anyTexts(ptr(cp, "old"), ch.Old)
			anyTexts(ptr(cp, "new"), ch.New)
		}
	}
	return probs
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
