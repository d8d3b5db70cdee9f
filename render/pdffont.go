package render

import (
	"encoding/binary"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// pdfFaces are the regular, bold and italic fonts the PDF embeds, with a
// true hyphen (see withTrueHyphen); made once.
var pdfFaces = sync.OnceValue(func() [3][]byte {
	return [3][]byte{withTrueHyphen(goregular.TTF), withTrueHyphen(gobold.TTF), withTrueHyphen(goitalic.TTF)}
})

// withTrueHyphen returns a copy of the TrueType font ttf in which U+002D
// HYPHEN-MINUS is drawn with the font's soft-hyphen glyph. The Go fonts draw
// "-" as long as a minus sign (wider than their en dash), so "IT-Umgebung"
// looked like "IT–Umgebung"; their U+00AD glyph is a true hyphen. The
// character stays U+002D (copying and searching the PDF find "-"). Where the
// font is not laid out as expected, ttf is returned unchanged.
func withTrueHyphen(ttf []byte) []byte {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return ttf
	}
	var b sfnt.Buffer
	minus, err1 := f.GlyphIndex(&b, '-')
	soft, err2 := f.GlyphIndex(&b, '\u00ad')
	if err1 != nil || err2 != nil || minus == 0 || soft == 0 || minus == soft {
		return ttf
	}
	tables := map[string][2]uint32{}
	if len(ttf) < 12 {
		return ttf
	}
	n := int(binary.BigEndian.Uint16(ttf[4:6]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return ttf
		}
		off, ln := binary.BigEndian.Uint32(ttf[rec+8:]), binary.BigEndian.Uint32(ttf[rec+12:])
		if uint64(off)+uint64(ln) > uint64(len(ttf)) {
			return ttf
		}
		tables[string(ttf[rec:rec+4])] = [2]uint32{off, ln}
	}
	head, okH := tables["head"]
	loca, okL := tables["loca"]
	glyf, okG := tables["glyf"]
	hhea, okHh := tables["hhea"]
	hmtx, okM := tables["hmtx"]
	if !okH || !okL || !okG || !okHh || !okM || head[1] < 54 || hhea[1] < 36 {
		return ttf
	}
	long := binary.BigEndian.Uint16(ttf[head[0]+50:]) == 1
	at := func(g int) (uint32, bool) {
		if long {
			p := loca[0] + 4*uint32(g)
			if p+4 > loca[0]+loca[1] {
				return 0, false
			}
			return binary.BigEndian.Uint32(ttf[p:]), true
		}
		p := loca[0] + 2*uint32(g)
		if p+2 > loca[0]+loca[1] {
			return 0, false
		}
		return 2 * uint32(binary.BigEndian.Uint16(ttf[p:])), true
	}
	ms, ok1 := at(int(minus))
	me, ok2 := at(int(minus) + 1)
	ss, ok3 := at(int(soft))
	se, ok4 := at(int(soft) + 1)
	if !ok1 || !ok2 || !ok3 || !ok4 || me < ms || se < ss || se-ss > me-ms || glyf[0]+me > glyf[0]+glyf[1] || glyf[0]+se > glyf[0]+glyf[1] {
		return ttf
	}
	nLong := uint32(binary.BigEndian.Uint16(ttf[hhea[0]+34:]))
	if uint32(minus) >= nLong || uint32(soft) >= nLong || 4*nLong > hmtx[1] {
		return ttf
	}
	out := append([]byte(nil), ttf...)
	dst := out[glyf[0]+ms : glyf[0]+me]
	n2 := copy(dst, ttf[glyf[0]+ss:glyf[0]+se])
	clear(dst[n2:]) // padding after the glyph's data
	copy(out[hmtx[0]+4*uint32(minus):hmtx[0]+4*uint32(minus)+4], ttf[hmtx[0]+4*uint32(soft):])
	return out
}
