package render

import (
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
