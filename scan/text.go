package scan

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tom-dsgvo/tom/model"
)

// TextWidth is the width the text report fits in.
const TextWidth = 80

// markers are the status marks of the text report (readable without colour).
var markers = map[Result]string{OK: "[+]", Weak: "[~]", Missing: "[-]", Unknown: "[?]", NotFound: "[ ]", Unreadable: "[!]"}

// WriteText writes the report for people, grouped by area, in language l,
// at most TextWidth columns wide: a status mark and the title, then the
// evidence indented, then the catalogue measures it supports or contradicts,
// by their labels in cat (by ID where cat lacks them).
func WriteText(w io.Writer, r *Report, l model.Lang, cat *model.Catalog) error {
	labels := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = id
			if cat != nil {
				if m := cat.Measure(id); m != nil && m.Label.In(l) != "" {
					out[i] = "„" + m.Label.In(l) + "“"
					if l == model.En {
						out[i] = "\"" + m.Label.In(l) + "\""
					}
				}
			}
		}
		return strings.Join(out, ", ")
	}
	var b strings.Builder
	wrap(&b, scanMsg.Get(l, "head", r.Root, model.FormatDate(r.Date, l)), "", "")
	b.WriteString(scanMsg.Get(l, "legend") + "\n")
	for _, area := range Areas {
		first := true
		for _, f := range r.Findings {
			if f.Area != area {
				continue
			}
			if first {
				b.WriteString("\n")
				b.WriteString(scanMsg.Get(l, "area_"+area))
				b.WriteString("\n")
				first = false
			}
			wrap(&b, markers[f.Result]+" "+f.Title.In(l), "", "    ")
			for _, e := range f.Evidence {
				wrap(&b, e.String(l), "      ", "        ")
			}
			if len(f.Measures) > 0 {
				wrap(&b, "→ "+scanMsg.Get(l, "supports")+": "+labels(f.Measures), "      ", "        ")
			}
			if len(f.Contradicts) > 0 {
				wrap(&b, "✗ "+scanMsg.Get(l, "contradicts")+": "+labels(f.Contradicts), "      ", "        ")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap writes s word-wrapped to TextWidth: the first line after indent, the
// following ones after cont. A word longer than a line is cut.
func wrap(b *strings.Builder, s, indent, cont string) {
	line := indent
	width := utf8.RuneCountInString(indent)
	fresh := true
	flush := func() {
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteString("\n")
		line, width, fresh = cont, utf8.RuneCountInString(cont), true
	}
	for _, word := range strings.Fields(s) {
		wl := utf8.RuneCountInString(word)
		if !fresh && width+1+wl > TextWidth {
			flush()
		}
		for wl > TextWidth-width {
			r := []rune(word)
			n := TextWidth - width
			if !fresh {
				n--
				line += " "
			}
			if n <= 0 {
				flush()
				continue
			}
			line += string(r[:n])
			word = string(r[n:])
			wl = len(r) - n
			flush()
		}
		if wl == 0 {
			continue
		}
		if !fresh {
			line += " "
			width++
		}
		line += word
		width += wl
		fresh = false
	}
	if !fresh || line != cont {
		flush()
	}
}

// WriteJSON writes the report as indented JSON with a stable field order.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("writing the scan report: %w", err)
	}
	return nil
}
