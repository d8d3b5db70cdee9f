package render

// The HTML writer as it was before it wrote the blocks itself (one
// html/template for the whole page, a function per block kind), kept as
// the reference that WriteHTML must match byte for byte.

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"
)

// htmlBlockRef is one block prepared for the template, which cannot switch on
// Go types.
type htmlBlockRef struct {
	Kind  string
	H     *Heading
	HTag  string
	P     *Paragraph
	C     []htmlItem
	L     []ListItem
	T     *Table
	Class string // CSS class of a table, "register" for a wide register
	// Heads are a register's record names, shown bold above the rest of
	// the second column (whose cells then hold only the rest).
	Heads []string
	KV    *KeyValue
	Bars  *Bars
	Empty string
	Cover *Cover
	Sig   *Signature
	Wide  bool
}

type htmlDocRef struct {
	Lang     string
	Title    string
	OrgKey   string
	Running  template.CSS // a quoted CSS string, see cssString
	PageWord template.CSS
	OfWord   template.CSS
	SignLine string
	TOC      []*Heading
	TOCTitle string
	Blocks   []htmlBlockRef
	// The consultant's branding (see Branding); empty without.
	Branded    bool
	BrandLines []string
	Logo       template.URL // a data: URL of the PNG or JPEG
	Accent     template.CSS // #rrggbb
	Footer     string
	FooterCSS  template.CSS // Footer as a quoted CSS string
}

func writeHTMLRef(d *Document) ([]byte, error) {
	hd := htmlDocRef{
		Lang:     string(d.Lang),
		Title:    d.Title,
		OrgKey:   d.OrgKey(),
		Running:  cssString(htmlRunning(d)),
		PageWord: cssString(Msg.Get(d.Lang, "page_word") + " "),
		OfWord:   cssString(" " + Msg.Get(d.Lang, "of_word") + " "),
		SignLine: Msg.Get(d.Lang, "sign_line"),
		TOC:      d.Headings(2),
		Blocks:   make([]htmlBlockRef, 0, len(d.Blocks)),
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
	size := 32 << 10
	wide := false
	for _, bl := range d.Blocks {
		var hb htmlBlockRef
		switch x := bl.(type) {
		case *Heading:
			tag := "h2"
			if x.Level == 2 {
				tag = "h3"
			} else if x.Level > 2 {
				tag = "h4"
			}
			hb = htmlBlockRef{Kind: "h", H: x, HTag: tag}
		case *Paragraph:
			hb = htmlBlockRef{Kind: "p", P: x}
		case *Checklist:
			items := make([]htmlItem, len(x.Items))
			for i, it := range x.Items {
				items[i] = htmlItem{Class: htmlClass[it.Mark], Box: htmlBox[it.Mark], Text: it.Text, Tag: it.Tag, Detail: it.Detail}
			}
			hb = htmlBlockRef{Kind: "c", C: items}
		case *List:
			hb = htmlBlockRef{Kind: "l", L: x.Items}
		case *Bars:
			hb = htmlBlockRef{Kind: "bars", Bars: x}
		case *Table:
			hb = htmlBlockRef{Kind: "t", T: htmlFit(x, wide)}
		case *KeyValue:
			hb = htmlBlockRef{Kind: "kv", KV: x}
		case *Records:
			switch {
			case len(x.Rows) == 0:
				hb = htmlBlockRef{Kind: "empty", Empty: x.Empty}
			case x.Columns != nil:
				t, heads := htmlRecords(x)
				hb = htmlBlockRef{Kind: "t", T: htmlFit(t, wide), Class: "register", Heads: heads}
			default:
				hb = htmlBlockRef{Kind: "t", T: htmlFit(x.FullTable(), wide)}
			}
			size += len(x.Rows) * len(x.Fields) * 48
		case *Cover:
			hb = htmlBlockRef{Kind: "cover", Cover: x}
		case *Signature:
			hb = htmlBlockRef{Kind: "sig", Sig: x}
		case *TOC:
			hd.TOCTitle = x.Title
			hb = htmlBlockRef{Kind: "toc"}
		case *PageBreak:
			hb = htmlBlockRef{Kind: "pb"}
		case *PageLayout:
			// A wide register sits in a <section> printed on landscape pages.
			if x.Landscape == wide {
				continue
			}
			wide = x.Landscape
			hb = htmlBlockRef{Kind: "layout", Wide: wide}
		}
		hd.Blocks = append(hd.Blocks, hb)
	}
	if wide {
		hd.Blocks = append(hd.Blocks, htmlBlockRef{Kind: "layout"})
	}
	var buf bytes.Buffer
	buf.Grow(size)
	if err := htmlTmplRef().Execute(&buf, hd); err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	return htmlDropControls(buf.Bytes()), nil
}

var htmlTmplRef = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("doc").Funcs(template.FuncMap{
		"pct":    formatPct,
		"rows":   htmlRowsRef,
		"para":   htmlParaRef,
		"checks": htmlChecksRef,
		"items":  htmlItemsRef,
	}).Parse(htmlSourceRef))
})

func htmlRowsRef(t *Table, heads []string) template.HTML {
	var b bytes.Buffer
	writeHTMLRows(&b, t, heads)
	return template.HTML(b.String())
}

func htmlParaRef(p *Paragraph) template.HTML {
	var b bytes.Buffer
	writeHTMLPara(&b, p)
	return template.HTML(b.String())
}

func htmlChecksRef(items []htmlItem) template.HTML {
	var b bytes.Buffer
	writeHTMLChecks(&b, items)
	return template.HTML(b.String())
}

