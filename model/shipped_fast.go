package model

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:generate go test -run=^TestShippedDecoderFresh$ . -args -update-shipped-decoder

// decodeShippedCatalog decodes a catalogue as json.Unmarshal does, with the
// decoder generated from the catalogue's types (shipped_decode.go), without
// reflection and with its strings slices of data. It gives up (false) on
// anything it does not read exactly as json.Unmarshal: a key it does not
// know or in another case, a repeated key, a null, a value of another type,
// invalid UTF-8, an escape in a key, a number it does not parse the same.
// c is then partly filled.
func decodeShippedCatalog(data string, c *Catalog) bool {
	d := &shippedDecoder{}
	d.d = data
	return d.decCatalog(c) && d.end()
}

// decodeShippedSupportTable is decodeShippedCatalog for a support table.
func decodeShippedSupportTable(data string, t *SupportTable) bool {
	d := &shippedDecoder{}
	d.d = data
	return d.decSupportTable(t) && d.end()
}

// shippedMaxDepth is how deep objects and lists may nest for the generated
// decoder (far less than json.Unmarshal allows).
const shippedMaxDepth = 200

// shippedReader reads JSON for the generated decoder: the primitives it
// calls (see internal/jsondecgen). Each fails (false) on anything it does
// not read exactly as json.Unmarshal does.
type shippedReader struct {
	fastJSON
	depth int // of the objects and lists open
}

// end reports whether only white space is left.
func (p *shippedReader) end() bool {
	p.ws()
	return p.i == len(p.d)
}

// ws skips white space, runs of spaces (the indentation) eight at a time.
func (p *shippedReader) ws() {
	for p.i < len(p.d) {
		switch p.d[p.i] {
		case ' ':
			p.i++
			for p.i+8 <= len(p.d) && load64(p.d, p.i) == ones*' ' {
				p.i += 8
			}
		case '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte skips white space and reads c.
func (p *shippedReader) byte(c byte) bool {
	p.ws()
	if p.i < len(p.d) && p.d[p.i] == c {
		p.i++
		return true
	}
	return false
}

// open reads c ('{' or '['), after white space.
func (p *shippedReader) open(c byte) bool {
	if !p.byte(c) {
		return false
	}
	p.depth++
	return p.depth <= shippedMaxDepth
}

// close reads c ('}' or ']') right after the opening one: the value is
// empty.
func (p *shippedReader) close(c byte) bool {
	if !p.byte(c) {
		return false
	}
	p.depth--
	return true
}

// more reads what follows a member: a comma (more) or the closing c.
func (p *shippedReader) more(c byte) (more, ok bool) {
	if p.byte(',') {
		return true, true
	}
	if p.byte(c) {
		p.depth--
		return false, true
	}
	return false, false
}

// key reads an object's key, plain ASCII without escapes, and its colon.
func (p *shippedReader) key() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.d) {
		c := p.d[p.i]
		if c == '"' {
			k := p.d[start:p.i]
			p.i++
			return k, p.byte(':')
		}
		if c == '\\' || c < 0x20 || c >= 0x80 {
			return "", false
		}
		p.i++
	}
	return "", false
}

// str reads a string of valid UTF-8 (json.Unmarshal replaces invalid
// bytes): a slice of the data unless it has escapes. It passes over eight
// bytes at a time while none of them needs a look.
func (p *shippedReader) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	d, start, i := p.d, p.i, p.i
	ascii := true
	for {
		for i+8 <= len(d) && !special(load64(d, i)) {
			i += 8
		}
		for end := min(i+8, len(d)); i < end; i++ {
			switch c := d[i]; {
			case c == '"':
				p.i = i + 1
				s := d[start:i]
				return s, ascii || utf8.ValidString(s)
			case c == '\\':
				p.i = i
				s, ok := p.escaped(start)
				return s, ok && utf8.ValidString(s)
			case c < 0x20:
				return "", false
			case c >= 0x80:
				ascii = false
			}
		}
		if i >= len(d) {
			return "", false
		}
	}
}

// ones has a 1 in each byte: ones*c has c in each.
const ones = 0x0101010101010101

// load64 returns the eight bytes of s from i, the first lowest.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// special reports whether one of the eight bytes in x is a quote, a
// backslash, a control character or not ASCII.
func special(x uint64) bool {
	q := x ^ (ones * '"')
	b := x ^ (ones * '\\')
	// (v-ones)&^v has a high bit where v has a zero byte; x-ones*0x20 where
	// x has a byte below 0x20 (x has none of 0x80 and above, or x itself
	// has a high bit).
	return ((q-ones)&^q|(b-ones)&^b|(x-ones*0x20)|x)&(ones*0x80) != 0
}

// boolean reads true or false.
func (p *shippedReader) boolean() (bool, bool) {
	p.ws()
	switch {
	case strings.HasPrefix(p.d[p.i:], "true"):
		p.i += 4
		return true, true
	case strings.HasPrefix(p.d[p.i:], "false"):
		p.i += 5
		return false, true
	}
	return false, false
}

