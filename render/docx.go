package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"tom/model"
)

// DOCX page geometry in twentieths of a point (twips): A4, 2 cm margins.
const (
	docxPageW  = 11906
	docxPageH  = 16838
	docxMargin = 1134
	docxTextW  = docxPageW - 2*docxMargin
)

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// XMLText escapes text for an XML text node or attribute value. Characters
// XML cannot hold become U+FFFD, so every part stays well-formed.
func XMLText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteDOCX returns the document as a Word file from our own minimal
// WordprocessingML writer: A4, Word heading styles (navigation pane, TOC
// field), repeated table header rows, rows that do not split, header and
// footer with "Seite X von Y", a cover page without them, the document
// language, and no metadata but title, subject, language and dates. The zip
// has fixed timestamps, so the same document gives the same bytes.
func WriteDOCX(d *Document) ([]byte, error) {
	w := &docxWriter{d: d}
	w.body()
	ts := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := model.DateOf(d.Stand); err == nil && d.Stand != "" {
		ts = t
	}
	lang := "de-DE"
	if d.Lang == model.En {
		lang = "en-GB"
	}
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", w.core(ts, lang)},
		{"docProps/app.xml", docxApp},
		{"word/_rels/document.xml.rels", docxDocRels},
		{"word/document.xml", w.doc.String()},
		{"word/styles.xml", strings.ReplaceAll(docxStyles, "{LANG}", lang)},
		{"word/settings.xml", docxSettings},
		{"word/header1.xml", w.headerPart()},
		{"word/footer1.xml", w.footerPart()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: ts})
		if err != nil {
			return nil, fmt.Errorf("docx: %s: %w", p.name, err)
		}
		if _, err := fw.Write([]byte(p.data)); err != nil {
			return nil, fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return buf.Bytes(), nil
}