func htmlItemsRef(items []ListItem) template.HTML {
	var b bytes.Buffer
	writeHTMLItems(&b, items)
	return template.HTML(b.String())
}

const htmlSourceRef = `<!DOCTYPE html>
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
<body>
{{- range .Blocks}}
{{- if eq .Kind "cover"}}{{with .Cover}}
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
{{- end}}
{{- else if eq .Kind "toc"}}
<nav class="toc">
<h2>{{$.TOCTitle}}</h2>
<ol>
{{- range $.TOC}}
<li class="l{{.Level}}"><a href="#{{.ID}}">{{.Label}}</a></li>
{{- end}}
</ol>
</nav>
{{- else if eq .Kind "pb"}}
<div class="pb"></div>
{{- else if eq .Kind "h"}}
{{- if eq .HTag "h2"}}
<h2 id="{{.H.ID}}">{{.H.Label}}</h2>
{{- else if eq .HTag "h3"}}
<h3 id="{{.H.ID}}">{{.H.Label}}</h3>
{{- else}}
<h4 id="{{.H.ID}}">{{.H.Label}}</h4>
{{- end}}
{{- else if eq .Kind "p"}}
{{para .P}}
{{- else if eq .Kind "c"}}
<ul class="check">{{checks .C}}
</ul>
{{- else if eq .Kind "bars"}}{{with .Bars}}
<div class="bars">
<p class="legend">{{range $i, $l := .Legend}}<span class="sw s{{$i}}"></span>{{$l}}{{end}}</p>
{{- range .Rows}}
<div class="bar-row"><span class="label">{{.Label}}</span><span class="bar" aria-hidden="true">{{range .HTMLSegments}}<span class="s{{.Class}}" style="{{.Style}}"></span>{{end}}</span><span class="text">{{.Text}}</span></div>
{{- end}}
</div>
{{- end}}
{{- else if eq .Kind "l"}}
<ul class="list">{{items .L}}
</ul>
{{- else if eq .Kind "t"}}{{template "table" .}}
{{- else if eq .Kind "kv"}}{{template "card" .KV}}
{{- else if eq .Kind "empty"}}
<p>{{.Empty}}</p>
{{- else if eq .Kind "layout"}}
{{- if .Wide}}
<section class="wide">
{{- else}}
</section>
{{- end}}
{{- else if eq .Kind "sig"}}{{with .Sig}}
<p>{{.Intro}}</p>
<div class="sig">
<div><div class="val">{{.Place.Value}}</div><div class="lbl">{{.Place.Key}}</div></div>
<div><div class="val">{{.Date.Value}}</div><div class="lbl">{{.Date.Key}}</div></div>
<div><div class="val">{{.Name.Value}}</div><div class="lbl">{{.Name.Key}}</div></div>
<div><div class="val">{{.Role.Value}}</div><div class="lbl">{{.Role.Key}}</div></div>
<div class="line"><div class="val"></div><div class="lbl">{{$.SignLine}}</div></div>
</div>
{{- end}}
{{- end}}
{{- end}}
{{- if .Footer}}
<footer class="brand-footer">{{.Footer}}</footer>
{{- end}}
</body>
</html>
{{define "table"}}
<table{{if .Class}} class="{{.Class}}"{{end}}>{{$heads := .Heads}}{{with .T}}
<colgroup>{{range .Widths}}<col style="width: {{pct .}}">{{end}}</colgroup>
<thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{rows . $heads}}
</tbody>
</table>
{{- end}}
{{- end}}
{{define "card"}}
<table class="card">
<thead><tr><th colspan="2">{{.Title}}</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td class="key">{{.Key}}</td><td>{{.Value}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
`

// htmlRecords (reference) lays a wide register out in its columns: a number column,
// then per column the head value and "label: value" lines. Each cell is one
// text, so the template escapes it in one go. The first column's head values
// (the record names) are returned apart, for the template to set in bold.
func htmlRecords(r *Records) (*Table, []string) {
	reg := &Table{}
	reg.Header, reg.Widths = r.ColumnHead()
	reg.Rows = make([][]string, len(r.Rows))
	heads := make([]string, len(r.Rows))
	n := len(r.Columns) + 1
	cells := make([]string, len(r.Rows)*n)
	// Every text goes into one buffer and is cut from it afterwards: one
	// allocation instead of one per cell. span holds each cell's start and
	// end (index 0 of a row: its head's).
	size, _ := (&Document{Blocks: []Block{r}}).cellBytes()
	var b strings.Builder
	b.Grow(size + size/2)
	span := make([][2]int, len(cells))
	var i, j, start int
	line := func(label, value string) {
		if j == 0 && label == "" {
			span[i*n] = [2]int{b.Len(), b.Len() + len(value)}
			b.WriteString(value)
			start = b.Len()
			return
		}
		if b.Len() > start {
			b.WriteByte('\n')
		}
		if label != "" {
			b.WriteString(label)
			b.WriteString(labelSep(label))
		}
		b.WriteString(value)
	}
	for i = range r.Rows {
		for j = range r.Columns {
			start = b.Len()
			r.CellLines(i, r.Columns[j], line)
			span[i*n+j+1] = [2]int{start, b.Len()}
		}
	}
	all := b.String()
	for i := range r.Rows {
		row := cells[i*n : (i+1)*n : (i+1)*n]
		row[0] = strconv.Itoa(i + 1)
		heads[i] = all[span[i*n][0]:span[i*n][1]]
		for j := 1; j < n; j++ {
			row[j] = all[span[i*n+j][0]:span[i*n+j][1]]
		}
		reg.Rows[i] = row
	}
	return reg, heads
}
