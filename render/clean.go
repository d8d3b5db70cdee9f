package render

import (
	"math/bits"
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

// isClean reports whether clean would return s unchanged, without allocating:
// valid UTF-8 without control characters (other than line feeds) or line
// separators, no space before a line feed, no space or line feed at either
// end.
func isClean(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	n := len(s)
	if n == 0 {
		return true
	}
	if s[0] == ' ' || s[0] == '\n' || s[n-1] == ' ' || s[n-1] == '\n' {
		return false
	}
	for i := 0; i < n; {
		if i+8 <= n {
			// Eight bytes tested together: none below 0x20, none above 0x7e.
			t := s[i : i+8]
			x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			m := ((x-ones*0x20)&^x | (x + ones | x)) & highs
			if m == 0 {
				i += 8 // printable ASCII
				continue
			}
			// The lowest byte marked is the first that is not printable
			// ASCII (a borrow or carry only marks bytes above it): the
			// bytes before it need no second look.
			i += bits.TrailingZeros64(m) / 8
		}
		c := s[i]
		if c-0x20 < 0x7f-0x20 {
			i++ // printable ASCII, most text
			continue
		}
		if c < utf8.RuneSelf {
			// a line feed after a space, another C0 control, DEL
			if c != '\n' || s[i-1] == ' ' {
				return false
			}
			i++
			continue
		}
		if c >= 0xc2 && c <= 0xdf && i+1 < n && s[i+1]&0xc0 == 0x80 {
			// Two bytes (umlauts, ß): U+0080 to U+07FF, of which only
			// the C1 controls (0xc2, then below 0xa0) are not kept.
			if c == 0xc2 && s[i+1] < 0xa0 {
				return false
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false // invalid UTF-8
		case r < 0xa0: // C1 controls
			return false
		case r == '\u2028' || r == '\u2029':
			return false
		}
		i += size
	}
	return true
}
