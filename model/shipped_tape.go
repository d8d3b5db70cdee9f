package model

import (
	"encoding/binary"
	"math"
	"strings"

	"github.com/tom-dsgvo/tom/internal/textsum"
)

//go:generate go test -run=^TestShippedTapeDecoderFresh$ . -args -update-tape-decoder

// decodeTapeCatalog reads a catalogue from its tape (internal/tapegen:
// the catalogue as json.Unmarshal decodes text, written when tom is
// built), with the decoder generated from the catalogue's types: it only
// cuts strings from text and fills the values, parsing nothing. It gives up
// (false) on a tape of other types or of another text, or that does not
// read to its end; c is then partly filled.
func decodeTapeCatalog(tape, text string, c *Catalog) bool {
	d := &shippedTape{}
	return d.header(tape, text, shippedTapeFingerprint) && d.pools() && d.tapeCatalog(c) && d.i == len(d.t)
}

// decodeTapeSupportTable is decodeTapeCatalog for a support table.
func decodeTapeSupportTable(tape, text string, t *SupportTable) bool {
	d := &shippedTape{}
	return d.header(tape, text, shippedTapeFingerprint) && d.pools() && d.tapeSupportTable(t) && d.i == len(d.t)
}

// tapeReader reads a tape for the generated decoder: the primitives it
// calls (see internal/tapegen/tape.go for the layout). Each fails
// (false) at the tape's end or on a value out of range.
type tapeReader struct {
	t    string // the tape
	i    int
	text string // that its strings are cut from
}

// header reads the tape's header: it must be of the types with the
// fingerprint and of text, the same length and sum (textsum).
func (r *tapeReader) header(tape, text string, fingerprint uint32) bool {
	r.t, r.text = tape, text
	if !strings.HasPrefix(tape, "jdt1") {
		return false
	}
	r.i = 4
	fp, ok := r.uvarint()
	if !ok || fp != uint64(fingerprint) {
		return false
	}
	n, ok := r.uvarint()
	if !ok || n != uint64(len(text)) {
		return false
	}
	if len(r.t)-r.i < 8 {
		return false
	}
	sum := binary.LittleEndian.Uint64([]byte(r.t[r.i : r.i+8]))
	r.i += 8
	return sum == textsum.Sum(text)
}

func (r *tapeReader) uvarint() (uint64, bool) {
	var x uint64
	for s := uint(0); s < 64 && r.i < len(r.t); s += 7 {
		b := r.t[r.i]
		r.i++
		if b < 0x80 {
			return x | uint64(b)<<s, s < 63 || b <= 1
		}
		x |= uint64(b&0x7f) << s
	}
	return 0, false
}

// count reads a number of values, each at least a byte of the tape.
func (r *tapeReader) count() (int, bool) {
	u, ok := r.uvarint()
	if !ok || u > uint64(len(r.t)-r.i) {
		return 0, false
	}
	return int(u), true
}

// length reads the length of a list or map: -1 for nil.
func (r *tapeReader) length() (int, bool) {
	u, ok := r.uvarint()
	if !ok || u > uint64(len(r.t)-r.i)+1 {
		return 0, false
	}
	return int(u) - 1, true
}

func (r *tapeReader) byte() (byte, bool) {
	if r.i >= len(r.t) {
		return 0, false
	}
	r.i++
	return r.t[r.i-1], true
}

// flag reads whether a pointer is set.
func (r *tapeReader) flag() (bool, bool) {
	b, ok := r.byte()
	return b == 1, ok && b <= 1
}

// The readers of values below read one into *v.

func (r *tapeReader) boolean(v *bool) (ok bool) {
	*v, ok = r.flag()
	return ok
}

func (r *tapeReader) str(v *string) bool {
	u, ok := r.uvarint()
	if !ok {
		return false
	}
	n := u >> 1
	if u&1 == 1 { // the bytes follow
		if n > uint64(len(r.t)-r.i) {
			return false
		}
		*v = r.t[r.i : r.i+int(n)]
		r.i += int(n)
		return true
	}
	if n == 0 {
		*v = ""
		return true
	}
	off, ok := r.uvarint()
	if !ok || off > uint64(len(r.text)) || n > uint64(len(r.text))-off {
		return false
	}
	*v = r.text[off : off+n]
	return true
}

func (r *tapeReader) integer(v *int) bool {
	u, ok := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	*v = int(x)
	return ok && int64(int(x)) == x
}

