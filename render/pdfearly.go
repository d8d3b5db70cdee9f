package render

import (
	"bytes"
	"compress/zlib"
	"reflect"
	"unsafe"

	"github.com/go-pdf/fpdf"
)

// pdfEarly compresses the content of finished pages while the writer draws
// the next ones, on another goroutine (see run): a long register is mostly
// drawn on one core, and compressing its pages after the drawing was a
// quarter of the time of a 1,000-provider PDF.
//
// When fpdf starts page n+1, page n's content so far is its head (see
// finish). What is added to page n later, its footer and, on the contents
// pages, the filled-in table of contents, is its tail: pdfCompress writes
// the page's content as two streams, head and tail (a page's contents may
// be an array of streams, read as one). Which pages are split and where
// depends only on the document; the goroutine only saves time: a head it
// has not compressed by the end is compressed with the rest, to the same
// bytes.
type pdfEarly struct {
	page  func(n int) []byte // page n's content in fpdf's buffer
	heads map[int]*pdfHead   // by page
	jobs  chan *pdfHead      // heads for the goroutine, when it has room
	// closed: no more heads are queued (set and read by the writer only;
	// jobs itself never changes, for the goroutine reads it)
	closed bool
	done   chan struct{} // closed when the goroutine has ended
}

// pdfHead is a finished page's content and, once compressed, its stream.
type pdfHead struct {
	data []byte   // the page's content when the next page began
	runs [][]byte // the text runs then (the head's markers name only these)
	// set by whoever compresses the head
	z      []byte
	placed int // run markers replaced
	err    error
	queued bool // handed over: compressed by the time stop returns
}

// newPDFEarly returns a pdfEarly for p, or nil when fpdf's page buffers
// cannot be read (an fpdf whose fields differ from v0.9.0's): the pages
// are then compressed at the end, as one stream each.
func newPDFEarly(p *fpdf.Fpdf) *pdfEarly {
	pages := fpdfPages(p)
	if pages == nil {
		return nil
	}
	return &pdfEarly{
		page: func(n int) []byte {
			ps := *pages
			if n < 1 || n >= len(ps) || ps[n] == nil {
				return nil
			}
			return ps[n].Bytes()
		},
		heads: map[int]*pdfHead{},
		jobs:  make(chan *pdfHead, 1024),
		done:  make(chan struct{}),
	}
}

// run compresses the heads handed to it until stop; it runs on the
// goroutine that laid out the tables beforehand, once that is done (see
// prelay), so that it never takes a core from the layout the writer waits
// for.
func (e *pdfEarly) run() {
	defer close(e.done)
	var zbuf bytes.Buffer
	zw := getZlib(&zbuf)
	defer zlibPool.Put(zw)
	for h := range e.jobs {
		h.compress(zw, &zbuf)
	}
}

// compress compresses the head with zw (writing to zbuf).
func (h *pdfHead) compress(zw *zlib.Writer, zbuf *bytes.Buffer) {
	h.z, h.placed, h.err = compressRuns(zw, zbuf, h.data, h.runs)
}

// fpdfPages returns a pointer to fpdf's page buffers (the field pages,
// 1-based), or nil when p has no such field of that type. fpdf (archived,
// its API frozen) has no call that returns a page's content; fpdf only
// ever appends to a page's buffer (tom registers no page-number alias,
// whose replacement would rewrite it), so a head taken from it stays
// valid.
func fpdfPages(p *fpdf.Fpdf) *[]*bytes.Buffer {
	f, ok := reflect.TypeFor[fpdf.Fpdf]().FieldByName("pages")
	if !ok || f.Type != reflect.TypeFor[[]*bytes.Buffer]() || len(f.Index) != 1 {
		return nil
	}
	return (*[]*bytes.Buffer)(unsafe.Add(unsafe.Pointer(p), f.Offset))
}

// finish takes page n's content as its head, with the text runs made so
// far, and hands it to the goroutine when that has room.
func (e *pdfEarly) finish(n int, runs [][]byte) {
	if e == nil || e.closed || n < 1 || e.heads[n] != nil {
		return
	}
	data := e.page(n)
	if len(data) == 0 {
		return
	}
	h := &pdfHead{data: data[:len(data):len(data)], runs: runs[:len(runs):len(runs)]}
	e.heads[n] = h
	select {
	case e.jobs <- h:
		h.queued = true
	default: // busy: compressed at the end
	}
}

// close takes no more heads and returns the queue of those handed over,
// for other goroutines to help empty (nil for a nil e and once closed;
// ranging over nil would block).
func (e *pdfEarly) close() <-chan *pdfHead {
	if e == nil || e.closed {
		return nil
	}
	e.closed = true
	close(e.jobs)
	return e.jobs
}

// stop waits until the heads handed over are compressed, once the queue
// is empty; the goroutine has then ended.
func (e *pdfEarly) stop() {
	if e == nil {
		return
	}
	e.close()
	<-e.done
}

// head returns page n's head, if data (the page's whole content) begins
// with it.
func (e *pdfEarly) head(n int, data []byte) *pdfHead {
	if e == nil {
		return nil
	}
	if h := e.heads[n]; h != nil && bytes.HasPrefix(data, h.data) {
		return h
	}
	return nil
}
