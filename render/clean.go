package render

import (
	"strings"
	"unicode/utf8"
)

// clean normalises user text once, for every format: valid UTF-8, line breaks
// as "\n", tabs as spaces, no other control characters, no trailing spaces on
// a line, no blank lines at either end. Everything else (markup characters,
// emoji, bidi marks, soft hyphens) is kept; each writer escapes or maps it.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// other control characters carry nothing readable
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	out := strings.Join(lines, "\n")
	return strings.Trim(out, "\n ")
}
