package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// DOCX page geometry in twentieths of a point (twips): A4, 2 cm margins.
const (
	docxPageW  = 11906
	docxPageH  = 16838
	docxMargin = 1134
	docxTextW  = docxPageW - 2*docxMargin
	docxWideW  = docxPageH - 2*docxMargin // text width on a landscape page
)

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// XMLText escapes text for an XML text node or attribute value. Characters
// XML cannot hold become U+FFFD, so every part stays well-formed.
func XMLText(s string) string {
	if !needsXMLEscape(s) {
		return s
	}
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlWrite writes s escaped as XMLText does, without allocating when s
// needs no escaping.
func xmlWrite(b *bytes.Buffer, s string) {
	if !needsXMLEscape(s) {
		b.WriteString(s)
		return
	}
	xml.EscapeText(b, []byte(s))
}

// xmlEscLo and xmlEscHi are the ASCII bytes xml.EscapeText changes (or
// that needsXMLEscape sends to it): controls, markup and quotes, as bits
// 0-63 and 64-127.
const (
	xmlEscLo uint64 = 1<<0x20 - 1 | 1<<'"' | 1<<'&' | 1<<'\'' | 1<<'<' | 1<<'>'
	xmlEscHi uint64 = 1 << (0x7f - 64)
)

// needsXMLEscape reports whether s holds a character xml.EscapeText changes:
// markup, quotes, control characters (C1 too), invalid UTF-8, U+FFFE and
// U+FFFF; also U+FFFD, which it keeps. Runes beyond ASCII are decoded only
// where they occur.
func needsXMLEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 64 && xmlEscLo>>c&1 != 0 || c >= 64 && xmlEscHi>>(c-64)&1 != 0 {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r <= 0x9f || r == 0xFFFE || r == 0xFFFF {
			return true
		}
		i += n
	}
	return false
}

// WriteDOCX returns the document as a Word file from our own minimal
// WordprocessingML writer: A4, Word heading styles (navigation pane, TOC
// field), repeated table header rows, rows that do not split, header and
// footer with "Seite X von Y", a cover page without them, a wide register
// on landscape pages, the document language, and no metadata but title,
// subject, language and dates. The zip has fixed timestamps, so the same
// document gives the same bytes.
func WriteDOCX(d *Document) ([]byte, error) {
	return writeDOCX(d, true)
}

