package model

import (
	"bytes"
	"slices"
	"strconv"
	"unicode/utf8"

	json "github.com/goccy/go-json"
)

// fileWriter appends an answers file in the form Marshal promises: the
// JSON encoder's output with two-space indentation and no HTML escaping,
// written directly rather than by reflection and re-indenting each
// Value's own encoding (which cost about 16 ms at 1,000 service
// providers, on every save of the interview). Strings are escaped as
// encoding/json does without HTML escaping: '"', '\\' and the control
// characters (\b \f \n \r \t by name, the others as \u00XX), U+2028 and
// U+2029 as \u2028 and \u2029, each byte of invalid UTF-8 as \ufffd.
// Values it has no case for (a number in a retired answer) go through the
// encoder itself. TestMarshalMatchesEncoder holds it to the encoder.
type fileWriter struct {
	b []byte
}

// indentSpaces is sliced for the indentation of a line.
const indentSpaces = "                                                                "

// newline starts a line indented depth levels.
func (w *fileWriter) newline(depth int) { w.b = appendNewline(w.b, depth) }

// object writes one JSON object's members at depth: start it with open,
// name each member with key, end it with close.
type object struct {
	w     *fileWriter
	depth int
	n     int
}

func (w *fileWriter) open(depth int) object {
	w.b = append(w.b, '{')
	return object{w: w, depth: depth}
}

func (o *object) key(k string) {
	b := o.w.b
	if o.n > 0 {
		b = append(b, ',')
	}
	o.n++
	b = appendNewline(b, o.depth+1)
	b = appendStr(b, k)
	o.w.b = append(b, ':', ' ')
}

// field writes a string member, left out when empty and omit is set.
func (o *object) field(k, v string, omit bool) {
	if omit && v == "" {
		return
	}
	o.key(k)
	o.w.str(v)
}

func (o *object) close() {
	if o.n > 0 {
		o.w.newline(o.depth)
	}
	o.w.b = append(o.w.b, '}')
}

// file writes f (nil maps of answers and measures as empty objects).
func (w *fileWriter) file(f *File) error {
	o := w.open(0)
	o.key("schema")
	w.b = strconv.AppendInt(w.b, int64(f.Schema), 10)
	o.key("catalog")
	c := w.open(1)
	c.field("id", f.Catalog.ID, false)
	c.field("version", f.Catalog.Version, false)
	c.close()
	o.field("language", string(f.Language), true)
	o.field("protection_level", f.ProtectionLevel, true)
	o.key("answers")
	a := w.open(1)
	for _, k := range keysInOrder(f.Answers) {
		a.key(k)
		w.value(f.Answers[k], 2)
	}
	a.close()
	o.key("measures")
	m := w.open(1)
	for _, k := range keysInOrder(f.Measures) {
		m.key(k)
		ma := w.open(2)
		w.measure(&ma, f.Measures[k])
		ma.close()
	}
	m.close()
	if len(f.OwnMeasures) > 0 {
		o.key("own_measures")
		w.list(1, len(f.OwnMeasures), func(i int) {
			om := f.OwnMeasures[i]
			e := w.open(2)
			e.field("id", om.ID, false)
			e.field("section", om.Section, false)
			e.field("text", om.Text, false)
			e.field("type", om.Type, false)
			w.measure(&e, om.MeasureAnswer)
			e.close()
		})
	}
	if len(f.Detected) > 0 {
		o.key("detected")
		d := w.open(1)
		for _, k := range keysInOrder(f.Detected) {
			det := f.Detected[k]
			d.key(k)
			e := w.open(2)
			e.field("date", det.Date, false)
			e.field("result", det.Result, false)
			e.field("evidence", det.Evidence, false)
			e.close()
		}
		d.close()
	}
	if len(f.Retired) > 0 {
		o.key("retired")
		r := w.open(1)
		for _, k := range keysInOrder(f.Retired) {
			r.key(k)
			if err := w.any(f.Retired[k], 2); err != nil {
				return err
			}
		}
		r.close()
	}
	o.key("progress")
	p := w.open(1)
	p.field("step", f.Progress.Step, true)
	p.field("question", f.Progress.Question, true)
	w.strings(&p, "done", f.Progress.Done)
	w.strings(&p, "skipped", f.Progress.Skipped)
	p.field("completed", f.Progress.Completed, true)
	p.close()
	o.key("review")
	rv := w.open(1)
	if f.Review.IntervalMonths != 0 {
		rv.key("interval_months")
		w.b = strconv.AppendInt(w.b, int64(f.Review.IntervalMonths), 10)
	}
	rv.close()
	if len(f.History) > 0 {
		o.key("history")
		var err error
		w.list(1, len(f.History), func(i int) {
			if e := w.history(&f.History[i]); e != nil && err == nil {
				err = e
			}
		})
		if err != nil {
			return err
		}
	}
	o.close()
	w.b = append(w.b, '\n')
	return nil
}

