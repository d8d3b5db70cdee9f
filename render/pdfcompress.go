package render

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// pdfCompress compresses the plain streams of a PDF as fpdf writes it with
// compression off (page contents and ToUnicode maps; fonts fpdf compresses
// itself), and rewrites the cross-reference table for the new offsets.
//
// fpdf compresses each page with a new zlib writer, which allocates about a
// megabyte of compressor state per page; one writer reused for every stream
// makes long registers cheap. The output is deterministic like fpdf's own.
//
// The streams are deflated at the fastest level (see zlibPool), which is
// about a third of the CPU time of a 1,000-provider PDF (4 MB of page
// content). Huffman-only coding would take about 40 % of that time but make
// the file 2.6 times as large.
//
// Pages whose head early took (see pdfEarly) are written as two content
// streams when more was added to them later: the head, mostly compressed
// by then, and the rest. Those still waiting in early's queue are taken by
// the workers here too.
//
// A page may hold markers "%tomrun N" (a PDF comment on a line of its own)
// for content kept out of fpdf's buffers (see pdfWriter.runs): each is
// replaced by runs[N] as the stream is compressed, so the bulk of a long
// register never passes through fpdf's growing page and document buffers.
func pdfCompress(in []byte, runs [][]byte, early *pdfEarly) ([]byte, error) {
	defer early.stop()
	// The cross-reference table: "xref\n0 N\n" then N entries of 20 bytes.
	sx := bytes.LastIndex(in, []byte("startxref\n"))
	if sx < 0 {
		return nil, fmt.Errorf("pdf: no startxref")
	}
	xs, _, ok := bytes.Cut(in[sx+10:], []byte("\n"))
	xo, err := strconv.Atoi(string(bytes.TrimSpace(xs)))
	if !ok || err != nil || xo <= 0 || xo >= sx || !bytes.HasPrefix(in[xo:], []byte("xref\n0 ")) {
		return nil, fmt.Errorf("pdf: bad startxref")
	}
	ns, _, ok := bytes.Cut(in[xo+7:], []byte("\n"))
	n, err := strconv.Atoi(string(ns))
	first := xo + 7 + len(ns) + 1
	if !ok || err != nil || n < 1 || first+20*n > len(in) {
		return nil, fmt.Errorf("pdf: bad xref header")
	}
	offs := make([]int, n) // object number -> offset (0 for the free entry)
	for i := 1; i < n; i++ {
		e := in[first+20*i : first+20*i+10]
		if offs[i], err = strconv.Atoi(string(e)); err != nil || offs[i] <= 0 || offs[i] >= xo {
			return nil, fmt.Errorf("pdf: bad xref entry %d", i)
		}
	}
	order := make([]int, 0, n-1)
	for i := 1; i < n; i++ {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return offs[a] - offs[b] })

	// Find the chunks first, then compress the streams on every core: each
	// stream is compressed on its own, so the result does not depend on the
	// order the workers finish in.
	type piece struct {
		obj   int
		chunk []byte
		data  []byte // the plain stream's data; nil for other objects
		z     []byte // data compressed
		n     int    // run markers replaced in data
		// a page's content whose head was taken (see pdfEarly): the head,
		// and what came after it, compressed into tailZ as object tailObj
		head          *pdfHead
		tail, tailZ   []byte
		tailN         int
		tailObj       int
		contentsSplit int // for a page object: its content's tailObj
	}
	pieces := make([]piece, len(order))
	at := make([]int, n) // object number -> index in pieces
	for k, obj := range order {
		end := xo
		if k+1 < len(order) {
			end = offs[order[k+1]]
		}
		pieces[k] = piece{obj: obj, chunk: in[offs[obj]:end]}
		at[obj] = k
		if data, ok := plainStream(pieces[k].chunk); ok {
			pieces[k].data = data
		}
	}
	// fpdf writes page p as object 2p+1 and its content as 2p+2.
	size := n
	for k := range pieces {
		p := &pieces[k]
		if p.data == nil || p.obj < 4 || p.obj%2 != 0 {
			continue
		}
		page := &pieces[at[p.obj-1]]
		if !bytes.Contains(page.chunk, []byte("/Type /Page\n")) || !bytes.HasSuffix(page.chunk, []byte("/Contents "+strconv.Itoa(p.obj)+" 0 R>>\nendobj\n")) {
			continue
		}
		if p.head = early.head((p.obj-2)/2, p.data); p.head == nil {
			continue
		}
		if p.tail = p.data[len(p.head.data):]; len(p.tail) > 0 {
			p.tailObj = size
			page.contentsSplit = size
			size++
		}
	}

	// What is left to compress: whole streams, heads not compressed yet,
	// tails.
	type task struct {
		data   []byte
		runs   [][]byte
		z      *[]byte
		placed *int
		err    *error
	}
	var tasks []task
	var errs []error
	for k := range pieces {
		p := &pieces[k]
		switch {
		case p.data == nil:
		case p.head == nil:
			tasks = append(tasks, task{p.data, runs, &p.z, &p.n, nil})
		default:
			if !p.head.queued {
				tasks = append(tasks, task{p.head.data, p.head.runs, &p.head.z, &p.head.placed, &p.head.err})
			}
			if len(p.tail) > 0 {
				tasks = append(tasks, task{p.tail, runs, &p.tailZ, &p.tailN, nil})
			}
		}
	}
	// The heads still waiting for pdfEarly's goroutine are taken by
	// whichever worker comes first.
	queue := early.close()
	workers := min(runtime.GOMAXPROCS(0), 4, max(1, len(tasks)/8))
	werrs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var zbuf bytes.Buffer
			zw := getZlib(&zbuf)
			defer zlibPool.Put(zw)
			if queue != nil {
				for h := range queue {
					h.compress(zw, &zbuf)
				}
			}
			for j := w; j < len(tasks); j += workers {
				t := tasks[j]
				z, placed, err := compressRuns(zw, &zbuf, t.data, t.runs)
				if err != nil {
					werrs[w] = err
					return
				}
				*t.z, *t.placed = z, placed
			}
		}()
	}
	wg.Wait()
	early.stop() // every head handed to it is compressed by now
	errs = append(errs, werrs...)
	total := 0
	for _, p := range pieces {
		if p.head != nil {
			errs = append(errs, p.head.err)
			total += p.head.placed + p.tailN
		} else {
			total += p.n
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if total != len(runs) {
		return nil, fmt.Errorf("pdf: %d of %d text runs placed", total, len(runs))
	}

	grow := len(in) + 32*size
	for _, p := range pieces {
		switch {
		case p.head != nil:
			grow += len(p.head.z) + len(p.tailZ) + 96 - len(p.data)
		case p.data != nil:
			grow += len(p.z) - len(p.data)
		}
	}
	out := bytes.NewBuffer(make([]byte, 0, grow))
	out.Write(in[:offs[order[0]]])
	newOffs := make([]int, size)
	stream := func(obj int, z []byte) {
		newOffs[obj] = out.Len()
		out.WriteString(strconv.Itoa(obj))
		out.WriteString(" 0 obj\n<</Filter /FlateDecode /Length ")
		out.WriteString(strconv.Itoa(len(z)))
		out.WriteString(">>\nstream\n")
		out.Write(z)
		out.WriteString("\nendstream\nendobj\n")
	}
	for _, p := range pieces {
		switch {
		case p.contentsSplit > 0:
			// "/Contents N 0 R>>" becomes "/Contents [N 0 R T 0 R]>>"
			newOffs[p.obj] = out.Len()
			c := bytes.LastIndex(p.chunk, []byte("/Contents "))
			out.Write(p.chunk[:c])
			out.WriteString("/Contents [")
			out.WriteString(strconv.Itoa(p.obj + 1))
			out.WriteString(" 0 R ")
			out.WriteString(strconv.Itoa(p.contentsSplit))
			out.WriteString(" 0 R]>>\nendobj\n")
		case p.head != nil:
			stream(p.obj, p.head.z)
			if p.tailObj > 0 {
				stream(p.tailObj, p.tailZ)
			}
		case p.data != nil:
			stream(p.obj, p.z)
		default:
			newOffs[p.obj] = out.Len()
			out.Write(p.chunk)
		}
	}
	newX := out.Len()
	out.WriteString("xref\n0 ")
	out.WriteString(strconv.Itoa(size))
	out.WriteString("\n0000000000 65535 f \n")
	var num [10]byte
	for i := 1; i < size; i++ {
		s := strconv.AppendInt(num[:0], int64(newOffs[i]), 10)
		for range 10 - len(s) {
			out.WriteByte('0')
		}
		out.Write(s)
		out.WriteString(" 00000 n \n")
	}
	trailer := in[first+20*n : sx]
	if size != n {
		old := []byte("\n/Size " + strconv.Itoa(n) + "\n")
		i := bytes.Index(trailer, old)
		if i < 0 {
			return nil, fmt.Errorf("pdf: no /Size in the trailer")
		}
		out.Write(trailer[:i])
		out.WriteString("\n/Size ")
		out.WriteString(strconv.Itoa(size))
		out.WriteString("\n")
		trailer = trailer[i+len(old):]
	}
	out.Write(trailer)
	out.WriteString("startxref\n")
	out.WriteString(strconv.Itoa(newX))
	out.WriteString("\n%%EOF\n")
	return out.Bytes(), nil
}

// compressRuns compresses data, its run markers replaced by runs, with zw
// (reset to write to zbuf); it returns a copy of the compressed bytes and
// how many markers it replaced.
func compressRuns(zw *zlib.Writer, zbuf *bytes.Buffer, data []byte, runs [][]byte) ([]byte, int, error) {
	zbuf.Reset()
	zw.Reset(zbuf)
	n, err := expandRuns(zw, data, runs)
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return nil, n, fmt.Errorf("pdf: compress: %w", err)
	}
	return bytes.Clone(zbuf.Bytes()), n, nil
}