// writeDOCX is WriteDOCX; with packed, the parts that are the same in every
// document (of a language and logo type) are copied compressed from
// docxPack instead of compressed again.
func writeDOCX(d *Document, packed bool) ([]byte, error) {
	w := &docxWriter{d: d}
	w.logo = w.coverLogo()
	ts, lang := d.stamp(), d.langTag()
	type part struct {
		name  string
		data  []byte // nil for word/document.xml, which is written as it is made
		fixed bool   // the same in every document of a language and logo type
	}
	parts := []part{
		{"[Content_Types].xml", []byte(docxContentTypes), true},
		{"_rels/.rels", []byte(docxRootRels), true},
		{"docProps/core.xml", []byte(w.core(ts, lang)), false},
		{"docProps/app.xml", []byte(docxApp), true},
		{"word/_rels/document.xml.rels", []byte(docxDocRels), true},
		{"word/document.xml", nil, false},
		{"word/styles.xml", []byte(strings.ReplaceAll(docxStyles, "{LANG}", lang)), true},
		{"word/settings.xml", []byte(docxSettings), true},
		{"word/header1.xml", []byte(w.headerPart()), false},
		{"word/footer1.xml", []byte(w.footerPart()), false},
	}
	if w.logo != "" {
		// The logo's part, its type and the relationship the cover names.
		ext := map[string]string{"png": "png", "jpeg": "jpeg"}[d.Brand.LogoFormat]
		parts[0].data = []byte(strings.Replace(docxContentTypes, `<Default Extension="xml"`, `<Default Extension="`+ext+`" ContentType="image/`+ext+`"/><Default Extension="xml"`, 1))
		parts[4].data = []byte(strings.Replace(docxDocRels, `</Relationships>`, `<Relationship Id="`+docxLogoID+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.`+ext+`"/></Relationships>`, 1))
		parts = append(parts, part{"word/media/logo." + ext, d.Brand.Logo, false})
	}
	buf := roomy(w.sizeHint())
	zw := zip.NewWriter(&buf)
	// The fastest deflate, one compressor (from the pool) reset for every
	// part: the default level spent most of a long register's time
	// compressing, and each part got a compressor of its own.
	var fz *flate.Writer
	defer func() {
		if fz != nil {
			flatePool.Put(fz)
		}
	}()
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fz == nil {
			fz = getFlate(out)
		} else {
			fz.Reset(out)
		}
		return fz, nil
	})
	// The header fields the zip writer sets for a part of this date, for
	// the parts copied compressed: made by the writer itself, on a scratch
	// archive.
	var stamp zip.FileHeader
	if packed {
		stamp = zip.FileHeader{Name: "x", Method: zip.Store, Modified: ts}
		if _, err := zip.NewWriter(io.Discard).CreateHeader(&stamp); err != nil {
			return nil, fmt.Errorf("docx: %w", err)
		}
	}
	for _, p := range parts {
		var (
			fw  io.Writer
			err error
		)
		switch {
		case p.fixed && packed:
			c := docxPack(p.data)
			h := stamp // versions, flags, date and time fields, extra field
			h.Name, h.Method, h.Extra = p.name, zip.Deflate, slices.Clone(stamp.Extra)
			h.CRC32, h.CompressedSize64, h.UncompressedSize64 = c.crc, uint64(len(c.data)), uint64(len(p.data))
			fw, err = zw.CreateRaw(&h)
			if err == nil {
				_, err = fw.Write(c.data)
			}
		default:
			fw, err = zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: ts})
			if err == nil && p.data == nil {
				err = w.body(fw)
			} else if err == nil {
				_, err = fw.Write(p.data)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return buf.Bytes(), nil
}

// docxPacked is a part compressed as the zip writer compresses it, with its
// checksum.
type docxPacked struct {
	crc  uint32
	data []byte
}

// docxPacks holds the fixed parts of DOCX files compressed, by content:
// a handful per process (one per language and logo type), each compressed
// once, however many documents a batch writes.
var docxPacks sync.Map // string -> *docxPacked

// docxPack returns part compressed.
func docxPack(part []byte) *docxPacked {
	if c, ok := docxPacks.Load(string(part)); ok {
		return c.(*docxPacked)
	}
	var b bytes.Buffer
	fz := getFlate(&b)
	fz.Write(part) // a bytes.Buffer does not fail
	fz.Close()
	flatePool.Put(fz)
	c, _ := docxPacks.LoadOrStore(string(part), &docxPacked{crc: crc32.ChecksumIEEE(part), data: b.Bytes()})
	return c.(*docxPacked)
}

type docxWriter struct {
	d    *Document
	logo string // the logo's drawing on the cover, "" without
	// doc holds the XML of word/document.xml not yet passed on to be
	// compressed (see body); without chunks (a test calling the writer's
	// methods) all of it.
	doc      bytes.Buffer
	chunks   chan<- []byte  // pieces of XML to compress, in order
	free     chan []byte    // buffers the compressor is done with
	marks    map[string]int // heading ID -> bookmark number
	sections int            // section breaks written so far
	wide     bool           // the current section is landscape
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
	b.WriteString(`<cp:keywords>` + w.d.OrgKey() + `</cp:keywords>`)
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
		`</w:p>` + w.brandFooter() + `</w:ftr>`
}

// textRuns returns runs for text with line breaks as <w:br/>; rpr is the
// inner XML of a run property element ("" for none).
func textRuns(s, rpr string) string {
	var b bytes.Buffer
	writeRuns(&b, s, rpr)
	return b.String()
}

// writeRuns writes a run for text s (line breaks as <w:br/>) with run
// properties rpr.
func writeRuns(b *bytes.Buffer, s, rpr string) {
	writeRuns2(b, s, "", rpr)
}

// writeRuns2 writes the run writeRuns writes for s+t, without joining them.
func writeRuns2(b *bytes.Buffer, s, t, rpr string) {
	if rpr != "" {
		b.WriteString("<w:r><w:rPr>")
		b.WriteString(rpr)
		b.WriteString(`</w:rPr><w:t xml:space="preserve">`)
	} else {
		b.WriteString(`<w:r><w:t xml:space="preserve">`)
	}
	writeLines(b, s)
	writeLines(b, t)
	b.WriteString("</w:t></w:r>")
}

// writeLines writes s escaped, each line break as the end of a text
// element, a <w:br/> and the start of the next.
func writeLines(b *bytes.Buffer, s string) {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			xmlWrite(b, s)
			return
		}
		xmlWrite(b, s[:i])
		b.WriteString(`</w:t><w:br/><w:t xml:space="preserve">`)
		s = s[i+1:]
	}
}

