package render

import (
	"bytes"
	"encoding/xml"
	"testing"
	"unicode/utf8"
)

// FuzzDOCXText: text needsXMLEscape lets through is what xml.EscapeText
// would have written, and the writers of two texts (writeRuns2,
// cellLines2) give what the one-text writers give for them joined.
func FuzzDOCXText(f *testing.F) {
	for _, seed := range [][2]string{
		{"Auftragsverarbeiter?", "ja"}, {"Name: ", "Müller & Söhne <GmbH>"}, {"a\nb", "\nc\n"},
		{"\x7f\u0085", "\ufffd\ufffe\uffff"}, {"\xc3", "\xa4"}, {"", ""}, {"Straße 1\r\n", "\t'\""},
		{"AV-Vertrag", "unterzeichnet am 20.05.2024; Prüfung jährlich, nächste bis 20.05.2027"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, s, u string) {
		for _, x := range []string{s, u, s + u} {
			var b bytes.Buffer
			xml.EscapeText(&b, []byte(x))
			if !needsXMLEscape(x) && b.String() != x {
				t.Errorf("needsXMLEscape(%q) = false, but xml.EscapeText gives %q", x, b.String())
			}
		}
		if !utf8.ValidString(s) {
			return // the two texts are a label and its separator or value, each valid
		}
		var joined, two bytes.Buffer
		writeRuns(&joined, s+u, "<w:b/>")
		writeRuns2(&two, s, u, "<w:b/>")
		if joined.String() != two.String() {
			t.Errorf("writeRuns2(%q, %q) = %s, want %s", s, u, two.String(), joined.String())
		}
		for _, wd := range []int{50, 1000, 3000} {
			if got, want := cellLines2(s, u, wd), cellLines(s+u, wd); got != want {
				t.Errorf("cellLines2(%q, %q, %d) = %d, want %d", s, u, wd, got, want)
			}
		}
	})
}
