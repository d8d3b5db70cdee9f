package render

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/text/unicode/norm"
)

// glyphSet records which BMP runes the embedded Go font can draw.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && g[r/64]&(1<<(uint(r)%64)) != 0
}

// goGlyphs is computed once from the embedded font; it is read-only after.
var goGlyphs = sync.OnceValue(func() *glyphSet {
	g := new(glyphSet)
	if !cmapGlyphs(goregular.TTF, func(r rune, _ int) { g[r/64] |= 1 << (uint(r) % 64) }) {
		// Without a readable table, trust printable ASCII and Latin-1.
		for r := rune(0x20); r < 0x100; r++ {
			g[r/64] |= 1 << (uint(r) % 64)
		}
	}
	return g
})

// cmapGlyphs calls add for every BMP rune the TrueType font maps to a
// glyph, with the glyph's index, from its Unicode cmap subtable (format 4).
// It reports false when the font has no such table.
func cmapGlyphs(ttf []byte, add func(r rune, glyph int)) bool {
	u16 := func(o int) int {
		if o < 0 || o+2 > len(ttf) {
			return 0
		}
		return int(ttf[o])<<8 | int(ttf[o+1])
	}
	u32 := func(o int) int { return u16(o)<<16 | u16(o+2) }
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if rec+16 <= len(ttf) && string(ttf[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return false
	}
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		pid, eid, off := u16(rec), u16(rec+2), u32(rec+4)
		if !(pid == 3 && eid == 1 || pid == 0) {
			continue
		}
		t := cmap + off
		if u16(t) != 4 {
			continue
		}
		segs := u16(t+6) / 2
		ends, starts := t+14, t+16+2*segs
		deltas, ranges := starts+2*segs, starts+4*segs
		for s := 0; s < segs; s++ {
			end, start := u16(ends+2*s), u16(starts+2*s)
			delta, ro := u16(deltas+2*s), u16(ranges+2*s)
			for c := start; c <= end && c < 0xFFFF; c++ {
				gid := 0
				if ro == 0 {
					gid = (c + delta) & 0xFFFF
				} else if g := u16(ranges + 2*s + ro + 2*(c-start)); g != 0 {
					gid = (g + delta) & 0xFFFF
				}
				if gid != 0 {
					add(rune(c), gid)
				}
			}
		}
		return true
	}
	return false
}

// pdfPlain holds the runes PDFSanitize keeps as they are: line breaks and
// the runes the font draws that are not invisible; made once.
var pdfPlain = sync.OnceValue(func() *glyphSet {
	p := new(glyphSet)
	*p = *goGlyphs()
	for i, word := range p {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &^= 1 << b
			if invisible(rune(i*64 + b)) {
				p[i] &^= 1 << b
			}
		}
	}
	p['\n'/64] |= 1 << ('\n' % 64)
	return p
})

// pdfMap replaces common symbols the Go font lacks with ones it has.
var pdfMap = map[rune]string{
	'☐': "□", '☑': "[x]", '☒': "[x]", '✓': "[x]", '✔': "[x]", '✗': "x", '✘': "x",
	'\u00a0': " ", '\u2007': " ", '\u202f': " ", '\u2011': "-",
	'\u2212': "-", '\u2010': "-",
}

// PDFSanitize makes text safe for the PDF writer: runes beyond the Basic
// Multilingual Plane (emoji) and invisible format characters (soft hyphen,
// bidi controls, zero-width characters) are dropped, tabs become spaces,
// other control characters go, and characters the embedded font cannot draw
// are mapped to a close equivalent, dropped (pictographs) or shown as "?". Line breaks stay. The PDF writer
// never fails on text.
func PDFSanitize(s string) string {
	plain := pdfPlain()
	ok := true
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !plain.has(r) || n == 1 && r == utf8.RuneError { // invalid UTF-8 becomes U+FFFD
			ok = false
			break
		}
		i += n
	}
	if ok {
		return s
	}
	g := goGlyphs()
	// Decomposed letters (macOS and some web forms write "u" + U+0308 for
	// "ü") have no glyph as a pair: compose them first.
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case invisible(r):
		case g.has(r):
			b.WriteRune(r)
		case r > 0xFFFF, r < 0x20, r == 0x7f, unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r), unicode.Is(unicode.Cc, r):
			// invisible or not drawable at all: drop
		case unicode.Is(unicode.Cs, r), unicode.Is(unicode.Co, r):
		default:
			if m, ok := pdfMap[r]; ok {
				b.WriteString(m)
			} else if unicode.Is(unicode.So, r) {
				// a pictograph the font lacks (❤, ☀): drop it like an emoji
			} else if unicode.IsSpace(r) {
				b.WriteByte(' ')
			} else {
				b.WriteByte('?')
			}
		}
	}
	return b.String()
}

// invisible reports format characters that must not be drawn (the font may
// have a visible glyph for some of them, such as the soft hyphen).
func invisible(r rune) bool {
	if r < 0xad {
		return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
	}
	return r == 0xad || unicode.Is(unicode.Cf, r)
}
