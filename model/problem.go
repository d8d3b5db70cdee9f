package model

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with an answers file, at a JSON pointer.
type Problem struct {
	Pointer string // JSON pointer, e.g. /answers/providers/2/avv_signed
	Key     string // message key in Msg
	Args    []any
	Line    int // 1-based; 0 when unknown
	Col     int
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

// Format returns all problems in language l, one a line, ordered by position.
func (e *LoadError) Format(l Lang) string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Format(e.File, l)
	}
	return strings.Join(lines, "\n")
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
}

// ptr joins JSON pointer tokens, escaping ~ and /.
func ptr(base string, tokens ...any) string {
	var b strings.Builder
	b.WriteString(base)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(ptrEscape(fmt.Sprint(t)))
	}
	return b.String()
}

// ptrEscape escapes one JSON pointer token (~ and /).
func ptrEscape(s string) string {
	s = strings.ReplaceAll(s, "~", "~0")
	return strings.ReplaceAll(s, "/", "~1")
}