// list writes an array of n elements at depth; elem writes element i.
func (w *fileWriter) list(depth, n int, elem func(i int)) {
	w.b = append(w.b, '[')
	for i := range n {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.newline(depth + 1)
		elem(i)
	}
	if n > 0 {
		w.newline(depth)
	}
	w.b = append(w.b, ']')
}

// strings writes a list of strings as member k, left out when empty.
func (w *fileWriter) strings(o *object, k string, list []string) {
	if len(list) == 0 {
		return
	}
	o.key(k)
	w.list(o.depth+1, len(list), func(i int) { w.str(list[i]) })
}

// measure writes the members of a measure's answer into o.
func (w *fileWriter) measure(o *object, a MeasureAnswer) {
	o.field("status", a.Status, false)
	o.field("due", a.Due, true)
	o.field("reason", a.Reason, true)
	o.field("accepted_by", a.AcceptedBy, true)
	o.field("note", a.Note, true)
	if len(a.Params) > 0 {
		o.key("params")
		p := w.open(o.depth + 1)
		for _, k := range keysInOrder(a.Params) {
			p.field(k, a.Params[k], false)
		}
		p.close()
	}
}

// history writes one history entry at depth 2.
func (w *fileWriter) history(h *HistoryEntry) error {
	e := w.open(2)
	e.field("date", h.Date, false)
	e.field("by", h.By, false)
	e.field("kind", h.Kind, false)
	e.field("version", h.Version, false)
	e.field("summary", h.Summary, true)
	var err error
	if len(h.Changes) > 0 {
		e.key("changes")
		w.list(3, len(h.Changes), func(i int) {
			ch := &h.Changes[i]
			c := w.open(4)
			c.field("path", ch.Path, false)
			for _, m := range [2]struct {
				k string
				v any
			}{{"old", ch.Old}, {"new", ch.New}} {
				if m.v == nil {
					continue
				}
				c.key(m.k)
				if e := w.any(m.v, 5); e != nil && err == nil {
					err = e
				}
			}
			c.close()
		})
	}
	w.strings(&e, "still_due", h.StillDue)
	e.close()
	return err
}

// value writes an answer at depth.
func (w *fileWriter) value(v Value, depth int) { w.b = appendValue(w.b, v, depth) }

// appendNewline appends a line break and the indentation of depth.
func appendNewline(b []byte, depth int) []byte {
	b = append(b, '\n')
	for n := 2 * depth; n > 0; {
		k := min(n, len(indentSpaces))
		b = append(b, indentSpaces[:k]...)
		n -= k
	}
	return b
}

// appendValue appends answer v at depth. The answers are most of a file:
// they are written by appending to a local slice, which needs no write
// barrier.
func appendValue(b []byte, v Value, depth int) []byte {
	switch v.kind {
	case vBool:
		return strconv.AppendBool(b, v.b)
	case vString:
		return appendStr(b, v.s)
	case vList:
		list := v.List()
		if list == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, s := range list {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendNewline(b, depth+1)
			b = appendStr(b, s)
		}
		if len(list) > 0 {
			b = appendNewline(b, depth)
		}
		return append(b, ']')
	case vRecords:
		return appendRecords(b, v.Records(), depth)
	}
	return append(b, "null"...)
}

