package model

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// supportTokensCopying is supportTokens as it was, copying each word: the
// reference for TestSupportTokensAsBefore and FuzzSupportTokens.
func supportTokensCopying(s string) []string {
	var toks []string
	var cur []byte
	flush := func() {
		w := strings.Trim(string(cur), ".")
		if w != "" {
			toks = append(toks, w)
		}
		cur = cur[:0]
	}
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' }
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !isLetter(c) && !isDigit(c) && c != '.' {
			flush()
			continue
		}
		if isDigit(c) && len(cur) >= 2 && isLetter(cur[len(cur)-1]) && !bytes.ContainsFunc(cur, func(r rune) bool { return r < 'a' || r > 'z' }) {
			flush()
		}
		cur = append(cur, c)
	}
	flush()
	return toks
}

// TestSupportTokensAsBefore: the words of every name, codename and entry
// name of the shipped table, and of names in other cases and shapes, are
// those the copying version gave.
func TestSupportTokensAsBefore(t *testing.T) {
	_, tableData := shippedFiles(t)
	st, err := ParseSupportTable("os-support.json", []byte(tableData))
	if err != nil {
		t.Fatal(err)
	}
	in := []string{"", "Win10 Pro", "WINDOWS 11 23H2", "macOS.Sonoma..14.", "Ubuntu 22.04.3 LTS", "ab1", "a1", "x.y2", "Ärger-OS 3", "iOS17", "..", "win 10"}
	for _, f := range st.Families {
		in = append(in, f.Names...)
		in = append(in, f.Unless...)
	}
	for _, e := range st.Entries {
		in = append(in, e.Name, strings.ToUpper(e.Name), e.Version)
		in = append(in, e.Codenames...)
	}
	for _, s := range in {
		if got, want := supportTokens(s), supportTokensCopying(s); !slices.Equal(got, want) {
			t.Errorf("supportTokens(%q) = %q, was %q", s, got, want)
		}
	}
}

// FuzzSupportTokens: on any text supportTokens gives the words the copying
// version gave.
func FuzzSupportTokens(f *testing.F) {
	for _, s := range []string{"Windows 10 22H2", "win10", "macOS 14.1 Sonoma", "Debian GNU/Linux 12 (bookworm)", "a.1B", "\xff9ab2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := supportTokens(s), supportTokensCopying(s); !slices.Equal(got, want) {
			t.Fatalf("supportTokens(%q) = %q, was %q", s, got, want)
		}
	})
}
