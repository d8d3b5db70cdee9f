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
	if isClean(s) {
		return s
	}
	return cleanSlow(s)
}

// cleanSlow is clean without the check for text that is already clean.
func cleanSlow(s string) string {
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

// isClean reports whether clean would return s unchanged, without allocating.
func isClean(s string) bool {
	n := len(s)
	if n == 0 {
		return true
	}
	if s[0] == ' ' || s[0] == '\n' || s[n-1] == ' ' || s[n-1] == '\n' {
		return false
	}
	ascii := true
	for i := 0; i < n; i++ {
		c := s[i]
		switch {
		case c == '\n':
			if s[i-1] == ' ' {
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		case c == 0xc2:
			// U+0080 to U+009F (C1 controls) are C2 80 to C2 9F
			if i+1 < n && s[i+1] < 0xa0 {
				return false
			}
			ascii = false
		case c == 0xe2:
			// U+2028 and U+2029 are E2 80 A8 and E2 80 A9
			if i+2 < n && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				return false
			}
			ascii = false
		case c >= 0x80:
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s)
}
