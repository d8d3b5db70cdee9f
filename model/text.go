package model

import (
	"fmt"
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
	return fmt.Sprintf(t.In(l), args...)
}

// Count formats key with n last among args, using key+"_one" when n is 1
// and the table has it ("1 Eintrag", not "1 Einträge").
func (m Messages) Count(l Lang, key string, n int, args ...any) string {
	if _, ok := m[key+"_one"]; ok && n == 1 {
		key += "_one"
	}
	return m.Get(l, key, append(args, n)...)
}
