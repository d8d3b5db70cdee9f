package model

import (
	"os"
	"testing"
)

// FuzzParseCatalog feeds arbitrary bytes to the catalogue loader (a
// consultant's --catalog file): it must never panic, and a catalogue it
// accepts must be usable: a new answers file for it saves and loads again.
func FuzzParseCatalog(f *testing.F) {
	for _, p := range []string{"../testdata/small-catalog.json", "../testdata/review/catalog-1.1.json"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"id":"x","version":"1.0.0","title":{"de":"a","en":"b"},"sections":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCatalog("fuzz.json", data)
		if err != nil {
			return
		}
		v := View{C: c, F: NewFile(c, De)}
		for _, s := range v.Sections() {
			v.Completeness(s)
		}
		v.OpenItems()
		out, err := Marshal(v.F)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := Parse("fuzz-answers.json", out, c); err != nil {
			t.Fatalf("a new file for an accepted catalogue does not load: %v", err)
		}
	})
}
