package render

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// splitLines wraps one paragraph (no newlines) to width wd in the current
// font. fpdf's SplitText breaks only at spaces and cuts a word that is too
// long anywhere ("Datenschutz-Manage" / "ment"); when that happens in text
// with a hyphen, the paragraph is wrapped again with breaks allowed after
// the hyphens of compound words ("Datenschutz-" / "Management").
func (w *pdfWriter) splitLines(s string, wd float64) []string {
	ls := w.splitText(s, wd)
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

// splitText breaks s into lines of width wd in the current font as fpdf's
// SplitText does (at the last space before a line is full; a word that is
// wider than the line alone is cut where it overflows), but on the bytes of
// s with the face's width table: the lines are substrings of s, and no rune
// slice or width lookup through fpdf is made per call. Text with a rune the
// table does not know goes to fpdf.
func (w *pdfWriter) splitText(s string, wd float64) []string {
	tab := w.widthTable()
	if tab == nil {
		return w.p.SplitText(s, wd)
	}
	_, unit := w.p.GetFontSize()
	// the limit as SplitText computes it (1/1000 of the font size)
	wmax := int(math.Ceil((wd - 2*w.p.GetCellMargin()) * 1000 / unit))
	s = strings.TrimRight(s, "\n")
	var lines []string
	start, width, brk := 0, 0, -1 // the line's start, its width, its last space
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || r >= rune(len(tab)) {
				return w.p.SplitText(s, wd)
			}
		}
		if r != '\n' {
			cw := tab[r]
			if cw == 0 {
				return w.p.SplitText(s, wd)
			}
			width += int(cw)
		}
		// SplitText also breaks after (dropping) a CJK ideograph
		if unicode.IsSpace(r) || r >= 0x4e00 && r <= 0x9fa5 {
			brk = i
		}
		if r != '\n' && width <= wmax {
			i += n
			continue
		}
		switch {
		case brk >= 0: // break at the space, which no line keeps
			lines = append(lines, s[start:brk])
			_, bn := utf8.DecodeRuneInString(s[brk:])
			i = brk + bn
		case i == start: // a rune wider than the line goes alone
			i += n
			lines = append(lines, s[start:i])
		default:
			lines = append(lines, s[start:i])
		}
		start, width, brk = i, 0, -1
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// pdfWidthTabs hold per face (regular, bold, italic) the width fpdf's
// SplitText counts for each BMP rune the face maps (1/1000 em; 65535 for a
// glyph of no width, as fpdf marks it), 0 for the others. Every document
// embeds the same fonts, so each table is made once per process, from the
// first writer that needs it.
var pdfWidthTabs [3]struct {
	once sync.Once
	tab  []uint16
}

// widthTable returns the width table of the current face; nil when the
// writer's fpdf does not embed pdfFaces (only tests make such writers) or
// no face is selected.
func (w *pdfWriter) widthTable() []uint16 {
	if !w.sharedWidths || !w.fontSet {
		return nil
	}
	var face int
	switch w.fontStyle {
	case "":
		face = 0
	case "B":
		face = 1
	case "I":
		face = 2
	default:
		return nil
	}
	t := &pdfWidthTabs[face]
	t.once.Do(func() { t.tab = w.glyphWidths(pdfFaces()[face]) })
	return t.tab
}

// glyphWidths reads from fpdf the widths of the runes the TrueType font ttf
// maps, which must be the current face.
func (w *pdfWriter) glyphWidths(ttf []byte) []uint16 {
	tab := make([]uint16, 0x10000)
	var buf [4]byte
	cmapRunes(ttf, func(r rune) {
		if r == 0 || r >= 0xffff {
			return
		}
		// For a rune the font maps, fpdf's width is its glyph's advance,
		// or 65535 for none, which GetStringSymbolWidth counts as 0.
		gw := w.p.GetStringSymbolWidth(string(buf[:utf8.EncodeRune(buf[:], r)]))
		switch {
		case gw == 0:
			tab[r] = 65535
		case gw > 0 && gw < 65535:
			tab[r] = uint16(gw)
		}
	})
	return tab
}
