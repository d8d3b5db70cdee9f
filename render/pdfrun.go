package render

import (
	"math"
	"strconv"
)

// Faces of the embedded font, as indexes of pdfWriter.drawn.
const (
	faceRegular = 0
	faceBold    = 1
)

// pdfGrey and pdfDark are the fill operators fpdf writes for the grey
// (90) and the dark (20) text colour.
const (
	pdfGreyOp = "0.353 g"
	pdfDarkOp = "0.078 g"
)

// textRun collects the table lines of one face into a single PDF text
// object, written with one raw call instead of one fpdf Text call (and one
// text object) per line. fpdf embeds only the glyphs it has seen drawn, so
// a run takes only lines whose runes fpdf has drawn before in this face
// (see pdfWriter.known); the others go through fpdf.
type textRun struct {
	buf    []byte
	k, h   float64 // points per mm, page height (mm)
	x, y   int64   // line start of the last line (1/100 pt)
	greyOn bool    // the fill colour is grey
	n      int     // lines in the run
}

// start begins a run on the current page; k and h convert mm to points.
func (t *textRun) start(k, h float64) {
	t.buf = append(t.buf[:0], "BT"...)
	t.k, t.h = k, h
	t.x, t.y, t.greyOn, t.n = 0, 0, false, 0
}

// move starts a new line at (x, y) mm, y being the baseline from the top.
func (t *textRun) move(x, y float64) {
	xi := int64(math.Round(x * t.k * 100))
	yi := int64(math.Round((t.h - y) * t.k * 100))
	t.buf = append(t.buf, '\n')
	t.buf = strconv.AppendFloat(t.buf, float64(xi-t.x)/100, 'f', -1, 64)
	t.buf = append(t.buf, ' ')
	t.buf = strconv.AppendFloat(t.buf, float64(yi-t.y)/100, 'f', -1, 64)
	t.buf = append(t.buf, " Td"...)
	t.x, t.y = xi, yi
	t.n++
}

// show draws s at the current point in grey or dark text; the current point
// then follows s, so a value drawn after its label needs no position.
func (t *textRun) show(s string, grey bool) {
	if grey != t.greyOn {
		t.buf = append(t.buf, '\n')
		if grey {
			t.buf = append(t.buf, pdfGreyOp...)
		} else {
			t.buf = append(t.buf, pdfDarkOp...)
		}
		t.greyOn = grey
	}
	t.buf = append(t.buf, " ("...)
	for _, r := range s {
		t.buf = appendEscaped(t.buf, byte(r>>8))
		t.buf = appendEscaped(t.buf, byte(r))
	}
	t.buf = append(t.buf, ")Tj"...)
}

// appendEscaped appends one byte of a PDF literal string.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// finish ends the run, leaving the fill colour dark, and returns the text
// object (empty when the run has no lines).
func (t *textRun) finish() string {
	if t.n == 0 {
		return ""
	}
	if t.greyOn {
		t.buf = append(t.buf, '\n')
		t.buf = append(t.buf, pdfDarkOp...)
	}
	t.buf = append(t.buf, "\nET"...)
	return string(t.buf)
}

// known reports whether fpdf has drawn every rune of s in the face before.
func (w *pdfWriter) known(face int, s string) bool {
	g := &w.drawn[face]
	for _, r := range s {
		if !g.has(r) {
			return false
		}
	}
	return true
}

// text draws s at (x, y) through fpdf, which records its runes for the
// embedded subset of the face.
func (w *pdfWriter) text(face int, x, y float64, s string) {
	w.p.Text(x, y, s)
	g := &w.drawn[face]
	for _, r := range s {
		if r >= 0 && r < 0x10000 {
			g[r/64] |= 1 << (uint(r) % 64)
		}
	}
}
