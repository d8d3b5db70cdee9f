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
