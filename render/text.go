package render

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextWidth is the line width of the plain-text document.
const TextWidth = 80

// WriteText returns the document as plain text wrapped at 80 columns, for a
// terminal or an e-mail: "[x]"/"[ ]" check boxes, tables as aligned columns
// when they fit, else as record blocks.
func WriteText(d *Document) []byte {
	w := &txtWriter{d: d}
	// Cells with their labels and the padding of aligned columns.
	size, cells := d.cellBytes()
	// List items with their indents (a status report's due items).
	items := 0
	for _, bl := range d.Blocks {
		if l, ok := bl.(*List); ok {
			for _, it := range l.Items {
				items += len(it.Text) + len(it.Text)/16 + 8
			}
		}
	}
	w.b = roomy(size*2 + cells*20 + items + 64<<10)
	for _, bl := range d.Blocks {
		w.block(bl)
	}
	out := bytes.TrimRight(w.b.Bytes(), "\n")
	return append(out, '\n')
}

// txtBox is the check box for each mark.
var txtBox = [...]string{MarkOpen: "[ ] ", MarkDone: "[x] ", MarkDetected: "[x] ", MarkNA: "[-] "}

type txtWriter struct {
	d *Document
	b bytes.Buffer
	// scratch of sideBySide and kvBlock, reused from row to row
	single  []string
	wrapped [][]string
	kv      [2]string
	line    []byte            // wrapEach's line
	colon   map[string]string // LabelColon of each label
}

func (w *txtWriter) lines(ls []string) {
	for _, l := range ls {
		w.b.WriteString(strings.TrimRight(l, " "))
		w.b.WriteByte('\n')
	}
}

// wrap writes s wrapped at TextWidth (see wrap) as lines writes lines.
func (w *txtWriter) wrap(s, first, rest string) {
	s = clean(s)
	if oneLine(s, TextWidth-utf8.RuneCountInString(first)) {
		w.b.WriteString(first)
		w.b.WriteString(s)
		w.endLine()
		return
	}
	w.line = wrapEach(s, TextWidth, first, rest, w.line, func(line []byte) {
		w.b.Write(line)
		w.endLine()
	})
}

// endLine ends the line being written, without spaces at its end.
func (w *txtWriter) endLine() {
	b := w.b.Bytes()
	end := len(b)
	for end > 0 && b[end-1] == ' ' {
		end--
	}
	w.b.Truncate(end)
	w.b.WriteByte('\n')
}

func (w *txtWriter) blank() { w.b.WriteByte('\n') }

// ensureBlank ends the output with exactly one blank line (none at the start).
func (w *txtWriter) ensureBlank() {
	b := w.b.Bytes()
	switch {
	case len(b) == 0, bytes.HasSuffix(b, []byte("\n\n")):
	case bytes.HasSuffix(b, []byte("\n")):
		w.b.WriteByte('\n')
	default:
		w.b.WriteString("\n\n")
	}
}

