package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// TestSplitTextAgreesWithFpdf checks the writer's own line breaking against
// fpdf's SplitText, which it replaces: the same lines for every face, for
// text with spaces, long words, words wider than the line, rare runes and
// every rune the faces map, at many widths.
func TestSplitTextAgreesWithFpdf(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	fonts := pdfFaces()
	p.AddUTF8FontFromBytes(pdfFont, "", fonts[0])
	p.AddUTF8FontFromBytes(pdfFont, "B", fonts[1])
	p.AddUTF8FontFromBytes(pdfFont, "I", fonts[2])
	p.SetCellMargin(0)
	p.AddPage()
	w := &pdfWriter{p: p, ownFonts: true}
	var all strings.Builder
	cmapGlyphs(fonts[0], func(r rune, _ int) {
		if r >= 0x20 && r < 0xffff && r != '\n' {
			all.WriteRune(r)
			if all.Len()%7 == 0 {
				all.WriteByte(' ')
			}
		}
	})
	texts := []string{
		"", " ", "a", "Hetzner Online GmbH", "Straße 9, 91710 Gunzenhausen", "Ünïcödé – “quotes” · €",
		"iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii", "WWWWWWWWWWWWWWWWWWWWWWWW", "a b", "a  b   c ",
		strings.Repeat("Datenschutz-Management ", 4), "trailing newlines\n\n", "two\nlines",
		"tab\tand\u00a0no-break space", "not in the font: \u4e2d\u6587 end",
		strings.Repeat("Rechenzentrumsbetriebsgesellschaft", 3), all.String(),
	}
	for _, style := range []string{"", "B", "I"} {
		w.font(style, pdfReg)
		for _, s := range texts {
			for wd := 0.5; wd < 120; wd += 1.3 {
				if got, want := w.measure().splitText(s, wd), p.SplitText(s, wd); !slices.Equal(got, want) {
					t.Fatalf("face %q width %.1f: splitText(%.40q) = %.60q, SplitText %.60q", style, wd, s, got, want)
				}
			}
		}
	}
	if w.measure().m == nil {
		t.Fatal("the faces' metrics were not used")
	}
}

// FuzzPDFSplitText: for any sanitised text, the writer's line breaking gives
// fpdf's lines in every face.
func FuzzPDFSplitText(f *testing.F) {
	fuzzSeeds(f)
	p := fpdf.New("P", "mm", "A4", "")
	fonts := pdfFaces()
	p.AddUTF8FontFromBytes(pdfFont, "", fonts[0])
	p.AddUTF8FontFromBytes(pdfFont, "B", fonts[1])
	p.AddUTF8FontFromBytes(pdfFont, "I", fonts[2])
	p.SetCellMargin(0)
	p.AddPage()
	w := &pdfWriter{p: p, ownFonts: true}
	f.Fuzz(func(t *testing.T, s string) {
		s = PDFSanitize(s)
		for _, style := range []string{"", "B", "I"} {
			w.font(style, pdfReg)
			for _, wd := range []float64{1, 9.5, 40, 170} {
				if got, want := w.measure().splitText(s, wd), p.SplitText(s, wd); !slices.Equal(got, want) {
					t.Fatalf("face %q width %v: splitText(%q) = %q, SplitText %q", style, wd, s, got, want)
				}
			}
		}
	})
}

// TestPDFMetricsAgreeWithFpdf: the metrics read from the font files give
// fpdf's GetStringWidth for every BMP rune in every face, so the writer
// measures as fpdf would without asking it.
func TestPDFMetricsAgreeWithFpdf(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	fonts := pdfFaces()
	p.AddUTF8FontFromBytes(pdfFont, "", fonts[0])
	p.AddUTF8FontFromBytes(pdfFont, "B", fonts[1])
	p.AddUTF8FontFromBytes(pdfFont, "I", fonts[2])
	p.SetCellMargin(0)
	p.AddPage()
	w := &pdfWriter{p: p, ownFonts: true}
	for _, style := range []string{"", "B", "I"} {
		w.font(style, 9.5)
		ms := w.measure()
		if ms.m == nil {
			t.Fatalf("face %q: no metrics", style)
		}
		mapped := 0
		for r := rune(1); r < 0xffff; r++ {
			s := string(r)
			if got, want := ms.width(s), p.GetStringWidth(s); got != want {
				t.Fatalf("face %q: width of %U = %v, fpdf %v", style, r, got, want)
			}
			if ms.m.cw[r] != 0 {
				mapped++
			}
		}
		if mapped < 500 {
			t.Errorf("face %q: only %d runes mapped", style, mapped)
		}
		long := strings.Repeat("Verschlüsselung – Straße 12, “Büro” ", 20)
		if got, want := ms.width(long), p.GetStringWidth(long); got != want {
			t.Errorf("face %q: width of a long text = %v, fpdf %v", style, got, want)
		}
	}
}
