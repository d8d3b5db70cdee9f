package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Lang is a language of the interface and the document.
type Lang string

// The supported languages. German is the default.
const (
	De Lang = "de"
	En Lang = "en"
)

// ParseLang accepts "de" or "en" (any case, with or without a region such as
// "de_DE.UTF-8") and returns the language; "" gives German.
func ParseLang(s string) (Lang, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-."); i > 0 {
		s = s[:i]
	}
	switch s {
	case "", "de":
		return De, nil
	case "en":
		return En, nil
	}
	return De, fmt.Errorf("unknown language %q (de or en)", s)
}

// Text is one user-facing string in German and English.
type Text struct {
	De string `json:"de"`
	En string `json:"en"`
}

// In returns the text in language l, falling back to German.
func (t Text) In(l Lang) string {
	if l == En && t.En != "" {
		return t.En
	}
	return t.De
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.De == "" && t.En == "" }

// Messages is a table of user-facing strings, keyed by a stable message key.
// Every package keeps its own table; values are format strings for fmt.Sprintf.
type Messages map[string]Text

// Get returns message key in language l, formatted with args. A missing key
// returns the key itself so that a gap is visible rather than silent.
func (m Messages) Get(l Lang, key string, args ...any) string {
	t, ok := m[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return t.In(l)
	}
	return sprintf(t.In(l), args)
}

// sprintf is fmt.Sprintf(format, args...), formatted here for the verbs
// most messages use, %s with a string and %d with an int, and by fmt for
// anything else (other verbs, flags, widths, other types, a count of
// arguments that does not match).
func sprintf(format string, args []any) string {
	// First check that every verb is one of the two with its type, and
	// count the bytes; only then write.
	size, next := len(format), 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 >= len(format) || next >= len(args) {
			return fmt.Sprintf(format, args...)
		}
		switch format[i+1] {
		case 's':
			s, ok := args[next].(string)
			if !ok {
				return fmt.Sprintf(format, args...)
			}
			size += len(s)
		case 'd':
			if _, ok := args[next].(int); !ok {
				return fmt.Sprintf(format, args...)
			}
			size += 20
		default:
			return fmt.Sprintf(format, args...)
		}
		next++
		i++
	}
	if next != len(args) {
		return fmt.Sprintf(format, args...)
	}
	var b strings.Builder
	b.Grow(size)
	var num [20]byte
	next = 0
	for rest := format; ; {
		i := strings.IndexByte(rest, '%')
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		switch x := args[next].(type) {
		case string:
			b.WriteString(x)
		case int:
			b.Write(strconv.AppendInt(num[:0], int64(x), 10))
		}
		next++
		rest = rest[i+2:]
	}
	return b.String()
}

// Count formats key with n last among args, using key+"_one" when n is 1
// and the table has it ("1 Eintrag", not "1 Einträge").
func (m Messages) Count(l Lang, key string, n int, args ...any) string {
	if _, ok := m[key+"_one"]; ok && n == 1 {
		key += "_one"
	}
	return m.Get(l, key, append(args, n)...)
}
