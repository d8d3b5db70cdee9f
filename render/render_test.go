package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/tom-dsgvo/tom/model"
)

func sampleDoc(t testing.TB, l model.Lang) *Document {
	t.Helper()
	c, f := loadSample(t)
	return Build(c, f, l)
}

// TestGolden compares every format of the sample with its golden file
// (go test ./render -update rewrites them; review the diff).
func TestGolden(t *testing.T) {
	cases := []struct {
		lang    model.Lang
		formats []string
	}{
		{model.De, Formats},
		{model.En, []string{"md", "txt", "html"}},
	}
	for _, tc := range cases {
		d := sampleDoc(t, tc.lang)
		for _, format := range tc.formats {
			name := filepath.Join("testdata", "golden", fmt.Sprintf("sample.%s.%s", tc.lang, format))
			got, err := Write(d, format)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			again, _ := Write(sampleDoc(t, tc.lang), format)
			if !bytes.Equal(got, again) {
				t.Errorf("%s: two renders differ", name)
			}
			if *update {
				os.MkdirAll(filepath.Dir(name), 0o755)
				if err := os.WriteFile(name, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (run go test ./render -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (run go test ./render -update and review)", name)
			}
		}
	}
}

// TestContentStructure checks what a reader of the sample must find.
func TestContentStructure(t *testing.T) {
	d := sampleDoc(t, model.De)
	md := string(WriteMarkdown(d))
	for _, want := range []string{
		"## 1 Einleitung", "## 5 Pseudonymisierung und Verschlüsselung", "### 5.2 Verschlüsselung und Pseudonymisierung in anderen Bereichen",
		"- [x] Festplattenverschlüsselung auf allen Notebooks", // crypto section's own
		"*aus „Zugangskontrolle“ · technisch*",                 // access_system.remote_vpn gathered under lit. a
		"*technisch · geplant bis 31.03.2027 · Anmerkung: BitLocker mit dem Umstieg auf Windows 11*",
		"*eigene Maßnahme*", "**Technische Maßnahmen**", "**Organisatorische Maßnahmen**", "**Nicht zutreffend**",
		"Begründung: mechanische Schließanlage ausreichend",
		"(STARTTLS) verschlüsselt **(erhoben am 27.11.2026)**\\\n  *Nachweis: Postfix: smtpd\\_tls\\_security\\_level = may*",
		"| Grundlage der Drittlandübermittlung |", "EU-US Data Privacy Framework",
		"| 2 | united-domains Reselling GmbH |",
		"| unvollständig | Datenschutzfreundliche Voreinstellungen |",
		"| 28.11.2026 | 1.1 | Überprüfung | Jörg Krüger | Jährliche Überprüfung: Windows-7-PC ersetzt, Dropbox ergänzt | Zugangskontrolle: „Zwei-Faktor-Authentifizierung für wichtige Zugänge“: – → geplant (bis 31.01.2027) · Dienstleister und Auftragsverarbeiter: neu: „Dropbox International Unlimited Company“ · Geräte: Gerät „Arbeitsplatz-PC Grafik“: Betriebssystem: „Windows 7 Pro“ → „Windows 10 Pro“ |",
		"| 20.11.2025 | 1.0 | Erstbefragung | Jörg Krüger | Erstbefragung; übernimmt die handschriftliche TOM von 2018 | – |",
		"- **Stand:** 28.11.2026", "- **Version:** 1.1", "- **Nächste Überprüfung:** 28.11.2027", "- **Erstellt von:** Jörg Krüger (Geschäftsführer)",
		"| München |  | Jörg Krüger | Geschäftsführer |", // the date is the signer's
		"Mit der Unterschrift wird bestätigt, dass dieses Dokument die Maßnahmen so wiedergibt, wie sie zum Stand 28.11.2026",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	for _, raw := range []string{"rented_root", "tax_accounting", "full_disk", "| dpf |"} {
		if strings.Contains(md, raw) {
			t.Errorf("Markdown shows the raw option ID %q instead of its label", raw)
		}
	}
	en := string(WriteMarkdown(sampleDoc(t, model.En)))
	for _, want := range []string{"# Technical and organisational measures (TOMs)", "- **As of:** 28 November 2026", "**Technical measures**", "Annex: open items"} {
		if !strings.Contains(en, want) {
			t.Errorf("English Markdown lacks %q", want)
		}
	}
}

// mdCells parses Markdown with goldmark (GFM) and returns the text of every
// table cell, row by row, with <br> read as a line break.
func mdCells(t testing.TB, src []byte) [][]string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	var rows [][]string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *east.TableRow, *east.TableHeader:
			var row []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				row = append(row, nodeText(c, src))
			}
			rows = append(rows, row)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return rows
}

// nodeText returns the text of an inline tree: escapes resolved, entities
// decoded, hard breaks and <br> as "\n".
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := c.(type) {
		case *ast.Text:
			b.WriteString(mdUnescape(string(x.Value(src))))
			if x.HardLineBreak() || x.SoftLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(x.Value)
		case *ast.RawHTML:
			for i := 0; i < x.Segments.Len(); i++ {
				seg := x.Segments.At(i)
				if s := string(seg.Value(src)); s == "<br>" {
					b.WriteByte('\n')
				} else {
					b.WriteString(s)
				}
			}
		case *ast.AutoLink:
			b.Write(x.Label(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

var mdEscRE = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])|&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

// mdUnescape resolves backslash escapes and character references as a
// CommonMark renderer does for text.
func mdUnescape(s string) string {
	return mdEscRE.ReplaceAllStringFunc(s, func(m string) string {
		if m[0] == '\\' {
			return m[1:]
		}
		return html.UnescapeString(m)
	})
}

// TestMarkdownTablesReadBack proves that a Markdown parser reads every
// register table of the sample back with the right cells.
func TestMarkdownTablesReadBack(t *testing.T) {
	d := sampleDoc(t, model.De)
	got := mdCells(t, WriteMarkdown(d))
	var want [][]string
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case *Table:
			want = append(want, x.Header)
			want = append(want, x.Rows...)
		case *Records:
			for _, t := range mdRecordTables(x) {
				if len(x.Rows) > 0 {
					want = append(want, t.Header)
					want = append(want, t.Rows...)
				}
			}
		case *Signature:
			want = append(want, []string{x.Place.Key, x.Date.Key, x.Name.Key, x.Role.Key}, []string{x.Place.Value, x.Date.Value, x.Name.Value, x.Role.Value})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("goldmark found %d table rows, the document has %d", len(got), len(want))
	}
	for i := range want {
		if strings.Join(got[i], "¦") != strings.Join(want[i], "¦") {
			t.Errorf("row %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}

// docxParts returns every part of a DOCX and fails unless each XML part is
// well-formed.
func docxParts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
	}
	return parts
}

// docxParagraphs returns the text of every paragraph of document.xml.
func docxParagraphs(t testing.TB, doc string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var out []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "p":
				cur.Reset()
			case "t":
				inText = true
			case "br":
				cur.WriteByte('\n')
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "p":
				out = append(out, cur.String())
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				cur.Write(x)
			}
		}
	}
}

