package model

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// TestCheckInputRefusesControlsAndLength: typed input is held to the same
// rules as a loaded file: no control characters, one line where one line is
// asked for, the length limits.
func TestCheckInputRefusesControlsAndLength(t *testing.T) {
	cases := []struct{ kind, in, key string }{
		{KindText, "Muster\x1b[2J GmbH", "control_char"},
		{KindText, "Muster\u009b GmbH", "control_char"},
		{KindText, "a\x07b", "control_char"},
		{KindText, "zwei\nZeilen", "one_line"},
		{KindText, "Absatz\u2029Trenner", "one_line"},
		{KindEmail, "a@example.de\x1b", "control_char"},
		{KindText, strings.Repeat("x", MaxLineLen), ""},
		{KindText, strings.Repeat("x", MaxLineLen+1), "too_long_line"},
		{KindText, strings.Repeat("ä", 50000), "too_long_line"},
		{KindTextarea, "zwei\nZeilen\tmit Tab", ""},
		{KindTextarea, "Windows\r\nZeilen\r\n", ""},
		{KindTextarea, "nackt\rCR", "control_char"},
		{KindTextarea, "a\x1bb", "control_char"},
		{KindTextarea, strings.Repeat("y", MaxTextLen), ""},
		{KindTextarea, strings.Repeat("y", MaxTextLen+1), "too_long_text"},
	}
	for _, tc := range cases {
		if _, key := CheckInput(tc.kind, tc.in); key != tc.key {
			t.Errorf("%s %.40q: key %q, want %q", tc.kind, tc.in, key, tc.key)
		}
	}
	// The argument-less messages name the limits the code enforces.
	for key, n := range map[string]int{"too_long_line": MaxLineLen, "too_long_text": MaxTextLen} {
		for _, l := range []Lang{De, En} {
			if !strings.Contains(Msg.Get(l, key), strconv.Itoa(n)) {
				t.Errorf("%s %s does not say %d", key, l, n)
			}
		}
	}
}

// TestStringCharOffset: the position of a character inside a JSON string
// counts escapes as the one character they stand for.
func TestStringCharOffset(t *testing.T) {
	data := []byte(`"aä\n\u001b\ud83d\ude00x"`)
	for n, want := range []int{1, 2, 4, 6, 12, 24, 25} {
		if got := stringCharOffset(data, 0, n); got != want {
			t.Errorf("char %d: offset %d, want %d", n, got, want)
		}
	}
}

// TestTextProblemASCIIPrefix: textProblem's pass over printable ASCII
// counts characters as the decoding loop does: positions and lengths of
// texts that start with ASCII and go on with other characters.
func TestTextProblemASCIIPrefix(t *testing.T) {
	for _, tc := range []struct {
		s         string
		multiline bool
		key       string
		at        int
	}{
		{"abc\x1bd", false, "control_char", 3},
		{"abä\x1b", false, "control_char", 3},
		{"ab\ncd", false, "one_line", 2},
		{"ab\ncd", true, "", -1},
		{"äöü\u2028", true, "one_line", 3},
		{strings.Repeat("a", MaxLineLen), false, "", -1},
		{strings.Repeat("a", MaxLineLen+1), false, "too_long_line", -1},
		{strings.Repeat("a", MaxLineLen-1) + "ä", false, "", -1},
		{strings.Repeat("a", MaxLineLen) + "ä", false, "too_long_line", -1},
		{strings.Repeat("ä", MaxLineLen), false, "", -1},
		{"a\x7f", false, "control_char", 1},
		{"a\u0085b", false, "control_char", 1},
	} {
		if key, at, _ := textProblem(tc.s, tc.multiline); key != tc.key || at != tc.at {
			t.Errorf("textProblem(%.20q, %v) = %q, %d; want %q, %d", tc.s, tc.multiline, key, at, tc.key, tc.at)
		}
	}
}

// textProblemRef is textProblem decoding every character.
func textProblemRef(s string, multiline bool) (string, int, rune) {
	i := 0
	for _, c := range s {
		if isForbiddenControl(c, multiline) {
			if c == '\n' || c == '\u2028' || c == '\u2029' {
				return "one_line", i, c
			}
			return "control_char", i, c
		}
		i++
	}
	switch {
	case multiline && i > MaxTextLen:
		return "too_long_text", -1, 0
	case !multiline && i > MaxLineLen:
		return "too_long_line", -1, 0
	}
	return "", -1, 0
}

// TestTextProblemRef compares textProblem with the character loop on texts
// made of the characters around each boundary, at every position in a word.
func TestTextProblemRef(t *testing.T) {
	edge := []string{"\x00", "\x1f", " ", "~", "\x7f", "\u0080", "\u0085", "ä", "\u2028", "\n", "\t", "€", "\xff"}
	r := rand.New(rand.NewSource(3))
	for n := range 3000 {
		var b strings.Builder
		for range r.Intn(30) {
			if r.Intn(10) == 0 {
				b.WriteString(edge[r.Intn(len(edge))])
			} else {
				b.WriteByte(byte('a' + r.Intn(26)))
			}
		}
		s, ml := b.String(), r.Intn(2) == 0
		k1, a1, c1 := textProblem(s, ml)
		k2, a2, c2 := textProblemRef(s, ml)
		if k1 != k2 || a1 != a2 || c1 != c2 {
			t.Fatalf("case %d: textProblem(%q, %v) = %q %d %q, want %q %d %q", n, s, ml, k1, a1, c1, k2, a2, c2)
		}
	}
}

func FuzzTextProblem(f *testing.F) {
	f.Add("Grüße\x1b aus Köln", false)
	f.Add("zwei\nZeilen\u2028", true)
	f.Fuzz(func(t *testing.T, s string, ml bool) {
		k1, a1, c1 := textProblem(s, ml)
		k2, a2, c2 := textProblemRef(s, ml)
		if k1 != k2 || a1 != a2 || c1 != c2 {
			t.Fatalf("textProblem(%q, %v) = %q %d %q, want %q %d %q", s, ml, k1, a1, c1, k2, a2, c2)
		}
	})
}

// TestPrintableLen compares printableLen with a byte loop, every byte value
// at every position of a word.
func TestPrintableLen(t *testing.T) {
	for c := range 256 {
		for pos := range 17 {
			b := []byte(strings.Repeat("x", 17))
			b[pos] = byte(c)
			want := 17
			if c < 0x20 || c >= 0x7f {
				want = pos
			}
			if got := printableLen(string(b)); got != want {
				t.Fatalf("printableLen with %#x at %d = %d, want %d", c, pos, got, want)
			}
		}
	}
}
