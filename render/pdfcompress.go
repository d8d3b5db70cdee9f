package render

import (
	"bytes"
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
// the file 2.6 times as large, and any other setting changes the bytes of
// every PDF (the golden sample.de.pdf is compared byte for byte); the level
// is kept.
//
// A page may hold markers "%tomrun N" (a PDF comment on a line of its own)
// for content kept out of fpdf's buffers (see pdfWriter.runs): each is
// replaced by runs[N] as the stream is compressed, so the bulk of a long
// register never passes through fpdf's growing page and document buffers.
func pdfCompress(in []byte, runs [][]byte) ([]byte, error) {
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
	}
	pieces := make([]piece, len(order))
	var streams []int
	for k, obj := range order {
		end := xo
		if k+1 < len(order) {
			end = offs[order[k+1]]
		}
		pieces[k] = piece{obj: obj, chunk: in[offs[obj]:end]}
		if data, ok := plainStream(pieces[k].chunk); ok {
			pieces[k].data = data
			streams = append(streams, k)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 4, max(1, len(streams)/8))
	errs := make([]error, workers)
	placed := make([]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var zbuf bytes.Buffer
			zw := getZlib(&zbuf)
			defer zlibPool.Put(zw)
			for j := w; j < len(streams); j += workers {
				p := &pieces[streams[j]]
				zbuf.Reset()
				zw.Reset(&zbuf)
				n, err := expandRuns(zw, p.data, runs)
				placed[w] += n
				if err != nil {
					errs[w] = fmt.Errorf("pdf: compress object %d: %w", p.obj, err)
					return
				}
				if err := zw.Close(); err != nil {
					errs[w] = fmt.Errorf("pdf: compress object %d: %w", p.obj, err)
					return
				}
				p.z = bytes.Clone(zbuf.Bytes())
			}
		}()
	}
	wg.Wait()
	total := 0
	for w, err := range errs {
		if err != nil {
			return nil, err
		}
		total += placed[w]
	}
	if total != len(runs) {
		return nil, fmt.Errorf("pdf: %d of %d text runs placed", total, len(runs))
	}

	size := len(in) + 32*n
	for _, p := range pieces {
		if p.data != nil {
			size += len(p.z) - len(p.data)
		}
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	out.Write(in[:offs[order[0]]])
	newOffs := make([]int, n)
	for _, p := range pieces {
		newOffs[p.obj] = out.Len()
		if p.data == nil {
			out.Write(p.chunk)
			continue
		}
		out.Write(p.chunk[:bytes.IndexByte(p.chunk, '\n')+1]) // "N 0 obj\n"
		out.WriteString("<</Filter /FlateDecode /Length ")
		out.WriteString(strconv.Itoa(len(p.z)))
		out.WriteString(">>\nstream\n")
		out.Write(p.z)
		out.WriteString("\nendstream\nendobj\n")
	}
	newX := out.Len()
	out.WriteString("xref\n0 ")
	out.WriteString(strconv.Itoa(n))
	out.WriteString("\n0000000000 65535 f \n")
	var num [10]byte
	for i := 1; i < n; i++ {
		s := strconv.AppendInt(num[:0], int64(newOffs[i]), 10)
		for range 10 - len(s) {
			out.WriteByte('0')
		}
		out.Write(s)
		out.WriteString(" 00000 n \n")
	}
	out.Write(in[first+20*n : sx]) // the trailer
	out.WriteString("startxref\n")
	out.WriteString(strconv.Itoa(newX))
	out.WriteString("\n%%EOF\n")
	return out.Bytes(), nil
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
