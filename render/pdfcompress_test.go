package render

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestPDFCompressBadInput checks that a PDF whose trailer or
// cross-reference header is cut short is an error, not a panic.
func TestPDFCompressBadInput(t *testing.T) {
	for _, in := range []string{
		"",
		"%PDF-1.3\nstartxref\n",
		"%PDF-1.3\nstartxref\n9",
		"%PDF-1.3\nxref\n0 3startxref\n9\n%%EOF\n",
		"%PDF-1.3\nxref\n0 3\nstartxref\n9\n%%EOF\n",
	} {
		if _, err := pdfCompress([]byte(in), nil, nil); err == nil {
			t.Errorf("pdfCompress(%q) accepted a broken PDF", in)
		}
	}
}

// TestExpandRuns checks that run markers on a line of their own are
// replaced by their runs, that the same text elsewhere is left alone, and
// that a marker without a run is an error.
func TestExpandRuns(t *testing.T) {
	runs := [][]byte{[]byte("BT\n1 2 Td (a)Tj\nET"), []byte("BT\n3 4 Td (b)Tj\nET")}
	in := "%tomrun 1\n0 g\nq (x%tomrun 0)Tj Q\n%tomrun 0\n"
	var out bytes.Buffer
	n, err := expandRuns(&out, []byte(in), runs)
	if err != nil {
		t.Fatal(err)
	}
	want := string(runs[1]) + "\n0 g\nq (x%tomrun 0)Tj Q\n" + string(runs[0]) + "\n"
	if n != 2 || out.String() != want {
		t.Errorf("expandRuns = %d, %q; want 2, %q", n, out.String(), want)
	}
	for _, bad := range []string{"%tomrun 2\n", "%tomrun x\n", "a\n%tomrun -1"} {
		if _, err := expandRuns(&out, []byte(bad), runs); err == nil {
			t.Errorf("expandRuns(%q) accepted a marker without a run", bad)
		}
	}
}

// pdfStreams returns the decompressed content of every Flate stream of a
// PDF written by WritePDF.
func pdfStreams(t testing.TB, data []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, m := range regexp.MustCompile(flateHead).FindAllIndex(data, -1) {
		b, _ := flateStream(t, data[m[0]:])
		out = append(out, b)
	}
	return out
}

// flateHead begins a compressed stream object's dictionary and data.
const flateHead = `<</Filter /FlateDecode /Length (\d+)>>\nstream\n`

// flateStream returns the decompressed data of the compressed stream that
// b begins with (after "N 0 obj\n"); false when b begins with none.
func flateStream(t testing.TB, b []byte) ([]byte, bool) {
	t.Helper()
	m := regexp.MustCompile(flateHead).FindSubmatchIndex(b)
	if m == nil || m[0] != 0 {
		return nil, false
	}
	n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
	zr, err := zlib.NewReader(bytes.NewReader(b[m[1] : m[1]+n]))
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	return out, true
}

// TestPDFNoFontSelectionsAhead: a long register's rows select their fonts
// as they are drawn; no page holds a series of font selections with
// nothing drawn between them (once two per row, written ahead of the
// table).
func TestPDFNoFontSelectionsAhead(t *testing.T) {
	c, f := manyProviders(t, 300)
	data, err := WritePDF(Build(c, f, model.De))
	if err != nil {
		t.Fatal(err)
	}
	fontOnly := regexp.MustCompile(`^BT /F\w+ [\d.]+ Tf ET$`)
	streams := pdfStreams(t, data)
	pages := 0
	for i, s := range streams {
		if !bytes.Contains(s, []byte(" Tf")) {
			continue // a font's ToUnicode map
		}
		pages++
		run, most := 0, 0
		for line := range bytes.Lines(s) {
			line = bytes.TrimSpace(line)
			switch {
			case fontOnly.Match(line):
				run++
				most = max(most, run)
			case len(line) > 0:
				run = 0
			}
		}
		if most > 4 {
			t.Errorf("stream %d: %d font selections in a row with nothing drawn", i, most)
		}
	}
	if pages < 20 {
		t.Fatalf("found %d page streams, want at least 20", pages)
	}
}
