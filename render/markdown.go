package render

import (
	"bytes"
	"strings"
)

// WriteMarkdown returns the document as GitHub-flavoured Markdown: every
// piece of text escaped, one table row per line (clean git diffs).
func WriteMarkdown(d *Document) []byte {
	w := &mdWriter{d: d}
	for _, bl := range d.Blocks {
		w.block(bl)
	}
	out := bytes.TrimRight(w.b.Bytes(), "\n")
	return append(out, '\n')
}

type mdWriter struct {
	d *Document
	b bytes.Buffer
}

func (w *mdWriter) para(s string) {
	w.b.WriteString(s)
	w.b.WriteString("\n\n")
}

// emph wraps escaped text in a marker, keeping outer spaces outside it (a
// marker next to a space would not count as emphasis).
func emph(s, marker string) string { return emphSep(s, marker, "\\\n") }

// emphKeep is emph for a run inside a paragraph: spaces at either end stay
// outside the markers.
func emphKeep(s, marker string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return s
	}
	i := strings.Index(s, t)
	return s[:i] + emph(t, marker) + s[i+len(t):]
}

// emphSep is emph with a chosen line separator (see mdInline).
func emphSep(s, marker, sep string) string {
	t := clean(s)
	if t == "" {
		return ""
	}
	return marker + mdInline(t, sep) + marker
}

func (w *mdWriter) block(bl Block) {
	switch x := bl.(type) {
	case *Cover:
		w.para("# " + MDText(x.Title))
		w.para(emph(x.Subtitle, "*"))
		org := emph(x.Org, "**")
		if x.Address != "" {
			org += "\\\n" + MDText(x.Address)
		}
		w.para(org)
		for _, kv := range x.Lines {
			w.b.WriteString("- " + emph(kv.Key+":", "**") + " " + mdInline(clean(kv.Value), "\\\n  ") + "\n")
		}
		w.b.WriteString("\n")
	case *TOC, *PageBreak:
	case *Heading:
		w.para(strings.Repeat("#", x.Level+1) + " " + MDText(x.Label()))
	case *Paragraph:
		var s strings.Builder
		for _, r := range x.Runs {
			switch {
			case r.Bold || x.Style == StyleLabel:
				s.WriteString(emphKeep(r.Text, "**"))
			case r.Italic || x.Style == StyleSmall:
				s.WriteString(emphKeep(r.Text, "*"))
			default:
				s.WriteString(MDText(r.Text))
			}
		}
		w.para(s.String())
	case *Checklist:
		for _, it := range x.Items {
			box := "- [ ] "
			if it.Checked {
				box = "- [x] "
			}
			w.b.WriteString(box + mdInline(clean(it.Text), "\\\n  "))
			if it.Detail != "" {
				w.b.WriteString("\\\n  " + emphSep(it.Detail, "*", "\\\n  "))
			}
			w.b.WriteString("\n")
		}
		w.b.WriteString("\n")
	case *Table:
		w.table(x)
	case *Records:
		if x.Full == nil || len(x.Full.Rows) == 0 {
			w.para(MDText(x.Empty))
			return
		}
		w.table(x.Full)
	case *KeyValue:
		w.para(emph(x.Title, "**"))
		for _, kv := range x.Rows {
			w.b.WriteString("- " + emph(kv.Key+":", "**") + " " + mdInline(clean(kv.Value), "\\\n  ") + "\n")
		}
		w.b.WriteString("\n")
	case *Signature:
		w.para(MDText(x.Intro))
		w.table(&Table{
			Header: []string{x.Place.Key, x.Date.Key, x.Name.Key, x.Role.Key},
			Rows:   [][]string{{x.Place.Value, x.Date.Value, x.Name.Value, x.Role.Value}},
		})
		w.para("\n" + MDText(Msg.Get(w.d.Lang, "sign_line")+": "+strings.Repeat(".", 50)))
	}
}

func (w *mdWriter) table(t *Table) {
	row := func(cells []string) {
		w.b.WriteString("|")
		for _, c := range cells {
			w.b.WriteString(" ")
			w.b.WriteString(MDCell(c))
			w.b.WriteString(" |")
		}
		w.b.WriteString("\n")
	}
	row(t.Header)
	w.b.WriteString("|")
	for range t.Header {
		w.b.WriteString(" --- |")
	}
	w.b.WriteString("\n")
	for _, r := range t.Rows {
		cells := r
		if len(cells) < len(t.Header) {
			cells = append(append([]string{}, r...), make([]string, len(t.Header)-len(r))...)
		}
		row(cells[:len(t.Header)])
	}
	w.b.WriteString("\n")
}
