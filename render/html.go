package render

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tom-dsgvo/tom/model"
)

// htmlItem is a checklist item with its box and CSS class.
type htmlItem struct {
	Class, Box, Text, Tag, Detail string
}

// htmlBox and htmlClass give each mark its box and class.
var (
	htmlBox   = [...]string{MarkOpen: "☐", MarkDone: "☑", MarkDetected: "☑", MarkNA: "⊟"}
	htmlClass = [...]string{MarkOpen: "open", MarkDone: "done", MarkDetected: "done detected", MarkNA: "na"}
)

// htmlDoc is what the page's templates read: the head, the cover, the
// table of contents and the foot.
type htmlDoc struct {
	Lang     string
	Title    string
	OrgKey   string
	Running  template.CSS // a quoted CSS string, see cssString
	PageWord template.CSS
	OfWord   template.CSS
	SignLine string
	TOC      []*Heading
	TOCTitle string
	// The consultant's branding (see Branding); empty without.
	Branded    bool
	BrandLines []string
	Logo       template.URL // a data: URL of the PNG or JPEG
	Accent     template.CSS // #rrggbb
	Footer     string
	FooterCSS  template.CSS // Footer as a quoted CSS string
	// The block a block template writes (cover, bars, signature).
	Cover *Cover
	Bars  *Bars
	Sig   *Signature
}

