package model

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	json "github.com/goccy/go-json"
)

// addSeeds adds every answers file of testdata/bad and testdata/good.
func addSeeds(f *testing.F) {
	for _, dir := range []string{"bad", "good"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.json"))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
}

// FuzzParse: Parse never panics, every error has a position, and a file it
// accepts saves to bytes that parse again to the same bytes.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	c := smallCatalog(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, _, err := Parse("fuzz.json", data, c)
		if err != nil {
			le, ok := err.(*LoadError)
			if !ok || len(le.Problems) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			for _, p := range le.Problems {
				if p.Line < 1 || p.Col < 1 {
					t.Fatalf("problem without position: %+v", p)
				}
			}
			return
		}
		a, err := Marshal(file)
		if err != nil {
			t.Fatalf("Marshal of a parsed file: %v", err)
		}
		g, _, err := Parse("again.json", a, c)
		if err != nil {
			t.Fatalf("saved file does not parse: %v\n%s", err, a)
		}
		b, err := Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatalf("not byte-stable:\n%s\n---\n%s", a, b)
		}
	})
}

// FuzzScanPositions: the positions scanner never panics, and on valid JSON
// every offset it records points at the first byte of a JSON value.
func FuzzScanPositions(f *testing.F) {
	addSeeds(f)
	f.Add([]byte(`{"a": [1, {"b": "x\"y"}], "a": null, "c~/d": true}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := scanPositions(data)
		if p == nil {
			t.Fatal("nil positions")
		}
		var x any
		if json.Unmarshal(data, &x) != nil {
			return
		}
		for ptr, off := range p.at {
			if off < 0 || off >= len(data) || !bytes.ContainsRune([]byte(`{["tfn-0123456789`), rune(data[off])) {
				t.Fatalf("pointer %q at offset %d does not start a value", ptr, off)
			}
		}
		if _, isObj := x.(map[string]any); isObj && p.at[""] != bytes.IndexByte(data, '{') {
			t.Fatalf("root at %d", p.at[""])
		}
	})
}
