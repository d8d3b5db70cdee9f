package render

import (
	"fmt"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// BenchmarkWriteDOCX measures the DOCX writer alone on the sample with 10
// and 1,000 service providers (BenchmarkRender adds building the document).
func BenchmarkWriteDOCX(b *testing.B) {
	for _, n := range []int{10, 1000} {
		c, f := manyProviders(b, n)
		d := Build(c, f, model.De)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := WriteDOCX(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
