package model

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	json "github.com/goccy/go-json"
)

// decodeAnswersFile is decodeObject for an answers file whose JSON is plain
// and well-formed, the file tom writes: the answers, nearly all of a large
// file, are read straight into Values, the rest is decoded as decodeObject
// does it. It gives up (ok false) on anything else: a byte order mark, a
// syntax error, a repeated key, a null or a number among the answers, an
// answer of a shape valueFromAny refuses, an unpaired surrogate escape.
// decodeObject then reads the file and reports what is wrong where, so every
// problem is found and placed as before.
func decodeAnswersFile(data []byte) (obj map[string]any, answers map[string]Value, ok bool) {
	return decodeAnswersText(string(data))
}

// decodeAnswersText is decodeAnswersFile for the file as one string: the
// strings read from it without escapes are slices of it, not copies (a
// large file holds tens of thousands; they live as long as the answers).
func decodeAnswersText(data string) (obj map[string]any, answers map[string]Value, ok bool) {
	if len(data) > MaxFileSize || strings.HasPrefix(data, "\xef\xbb\xbf") || !utf8.ValidString(data) {
		return nil, nil, false
	}
	p := &fastJSON{d: data}
	if !p.byte('{') {
		return nil, nil, false
	}
	obj = map[string]any{}
	for first := true; ; first = false {
		p.ws()
		if first && p.peek() == '}' {
			p.i++
			break
		}
		key, ok := p.str()
		if !ok || !p.byte(':') {
			return nil, nil, false
		}
		if _, dup := obj[key]; dup {
			return nil, nil, false
		}
		p.ws()
		if key == "answers" && p.peek() == '{' {
			if answers, ok = p.answers(); !ok {
				return nil, nil, false
			}
			obj[key] = nil // present; fileFromAny takes answers
		} else {
			start := p.i
			if !p.skip() {
				return nil, nil, false
			}
			raw := []byte(data[start:p.i])
			var x any
			if json.Unmarshal(raw, &x) != nil || membersDiffer(raw, x) {
				return nil, nil, false
			}
			obj[key] = x
		}
		if more, ok := p.next('}'); !ok {
			return nil, nil, false
		} else if more {
			continue
		}
		break
	}
	p.ws()
	if p.i != len(data) {
		return nil, nil, false
	}
	if answers == nil {
		// No answers object: decodeObject's way.
		return nil, nil, false
	}
	return obj, answers, true
}

// fastJSON reads JSON for decodeAnswersFile.
type fastJSON struct {
	d   string
	i   int
	buf []byte // for strings with escapes
	// the fields of the records being read, innermost last: a record's
	// map is made once its size is known
	fields []recordField
}

// recordField is a field of a record being read.
type recordField struct {
	k string
	v Value
}

func (p *fastJSON) peek() byte {
	if p.i < len(p.d) {
		return p.d[p.i]
	}
	return 0
}

