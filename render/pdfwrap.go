package render

import (
	"encoding/binary"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// pdfMeasure measures and wraps text in one face at one size as fpdf does
// with that font selected: with the face's metrics, so that no fpdf call is
// made (and table rows can be laid out on another goroutine), or through
// fpdf when there are none (a writer whose fpdf does not embed pdfFaces;
// only tests make such writers).
type pdfMeasure struct {
	m      *pdfMetrics
	unit   float64    // the font size (mm)
	margin float64    // the cell margin (mm)
	p      *fpdf.Fpdf // used when m is nil; has the font selected
}

// width is fpdf's GetStringWidth.
func (ms pdfMeasure) width(s string) float64 {
	if ms.m == nil {
		return ms.p.GetStringWidth(s)
	}
	w := 0
	for _, r := range s {
		switch cw := ms.m.cw[uint16(r)]; {
		case r > 0xffff || cw == 0:
			w += ms.m.missing
		case cw != 65535:
			w += int(cw)
		}
	}
	return float64(w) * ms.unit / 1000
}

// split wraps sanitised text to width wd; at least one line.
func (ms pdfMeasure) split(s string, wd float64) []string {
	s = PDFSanitize(s)
	if !strings.Contains(s, "\n") {
		return ms.wrap(s, wd)
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, ms.wrap(para, wd)...)
	}
	return out
}

// wrap wraps one paragraph of sanitised text; at least one line.
func (ms pdfMeasure) wrap(s string, wd float64) []string {
	ls := ms.splitLines(s, wd)
	if len(ls) == 0 {
		return []string{""}
	}
	return ls
}

// splitLines wraps one paragraph (no newlines) to width wd. fpdf's
// SplitText breaks only at spaces and cuts a word that is too long
// anywhere ("Datenschutz-Manage" / "ment"); when that happens in text with
// a hyphen, the paragraph is wrapped again with breaks allowed after the
// hyphens of compound words ("Datenschutz-" / "Management").
func (ms pdfMeasure) splitLines(s string, wd float64) []string {
	ls := ms.splitText(s, wd)
	if len(ls) < 2 || !strings.Contains(s, "-") || !forcedBreak(s, ls) {
		return ls
	}
	return ms.wrapHyphens(s, wd)
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
func (ms pdfMeasure) wrapHyphens(s string, wd float64) []string {
	avail := wd - 2*ms.margin
	spaceW := ms.width(" ")
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
			pw := ms.width(p)
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
				n, cw := ms.fitRunes(p, avail)
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
func (ms pdfMeasure) fitRunes(s string, wd float64) (int, float64) {
	total := 0.0
	for i, r := range s {
		rw := ms.width(string(r))
		if i > 0 && total+rw > wd {
			return i, total
		}
		total += rw
	}
	return len(s), total
}

// splitText breaks s into lines of width wd as fpdf's SplitText does (at
// the last space before a line is full; a word that is wider than the line
// alone is cut where it overflows), but on the bytes of s with the face's
// metrics: the lines are substrings of s, and no rune slice is made. (On
// invalid UTF-8, which PDFSanitize never returns, a line keeps the bytes
// where SplitText has U+FFFD.)
func (ms pdfMeasure) splitText(s string, wd float64) []string {
	if ms.m == nil {
		return ms.p.SplitText(s, wd)
	}
	cws := ms.m.cw
	// the limit as SplitText computes it (1/1000 of the font size)
	wmax := int(math.Ceil((wd - 2*ms.margin) * 1000 / ms.unit))
	s = strings.TrimRight(s, "\n")
	var lines []string
	start, width, brk := 0, 0, -1 // the line's start, its width, its last space
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r != '\n' {
			width += int(cws[uint16(r)]) // fpdf counts 0 for runes the face lacks
		}
		// SplitText also breaks after (dropping) a CJK ideograph
		if r == ' ' || r >= utf8.RuneSelf && (unicode.IsSpace(r) || r >= 0x4e00 && r <= 0x9fa5) || r >= '\t' && r <= '\r' {
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

// pdfMetrics is what the writer needs of a face to measure text as fpdf
// does: the width fpdf's font parser gives each BMP rune (1/1000 em,
// rounded; 65535 for a glyph without advance; 0 for runes the face does
// not map) and the width it counts for those in GetStringWidth.
type pdfMetrics struct {
	cw      []uint16
	missing int
}

// pdfFaceMetrics are the metrics of pdfFaces (nil for a face that cannot be
// read), made once per process from the font files the way fpdf's parser
// computes them; TestPDFMetricsAgreeWithFpdf compares them rune by rune.
var pdfFaceMetrics = sync.OnceValue(func() [3]*pdfMetrics {
	var out [3]*pdfMetrics
	for i, ttf := range pdfFaces() {
		out[i] = ttfMetrics(ttf)
	}
	return out
})

// faceMetrics returns the metrics of a style ("", "B", "I"), nil if none.
func faceMetrics(style string) *pdfMetrics {
	switch style {
	case "":
		return pdfFaceMetrics()[0]
	case "B":
		return pdfFaceMetrics()[1]
	case "I":
		return pdfFaceMetrics()[2]
	}
	return nil
}

// ttfMetrics reads the metrics of a TrueType font: the advance of each
// mapped glyph from hmtx (the last long metric for glyphs after them),
// scaled to 1000 units per em and rounded, as fpdf does; nil if a table is
// missing or short.
func ttfMetrics(ttf []byte) *pdfMetrics {
	tables := map[string][2]int{}
	if len(ttf) < 12 {
		return nil
	}
	for i := range int(binary.BigEndian.Uint16(ttf[4:])) {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil
		}
		off, n := int(binary.BigEndian.Uint32(ttf[rec+8:])), int(binary.BigEndian.Uint32(ttf[rec+12:]))
		if off < 0 || n < 0 || off+n > len(ttf) {
			return nil
		}
		tables[string(ttf[rec:rec+4])] = [2]int{off, n}
	}
	head, hhea, hmtx, maxp := tables["head"], tables["hhea"], tables["hmtx"], tables["maxp"]
	if head[1] < 20 || hhea[1] < 36 || maxp[1] < 6 {
		return nil
	}
	upem := int(binary.BigEndian.Uint16(ttf[head[0]+18:]))
	nLong := int(binary.BigEndian.Uint16(ttf[hhea[0]+34:]))
	glyphs := int(binary.BigEndian.Uint16(ttf[maxp[0]+4:]))
	if upem == 0 || nLong == 0 || 4*nLong > hmtx[1] {
		return nil
	}
	scale := 1000.0 / float64(upem)
	advance := func(g int) int {
		return int(binary.BigEndian.Uint16(ttf[hmtx[0]+4*min(g, nLong-1):]))
	}
	m := &pdfMetrics{cw: make([]uint16, 0x10000)}
	if !cmapGlyphs(ttf, func(r rune, g int) {
		if g >= glyphs {
			return
		}
		a := advance(g)
		if g < nLong && a >= 1<<15 {
			a = 0
		}
		if w := int(math.Round(scale * float64(a))); w == 0 || w > 65535 {
			m.cw[r] = 65535
		} else {
			m.cw[r] = uint16(w)
		}
	}) {
		return nil
	}
	a := advance(0)
	if a >= 1<<15 {
		a = 0
	}
	m.missing = int(math.Floor(scale*float64(a) + 0.5))
	if m.missing == 0 {
		m.missing = 500 // as GetStringWidth counts without a default width
	}
	return m
}
