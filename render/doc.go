// Package render builds the TOM document from a catalogue and an answers file
// (one document model, built once) and writes it as Markdown, HTML, PDF, DOCX
// or plain text. Every writer works from the model; none converts another
// format. The same answers always give the same bytes.
package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/tom-dsgvo/tom/model"
)

// stamp returns the date the PDF and DOCX metadata carry: the Stand, or
// 1 January 2000 without one, so the bytes depend only on the document.
func (d *Document) stamp() time.Time {
	if t, err := model.DateOf(d.Stand); err == nil && d.Stand != "" {
		return t
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// langTag returns the document's language as a BCP 47 tag for file
// metadata ("de-DE" or "en-GB").
func (d *Document) langTag() string {
	if d.Lang == model.En {
		return "en-GB"
	}
	return "de-DE"
}

// Document is the TOM document, independent of any output format.
type Document struct {
	Lang     model.Lang
	Title    string // "Technische und organisatorische Maßnahmen (TOM)"
	Org      string // organisation name (may be empty)
	Stand    string // stored date (YYYY-MM-DD) the document speaks for, or ""
	StandFmt string // Stand for people, or a placeholder
	Version  string
	Blocks   []Block
	// Brand is the consultant's branding (tom.toml); nil: none.
	Brand *Branding
	// Profile is the document's profile: ProfileInternal or ProfileAnnex.
	Profile string

	// cat and file are what the document was built from; the JSON export
	// (WriteJSON) reads its structured data from them.
	cat  *model.Catalog
	file *model.File
}

// Block is one element of the document body.
type Block interface{ isBlock() }

// Heading starts a chapter (level 1), section (2) or sub-section (3).
// Level 0 is the title of a document without a cover (a report such as the
// changes between two answers files).
type Heading struct {
	Level  int
	Number string // "3.2"; "" for unnumbered headings
	Text   string
	ID     string // stable anchor for the TOC, bookmarks and links
}

// Label returns the heading as shown: number and text.
func (h *Heading) Label() string {
	if h.Number == "" {
		return h.Text
	}
	return h.Number + " " + h.Text
}

// Run is a piece of paragraph text in one style.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
}

// Paragraph styles.
const (
	StyleBody  = ""      // running text
	StyleSmall = "small" // a legal reference or note: smaller, grey
	StyleLabel = "label" // a bold sub-heading kept with what follows
)

// Paragraph is running text. Newlines in runs are line breaks.
type Paragraph struct {
	Runs  []Run
	Style string
}

// Text returns the paragraph's text without styles.
func (p *Paragraph) Text() string {
	if len(p.Runs) == 1 {
		return p.Runs[0].Text
	}
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Checklist is a list of measures with check boxes.
type Checklist struct {
	Items []CheckItem
}

// Mark is the box in front of a measure.
type Mark int

// Marks: open (empty box), done (as stated by the business), detected
// (implemented and confirmed by a scan of the system), not applicable.
const (
	MarkOpen Mark = iota
	MarkDone
	MarkDetected
	MarkNA
)

// Checked reports whether the box is ticked (done or detected).
func (m Mark) Checked() bool { return m == MarkDone || m == MarkDetected }

// CheckItem is one measure.
type CheckItem struct {
	Mark   Mark
	Text   string
	Tag    string // short emphasised note after the text ("erhoben am 27.11.2026")
	Detail string // second line: type, target date, reason, note, evidence
}

// Table is a grid with one header row. Widths are relative column widths
// (summing to about 1); writers that lay out pages use them. Whole marks
// columns whose cells (file names, dates) should not break at hyphens: the
// plain-text writer narrows the other columns first and breaks them only
// when the table cannot fit otherwise.
type Table struct {
	Header []string
	Rows   [][]string
	Widths []float64
	Whole  []bool
	// cleaned: the header and every cell are as clean leaves them (the
	// builder made sure), so a writer need not clean them again.
	cleaned bool
}

// KeyValue is a record card: a title and label/value rows.
type KeyValue struct {
	Title string
	Rows  []KV
}

// KV is one label/value pair.
type KV struct {
	Key   string
	Value string
}

// Records is a register of repeatable records (service providers, devices …).
// Fields are the field labels; each row has one value per field, "" where
// the field does not apply to that record (a field that applies but has no
// answer holds a dash). Writers choose the layout: one column per field
// (Markdown), one block per record (plain text), or Columns (PDF, DOCX, HTML).
type Records struct {
	Fields  []string
	Rows    [][]string
	Columns []Column // fields gathered into a few columns; nil: one column per field
	Wide    bool     // the register reads better on a landscape page
	Quiet   []bool   // per field: free text whose dash the gathered layout leaves out
	Nr      string   // header of the running-number column
	Dash    string   // shown for a field that does not apply, in FullTable
	Empty   string   // shown when there are no records
	// cleaned: every cell and Dash are as clean leaves them (the builder
	// cleaned them), so a writer need not clean them again.
	cleaned bool
}

// Column is one column of a register's compact layout: the first field is
// the column head and each record's first line; the others follow as
// "label: value" lines.
type Column struct {
	Fields []int
	Width  float64 // relative width (the Nr column takes the rest)
}

// labelSep returns what goes between a field label and its value in a
// "label: value" line: ": ", or a space when the label is a question
// ("Auftragsverarbeiter? ja").
func labelSep(label string) string {
	if strings.HasSuffix(label, "?") {
		return " "
	}
	return ": "
}

// LabelColon returns the label followed by a colon, or the label alone when
// it is a question ("Auftragsverarbeiter?" rather than "Auftragsverarbeiter?:").
func LabelColon(label string) string {
	if strings.HasSuffix(label, "?") || strings.HasSuffix(label, ":") {
		return label
	}
	return label + ":"
}

// ColumnHead returns the header and relative widths of the compact layout:
// the number column first (it takes the width the columns leave, at least
// 4 %), then per column the label of its head field.
func (r *Records) ColumnHead() (header []string, widths []float64) {
	header = make([]string, 1, len(r.Columns)+1)
	widths = make([]float64, 1, len(r.Columns)+1)
	header[0] = r.Nr
	used := 0.0
	for _, c := range r.Columns {
		header = append(header, r.Fields[c.Fields[0]])
		widths = append(widths, c.Width)
		used += c.Width
	}
	widths[0] = max(1-used, 0.04)
	return header, widths
}

// Cell returns field fi of row, or the register's dash when the row has
// no value there.
func (r *Records) Cell(row []string, fi int) string {
	if fi < len(row) && row[fi] != "" {
		return row[fi]
	}
	return r.Dash
}

// FullTable returns the register with one column per field and a number
// column first.
func (r *Records) FullTable() *Table {
	t := &Table{Header: make([]string, 0, len(r.Fields)+1), Rows: make([][]string, len(r.Rows))}
	t.Header = append(append(t.Header, r.Nr), r.Fields...)
	t.Widths = make([]float64, len(t.Header))
	t.Widths[0] = 0.05
	for i := 1; i < len(t.Widths); i++ {
		t.Widths[i] = 0.95 / float64(len(r.Fields))
	}
	for i, row := range r.Rows {
		cells := make([]string, len(t.Header))
		cells[0] = strconv.Itoa(i + 1)
		for j, v := range row {
			if v == "" {
				v = r.Dash
			}
			cells[j+1] = v
		}
		t.Rows[i] = cells
	}
	return t
}

// Card returns record i as a title ("1. <first field>") and label/value
// rows for the other fields (fields that do not apply left out); the first
// field is not repeated as a row, since the title already shows it.
func (r *Records) Card(i int) *KeyValue {
	row := r.Rows[i]
	kv := &KeyValue{Rows: make([]KV, 0, len(row))}
	for j, v := range row {
		if j > 0 && v != "" {
			kv.Rows = append(kv.Rows, KV{r.Fields[j], v})
		}
	}
	kv.Title = strconv.Itoa(i+1) + ". " + row[0]
	return kv
}

// CellLines calls fn for the lines of record i in column c: the head value
// first (label ""), then each applicable field with its label. Free-text
// fields without an answer (no e-mail, no notes) are left out; choices,
// dates and yes/no questions show their dash, since a gap there matters.
func (r *Records) CellLines(i int, c Column, fn func(label, value string)) {
	row := r.Rows[i]
	for k, fi := range c.Fields {
		v := row[fi]
		if v == "" || k > 0 && v == r.Dash && fi < len(r.Quiet) && r.Quiet[fi] {
			continue
		}
		if k == 0 {
			fn("", v)
		} else {
			fn(r.Fields[fi], v)
		}
	}
}

// List is a bulleted list. An item's Level nests it under the items before
// it (0 is the outer list).
type List struct {
	Items []ListItem
}

// ListItem is one entry of a List. Mark replaces the bullet when set (a
// measure's type, "T" or "O").
type ListItem struct {
	Text  string
	Level int
	Mark  string
}

// bulletText is the item as one plain line: its mark in brackets, or a
// bullet, before the text.
func (it ListItem) bulletText() string {
	if it.Mark != "" {
		return "[" + it.Mark + "] " + it.Text
	}
	return "• " + it.Text
}

// PageBreak starts a new page in paginated formats.
type PageBreak struct{}

// PageLayout starts a new page in the given orientation in paginated
// formats (a wide register on landscape pages, then back to portrait).
type PageLayout struct {
	Landscape bool
}

// Cover is the title page.
type Cover struct {
	Title    string
	Subtitle string
	Org      string
	Address  string
	Lines    []KV // Stand, version, next review, prepared by
}

// TOC marks where the table of contents goes (HTML, PDF, DOCX).
type TOC struct {
	Title string
}

// Signature is the signature block at the end.
type Signature struct {
	Intro string
	Place KV // label and value
	Date  KV
	Name  KV
	Role  KV
}

func (*Heading) isBlock()    {}
func (*Paragraph) isBlock()  {}
func (*Checklist) isBlock()  {}
func (*List) isBlock()       {}
func (*Table) isBlock()      {}
func (*KeyValue) isBlock()   {}
func (*Records) isBlock()    {}
func (*PageBreak) isBlock()  {}
func (*PageLayout) isBlock() {}
func (*Cover) isBlock()      {}
func (*TOC) isBlock()        {}
func (*Signature) isBlock()  {}

// Headings returns the headings up to maxLevel, in order (for tables of contents).
func (d *Document) Headings(maxLevel int) []*Heading {
	var out []*Heading
	for _, b := range d.Blocks {
		if h, ok := b.(*Heading); ok && h.Level <= maxLevel {
			out = append(out, h)
		}
	}
	return out
}
