package model

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestSprintfAsFmt: the messages' formatter gives what fmt.Sprintf gives,
// for random formats of verbs (those it writes itself and others), flags,
// percent signs and text, with arguments of several types, too few and too
// many.
func TestSprintfAsFmt(t *testing.T) {
	parts := []string{"%s", "%d", "%s", "%d", "%%", "%q", "%v", "%5d", "%-3s", "%[1]s", "%", "%x", "abc", "ä „x“ ", " ", "\n"}
	vals := []any{"", "Wert", "ä%s", 0, 7, -12, De, nil, 3.5, true, []string{"a"}, int64(4)}
	r := rand.New(rand.NewSource(41))
	for range 20000 {
		var f strings.Builder
		for k := r.Intn(6); k > 0; k-- {
			f.WriteString(parts[r.Intn(len(parts))])
		}
		args := make([]any, 1+r.Intn(3))
		for i := range args {
			args[i] = vals[r.Intn(len(vals))]
		}
		if got, want := sprintf(f.String(), args), fmt.Sprintf(f.String(), args...); got != want {
			t.Fatalf("sprintf(%q, %#v) = %q, fmt gives %q", f.String(), args, got, want)
		}
	}
}

// FuzzSprintf: as TestSprintfAsFmt, for any format with a string and an int.
func FuzzSprintf(f *testing.F) {
	for _, s := range []string{"", "%s", "%d", "%s %d", "%%s", "%", "x%sy%dz", "%!s", "%s%s"} {
		f.Add(s, "ä", 3)
	}
	f.Fuzz(func(t *testing.T, format, s string, n int) {
		for _, args := range [][]any{{s}, {n}, {s, n}, {n, s}} {
			if got, want := sprintf(format, args), fmt.Sprintf(format, args...); got != want {
				t.Fatalf("sprintf(%q, %#v) = %q, fmt gives %q", format, args, got, want)
			}
		}
	})
}
