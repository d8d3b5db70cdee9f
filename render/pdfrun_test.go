package render

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendCenti writes what strconv gives for v/100 as a float, the form the
// text runs had before (the PDF bytes must not change).
func TestAppendCenti(t *testing.T) {
	check := func(v int64) {
		got := string(appendCenti(nil, v))
		want := strconv.FormatFloat(float64(v)/100, 'f', -1, 64)
		if got != want {
			t.Fatalf("appendCenti(%d) = %q, want %q", v, got, want)
		}
	}
	for v := int64(-300000); v <= 300000; v++ {
		check(v)
	}
	for _, v := range []int64{1e9 + 7, -1e9 - 30, 1 << 40} {
		check(v)
	}
}

// appendFixed2 writes what strconv writes with two decimals (the bytes of
// the cell borders fpdf drew), also at ties, near ties and for -0.
func TestAppendFixed2(t *testing.T) {
	check := func(v float64) {
		got := string(appendFixed2(nil, v))
		if want := strconv.FormatFloat(v, 'f', 2, 64); got != want {
			t.Fatalf("appendFixed2(%v) = %q, want %q", v, got, want)
		}
	}
	for i := -20000; i <= 20000; i++ {
		check(float64(i) / 8)   // ties of the binary fractions
		check(float64(i) / 200) // decimal near-ties
		check(float64(i) * 0.0283464566929)
		check(math.Nextafter(float64(i)/200, math.Inf(1)))
		check(math.Nextafter(float64(i)/200, math.Inf(-1)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		check((r.Float64() - 0.5) * 2000)
		check(r.Float64() * 841.89 * 2.834645669)
	}
	for _, v := range []float64{0, math.Copysign(0, -1), -0.001, 0.004999, 1e13, -1e13, math.Inf(1), math.NaN()} {
		check(v)
	}
}
