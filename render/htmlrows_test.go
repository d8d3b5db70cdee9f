package render

import (
	"html/template"
	"math/rand"
	"strings"
	"testing"
)

// TestHTMLRowsAsTemplate: writeHTMLRows writes exactly what the template's loop
// over the rows wrote (kept here as the reference), for random cells with
// every character the escaping treats specially, with and without heads.
func TestHTMLRowsAsTemplate(t *testing.T) {
	ref := template.Must(template.New("rows").Parse(`{{$heads := .Heads}}{{with .T}}
{{- range $ri, $row := .Rows}}
<tr>{{range $i, $c := $row}}<td>{{if and $heads (eq $i 1)}}{{with index $heads $ri}}<span class="head">{{.}}</span>{{if $c}}
{{end}}{{end}}{{$c}}{{else}}{{$c}}{{end}}</td>{{end}}</tr>
{{- end}}{{end}}`))
	parts := []string{"", "a", "Straße", "<b>", "&amp;", `"x"`, "'", "+", "\x00", "\n", "\xff", "€", "\u202e", " "}
	r := rand.New(rand.NewSource(32))
	text := func() string {
		var b strings.Builder
		for k := r.Intn(5); k > 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		return b.String()
	}
	for n := range 500 {
		tb := &Table{}
		rows := r.Intn(4)
		cols := 1 + r.Intn(3)
		var heads []string
		withHeads := n%2 == 0
		for range rows {
			row := make([]string, cols)
			for j := range row {
				row[j] = text()
			}
			tb.Rows = append(tb.Rows, row)
			if withHeads {
				heads = append(heads, text())
			}
		}
		var want strings.Builder
		if err := ref.Execute(&want, struct {
			Heads []string
			T     *Table
		}{heads, tb}); err != nil {
			t.Fatal(err)
		}
		if got := string(htmlRowsRef(tb, heads)); got != want.String() {
			t.Fatalf("rows %q, heads %q:\ngot  %q\nwant %q", tb.Rows, heads, got, want.String())
		}
	}
}

// TestHTMLBlocksAsTemplate: writeHTMLPara, writeHTMLChecks and writeHTMLItems write exactly
// what the template's paragraph, checklist and list did (kept here as the
// reference), for random texts.
func TestHTMLBlocksAsTemplate(t *testing.T) {
	ref := template.Must(template.New("blocks").Parse(`{{with .P}}<p{{if .Style}} class="{{.Style}}"{{end}}>{{range .Runs}}{{if .Bold}}<strong>{{.Text}}</strong>{{else if .Italic}}<em>{{.Text}}</em>{{else}}{{.Text}}{{end}}{{end}}</p>{{end}}
<ul class="check">
{{- range .C}}
<li class="{{.Class}}"><span class="box">{{.Box}}</span><span class="text">{{.Text}}</span>{{if .Tag}} <strong class="tag">({{.Tag}})</strong>{{end}}{{if .Detail}}<span class="detail">{{.Detail}}</span>{{end}}</li>
{{- end}}
</ul>
<ul class="list">
{{- range .L}}
<li class="l{{.Level}}">{{if .Mark}}<strong>{{.Mark}}</strong> {{end}}{{.Text}}</li>
{{- end}}
</ul>`))
	parts := []string{"", "a", "Straße", "<b>", "&amp;", `"x"`, "'", "+", "\x00", "\n", "\xff", "☑", "\u202e", " "}
	r := rand.New(rand.NewSource(64))
	text := func() string {
		var b strings.Builder
		for k := r.Intn(4); k > 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		return b.String()
	}
	for range 500 {
		p := &Paragraph{Style: []string{"", StyleLabel, text()}[r.Intn(3)]}
		var cs []htmlItem
		var ls []ListItem
		for range r.Intn(4) {
			p.Runs = append(p.Runs, Run{Text: text(), Bold: r.Intn(3) == 0, Italic: r.Intn(3) == 0})
			cs = append(cs, htmlItem{Class: text(), Box: text(), Text: text(), Tag: text(), Detail: text()})
			ls = append(ls, ListItem{Text: text(), Level: r.Intn(3), Mark: text()})
		}
		var want strings.Builder
		if err := ref.Execute(&want, struct {
			P *Paragraph
			C []htmlItem
			L []ListItem
		}{p, cs, ls}); err != nil {
			t.Fatal(err)
		}
		got := string(htmlParaRef(p)) + "\n<ul class=\"check\">" + string(htmlChecksRef(cs)) + "\n</ul>\n<ul class=\"list\">" + string(htmlItemsRef(ls)) + "\n</ul>"
		if got != want.String() {
			t.Fatalf("got  %q\nwant %q", got, want.String())
		}
	}
}