type docxWriter struct {
	d     *Document
	doc   strings.Builder
	marks map[string]int // heading ID -> bookmark number
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func (w *docxWriter) core(ts time.Time, lang string) string {
	t := ts.Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>` + XMLText(w.d.Title) + `</dc:title>`)
	if w.d.Org != "" {
		b.WriteString(`<dc:subject>` + XMLText(w.d.Org) + `</dc:subject>`)
		b.WriteString(`<dc:creator>` + XMLText(w.d.Org) + `</dc:creator>`)
	}
	b.WriteString(`<dc:language>` + lang + `</dc:language>`)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func (w *docxWriter) running() string {
	s := Msg.Get(w.d.Lang, "running_header", w.d.Title, w.d.StandFmt)
	if w.d.Org != "" {
		s = w.d.Org + " · " + s
	}
	return s
}

func (w *docxWriter) headerPart() string {
	return xmlHead + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>` +
		textRuns(w.running(), "") + `</w:p></w:hdr>`
}

func (w *docxWriter) footerPart() string {
	field := func(instr string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + instr +
			` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	l := w.d.Lang
	return xmlHead + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>` +
		textRuns(Msg.Get(l, "page_word")+" ", "") + field("PAGE") + textRuns(" "+Msg.Get(l, "of_word")+" ", "") + field("NUMPAGES") +
		`</w:p></w:ftr>`
}

// textRuns returns runs for text with line breaks as <w:br/>; rpr is the
// inner XML of a run property element ("" for none).
func textRuns(s, rpr string) string {
	var b strings.Builder
	b.WriteString("<w:r>")
	if rpr != "" {
		b.WriteString("<w:rPr>" + rpr + "</w:rPr>")
	}
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		b.WriteString(XMLText(line))
		b.WriteString(`</w:t>`)
	}
	b.WriteString("</w:r>")
	return b.String()
}

// para writes a paragraph with style, extra pPr XML (in schema order after
// pStyle) and inner run XML.
func (w *docxWriter) para(style, ppr, runs string) {
	w.doc.WriteString("<w:p>")
	if style != "" || ppr != "" {
		w.doc.WriteString("<w:pPr>")
		if style != "" {
			w.doc.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		w.doc.WriteString(ppr)
		w.doc.WriteString("</w:pPr>")
	}
	w.doc.WriteString(runs)
	w.doc.WriteString("</w:p>")
}

func (w *docxWriter) pageBreak() {
	w.doc.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

func (w *docxWriter) body() {
	// Size the buffer once: about 12 KB per record card, 64 KB for the rest.
	size := 64 << 10
	for _, bl := range w.d.Blocks {
		if r, ok := bl.(*Records); ok && r.Full != nil {
			size += len(r.Full.Rows) * 12 << 10
		}
	}
	w.doc.Grow(size)
	w.marks = map[string]int{}
	for i, h := range w.d.Headings(3) {
		w.marks[h.ID] = i + 1
	}
	w.doc.WriteString(xmlHead)
	w.doc.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for _, bl := range w.d.Blocks {
		w.block(bl)
	}
	w.doc.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>`)
	fmt.Fprintf(&w.doc, `<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/>`,
		docxPageW, docxPageH, docxMargin, docxMargin, docxMargin, docxMargin)
	w.doc.WriteString(`<w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>`)
}

func (w *docxWriter) block(bl Block) {
	switch x := bl.(type) {
	case *Cover:
		w.para("", `<w:spacing w:before="2400"/>`, "")
		w.para("Title", "", textRuns(x.Title, ""))
		w.para("Subtitle", "", textRuns(x.Subtitle, ""))
		w.para("CoverOrg", "", textRuns(x.Org, ""))
		if x.Address != "" {
			w.para("", "", textRuns(x.Address, ""))
		}
		w.para("", `<w:spacing w:before="2400"/>`, "")
		for _, kv := range x.Lines {
			w.para("CoverLine", "", textRuns(kv.Key, `<w:color w:val="595959"/>`)+`<w:r><w:tab/></w:r>`+textRuns(kv.Value, ""))
		}
	case *PageBreak:
		w.pageBreak()
	case *TOC:
		w.toc(x)
	case *Heading:
		n := w.marks[x.ID]
		style := fmt.Sprintf("Heading%d", min(max(x.Level, 1), 3))
		w.para(style, "", fmt.Sprintf(`<w:bookmarkStart w:id="%d" w:name="_Toc%d"/>`, n, n)+textRuns(x.Label(), "")+fmt.Sprintf(`<w:bookmarkEnd w:id="%d"/>`, n))
	case *Paragraph:
		style := ""
		switch x.Style {
		case StyleSmall:
			style = "Small"
		case StyleLabel:
			style = "Label"
		}
		var runs strings.Builder
		for _, r := range x.Runs {
			rpr := ""
			if r.Bold {
				rpr += "<w:b/>"
			}
			if r.Italic {
				rpr += "<w:i/>"
			}
			runs.WriteString(textRuns(r.Text, rpr))
		}
		w.para(style, "", runs.String())
	case *Checklist:
		for _, it := range x.Items {
			box := "☐"
			if it.Checked {
				box = "☒"
			}
			keep := ""
			if it.Detail != "" {
				keep = "<w:keepNext/>"
			}
			w.para("Check", keep, textRuns(box, `<w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" w:cs="Segoe UI Symbol"/>`)+`<w:r><w:tab/></w:r>`+textRuns(it.Text, ""))
			if it.Detail != "" {
				w.para("CheckDetail", "", textRuns(it.Detail, ""))
			}
		}
		w.para("Spacer", "", "")
	case *Table:
		w.table(x.Header, x.Widths, x.Rows, false)
	case *KeyValue:
		w.card(x)
	case *Records:
		switch {
		case x.Full == nil || len(x.Full.Rows) == 0:
			w.para("", "", textRuns(x.Empty, ""))
		case x.Cards != nil:
			w.table(x.Summary.Header, x.Summary.Widths, x.Summary.Rows, false)
			for _, c := range x.Cards {
				w.card(c)
			}
		default:
			w.table(x.Full.Header, x.Full.Widths, x.Full.Rows, false)
		}
	case *Signature:
		w.signature(x)
	}
}

func (w *docxWriter) toc(t *TOC) {
	w.para("TOCHeading", "", textRuns(t.Title, ""))
	hs := w.d.Headings(2)
	var b strings.Builder
	b.WriteString(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	for i, h := range hs {
		n := w.marks[h.ID]
		if i > 0 {
			b.WriteString("</w:p>")
			fmt.Fprintf(&b, `<w:p><w:pPr><w:pStyle w:val="TOC%d"/></w:pPr>`, h.Level)
		}
		fmt.Fprintf(&b, `<w:hyperlink w:anchor="_Toc%d" w:history="1">`, n)
		b.WriteString(textRuns(h.Label(), ""))
		b.WriteString(`<w:r><w:tab/></w:r>`)
		fmt.Fprintf(&b, `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc%d \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t></w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`, n)
		b.WriteString(`</w:hyperlink>`)
	}
	b.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
	level := 1
	if len(hs) > 0 {
		level = hs[0].Level
	}
	w.doc.WriteString(fmt.Sprintf(`<w:p><w:pPr><w:pStyle w:val="TOC%d"/></w:pPr>`, level))
	w.doc.WriteString(b.String())
	w.doc.WriteString("</w:p>")
	w.para("Small", "", textRuns(Msg.Get(w.d.Lang, "toc_update"), ""))
}

// twips turns relative widths into column widths that sum to the text width.
func twips(rel []float64, n int) []int {
	out := make([]int, n)
	total := 0.0
	for i := range n {
		v := 1.0 / float64(n)
		if i < len(rel) && rel[i] > 0 {
			v = rel[i]
		}
		out[i] = int(v * 10000)
		total += v
	}
	sum := 0
	for i := range out {
		out[i] = int(float64(out[i]) / 10000 / total * docxTextW)
		sum += out[i]
	}
	out[n-1] += docxTextW - sum
	return out
}

// cellPara returns the paragraph XML of a table cell.
func cellPara(text, rpr string, keepNext bool) string {
	ppr := `<w:pPr><w:pStyle w:val="TableText"/>`
	if keepNext {
		ppr += "<w:keepNext/>"
	}
	ppr += "</w:pPr>"
	return "<w:p>" + ppr + textRuns(text, rpr) + "</w:p>"
}

// rowPr returns the row properties: a header row repeats on every page; a
// row short enough for a page does not split (a longer one must, or Word
// would cut it off).
func rowPr(cells []string, widths []int, header bool) string {
	lines := 0
	for i, c := range cells {
		if i >= len(widths) {
			break
		}
		perLine := max(widths[i]/100, 1) // about 100 twips per character at 8.5 pt
		n := 0
		for _, l := range strings.Split(c, "\n") {
			n += 1 + len([]rune(l))/perLine
		}
		lines = max(lines, n)
	}
	var b strings.Builder
	b.WriteString("<w:trPr>")
	if lines < 40 {
		b.WriteString("<w:cantSplit/>")
	}
	if header {
		b.WriteString("<w:tblHeader/>")
	}
	b.WriteString("</w:trPr>")
	return b.String()
}

func (w *docxWriter) tableStart(widths []int) {
	w.doc.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>`)
	fmt.Fprintf(&w.doc, `<w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`, docxTextW)
	for _, wd := range widths {
		fmt.Fprintf(&w.doc, `<w:gridCol w:w="%d"/>`, wd)
	}
	w.doc.WriteString(`</w:tblGrid>`)
}

func (w *docxWriter) tableEnd() {
	w.doc.WriteString(`</w:tbl>`)
	// A paragraph between tables keeps Word from merging them.
	w.para("Spacer", "", "")
}

func (w *docxWriter) table(header []string, rel []float64, rows [][]string, keep bool) {
	widths := twips(rel, len(header))
	w.tableStart(widths)
	w.doc.WriteString("<w:tr>" + rowPr(header, widths, true))
	for i, h := range header {
		fmt.Fprintf(&w.doc, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr>`, widths[i])
		w.doc.WriteString(cellPara(h, "<w:b/>", true))
		w.doc.WriteString("</w:tc>")
	}
	w.doc.WriteString("</w:tr>")
	for ri, r := range rows {
		w.doc.WriteString("<w:tr>" + rowPr(r, widths, false))
		for i := range header {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			fmt.Fprintf(&w.doc, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[i])
			w.doc.WriteString(cellPara(c, "", keep && ri < len(rows)-1))
			w.doc.WriteString("</w:tc>")
		}
		w.doc.WriteString("</w:tr>")
	}
	w.tableEnd()
}

