package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Problem is one thing wrong with an answers file, at a JSON pointer.
type Problem struct {
	Pointer string // JSON pointer, e.g. /answers/providers/2/avv_signed
	Key     string // message key in Msg
	Args    []any
	Line    int // 1-based; 0 when unknown
	Col     int
	// char, when positive, places the problem at that character (1-based)
	// of the string value at Pointer rather than at the value's start.
	char int
}

// Message returns the problem's text in language l, without position.
func (p Problem) Message(l Lang) string { return Msg.Get(l, p.Key, p.Args...) }

// Format returns "file:line:col: /pointer: message".
func (p Problem) Format(file string, l Lang) string {
	var b strings.Builder
	b.WriteString(file)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": ")
	if p.Pointer != "" {
		b.WriteString(p.Pointer)
		b.WriteString(": ")
	}
	b.WriteString(p.Message(l))
	return b.String()
}

// LoadError reports why an answers file was refused: every problem, one a line.
type LoadError struct {
	File     string
	Problems []Problem
	// Lang is the language Error uses; the zero value is German.
	Lang Lang
}

func (e *LoadError) Error() string { return e.Format(e.Lang) }

// MaxListed is how many problems a LoadError lists; the rest are counted.
const MaxListed = 100

// Format returns the problems in language l, one a line, ordered by
// position: the first MaxListed, then a line saying how many more there are.
func (e *LoadError) Format(l Lang) string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i == MaxListed {
			b.WriteString("\n" + e.File + ": " + Msg.Get(l, "more_problems", len(e.Problems)-MaxListed))
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Format(e.File, l))
	}
	return b.String()
}

func sortProblems(ps []Problem) {
	// Sort indexes (cheap to swap), keeping equal positions in their order.
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(ps[a].Line, ps[b].Line), cmp.Compare(ps[a].Col, ps[b].Col), cmp.Compare(a, b))
	})
	sorted := make([]Problem, len(ps))
	for i, k := range order {
		sorted[i] = ps[k]
	}
	copy(ps, sorted)
}

// ptr joins JSON pointer tokens, escaping ~ and /.
func ptr(base string, tokens ...any) string {
	var b strings.Builder
	b.WriteString(base)
	for _, t := range tokens {
		b.WriteByte('/')
		switch t := t.(type) {
		case string:
			b.WriteString(ptrEscape(t))
		case int:
			b.WriteString(strconv.Itoa(t))
		default:
			b.WriteString(ptrEscape(fmt.Sprint(t)))
		}
	}
	return b.String()
}

// ptrEscape escapes one JSON pointer token (~ and /).
func ptrEscape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	s = strings.ReplaceAll(s, "~", "~0")
	return strings.ReplaceAll(s, "/", "~1")
}
