package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderBatchSameAsOneByOne: a batch rendered on every core writes the
// same files with the same bytes, and says the same things in the same
// order, as rendering each answers file alone; an invalid file in the middle
// is reported and the files after it are still written.
func TestRenderBatchSameAsOneByOne(t *testing.T) {
	src := t.TempDir()
	sample := renderSample(t, src, "sample.json")
	var files []string
	for i := range 6 {
		p := filepath.Join(src, fmt.Sprintf("k%d.json", i))
		data := bytes.Replace(readFile(t, sample), []byte("Webagentur Krüger & Söhne GmbH"), fmt.Appendf(nil, "Kunde %d GmbH", i), 1)
		if i == 2 {
			data = []byte("{\n  \"schema\": 1,\n  \"answers\": {\"org.name\": 7}\n}\n")
		}
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
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
