package render

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// WriteMarkdown returns the document as GitHub-flavoured Markdown: every
// piece of text escaped, one table row per line (clean git diffs).
func WriteMarkdown(d *Document) []byte {
	w := &mdWriter{d: d}
	w.blocks(d.Blocks)
	return w.end()
}

// BuildMarkdown builds the document like BuildProfile and returns it with
// its Markdown, written on another goroutine chapter by chapter while the
// later chapters are built (the same bytes as WriteMarkdown). room is the
// room to make for the Markdown at once (0: as it grows), so that it is not
// copied as it grows.
//
// spill, if not nil, is handed the Markdown as it is written, in pieces of
// about mdSpillAt bytes, on that goroutine, and must not keep them (their
// bytes are written over); BuildMarkdown then returns only the rest. The
// pieces and the rest, in order, are WriteMarkdown's bytes.
func BuildMarkdown(cat *model.Catalog, f *model.File, lang model.Lang, br *Branding, profile string, spill func([]byte), room int) (*Document, []byte) {
	if spill != nil {
		room = min(room, 2*mdSpillAt)
	}
	type run struct {
		d      *Document
		blocks []Block
	}
	runs := make(chan run, 8)
	md := make(chan []byte, 1)
	go func() {
		var w *mdWriter
		for r := range runs {
			if w == nil {
				w = &mdWriter{d: r.d, b: roomy(room), spill: spill}
			}
			w.blocks(r.blocks)
			w.flush()
		}
		if w == nil {
			md <- nil
			return
		}
		md <- w.end()
	}()
	d := func() *Document {
		defer close(runs) // also should the builder panic
		return buildTo(cat, f, lang, br, profile, func(d *Document, blocks []Block) { runs <- run{d, blocks} })
	}()
	out := <-md
	if out == nil {
		out = WriteMarkdown(d)
	}
	return d, out
}

// blocks writes blocks, after making room for them: their cells with
// escapes and separators, and a register's name repeated in each of its
// tables, plus the rest of the text.
func (w *mdWriter) blocks(blocks []Block) {
	if w.spill != nil {
		// spilled as it goes: the buffer holds a few rows at a time
		for _, bl := range blocks {
			w.block(bl)
		}
		return
	}
	size, cells := cellBytes(blocks)
	if need := size*3/2 + cells*4 + 64<<10; w.b.Available() < need {
		b := roomy(w.b.Len() + need)
		b.Write(w.b.Bytes())
		w.b = b
	}
	for _, bl := range blocks {
		w.block(bl)
	}
}

// end returns the Markdown written: a TOM document (not a report) ends
// with its organisation key (see OrgKey), invisible when it is shown.
func (w *mdWriter) end() []byte {
	out := bytes.TrimRight(w.b.Bytes(), "\n")
	if w.d.isTOM() {
		out = append(out, "\n\n<!-- "+w.d.OrgKey()+" -->"...)
	}
	return append(out, '\n')
}

type mdWriter struct {
	d *Document
	b bytes.Buffer
	// spill, when set, takes what is written (see BuildMarkdown)
	spill func([]byte)
}

// mdSpillAt is how much Markdown a spilling writer holds before it hands it
// on.
const mdSpillAt = 256 << 10

// flush hands what is written, but for the newlines at its end (which end
// may trim), to spill and forgets it; nothing without spill.
func (w *mdWriter) flush() {
	if w.spill == nil {
		return
	}
	b := w.b.Bytes()
	end := len(bytes.TrimRight(b, "\n"))
	if end == 0 {
		return
	}
	w.spill(b[:end:end])
	nl := len(b) - end
	w.b.Reset()
	for range nl {
		w.b.WriteByte('\n')
	}
}