// pOpen starts a paragraph with style and extra pPr XML (in schema order
// after pStyle).
func (w *docxWriter) pOpen(style, ppr string) {
	w.doc.WriteString("<w:p>")
	if style != "" || ppr != "" {
		w.doc.WriteString("<w:pPr>")
		if style != "" {
			w.doc.WriteString(`<w:pStyle w:val="`)
			w.doc.WriteString(style)
			w.doc.WriteString(`"/>`)
		}
		w.doc.WriteString(ppr)
		w.doc.WriteString("</w:pPr>")
	}
}

// textPara writes a paragraph holding text s in one run.
func (w *docxWriter) textPara(style, ppr, s, rpr string) {
	w.pOpen(style, ppr)
	writeRuns(&w.doc, s, rpr)
	w.doc.WriteString("</w:p>")
}

// para writes a paragraph with style, extra pPr XML and inner run XML.
func (w *docxWriter) para(style, ppr, runs string) {
	w.pOpen(style, ppr)
	w.doc.WriteString(runs)
	w.doc.WriteString("</w:p>")
}

func (w *docxWriter) pageBreak() {
	w.doc.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

// sectPr writes the properties of the section that ends here: portrait or
// landscape A4, header and footer, and (for the first section, which holds
// the cover) no header or footer on its first page.
func (w *docxWriter) sectPr(wide, first bool) {
	w.doc.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>`)
	if wide {
		w.doc.WriteString(`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`)
	} else {
		w.doc.WriteString(`<w:pgSz w:w="11906" w:h="16838"/>`)
	}
	w.doc.WriteString(`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/>`)
	if first {
		w.doc.WriteString(`<w:titlePg/>`)
	}
	w.doc.WriteString(`<w:docGrid w:linePitch="360"/></w:sectPr>`)
}

// layout ends the current section and starts one in the new orientation.
func (w *docxWriter) layout(wide bool) {
	if wide == w.wide {
		return
	}
	w.doc.WriteString("<w:p><w:pPr>")
	w.sectPr(w.wide, w.sections == 0)
	w.doc.WriteString("</w:pPr></w:p>")
	w.sections++
	w.wide = wide
}

// textWidth is the width tables get in the current section.
func (w *docxWriter) textWidth() int {
	if w.wide {
		return docxWideW
	}
	return docxTextW
}

// docxSpill is how much XML the writer gathers before passing it on to be
// compressed: the document of a long register is megabytes, and only this
// much of it is held at a time. The compressed bytes do not depend on it.
const docxSpill = 32 << 10

// sizeHint estimates the size of the DOCX file: about 16 bytes per
// register field compressed, 48 KB for the rest.
func (w *docxWriter) sizeHint() int {
	size := 48 << 10
	for _, bl := range w.d.Blocks {
		if r, ok := bl.(*Records); ok {
			size += len(r.Rows) * len(r.Fields) * 16
		}
	}
	return size
}

// spill passes the XML gathered so far on to be compressed once there is
// enough of it.
func (w *docxWriter) spill() {
	if w.chunks != nil && w.doc.Len() >= docxSpill {
		w.flush()
	}
}

// flush passes all XML gathered on to be compressed, and gathers on in a
// buffer the compressor is done with (or a new one).
func (w *docxWriter) flush() {
	if w.chunks == nil || w.doc.Len() == 0 {
		return
	}
	w.chunks <- w.doc.Bytes()
	var next []byte
	select {
	case next = <-w.free:
	default:
		next = make([]byte, 0, 2*docxSpill)
	}
	w.doc = *bytes.NewBuffer(next)
}

// body writes word/document.xml to out. The XML is compressed on a second
// goroutine while the next part of it is made, a piece of docxSpill at a
// time, in order; the pieces change hands, they are not copied.
func (w *docxWriter) body(out io.Writer) error {
	chunks := make(chan []byte, 2)
	w.chunks = chunks
	w.free = make(chan []byte, 4) // never full: at most four buffers exist
	done := make(chan error, 1)
	go func() {
		var err error
		for c := range chunks {
			if err == nil {
				_, err = out.Write(c)
			}
			w.free <- c[:0]
		}
		done <- err
	}()
	w.doc.Grow(2 * docxSpill)
	w.xml()
	w.flush()
	close(chunks)
	return <-done
}

// xml writes the XML of word/document.xml.
func (w *docxWriter) xml() {
	hs := w.d.Headings(3)
	w.marks = make(map[string]int, len(hs))
	for i, h := range hs {
		w.marks[h.ID] = i + 1
	}
	w.doc.WriteString(xmlHead)
	w.doc.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for _, bl := range w.d.Blocks {
		w.block(bl)
		w.spill()
	}
	w.sectPr(w.wide, w.sections == 0)
	w.doc.WriteString(`</w:body></w:document>`)
}

// docxBox is the check box for each mark (Segoe UI Symbol, as Word uses).
var docxBox = [...]string{MarkOpen: "☐", MarkDone: "☒", MarkDetected: "☒", MarkNA: "⊟"}

const docxSymbol = `<w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" w:cs="Segoe UI Symbol"/>`

func (w *docxWriter) block(bl Block) {
	switch x := bl.(type) {
	case *Cover:
		if w.brandTop() {
			w.para("", `<w:spacing w:before="1200"/>`, "")
		} else {
			w.para("", `<w:spacing w:before="2400"/>`, "")
		}
		w.textPara("Title", "", x.Title, "")
		w.textPara("Subtitle", "", x.Subtitle, "")
		w.textPara("CoverOrg", "", x.Org, "")
		if x.Address != "" {
			w.textPara("", "", x.Address, "")
		}
		w.para("", `<w:spacing w:before="2400"/>`, "")
		for _, kv := range x.Lines {
			w.pOpen("CoverLine", "")
			writeRuns(&w.doc, kv.Key, `<w:color w:val="595959"/>`)
			w.doc.WriteString(`<w:r><w:tab/></w:r>`)
			writeRuns(&w.doc, kv.Value, "")
			w.doc.WriteString("</w:p>")
		}
	case *PageBreak:
		w.pageBreak()
	case *PageLayout:
		w.layout(x.Landscape)
	case *TOC:
		w.toc(x)
	case *Heading:
		n := strconv.Itoa(w.marks[x.ID])
		w.pOpen("Heading"+strconv.Itoa(min(max(x.Level, 1), 3)), "")
		w.doc.WriteString(`<w:bookmarkStart w:id="` + n + `" w:name="_Toc` + n + `"/>`)
		writeRuns(&w.doc, x.Label(), "")
		w.doc.WriteString(`<w:bookmarkEnd w:id="` + n + `"/></w:p>`)
	case *Paragraph:
		style := ""
		switch x.Style {
		case StyleSmall:
			style = "Small"
		case StyleLabel:
			style = "Label"
		}
		w.pOpen(style, "")
		for _, r := range x.Runs {
			rpr := ""
			switch {
			case r.Bold && r.Italic:
				rpr = "<w:b/><w:i/>"
			case r.Bold:
				rpr = "<w:b/>"
			case r.Italic:
				rpr = "<w:i/>"
			}
			writeRuns(&w.doc, r.Text, rpr)
		}
		w.doc.WriteString("</w:p>")
	case *Checklist:
		for _, it := range x.Items {
			keep := ""
			if it.Detail != "" {
				keep = "<w:keepNext/>"
			}
			w.pOpen("Check", keep)
			writeRuns(&w.doc, docxBox[it.Mark], docxSymbol)
			w.doc.WriteString(`<w:r><w:tab/></w:r>`)
			rpr := ""
			if it.Mark == MarkNA {
				rpr = `<w:color w:val="595959"/>`
			}
			writeRuns(&w.doc, it.Text, rpr)
			if it.Tag != "" {
				writeRuns(&w.doc, " ("+it.Tag+")", "<w:b/>")
			}
			w.doc.WriteString("</w:p>")
			if it.Detail != "" {
				w.textPara("CheckDetail", "", it.Detail, "")
			}
		}
		w.para("Spacer", "", "")
	case *Table:
		w.table(x.Header, x.Widths, x.Rows)
	case *KeyValue:
		w.card(x)
	case *Bars:
		w.bars(x)
	case *List:
		for _, it := range x.Items {
			w.textPara("", `<w:ind w:left="`+strconv.Itoa(360*(it.Level+1))+`"/>`, it.bulletText(), "")
		}
	case *Records:
		switch {
		case len(x.Rows) == 0:
			w.textPara("", "", x.Empty, "")
		case x.Columns != nil:
			w.register(x)
		default:
			t := x.FullTable()
			w.table(t.Header, t.Widths, t.Rows)
		}
	case *Signature:
		w.signature(x)
	}
}

// toc writes the table of contents as one paragraph per heading: a link to
// the heading's bookmark and a PAGEREF field for its page. Not wrapped in a
// TOC field: LibreOffice shows a TOC field's stored text (the writer cannot
// know page numbers), but it computes PAGEREF fields itself; Word updates
// them on opening (updateFields in settings.xml).
func (w *docxWriter) toc(t *TOC) {
	w.textPara("TOCHeading", "", t.Title, "")
	for _, h := range w.d.Headings(2) {
		n := strconv.Itoa(w.marks[h.ID])
		w.doc.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOC` + strconv.Itoa(h.Level) + `"/></w:pPr>`)
		w.doc.WriteString(`<w:hyperlink w:anchor="_Toc` + n + `" w:history="1">`)
		writeRuns(&w.doc, h.Label(), "")
		w.doc.WriteString(`<w:r><w:tab/></w:r>`)
		w.doc.WriteString(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc` + n + ` \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t></w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		w.doc.WriteString(`</w:hyperlink></w:p>`)
	}
}

// twips turns relative widths into column widths that sum to total.
func twips(rel []float64, n, total int) []int {
	out := make([]int, n)
	sum := 0.0
	for i := range n {
		v := 1.0 / float64(n)
		if i < len(rel) && rel[i] > 0 {
			v = rel[i]
		}
		sum += v
	}
	used := 0
	for i := range n {
		v := 1.0 / float64(n)
		if i < len(rel) && rel[i] > 0 {
			v = rel[i]
		}
		out[i] = int(float64(int(v*10000)) / 10000 / sum * float64(total))
		used += out[i]
	}
	out[n-1] += total - used
	return out
}

// cellPara writes the paragraph of a table cell.
func (w *docxWriter) cellPara(text, rpr string, keepNext bool) {
	if keepNext {
		w.doc.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/><w:keepNext/></w:pPr>`)
	} else {
		w.doc.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>`)
	}
	writeRuns(&w.doc, text, rpr)
	w.doc.WriteString("</w:p>")
}

// cellLines estimates how many lines text takes in a column of wd twips.
func cellLines(text string, wd int) int {
	return cellLines2(text, "", wd)
}

// cellLines2 is cellLines for s+t, without joining them.
func cellLines2(s, t string, wd int) int {
	perLine := max(wd/100, 1) // about 100 twips per character at 8.5 pt
	n, run := 0, 0            // lines ended, runes in the open line
	for _, text := range [2]string{s, t} {
		for {
			i := strings.IndexByte(text, '\n')
			if i < 0 {
				run += utf8.RuneCountInString(text)
				break
			}
			n += 1 + (run+utf8.RuneCountInString(text[:i]))/perLine
			run = 0
			text = text[i+1:]
		}
	}
	return n + 1 + run/perLine
}

// Estimated heights in twips of one line of table text: TableText (8.5 pt
// Arial, single spacing, 1 pt before and after each paragraph) and
// RegisterText (8 pt, single spacing, no paragraph spacing, as compact as the
// PDF's register). Both round up, so a row is rather thought too tall.
const (
	docxTableLine    = 240
	docxRegisterLine = 190
	// docxRowRoom is what a page body keeps free of a row that must not
	// split: the repeated header row and the cell margins.
	docxRowRoom = 700
)

// rowFits reports whether a row of the given lines of lineTw twips fits on
// one page of the current section below the table's header row.
func (w *docxWriter) rowFits(lines, lineTw int) bool {
	bodyH := docxPageH - 2*docxMargin
	if w.wide {
		bodyH = docxPageW - 2*docxMargin
	}
	return lines*lineTw <= bodyH-docxRowRoom
}

// rowPr writes the row properties: a header row repeats on every page; a
// row that fits on a page does not split (a taller one must, or Word would
// cut it off). lineTw is the height of one of its lines (docxTableLine or
// docxRegisterLine).
func (w *docxWriter) rowPr(lines, lineTw int, header bool) {
	w.spill()
	w.doc.WriteString("<w:tr><w:trPr>")
	if w.rowFits(lines, lineTw) {
		w.doc.WriteString("<w:cantSplit/>")
	}
	if header {
		w.doc.WriteString("<w:tblHeader/>")
	}
	w.doc.WriteString("</w:trPr>")
}

func (w *docxWriter) tableStart(widths []int) {
	w.doc.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="`)
	w.doc.WriteString(strconv.Itoa(w.textWidth()))
	w.doc.WriteString(`" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, wd := range widths {
		w.doc.WriteString(`<w:gridCol w:w="`)
		w.doc.WriteString(strconv.Itoa(wd))
		w.doc.WriteString(`"/>`)
	}
	w.doc.WriteString(`</w:tblGrid>`)
}

func (w *docxWriter) tableEnd() {
	w.doc.WriteString(`</w:tbl>`)
	// A paragraph between tables keeps Word from merging them.
	w.para("Spacer", "", "")
}

// cellOpen starts a cell of width wd (twips); shaded for a header cell.
func (w *docxWriter) cellOpen(wd string, shaded bool) {
	w.doc.WriteString(`<w:tc><w:tcPr><w:tcW w:w="`)
	w.doc.WriteString(wd)
	if shaded {
		w.doc.WriteString(`" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr>`)
	} else {
		w.doc.WriteString(`" w:type="dxa"/></w:tcPr>`)
	}
}

// headerRow writes a repeated, shaded header row.
func (w *docxWriter) headerRow(header []string, widths []int, ws []string) {
	lines := 0
	for i, h := range header {
		lines = max(lines, cellLines(h, widths[i]))
	}
	w.rowPr(lines, docxTableLine, true)
	for i, h := range header {
		w.cellOpen(ws[i], true)
		w.cellPara(h, "<w:b/>", true)
		w.doc.WriteString("</w:tc>")
	}
	w.doc.WriteString("</w:tr>")
}

// docxCharW is the width of a table character in twips (8.5 pt, bold
// header, generously), docxCellPad the left and right cell margins.
const (
	docxCharW   = 102
	docxCellPad = 2 * 85
)

func (w *docxWriter) table(header []string, rel []float64, rows [][]string) {
	rel = fitColumns(rel, header, rows, float64(w.textWidth())/docxCharW, docxCellPad/docxCharW+0.5)
	widths := twips(rel, len(header), w.textWidth())
	ws := make([]string, len(widths))
	for i, wd := range widths {
		ws[i] = strconv.Itoa(wd)
	}
	w.tableStart(widths)
	w.headerRow(header, widths, ws)
	for _, r := range rows {
		lines := 0
		for i := range header {
			if i < len(r) {
				lines = max(lines, cellLines(r[i], widths[i]))
			}
		}
		w.rowPr(lines, docxTableLine, false)
		for i := range header {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			w.cellOpen(ws[i], false)
			w.cellPara(c, "", false)
			w.doc.WriteString("</w:tc>")
		}
		w.doc.WriteString("</w:tr>")
	}
	w.tableEnd()
}

// register writes a wide register in its columns: a number column, then per
// column the head value (bold in the first) and "label: value" lines with
// the label in grey.
func (w *docxWriter) register(r *Records) {
	header, rel := r.ColumnHead()
	widths := twips(rel, len(header), w.textWidth())
	ws := make([]string, len(widths))
	for i, wd := range widths {
		ws[i] = strconv.Itoa(wd)
	}
	w.tableStart(widths)
	w.headerRow(header, widths, ws)
	for i := range r.Rows {
		lines := 0
		for j, c := range r.Columns {
			n := 0
			r.CellLines(i, c, func(label, value string) {
				n += cellLines2(label, value, widths[j+1])
			})
			lines = max(lines, n)
		}
		w.rowPr(lines, docxRegisterLine, false)
		w.cellOpen(ws[0], false)
		w.doc.WriteString(`<w:p><w:pPr><w:pStyle w:val="RegisterText"/></w:pPr><w:r><w:t>` + strconv.Itoa(i+1) + `</w:t></w:r></w:p></w:tc>`)
		for j, c := range r.Columns {
			w.cellOpen(ws[j+1], false)
			r.CellLines(i, c, func(label, value string) {
				w.doc.WriteString(`<w:p><w:pPr><w:pStyle w:val="RegisterText"/></w:pPr>`)
				if label == "" {
					rpr := ""
					if j == 0 {
						rpr = "<w:b/>"
					}
					writeRuns(&w.doc, value, rpr)
				} else {
					writeRuns2(&w.doc, label, labelSep(label), `<w:color w:val="595959"/>`)
					writeRuns(&w.doc, value, "")
				}
				w.doc.WriteString("</w:p>")
			})
			w.doc.WriteString("</w:tc>")
		}
		w.doc.WriteString("</w:tr>")
	}
	w.tableEnd()
}

// card writes a record as a two-column table under a title row, kept on one
// page where Word can.
func (w *docxWriter) card(c *KeyValue) {
	tw := w.textWidth()
	widths := twips([]float64{0.3, 0.7}, 2, tw)
	ws := []string{strconv.Itoa(widths[0]), strconv.Itoa(widths[1])}
	w.tableStart(widths)
	w.rowPr(cellLines(c.Title, tw), docxTableLine, true)
	w.doc.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(tw) + `" w:type="dxa"/><w:gridSpan w:val="2"/><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr>`)
	w.cellPara(c.Title, "<w:b/>", true)
	w.doc.WriteString("</w:tc></w:tr>")
	for ri, kv := range c.Rows {
		keep := ri < len(c.Rows)-1
		w.rowPr(max(cellLines(kv.Key, widths[0]), cellLines(kv.Value, widths[1])), docxTableLine, false)
		w.cellOpen(ws[0], false)
		w.cellPara(kv.Key, `<w:color w:val="444444"/>`, keep)
		w.doc.WriteString("</w:tc>")
		w.cellOpen(ws[1], false)
		w.cellPara(kv.Value, "", keep)
		w.doc.WriteString("</w:tc></w:tr>")
	}
	w.tableEnd()
}

func (w *docxWriter) signature(s *Signature) {
	w.textPara("", "<w:keepNext/>", s.Intro, "")
	field := func(kv KV, last bool) {
		keep := "<w:keepNext/>"
		if last {
			keep = ""
		}
		w.textPara("SignValue", "<w:keepNext/>", kv.Value, "")
		w.textPara("SignLabel", keep, kv.Key, "")
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
	`<w:style w:type="paragraph" w:styleId="RegisterText"><w:name w:val="Register Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="SignValue"><w:name w:val="Signature Value"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="333333"/></w:pBdr><w:spacing w:before="360" w:after="20"/><w:ind w:right="4535"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="SignLabel"><w:name w:val="Signature Label"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="A0A0A0"/></w:pBdr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="666666"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="666666"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:left w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:right w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/></w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

// barFills are the cell shadings of the bar parts: implemented, planned,
// open, rest (as in the PDF).
var barFills = [4]string{"2E7D32", "FFB300", "C62828", "E8E8E8"}

// bars writes the chart as a table: per row the label, the bar as
// barWidth narrow cells shaded by part, and the numbers in words. The
// legend above names the parts with shaded squares.
func (w *docxWriter) bars(x *Bars) {
	w.pOpen("", "")
	for i, l := range x.Legend {
		w.doc.WriteString(`<w:r><w:rPr><w:color w:val="` + barFills[i] + `"/></w:rPr><w:t xml:space="preserve">■ </w:t></w:r>`)
		writeRuns(&w.doc, l+"   ", "")
	}
	w.doc.WriteString("</w:p>")
	total := w.textWidth()
	labelW, cellW := total*30/100, total*30/100/barWidth
	textW := total - labelW - cellW*barWidth
	widths := []int{labelW}
	for range barWidth {
		widths = append(widths, cellW)
	}
	widths = append(widths, textW)
	w.tableStart(widths)
	cw := strconv.Itoa(cellW)
	for _, r := range x.Rows {
		w.rowPr(1, docxTableLine, false)
		w.cellOpen(strconv.Itoa(labelW), false)
		w.cellPara(r.Label, "", false)
		w.doc.WriteString("</w:tc>")
		for i, n := range r.barCells(barWidth) {
			for range n {
				w.doc.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + cw + `" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="` + barFills[i] + `"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>`)
			}
		}
		w.cellOpen(strconv.Itoa(textW), false)
		w.cellPara(r.Text, "", false)
		w.doc.WriteString("</w:tc></w:tr>")
	}
	w.tableEnd()
}