func (r *tapeReader) float(v *float64) bool {
	if len(r.t)-r.i < 8 {
		return false
	}
	var b [8]byte
	copy(b[:], r.t[r.i:])
	r.i += 8
	*v = math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
	return true
}

// anyValue reads what json.Unmarshal decodes into an any.
func (r *tapeReader) anyValue(v *any) (ok bool) {
	*v, ok = r.anyOf()
	return ok
}

// anyOf is anyValue returning the value (read into place, the values of
// a map would each be put on the heap).
func (r *tapeReader) anyOf() (any, bool) {
	tag, ok := r.byte()
	if !ok {
		return nil, false
	}
	switch tag {
	case 0:
		return nil, true
	case 1, 2:
		return tag == 2, true
	case 3:
		var f float64
		ok = r.float(&f)
		return f, ok
	case 4:
		var s string
		ok = r.str(&s)
		return s, ok
	case 5:
		n, ok := r.count()
		if !ok {
			return nil, false
		}
		l := make([]any, n)
		for i := range l {
			if l[i], ok = r.anyOf(); !ok {
				return nil, false
			}
		}
		return l, true
	case 6:
		n, ok := r.count()
		if !ok {
			return nil, false
		}
		m := make(map[string]any, n)
		for range n {
			var k string
			if !r.str(&k) {
				return nil, false
			}
			if _, dup := m[k]; dup {
				return nil, false
			}
			if m[k], ok = r.anyOf(); !ok {
				return nil, false
			}
		}
		return m, true
	}
	return nil, false
}

// pool holds the values of a type a tape has, made at once.
type pool[T any] []T

// size reads the size of the pool and makes it.
func (p *pool[T]) size(r *tapeReader) bool {
	n, ok := r.uvarint()
	if !ok || n > uint64(len(r.t)) {
		return false
	}
	if n > 0 {
		*p = make(pool[T], n)
	}
	return true
}

// one returns the next value.
func (p *pool[T]) one() (*T, bool) {
	if len(*p) == 0 {
		return nil, false
	}
	v := &(*p)[0]
	*p = (*p)[1:]
	return v, true
}

// take returns the next n values, as a list of its own (empty, not nil,
// for none).
func (p *pool[T]) take(n int) ([]T, bool) {
	if n == 0 {
		return []T{}, true
	}
	if n > len(*p) {
		return nil, false
	}
	l := (*p)[:n:n]
	*p = (*p)[n:]
	return l, true
}

// The generated decoder reads pointers, lists and maps with the functions
// below: each reads one into *v, its values (from pool p) by read.

// tapePtr reads a pointer: nil, or a value of p.
func tapePtr[T any](r *tapeReader, v **T, p *pool[T], read func(*T) bool) bool {
	present, ok := r.flag()
	if !present {
		*v = nil
		return ok
	}
	e, ok := p.one()
	if !ok || !read(e) {
		return false
	}
	*v = e
	return true
}

// tapeList reads a list: nil, or n values of p.
func tapeList[T any](r *tapeReader, v *[]T, p *pool[T], read func(*T) bool) bool {
	n, ok := r.length()
	if !ok || n < 0 {
		*v = nil
		return ok
	}
	l, ok := p.take(n)
	if !ok {
		return false
	}
	for i := range l {
		if !read(&l[i]) {
			return false
		}
	}
	*v = l
	return true
}

// tapeListPtr reads a list of pointers (of lp), each as tapePtr does.
func tapeListPtr[T any](r *tapeReader, v *[]*T, lp *pool[*T], p *pool[T], read func(*T) bool) bool {
	n, ok := r.length()
	if !ok || n < 0 {
		*v = nil
		return ok
	}
	l, ok := lp.take(n)
	if !ok {
		return false
	}
	for i := range l {
		if !tapePtr(r, &l[i], p, read) {
			return false
		}
	}
	*v = l
	return true
}

// tapeMap reads a map: nil, or n keys, each with the value read returns
// (returns: read into place, each value would be put on the heap).
func tapeMap[T any](r *tapeReader, v *map[string]T, read func() (T, bool)) bool {
	n, ok := r.length()
	if !ok || n < 0 {
		*v = nil
		return ok
	}
	m := make(map[string]T, n)
	for range n {
		var k string
		if !r.str(&k) {
			return false
		}
		if _, dup := m[k]; dup {
			return false
		}
		e, ok := read()
		if !ok {
			return false
		}
		m[k] = e
	}
	*v = m
	return true
}
