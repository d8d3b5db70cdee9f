package render

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/tom-dsgvo/tom/model"
)

// TestFPDFPagesReadable: the fpdf in go.mod has the page buffers pdfEarly
// reads; without them every PDF would silently lose early compression.
func TestFPDFPagesReadable(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.AddPage()
	p.RawWriteStr("0.5 w")
	pages := fpdfPages(p)
	if pages == nil {
		t.Fatal("fpdfPages found no page buffers in fpdf.Fpdf")
	}
	if len(*pages) != 2 || !bytes.HasSuffix((*pages)[1].Bytes(), []byte("0.5 w\n")) {
		t.Fatalf("page 1 reads %q", (*pages)[1].Bytes())
	}
}

// TestPDFEarlyStopBeforeRun: the writer may finish (and stop taking
// heads) before the layout goroutine gets to run pdfEarly; run then ends
// at once and stop returns.
func TestPDFEarlyStopBeforeRun(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	e := newPDFEarly(p)
	e.finish(1, nil)
	for h := range e.close() {
		h.compress(getZlib(io.Discard), new(bytes.Buffer))
	}
	go e.run()
	stopped := make(chan struct{})
	go func() {
		e.stop()
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("stop did not return")
	}
	if h := e.heads[1]; h == nil || !h.queued || h.z == nil {
		t.Errorf("page 1's head was not compressed: %+v", h)
	}
}

// pdfPageContents returns, per page of a PDF written by WritePDF, its
// content: its content streams decompressed and joined.
func pdfPageContents(t testing.TB, data []byte) [][]byte {
	t.Helper()
	objs := map[int][]byte{}
	obj := regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)
	locs := obj.FindAllSubmatchIndex(data, -1)
	for i, m := range locs {
		end := len(data)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		n, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		objs[n] = data[m[1]:end]
	}
	stream := func(n int) []byte {
		b, ok := flateStream(t, objs[n])
		if !ok {
			t.Fatalf("object %d is no compressed stream: %.60q", n, objs[n])
		}
		return b
	}
	contents := regexp.MustCompile(`/Contents (?:(\d+) 0 R|\[((?:\d+ 0 R ?)+)\])>>`)
	ref := regexp.MustCompile(`(\d+) 0 R`)
	var pages [][]byte
	for n := 3; ; n += 2 {
		o, ok := objs[n]
		if !ok || !bytes.HasPrefix(o, []byte("<</Type /Page\n")) {
			break
		}
		m := contents.FindSubmatch(o)
		if m == nil {
			t.Fatalf("page object %d has no contents", n)
		}
		var page []byte
		for _, r := range ref.FindAllSubmatch(m[0], -1) {
			k, _ := strconv.Atoi(string(r[1]))
			page = append(page, stream(k)...)
		}
		pages = append(pages, page)
	}
	return pages
}

// TestPDFEarlySameContent: with pages compressed while the next are drawn,
// each page's content (its streams joined) is what it is when every page
// is compressed at the end; finished pages are split, the rest not.
func TestPDFEarlySameContent(t *testing.T) {
	for _, n := range []int{0, 3, 120} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			c, f := manyProviders(t, max(n, 1))
			if n == 0 {
				c, f = loadSample(t)
			}
			d := Build(c, f, model.De)
			early, err := writePDF(d, true)
			if err != nil {
				t.Fatal(err)
			}
			late, err := writePDF(d, false)
			if err != nil {
				t.Fatal(err)
			}
			got, want := pdfPageContents(t, early), pdfPageContents(t, late)
			if len(got) != len(want) || len(got) < 10 {
				t.Fatalf("%d pages, want %d (and at least 10)", len(got), len(want))
			}
			for i := range got {
				if !bytes.Equal(got[i], want[i]) {
					t.Errorf("page %d: content differs", i+1)
				}
			}
			split := bytes.Count(early, []byte("/Contents ["))
			if split < len(got)-2 || bytes.Contains(late, []byte("/Contents [")) {
				t.Errorf("%d of %d pages split, want all but the last one or two (none without early compression)", split, len(got))
			}
		})
	}
}

// TestPDFEarlyDeterministic: how fast the goroutine compresses (here: on
// one core or several) never changes the bytes.
func TestPDFEarlyDeterministic(t *testing.T) {
	c, f := manyProviders(t, 200)
	d := Build(c, f, model.De)
	var first []byte
	for _, procs := range []int{1, 4, 2} {
		old := runtime.GOMAXPROCS(procs)
		b, err := WritePDF(d)
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b
		} else if !bytes.Equal(b, first) {
			t.Fatalf("GOMAXPROCS=%d: the PDF differs", procs)
		}
	}
}

// TestPDFCompressHeadMismatch: a head that is not the beginning of its
// page's content is not used; the page is one stream, as without heads.
func TestPDFCompressHeadMismatch(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.AddPage()
	p.RawWriteStr("0.5 w")
	p.AddPage()
	p.RawWriteStr("0.7 w")
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	want, err := pdfCompress(out.Bytes(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	close(done)
	e := &pdfEarly{heads: map[int]*pdfHead{1: {data: []byte("0.9 w\n")}}, jobs: make(chan *pdfHead), done: done}
	got, err := pdfCompress(out.Bytes(), nil, e)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("a head that does not match its page changed the PDF")
	}
	// The right head splits page 1 into its head and the rest.
	e = &pdfEarly{heads: map[int]*pdfHead{1: {data: pdfFirstLine(t, out.Bytes())}}, jobs: make(chan *pdfHead), done: done}
	got, err = pdfCompress(out.Bytes(), nil, e)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(got, []byte("/Contents [")) != 1 {
		t.Errorf("page 1 not split:\n%s", got)
	}
	if a, b := pdfPageContents(t, got), pdfPageContents(t, want); len(a) != 2 || !bytes.Equal(a[0], b[0]) || !bytes.Equal(a[1], b[1]) {
		t.Errorf("split pages read %q, want %q", a, b)
	}
}

// pdfFirstLine returns the first line of page 1's uncompressed content in
// an fpdf PDF.
func pdfFirstLine(t *testing.T, pdf []byte) []byte {
	t.Helper()
	i := bytes.Index(pdf, []byte("4 0 obj\n<</Length "))
	if i < 0 {
		t.Fatal("no page content object")
	}
	s := bytes.Index(pdf[i:], []byte("stream\n"))
	body := pdf[i+s+len("stream\n"):]
	line, _, _ := bytes.Cut(body, []byte("\n"))
	return append(line, '\n')
}

// TestPDFEarlyLooksSame: pages split into two streams render exactly as
// the pages of one stream (pdftoppm, when installed).
func TestPDFEarlyLooksSame(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) not installed")
	}
	c, f := manyProviders(t, 20)
	d := Build(c, f, model.De)
	dir := t.TempDir()
	render := func(name string, early bool) []string {
		b, err := writePDF(d, early)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("pdftoppm", "-r", "20", "-gray", p, filepath.Join(dir, name)).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
		pages, _ := filepath.Glob(filepath.Join(dir, name+"-*.pgm"))
		return pages
	}
	a, b := render("early", true), render("late", false)
	if len(a) != len(b) || len(a) < 10 {
		t.Fatalf("%d and %d pages", len(a), len(b))
	}
	for i := range a {
		x, _ := os.ReadFile(a[i])
		y, _ := os.ReadFile(b[i])
		if !bytes.Equal(x, y) {
			t.Errorf("page %d renders differently", i+1)
		}
	}
}