func (w *txtWriter) block(bl Block) {
	switch x := bl.(type) {
	case *Cover:
		w.wrap(x.Title, "", "")
		w.wrap(x.Subtitle, "", "")
		w.blank()
		w.wrap(x.Org, "", "")
		if x.Address != "" {
			w.wrap(x.Address, "", "")
		}
		w.blank()
		w.kvBlock(x.Lines, "")
		if bl := w.d.Brand.Lines(); len(bl) > 0 {
			w.blank()
			for _, l := range bl {
				w.wrap(l, "", "")
			}
		}
		w.blank()
		w.lines([]string{strings.Repeat("=", TextWidth)})
		w.blank()
	case *TOC, *PageBreak, *PageLayout:
	case *Heading:
		ls := wrap(x.Label(), TextWidth, "", "")
		w.ensureBlank()
		ch := "="
		if x.Level > 1 {
			ch = "-"
		}
		n := 0
		for _, l := range ls {
			n = max(n, utf8.RuneCountInString(l))
		}
		if x.Level == 0 {
			// a report's title: ruled above and below
			w.lines([]string{strings.Repeat(ch, n)})
		}
		w.lines(ls)
		w.lines([]string{strings.Repeat(ch, n)})
		w.blank()
	case *Paragraph:
		w.wrap(x.Text(), "", "")
		if x.Style != StyleLabel {
			w.blank()
		}
	case *Checklist:
		for _, it := range x.Items {
			text := it.Text
			if it.Tag != "" {
				text += " (" + it.Tag + ")"
			}
			w.wrap(text, txtBox[it.Mark], "    ")
			if it.Detail != "" {
				w.wrap(it.Detail, "    ", "    ")
			}
		}
		w.blank()
	case *List:
		var level int
		var itemMark, first, rest string
		for i, it := range x.Items {
			if i == 0 || it.Level != level || it.Mark != itemMark {
				// The prefixes of the item, and of the items like it after it.
				level, itemMark = it.Level, it.Mark
				indent := strings.Repeat("  ", it.Level+1)
				mark := "- "
				if it.Mark != "" {
					mark = "[" + it.Mark + "] "
				}
				first, rest = indent+mark, indent+strings.Repeat(" ", utf8.RuneCountInString(mark))
			}
			w.wrap(it.Text, first, rest)
		}
		w.blank()
	case *Bars:
		w.wrap(x.textLegend(), "", "")
		for _, r := range x.Rows {
			w.wrap(r.Label+": "+r.TextBar(barWidth)+" "+r.Text, "  ", "    ")
		}
		w.blank()
	case *Table:
		w.table(x)
	case *Records:
		switch {
		case len(x.Rows) == 0:
			w.wrap(x.Empty, "", "")
			w.blank()
		case x.Columns != nil:
			for i := range x.Rows {
				w.card(x.Card(i))
			}
		default:
			w.table(x.FullTable())
		}
	case *KeyValue:
		w.card(x)
	case *Signature:
		w.wrap(x.Intro, "", "")
		w.blank()
		w.kvBlock([]KV{x.Place, x.Date, x.Name, x.Role}, "")
		w.blank()
		w.blank()
		w.lines([]string{Msg.Get(w.d.Lang, "sign_line") + ": " + strings.Repeat("_", 40)})
	}
}

// card writes a record as a title line and indented label/value rows; a
// card without a title is the rows alone, not indented.
func (w *txtWriter) card(c *KeyValue) {
	if c.Title == "" {
		w.kvBlock(c.Rows, "")
		w.blank()
		return
	}
	w.wrap(c.Title, "", "   ")
	w.kvBlock(c.Rows, "   ")
	w.blank()
}

// kvBlock writes label/value rows with the values aligned.
func (w *txtWriter) kvBlock(rows []KV, indent string) {
	kw := 0
	for _, kv := range rows {
		kw = max(kw, utf8.RuneCountInString(kv.Key)+1)
	}
	avail := TextWidth - utf8.RuneCountInString(indent)
	kw = min(kw, avail/3)
	widths := [2]int{kw, avail - kw - 2}
	for _, kv := range rows {
		label, ok := w.colon[kv.Key]
		if !ok {
			label = LabelColon(kv.Key)
			if w.colon == nil {
				w.colon = map[string]string{}
			}
			w.colon[kv.Key] = label
		}
		w.kv = [2]string{label, kv.Value}
		w.sideBySide(indent, w.kv[:], widths[:])
	}
}

// table writes a table as aligned columns if every column can get at least
// 8 characters, else as one record block per row.
func (w *txtWriter) table(t *Table) {
	n := len(t.Header)
	avail := TextWidth - 2*(n-1)
	widths := make([]int, n)
	for i := range n {
		widths[i] = maxLine(t.Header[i])
		for _, r := range t.Rows {
			if i < len(r) {
				widths[i] = max(widths[i], maxLine(r[i]))
			}
		}
		widths[i] = max(widths[i], 1)
	}
	const minCol = 8
	if n*minCol > avail {
		w.recordRows(t)
		return
	}
	if sum(widths) > avail {
		// Whole columns are kept whole while the table still fits; when it
		// does not, the last of them may break too, then the one before, ….
		keep := slices.Clone(t.Whole)
		shared, ok := shareWidths(t, widths, avail, minCol, keep)
		for i := len(keep) - 1; !ok && i >= 0; i-- {
			if keep[i] {
				keep[i] = false
				shared, ok = shareWidths(t, widths, avail, minCol, keep)
			}
		}
		widths = shared
		if !ok {
			// Some words would have to break: one block per row instead.
			w.recordRows(t)
			return
		}
	}
	w.sideBySide("", t.Header, widths)
	rule := make([]string, n)
	for i := range rule {
		rule[i] = strings.Repeat("-", widths[i])
	}
	w.lines([]string{strings.Join(rule, "  ")})
	for _, r := range t.Rows {
		w.sideBySide("", r, widths)
	}
	w.blank()
}