// plainStream returns the data of an object that is exactly an uncompressed
// stream with only a length: "N 0 obj\n<</Length L>>\nstream\n…\nendstream\nendobj\n".
func plainStream(chunk []byte) ([]byte, bool) {
	nl := bytes.IndexByte(chunk, '\n')
	if nl < 0 || !bytes.HasSuffix(chunk[:nl], []byte(" 0 obj")) {
		return nil, false
	}
	rest := chunk[nl+1:]
	const head = "<</Length "
	if !bytes.HasPrefix(rest, []byte(head)) {
		return nil, false
	}
	gt := bytes.Index(rest, []byte(">>\nstream\n"))
	if gt < 0 {
		return nil, false
	}
	l, err := strconv.Atoi(string(rest[len(head):gt]))
	start := gt + len(">>\nstream\n")
	if err != nil || l < 0 || start+l > len(rest) || string(rest[start+l:]) != "\nendstream\nendobj\n" {
		return nil, false
	}
	return rest[start : start+l], true
}

// runMarker starts the line that stands for a text run in a page stream.
const runMarker = "%tomrun "

// expandRuns writes a plain stream's data to w with every run marker line
// replaced by its run, and returns how many markers it replaced.
func expandRuns(w io.Writer, data []byte, runs [][]byte) (int, error) {
	n := 0
	for {
		i := bytes.Index(data, []byte(runMarker))
		if i < 0 || i > 0 && data[i-1] != '\n' {
			if i < 0 {
				_, err := w.Write(data)
				return n, err
			}
			// not at a line start: part of other content
			if _, err := w.Write(data[:i+1]); err != nil {
				return n, err
			}
			data = data[i+1:]
			continue
		}
		end := bytes.IndexByte(data[i:], '\n')
		if end < 0 {
			end = len(data) - i
		}
		k, err := strconv.Atoi(string(data[i+len(runMarker) : i+end]))
		if err != nil || k < 0 || k >= len(runs) {
			return n, fmt.Errorf("pdf: bad text run marker %q", data[i:i+end])
		}
		if _, err := w.Write(data[:i]); err != nil {
			return n, err
		}
		if _, err := w.Write(runs[k]); err != nil {
			return n, err
		}
		n++
		data = data[i+end:] // keeps the line's newline
	}
}
