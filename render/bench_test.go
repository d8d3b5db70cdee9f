package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// benchSizes are the register sizes the benchmarks use; growth from 10 to
// 1,000 providers must be linear.
var benchSizes = []int{10, 100, 1000}

// BenchmarkRender builds and writes the sample with 10, 100 and 1,000 service
// providers in every format (targets at 1,000: PDF < 150 ms, DOCX < 60 ms,
// HTML and Markdown < 20 ms).
func BenchmarkRender(b *testing.B) {
	for _, format := range Formats {
		for _, n := range benchSizes {
			c, f := manyProviders(b, n)
			b.Run(fmt.Sprintf("%s/%d", format, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Write(Build(c, f, model.De), format); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkBuild measures the document model alone.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		c, f := manyProviders(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Build(c, f, model.De)
			}
		})
	}
}

// BenchmarkPDFLongOrg renders the sample whose organisation name is 50,000
// characters long (issue 13: the running header shortened it one character
// at a time on every page). Target: well under 1 s per document.
func BenchmarkPDFLongOrg(b *testing.B) {
	c, f := loadSample(b)
	org := []rune(strings.Repeat("Müller & Söhne Gebäudereinigung ", 50000/32+1))[:50000]
	f.Set("org.name", model.String(string(org)))
	d := Build(c, f, model.De)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WritePDF(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite measures each writer alone, on a document built once, with
// 10 and 1,000 service providers.
func BenchmarkWrite(b *testing.B) {
	for _, format := range Formats {
		for _, n := range []int{10, 1000} {
			c, f := manyProviders(b, n)
			d := Build(c, f, model.De)
			b.Run(fmt.Sprintf("%s/%d", format, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Write(d, format); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
