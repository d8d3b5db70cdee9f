package render

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
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

// pdfRowOps are the operators fpdf writes for a table row's
// SetDrawColor(170, 170, 170), SetLineWidth(0.2) and SetFillColor(232,
// 232, 232).
const pdfRowOps = "0.667 G\n0.57 w\n0.910 g"

// textRun collects the table lines of one face into a single PDF text
// object, written with one raw call instead of one fpdf Text call (and one
// text object) per line. fpdf embeds only the glyphs it has seen drawn, so
// a run takes only lines whose runes fpdf has drawn before in this face
// (see pdfWriter.known); the others go through fpdf.
//
// Runs (and a row's cell borders, see rects) are appended to chunks of
// about 64 KB that pdfCompress reads from: a long register neither copies
// them again as a buffer grows nor allocates a string per row.
type textRun struct {
	buf    []byte // the current chunk; the run being built starts at begin
	begin  int
	k, h   float64 // points per mm, page height (mm)
	x, y   int64   // line start of the last line (1/100 pt)
	greyOn bool    // the fill colour is grey
	n      int     // lines in the run
}

// open starts a piece at the end of the current chunk, or in a new chunk
// when this one is nearly full.
func (t *textRun) open() {
	if cap(t.buf)-len(t.buf) < 4<<10 {
		t.buf = make([]byte, 0, 64<<10)
	}
	t.begin = len(t.buf)
}

// piece returns the piece since open; later appends never write into it.
func (t *textRun) piece() []byte {
	return t.buf[t.begin:len(t.buf):len(t.buf)]
}

// start begins a run on the current page; k and h convert mm to points.
func (t *textRun) start(k, h float64) {
	t.open()
	t.buf = append(t.buf, "BT"...)
	t.k, t.h = k, h
	t.x, t.y, t.greyOn, t.n = 0, 0, false, 0
}

// move starts a new line at (x, y) mm, y being the baseline from the top.
func (t *textRun) move(x, y float64) {
	xi := int64(math.Round(x * t.k * 100))
	yi := int64(math.Round((t.h - y) * t.k * 100))
	t.buf = append(t.buf, '\n')
	t.buf = appendCenti(t.buf, xi-t.x)
	t.buf = append(t.buf, ' ')
	t.buf = appendCenti(t.buf, yi-t.y)
	t.buf = append(t.buf, " Td"...)
	t.x, t.y = xi, yi
	t.n++
}

// appendCenti appends v/100 as strconv.AppendFloat(b, float64(v)/100, 'f',
// -1, 64) does (the shortest decimal, no trailing zeros), without the
// float conversion.
func appendCenti(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/100, 10)
	switch f := v % 100; {
	case f == 0:
	case f%10 == 0:
		b = append(b, '.', byte('0'+f/10))
	default:
		b = append(b, '.', byte('0'+f/10), byte('0'+f%10))
	}
	return b
}

// appendFixed2 appends v with two decimals as strconv.AppendFloat(b, v,
// 'f', 2, 64) does, faster for the page coordinates it is used for: v is
// rounded through v*100, which is exact enough unless v lies near a
// rounding boundary (or is not a page coordinate), where strconv decides.
func appendFixed2(b []byte, v float64) []byte {
	a := math.Abs(v) * 100
	fl := math.Floor(a)
	if !(a < 1e9) || math.Abs(a-fl-0.5) < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := int64(fl)
	if a-fl > 0.5 {
		n++
	}
	if math.Signbit(v) {
		b = append(b, '-')
	}
	b = strconv.AppendInt(b, n/100, 10)
	f := n % 100
	return append(b, '.', byte('0'+f/10), byte('0'+f%10))
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
	t.buf = slices.Grow(t.buf, 2*len(s)+5)
	t.buf = append(t.buf, " ("...)
	// Each rune as two bytes (big-endian), escaped as in a literal string.
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c == '(' || c == ')' || c == '\\' || c == '\r' {
				t.buf = appendEscaped(append(t.buf, 0), c)
			} else {
				t.buf = append(t.buf, 0, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		t.buf = appendEscaped(appendEscaped(t.buf, byte(r>>8)), byte(r))
		i += n
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
// object (nil when the run has no lines).
func (t *textRun) finish() []byte {
	if t.n == 0 {
		t.buf = t.buf[:t.begin]
		return nil
	}
	if t.greyOn {
		t.buf = append(t.buf, '\n')
		t.buf = append(t.buf, pdfDarkOp...)
	}
	t.buf = append(t.buf, "\nET"...)
	return t.piece()
}

// rects returns the lines fpdf's Rect writes for rectangles of height h
// mm side by side from x, one per width, with the path operator op ("S"
// stroke, "B" fill and stroke), without the last newline, between before
// and after. k and ph convert to points as in start.
func (t *textRun) rects(before string, k, ph, x, y, h float64, widths []float64, op, after string) []byte {
	t.open()
	t.buf = append(t.buf, before...)
	for i, wd := range widths {
		if i > 0 {
			t.buf = append(t.buf, '\n')
		}
		t.buf = appendFixed2(t.buf, x*k)
		t.buf = append(t.buf, ' ')
		t.buf = appendFixed2(t.buf, (ph-y)*k)
		t.buf = append(t.buf, ' ')
		t.buf = appendFixed2(t.buf, wd*k)
		t.buf = append(t.buf, ' ')
		t.buf = appendFixed2(t.buf, -h*k)
		t.buf = append(t.buf, " re "...)
		t.buf = append(t.buf, op...)
		x += wd
	}
	t.buf = append(t.buf, after...)
	return t.piece()
}

// known reports whether fpdf has drawn every rune of s in the face before.
func (w *pdfWriter) known(face int, s string) bool {
	g := &w.drawn[face]
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !g.has(r) {
			return false
		}
		i += n
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
