package render

import (
	"compress/flate"
	"compress/zlib"
	"io"
	"sync"
)

// A compressor holds about a megabyte of state, and a batch writes thousands
// of documents on every core: the PDF and DOCX writers take their
// compressors (the fastest level; output still depends only on the input)
// from these pools and put them back when the document is done.
var (
	flatePool = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
		return w
	}}
	zlibPool = sync.Pool{New: func() any {
		w, _ := zlib.NewWriterLevel(io.Discard, zlib.BestSpeed)
		return w
	}}
)

// getFlate returns a deflate compressor writing to out.
func getFlate(out io.Writer) *flate.Writer {
	w := flatePool.Get().(*flate.Writer)
	w.Reset(out)
	return w
}

// getZlib returns a zlib compressor writing to out.
func getZlib(out io.Writer) *zlib.Writer {
	w := zlibPool.Get().(*zlib.Writer)
	w.Reset(out)
	return w
}
