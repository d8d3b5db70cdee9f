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
