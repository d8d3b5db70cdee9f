package model

import (
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