// WriteHTML returns the document as one standalone HTML file with embedded
// print CSS (A4, running header, "Seite X von Y", repeated table headers)
// and no external resources. html/template writes the head, the cover, the
// table of contents, charts, the signature and the foot; headings,
// paragraphs, lists and tables are written here, every text escaped as
// html/template escapes it (htmlEscapeText).
func WriteHTML(d *Document) ([]byte, error) {
	hd := &htmlDoc{
		Lang:     string(d.Lang),
		Title:    d.Title,
		OrgKey:   d.OrgKey(),
		Running:  cssString(htmlRunning(d)),
		PageWord: cssString(Msg.Get(d.Lang, "page_word") + " "),
		OfWord:   cssString(" " + Msg.Get(d.Lang, "of_word") + " "),
		SignLine: Msg.Get(d.Lang, "sign_line"),
		TOC:      d.Headings(2),
	}
	if d.Org != "" {
		hd.Title = d.Title + " – " + d.Org
	}
	if b := d.Brand; b != nil {
		hd.Branded = true
		hd.BrandLines = b.Lines()
		if len(b.Logo) > 0 && (b.LogoFormat == "png" || b.LogoFormat == "jpeg") {
			hd.Logo = template.URL("data:image/" + b.LogoFormat + ";base64," + base64.StdEncoding.EncodeToString(b.Logo))
		}
		if _, _, _, ok := b.accentRGB(); ok {
			hd.Accent = template.CSS(b.Accent)
		}
		if f := strings.Join(strings.Fields(clean(b.Footer)), " "); f != "" {
			hd.Footer, hd.FooterCSS = f, cssString(f)
		}
	}
	// The cells with their tags and escapes, plus the head's CSS and the
	// rest of the text.
	size, cells := d.cellBytes()
	buf := roomy(size + size/4 + cells*16 + 96<<10)
	tmpl := htmlTmpl()
	exec := func(name string) error {
		if err := tmpl.ExecuteTemplate(&buf, name, hd); err != nil {
			return fmt.Errorf("html: %w", err)
		}
		return nil
	}
	if err := exec("head"); err != nil {
		return nil, err
	}
	wide := false
	for _, bl := range d.Blocks {
		var err error
		switch x := bl.(type) {
		case *Heading:
			tag := "h2"
			if x.Level == 2 {
				tag = "h3"
			} else if x.Level > 2 {
				tag = "h4"
			}
			buf.WriteString("\n<" + tag + ` id="`)
			htmlEscapeText(&buf, x.ID)
			buf.WriteString(`">`)
			htmlEscapeText(&buf, x.Label())
			buf.WriteString("</" + tag + ">")
		case *Paragraph:
			buf.WriteByte('\n')
			writeHTMLPara(&buf, x)
		case *Checklist:
			items := make([]htmlItem, len(x.Items))
			for i, it := range x.Items {
				items[i] = htmlItem{Class: htmlClass[it.Mark], Box: htmlBox[it.Mark], Text: it.Text, Tag: it.Tag, Detail: it.Detail}
			}
			buf.WriteString(`
<ul class="check">`)
			writeHTMLChecks(&buf, items)
			buf.WriteString("\n</ul>")
		case *List:
			buf.WriteString(`
<ul class="list">`)
			writeHTMLItems(&buf, x.Items)
			buf.WriteString("\n</ul>")
		case *Bars:
			hd.Bars = x
			err = exec("bars")
		case *Table:
			writeHTMLTable(&buf, htmlFit(x, wide), "", nil)
		case *KeyValue:
			writeHTMLCard(&buf, x)
		case *Records:
			switch {
			case len(x.Rows) == 0:
				buf.WriteString("\n<p>")
				htmlEscapeText(&buf, x.Empty)
				buf.WriteString("</p>")
			case x.Columns != nil:
				writeHTMLRegister(&buf, x, wide)
			default:
				writeHTMLTable(&buf, htmlFit(x.FullTable(), wide), "", nil)
			}
		case *Cover:
			hd.Cover = x
			err = exec("cover")
		case *Signature:
			hd.Sig = x
			err = exec("sig")
		case *TOC:
			hd.TOCTitle = x.Title
			err = exec("toc")
		case *PageBreak:
			buf.WriteString(`
<div class="pb"></div>`)
		case *PageLayout:
			// A wide register sits in a <section> printed on landscape pages.
			if x.Landscape == wide {
				continue
			}
			wide = x.Landscape
			if wide {
				buf.WriteString(`
<section class="wide">`)
			} else {
				buf.WriteString("\n</section>")
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if wide {
		buf.WriteString("\n</section>")
	}
	if err := exec("foot"); err != nil {
		return nil, err
	}
	return htmlDropControls(buf.Bytes()), nil
}

// htmlRunningOrg is the longest organisation name, in runes, that the HTML
// running header shows whole; a longer one is shortened at a space or
// hyphen, so that the header fits on one line of a portrait page.
const htmlRunningOrg = 48

// htmlRunning returns the text of the printed page header, as in the PDF and
// DOCX: "<organisation> · <title> – Stand: <date>". The organisation name
// goes on one line, and a long one is shortened so the date stays in the
// header. The caller quotes the result with cssString.
func htmlRunning(d *Document) string {
	run := Msg.Get(d.Lang, "running_header", d.Title, d.StandFmt)
	org := strings.Join(strings.Fields(d.Org), " ")
	if org == "" {
		return run
	}
	if rs := []rune(org); len(rs) > htmlRunningOrg {
		cut := string(rs[:htmlRunningOrg])
		if i := strings.LastIndexAny(cut, " -"); i > 0 {
			cut = cut[:i]
		}
		org = strings.TrimRight(cut, " ,·-–&") + "…"
	}
	return org + " · " + run
}

// The print CSS keeps headings with what follows: Chromium does not honour
// break-after: avoid before a table, so a heading (and a label) reserves
// room below itself with an ::after box it cannot be split from, and moves
// to the next page with the start of what follows.

// htmlFit returns t with column widths that leave room for each column's
// longest word (see fitColumns) on a printed page: 170 mm wide, or 257 mm on
// landscape pages, at about 2 mm per character of table text.
func htmlFit(t *Table, wide bool) *Table {
	capacity := 170.0 / 2.0
	if wide {
		capacity = 257.0 / 2.0
	}
	c := *t
	c.Widths = fitColumns(t.Widths, t.Header, t.Rows, capacity, 2)
	return &c
}

// writeHTMLRegister writes a wide register laid out in its columns: a
// number column, then per column the head value and "label: value" lines,
// the first column's head values (the record names) set in bold above the
// rest. The cells are written as they are read (CellLines), escaped; the
// column widths leave room for each column's longest word (see fitColumns).
func writeHTMLRegister(b *bytes.Buffer, r *Records, wide bool) {
	header, rel := r.ColumnHead()
	// The longest word of each column (the heads left out): of a
	// "label: value" line, that of the label with its separator or that of
	// the value.
	words := make([]int, len(header))
	words[0] = max(longestPart(header[0]), longestPart(strconv.Itoa(len(r.Rows))))
	labelWord := map[string]int{}
	var j, lw int
	measure := func(label, value string) {
		if j == 0 && label == "" {
			return // a head stands apart from its cell
		}
		if label != "" && lw < maxKeptWord {
			n, ok := labelWord[label]
			if !ok {
				n = longestPart(label + labelSep(label))
				labelWord[label] = n
			}
			lw = max(lw, n)
		}
		if lw < maxKeptWord {
			lw = max(lw, longestPart(value))
		}
	}
	for j = range r.Columns {
		lw = longestPart(header[j+1])
		for i := 0; i < len(r.Rows) && lw < maxKeptWord; i++ {
			r.CellLines(i, r.Columns[j], measure)
		}
		words[j+1] = lw
	}
	capacity := 170.0 / 2.0
	if wide {
		capacity = 257.0 / 2.0
	}
	t := &Table{Header: header, Widths: fitWords(rel, words, capacity, 2)}
	// A cell's lines are gathered first: its head (the last line without
	// a label in the first column) goes before the others.
	type line struct{ label, value string }
	var lines []line
	gather := func(label, value string) { lines = append(lines, line{label, value}) }
	size, _ := cellBytes([]Block{r})
	writeHTMLTableHead(b, t, "register")
	b.Grow(size + size/2)
	var num [20]byte
	for i := range r.Rows {
		b.WriteString("\n<tr><td>")
		b.Write(strconv.AppendInt(num[:0], int64(i+1), 10))
		b.WriteString("</td>")
		for j = range r.Columns {
			lines = lines[:0]
			r.CellLines(i, r.Columns[j], gather)
			b.WriteString("<td>")
			head, rest := "", false
			if j == 0 {
				for _, l := range lines {
					if l.label == "" {
						head = l.value
					} else {
						rest = true
					}
				}
			} else {
				rest = len(lines) > 0
			}
			if head != "" {
				b.WriteString(`<span class="head">`)
				htmlEscapeText(b, head)
				b.WriteString("</span>")
				if rest {
					b.WriteByte('\n')
				}
			}
			first := true
			for _, l := range lines {
				if j == 0 && l.label == "" {
					continue
				}
				if !first {
					b.WriteByte('\n')
				}
				first = false
				if l.label != "" {
					htmlEscapeText(b, l.label)
					b.WriteString(labelSep(l.label))
				}
				htmlEscapeText(b, l.value)
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("\n</tbody>\n</table>")
}

// htmlTmpl holds the page's templates (see htmlSource), parsed when the
// first HTML document is written rather than while every command starts.
var htmlTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("doc").Parse(htmlSource))
})

// writeHTMLTable writes a table: its column widths, its header and its rows
// (see writeHTMLRows), class the table's CSS class.
func writeHTMLTable(b *bytes.Buffer, t *Table, class string, heads []string) {
	writeHTMLTableHead(b, t, class)
	writeHTMLRows(b, t, heads)
	b.WriteString("\n</tbody>\n</table>")
}

// writeHTMLTableHead writes a table's start up to its body: its column
// widths and its header.
func writeHTMLTableHead(b *bytes.Buffer, t *Table, class string) {
	b.WriteString("\n<table")
	if class != "" {
		b.WriteString(` class="`)
		htmlEscapeText(b, class)
		b.WriteByte('"')
	}
	b.WriteString(">\n<colgroup>")
	for _, w := range t.Widths {
		b.WriteString(`<col style="width: `)
		b.WriteString(formatPct(w))
		b.WriteString(`">`)
	}
	b.WriteString("</colgroup>\n<thead><tr>")
	for _, h := range t.Header {
		b.WriteString("<th>")
		htmlEscapeText(b, h)
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>")
}

// writeHTMLCard writes a key/value block as a two-column table under its
// title.
func writeHTMLCard(b *bytes.Buffer, kv *KeyValue) {
	b.WriteString(`
<table class="card">
<thead><tr><th colspan="2">`)
	htmlEscapeText(b, kv.Title)
	b.WriteString("</th></tr></thead>\n<tbody>")
	for _, r := range kv.Rows {
		b.WriteString(`
<tr><td class="key">`)
		htmlEscapeText(b, r.Key)
		b.WriteString("</td><td>")
		htmlEscapeText(b, r.Value)
		b.WriteString("</td></tr>")
	}
	b.WriteString("\n</tbody>\n</table>")
}

// writeHTMLRows writes the body rows of table t. heads, when set, are the
// record names set in bold at the top of the second column.
func writeHTMLRows(b *bytes.Buffer, t *Table, heads []string) {
	size := 0
	for _, row := range t.Rows {
		size += len("\n<tr></tr>") + len(row)*len("<td></td>")
		for _, c := range row {
			size += len(c)
		}
	}
	for _, h := range heads {
		size += len(`<span class="head"></span>`+"\n") + len(h)
	}
	b.Grow(size + size/16) // room for some escapes
	for ri, row := range t.Rows {
		b.WriteString("\n<tr>")
		for i, c := range row {
			b.WriteString("<td>")
			if len(heads) > 0 && i == 1 && ri < len(heads) && heads[ri] != "" {
				b.WriteString(`<span class="head">`)
				htmlEscapeText(b, heads[ri])
				b.WriteString("</span>")
				if c != "" {
					b.WriteByte('\n')
				}
			}
			htmlEscapeText(b, c)
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
}

// writeHTMLPara writes a paragraph.
func writeHTMLPara(b *bytes.Buffer, p *Paragraph) {
	b.WriteString("<p")
	if p.Style != "" {
		b.WriteString(` class="`)
		htmlEscapeText(b, p.Style)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	for _, r := range p.Runs {
		switch {
		case r.Bold:
			b.WriteString("<strong>")
			htmlEscapeText(b, r.Text)
			b.WriteString("</strong>")
		case r.Italic:
			b.WriteString("<em>")
			htmlEscapeText(b, r.Text)
			b.WriteString("</em>")
		default:
			htmlEscapeText(b, r.Text)
		}
	}
	b.WriteString("</p>")
}

// writeHTMLChecks writes the items of a checklist.
func writeHTMLChecks(b *bytes.Buffer, items []htmlItem) {
	for _, it := range items {
		b.WriteString(`
<li class="`)
		htmlEscapeText(b, it.Class)
		b.WriteString(`"><span class="box">`)
		htmlEscapeText(b, it.Box)
		b.WriteString(`</span><span class="text">`)
		htmlEscapeText(b, it.Text)
		b.WriteString("</span>")
		if it.Tag != "" {
			b.WriteString(` <strong class="tag">(`)
			htmlEscapeText(b, it.Tag)
			b.WriteString(")</strong>")
		}
		if it.Detail != "" {
			b.WriteString(`<span class="detail">`)
			htmlEscapeText(b, it.Detail)
			b.WriteString("</span>")
		}
		b.WriteString("</li>")
	}
}

// writeHTMLItems writes the items of a list.
func writeHTMLItems(b *bytes.Buffer, items []ListItem) {
	for _, it := range items {
		b.WriteString(`
<li class="l`)
		b.WriteString(strconv.Itoa(it.Level))
		b.WriteString(`">`)
		if it.Mark != "" {
			b.WriteString("<strong>")
			htmlEscapeText(b, it.Mark)
			b.WriteString("</strong> ")
		}
		htmlEscapeText(b, it.Text)
		b.WriteString("</li>")
	}
}

// htmlEscapeText writes s escaped as html/template escapes text in an
// element and a quoted attribute's value (FuzzHTMLEscape): NUL as U+FFFD,
// and " & ' + < > as character references.
func htmlEscapeText(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		r := htmlEscapes[htmlEscapeOf[s[i]]]
		if r == "" {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// htmlEscapeOf gives each byte its replacement's index in htmlEscapes (0:
// the byte itself).
var (
	htmlEscapeOf = [256]uint8{0: 1, '"': 2, '&': 3, '\'': 4, '+': 5, '<': 6, '>': 7}
	htmlEscapes  = [...]string{"", "\uFFFD", "&#34;", "&amp;", "&#39;", "&#43;", "&lt;", "&gt;"}
)

// formatPct writes a relative width as a CSS percentage with one decimal
// ("12.5%").
func formatPct(w float64) string {
	p := int(w*1000 + 0.5)
	return strconv.Itoa(p/10) + "." + strconv.Itoa(p%10) + "%"
}

// htmlStyle is the page's style sheet (a template: the accent colour and
// the brand rules depend on the document).
const htmlStyle = `@page {
  size: A4;
  margin: 22mm 20mm 22mm 20mm;
  @top-left { content: {{.Running}}; font-size: 8pt; color: #666; }
  @bottom-center { content: {{.PageWord}} counter(page) {{.OfWord}} counter(pages); font-size: 8pt; color: #666; }
{{- if .FooterCSS}}
  @bottom-left { content: {{.FooterCSS}}; font-size: 7pt; color: #666; }
{{- end}}
}
@page :first {
  @top-left { content: none; }
  @bottom-center { content: none; }
{{- if .FooterCSS}}
  @bottom-left { content: none; }
{{- end}}
}
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; }
body { max-width: 180mm; margin: 0 auto; padding: 1em; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
h2::after, h3::after, p.label::after { content: ""; display: block; height: 6em; margin-bottom: -6em; }
h2 { font-size: 15pt; margin: 1.6em 0 0.5em; border-bottom: 1px solid #999; padding-bottom: 0.15em; }
h3 { font-size: 12pt; margin: 1.3em 0 0.4em; }
p, td, th, li, dd { white-space: pre-line; overflow-wrap: break-word; hyphens: manual; }
p.small { font-size: 9pt; color: #555; }
p.label { font-weight: bold; margin: 0.9em 0 0.2em; break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
div.bars { margin: 0.4em 0 0.9em; break-inside: avoid; }
div.bars p.legend { font-size: 0.85em; margin: 0 0 0.4em; }
div.bars span.sw { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: -0.1em; margin: 0 0.25em 0 0.6em; border: 1px solid #555; }
div.bar-row { display: flex; align-items: center; gap: 0.6em; margin: 0.2em 0; }
div.bar-row span.label { flex: 0 0 30%; }
div.bar-row span.bar { flex: 0 0 30%; display: flex; height: 0.9em; border: 1px solid #555; background: #fff; }
div.bar-row span.text { flex: 1 1 auto; font-size: 0.9em; }
span.s0 { background: #2e7d32; } span.s1 { background: #ffb300; } span.s2 { background: #c62828; } span.s3 { background: #e8e8e8; }
ul.check { list-style: none; padding-left: 0; margin: 0.2em 0 0.8em; }
ul.check li { padding-left: 1.6em; text-indent: -1.6em; margin: 0.15em 0; break-inside: avoid; }
.box { display: inline-block; width: 1.6em; text-indent: 0; font-size: 1.1em; }
li.na .box, li.na .text { color: #666; }
.tag { font-size: 9pt; }
.detail { display: block; padding-left: 1.6em; text-indent: 0; font-size: 9pt; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; table-layout: fixed; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.45em; text-align: left; vertical-align: top; font-size: 9.5pt; }
thead { display: table-header-group; }
thead th { background: #e8e8e8; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.register td { font-size: 8.5pt; }
table.register td:nth-child(2) .head { font-weight: bold; }
@page wide { size: A4 landscape; }
section.wide { page: wide; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
table.card { margin: 0.3em 0 0.9em; break-inside: avoid; page-break-inside: avoid; }
table.card th[colspan] { background: #e8e8e8; }
table.card td.key { width: 32%; color: #444; }
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { font-size: 24pt; margin: 0 0 0.3em; }
.cover .subtitle { font-size: 13pt; color: #444; margin: 0 0 2.5em; }
.cover .org { font-size: 14pt; font-weight: bold; margin: 0; }
.cover .addr { margin: 0.2em 0 2.5em; }
.cover dl { display: grid; grid-template-columns: max-content auto; gap: 0.3em 1.5em; }
.cover dt { color: #555; }
.cover dd { margin: 0; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc li.l2 { padding-left: 1.5em; }
nav.toc a { color: inherit; text-decoration: none; }
.pb { break-after: page; page-break-after: always; }
.sig { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2em 3em; margin-top: 1.5em; break-inside: avoid; }
.sig .val { min-height: 1.4em; border-bottom: 1px solid #333; white-space: pre-line; }
.sig .lbl { font-size: 8.5pt; color: #555; }
.sig .line { grid-column: 1 / span 2; margin-top: 2.5em; }
{{- if .Branded}}
.brand { display: flex; justify-content: space-between; align-items: flex-start; gap: 2em; font-size: 9pt; color: #444; margin-bottom: 3em; }
.brand p { margin: 0; }
.brand p.name { font-weight: bold; font-size: 10pt; }
.brand img { max-width: 60mm; max-height: 30mm; }
.cover hr { width: 40mm; margin: 0 0 2.5em; border: 0; border-top: 2px solid {{if .Accent}}{{.Accent}}{{else}}#3c3c3c{{end}}; }
footer.brand-footer { margin-top: 3em; font-size: 8pt; color: #666; border-top: 1px solid #ccc; padding-top: 0.4em; }
@media print { footer.brand-footer { display: none; } }
{{- end}}
@media screen { body { background: #fff; } .cover { min-height: 0; padding: 3em 0; border-bottom: 1px solid #ccc; } }`

// htmlSource holds the page's templates: "head" (up to <body>), the block
// templates "cover", "toc", "bars" and "sig", and "foot"; each is executed
// with the htmlDoc.
const htmlSource = `{{define "head"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tom {{.OrgKey}}">
<title>{{.Title}}</title>
<style>
` + htmlStyle + `
</style>
</head>
<body>{{end}}
{{- define "cover"}}{{with .Cover}}
<section class="cover">
{{- if or $.BrandLines $.Logo}}
<div class="brand">
<div>
{{- range $i, $l := $.BrandLines}}
<p{{if eq $i 0}} class="name"{{end}}>{{$l}}</p>
{{- end}}
</div>
{{- if $.Logo}}
<img src="{{$.Logo}}" alt="">
{{- end}}
</div>
{{- end}}
<h1>{{.Title}}</h1>
<p class="subtitle">{{.Subtitle}}</p>
{{- if $.Accent}}
<hr>
{{- end}}
<p class="org">{{.Org}}</p>
{{if .Address}}<p class="addr">{{.Address}}</p>{{end}}
<dl>
{{- range .Lines}}
<dt>{{.Key}}</dt><dd>{{.Value}}</dd>
{{- end}}
</dl>
</section>
{{- end}}{{end}}
{{- define "toc"}}
<nav class="toc">
<h2>{{.TOCTitle}}</h2>
<ol>
{{- range .TOC}}
<li class="l{{.Level}}"><a href="#{{.ID}}">{{.Label}}</a></li>
{{- end}}
</ol>
</nav>
{{- end}}
{{- define "bars"}}{{with .Bars}}
<div class="bars">
<p class="legend">{{range $i, $l := .Legend}}<span class="sw s{{$i}}"></span>{{$l}}{{end}}</p>
{{- range .Rows}}
<div class="bar-row"><span class="label">{{.Label}}</span><span class="bar" aria-hidden="true">{{range .HTMLSegments}}<span class="s{{.Class}}" style="{{.Style}}"></span>{{end}}</span><span class="text">{{.Text}}</span></div>
{{- end}}
</div>
{{- end}}{{end}}
{{- define "sig"}}{{with .Sig}}
<p>{{.Intro}}</p>
<div class="sig">
<div><div class="val">{{.Place.Value}}</div><div class="lbl">{{.Place.Key}}</div></div>
<div><div class="val">{{.Date.Value}}</div><div class="lbl">{{.Date.Key}}</div></div>
<div><div class="val">{{.Name.Value}}</div><div class="lbl">{{.Name.Key}}</div></div>
<div><div class="val">{{.Role.Value}}</div><div class="lbl">{{.Role.Key}}</div></div>
<div class="line"><div class="val"></div><div class="lbl">{{$.SignLine}}</div></div>
</div>
{{- end}}{{end}}
{{- define "foot"}}
{{- if .Footer}}
<footer class="brand-footer">{{.Footer}}</footer>
{{- end}}
</body>
</html>


{{end}}`

// htmlDropControls removes the control characters html/template leaves in
// text (an ESC in a catalogue title): C0 other than line feed and tab, DEL
// and C1, as clean does for the other formats. A bidirectional formatting
// character, which a browser would obey (an override shows a provider's name
// reversed), is shown as its mark instead ("<U+202E>", as on the terminal);
// letters of right-to-left scripts are kept and laid out by the browser. The
// template itself writes none of these, so only text from the catalogue or
// the answers changes.
func htmlDropControls(b []byte) []byte {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	var marked []byte // the output once a mark makes it longer than b
	out := b[:0]      // never longer than what has been read
	keep := func(p []byte, at int) {
		switch {
		case marked != nil:
			marked = append(marked, p...)
		case len(out) == at:
			out = b[:at+len(p)] // nothing dropped yet: the bytes are in place
		default:
			out = append(out, p...)
		}
	}
	for i := 0; i < len(b); {
		// Bytes that are kept whatever follows (see htmlPlain) are copied
		// in runs, eight at a time while they are printable ASCII; the
		// others are read one character at a time.
		j := i
		for j+8 <= len(b) {
			t := b[j : j+8]
			x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			if ((x-ones*0x20)&^x|(x+ones|x))&highs != 0 {
				break
			}
			j += 8
		}
		for j < len(b) && htmlPlain[b[j]] {
			j++
		}
		if j > i {
			keep(b[i:j], i)
			i = j
			continue
		}
		if c := b[i]; c < utf8.RuneSelf {
			i++ // a control character
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r >= 0x80 && r <= 0x9f:
			i += n
			continue
		case r >= 0x600 && model.IsBidiControl(r):
			if marked == nil {
				marked = make([]byte, 0, len(b)+64)
				marked = append(marked, out...)
			}
			marked = append(marked, template.HTMLEscapeString(model.BidiMark(r))...)
			i += n
			continue
		}
		keep(b[i:i+n], i)
		i += n
	}
	if marked != nil {
		return marked
	}
	return out
}

// htmlPlain marks the bytes htmlDropControls keeps without looking further:
// printable ASCII, line feed and tab, continuation bytes and the lead bytes
// of U+00C0 to U+05FF (no control or bidirectional formatting character
// among them). Not plain: other C0 controls, DEL, C2 (C1 controls are
// C2 80 to C2 9F) and lead bytes from D8 on (U+0600 and up).
var htmlPlain = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c >= 0x80 && c < 0xc2 || c >= 0xc3 && c < 0xd8
	}
	return t
}()