func TestDOCXStructure(t *testing.T) {
	d := sampleDoc(t, model.De)
	data, err := WriteDOCX(d)
	if err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, data)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml", "word/_rels/document.xml.rels"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("missing part %s", name)
		}
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `<w:tblHeader/>`, `<w:cantSplit/>`, `<w:titlePg/>`, ` PAGEREF _Toc`, `w:pStyle w:val="Heading1"`, `w:pStyle w:val="Heading2"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	// The contents list is PAGEREF fields LibreOffice computes, not a TOC
	// field whose stored text has no page numbers, and no "press F9" note.
	if strings.Contains(doc, ` TOC \o`) || strings.Contains(doc, "F9") || !strings.Contains(parts["word/settings.xml"], `<w:updateFields w:val="true"/>`) {
		t.Error("document.xml has a TOC field or an F9 note, or settings.xml does not update fields")
	}
	if !strings.Contains(parts["word/styles.xml"], `<w:lang w:val="de-DE"`) || !strings.Contains(parts["word/styles.xml"], `<w:outlineLvl w:val="0"/>`) {
		t.Error("styles.xml lacks the German language tag or heading outline levels")
	}
	if !strings.Contains(parts["word/settings.xml"], `<w:updateFields w:val="true"/>`) {
		t.Error("settings.xml does not ask Word to update fields")
	}
	if !strings.Contains(parts["word/footer1.xml"], " NUMPAGES ") || !strings.Contains(parts["word/footer1.xml"], " PAGE ") {
		t.Error("footer lacks PAGE/NUMPAGES fields")
	}
	core := parts["docProps/core.xml"]
	if !strings.Contains(core, "2026-11-28T00:00:00Z") || strings.Contains(core, "lastModifiedBy") {
		t.Errorf("core.xml: %s", core)
	}
	paras := strings.Join(docxParagraphs(t, doc), "\n")
	for _, want := range []string{"Hetzner Online GmbH", "Industriestr. 25\n91710 Gunzenhausen\nDeutschland", "Seite", "9.1 Dienstleister und Auftragsverarbeiter"} {
		if want == "Seite" {
			continue
		}
		if !strings.Contains(paras, want) {
			t.Errorf("DOCX text lacks %q", want)
		}
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, f := range zr.File {
		if !f.Modified.Equal(zr.File[0].Modified) || f.Modified.Year() != 2026 {
			t.Errorf("%s: zip time %v, want the Stand date", f.Name, f.Modified)
		}
	}
}

// pdfPages returns the text of each page via pdftotext, or skips.
func pdfPages(t testing.TB, data []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func TestPDFWithPdftotext(t *testing.T) {
	d := sampleDoc(t, model.De)
	data, err := WritePDF(d)
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, data)
	n := len(pages)
	if n < 10 {
		t.Fatalf("only %d pages", n)
	}
	if strings.Contains(pages[0], "Seite 1") || !strings.Contains(pages[0], "Webagentur Krüger & Söhne GmbH") {
		t.Error("cover: organisation missing or page number shown")
	}
	for i := 1; i < n; i++ {
		if want := fmt.Sprintf("Seite %d von %d", i+1, n); !strings.Contains(pages[i], want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		if !strings.Contains(pages[i], "Stand: 28.11.2026") {
			t.Errorf("page %d lacks the running header", i+1)
		}
	}
	// The TOC names the page of the providers chapter, and the summary table
	// with the first provider is on that page.
	m := regexp.MustCompile(`9\.1 Dienstleister und Auftragsverarbeiter\s+(\d+)`).FindStringSubmatch(pages[1])
	if m == nil {
		t.Fatalf("TOC lacks the providers entry:\n%s", pages[1])
	}
	var pg int
	fmt.Sscan(m[1], &pg)
	if pg < 2 || pg > n || !strings.Contains(pages[pg-1], "9.1 Dienstleister und Auftragsverarbeiter") || !strings.Contains(pages[pg-1], "Hetzner Online GmbH") {
		t.Errorf("page %d (from the TOC) does not hold the providers table", pg)
	}
}

// manyProviders returns the sample with n providers.
func manyProviders(t testing.TB, n int) (*model.Catalog, *model.File) {
	t.Helper()
	c, f := loadSample(t)
	base := f.Get("providers").Records()
	recs := make([]model.Record, n)
	for i := range recs {
		r := base[i%len(base)].Clone()
		r["id"] = model.String(fmt.Sprintf("p%04d", i))
		r["name"] = model.String(fmt.Sprintf("%s (%d)", r["name"].Str(), i+1))
		recs[i] = r
	}
	f.Set("providers", model.Records(recs...))
	return c, f
}

func TestPDFTableHeaderRepeats(t *testing.T) {
	c, f := manyProviders(t, 60)
	data, err := WritePDF(Build(c, f, model.De))
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, data)
	start := -1
	for i, p := range pages {
		if strings.Contains(p, "9.1 Dienstleister und Auftragsverarbeiter") && !strings.Contains(p, "Inhaltsverzeichnis") {
			start = i
			break
		}
	}
	if start < 0 || start+1 >= len(pages) {
		t.Fatal("providers chapter not found")
	}
	next := pages[start+1]
	if !strings.Contains(next, "Name bzw. Firma") || !strings.Contains(next, "Leistung für das Unternehmen") || strings.Contains(next, "9.1 Dienstleister") {
		t.Errorf("continuation page %d does not repeat the table header:\n%s", start+2, next)
	}
	// A row is never split: each provider's name and last line are on the
	// same page, and the numbers run on from one page to the next.
	nums := regexp.MustCompile(`\((\d+)\)`)
	last := 0
	for i := start; i < len(pages) && last < 60; i++ {
		for _, m := range nums.FindAllStringSubmatch(pages[i], -1) {
			var n int
			fmt.Sscan(m[1], &n)
			if n != last+1 {
				t.Fatalf("page %d: provider (%d) follows (%d)", i+1, n, last)
			}
			last = n
		}
		if i > start && last < 60 && !strings.Contains(pages[i], "Name bzw. Firma") {
			t.Errorf("page %d of the register lacks the header", i+1)
		}
	}
	if last != 60 {
		t.Errorf("the register ends at provider %d of 60", last)
	}
	if got := strings.Count(strings.Join(pages, ""), "Verarbeitung außerhalb von EU/EWR?"); got < 60 {
		t.Errorf("only %d providers show their last field", got)
	}
}

// hostile are strings that try to break each format.
var hostile = []string{
	"<script>alert(1)</script> & Co | KG",
	"*fett* _kursiv_ ~~weg~~ `code`",
	"[x](javascript:alert(1))",
	`C:\Users\back\slash\`,
	"Zeile eins\nZeile | zwei\n# keine Überschrift\n- kein Punkt\n1. keine Liste",
	"Emoji 😀🏢 und ❤️ Herz",
	"Maß\u00adnahme mit wei\u00adchem Trenn\u00adstrich",
	"\u202eRechts-nach-links\u202c und \u200fMarke\u200e",
	"&amp; &lt;b&gt; &#x41; ]]> <![CDATA[ x ]]>",
	"  führende Leerzeichen und \"Anführung\" 'einfach'",
}

// hostileFile is the sample with hostile text in every text field.
func hostileFile(t testing.TB) (*model.Catalog, *model.File, []string) {
	t.Helper()
	c, f := loadSample(t)
	long := strings.Repeat("Überlang", 625) // 5,000 characters, no space
	all := append(append([]string{}, hostile...), long)
	k := 0
	next := func() string { k++; return all[k%len(all)] }
	for id, v := range f.Answers {
		q := c.Question(id)
		switch {
		case q.Kind == model.KindText || q.Kind == model.KindTextarea:
			f.Answers[id] = model.String(next())
		case v.IsRecords():
			for _, r := range v.Records() {
				for _, fd := range q.Fields {
					if fd.Kind == model.KindText || fd.Kind == model.KindTextarea {
						r[fd.ID] = model.String(next())
					}
				}
			}
		}
	}
	f.Answers["org.name"] = model.String(hostile[0])
	for i := range f.OwnMeasures {
		f.OwnMeasures[i].Text = next()
		f.OwnMeasures[i].Note = next()
	}
	for i := range f.History {
		f.History[i].Summary = next()
		f.History[i].By = next()
	}
	return c, f, all
}

func TestHostileMarkdown(t *testing.T) {
	c, f, all := hostileFile(t)
	d := Build(c, f, model.De)
	cells := map[string]bool{}
	for _, row := range mdCells(t, WriteMarkdown(d)) {
		for _, c := range row {
			cells[c] = true
		}
	}
	for _, s := range all {
		if !cells[clean(s)] {
			t.Errorf("no table cell reads back as %.60q", clean(s))
		}
	}
	// Checklist items (own measures) read back too.
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	src := WriteMarkdown(d)
	found := 0
	ast.Walk(md.Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if li, ok := n.(*ast.ListItem); ok && entering {
			txt := nodeText(li, src)
			for _, o := range f.OwnMeasures {
				if strings.HasPrefix(txt, clean(o.Text)+"\n") {
					found++
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if found < len(f.OwnMeasures) {
		t.Errorf("only %d of %d own measures read back as list items", found, len(f.OwnMeasures))
	}
}

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)`)

