package model

import (
	"bytes"
	"reflect"
	"sort"
	"strings"

	json "github.com/goccy/go-json"
)

// Value is one stored answer: a yes/no, a string (text, date, option ID), a
// list of strings (multiple choice) or a list of records. The zero Value is
// "no answer".
type Value struct {
	kind valueKind
	b    bool
	s    string
	// lists and records, behind a pointer: a Value is then 32 bytes, not
	// 72, which matters in the maps of thousands of records. What it
	// points to is never changed once made (Clone makes its own).
	ref *valueRef
}

// valueRef holds a list value's strings or records.
type valueRef struct {
	list []string
	recs []Record
}

// listValue and recordsValue make list values, without copying.
func listValue(list []string) Value    { return Value{kind: vList, ref: &valueRef{list: list}} }
func recordsValue(recs []Record) Value { return Value{kind: vRecords, ref: &valueRef{recs: recs}} }

type valueKind uint8

const (
	vNone valueKind = iota
	vBool
	vString
	vList
	vRecords
)

// Record is one entry of a repeatable list (a service provider, a device …):
// field ID to value, with the record's own stable ID under "id". A record
// stored in a File is not changed in place: a changed one (a Clone) takes
// its place; a session's state before it began shares the records.
type Record map[string]Value

// Bool makes a yes/no value.
func Bool(b bool) Value { return Value{kind: vBool, b: b} }

// String makes a string value.
func String(s string) Value { return Value{kind: vString, s: s} }

// List makes a multiple-choice value. The slice is copied.
func List(ids ...string) Value {
	return listValue(append([]string{}, ids...))
}

// Records makes a list-of-records value. The slice is copied, not the records.
func Records(rs ...Record) Value {
	return recordsValue(append([]Record{}, rs...))
}

// IsSet reports whether the value holds an answer.
func (v Value) IsSet() bool { return v.kind != vNone }

// IsBool reports whether the value is a yes/no.
func (v Value) IsBool() bool { return v.kind == vBool }

// IsString reports whether the value is a string.
func (v Value) IsString() bool { return v.kind == vString }

// IsList reports whether the value is a list of strings.
func (v Value) IsList() bool { return v.kind == vList }

// IsRecords reports whether the value is a list of records.
func (v Value) IsRecords() bool { return v.kind == vRecords }

// Bool returns the yes/no value and whether it is one.
func (v Value) Bool() (bool, bool) { return v.b, v.kind == vBool }

// Str returns the string value, or "" for other kinds.
func (v Value) Str() string { return v.s }

// List returns the strings of a multiple choice (not a copy).
func (v Value) List() []string {
	if v.ref == nil {
		return nil
	}
	return v.ref.list
}

// Records returns the records (not a copy).
func (v Value) Records() []Record {
	if v.ref == nil {
		return nil
	}
	return v.ref.recs
}

// Has reports whether a multiple choice contains id.
func (v Value) Has(id string) bool {
	for _, s := range v.List() {
		if s == id {
			return true
		}
	}
	return false
}

// Empty reports whether the value is unset, an empty or blank string.
// A yes/no is never empty; an empty list of records is an answer ("none").
func (v Value) Empty() bool {
	switch v.kind {
	case vNone:
		return true
	case vString:
		return strings.TrimSpace(v.s) == ""
	}
	return false
}

// Equal reports whether two values are the same answer.
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case vBool:
		return v.b == w.b
	case vString:
		return v.s == w.s
	case vList:
		vl, wl := v.List(), w.List()
		if len(vl) != len(wl) {
			return false
		}
		for i := range vl {
			if vl[i] != wl[i] {
				return false
			}
		}
	case vRecords:
		vr, wr := v.Records(), w.Records()
		if len(vr) != len(wr) {
			return false
		}
		for i := range vr {
			if !vr[i].Equal(wr[i]) {
				return false
			}
		}
	}
	return true
}

// ID returns the record's own stable ID.
func (r Record) ID() string { return r["id"].s }

// Get returns the value of field id.
func (r Record) Get(id string) Value { return r[id] }

// Clone returns a copy of the record.
func (r Record) Clone() Record {
	c := make(Record, len(r))
	for k, v := range r {
		c[k] = v.Clone()
	}
	return c
}

