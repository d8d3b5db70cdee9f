package render

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/tom-dsgvo/tom/model"
)

// TestHTMLRunningHeaderNotFiltered: html/template replaced the German running
// header ("… – Stand: 28.11.2026", read as a URL with a scheme) with
// "#ZgotmplZ"; the printed pages showed that instead of the title and date.
func TestHTMLRunningHeaderNotFiltered(t *testing.T) {
	for _, l := range []model.Lang{model.De, model.En} {
		out, err := WriteHTML(sampleDoc(t, l))
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if strings.Contains(s, "ZgotmplZ") {
			t.Errorf("%s: HTML holds a filtered value (#ZgotmplZ)", l)
		}
		m := regexp.MustCompile(`@top-left \{ content: ("[^"]*");`).FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("%s: no running header in the page CSS", l)
		}
		if !strings.Contains(m[1], "2026") || !strings.Contains(m[1], "TOM") {
			t.Errorf("%s: running header %s lacks the title or the date", l, m[1])
		}
	}
}

// cssContent returns the decoded text of the CSS string that follows
// "@top-left { content: " in s, and what follows the closing quote.
func cssContent(t *testing.T, s string) (text, rest string) {
	t.Helper()
	const key = "@top-left { content: \""
	i := strings.Index(s, key)
	if i < 0 {
		t.Fatal("no running header in the page CSS")
	}
	s = s[i+len(key):]
	var b strings.Builder
	for len(s) > 0 {
		c := s[0]
		switch {
		case c == '"':
			return b.String(), s[1:]
		case c == '\\':
			n := 1
			for n < len(s) && n <= 6 && strings.IndexByte("0123456789abcdefABCDEF", s[n]) >= 0 {
				n++
			}
			if n == 1 { // an escaped character stands for itself
				b.WriteByte(s[1])
				s = s[2:]
				continue
			}
			r, err := strconv.ParseUint(s[1:n], 16, 32)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteRune(rune(r))
			if n < len(s) && s[n] == ' ' {
				n++
			}
			s = s[n:]
		default:
			b.WriteByte(c)
			s = s[1:]
		}
	}
	t.Fatal("running header string is not closed")
	return "", ""
}

// TestHTMLRunningHeaderOrg: the printed HTML pages lacked the organisation
// name that the PDF and DOCX headers show. A hostile name stays one CSS
// string (read back exactly), and a long one is shortened at a word so
// the date stays in the header.
func TestHTMLRunningHeaderOrg(t *testing.T) {
	hostile := `"}*{display:none}</style><script></script>\\`
	c, f := manyProviders(t, 3)
	f.Set("org.name", model.String(hostile+"\nZ"))
	out, err := WriteHTML(Build(c, f, model.De))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	text, rest := cssContent(t, s)
	if want := hostile + " Z · "; !strings.HasPrefix(text, want) || !strings.HasSuffix(text, "Stand: 28.11.2026") {
		t.Errorf("running header reads %q, want %q… and the date", text, want)
	}
	if !strings.HasPrefix(rest, "; font-size: 8pt;") {
		t.Errorf("the CSS string ends early, followed by %.60q", rest)
	}
	if strings.Count(s, "</style>") != 1 || strings.Contains(s, "<script") {
		t.Error("the organisation name ended the style element or added a script")
	}

	if out, err = WriteHTML(longOrgDoc(t)); err != nil {
		t.Fatal(err)
	}
	text, _ = cssContent(t, string(out))
	if want := "Steuerberatungsgesellschaft Oberhuber… · Technische"; !strings.HasPrefix(text, want) || !strings.HasSuffix(text, "Stand: 28.11.2026") {
		t.Errorf("long name: running header reads %q, want %q… and the date", text, want)
	}
}

// TestHTMLNoBlankPageAfterCover: the cover broke the page and the page-break
// block after it broke it again, so Chromium printed an empty page 2.
func TestHTMLNoBlankPageAfterCover(t *testing.T) {
	out, err := WriteHTML(sampleDoc(t, model.De))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !regexp.MustCompile(`</section>\n<div class="pb"></div>\n<nav class="toc">`).MatchString(s) {
		t.Fatal("the cover is not followed by one page break and the table of contents")
	}
	if m := regexp.MustCompile(`\.cover \{[^}]*\}`).FindString(s); m == "" || strings.Contains(m, "break-after") {
		t.Errorf("the cover rule %q breaks the page a second time", m)
	}
}

// TestTextCardNoDuplicateName: the plain text showed a record's name as the
// card title and again as its first row ("Name bzw. Firma").
func TestTextCardNoDuplicateName(t *testing.T) {
	txt := string(WriteText(sampleDoc(t, model.De)))
	if !strings.Contains(txt, "\n1. Hetzner Online GmbH\n   Anschrift:") {
		t.Errorf("the first provider card does not go from its title to the address:\n%.600s",
			txt[max(strings.Index(txt, "1. Hetzner"), 0):])
	}
	if strings.Contains(txt, "Name bzw. Firma:") {
		t.Error("a card repeats its title as a \"Name bzw. Firma\" row")
	}
}

