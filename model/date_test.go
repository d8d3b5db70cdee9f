package model

import (
	"fmt"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2026-11-28", "2026-11-28"},
		{"28.11.2026", "2026-11-28"},
		{"1.2.2026", "2026-02-01"},
		{" 29.02.2024 ", "2024-02-29"},
		{"31.12.2999", "2999-12-31"},
	} {
		got, err := ParseDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "2026-11-31", "29.02.2025", "2026-1-05", "28.11.26", "1899-12-31", "3000-01-01",
		"2026/11/28", "28.11.2026.", "2026-11-28T10:00", "+2026-11-28", "٢٠٢٦-١١-٢٨", "00.11.2026", "28.13.2026", "x.y.z"} {
		if got, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", in, got)
		}
	}
}

func TestFormatDate(t *testing.T) {
	if got := FormatDate("2026-03-05", De); got != "05.03.2026" {
		t.Errorf("de: %q", got)
	}
	if got := FormatDate("2026-03-05", En); got != "5 March 2026" {
		t.Errorf("en: %q", got)
	}
	if got := FormatDate("soon", En); got != "soon" {
		t.Errorf("unparsable: %q", got)
	}
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-11-28", 12, "2027-11-28"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-03-31", -1, "2026-02-28"},
	} {
		got, err := AddMonths(tc.in, tc.n)
		if err != nil || got != tc.want {
			t.Errorf("AddMonths(%q, %d) = %q, %v; want %q", tc.in, tc.n, got, err, tc.want)
		}
	}
	if _, err := AddMonths("nope", 1); err == nil {
		t.Error("AddMonths accepted a bad date")
	}
}

func TestCheckEmail(t *testing.T) {
	for _, s := range []string{"info@example.de", "a.b+c@sub.example.co.uk", " x@y.de ", "müller@bäckerei.de"} {
		if !CheckEmail(s) {
			t.Errorf("CheckEmail(%q) = false", s)
		}
	}
	for _, s := range []string{"", "info", "@example.de", "info@", "info@example", "info@.example.de", "info@example.de.",
		"info@exa..mple.de", "a@b@c.de", "Max <max@example.de>", "a b@c.de", "a@b.de, c@d.de", "a@b.de;", "\"a\"@b.de"} {
		if CheckEmail(s) {
			t.Errorf("CheckEmail(%q) = true", s)
		}
	}
}

func TestCheckURL(t *testing.T) {
	for _, s := range []string{"www.example.de", "https://example.com/path?q=1", "HTTP://EXAMPLE.DE", "example.de:8443/x", "bäckerei.de"} {
		if !CheckURL(s) {
			t.Errorf("CheckURL(%q) = false", s)
		}
	}
	for _, s := range []string{"", "example", "ftp://example.de", "https://", "http://.de", "exa mple.de", "example..de", "<script>.de", "javascript:alert(1)"} {
		if CheckURL(s) {
			t.Errorf("CheckURL(%q) = true", s)
		}
	}
}

func TestCheckPhone(t *testing.T) {
	for _, s := range []string{"+49 30 1234567", "(030) 123 45-67", "0171/1234567", "030 12345*", "12345"} {
		if !CheckPhone(s) {
			t.Errorf("CheckPhone(%q) = false", s)
		}
	}
	for _, s := range []string{"", "1234", "+49 abc", "030 1234 ext. 5", "0301234567;"} {
		if CheckPhone(s) {
			t.Errorf("CheckPhone(%q) = true", s)
		}
	}
}

func TestCheckInput(t *testing.T) {
	for _, tc := range []struct{ kind, in, out, key string }{
		{KindDate, " 28.11.2026 ", "2026-11-28", ""},
		{KindDate, "morgen", "morgen", "not_date"},
		{KindEmail, " info@example.de ", "info@example.de", ""},
		{KindEmail, "info(at)example.de", "info(at)example.de", "not_email"},
		{KindURL, "www.example.de", "www.example.de", ""},
		{KindURL, "nowhere", "nowhere", "not_url"},
		{KindPhone, "+49 30 123456", "+49 30 123456", ""},
		{KindPhone, "call me", "call me", "not_phone"},
		{KindText, "  Müller & Söhne  ", "Müller & Söhne", ""},
		{KindText, "two\nlines", "two\nlines", "one_line"},
		{KindTextarea, "  Zeile 1\nZeile 2 \n\n", "  Zeile 1\nZeile 2", ""},
		{KindDate, "   ", "", ""},
		{KindEmail, "", "", ""},
	} {
		out, key := CheckInput(tc.kind, tc.in)
		if out != tc.out || key != tc.key {
			t.Errorf("CheckInput(%s, %q) = %q, %q; want %q, %q", tc.kind, tc.in, out, key, tc.out, tc.key)
		}
		if key != "" && Msg.Get(De, key) == key {
			t.Errorf("message key %q has no text", key)
		}
	}
}

