package model

import (
	"fmt"
	"path/filepath"
	"testing"
)

// benchFile is a file with n service providers, every field filled.
func benchFile(c *Catalog, n int) *File {
	f := sampleFile(c)
	recs := make([]Record, n)
	cats := []string{"hosting", "software", "other"}
	for i := range recs {
		recs[i] = Record{
			"id":         String(fmt.Sprintf("p%04d", i)),
			"name":       String(fmt.Sprintf("Dienstleister Nr. %d GmbH & Co. KG", i)),
			"email":      String(fmt.Sprintf("kontakt%d@dienstleister-%d.de", i, i)),
			"category":   String(cats[i%3]),
			"processor":  Bool(true),
			"avv_signed": String("2024-05-20"),
		}
	}
	f.Set("providers", Records(recs...))
	return f
}

// BenchmarkLoadValidate1000: parse, migrate and validate a file with 1,000
// service providers.
func BenchmarkLoadValidate1000(b *testing.B) {
	c := smallCatalog(b)
	data, err := Marshal(benchFile(c, 1000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse("bench.json", data, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave1000: atomic save (temp file, fsync, rename) of that file.
func BenchmarkSave1000(b *testing.B) {
	c := smallCatalog(b)
	f := benchFile(c, 1000)
	path := filepath.Join(b.TempDir(), "tom.json")
	b.ReportAllocs()
	for b.Loop() {
		if err := Save(path, f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshal1000: encoding alone.
func BenchmarkMarshal1000(b *testing.B) {
	c := smallCatalog(b)
	f := benchFile(c, 1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(f); err != nil {
			b.Fatal(err)
		}
	}
}