// TestDOCXRegisterCompact: landscape register pages held two or three rows
// fewer than the PDF's, since every "label: value" line was a paragraph with
// spacing before and after in 8.5 pt. Register cells now use RegisterText:
// 8 pt, no paragraph spacing.
func TestDOCXRegisterCompact(t *testing.T) {
	out, err := WriteDOCX(sampleDoc(t, model.De))
	if err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, out)
	style := regexp.MustCompile(`<w:style [^>]*w:styleId="RegisterText">.*?</w:style>`).FindString(parts["word/styles.xml"])
	for _, want := range []string{`w:before="0"`, `w:after="0"`, `<w:sz w:val="16"/>`} {
		if !strings.Contains(style, want) {
			t.Errorf("RegisterText style %q lacks %s", style, want)
		}
	}
	doc := parts["word/document.xml"]
	i := strings.Index(doc, "Hetzner Online GmbH")
	if i < 0 {
		t.Fatal("no provider register")
	}
	row := doc[strings.LastIndex(doc[:i], "<w:tr>"):]
	row = row[:strings.Index(row, "</w:tr>")]
	if strings.Contains(row, `"TableText"`) || strings.Count(row, `"RegisterText"`) < 10 {
		t.Errorf("the first register row does not use RegisterText throughout:\n%.600s", row)
	}
}

// TestDOCXRowSplitsOnlyWhenTall: a row that fits on a page does not split; a
// taller one may (Word cuts off a row that cannot split and does not fit).
// The limit depends on the page: a portrait page takes more lines.
func TestDOCXRowSplitsOnlyWhenTall(t *testing.T) {
	for _, tc := range []struct {
		wide          bool
		lines, line   int
		wantCantSplit bool
	}{
		{true, 40, docxRegisterLine, true},
		{true, 60, docxRegisterLine, false},
		{false, 50, docxTableLine, true},
		{false, 70, docxTableLine, false},
	} {
		w := &docxWriter{wide: tc.wide}
		w.rowPr(tc.lines, tc.line, false)
		if got := strings.Contains(w.doc.String(), "<w:cantSplit/>"); got != tc.wantCantSplit {
			t.Errorf("wide=%v, %d lines: cantSplit %v, want %v", tc.wide, tc.lines, got, tc.wantCantSplit)
		}
	}
}

// TestCSSStringHostile: text that could end the CSS string, the rule or the
// style element is escaped; other text stays readable.
func TestCSSStringHostile(t *testing.T) {
	for _, in := range []string{
		`"; } body { display: none } /*`,
		"</style><script>alert(1)</script>",
		"a\\\"b\nc\rd\u2028e\u0000f\u202Eg",
		"Krüger & Söhne – Stand: 28.11.2026 😀",
	} {
		got := string(cssString(in))
		inner := got[1 : len(got)-1]
		if got[0] != '"' || got[len(got)-1] != '"' || strings.ContainsAny(inner, "\"<>&\n\r\u2028\u202E\x00") {
			t.Errorf("cssString(%q) = %s: not a closed, safe CSS string", in, got)
		}
	}
	if got := string(cssString("Krüger – Stand: 28.11.2026")); got != `"Krüger – Stand: 28.11.2026"` {
		t.Errorf("plain text changed: %s", got)
	}
}

// TestHTMLLandscapeUsesPageWidth: the body's screen width limit (180 mm)
// squeezed the landscape register into the left two thirds of the page.
func TestHTMLLandscapeUsesPageWidth(t *testing.T) {
	out, err := WriteHTML(sampleDoc(t, model.De))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`@media print \{ body \{ max-width: none`).Match(out) {
		t.Error("printed body keeps its screen max-width; landscape pages are not filled")
	}
}

// bboxWord is one word of `pdftotext -bbox` output with its page size.
type bboxWord struct {
	page       int
	pageH      float64
	yMin, yMax float64
	text       string
}

// pdfWords returns every word of the PDF with its position (points, from
// the top of its page), or skips without poppler-utils.
func pdfWords(t testing.TB, data []byte) []bboxWord {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	pageRe := regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRe := regexp.MustCompile(`<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>`)
	var words []bboxWord
	page, h := 0, 0.0
	for _, line := range strings.Split(string(out), "\n") {
		if m := pageRe.FindStringSubmatch(line); m != nil {
			page++
			h, _ = strconv.ParseFloat(m[2], 64)
			continue
		}
		if m := wordRe.FindStringSubmatch(line); m != nil {
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			words = append(words, bboxWord{page: page, pageH: h, yMin: y0, yMax: y1, text: html.UnescapeString(m[3])})
		}
	}
	return words
}

