package model

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSampleFileFormat pins the saved form of a full answers file: the
// golden testdata/good/small-sample.json is what Marshal writes.
func TestSampleFileFormat(t *testing.T) {
	c := smallCatalog(t)
	got, err := Marshal(sampleFile(c))
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "testdata", "good", "small-sample.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("saved form changed:\n%s", got)
	}
}

// TestGoodFiles loads every file in testdata/good and checks that saving it
// is stable from then on.
func TestGoodFiles(t *testing.T) {
	c := smallCatalog(t)
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "good", "*.json"))
	if len(files) < 2 {
		t.Fatalf("only %d good files", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, _, err := Load(path, c)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := Marshal(f)
			g, _, err := Parse("again.json", a, c)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := Marshal(g)
			if !bytes.Equal(a, b) {
				t.Error("not stable")
			}
		})
	}
}
