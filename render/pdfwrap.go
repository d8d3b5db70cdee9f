package render

import (
	"math"
	"math/bits"
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
	if s != "" && w.fitsLine(s, wd) {
		return []string{s}
	}
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

// fitsLine reports whether SplitText would return s as a single line: the
// sum of its glyph widths is at most the width SplitText allows. It says
// false when unsure (no font known, a rune without a width), and never
// underestimates a width, so most short cell values skip SplitText's
// conversions to runes and back.
func (w *pdfWriter) fitsLine(s string, wd float64) bool {
	if !w.fontSet {
		return false
	}
	face := faceRegular
	if w.fontStyle == "B" {
		face = faceBold
	}
	tab := w.widths1000[face]
	if tab == nil {
		tab = w.glyphWidths()
		w.widths1000[face] = tab
	}
	_, unit := w.p.GetFontSize()
	// as SplitText computes its limit
	wmax := int(math.Ceil((wd - 2*w.p.GetCellMargin()) * 1000 / unit))
	sum := 0
	for _, r := range s {
		if r >= 0x10000 || tab[r] == 0 {
			return false
		}
		sum += int(tab[r])
		if sum > wmax {
			return false
		}
	}
	return true
}

// glyphWidths returns the width of every rune of the embedded font in the
// current face (1/1000 em), 0 for runes without a glyph. A zero-width glyph
// counts as 65535, as fpdf marks it in SplitText.
func (w *pdfWriter) glyphWidths() []uint16 {
	tab := make([]uint16, 0x10000)
	g := goGlyphs()
	var buf [4]byte
	for i, word := range g {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &^= 1 << b
			r := rune(i*64 + b)
			n := utf8.EncodeRune(buf[:], r)
			gw := w.p.GetStringSymbolWidth(string(buf[:n]))
			switch {
			case gw <= 0 || gw > 65535:
				tab[r] = 65535
			default:
				tab[r] = uint16(gw)
			}
		}
	}
	return tab
}
