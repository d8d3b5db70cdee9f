package render

import (
	"sync"

	"github.com/go-pdf/fpdf"
)

// pdfK is fpdf's scale for millimetres (points per mm), as fpdf.New
// computes it; the table layout uses it without an fpdf at hand.
const pdfK = 72.0 / 25.4

// pdfBase starts a PDF as every document starts: A4 in millimetres, the
// settings that do not depend on the document, and the three faces added
// (fpdf parses each font file, most of a small document's cost).
func pdfBase() *fpdf.Fpdf {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	p.SetCellMargin(0)
	// Streams are compressed after fpdf is done (see pdfCompress).
	p.SetCompression(false)
	fonts := pdfFaces()
	p.AddUTF8FontFromBytes(pdfFont, "", fonts[0])
	p.AddUTF8FontFromBytes(pdfFont, "B", fonts[1])
	p.AddUTF8FontFromBytes(pdfFont, "I", fonts[2])
	return p
}

// pdfPrepared holds the base a PreparePDF call is making for the next
// WritePDF of the process (nil when none is).
var pdfPrepared struct {
	mu sync.Mutex
	ch chan *fpdf.Fpdf
}

// PreparePDF starts making, on another goroutine, what the next PDF written
// by this process needs first: the fonts parsed into a new document, and
// the metrics and character tables the writer reads. A command that is
// about to load an answers file and write its PDF calls it first, so the
// work overlaps with loading and building the document. Calling it again
// before a PDF is written does nothing.
func PreparePDF() {
	pdfPrepared.mu.Lock()
	defer pdfPrepared.mu.Unlock()
	if pdfPrepared.ch != nil {
		return
	}
	ch := make(chan *fpdf.Fpdf, 1)
	pdfPrepared.ch = ch
	go func() {
		pdfFaceMetrics()
		pdfPlain()
		ch <- pdfBase()
	}()
}

// takePDFBase returns the base PreparePDF is making, waiting for it, or
// nil when none is being made.
func takePDFBase() chan *fpdf.Fpdf {
	pdfPrepared.mu.Lock()
	defer pdfPrepared.mu.Unlock()
	ch := pdfPrepared.ch
	pdfPrepared.ch = nil
	return ch
}