// shareWidths sizes the columns of a table too wide for avail by their
// content: each column gets its longest unbreakable word (see longestPart;
// the cells of columns marked in keep count as unbreakable as a whole), and the rest of the room goes to the columns in proportion to how
// much more they hold (max the longest line). When even the words do not
// fit, ok is false (and the widths meaningless).
func shareWidths(t *Table, maxw []int, avail, minCol int, keep []bool) (widths []int, ok bool) {
	n := len(maxw)
	minw := make([]int, n)
	for i := range n {
		part := longestPart
		if i < len(keep) && keep[i] {
			part = maxLine
		}
		minw[i] = longestPart(t.Header[i])
		for _, r := range t.Rows {
			if i < len(r) {
				minw[i] = max(minw[i], part(r[i]))
			}
		}
		minw[i] = min(max(minw[i], minCol), maxw[i])
	}
	if sum(minw) > avail {
		return nil, false
	}
	// A column of long texts counts as at most half the width, so that one
	// long answer does not squeeze its neighbours to their words.
	want := make([]int, n)
	for i := range n {
		want[i] = max(min(maxw[i], avail/2), minw[i])
	}
	room := avail - sum(minw)
	extra := sum(want) - sum(minw)
	widths = make([]int, n)
	given := 0
	for i := range n {
		widths[i] = minw[i]
		if extra > 0 {
			add := min((want[i]-minw[i])*room/extra, maxw[i]-minw[i])
			widths[i] += add
			given += add
		}
	}
	// Hand out what rounding left, to the columns furthest from their need.
	for given < room {
		wi := -1
		for i := range n {
			if widths[i] < maxw[i] && (wi < 0 || maxw[i]-widths[i] > maxw[wi]-widths[wi]) {
				wi = i
			}
		}
		if wi < 0 {
			break
		}
		widths[wi]++
		given++
	}
	return widths, true
}

// recordRows writes each table row as a block of "header: cell" lines.
func (w *txtWriter) recordRows(t *Table) {
	for i, r := range t.Rows {
		var kvs []KV
		for j, h := range t.Header {
			if j < len(r) {
				kvs = append(kvs, KV{h, r[j]})
			}
		}
		if i > 0 {
			w.blank()
		}
		w.kvBlock(kvs, "")
	}
	w.blank()
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

// maxLine returns the rune length of the longest line of s.
func maxLine(s string) int {
	m := 0
	for l := range strings.SplitSeq(s, "\n") {
		m = max(m, utf8.RuneCountInString(l))
	}
	return m
}

// oneLine reports whether a cleaned text fits in width runes and whether
// wrap's words of it, joined by single spaces, give the text itself: no
// line break, no white space other than single spaces. It stops reading
// once the text is too long.
func oneLine(s string, width int) bool {
	if width < 0 {
		return false
	}
	n, space := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		if n++; n > width {
			return false
		}
		if c < utf8.RuneSelf {
			i++
			if c == ' ' {
				if space {
					return false // two spaces: wrap keeps one
				}
				space = true
				continue
			}
			if c <= ' ' {
				return false // line feed (cleaned text has no other control)
			}
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false // a space wrap splits at and writes as ' '
		}
		i += size
		space = false
	}
	return true
}

// breakAt says where to cut a word too long for room characters: after its
// last hyphen that fits (a compound word's own break), else at room.
func breakAt(wr []rune, room int) int {
	for i := room - 1; i > 0; i-- {
		if wr[i] == '-' {
			return i + 1
		}
	}
	return room
}