// card writes a record as a two-column table under a title row, kept on one
// page where Word can.
func (w *docxWriter) card(c *KeyValue) {
	widths := twips([]float64{0.3, 0.7}, 2)
	w.tableStart(widths)
	w.doc.WriteString("<w:tr>" + rowPr([]string{c.Title}, []int{docxTextW}, true))
	fmt.Fprintf(&w.doc, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="2"/><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr>`, docxTextW)
	w.doc.WriteString(cellPara(c.Title, "<w:b/>", true))
	w.doc.WriteString("</w:tc></w:tr>")
	for ri, kv := range c.Rows {
		keep := ri < len(c.Rows)-1
		w.doc.WriteString("<w:tr>" + rowPr([]string{kv.Key, kv.Value}, widths, false))
		fmt.Fprintf(&w.doc, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[0])
		w.doc.WriteString(cellPara(kv.Key, `<w:color w:val="444444"/>`, keep))
		fmt.Fprintf(&w.doc, `</w:tc><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[1])
		w.doc.WriteString(cellPara(kv.Value, "", keep))
		w.doc.WriteString("</w:tc></w:tr>")
	}
	w.tableEnd()
}

func (w *docxWriter) signature(s *Signature) {
	w.para("", "<w:keepNext/>", textRuns(s.Intro, ""))
	field := func(kv KV, last bool) {
		keep := "<w:keepNext/>"
		if last {
			keep = ""
		}
		w.para("SignValue", "<w:keepNext/>", textRuns(kv.Value, ""))
		w.para("SignLabel", keep, textRuns(kv.Key, ""))
	}
	field(s.Place, false)
	field(s.Date, false)
	field(s.Name, false)
	field(s.Role, false)
	field(KV{Key: Msg.Get(w.d.Lang, "sign_line")}, true)
}

const docxContentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const docxRootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const docxApp = xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tom</Application></Properties>`

const docxDocRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`</Relationships>`

const docxSettings = xmlHead + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="709"/><w:autoHyphenation/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:updateFields w:val="true"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// docxStyles defines the styles the document uses; {LANG} is the language.
const docxStyles = xmlHead + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="{LANG}" w:eastAsia="{LANG}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="160"/></w:pPr><w:rPr><w:b/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="1200"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="CoverOrg"><w:name w:val="Cover Organisation"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="CoverLine"><w:name w:val="Cover Line"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="2835"/></w:tabs><w:spacing w:after="60"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="808080"/></w:pBdr><w:spacing w:before="360" w:after="160"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="25"/><w:szCs w:val="25"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs><w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="397"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Small"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="595959"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Label"><w:name w:val="Label"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Check"><w:name w:val="Checklist"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="397"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="397" w:hanging="397"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="CheckDetail"><w:name w:val="Checklist Detail"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="397"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Spacer"><w:name w:val="Spacer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="120" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="SignValue"><w:name w:val="Signature Value"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="333333"/></w:pBdr><w:spacing w:before="360" w:after="20"/><w:ind w:right="4535"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="SignLabel"><w:name w:val="Signature Label"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="A0A0A0"/></w:pBdr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="666666"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="666666"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:left w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:right w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/></w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`