// maxSharedFields bounds the fields appendRecords shares among a list's
// records.
const maxSharedFields = 64

// appendRecords appends a list of records at depth, each record's fields
// sorted. The records of a list mostly have the same fields or some of
// them: the fields of the records so far, sorted, are kept, and a record
// is written by looking them up in it; a record with another field is
// written again once that field is added (a list with more than
// maxSharedFields different fields sorts each record's own). Once the
// first record is written, the buffer is grown for the others as long.
func appendRecords(b []byte, recs []Record, depth int) []byte {
	b = append(b, '[')
	var keys []string
	for i, r := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNewline(b, depth+1)
		start := len(b)
		var n int
		b, n = appendRecord(b, r, keys, depth+1)
		if n != len(r) {
			b = b[:start]
			keys = addFields(keys, r)
			b, _ = appendRecord(b, r, keys, depth+1)
		}
		if i == 0 && len(recs) > 1 {
			b = slices.Grow(b, (len(b)-start+4)*(len(recs)-1)*9/8)
		}
	}
	if len(recs) > 0 {
		b = appendNewline(b, depth)
	}
	return append(b, ']')
}

// appendRecord appends r's fields among keys (sorted), at depth, and
// returns how many it has.
func appendRecord(b []byte, r Record, keys []string, depth int) ([]byte, int) {
	b = append(b, '{')
	n := 0
	for _, k := range keys {
		v, ok := r[k]
		if !ok {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = appendNewline(b, depth+1)
		b = appendStr(b, k)
		b = append(b, ':', ' ')
		b = appendValue(b, v, depth+1)
	}
	if n > 0 {
		b = appendNewline(b, depth)
	}
	return append(b, '}'), n
}

// addFields returns keys with r's fields added, sorted; only r's own when
// that would make more than maxSharedFields.
func addFields(keys []string, r Record) []string {
	if len(keys)+len(r) > maxSharedFields {
		keys = keys[:0]
	}
	n := len(keys)
	for k := range r {
		if _, found := slices.BinarySearch(keys[:n], k); !found {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// any writes plain JSON data (a change's old or new value, a retired
// answer) at depth.
func (w *fileWriter) any(x any, depth int) error {
	switch t := x.(type) {
	case nil:
		w.b = append(w.b, "null"...)
	case bool:
		w.b = strconv.AppendBool(w.b, t)
	case string:
		w.str(t)
	case []any:
		var err error
		w.list(depth, len(t), func(i int) {
			if e := w.any(t[i], depth+1); e != nil && err == nil {
				err = e
			}
		})
		return err
	case map[string]any:
		o := w.open(depth)
		for _, k := range keysInOrder(t) {
			o.key(k)
			if err := w.any(t[k], depth+1); err != nil {
				return err
			}
		}
		o.close()
	default:
		return w.encode(x, depth)
	}
	return nil
}

// encode writes x at depth through the JSON encoder.
func (w *fileWriter) encode(x any, depth int) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(x); err != nil {
		return err
	}
	out := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	for i, line := range bytes.Split(out, []byte("\n")) {
		if i > 0 {
			w.newline(depth)
		}
		w.b = append(w.b, line...)
	}
	return nil
}

// keysInOrder returns m's keys in order.
func keysInOrder[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

const hexDigits = "0123456789abcdef"

// plainByte reports the ASCII bytes a string holds as they are.
var plainByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str writes s as a JSON string.
func (w *fileWriter) str(s string) { w.b = appendStr(w.b, s) }

// appendStr appends s as a JSON string (see fileWriter for the escapes).
func appendStr(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainByte[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
