package model

import (
	"fmt"
	"path/filepath"
	"strconv"
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

// manyProblems is a one-line answers file with n unknown top-level keys:
// n problems, each at its own place far into the line.
func manyProblems(n int) []byte {
	var b []byte
	b = append(b, `{"schema": 1, "catalog": {"id": "tom-small", "version": "1.0.0"}`...)
	for i := range n {
		b = fmt.Appendf(b, `, "unbekannt_%d": %d`, i, i)
	}
	return append(b, "}\n"...)
}

// BenchmarkValidate100000Problems: a file with 100,000 problems (2.3 MB,
// one line) is parsed, placed and reported (the first MaxListed) in linear
// time. Besides wall time it reports the process's CPU time per operation,
// which a busy machine does not inflate.
func BenchmarkValidate100000Problems(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			c := smallCatalog(b)
			data := manyProblems(n)
			b.SetBytes(int64(len(data)))
			cpu0 := cpuTime()
			for b.Loop() {
				_, _, err := Parse("many.json", data, c)
				if err == nil {
					b.Fatal("accepted")
				}
				_ = err.Error()
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// standardFile is the sample answers file with its longest record list
// (the service providers) repeated to n records, each with its own ID and
// name, for the real catalogue: what a large user's file costs to load.
func standardFile(b *testing.B, n int) (*Catalog, []byte) {
	b.Helper()
	c, err := LoadCatalogFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		b.Fatal(err)
	}
	f, _, err := Load(filepath.Join("..", "testdata", "sample", "tom.json"), c)
	if err != nil {
		b.Fatal(err)
	}
	var list string
	for id, v := range f.Answers {
		if len(v.Records()) > len(f.Get(list).Records()) {
			list = id
		}
	}
	src := f.Get(list).Records()
	if len(src) == 0 {
		b.Fatal("the sample has no records")
	}
	recs := make([]Record, n)
	for i := range recs {
		r := Record{}
		for k, v := range src[i%len(src)] {
			r[k] = v
		}
		r["id"] = String(fmt.Sprintf("p%05d", i))
		r["name"] = String(fmt.Sprintf("%s (%d)", src[i%len(src)]["name"].Str(), i))
		recs[i] = r
	}
	f.Set(list, Records(recs...))
	data, err := Marshal(f)
	if err != nil {
		b.Fatal(err)
	}
	return c, data
}

// BenchmarkLoadValidateStandard1000: parse, migrate and validate the sample
// with 1,000 realistic service providers against the real catalogue.
func BenchmarkLoadValidateStandard1000(b *testing.B) {
	c, data := standardFile(b, 1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, _, err := Parse("bench.json", data, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}
