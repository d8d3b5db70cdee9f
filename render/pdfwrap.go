package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitLines wraps one paragraph (no newlines) to width wd in the current
// font. fpdf's SplitText breaks only at spaces and cuts a word that is too
// long anywhere ("Datenschutz-Manage" / "ment"); when that happens in text
// with a hyphen, the paragraph is wrapped again with breaks allowed after
// the hyphens of compound words ("Datenschutz-" / "Management").
func (w *pdfWriter) splitLines(s string, wd float64) []string {
	ls := w.p.SplitText(s, wd)
	if len(ls) < 2 || !strings.Contains(s, "-") || !forcedBreak(s, ls) {
		return ls
	}
	return w.wrapHyphens(s, wd)
}

// forcedBreak reports whether SplitText cut s inside a word: some line is
// followed directly by text instead of the space it broke at.
func forcedBreak(s string, ls []string) bool {
	pos := 0
	for _, l := range ls[:len(ls)-1] {
		if !strings.HasPrefix(s[pos:], l) {
			return false // not the layout we expect; keep fpdf's lines
		}
		pos += len(l)
		r, n := utf8.DecodeRuneInString(s[pos:])
		if n == 0 || !unicode.IsSpace(r) {
			return true
		}
		pos += n
	}
	return false
}

// hyphenPieces splits a word after each hyphen that joins two letters or
// digits: "IT-Dienstleister" → "IT-", "Dienstleister".
func hyphenPieces(word string) []string {
	var out []string
	start := 0
	var prev rune
	for i, r := range word {
		if prev == '-' && i-1 > start {
			before, _ := utf8.DecodeLastRuneInString(word[:i-1])
			if isWordRune(before) && isWordRune(r) {
				out = append(out, word[start:i])
				start = i
			}
		}
		prev = r
	}
	return append(out, word[start:])
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wrapHyphens is a greedy line breaker over space-separated words that may
// also break after the hyphens of a compound word, and cuts a piece that is
// wider than the line on its own at the last rune that fits.
func (w *pdfWriter) wrapHyphens(s string, wd float64) []string {
	avail := wd - 2*w.p.GetCellMargin()
	spaceW := w.p.GetStringWidth(" ")
	var lines []string
	var cur strings.Builder
	curW := 0.0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
	}
	for _, word := range strings.Split(s, " ") {
		for pi, p := range hyphenPieces(word) {
			pw := w.p.GetStringWidth(p)
			sep := 0.0
			if pi == 0 && cur.Len() > 0 {
				sep = spaceW
			}
			if cur.Len() == 0 || curW+sep+pw <= avail {
				if sep > 0 {
					cur.WriteByte(' ')
				}
				if cur.Len() > 0 || pw <= avail {
					cur.WriteString(p)
					curW += sep + pw
					continue
				}
			} else {
				flush()
			}
			// p starts a line; cut it while it is too wide.
			for pw > avail {
				n, cw := w.fitRunes(p, avail)
				lines = append(lines, p[:n])
				p = p[n:]
				pw -= cw
			}
			cur.WriteString(p)
			curW = pw
		}
	}
	if cur.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// fitRunes returns the byte length and width of the longest prefix of s
// (at least one rune) that fits in wd.
func (w *pdfWriter) fitRunes(s string, wd float64) (int, float64) {
	total := 0.0
	for i, r := range s {
		rw := w.p.GetStringWidth(string(r))
		if i > 0 && total+rw > wd {
			return i, total
		}
		total += rw
	}
	return len(s), total
}
