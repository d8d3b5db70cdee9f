package model

import "strconv"

// positions maps every JSON pointer in a document to the byte offset where its
// value starts, and finds duplicate object keys. It assumes the document has
// already parsed; on malformed input it stops quietly.
type positions struct {
	data []byte
	at   map[string]int
	dups []string // pointers of keys that appeared twice
	i    int
}

func scanPositions(data []byte) (p *positions) {
	p = &positions{data: data, at: map[string]int{}}
	// Malformed or too deeply nested input: keep what was found. The named
	// result keeps p when a panic is recovered (an unnamed one returns nil).
	defer func() { _ = recover() }()
	p.ws()
	p.value("", 0)
	return p
}

// offset returns the offset of pointer ptr, or of its nearest ancestor.
func (p *positions) offset(ptr string) int {
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
	switch p.data[p.i] {
	case '{':
		p.i++
		p.ws()
		seen := map[string]bool{}
		if p.data[p.i] == '}' {
			p.i++
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
				p.dups = append(p.dups, child)
			}
			seen[key] = true
			p.value(child, depth+1)
			p.ws()
			if p.data[p.i] == ',' {
				p.i++
				continue
			}
			p.i++ // '}'
			return
		}
	case '[':
		p.i++
		p.ws()
		if p.data[p.i] == ']' {
			p.i++
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
			return
		}
	case '"':
		p.str()
	default:
		for p.i < len(p.data) {
			c := p.data[p.i]
			if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t' {
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

func ptrJoin(base, key string) string { return ptr(base, key) }
