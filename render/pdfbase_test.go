package render

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/tom-dsgvo/tom/model"
)

// The table layout's scale and margin are those of the document's fpdf.
func TestPDFLayoutScale(t *testing.T) {
	if k := fpdf.New("P", "mm", "A4", "").GetConversionRatio(); k != pdfK {
		t.Errorf("fpdf's scale is %v, the layout's %v", k, pdfK)
	}
	if m := pdfBase().GetCellMargin(); m != 0 {
		t.Errorf("cell margin %v, the layout assumes 0", m)
	}
}

// A PDF written after PreparePDF (the base made on another goroutine) is
// the PDF written without it, and the prepared base serves one document.
func TestPreparePDFSameBytes(t *testing.T) {
	c, f := manyProviders(t, 12)
	d := Build(c, f, model.De)
	plain, err := WritePDF(d)
	if err != nil {
		t.Fatal(err)
	}
	PreparePDF()
	PreparePDF() // a second call before a PDF is written does nothing
	for range 2 {
		got, err := WritePDF(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, plain) {
			t.Fatal("the PDF written from a prepared base differs")
		}
	}
	if takePDFBase() != nil {
		t.Error("a prepared base is left after a PDF was written")
	}
}

// The operators a table row writes itself are those fpdf's setters write.
func TestPDFRowOps(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.AddPage()
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.2)
	p.SetFillColor(232, 232, 232)
	p.SetFillColor(20, 20, 20)
	p.SetFillColor(90, 90, 90)
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	if want := pdfRowOps + "\n" + pdfDarkOp + "\n" + pdfGreyOp + "\n"; !bytes.Contains(out.Bytes(), []byte(want)) {
		t.Errorf("fpdf does not write %q", want)
	}
}