// sideBySide writes cells laid out in columns of the given widths, each
// wrapped, separated by two spaces, after indent (as lines writes lines:
// without spaces at their ends).
func (w *txtWriter) sideBySide(indent string, cells []string, widths []int) {
	// A cell that fits its column is its only line; the others are wrapped.
	w.single = append(w.single[:0], make([]string, len(widths))...)
	w.wrapped = append(w.wrapped[:0], make([][]string, len(widths))...)
	h := 1
	for i, wd := range widths {
		c := ""
		if i < len(cells) {
			c = clean(cells[i])
		}
		if oneLine(c, wd) {
			w.single[i] = c
			continue
		}
		w.wrapped[i] = wrap(c, wd, "", "")
		h = max(h, len(w.wrapped[i]))
	}
	for li := range h {
		w.b.WriteString(indent)
		for i, wd := range widths {
			cell := ""
			switch {
			case w.wrapped[i] != nil:
				if li < len(w.wrapped[i]) {
					cell = w.wrapped[i][li]
				}
			case li == 0:
				cell = w.single[i]
			}
			w.b.WriteString(cell)
			if i < len(widths)-1 {
				for range wd - utf8.RuneCountInString(cell) + 2 {
					w.b.WriteByte(' ')
				}
			}
		}
		w.endLine()
	}
}

// wrap breaks s into lines of at most width runes: at spaces where it can,
// inside words that are longer than a line. first and rest are prefixes
// (counted in the width) for the first and the following lines. Existing
// line breaks are kept.
func wrap(s string, width int, first, rest string) []string {
	s = clean(s) // valid UTF-8 from here
	if oneLine(s, width-utf8.RuneCountInString(first)) {
		return []string{first + s} // most cells and values: as they are
	}
	return wrapWords(s, width, first, rest)
}

// wrapWords is wrap for cleaned text, word by word.
func wrapWords(s string, width int, first, rest string) []string {
	out := make([]string, 0, 1+len(s)/max(width, 1))
	wrapEach(s, width, first, rest, nil, func(line []byte) { out = append(out, string(line)) })
	return out
}

// wrapEach is wrapWords handing each line to emit (valid only during the
// call) instead of collecting them: words are what strings.Fields gives,
// lines of a paragraph what strings.Split(s, "\n") gives (read here without
// either's allocations). The line is filled in scratch, returned for reuse.
func wrapEach(s string, width int, first, rest string, scratch []byte, emit func(line []byte)) []byte {
	prefix, pn := first, utf8.RuneCountInString(first)
	restN := utf8.RuneCountInString(rest)
	line := slices.Grow(scratch[:0], len(first)+len(rest)+max(0, min(len(s), 4*width))+1) // the line being filled
	n := 0                                                                                // its length in characters
	plen := 0                                                                             // the length of its prefix
	empty := true
	start := func() {
		line = append(line[:0], prefix...)
		n, plen = pn, pn
		empty = true
	}
	flush := func() {
		emit(line)
		prefix, pn = rest, restN
		start()
	}
	for {
		para, after, more := strings.Cut(s, "\n")
		start()
		for i := 0; i < len(para); {
			if size := spaceAt(para, i); size > 0 {
				i += size
				continue
			}
			// A word: up to the next white space; wn counts its runes.
			j, wn := i, 0
			for j < len(para) {
				if c := para[j]; c < utf8.RuneSelf {
					if c == ' ' || c >= '\t' && c <= '\r' {
						break
					}
					j++
				} else {
					r, size := utf8.DecodeRuneInString(para[j:])
					if unicode.IsSpace(r) {
						break
					}
					j += size
				}
				wn++
			}
			word := para[i:j]
			i = j
			if !empty && n+1+wn > width {
				flush()
			}
			if !empty {
				line = append(line, ' ')
				n++
			}
			if n+wn > width && width-plen > 0 {
				// A word longer than the room: cut it, after a hyphen
				// where there is one.
				wr := []rune(word)
				for n+len(wr) > width && width-plen > 0 {
					room := width - n
					if room <= 0 {
						flush()
						continue
					}
					cut := breakAt(wr, room)
					line = append(line, string(wr[:cut])...)
					n += cut
					wr = wr[cut:]
					flush()
				}
				line = append(line, string(wr)...)
				n += len(wr)
			} else {
				line = append(line, word...)
				n += wn
			}
			empty = false
		}
		flush()
		if !more {
			break
		}
		s = after
	}
	return line
}

// spaceAt returns the size of the white space (unicode.IsSpace) that starts
// at s[i], or 0.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if c == ' ' || c >= '\t' && c <= '\r' {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
}