// number passes over a number of JSON's grammar, after white space, and
// returns its text and whether it is an integer (no fraction, no exponent).
func (p *shippedReader) number() (text string, integer, ok bool) {
	p.ws()
	start := p.i
	digits := func() bool {
		n := p.i
		for p.i < len(p.d) && '0' <= p.d[p.i] && p.d[p.i] <= '9' {
			p.i++
		}
		return p.i > n
	}
	if p.peek() == '-' {
		p.i++
	}
	if p.peek() == '0' {
		p.i++
	} else if !digits() {
		return "", false, false
	}
	integer = true
	if p.peek() == '.' {
		p.i++
		if !digits() {
			return "", false, false
		}
		integer = false
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.i++
		if c := p.peek(); c == '+' || c == '-' {
			p.i++
		}
		if !digits() {
			return "", false, false
		}
		integer = false
	}
	// What json.Unmarshal would take as part of the number ("01", "1.2.3")
	// is an error for both.
	if c := p.peek(); c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' || '0' <= c && c <= '9' {
		return "", false, false
	}
	return p.d[start:p.i], integer, true
}

// integer reads an integer of at most 18 digits.
func (p *shippedReader) integer() (int, bool) {
	s, integer, ok := p.number()
	if !ok || !integer || len(s) > 18 || s == "-0" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// float reads a number in the range of a float64.
func (p *shippedReader) float() (float64, bool) {
	s, _, ok := p.number()
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// anyValue reads a value as json.Unmarshal decodes it into an any: a
// string, bool, float64, nil, []any or map[string]any.
func (p *shippedReader) anyValue() (any, bool) {
	p.ws()
	switch p.peek() {
	case '"':
		return p.str()
	case 't', 'f':
		return p.boolean()
	case 'n':
		if strings.HasPrefix(p.d[p.i:], "null") {
			p.i += 4
			return nil, true
		}
		return nil, false
	case '[':
		if !p.open('[') {
			return nil, false
		}
		list := []any{}
		if p.close(']') {
			return list, true
		}
		for {
			v, ok := p.anyValue()
			if !ok {
				return nil, false
			}
			list = append(list, v)
			more, ok := p.more(']')
			if !ok {
				return nil, false
			}
			if !more {
				return list, true
			}
		}
	case '{':
		if !p.open('{') {
			return nil, false
		}
		m := map[string]any{}
		if p.close('}') {
			return m, true
		}
		for {
			k, ok := p.key()
			if !ok {
				return nil, false
			}
			if _, dup := m[k]; dup {
				return nil, false
			}
			v, ok := p.anyValue()
			if !ok {
				return nil, false
			}
			m[k] = v
			more, ok := p.more('}')
			if !ok {
				return nil, false
			}
			if !more {
				return m, true
			}
		}
	}
	return p.float()
}

// slab hands out new values of T from chunks, so that many small values
// cost a few allocations: chunks of 8, 16, 32, then 64 values (a larger
// chunk would save few allocations and waste more of its tail).
type slab[T any] struct {
	free []T
	n    int // size of the last chunk
}

// alloc returns a new zero T.
func (s *slab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.n = min(max(2*s.n, 8), 64)
		s.free = make([]T, s.n)
	}
	v := &s.free[0]
	s.free = s.free[1:]
	return v
}

// listSeg is the size of the segments of a listBuf's stack.
const listSeg = 32

// listBuf collects the elements of the lists of T being read, innermost
// last, on a stack of segments (growing it copies nothing), and copies
// each list, when complete, into a slice of its length cut from a chunk.
type listBuf[T any] struct {
	segs  [][]T // the stack: element i is segs[i/listSeg][i%listSeg]
	n     int   // elements on the stack
	free  []T
	chunk int // size of the last chunk
}

// mark returns where the elements of a list that starts now begin.
func (b *listBuf[T]) mark() int { return b.n }

// push adds an element to the innermost list.
func (b *listBuf[T]) push(v T) {
	s := b.n / listSeg
	if s == len(b.segs) {
		b.segs = append(b.segs, make([]T, listSeg))
	}
	b.segs[s][b.n%listSeg] = v
	b.n++
}

// done returns the innermost list, its elements from start, and drops them
// from the stack. An empty list is empty, not nil, as json.Unmarshal
// makes it.
func (b *listBuf[T]) done(start int) []T {
	n := b.n - start
	if n == 0 {
		return []T{}
	}
	if n > len(b.free) {
		b.chunk = min(max(2*b.chunk, 16), 256)
		b.free = make([]T, max(n, b.chunk))
	}
	out := b.free[:n:n]
	b.free = b.free[n:]
	for k := 0; k < n; {
		i := start + k
		k += copy(out[k:], b.segs[i/listSeg][i%listSeg:])
	}
	b.n = start
	return out
}
