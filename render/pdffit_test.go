package render

import (
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// TestFitLeft: the binary search finds the same cut as trying every length
// from the longest down (the old way), for short and long names.
func TestFitLeft(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	p.AddPage()
	w := &pdfWriter{p: p}
	w.font("", 8)
	linear := func(s string, wd float64) string {
		if p.GetStringWidth(s) <= wd {
			return s
		}
		rs := []rune(s)
		for n := len(rs) - 1; n > 0; n-- {
			t := strings.TrimRight(string(rs[:n]), " ,·-–") + "…"
			if p.GetStringWidth(t) <= wd {
				return t
			}
		}
		return "…"
	}
	names := []string{"", "A", "Müller & Söhne GmbH", "Ärzte, Partner – Praxis am Markt · Nord", strings.Repeat("Gebäudereinigung ", 40), strings.Repeat("W", 300)}
	for _, s := range names {
		for _, wd := range []float64{0, 1, 3, 10, 40, 100, 170} {
			if got, want := w.fitLeft(s, wd), linear(s, wd); got != want {
				t.Errorf("fitLeft(%.20q, %v) = %q, want %q", s, wd, got, want)
			}
		}
	}
}