// TestPDFFooterAtFootOfLandscapePages: the footer of a landscape page was
// placed with the portrait page height and landed mid-page, over the table.
func TestPDFFooterAtFootOfLandscapePages(t *testing.T) {
	out, err := WritePDF(sampleDoc(t, model.De))
	if err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, out)
	seen := map[int]bool{}
	landscape := 0
	for i, w := range words {
		if w.text != "Seite" || i+2 >= len(words) || words[i+2].text != "von" {
			continue
		}
		seen[w.page] = true
		if w.pageH < 700 {
			landscape++
		}
		// 13 mm = 37 pt above the bottom edge; allow a little for the font.
		if d := w.pageH - w.yMax; d < 25 || d > 45 {
			t.Errorf("page %d (height %.0f pt): footer %.0f pt above the bottom edge, want about 37", w.page, w.pageH, d)
		}
	}
	if landscape == 0 || len(seen) < 10 {
		t.Fatalf("found footers on %d pages, %d of them landscape; the sample should have both", len(seen), landscape)
	}
}

// longOrgDoc returns the sample with a very long organisation name and 40
// providers, the case that showed the defects below.
func longOrgDoc(t testing.TB) *Document {
	c, f := manyProviders(t, 40)
	f.Set("org.name", model.String("Steuerberatungsgesellschaft Oberhuber-Wittelsbacher & Partner mbB Niederlassung Regensburg"))
	return Build(c, f, model.De)
}

// TestPDFRunningHeaderKeepsDate: with a long organisation name the running
// header was cut at the page width and lost the "Stand" date.
func TestPDFRunningHeaderKeepsDate(t *testing.T) {
	out, err := WritePDF(longOrgDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, out)
	for i, p := range pages[1:] {
		first := strings.SplitN(strings.TrimLeft(p, "\n"), "\n", 2)[0]
		if !strings.Contains(first, "Stand: 28.11.2026") || !strings.HasPrefix(strings.TrimSpace(first), "Steuerberatungsgesellschaft") {
			t.Errorf("page %d: running header %q lacks the organisation or the date", i+2, first)
		}
	}
}

// TestPDFHeadingsNotStranded: "9 Verzeichnisse" stood alone at the foot of a
// portrait page before the landscape register, and "11 Freigabe" (now 12) at the foot
// of a page whose signature block moved on to the next.
func TestPDFHeadingsNotStranded(t *testing.T) {
	out, err := WritePDF(longOrgDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, out)
	pageOf := func(s string) int { // the last page that holds s
		for i := len(pages) - 1; i >= 0; i-- {
			if strings.Contains(pages[i], s) {
				return i + 1
			}
		}
		t.Fatalf("%q not found", s)
		return 0
	}
	pairs := [][2]string{
		{"9 Verzeichnisse", "9.1 Dienstleister und Auftragsverarbeiter"},
		{"13 Freigabe", "Unterschrift"},
	}
	for _, p := range pairs {
		if a, b := pageOf(p[0]), pageOf(p[1]); a != b {
			t.Errorf("%q on page %d, %q on page %d", p[0], a, p[1], b)
		}
	}
}

// TestNoColonAfterQuestionLabels: text and Markdown cards printed
// "Auftragsverarbeiter nach Art. 28 DSGVO?:".
func TestNoColonAfterQuestionLabels(t *testing.T) {
	d := sampleDoc(t, model.De)
	for _, f := range []func(*Document) []byte{WriteText, WriteMarkdown} {
		out := f(d)
		if bytes.Contains(out, []byte("?:")) {
			i := bytes.Index(out, []byte("?:"))
			t.Errorf("%q", out[max(0, i-60):i+2])
		}
		if !bytes.Contains(out, []byte("DSGVO?")) {
			t.Error("question label missing")
		}
	}
}

// TestPDFWrapBreaksAfterHyphen: a compound too long for a narrow column was
// cut mid-word ("Datenschutz-Manage" / "ment"); it now breaks after the
// hyphen, keeps every character, and still cuts a hyphen-less long word.
func TestPDFWrapBreaksAfterHyphen(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	p.SetFont(pdfFont, "", 9)
	p.SetCellMargin(0)
	w := &pdfWriter{p: p}
	wd := p.GetStringWidth("Datenschutz-Manage") + 0.1
	cases := []struct {
		in   string
		want []string
	}{
		{"Datenschutz-Management", []string{"Datenschutz-", "Management"}},
		{"Das Datenschutz-Management", []string{"Das Datenschutz-", "Management"}},
		{"E-Mail-Verschlüsselung", []string{"E-Mail-", "Verschlüsselung"}},
	}
	for _, c := range cases {
		if got := w.splitLines(c.in, wd); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("splitLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := strings.Repeat("Rechenzentrumsbetriebsgesellschaft", 5) + "-x " + strings.Repeat("y", 300)
	got := w.splitLines(long, wd)
	if strings.ReplaceAll(strings.Join(got, ""), " ", "") != strings.ReplaceAll(long, " ", "") {
		t.Errorf("text lost in wrapping: %q", got)
	}
	for _, l := range got {
		if p.GetStringWidth(l) > wd+0.01 {
			t.Errorf("line %q wider than the column", l)
		}
	}
}