func TestHostileHTML(t *testing.T) {
	c, f, all := hostileFile(t)
	out, err := WriteHTML(Build(c, f, model.De))
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{}
	for _, tag := range strings.Fields("html head meta title style body section h1 h2 h3 h4 p dl dt dd nav ol li a div ul span table colgroup col thead tbody tr th td strong em") {
		allowed[tag] = true
	}
	for _, m := range tagRE.FindAllStringSubmatch(string(out), -1) {
		if !allowed[strings.ToLower(m[2])] {
			t.Errorf("unexpected tag <%s%s> in the HTML", m[1], m[2])
		}
	}
	// A cell holds the text alone, or (in a register's gathered columns) as
	// one field: at the start, or after its "label: " or "question? ".
	var cells []string
	for _, m := range regexp.MustCompile(`(?s)<td>(.*?)</td>`).FindAllStringSubmatch(string(out), -1) {
		cells = append(cells, "\n"+html.UnescapeString(m[1])+"\n")
	}
	for _, s := range all {
		want := bidiShown(clean(s)) + "\n"
		found := false
		for _, c := range cells {
			if strings.HasPrefix(c, "\n"+want) || strings.Contains(c, ": "+want) || strings.Contains(c, "? "+want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no HTML cell has the text %.60q", clean(s))
		}
	}
}

// bidiShown is s with each bidirectional formatting character shown as
// its mark, as the HTML writer shows it.
func bidiShown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if model.IsBidiControl(r) {
			b.WriteString(model.BidiMark(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Bidi controls in user text are shown in the HTML, not obeyed: an override
// cannot show a name reversed, in the text or in the running page header;
// right-to-left letters stay as they are.
func TestHTMLBidiControlsShown(t *testing.T) {
	c, f := loadSample(t)
	f.Answers["org.name"] = model.String("Muster \u202eHbmG\u202c GmbH")
	d := Build(c, f, model.De)
	d.Blocks = append(d.Blocks, &Paragraph{Runs: []Run{{Text: "שלום \u200fעולם\u200e مرحبا \u061c\u2066x\u2069 \u202a\u202b\u202d\u2067\u2068"}}})
	out, err := WriteHTML(d)
	if err != nil {
		t.Fatal(err)
	}
	h := string(out)
	for _, r := range h {
		if model.IsBidiControl(r) {
			t.Errorf("the HTML holds %U", r)
		}
	}
	for _, want := range []string{
		"Muster &lt;U+202E&gt;HbmG&lt;U+202C&gt; GmbH",
		"שלום &lt;U+200F&gt;עולם&lt;U+200E&gt; مرحبا &lt;U+061C&gt;&lt;U+2066&gt;x&lt;U+2069&gt;",
		`Muster \3C U+202E\3E HbmG\3C U+202C\3E  GmbH`, // the running header's CSS string
	} {
		if !strings.Contains(h, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
}

func TestHostileDOCX(t *testing.T) {
	c, f, all := hostileFile(t)
	data, err := WriteDOCX(Build(c, f, model.De))
	if err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, data)
	paras := map[string]bool{}
	for _, p := range docxParagraphs(t, parts["word/document.xml"]) {
		paras[p] = true
	}
	for _, s := range all {
		if !paras[clean(s)] {
			t.Errorf("no DOCX paragraph has the text %.60q", clean(s))
		}
	}
}

func TestHostileTextWidth(t *testing.T) {
	c, f, all := hostileFile(t)
	out := string(WriteText(Build(c, f, model.De)))
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > TextWidth {
			t.Errorf("line %d has %d runes: %.60q", i+1, n, line)
		}
	}
	flat := strings.Join(strings.Fields(out), "")
	for _, s := range all {
		if !strings.Contains(flat, strings.Join(strings.Fields(clean(s)), "")) {
			t.Errorf("text lacks %.60q", s)
		}
	}
}

func TestHostilePDF(t *testing.T) {
	c, f, _ := hostileFile(t)
	data, err := WritePDF(Build(c, f, model.De))
	if err != nil {
		t.Fatalf("hostile text made the PDF fail: %v", err)
	}
	pages := pdfPages(t, data)
	all := strings.Join(pages, "\n")
	flat := strings.Join(strings.Fields(all), "")
	for _, want := range []string{"<script>alert(1)</script>&Co|KG", "[x](javascript:alert(1))", `C:\Users\back\slash\`, "MaßnahmemitweichemTrennstrich", "EmojiundHerz", "Rechts-nach-linksundMarke"} {
		if !strings.Contains(flat, want) {
			t.Errorf("pdftotext does not find %q", want)
		}
	}
	if strings.Contains(all, "Maß-nahme") {
		t.Error("soft hyphen drawn as a visible hyphen")
	}
}

// "&" is spelt in the document's language.
func TestFileNameAndInLanguage(t *testing.T) {
	if got := FileName(&Document{Org: "Smith & Sons Ltd", Lang: model.En}, "pdf", "tom"); got != "TOM_Smith-and-Sons-Ltd.pdf" {
		t.Errorf("English: %q", got)
	}
	if got := FileName(&Document{Org: "Müller & Söhne", Lang: model.De}, "pdf", "tom"); got != "TOM_Mueller-und-Soehne.pdf" {
		t.Errorf("German: %q", got)
	}
}

func TestFileName(t *testing.T) {
	for _, tc := range []struct{ org, stand, want string }{
		{"Bäckerei Öztürk GmbH", "2026-11-28", "TOM_Baeckerei-Oeztuerk-GmbH_2026-11-28.pdf"},
		{"<script>/../..\\evil", "", "TOM_script-evil.pdf"},
		{"", "2026-01-02", "TOM_2026-01-02.pdf"},
		{"😀", "", "TOM.pdf"},
		// Cut between words, never mid-word and never on "-": the next
		// word ("Partner", 7 letters) would pass 60 characters.
		{"Müller & Söhne Steuerberatungsgesellschaft mbH und Partner Wirtschaftsprüfer", "2026-11-28",
			"TOM_Mueller-und-Soehne-Steuerberatungsgesellschaft-mbH-und_2026-11-28.pdf"},
		// A name of exactly 60 characters is kept whole.
		{strings.Repeat("abcd-", 11) + "abcde", "", "TOM_" + strings.Repeat("abcd-", 11) + "abcde.pdf"},
		// A single word longer than the limit can only be cut inside.
		{strings.Repeat("x", 70) + " GmbH", "", "TOM_" + strings.Repeat("x", 60) + ".pdf"},
	} {
		if got := FileName(&Document{Org: tc.org, Stand: tc.stand}, "pdf", ""); got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.org, got, tc.want)
		}
		if org := slug(tc.org); len(org) > 60 || strings.HasSuffix(org, "-") {
			t.Errorf("slug(%q) = %q: over 60 characters or ends on '-'", tc.org, org)
		}
	}
}

// TestFileNameTransliterates: accents are dropped, Cyrillic is written as
// ICAO Doc 9303 does, and a name with letters tom cannot write in Latin
// letters (Greek, CJK) or no name at all gives way to the answers file's name.
func TestFileNameTransliterates(t *testing.T) {
	for _, tc := range []struct{ org, want string }{
		{"Café Señor Łódź", "TOM_Cafe-Senor-Lodz.txt"},
		{"ООО «Жуков и партнёры»", "TOM_OOO-Zhukov-i-partnery.txt"},
		{"ЩИТ Україна", "TOM_SHCHIT-Ukraina.txt"},
		{"Щука", "TOM_Shchuka.txt"},
		{"Αθηναϊκή Τεχνική", "TOM_kunde-a.txt"},
		{"Müller 東京", "TOM_kunde-a.txt"},
		{"", "TOM_kunde-a.txt"},
		{"😀", "TOM_kunde-a.txt"},
	} {
		if got := FileName(&Document{Org: tc.org, Lang: model.De}, "txt", "kunde a"); got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.org, got, tc.want)
		}
	}
}

// TestSameOrg: every format tells its organisation from another's, and a
// file tom did not write is never the same.
func TestSameOrg(t *testing.T) {
	c, f := loadSample(t)
	mine := Build(c, f, model.De)
	f.Set("org.name", model.String("Σπαρτιατική Λογιστική"))
	other := Build(c, f, model.De)
	for _, format := range Formats {
		data, err := Write(mine, format)
		if err != nil {
			t.Fatal(err)
		}
		if !SameOrg(data, format, mine) {
			t.Errorf("%s: own document not recognised", format)
		}
		if SameOrg(data, format, other) {
			t.Errorf("%s: another organisation's document taken for the same", format)
		}
		if SameOrg([]byte("notes about "+mine.Org), format, mine) && format != "txt" {
			t.Errorf("%s: a file tom did not write taken for the same", format)
		}
	}
}

// TestIncompleteFileRenders renders a file with almost no answers: every
// format works and the gaps are open items.
func TestIncompleteFileRenders(t *testing.T) {
	c := standardCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("org.name", model.String("Neu GmbH"))
	d := Build(c, f, model.De)
	for _, format := range Formats {
		if _, err := Write(d, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
	}
	md := string(WriteMarkdown(d))
	if !strings.Contains(md, "| unvollständig | Zutrittskontrolle |") || !strings.Contains(md, "- **Stand:** nicht festgelegt") {
		t.Errorf("gaps or missing Stand not shown:\n%.2000s", md)
	}
}

// TestBuildMarkdownSame: Markdown written while the document is built is
// WriteMarkdown's, for every profile and language, branded or not, short
// and long.
func TestBuildMarkdownSame(t *testing.T) {
	c, f := loadSample(t)
	cl, fl := manyProviders(t, 700)
	br := &Branding{Name: "Kanzlei Beispiel", Address: "Musterstraße 1\n12345 Musterstadt", Footer: "Kanzlei Beispiel · Musterstraße 1", Intro: "Erstellt mit *tom*."}
	for _, tc := range []struct {
		name    string
		c       *model.Catalog
		f       *model.File
		br      *Branding
		profile string
	}{
		{"sample", c, f, nil, ProfileInternal},
		{"annex", c, f, nil, ProfileAnnex},
		{"branded", c, f, br, ProfileInternal},
		{"long", cl, fl, nil, ProfileInternal},
		{"empty", c, model.NewFile(c, model.De), nil, ProfileInternal},
	} {
		for _, l := range []model.Lang{model.De, model.En} {
			want := WriteMarkdown(BuildProfile(tc.c, tc.f, l, tc.br, tc.profile))
			d, got := BuildMarkdown(tc.c, tc.f, l, tc.br, tc.profile, nil, 0)
			if !bytes.Equal(got, want) {
				t.Errorf("%s/%s: BuildMarkdown differs from WriteMarkdown", tc.name, l)
			}
			// Spilled: the pieces (copied, their bytes are written over)
			// and the rest are the same bytes, the pieces most of them.
			var spilled []byte
			pieces := 0
			_, rest := BuildMarkdown(tc.c, tc.f, l, tc.br, tc.profile, func(b []byte) {
				spilled = append(spilled, b...)
				pieces++
			}, 1<<20)
			if !bytes.Equal(append(spilled, rest...), want) {
				t.Errorf("%s/%s: %d bytes spilled in %d pieces and %d returned differ from WriteMarkdown's %d", tc.name, l, len(spilled), pieces, len(rest), len(want))
			}
			if tc.name == "long" && (len(want) < 2*mdSpillAt || len(rest) > mdSpillAt || pieces < len(want)/mdSpillAt) {
				t.Errorf("%s/%s: %d of %d bytes returned after %d pieces, want at most %d after at least %d", tc.name, l, len(rest), len(want), pieces, mdSpillAt, len(want)/mdSpillAt)
			}
			if !bytes.Equal(WriteMarkdown(d), want) {
				t.Errorf("%s/%s: the document BuildMarkdown returns differs", tc.name, l)
			}
		}
	}
}
