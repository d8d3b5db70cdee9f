package render

import (
	"fmt"
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
