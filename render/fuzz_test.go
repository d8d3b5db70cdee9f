package render

import (
	"bytes"
	"encoding/xml"
	htmltemplate "html/template"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/tom-dsgvo/tom/model"
)

func fuzzSeeds(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	for _, s := range []string{"", "1. a", "# x", "- ", "+", "===", "---", "a\\", "&#32;x", "x\n\ny", "    code", "<br>", "|", "a\r\nb\tc", "\x00\x1f\u2028", "\xff\xfe"} {
		f.Add(s)
	}
}

// FuzzMarkdownEscape: any text, escaped for a table cell (as the table
// writer does) and for a paragraph, reads back through goldmark as exactly
// the cleaned text.
func FuzzMarkdownEscape(f *testing.F) {
	fuzzSeeds(f)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	f.Fuzz(func(t *testing.T, s string) {
		want := clean(s)
		src := []byte("| h |\n| --- |\n| " + mdInline(clean(s), "<br>") + " |\n")
		rows := mdCells(t, src)
		if len(rows) != 2 || len(rows[1]) != 1 {
			t.Fatalf("cell broke the table: %q -> %q -> %q", s, src, rows)
		}
		if rows[1][0] != want {
			t.Fatalf("cell %q read back as %q, want %q (source %q)", s, rows[1][0], want, src)
		}
		if want == "" {
			return
		}
		psrc := []byte(MDText(s) + "\n")
		doc := md.Parser().Parse(text.NewReader(psrc))
		var paras []ast.Node
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			paras = append(paras, n)
		}
		if len(paras) != 1 || paras[0].Kind() != ast.KindParagraph {
			t.Fatalf("paragraph %q became %d blocks (%v): %q", s, len(paras), paras[0].Kind(), psrc)
		}
		if got := strings.TrimRight(nodeText(paras[0], psrc), "\n"); got != want {
			t.Fatalf("paragraph %q read back as %q, want %q", s, got, want)
		}
	})
}

// FuzzXMLText: escaped text inside an element is well-formed and decodes to
// the input (with characters XML cannot hold as U+FFFD).
func FuzzXMLText(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		doc := `<a x="` + XMLText(s) + `">` + XMLText(s) + `</a>`
		dec := xml.NewDecoder(strings.NewReader(doc))
		var got strings.Builder
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("not well-formed for %q: %v", s, err)
			}
			if cd, ok := tok.(xml.CharData); ok {
				got.Write(cd)
			}
		}
		var want strings.Builder
		for _, r := range s { // each invalid byte is one U+FFFD
			if r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
				want.WriteRune(r)
			} else {
				want.WriteRune('\uFFFD')
			}
		}
		w := strings.ReplaceAll(strings.ReplaceAll(want.String(), "\r\n", "\n"), "\r", "\n")
		g := strings.ReplaceAll(strings.ReplaceAll(got.String(), "\r\n", "\n"), "\r", "\n")
		if g != w {
			t.Fatalf("XMLText(%q) decodes to %q, want %q", s, g, w)
		}
	})
}

// FuzzPDFSanitize: sanitised text has only drawable runes, no soft hyphens,
// and fpdf writes it without error.
func FuzzPDFSanitize(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := PDFSanitize(s)
		for _, r := range out {
			if r == '\n' {
				continue
			}
			if !goGlyphs().has(r) || invisible(r) {
				t.Fatalf("PDFSanitize(%q) kept %U", s, r)
			}
		}
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("go", "", goregular.TTF)
		p.SetFont("go", "", 10)
		p.AddPage()
		for _, l := range p.SplitText(out, 50) {
			p.CellFormat(50, 5, l, "", 2, "L", false, 0, "")
		}
		if err := p.Output(io.Discard); err != nil {
			t.Fatalf("fpdf failed on %q: %v", out, err)
		}
	})
}

// FuzzTextWrap: wrapped lines fit the width and keep every non-space rune.
func FuzzTextWrap(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, width := range []int{1, 7, 80} {
			lines := wrap(s, width, "", "  ")
			var got strings.Builder
			for i, l := range lines {
				if n := utf8.RuneCountInString(l); n > width && !(i > 0 && width <= 2) {
					t.Fatalf("wrap(%q, %d): line %q has %d runes", s, width, l, n)
				}
				got.WriteString(l)
			}
			strip := func(x string) string { return strings.Join(strings.Fields(x), "") }
			if strip(got.String()) != strip(clean(s)) {
				t.Fatalf("wrap(%q, %d) lost text: %q", s, width, lines)
			}
		}
	})
}

// wrapRef is wrap as it was before it scanned words itself and returned
// a text that fits as it is (strings.SplitSeq and strings.FieldsSeq),
// kept as the reference.
func wrapRef(s string, width int, first, rest string) []string {
	s = clean(s)
	var out []string
	prefix := first
	var line []byte // the line being filled
	n := 0          // its length in characters
	plen := 0       // the length of its prefix
	empty := true
	start := func() {
		line = append(line[:0], prefix...)
		n = utf8.RuneCountInString(prefix)
		plen = n
		empty = true
	}
	flush := func() {
		out = append(out, string(line))
		prefix = rest
		start()
	}
	line = make([]byte, 0, len(first)+len(rest)+max(0, min(len(s), 4*width))+1)
	for para := range strings.SplitSeq(s, "\n") {
		start()
		for word := range strings.FieldsSeq(para) {
			wn := utf8.RuneCountInString(word)
			if !empty && n+1+wn > width {
				flush()
			}
			if !empty {
				line = append(line, ' ')
				n++
			}
			if n+wn > width && width-plen > 0 {
				// A word longer than the room: cut it, after a hyphen
				// where there is one.
				wr := []rune(word)
				for n+len(wr) > width && width-plen > 0 {
					room := width - n
					if room <= 0 {
						flush()
						continue
					}
					cut := breakAt(wr, room)
					line = append(line, string(wr[:cut])...)
					n += cut
					wr = wr[cut:]
					flush()
				}
				line = append(line, string(wr)...)
				n += len(wr)
			} else {
				line = append(line, word...)
				n += wn
			}
			empty = false
		}
		flush()
	}
	if len(out) == 0 {
		out = append(out, first)
	}
	return out
}

