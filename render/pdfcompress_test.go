package render

import (
	"bytes"
	"testing"
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
		if _, err := pdfCompress([]byte(in), nil); err == nil {
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
