// Package render builds the TOM document from a catalogue and an answers file
// (one document model, built once) and writes it as Markdown, HTML, PDF, DOCX
// or plain text. Every writer works from the model; none converts another
// format. The same answers always give the same bytes.
package render

import "tom/model"

// Document is the TOM document, independent of any output format.
type Document struct {
	Lang     model.Lang
	Title    string // "Technische und organisatorische Maßnahmen (TOM)"
	Org      string // organisation name (may be empty)
	Stand    string // stored date (YYYY-MM-DD) the document speaks for, or ""
	StandFmt string // Stand for people, or a placeholder
	Version  string
	Blocks   []Block
}

// Block is one element of the document body.
type Block interface{ isBlock() }

// Heading starts a chapter (level 1), section (2) or sub-section (3).
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
	s := ""
	for _, r := range p.Runs {
		s += r.Text
	}
	return s
}

// Checklist is a list of measures with check boxes.
type Checklist struct {
	Items []CheckItem
}

// CheckItem is one measure: checked when implemented.
type CheckItem struct {
	Checked bool
	Text    string
	Detail  string // second line: type, target date, reason, note, detection
}

// Table is a grid with one header row. Widths are relative column widths
// (summing to about 1); writers that lay out pages use them.
type Table struct {
	Header []string
	Rows   [][]string
	Widths []float64
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
// Full has one column per field; when Cards is set, paginated formats show
// Summary plus one card per record instead, so that no column gets too narrow.
type Records struct {
	Full    *Table
	Summary *Table
	Cards   []*KeyValue
	Empty   string // shown when there are no records
}

// PageBreak starts a new page in paginated formats.
type PageBreak struct{}

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

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*Checklist) isBlock() {}
func (*Table) isBlock()     {}
func (*KeyValue) isBlock()  {}
func (*Records) isBlock()   {}
func (*PageBreak) isBlock() {}
func (*Cover) isBlock()     {}
func (*TOC) isBlock()       {}
func (*Signature) isBlock() {}

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