// FuzzTextWrapAsReference: wrap, which returns a text that fits on its first
// line as it is and reads words without strings.Fields, gives what the
// reference gives.
func FuzzTextWrapAsReference(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"a b", "a  b", "a\u00a0b", "a\u2003b", "ä ö", "x\ny", " a", "a ", strings.Repeat("ab ", 30), "a\n\nb", "\n", "Zwei-Faktor-Authentifizierung", "x\u0085y z", "ab\u3000\u3000cd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, width := range []int{0, 1, 2, 7, 80} {
			for _, first := range []string{"", "[x] ", "    ", "längerer Anfang "} {
				got, want := wrap(s, width, first, "  "), wrapRef(s, width, first, "  ")
				if !slices.Equal(got, want) {
					t.Fatalf("wrap(%q, %d, %q) = %q, word by word %q", s, width, first, got, want)
				}
			}
		}
	})
}

// FuzzRender: any organisation name and note renders in every format.
func FuzzRender(f *testing.F) {
	fuzzSeeds(f)
	c, err := model.LoadCatalogFile("../testdata/small-catalog.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		file := model.NewFile(c, model.De)
		file.Set("org.name", model.String(s))
		file.Set("providers", model.Records(model.Record{"id": model.String("p"), "name": model.String(s)}))
		file.Measures["access_system.policy"] = model.MeasureAnswer{Status: model.StatusPlanned, Due: "2027-01-01", Note: s}
		d := Build(c, file, model.De)
		for _, format := range Formats {
			out, err := Write(d, format)
			if err != nil || len(out) == 0 {
				t.Fatalf("%s failed for %q: %v", format, s, err)
			}
		}
		if !bytes.Contains(WriteText(d), []byte("[ ]")) {
			t.Fatal("text lost the check box")
		}
	})
}

// FuzzCleanFastPath proves that the allocation-free check in clean (eight
// ASCII bytes at a time) never lets through text that the full
// normalisation would change, nor sends text that is clean the slow way.
func FuzzCleanFastPath(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"a\u0085b", "a\u2028b", "x \ny", "\xc2", "ok\n", "\xff", "a\u00a0b", "Maß",
		"abcdefg\x7fhijklmnop", "abcdefgh\x1fijklmnop", "abcdefghijklmnop\x00q", "abcdefgh \nijklmnop", "abcdefghijklmno\u2029"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isClean(s) != (cleanSlow(s) == s) {
			t.Fatalf("isClean(%q) = %v, but clean gives %q", s, isClean(s), cleanSlow(s))
		}
		if clean(s) != cleanSlow(s) {
			t.Fatalf("clean(%q) = %q, want %q", s, clean(s), cleanSlow(s))
		}
	})
}

// FuzzHTMLEscape: the project's HTML escaper (htmlEscapeText, used for the
// rows of large tables) writes exactly what html/template writes for the
// same text in an element and in a quoted attribute value.
func FuzzHTMLEscape(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"a+b", `"'`, "<&>", "\x00", "&amp;", "\xc2\x85", "\u202e"} {
		f.Add(s)
	}
	tmpl := htmltemplate.Must(htmltemplate.New("e").Parse(`<p title="{{.}}">{{.}}</p>`))
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var esc bytes.Buffer
		htmlEscapeText(&esc, s)
		if got := `<p title="` + esc.String() + `">` + esc.String() + `</p>`; got != want.String() {
			t.Fatalf("htmlEscapeText(%q) = %q, html/template wrote %q", s, got, want.String())
		}
	})
}

// FuzzHTMLDropControls: htmlDropControls, which copies runs of plain bytes,
// gives what reading the page one character at a time gives (kept here as
// the reference): controls dropped, bidirectional formatting characters
// shown as their marks, everything else (broken UTF-8 too) kept.
func FuzzHTMLDropControls(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"\xc2\x85x", "\xc2", "\xd8\x9c", "\u061c", "\u200f\u202e", "\xc3\xc2\x85", "\x7f\x1b[31m", "ä\u00a0\u0600",
		"<tr><td>abcdefgh\x1bijklmnop</td>\n\u202eABCDEFGHIJ\xc2\x85KLMNOPQRSTUVWXYZ0123456789\u2066end"} {
		f.Add(s)
	}
	ref := func(b []byte) []byte {
		var out []byte
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			switch {
			case r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f:
			case model.IsBidiControl(r):
				out = append(out, htmltemplate.HTMLEscapeString(model.BidiMark(r))...)
			default:
				out = append(out, b[i:i+n]...)
			}
			i += n
		}
		return out
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := ref([]byte(s))
		if got := htmlDropControls([]byte(s)); !bytes.Equal(got, want) {
			t.Fatalf("htmlDropControls(%q) = %q, want %q", s, got, want)
		}
	})
}
