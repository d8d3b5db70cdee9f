package render

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/tom-dsgvo/tom/model"
)

// TestNoWordBrokenInTables: in the plain-text document every word of every
// table cell appears whole (the open items broke "Zwei-Faktor-Authenti|
// fizierung" and "Datenschutz-Managem|ent"), and the DOCX/HTML column widths
// leave each column room for its longest word ("Änderunge|n", "Versio|n").
func TestNoWordBrokenInTables(t *testing.T) {
	for _, l := range []model.Lang{model.De, model.En} {
		c, f := loadSample(t)
		d := Build(c, f, l)
		txt := string(WriteText(d))
		for _, bl := range d.Blocks {
			tb, ok := bl.(*Table)
			if !ok {
				continue
			}
			cells := append([][]string{tb.Header}, tb.Rows...)
			for _, r := range cells {
				for _, cell := range r {
					for _, word := range strings.Fields(cell) {
						for _, part := range strings.SplitAfter(word, "-") {
							if part != "" && !strings.Contains(txt, part) {
								t.Errorf("%s: %q broken in the text document", l, part)
							}
						}
					}
				}
			}
			w := fitColumns(tb.Widths, tb.Header, tb.Rows, 9628.0/docxCharW, docxCellPad/docxCharW+0.5)
			for i := range tb.Header {
				need := longestPart(tb.Header[i])
				for _, r := range tb.Rows {
					need = max(need, longestPart(r[i]))
				}
				if got := w[i] * 9628 / docxCharW; got < float64(need) {
					t.Errorf("%s: column %q gets %.1f characters, its longest word has %d", l, tb.Header[i], got, need)
				}
			}
		}
	}
}

// TestFitColumnsKeepsWidthsThatFit: widths that already leave room are kept.
func TestFitColumnsKeepsWidthsThatFit(t *testing.T) {
	w := fitColumns([]float64{0.5, 0.5}, []string{"a", "b"}, [][]string{{"x", "y"}}, 100, 2)
	if w[0] != 0.5 || w[1] != 0.5 {
		t.Errorf("got %v", w)
	}
}

// TestHTMLRegisterNamesAndHeadings: a register name is bold as a whole (a
// span, not ::first-line, which bolded only its first printed line), and
// headings reserve room below themselves so that print does not leave them
// at the foot of a page.
func TestHTMLRegisterNamesAndHeadings(t *testing.T) {
	c, f := loadSample(t)
	data, err := WriteHTML(Build(c, f, model.De))
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	if strings.Contains(html, "::first-line") || !strings.Contains(html, `<span class="head">Arbeitsplatz-PC (VeraCrypt-Container)</span>`) {
		t.Error("register names are not set bold whole")
	}
	if !strings.Contains(html, "h2::after, h3::after, p.label::after") || strings.Contains(html, "overflow-wrap: anywhere") {
		t.Error("print CSS lacks the heading keep rule, or still breaks words anywhere")
	}
}

// TestMarkdownRegistersReadable: the provider register was one table of 19
// columns, one of them empty in every row. Each Markdown register table has
// at most number, name and mdMaxFields fields, and no column without a value.
func TestMarkdownRegistersReadable(t *testing.T) {
	d := sampleDoc(t, model.De)
	for _, bl := range d.Blocks {
		r, ok := bl.(*Records)
		if !ok || len(r.Rows) == 0 {
			continue
		}
		for _, tb := range mdRecordTables(r) {
			if len(tb.Header) > 2+mdMaxFields {
				t.Errorf("%v: %d columns", tb.Header, len(tb.Header))
			}
			for c := range tb.Header {
				empty := true
				for _, row := range tb.Rows {
					if row[c] != r.Dash && row[c] != "" {
						empty = false
					}
				}
				if empty {
					t.Errorf("column %q has no value in any row", tb.Header[c])
				}
			}
		}
	}
}

// TestTextTableWholeColumns: in an 80-column text table too wide for its
// content, columns marked Whole keep file names and dates whole while the
// other columns wrap; unmarked, "kunde-01.json" breaks after its hyphen.
func TestTextTableWholeColumns(t *testing.T) {
	state := "interview incomplete"
	table := func(whole []bool) string {
		tb := &Table{Header: []string{"Organisation", "File", "State", "Next review", "Days", "Open", "Findings"}, Whole: whole}
		for _, f := range []string{"kunde-01.json", "kunde-02.json", "kunde-03.json"} {
			tb.Rows = append(tb.Rows, []string{"Webagentur Krüger & Söhne GmbH", f, state, "28 November 2027", "357", "11", "14"})
		}
		return string(WriteText(&Document{Lang: model.En, Blocks: []Block{tb}}))
	}
	got := table([]bool{false, true, false, true})
	for _, w := range []string{"kunde-01.json", "kunde-02.json", "kunde-03.json", "28 November 2027"} {
		if !strings.Contains(got, w) {
			t.Errorf("%q broken in\n%s", w, got)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if n := len([]rune(l)); n > TextWidth {
			t.Errorf("line of %d runes: %q", n, l)
		}
	}
	if plain := table(nil); strings.Contains(plain, "kunde-01.json") {
		t.Errorf("without Whole the file name was expected to break; the test cannot tell:\n%s", plain)
	}
	// Room for the file name but not the date as well (longer words in the
	// state column): the file name stays whole, the later date column breaks.
	state = "Befragung unvollständig"
	if got := table([]bool{false, true, false, true}); !strings.Contains(got, "kunde-01.json") || strings.Contains(got, "28 November 2027") {
		t.Errorf("file name not kept whole before the date:\n%s", got)
	}
	// A Whole cell that cannot fit is broken like any other, still as columns.
	tb := &Table{Header: []string{"A", "B", "C"}, Whole: []bool{true, true, false},
		Rows: [][]string{{strings.Repeat("lang ", 12), strings.Repeat("wort ", 10), "x"}}}
	if out := string(WriteText(&Document{Lang: model.De, Blocks: []Block{tb}})); !strings.Contains(out, "---") {
		t.Errorf("unfittable Whole columns not laid out as a table:\n%s", out)
	}
}

// TestLongestPartAsRunes: longestPart, which reads ASCII without decoding and
// stops at maxKeptWord, counts as a rune-by-rune reading does, for random
// texts of spaces (Unicode's too), hyphens, letters and broken UTF-8.
func TestLongestPartAsRunes(t *testing.T) {
	ref := func(s string) int {
		m, n := 0, 0
		for _, r := range s {
			switch {
			case unicode.IsSpace(r):
				n = 0
			case r == '-':
				m, n = max(m, n+1), 0
			default:
				n++
				m = max(m, n)
			}
		}
		return min(m, maxKeptWord)
	}
	parts := []string{" ", "\t", "\n", "\v", "\u0085", "\u00a0", "\u2003", "-", "a", "ä", "€", "\xff", "Datenschutz", "x\u00ady"}
	r := rand.New(rand.NewSource(16))
	for range 5000 {
		var b strings.Builder
		for k := r.Intn(40); k > 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		s := b.String()
		if got, want := longestPart(s), ref(s); got != want {
			t.Fatalf("longestPart(%q) = %d, want %d", s, got, want)
		}
	}
}
