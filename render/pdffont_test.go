package render

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestPDFTrueHyphen: the Go fonts draw "-" as wide as a minus (wider than
// their en dash, so "IT-Umgebung" read "IT–Umgebung"); the embedded faces
// draw it with the short hyphen glyph, in every face.
func TestPDFTrueHyphen(t *testing.T) {
	adv := func(ttf []byte, r rune) fixed.Int26_6 {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		var b sfnt.Buffer
		g, err := f.GlyphIndex(&b, r)
		if err != nil {
			t.Fatal(err)
		}
		a, err := f.GlyphAdvance(&b, g, fixed.I(1000), font.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	if adv(goregular.TTF, '-') <= adv(goregular.TTF, '–') {
		t.Fatal("the original font's hyphen is not wider than its en dash: test premise gone")
	}
	for i, face := range pdfFaces() {
		if h, d := adv(face, '-'), adv(face, '–'); h >= d*3/4 || h != adv(face, '\u00ad') {
			t.Errorf("face %d: hyphen advance %v, en dash %v: not a true hyphen", i, h, d)
		}
	}
	// The text still says "-".
	c, f := loadSample(t)
	data, err := WritePDF(Build(c, f, model.De))
	if err != nil {
		t.Fatal(err)
	}
	if pages := pdfPages(t, data); !strings.Contains(strings.Join(pages, "\n"), "IT-Umgebung") {
		t.Error("PDF text lost the hyphen-minus")
	}
}
