package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRenderBatchSameAsOneByOne: a batch rendered on every core writes the
// same files with the same bytes, and says the same things in the same
// order, as rendering each answers file alone; an invalid file in the middle
// is reported and the files after it are still written.
func TestRenderBatchSameAsOneByOne(t *testing.T) {
	files := clientFiles(t, 6)
	if err := os.WriteFile(files[2], []byte("{\n  \"schema\": 1,\n  \"answers\": {\"org.name\": 7}\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	batch := t.TempDir() + "/"
	code, stdout, stderr := cliRun(nil, append(append([]string{"render"}, files...), "--format", "all", "--out", batch)...)
	if code != 1 {
		t.Fatalf("batch: exit %d, want 1; stderr:\n%s", code, stderr)
	}
	single := t.TempDir() + "/"
	var oneOut, oneErr strings.Builder
	for _, p := range files {
		_, o, e := cliRun(nil, "render", p, "--format", "all", "--out", single)
		oneOut.WriteString(o)
		oneErr.WriteString(e)
	}
	if got, want := strings.ReplaceAll(stdout, batch, single), oneOut.String(); got != want {
		t.Errorf("batch stdout differs from one by one:\n%s\nwant:\n%s", got, want)
	}
	if !strings.HasPrefix(stderr, oneErr.String()) {
		t.Errorf("batch stderr does not report the invalid file as alone:\n%s\nwant first:\n%s", stderr, oneErr.String())
	}
	bs, ss := dirFiles(t, batch), dirFiles(t, single)
	if len(bs) != 5*5 {
		t.Errorf("batch wrote %d documents, want %d", len(bs), 5*5)
	}
	for name, data := range ss {
		if !bytes.Equal(bs[name], data) {
			t.Errorf("%s: batch output differs from one-by-one output (or is missing)", name)
		}
	}
	for name := range bs {
		if _, ok := ss[name]; !ok {
			t.Errorf("%s: written by the batch only", name)
		}
	}
}

// dirFiles reads every file in dir.
func dirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		out[e.Name()] = readFile(t, filepath.Join(dir, e.Name()))
	}
	return out
}

// TestRenderBatchWriteFailureInOrder: a document that cannot be written
// (its name is a symlink pointing at itself) is reported where a run one
// by one reports it, between the documents written before and after it,
// and the other documents, of that answers file too, are written with the
// same bytes.
func TestRenderBatchWriteFailureInOrder(t *testing.T) {
	files := clientFiles(t, 4)
	probe := t.TempDir() + "/"
	if code, _, stderr := cliRun(nil, "render", files[1], "--format", "docx", "--out", probe); code != 0 {
		t.Fatalf("render: exit %d: %s", code, stderr)
	}
	names := dirFiles(t, probe)
	if len(names) != 1 {
		t.Fatalf("render wrote %d files, want 1", len(names))
	}
	batch, single := t.TempDir()+"/", t.TempDir()+"/"
	for name := range names {
		for _, dir := range []string{batch, single} {
			if err := os.Symlink(name, filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	code, got := cliRunMerged(append(append([]string{"render"}, files...), "--format", "all", "--out", batch, "--force")...)
	if code != 1 {
		t.Fatalf("batch: exit %d, want 1:\n%s", code, got)
	}
	var want strings.Builder
	for _, p := range files {
		_, out := cliRunMerged("render", p, "--format", "all", "--out", single, "--force")
		want.WriteString(out)
	}
	got = strings.ReplaceAll(got, batch, single)
	if !strings.HasPrefix(got, want.String()) || strings.Count(got, "\n") != strings.Count(want.String(), "\n")+1 {
		t.Errorf("batch output differs from one by one (beyond its last line):\n%s\nwant:\n%s", got, want.String())
	}
	lines := strings.Split(want.String(), "\n")
	if len(lines) < 10 || !strings.HasPrefix(lines[8], "err: ") || strings.HasPrefix(lines[7], "err: ") || strings.HasPrefix(lines[9], "err: ") {
		t.Errorf("want the second file's DOCX failure after its PDF and before its text:\n%s", want.String())
	}
	bs, ss := regularFiles(t, batch), regularFiles(t, single)
	if len(bs) != 4*5-1 || len(ss) != 4*5-1 {
		t.Errorf("batch wrote %d documents, one by one %d; want %d", len(bs), len(ss), 4*5-1)
	}
	for name, data := range ss {
		if !bytes.Equal(bs[name], data) {
			t.Errorf("%s: batch output differs from one-by-one output (or is missing)", name)
		}
	}
}

// regularFiles reads every regular file in dir.
func regularFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if e.Type().IsRegular() {
			out[e.Name()] = readFile(t, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// cliRunMerged runs tom and returns its exit code and what it wrote, a
// line per write, standard output and error told apart by "out: " and
// "err: ", in the order written.
func cliRunMerged(args ...string) (int, string) {
	var b strings.Builder
	g := &Globals{
		In:              strings.NewReader(""),
		Out:             prefixWriter{&b, "out: "},
		Err:             prefixWriter{&b, "err: "},
		Getenv:          func(string) string { return "" },
		Now:             func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) },
		StdinIsTerminal: func() bool { return false },
	}
	code := Run(g, args)
	return code, b.String()
}

// prefixWriter writes each write to w after a prefix.
type prefixWriter struct {
	w      *strings.Builder
	prefix string
}

func (p prefixWriter) Write(data []byte) (int, error) {
	p.w.WriteString(p.prefix)
	return p.w.Write(data)
}

// clientFiles writes n answers files made from the render sample, each for
// its own business (Kunde 0 GmbH, …), in one folder, in name order.
func clientFiles(t *testing.T, n int) []string {
	t.Helper()
	src := t.TempDir()
	sample := readFile(t, renderSample(t, src, "sample.json"))
	files := make([]string, n)
	for i := range files {
		files[i] = filepath.Join(src, fmt.Sprintf("k%03d.json", i))
		data := bytes.Replace(sample, []byte("Webagentur Krüger & Söhne GmbH"), fmt.Appendf(nil, "Kunde %d GmbH", i), 1)
		if err := os.WriteFile(files[i], data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return files
}
