package render

import (
	"fmt"
	"testing"

	"tom/model"
)

// BenchmarkRender builds and writes the sample with 10 and 1,000 service
// providers in every format (targets at 1,000: PDF < 150 ms, DOCX < 60 ms,
// HTML and Markdown < 20 ms).
func BenchmarkRender(b *testing.B) {
	for _, format := range Formats {
		for _, n := range []int{10, 1000} {
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
