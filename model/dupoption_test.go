package model

import (
	"fmt"
	"slices"
	"testing"
)

// TestDupOption: a multiple choice names each option once; a repeat is
// reported at each later place, an unknown option as unknown, in short lists
// (searched) and long ones (a set) alike.
func TestDupOption(t *testing.T) {
	opts := []*Option{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	for _, n := range []int{0, 20} {
		list := []string{"a", "b", "a", "x", "x", "c", "b"}
		want := []string{"/2 dup_option", "/3 unknown_option", "/4 unknown_option", "/6 dup_option"}
		for range n {
			list = append(list, "c")
		}
		for i := range n {
			want = append(want, fmt.Sprintf("/%d dup_option", 7+i))
		}
		var got []string
		checkValue("", KindMultiChoice, opts, List(list...), func(p, key string, _ ...any) {
			got = append(got, p+" "+key)
		})
		if !slices.Equal(got, want) {
			t.Errorf("%d items: %q, want %q", len(list), got, want)
		}
	}
}
