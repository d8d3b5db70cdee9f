package model

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// positions maps every JSON pointer in a document to the byte offset where its
// value starts, and finds duplicate object keys. It assumes the document has
// already parsed; on malformed input it stops quietly. The map is built on
// first use (see scan): a valid file never needs it.
type positions struct {
	data    []byte
	at      map[string]int
	dups    []dupKey // keys that appeared again in the same object
	i       int
	open    []string // pointers of the values being read, innermost last
	scanned bool
}

// dupKey is a repeated object key: its pointer and the offset of the
// repeated key's value (each repetition is reported where it stands; the
// pointer alone would name the last one every time).
type dupKey struct {
	ptr string
	off int
}

func scanPositions(data []byte) *positions {
	p := &positions{data: data}
	p.scan()
	return p
}

// scan builds the map of positions and the list of repeated keys, once.
func (p *positions) scan() {
	if p.scanned {
		return
	}
	p.scanned = true
	p.at = map[string]int{}
	// Malformed or too deeply nested input: keep what was found.
	defer func() { _ = recover() }()
	p.ws()
	p.value("", 0)
}

// offset returns the offset of pointer ptr, or of its nearest ancestor.
func (p *positions) offset(ptr string) int {
	p.scan()
	for {
		if off, ok := p.at[ptr]; ok {
			return off
		}
		if ptr == "" {
			return 0
		}
		i := len(ptr) - 1
		for i >= 0 && ptr[i] != '/' {
			i--
		}
		if i < 0 {
			return 0
		}
		ptr = ptr[:i]
	}
}

func (p *positions) ws() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

const maxDepth = 200

func (p *positions) value(ptr string, depth int) {
	if depth > maxDepth {
		panic("too deep")
	}
	p.at[ptr] = p.i
	// Pointers are popped only when the value is complete: after a panic
	// on cut-off input, the innermost unfinished value is the last one.
	p.open = append(p.open, ptr)
	done := func() { p.open = p.open[:len(p.open)-1] }
	switch p.data[p.i] {
	case '{':
		p.i++
		p.ws()
		seen := map[string]bool{}
		if p.data[p.i] == '}' {
			p.i++
			done()
			return
		}
		for {
			p.ws()
			key := p.str()
			p.ws()
			p.i++ // ':'
			p.ws()
			child := ptrJoin(ptr, key)
			if seen[key] {
				p.dups = append(p.dups, dupKey{child, p.i})
			}
			seen[key] = true
			p.value(child, depth+1)
			p.ws()
			if p.data[p.i] == ',' {
				p.i++
				continue
			}
			p.i++ // '}'
			done()
			return
		}
	case '[':
		p.i++
		p.ws()
		if p.data[p.i] == ']' {
			p.i++
			done()
			return
		}
		for n := 0; ; n++ {
			p.ws()
			p.value(ptr+"/"+strconv.Itoa(n), depth+1)
			p.ws()
			if p.data[p.i] == ',' {
				p.i++
				continue
			}
			p.i++ // ']'
			done()
			return
		}
	case '"':
		p.str()
		done()
	default:
		for p.i < len(p.data) {
			c := p.data[p.i]
			if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t' {
				done()
				return
			}
			p.i++
		}
	}
}

// str reads a string token and returns its decoded content (escapes other
// than \" \\ \/ are kept raw; keys in answers files are plain IDs).
func (p *positions) str() string {
	p.i++ // opening quote
	start := p.i
	simple := true
	for p.data[p.i] != '"' {
		if p.data[p.i] == '\\' {
			simple = false
			p.i++
		}
		p.i++
	}
	raw := p.data[start:p.i]
	p.i++
	if simple {
		return string(raw)
	}
	s, err := strconv.Unquote(`"` + string(raw) + `"`)
	if err != nil {
		return string(raw)
	}
	return s
}

// syntaxPointer returns the JSON pointer of the innermost value that is
// unfinished just before offset off, the byte where a syntax error was
// found ("" for the top level).
func syntaxPointer(data []byte, off int) string {
	p := &positions{data: data[:min(max(off, 0), len(data))], at: map[string]int{}}
	func() {
		defer func() { _ = recover() }()
		p.ws()
		p.value("", 0)
	}()
	if len(p.open) == 0 {
		return ""
	}
	return p.open[len(p.open)-1]
}

func ptrJoin(base, key string) string { return ptr(base, key) }

// membersDiffer reports whether data, a JSON document that decoded to root,
// holds more object members than root: some key was repeated in its object
// (the decoder keeps the last). Outside strings, every colon of valid JSON
// ends one member's key, so counting colons counts members in one cheap pass.
func membersDiffer(data []byte, root any) bool {
	n := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case ':':
			n++
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		}
	}
	return n != members(root)
}

// members counts the object members in decoded JSON.
func members(x any) int {
	switch v := x.(type) {
	case map[string]any:
		n := len(v)
		for _, e := range v {
			n += members(e)
		}
		return n
	case []any:
		n := 0
		for _, e := range v {
			n += members(e)
		}
		return n
	}
	return 0
}

// lineCols returns the 1-based line and column (counted in characters) of
// every byte offset in offs, in one pass over data however many there are.
func lineCols(data []byte, offs []int) [][2]int {
	order := make([]int, len(offs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return offs[a] - offs[b] })
	out := make([][2]int, len(offs))
	i, line, col := 0, 1, 1
	for _, k := range order {
		off := min(max(offs[k], 0), len(data))
		for ; i < off; i++ {
			switch {
			case data[i] == '\n':
				line, col = line+1, 1
			case utf8.RuneStart(data[i]):
				col++
			}
		}
		out[k] = [2]int{line, col}
	}
	return out
}

// stringCharOffset returns the offset in data of character n (0-based,
// counted in the decoded text) of the JSON string that starts at off, or off
// when data holds no string there. An escape (\n, \u001b, a surrogate pair)
// counts as the one character it stands for.
func stringCharOffset(data []byte, off, n int) int {
	if off >= len(data) || data[off] != '"' {
		return off
	}
	i := off + 1
	for count := 0; i < len(data) && data[i] != '"'; count++ {
		if count == n {
			return i
		}
		switch {
		case data[i] != '\\':
			_, size := utf8.DecodeRune(data[i:])
			i += size
		case i+1 < len(data) && data[i+1] == 'u':
			i += 6
			// A surrogate pair is one character.
			if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' && isHighSurrogate(data[i-4:i]) {
				i += 6
			}
		default:
			i += 2
		}
	}
	return min(i, len(data))
}

// isHighSurrogate reports whether the four hex digits h encode a high
// surrogate (D800-DBFF).
func isHighSurrogate(h []byte) bool {
	v, err := strconv.ParseUint(string(h), 16, 16)
	return err == nil && v >= 0xD800 && v <= 0xDBFF
}