// same reports whether r and o are the same map.
func (r Record) same(o Record) bool {
	return reflect.ValueOf(r).UnsafePointer() == reflect.ValueOf(o).UnsafePointer()
}

// Equal reports whether two records hold the same fields and values.
func (r Record) Equal(o Record) bool {
	if len(r) != len(o) {
		return false
	}
	if r.same(o) {
		return true // a session's state before shares most records
	}
	for k, v := range r {
		w, ok := o[k]
		if !ok || !v.Equal(w) {
			return false
		}
	}
	return true
}

// Clone returns a deep copy of the value.
func (v Value) Clone() Value {
	c := v
	if v.ref == nil {
		return c
	}
	c.ref = &valueRef{}
	if v.ref.list != nil {
		c.ref.list = append([]string{}, v.ref.list...)
	}
	if v.ref.recs != nil {
		c.ref.recs = make([]Record, len(v.ref.recs))
		for i, r := range v.ref.recs {
			c.ref.recs[i] = r.Clone()
		}
	}
	return c
}

// Any returns the value as plain Go data (bool, string, []any, map[string]any;
// nil when unset), the form JSON decoding produces.
func (v Value) Any() any {
	switch v.kind {
	case vBool:
		return v.b
	case vString:
		return v.s
	case vList:
		out := make([]any, len(v.List()))
		for i, s := range v.List() {
			out[i] = s
		}
		return out
	case vRecords:
		out := make([]any, len(v.Records()))
		for i, r := range v.Records() {
			m := make(map[string]any, len(r))
			for k, fv := range r {
				m[k] = fv.Any()
			}
			out[i] = m
		}
		return out
	}
	return nil
}

// MarshalJSON writes the value in the answers-file form (no HTML escaping).
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.kind {
	case vNone:
		return []byte("null"), nil
	case vBool:
		if v.b {
			return []byte("true"), nil
		}
		return []byte("false"), nil
	case vString:
		return marshalPlain(v.s)
	case vList:
		return marshalPlain(v.List())
	}
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i, r := range v.Records() {
		if i > 0 {
			buf.WriteByte(',')
		}
		keys := make([]string, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		buf.WriteByte('{')
		for j, k := range keys {
			if j > 0 {
				buf.WriteByte(',')
			}
			kb, _ := marshalPlain(k)
			buf.Write(kb)
			buf.WriteByte(':')
			vb, err := r[k].MarshalJSON()
			if err != nil {
				return nil, err
			}
			buf.Write(vb)
		}
		buf.WriteByte('}')
	}
	buf.WriteByte(']')
	return buf.Bytes(), nil
}

// UnmarshalJSON reads a value; it is lenient about shapes it does not know
// (those become unset). The loader checks shapes with positions instead.
func (v *Value) UnmarshalJSON(data []byte) error {
	var x any
	if err := json.Unmarshal(data, &x); err != nil {
		return err
	}
	*v, _ = valueFromAny(x)
	return nil
}

// valueFromAny converts decoded JSON into a Value; ok is false when the shape
// is not one a Value can hold.
func valueFromAny(x any) (Value, bool) {
	switch t := x.(type) {
	case nil:
		return Value{}, true
	case bool:
		return Bool(t), true
	case string:
		return String(t), true
	case []any:
		if len(t) == 0 {
			return listValue([]string{}), true
		}
		if _, isObj := t[0].(map[string]any); isObj {
			recs := make([]Record, 0, len(t))
			for _, e := range t {
				m, ok := e.(map[string]any)
				if !ok {
					return Value{}, false
				}
				r := make(Record, len(m))
				for k, fv := range m {
					val, ok := valueFromAny(fv)
					if !ok || val.kind == vRecords {
						return Value{}, false
					}
					if val.IsSet() {
						r[k] = val
					}
				}
				recs = append(recs, r)
			}
			return recordsValue(recs), true
		}
		list := make([]string, 0, len(t))
		for _, e := range t {
			s, ok := e.(string)
			if !ok {
				return Value{}, false
			}
			list = append(list, s)
		}
		return listValue(list), true
	}
	return Value{}, false
}

func marshalPlain(x any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
