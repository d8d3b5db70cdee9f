package render

import (
	"bytes"
	"strings"
)

// mdInline escapes user text for GitHub-flavoured Markdown so that it reads
// back as exactly the same text: no emphasis, link, HTML, heading, list or
// table syntax survives. Line breaks become sep: "<br>" in table cells, or a
// hard break ("\\\n" plus the indent that keeps a list item together).
func mdInline(s, sep string) string {
	if s == "" {
		return ""
	}
	var b bytes.Buffer
	b.Grow(len(s) + len(s)/8)
	mdWrite(&b, s, sep)
	return b.String()
}

// mdWrite is mdInline writing into b.
func mdWrite(b *bytes.Buffer, s, sep string) {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			mdLine(b, s)
			return
		}
		mdLine(b, s[:i])
		b.WriteString(sep)
		s = s[i+1:]
	}
}

// MDText escapes text for a paragraph (newlines become hard breaks).
func MDText(s string) string { return mdInline(clean(s), "\\\n") }

// mdLine escapes one line of text.
func mdLine(b *bytes.Buffer, l string) {
	// Leading spaces would be stripped (or start a code block): the first
	// one becomes an entity, so that the rest are no longer leading.
	if strings.HasPrefix(l, " ") {
		b.WriteString("&#32;")
		l = l[1:]
	}
	// Block syntax at the start of a line: headings, list markers, rules
	// and setext underlines. Text such as "28.11.2026" or "-ish" is left alone.
	if l != "" {
		spaceAfter := func(i int) bool { return i >= len(l) || l[i] == ' ' }
		switch c := l[0]; {
		case c == '#' || c == '=':
			b.WriteByte('\\')
			b.WriteByte(c)
			l = l[1:]
		case (c == '-' || c == '+') && (spaceAfter(1) || strings.Trim(l, string(c)+" ") == ""):
			b.WriteByte('\\')
			b.WriteByte(c)
			l = l[1:]
		default:
			if n := leadingDigits(l); n > 0 && n <= 9 && n < len(l) && (l[n] == '.' || l[n] == ')') && spaceAfter(n+1) {
				b.WriteString(l[:n])
				b.WriteByte('\\')
				b.WriteByte(l[n])
				l = l[n+1:]
			}
		}
	}
	// Plain bytes are copied in runs; only the bytes that need escaping are
	// written one by one.
	start := 0
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !mdSpecial[c] {
			continue
		}
		b.WriteString(l[start:i])
		start = i + 1
		switch {
		case c == '\\' && i == len(l)-1:
			// goldmark misreads an escaped backslash before a hard break
			// (backslash, backslash, backslash, newline); an entity avoids that.
			b.WriteString("&#92;")
		case c == '&':
			if entityAt(l[i:]) {
				b.WriteString("&amp;")
			} else {
				b.WriteByte('&')
			}
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	b.WriteString(l[start:])
}

// mdSpecial marks the bytes mdLine escapes.
var mdSpecial = [256]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true, '<': true, '>': true, '|': true, '~': true, '&': true}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// entityAt reports whether s starts with something a Markdown parser would
// read as a character reference (&name; &#123; &#x1F;).
func entityAt(s string) bool {
	if len(s) < 3 || s[0] != '&' {
		return false
	}
	i := 1
	if s[i] == '#' {
		i++
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			i++
		}
		start := i
		for i < len(s) && isAlnum(s[i]) {
			i++
		}
		return i > start && i < len(s) && s[i] == ';'
	}
	start := i
	for i < len(s) && isAlnum(s[i]) {
		i++
	}
	return i > start && i < len(s) && s[i] == ';'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
