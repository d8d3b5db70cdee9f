package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// TestFitsLineAgreesWithSplitText checks the shortcut in splitLines: when
// fitsLine says a text fits, fpdf's SplitText gives that text as its only
// line, and fitsLine does say so for short text, in both faces.
func TestFitsLineAgreesWithSplitText(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	p.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	p.SetCellMargin(0)
	p.AddPage()
	w := &pdfWriter{p: p}
	texts := []string{
		"Hetzner Online GmbH", "Straße 9, 91710 Gunzenhausen", "Ünïcödé – “quotes” · €",
		"iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii", "WWWWWWWWWWWWWWWWWWWWWWWW", "a b",
		strings.Repeat("Datenschutz-Management ", 4),
	}
	yes := 0
	for _, style := range []string{"", "B"} {
		w.font(style, pdfReg)
		for _, s := range texts {
			for wd := 5.0; wd < 120; wd += 0.7 {
				if !w.fitsLine(s, wd) {
					continue
				}
				yes++
				if got := p.SplitText(s, wd); !slices.Equal(got, []string{s}) {
					t.Errorf("face %q width %.1f: fitsLine(%q) but SplitText gives %q", style, wd, s, got)
				}
			}
		}
		if !w.fitsLine("Hetzner Online GmbH", 100) {
			t.Errorf("face %q: a short name does not fit 100 mm", style)
		}
	}
	if yes == 0 {
		t.Fatal("fitsLine never said yes")
	}
}