func TestParseLangAndMessages(t *testing.T) {
	for in, want := range map[string]Lang{"": De, "de": De, "EN": En, "en_GB.UTF-8": En, "de-AT": De} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("ParseLang(fr) accepted")
	}
	m := Messages{"k": {De: "Hallo %s", En: "Hello %s"}, "only_de": {De: "nur deutsch"}}
	if m.Get(En, "k", "Welt") != "Hello Welt" || m.Get(De, "k", "Welt") != "Hallo Welt" {
		t.Error("Messages.Get formats wrong")
	}
	if m.Get(En, "only_de") != "nur deutsch" || m.Get(De, "missing") != "missing" {
		t.Error("Messages.Get fallback wrong")
	}
}

// TestModelMessagesComplete proves every model message has both languages
// and the same verbs in each.
func TestModelMessagesComplete(t *testing.T) {
	for _, table := range []Messages{Msg, lockMsg} {
		for k, v := range table {
			if v.De == "" || v.En == "" {
				t.Errorf("message %q lacks a language", k)
			}
			if countVerbs(v.De) != countVerbs(v.En) {
				t.Errorf("message %q: de and en take different arguments", k)
			}
		}
	}
}

func countVerbs(s string) int {
	n := 0
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			if s[i+1] == '%' {
				i++
				continue
			}
			n++
		}
	}
	return n
}

// TestCheckEmailFastPath: CheckEmail answers what it answered when every
// address went through net/mail, for addresses made of every kind of
// character around the dots and the @ (the shortcut for plain dot-atoms
// must never accept what net/mail refuses, nor the other way round).
func TestCheckEmailFastPath(t *testing.T) {
	viaMail := func(s string) bool {
		s, _, ok := emailShape(s)
		return ok && mailAddress(s)
	}
	// Pieces: every printable ASCII character, a few others, dots.
	var pieces []string
	for c := byte(0); c < 0x80; c++ {
		pieces = append(pieces, string(rune(c)))
	}
	pieces = append(pieces, "ä", "\u00a0", "\u2028", "\xff", ".", "..", "ab", "x.y", "(c)", "[1.2.3.4]")
	n := 0
	for _, l := range pieces {
		for _, d := range pieces {
			for _, s := range []string{
				"a" + l + "b@ex" + d + "ample.de", l + "@example.de", "ab" + l + "@example.de",
				"ab@" + d + "example.de", "ab@example.de" + d, "a" + l + "@b" + d + ".de", l + d + "@x.de",
			} {
				n++
				if got, want := CheckEmail(s), viaMail(s); got != want {
					t.Errorf("CheckEmail(%q) = %v, net/mail says %v", s, got, want)
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d addresses tried", n)
	}
}

// TestFormatDateEveryDay: FormatDate writes every stored date as
// time.Format and fmt did, in both languages.
func TestFormatDateEveryDay(t *testing.T) {
	for d := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 3000; d = d.AddDate(0, 0, 1) {
		s := d.Format(DateLayout)
		if got, want := FormatDate(s, De), d.Format("02.01.2006"); got != want {
			t.Fatalf("FormatDate(%s, de) = %q, want %q", s, got, want)
		}
		if got, want := FormatDate(s, En), fmt.Sprintf("%d %s %d", d.Day(), monthsEn[d.Month()-1], d.Year()); got != want {
			t.Fatalf("FormatDate(%s, en) = %q, want %q", s, got, want)
		}
	}
	if got := FormatDate("28.11.2026", De); got != "28.11.2026" {
		t.Errorf("typed form: %q", got)
	}
	if got := FormatDate("kein Datum", En); got != "kein Datum" {
		t.Errorf("not a date: %q", got)
	}
}
