package model

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	json "github.com/goccy/go-json"
)

// terminalPayloads are text a hostile answers file or catalogue could hold.
var terminalPayloads = []string{
	"\x1b]52;c;ZXZpbA==\x07",            // OSC 52: write the clipboard
	"\x1b[2J\x1b[H",                     // clear the screen
	"abc\x08\x08\x08xyz",                // backspaces over what was shown
	"\u009b31m",                         // C1 CSI
	"\u202egnp.exe",                     // right-to-left override
	"a\u2066b\u2069c\u200e\u200f\u061c", // isolates and marks
	"Muster\nNächste Prüfung: 01.01.2099",
	"line\rover",
	"\x7f\x00\x1f",
	"\xff\xfe bad UTF-8 \xc3",
}

func TestTerminalSafeForms(t *testing.T) {
	for in, want := range map[string]string{
		"Müller & Söhne – 東京 🙂":    "Müller & Söhne – 東京 🙂",
		"a\tb\nc":                  "a\tb\nc",
		"\x1b[2J":                  `\x1b[2J`,
		"\x07\x08\x7f\x00":         `\x07\x08\x7f\x00`,
		"x\ry":                     `x\ry`,
		"\u009b1m\u0085":           `\u009b1m\u0085`,
		"\u202eabc\u202c":          "<U+202E>abc<U+202C>",
		"\u2066\u2069\u200e\u061c": "<U+2066><U+2069><U+200E><U+061C>",
		"a\u2028b":                 "a<U+2028>b",
		"bad \xff byte":            "bad \uFFFD byte",
		`C:\x1b`:                   `C:\x1b`,
	} {
		if got := TerminalSafe(in); got != want {
			t.Errorf("TerminalSafe(%q) = %q, want %q", in, got, want)
		}
	}
	if got := TerminalLine("a\nb"); got != `a\nb` {
		t.Errorf("TerminalLine keeps the line feed: %q", got)
	}
}

// terminalClean reports the first character of s a terminal would obey.
func terminalClean(t *testing.T, s string, oneLine bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("not UTF-8: %q", s)
	}
	for _, r := range s {
		if !isTerminalSafe(r, oneLine) {
			t.Fatalf("raw %U in %q", r, s)
		}
	}
}

func TestTerminalWriterJoinsSplitRunes(t *testing.T) {
	var buf bytes.Buffer
	w := TerminalWriter(&buf)
	in := []byte("Prüfung \u009b2J \u202e ok")
	for i := range in {
		if _, err := w.Write(in[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := buf.String(), `Prüfung \u009b2J <U+202E> ok`; got != want {
		t.Errorf("byte by byte: %q, want %q", got, want)
	}
}

func TestJSONTerminalSafeKeepsValue(t *testing.T) {
	for _, p := range terminalPayloads {
		data, err := json.Marshal(map[string]string{"k\u202e": p})
		if err != nil {
			t.Fatal(err)
		}
		safe := JSONTerminalSafe(data)
		for _, r := range string(safe) {
			if !jsonSafe(r) {
				t.Fatalf("%q: raw %U in %s", p, r, safe)
			}
		}
		var back map[string]string
		if err := json.Unmarshal(safe, &back); err != nil {
			t.Fatalf("%s: %v", safe, err)
		}
		if utf8.ValidString(p) && back["k\u202e"] != p {
			t.Errorf("%q decodes to %q", p, back["k\u202e"])
		}
	}
}

// FuzzTerminalSafe: whatever the input, the output holds no character a
// terminal would obey, is valid UTF-8, keeps every safe character in order,
// and is unchanged by a second pass.
func FuzzTerminalSafe(f *testing.F) {
	for _, p := range terminalPayloads {
		f.Add(p)
	}
	f.Add("")
	f.Add("plain text")
	f.Fuzz(func(t *testing.T, s string) {
		for _, oneLine := range []bool{false, true} {
			out := terminalSafe(s, oneLine)
			terminalClean(t, out, oneLine)
			if again := terminalSafe(out, oneLine); again != out {
				t.Fatalf("second pass changed %q to %q", out, again)
			}
			// The safe characters of s appear in out in the same order.
			keep := []rune{}
			for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
				if isTerminalSafe(r, oneLine) && r != '\\' {
					keep = append(keep, r)
				}
			}
			rest := out
			for _, r := range keep {
				i := strings.IndexRune(rest, r)
				if i < 0 {
					t.Fatalf("%q lost %q: %q", s, r, out)
				}
				rest = rest[i+utf8.RuneLen(r):]
			}
		}
	})
}

// BenchmarkTerminalSafe: a clean status line (the common case, no copy) and
// one full of escapes.
func BenchmarkTerminalSafe(b *testing.B) {
	clean := strings.Repeat("Organisation:     Müller & Söhne GmbH – Stand 01.02.2026\n", 20)
	hostile := strings.Repeat(terminalPayloads[0]+terminalPayloads[4], 20)
	b.Run("clean", func(b *testing.B) {
		b.SetBytes(int64(len(clean)))
		for b.Loop() {
			TerminalSafe(clean)
		}
	})
	b.Run("hostile", func(b *testing.B) {
		b.SetBytes(int64(len(hostile)))
		for b.Loop() {
			TerminalSafe(hostile)
		}
	})
}

// BenchmarkTerminalWriter: a status report of 1,000 providers' size (about
// 230 KB of clean text) written at once.
func BenchmarkTerminalWriter(b *testing.B) {
	report := []byte(strings.Repeat("  - Dienstleister „Müller & Söhne GmbH (3)“: AV-Vertrag zuletzt geprüft am – kein\n", 2800))
	w := TerminalWriter(io.Discard)
	b.SetBytes(int64(len(report)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Write(report); err != nil {
			b.Fatal(err)
		}
	}
}

// Every two-byte sequence is judged as isTerminalSafe judges its character,
// whether it stands in a run of ASCII or not.
func TestTerminalSafeTwoByte(t *testing.T) {
	for r := rune(0x80); r < 0x800; r++ {
		for _, s := range []string{string(r), "abcdefgh" + string(r) + "abcdefgh", string(r) + "\n"} {
			want := isTerminalSafe(r, false)
			if got := TerminalSafe(s) == s; got != want {
				t.Errorf("U+%04X in %q: kept %v, want %v", r, s, got, want)
			}
		}
	}
	// A lead byte without its continuation is not UTF-8.
	if got := TerminalSafe("ab\xc3"); got != "ab\uFFFD" {
		t.Errorf("truncated sequence: %q", got)
	}
}

// Every byte, at every place of a run of ASCII that the check reads eight
// at a time, is judged as a rune-by-rune reading judges it.
func TestTerminalSafeEveryByte(t *testing.T) {
	for c := range 256 {
		for at := range 17 {
			b := []byte("abcdefghijklmnopq")
			b[at] = byte(c)
			s := string(b)
			want := utf8.ValidString(s)
			for _, r := range s {
				want = want && isTerminalSafe(r, false)
			}
			if got := TerminalSafe(s) == s; got != want {
				t.Errorf("byte %#x at %d: kept %v, want %v", c, at, got, want)
			}
		}
	}
}
