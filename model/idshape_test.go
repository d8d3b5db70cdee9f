package model

import (
	"regexp"
	"testing"
)

// TestIDShapes: the ID shapes match exactly what their regular expressions
// match, for every string of up to three characters from a set that covers
// each class and its edges.
func TestIDShapes(t *testing.T) {
	shapes := []struct {
		name  string
		shape idShape
		re    *regexp.Regexp
	}{
		{"idPattern", idPattern, regexp.MustCompile(`^[a-z][a-z0-9_.]*$`)},
		{"catalogIDPattern", catalogIDPattern, regexp.MustCompile(`^[a-z][a-z0-9_.-]*$`)},
		{"optionPattern", optionPattern, regexp.MustCompile(`^[a-z0-9][a-z0-9_.]*$`)},
		{"scanPattern", scanPattern, regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)},
		{"supportIDPattern", supportIDPattern, regexp.MustCompile(`^[a-z][a-z0-9.-]*$`)},
	}
	chars := []string{"a", "z", "0", "9", "_", ".", "-", "A", "`", "{", "/", ":", " ", "\n", "é"}
	var each func(s string, n int)
	each = func(s string, n int) {
		for _, p := range shapes {
			if got, want := p.shape.MatchString(s), p.re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, want %v", p.name, s, got, want)
			}
		}
		if n > 0 {
			for _, c := range chars {
				each(s+c, n-1)
			}
		}
	}
	each("", 3)
}
