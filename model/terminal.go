package model

import (
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Text from an answers file, a catalogue, a file name or the scanned system
// reaches the terminal only through TerminalSafe (or TerminalWriter), so
// that no escape sequence in it is obeyed. Characters a terminal would act
// on are shown in a visible form instead:
//
//   - C0 controls other than line feed and tab, and DEL: \x1b, \x07, \x08,
//     \r, … (a backslash, "x" and two hex digits);
//   - C1 controls U+0080–U+009F (such as U+009B, the one-character CSI):
//     \u009b (a backslash, "u" and four hex digits);
//   - bidirectional formatting characters (U+061C, U+200E, U+200F,
//     U+202A–U+202E, U+2066–U+2069) and the Unicode line and paragraph
//     separators U+2028, U+2029: <U+202E>;
//   - bytes that are not UTF-8: U+FFFD.
//
// Everything else, including non-Latin letters, emoji and the backslash,
// is kept as it is.

// TerminalSafe returns s with every character a terminal would obey shown
// visibly (see above); line feeds and tabs are kept.
func TerminalSafe(s string) string { return terminalSafe(s, false) }

// TerminalLine is TerminalSafe for text that must stay on one line (a name,
// a file name): a line feed is shown as \n as well.
func TerminalLine(s string) string { return terminalSafe(s, true) }

// isTerminalSafe reports whether r can go to a terminal as it is. A line
// feed counts as safe unless oneLine.
func isTerminalSafe(r rune, oneLine bool) bool {
	switch {
	case r == '\n':
		return !oneLine
	case r == '\t':
		return true
	case r < 0x20 || r == 0x7f:
		return false
	case r < 0x80:
		return true
	case r <= 0x9f:
		return false
	case r == utf8.RuneError:
		return true // a real U+FFFD; invalid bytes are caught by the caller
	}
	return !isFormatControl(r)
}

// isFormatControl reports the bidirectional formatting characters and the
// line and paragraph separators.
func isFormatControl(r rune) bool {
	return r == 0x2028 || r == 0x2029 || IsBidiControl(r)
}

// IsBidiControl reports whether r is a bidirectional formatting character
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which a terminal or
// browser obeys: an override can show a name reversed. Every output that
// shows user text either drops such characters or shows BidiMark instead.
func IsBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// BidiMark is the visible form of a format control r: "<U+202E>", as
// TerminalSafe shows it.
func BidiMark(r rune) string {
	var b strings.Builder
	writeMark(&b, r)
	return b.String()
}

func writeMark(b *strings.Builder, r rune) {
	b.WriteString("<U+")
	writeHex(b, r, 4, upperHex)
	b.WriteByte('>')
}

func terminalSafe(s string, oneLine bool) string {
	i := safeLen(s, oneLine)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		writeTerminalRune(&b, r, oneLine)
	}
	return b.String()
}

// safeLen returns the length of the longest start of s that can go to a
// terminal as it is (see isTerminalSafe; bytes that are not UTF-8 cannot).
func safeLen(s string, oneLine bool) int {
	i := 0
	for i < len(s) {
		i += printableLen(s[i:])
		if i == len(s) {
			break
		}
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' && !oneLine {
			i++
			continue
		}
		if c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			// A two-byte sequence (umlauts, ß): safe from U+00A0 on but
			// for U+061C.
			if r := rune(c&0x1f)<<6 | rune(s[i+1]&0x3f); r >= 0xa0 && r != 0x061c {
				i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !isTerminalSafe(r, oneLine) {
			break
		}
		i += n
	}
	return i
}

// writeTerminalRune writes r, or its visible form, to b.
func writeTerminalRune(b *strings.Builder, r rune, oneLine bool) {
	switch {
	case isTerminalSafe(r, oneLine):
		b.WriteRune(r)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r < 0x80:
		b.WriteString(`\x`)
		writeHex(b, r, 2, lowerHex)
	case r <= 0x9f:
		b.WriteString(`\u`)
		writeHex(b, r, 4, lowerHex)
	default:
		writeMark(b, r)
	}
}

const (
	lowerHex = "0123456789abcdef"
	upperHex = "0123456789ABCDEF"
)

// writeHex writes r as n hex digits (r < 1<<(4*n)).
func writeHex(b *strings.Builder, r rune, n int, digits string) {
	for i := n - 1; i >= 0; i-- {
		b.WriteByte(digits[(r>>(4*i))&0xf])
	}
}

// TerminalWriter returns a writer that passes everything through
// TerminalSafe to w. A UTF-8 sequence split across two writes is joined
// first; it reports len(p) written when w took the safe form whole.
func TerminalWriter(w io.Writer) io.Writer { return &terminalWriter{w: w} }

type terminalWriter struct {
	w    io.Writer
	part []byte // the start of a UTF-8 sequence the last write ended in
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	buf := p
	if len(t.part) > 0 {
		buf = append(t.part, p...)
		t.part = nil
	}
	// Keep back an incomplete sequence at the end for the next write.
	for k := 1; k <= utf8.UTFMax-1 && k <= len(buf); k++ {
		if utf8.RuneStart(buf[len(buf)-k]) {
			if !utf8.FullRune(buf[len(buf)-k:]) {
				t.part = append([]byte(nil), buf[len(buf)-k:]...)
				buf = buf[:len(buf)-k]
			}
			break
		}
	}
	// Text that is safe as it is (nearly all) goes out without a copy.
	var err error
	// (The string shares buf's bytes only for the call.)
	if safeLen(unsafe.String(unsafe.SliceData(buf), len(buf)), false) == len(buf) {
		_, err = t.w.Write(buf)
	} else {
		_, err = io.WriteString(t.w, TerminalSafe(string(buf)))
	}
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// JSONTerminalSafe makes encoded JSON safe for a terminal without changing
// what it decodes to: the characters TerminalSafe would show visibly, which
// in valid JSON can only stand inside strings, are written as \u escapes
// (JSON's own white space — line feed, tab, carriage return — is kept).
// Bytes that are not UTF-8 become U+FFFD.
func JSONTerminalSafe(data []byte) []byte {
	clean := true
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 || !jsonSafe(r) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return data
	}
	var b strings.Builder
	b.Grow(len(data) + 16)
	for _, r := range string(data) {
		if !jsonSafe(r) {
			b.WriteString(`\u`)
			writeHex(&b, r, 4, lowerHex)
			continue
		}
		b.WriteRune(r)
	}
	return []byte(b.String())
}

// jsonSafe reports whether r can stand in JSON for a terminal as it is.
func jsonSafe(r rune) bool { return r == '\r' || isTerminalSafe(r, false) }