// rowDone flushes a spilling writer that holds mdSpillAt bytes or more.
func (w *mdWriter) rowDone() {
	if w.spill != nil && w.b.Len() >= mdSpillAt {
		w.flush()
	}
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
			w.b.WriteString("- " + emph(LabelColon(kv.Key), "**") + " " + mdInline(clean(kv.Value), "\\\n  ") + "\n")
		}
		w.b.WriteString("\n")
		if bl := w.d.Brand.Lines(); len(bl) > 0 {
			for i, l := range bl {
				bl[i] = MDText(l)
			}
			w.para(strings.Join(bl, "\\\n"))
		}
	case *TOC, *PageBreak, *PageLayout:
	case *Heading:
		w.b.WriteString("###"[:min(x.Level+1, 3)])
		if x.Level > 2 {
			w.b.WriteString(strings.Repeat("#", x.Level-2))
		}
		w.b.WriteByte(' ')
		mdWrite(&w.b, clean(x.Label()), "\\\n")
		w.b.WriteString("\n\n")
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
			w.b.WriteString(mdBox[it.Mark])
			mdWrite(&w.b, clean(it.Text), "\\\n  ")
			if it.Tag != "" {
				w.b.WriteString(" **(")
				mdWrite(&w.b, clean(it.Tag), " ")
				w.b.WriteString(")**")
			}
			if it.Detail != "" {
				w.b.WriteString("\\\n  " + emphSep(it.Detail, "*", "\\\n  "))
			}
			w.b.WriteString("\n")
		}
		w.b.WriteString("\n")
	case *List:
		for _, it := range x.Items {
			indent := strings.Repeat("  ", it.Level)
			w.b.WriteString(indent + "- ")
			if it.Mark != "" {
				w.b.WriteString(emph(it.Mark, "**") + " ")
			}
			mdWrite(&w.b, clean(it.Text), "\\\n  "+indent)
			w.b.WriteString("\n")
		}
		w.b.WriteString("\n")
	case *Bars:
		// A text chart: a bar of characters per heading, the numbers in
		// words after it (read aloud by screen readers).
		w.para(MDText(x.textLegend()))
		for _, r := range x.Rows {
			w.b.WriteString("- **")
			mdWrite(&w.b, clean(r.Label), " ")
			w.b.WriteString(":** `" + r.TextBar(barWidth) + "` ")
			mdWrite(&w.b, clean(r.Text), " ")
			w.b.WriteString("\n")
		}
		w.b.WriteString("\n")
	case *Table:
		w.table(x)
	case *Records:
		if len(x.Rows) == 0 {
			w.para(MDText(x.Empty))
			return
		}
		w.records(x)
	case *KeyValue:
		if x.Title != "" {
			w.para(emph(x.Title, "**"))
		}
		for _, kv := range x.Rows {
			w.b.WriteString("- " + emph(LabelColon(kv.Key), "**") + " " + mdInline(clean(kv.Value), "\\\n  ") + "\n")
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

// mdBox is the list marker for each mark: GitHub task boxes for done and
// open, a struck box for measures that do not apply.
var mdBox = [...]string{MarkOpen: "- [ ] ", MarkDone: "- [x] ", MarkDetected: "- [x] ", MarkNA: "- [–] "}

// row writes one table row; cleaned: its cells are clean already.
func (w *mdWriter) row(cells []string, n int, cleaned bool) {
	w.b.WriteByte('|')
	for i := range n {
		w.b.WriteByte(' ')
		if i < len(cells) {
			c := cells[i]
			if !cleaned {
				c = clean(c)
			}
			mdWrite(&w.b, c, "<br>")
		}
		w.b.WriteString(" |")
	}
	w.b.WriteByte('\n')
}

func (w *mdWriter) rule(n int) {
	w.b.WriteByte('|')
	for range n {
		w.b.WriteString(" --- |")
	}
	w.b.WriteByte('\n')
}

func (w *mdWriter) table(t *Table) {
	n := len(t.Header)
	w.row(t.Header, n, t.cleaned)
	w.rule(n)
	for _, r := range t.Rows {
		w.row(r, n, t.cleaned)
		w.rowDone()
	}
	w.b.WriteByte('\n')
}

// mdMaxFields is how many fields one Markdown register table shows beside
// the number and the record's name; a register with more is split into
// several tables, each repeating number and name.
const mdMaxFields = 6

// records writes a register as one or more tables (see mdRecordTables),
// cell by cell without making the tables.
func (w *mdWriter) records(r *Records) {
	var num [20]byte
	for _, cols := range mdRecordColumns(r) {
		n := len(cols) + 1
		w.b.WriteString("| ")
		mdWrite(&w.b, clean(r.Nr), "<br>")
		w.b.WriteString(" |")
		for _, fi := range cols {
			w.b.WriteByte(' ')
			mdWrite(&w.b, clean(r.Fields[fi]), "<br>")
			w.b.WriteString(" |")
		}
		w.b.WriteByte('\n')
		w.rule(n)
		for i, row := range r.Rows {
			w.b.WriteString("| ")
			w.b.Write(strconv.AppendInt(num[:0], int64(i+1), 10))
			w.b.WriteString(" |")
			for _, fi := range cols {
				v := r.Cell(row, fi)
				if !r.cleaned {
					v = clean(v)
				}
				w.b.WriteByte(' ')
				mdWrite(&w.b, v, "<br>")
				w.b.WriteString(" |")
			}
			w.b.WriteByte('\n')
			w.rowDone()
		}
		w.b.WriteByte('\n')
	}
}

// mdRecordColumns returns the fields of each Markdown table of a register
// (see mdRecordTables), each after the number column: the name, then at
// most mdMaxFields further fields that some record has a value for.
func mdRecordColumns(r *Records) [][]int {
	var fields []int
	for fi := range r.Fields {
		if fi == 0 {
			continue
		}
		for _, row := range r.Rows {
			if fi < len(row) && row[fi] != "" && row[fi] != r.Dash {
				fields = append(fields, fi)
				break
			}
		}
	}
	var out [][]int
	for start := 0; start == 0 || start < len(fields); start += mdMaxFields {
		out = append(out, append([]int{0}, fields[start:min(start+mdMaxFields, len(fields))]...))
	}
	return out
}

// mdRecordTables lays a register out as Markdown tables: number, name and at
// most mdMaxFields further fields each; a field no record has a value for is
// left out; a field that does not apply to a record shows the dash. The
// writer writes the same cells directly (mdWriter.records).
func mdRecordTables(r *Records) []*Table {
	var out []*Table
	for _, cols := range mdRecordColumns(r) {
		t := &Table{Header: []string{r.Nr}}
		for _, fi := range cols {
			t.Header = append(t.Header, r.Fields[fi])
		}
		for i, row := range r.Rows {
			cells := []string{strconv.Itoa(i + 1)}
			for _, fi := range cols {
				cells = append(cells, r.Cell(row, fi))
			}
			t.Rows = append(t.Rows, cells)
		}
		out = append(out, t)
	}
	return out
}