func (p *fastJSON) ws() {
	for p.i < len(p.d) {
		switch p.d[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte skips white space and reads c.
func (p *fastJSON) byte(c byte) bool {
	p.ws()
	if p.peek() != c {
		return false
	}
	p.i++
	return true
}

// next reads what follows a member of an object or list: a comma (more
// members follow) or the closing byte c; ok is false for anything else.
func (p *fastJSON) next(c byte) (more, ok bool) {
	p.ws()
	if p.peek() == ',' {
		p.i++
		return true, true
	}
	return false, p.byte(c)
}

// str reads a string, after white space.
func (p *fastJSON) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	p.i += plainLen(p.d[p.i:])
	if p.i >= len(p.d) {
		return "", false
	}
	switch p.d[p.i] {
	case '"':
		s := p.d[start:p.i]
		p.i++
		return s, true
	case '\\':
		return p.escaped(start)
	}
	return "", false // a control character
}

// plainLen returns the length of the beginning of s before its first '"',
// backslash or control character (len(s) if none), eight bytes at a time.
func plainLen(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := word8(s, i)
		// a zero byte of q or b (a quote or a backslash in x) sets its high
		// bit in (v - 0x01…) & ^v, a byte of x below 0x20 in (x - 0x20…) & ^x
		q, b := x^0x2222222222222222, x^0x5c5c5c5c5c5c5c5c
		if ((q-0x0101010101010101)&^q|(b-0x0101010101010101)&^b|(x-0x2020202020202020)&^x)&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return len(s)
}

// escaped reads the rest of a string that has an escape, from start.
func (p *fastJSON) escaped(start int) (string, bool) {
	b := append(p.buf[:0], p.d[start:p.i]...)
	defer func() { p.buf = b }()
	for p.i < len(p.d) {
		c := p.d[p.i]
		switch {
		case c == '"':
			p.i++
			return string(b), true
		case c < 0x20:
			return "", false
		case c != '\\':
			b = append(b, c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.d) {
			return "", false
		}
		e := p.d[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				// Only a proper pair; anything else is left to decodeObject.
				if r >= 0xdc00 || p.i+1 >= len(p.d) || p.d[p.i] != '\\' || p.d[p.i+1] != 'u' {
					return "", false
				}
				p.i += 2
				r2, ok := p.hex4()
				if !ok || r2 < 0xdc00 || r2 > 0xdfff {
					return "", false
				}
				r = utf16.DecodeRune(r, r2)
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", false
		}
	}
	return "", false
}

func (p *fastJSON) hex4() (rune, bool) {
	if p.i+4 > len(p.d) {
		return 0, false
	}
	n, err := strconv.ParseUint(p.d[p.i:p.i+4], 16, 16)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(n), true
}

// skip passes over one value, after white space; decodeAnswersFile then
// decodes it with the JSON package, which checks it.
func (p *fastJSON) skip() bool {
	p.ws()
	depth := 0
	for p.i < len(p.d) {
		switch c := p.d[p.i]; c {
		case '"':
			p.i++
			for p.i < len(p.d) && p.d[p.i] != '"' {
				if p.d[p.i] == '\\' {
					p.i++
				}
				p.i++
			}
			if p.i >= len(p.d) {
				return false
			}
			p.i++
		case '{', '[':
			depth++
			p.i++
			continue
		case '}', ']':
			if depth == 0 {
				return true
			}
			depth--
			p.i++
		case ',':
			if depth == 0 {
				return true
			}
			p.i++
			continue
		case ' ', '\t', '\n', '\r':
			if depth == 0 {
				return true
			}
			p.i++
			continue
		default:
			p.i++
			continue
		}
		if depth == 0 {
			return true
		}
	}
	return depth == 0
}

// answers reads the answers object as valueFromAny converts it.
func (p *fastJSON) answers() (map[string]Value, bool) {
	p.i++ // {
	m := map[string]Value{}
	for first := true; ; first = false {
		p.ws()
		if first && p.peek() == '}' {
			p.i++
			return m, true
		}
		k, ok := p.str()
		if !ok || !p.byte(':') {
			return nil, false
		}
		if _, dup := m[k]; dup {
			return nil, false
		}
		v, ok := p.value(true)
		if !ok {
			return nil, false
		}
		m[k] = v
		if more, ok := p.next('}'); !ok {
			return nil, false
		} else if more {
			continue
		}
		return m, true
	}
}

// value reads an answer (records allowed) or a record's field: a string, a
// boolean, a list of strings or, where allowed, a list of records.
func (p *fastJSON) value(records bool) (Value, bool) {
	p.ws()
	switch p.peek() {
	case '"':
		s, ok := p.str()
		return String(s), ok
	case 't':
		if strings.HasPrefix(p.d[p.i:], "true") {
			p.i += 4
			return Bool(true), true
		}
	case 'f':
		if strings.HasPrefix(p.d[p.i:], "false") {
			p.i += 5
			return Bool(false), true
		}
	case '[':
		p.i++
		p.ws()
		switch p.peek() {
		case ']':
			p.i++
			return listValue([]string{}), true
		case '{':
			if records {
				return p.records()
			}
		case '"':
			var list []string
			for {
				s, ok := p.str()
				if !ok {
					return Value{}, false
				}
				list = append(list, s)
				if more, ok := p.next(']'); !ok {
					return Value{}, false
				} else if more {
					continue
				}
				return listValue(list), true
			}
		}
	}
	return Value{}, false
}

// records reads a list of records, after its '['.
func (p *fastJSON) records() (Value, bool) {
	var recs []Record
	for {
		if !p.byte('{') {
			return Value{}, false
		}
		start := len(p.fields)
		for first := true; ; first = false {
			p.ws()
			if first && p.peek() == '}' {
				p.i++
				break
			}
			k, ok := p.str()
			if !ok || !p.byte(':') {
				return Value{}, false
			}
			v, ok := p.value(false)
			if !ok {
				return Value{}, false
			}
			p.fields = append(p.fields, recordField{k, v})
			if more, ok := p.next('}'); !ok {
				return Value{}, false
			} else if more {
				continue
			}
			break
		}
		fields := p.fields[start:]
		r := make(Record, len(fields))
		for _, f := range fields {
			r[f.k] = f.v
		}
		clear(fields) // no strings kept alive by the scratch
		p.fields = p.fields[:start]
		// A repeated key leaves the record shorter than its fields.
		if len(r) != len(fields) {
			return Value{}, false
		}
		recs = append(recs, r)
		if more, ok := p.next(']'); !ok {
			return Value{}, false
		} else if more {
			continue
		}
		return recordsValue(recs), true
	}
}
