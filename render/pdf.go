package render

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"tom/model"
)

// Page geometry (mm) and type sizes (pt) of the PDF.
const (
	pdfPageW   = 210.0
	pdfPageH   = 297.0
	pdfMarginL = 20.0
	pdfMarginR = 20.0
	pdfMarginT = 22.0
	pdfBottom  = 277.0 // lowest y content may reach
	pdfTextW   = pdfPageW - pdfMarginL - pdfMarginR
	pdfBody    = 10.0
	pdfLH      = 5.0
	pdfTable   = 8.5
	pdfTableLH = 4.0
	pdfSmall   = 8.5
	pdfSmallLH = 4.0
	pdfPad     = 1.2 // cell padding
	pdfFont    = "go"
	pdfNBAlias = "{nb}"
	tocLineH   = 6.5
)

// WritePDF returns the document as an A4 PDF: Go fonts embedded, running
// header with title and date, footer "Seite X von Y", a table of contents
// with links, bookmarks for headings, table headers repeated on every page,
// rows never split when they fit on a page, vector check boxes. The output
// depends only on the document (fixed dates, sorted catalogues).
func WritePDF(d *Document) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	w := &pdfWriter{d: d, p: p, links: map[string]int{}, pages: map[string]int{}}
	p.SetCatalogSort(true)
	p.SetCompression(true)
	ts := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := model.DateOf(d.Stand); err == nil && d.Stand != "" {
		ts = t
	}
	p.SetCreationDate(ts)
	p.SetModificationDate(ts)
	p.SetProducer("tom", false)
	p.SetCreator("tom", false)
	p.SetTitle(PDFSanitize(d.Title), true)
	if d.Org != "" {
		p.SetSubject(PDFSanitize(d.Org), true)
	}
	if d.Lang == model.En {
		p.SetLang("en-GB")
	} else {
		p.SetLang("de-DE")
	}
	p.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	p.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	p.AddUTF8FontFromBytes(pdfFont, "I", goitalic.TTF)
	p.SetMargins(pdfMarginL, pdfMarginT, pdfMarginR)
	p.SetAutoPageBreak(true, pdfPageH-pdfBottom)
	p.SetCellMargin(0)
	p.AliasNbPages(pdfNBAlias)
	p.SetHeaderFuncMode(w.header, true)
	p.SetFooterFunc(w.footer)
	p.AddPage()
	for i, bl := range d.Blocks {
		w.next = nil
		if i+1 < len(d.Blocks) {
			w.next = d.Blocks[i+1]
		}
		w.block(bl)
	}
	w.fillTOC()
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return buf.Bytes(), nil
}

type pdfWriter struct {
	d        *Document
	p        *fpdf.Fpdf
	dirty    bool // the current page has content
	tocStart int  // first page reserved for the TOC (0: none)
	tocPages int
	tocTitle string
	links    map[string]int // heading ID -> link
	pages    map[string]int // heading ID -> page
	next     Block          // the block after the one being written
}

func (w *pdfWriter) font(style string, size float64) {
	w.p.SetFont(pdfFont, style, size)
}

func (w *pdfWriter) grey(on bool) {
	if on {
		w.p.SetTextColor(90, 90, 90)
	} else {
		w.p.SetTextColor(20, 20, 20)
	}
}

func (w *pdfWriter) header() {
	if w.p.PageNo() == 1 {
		return
	}
	w.font("", 8)
	w.grey(true)
	w.p.SetXY(pdfMarginL, 10)
	run := Msg.Get(w.d.Lang, "running_header", w.d.Title, w.d.StandFmt)
	if w.d.Org != "" {
		run = w.d.Org + " · " + run
	}
	lines := w.p.SplitText(PDFSanitize(run), pdfTextW)
	if len(lines) > 0 {
		w.p.CellFormat(pdfTextW, 4, lines[0], "", 0, "L", false, 0, "")
	}
	w.p.SetDrawColor(160, 160, 160)
	w.p.SetLineWidth(0.2)
	w.p.Line(pdfMarginL, 15, pdfPageW-pdfMarginR, 15)
	w.grey(false)
}

func (w *pdfWriter) footer() {
	if w.p.PageNo() == 1 {
		return
	}
	w.font("", 8)
	w.grey(true)
	w.p.SetXY(pdfMarginL, pdfPageH-13)
	w.p.CellFormat(pdfTextW, 4, fmt.Sprintf(Msg.Get(w.d.Lang, "page_of"), w.p.PageNo(), pdfNBAlias), "", 0, "C", false, 0, "")
	w.grey(false)
}

func (w *pdfWriter) newPage() {
	w.p.AddPage()
	w.dirty = false
}

// ensure starts a new page unless h mm fit below the current position.
func (w *pdfWriter) ensure(h float64) {
	if w.p.GetY()+h > pdfBottom && w.dirty {
		w.newPage()
	}
}

// fits reports whether h mm fit below the current position.
func (w *pdfWriter) fits(h float64) bool { return w.p.GetY()+h <= pdfBottom }

func (w *pdfWriter) block(bl Block) {
	switch x := bl.(type) {
	case *Cover:
		w.cover(x)
	case *TOC:
		w.reserveTOC(x)
	case *PageBreak:
		if w.dirty {
			w.newPage()
		}
	case *Heading:
		w.heading(x)
	case *Paragraph:
		w.paragraph(x)
	case *Checklist:
		w.checklist(x)
	case *Table:
		w.table(x.Header, x.Widths, x.Rows)
	case *KeyValue:
		w.card(x)
	case *Records:
		switch {
		case x.Full == nil || len(x.Full.Rows) == 0:
			w.paragraph(&Paragraph{Runs: []Run{{Text: x.Empty}}})
		case x.Cards != nil:
			w.table(x.Summary.Header, x.Summary.Widths, x.Summary.Rows)
			for _, c := range x.Cards {
				w.card(c)
			}
		default:
			w.table(x.Full.Header, x.Full.Widths, x.Full.Rows)
		}
	case *Signature:
		w.signature(x)
	}
}

// multi writes wrapped text at the current position in a column of width wd.
func (w *pdfWriter) multi(x, wd, lh float64, s string) {
	for _, l := range w.split(s, wd) {
		w.p.SetX(x)
		w.p.CellFormat(wd, lh, l, "", 2, "L", false, 0, "")
	}
}

// split wraps sanitised text to width wd in the current font; at least one line.
func (w *pdfWriter) split(s string, wd float64) []string {
	s = PDFSanitize(s)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		ls := w.p.SplitText(para, wd)
		if len(ls) == 0 {
			ls = []string{""}
		}
		out = append(out, ls...)
	}
	return out
}

func (w *pdfWriter) cover(c *Cover) {
	w.p.SetY(70)
	w.font("B", 24)
	w.multi(pdfMarginL, pdfTextW, 11, c.Title)
	w.p.Ln(3)
	w.font("", 14)
	w.grey(true)
	w.multi(pdfMarginL, pdfTextW, 7, c.Subtitle)
	w.grey(false)
	w.p.SetDrawColor(60, 60, 60)
	w.p.SetLineWidth(0.6)
	w.p.Line(pdfMarginL, w.p.GetY()+6, pdfMarginL+40, w.p.GetY()+6)
	w.p.SetY(w.p.GetY() + 22)
	w.font("B", 15)
	w.multi(pdfMarginL, pdfTextW, 7.5, c.Org)
	if c.Address != "" {
		w.font("", 11)
		w.p.Ln(1)
		lines := w.split(c.Address, pdfTextW)
		if len(lines) > 12 {
			lines = append(lines[:11], "…")
		}
		for _, l := range lines {
			w.p.SetX(pdfMarginL)
			w.p.CellFormat(pdfTextW, 5.5, l, "", 2, "L", false, 0, "")
		}
	}
	y := math.Max(w.p.GetY()+15, 205)
	w.font("", 10.5)
	for _, kv := range c.Lines {
		if y > pdfBottom-8 {
			break
		}
		w.p.SetXY(pdfMarginL, y)
		w.grey(true)
		w.p.CellFormat(48, 6, PDFSanitize(kv.Key), "", 0, "L", false, 0, "")
		w.grey(false)
		lines := w.split(kv.Value, pdfTextW-48)
		w.p.SetXY(pdfMarginL+48, y)
		w.p.CellFormat(pdfTextW-48, 6, lines[0], "", 0, "L", false, 0, "")
		y += 7
	}
	w.dirty = true
}

// reserveTOC leaves pages for the table of contents; fillTOC writes them
// once every heading's page is known.
func (w *pdfWriter) reserveTOC(t *TOC) {
	if w.dirty {
		w.newPage()
	}
	n := len(w.d.Headings(2))
	avail := pdfBottom - pdfMarginT
	perFirst := int((avail - 14) / tocLineH)
	per := int(avail / tocLineH)
	w.tocPages = 1
	if n > perFirst {
		w.tocPages += (n - perFirst + per - 1) / per
	}
	w.tocStart = w.p.PageNo()
	w.tocTitle = t.Title
	w.dirty = true
	for i := 1; i < w.tocPages; i++ {
		w.newPage()
		w.dirty = true
	}
}

func (w *pdfWriter) fillTOC() {
	if w.tocStart == 0 {
		return
	}
	last := w.p.PageNo()
	page := w.tocStart
	w.p.SetPage(page)
	// Force a font selection on this page's content stream.
	w.font("I", 9)
	w.font("B", 15)
	w.grey(false)
	w.p.SetXY(pdfMarginL, pdfMarginT)
	w.p.CellFormat(pdfTextW, 8, PDFSanitize(w.tocTitle), "", 2, "L", false, 0, "")
	w.p.Ln(6)
	y := w.p.GetY()
	for _, h := range w.d.Headings(2) {
		if y+tocLineH > pdfBottom {
			page++
			w.p.SetPage(page)
			w.font("I", 9)
			y = pdfMarginT
		}
		indent, style, size := 0.0, "B", 10.5
		if h.Level == 2 {
			indent, style, size = 8, "", 10
		}
		w.font(style, size)
		num := fmt.Sprint(w.pages[h.ID])
		numW := 12.0
		textW := pdfTextW - indent - numW - 4
		label := w.split(h.Label(), textW)[0]
		if len(w.split(h.Label(), textW)) > 1 {
			label = strings.TrimRight(label, " ") + " …"
		}
		w.p.SetXY(pdfMarginL+indent, y)
		w.p.CellFormat(textW, tocLineH, label, "", 0, "L", false, 0, "")
		lw := w.p.GetStringWidth(label)
		// dotted leader
		w.p.SetDrawColor(150, 150, 150)
		w.p.SetLineWidth(0.2)
		w.p.SetDashPattern([]float64{0.3, 1.2}, 0)
		x0 := pdfMarginL + indent + lw + 2
		x1 := pdfPageW - pdfMarginR - numW
		if x1 > x0 {
			w.p.Line(x0, y+tocLineH-1.8, x1, y+tocLineH-1.8)
		}
		w.p.SetDashPattern([]float64{}, 0)
		w.p.SetXY(pdfPageW-pdfMarginR-numW, y)
		w.p.CellFormat(numW, tocLineH, num, "", 0, "R", false, 0, "")
		if l, ok := w.links[h.ID]; ok {
			w.p.Link(pdfMarginL+indent, y, pdfTextW-indent, tocLineH, l)
		}
		y += tocLineH
	}
	w.p.SetPage(last)
}

func (w *pdfWriter) heading(h *Heading) {
	size, lh, before := 15.0, 7.5, 6.0
	switch h.Level {
	case 2:
		size, lh, before = 12.5, 6.5, 4.0
	case 3:
		size, lh, before = 11, 5.5, 3.0
	}
	w.font("B", size)
	lines := w.split(h.Label(), pdfTextW)
	// keep the heading with at least a few lines of what follows (and with
	// the next heading, if one follows directly)
	keep := 22.0
	if _, ok := w.next.(*Heading); ok {
		keep += 30
	}
	w.ensure(before + float64(len(lines))*lh + keep)
	if w.dirty {
		w.p.Ln(before)
	}
	link := w.p.AddLink()
	w.p.SetLink(link, w.p.GetY(), w.p.PageNo())
	w.links[h.ID] = link
	w.pages[h.ID] = w.p.PageNo()
	w.p.Bookmark(PDFSanitize(h.Label()), h.Level-1, -1)
	for _, l := range lines {
		w.p.SetX(pdfMarginL)
		w.p.CellFormat(pdfTextW, lh, l, "", 2, "L", false, 0, "")
	}
	if h.Level == 1 {
		w.p.SetDrawColor(120, 120, 120)
		w.p.SetLineWidth(0.3)
		w.p.Line(pdfMarginL, w.p.GetY()+0.5, pdfPageW-pdfMarginR, w.p.GetY()+0.5)
		w.p.Ln(2.5)
	} else {
		w.p.Ln(1)
	}
	w.dirty = true
}

func (w *pdfWriter) paragraph(pa *Paragraph) {
	size, lh := pdfBody, pdfLH
	switch pa.Style {
	case StyleSmall:
		size, lh = pdfSmall, pdfSmallLH
		w.grey(true)
	case StyleLabel:
		w.font("B", size)
		w.ensure(lh + 14)
		w.p.Ln(1.5)
	}
	if len(pa.Runs) == 1 || pa.Style == StyleLabel {
		style := ""
		r := pa.Runs[0]
		if r.Bold || pa.Style == StyleLabel {
			style = "B"
		} else if r.Italic {
			style = "I"
		}
		w.font(style, size)
		w.multi(pdfMarginL, pdfTextW, lh, pa.Text())
	} else {
		w.p.SetX(pdfMarginL)
		for _, r := range pa.Runs {
			style := ""
			if r.Bold {
				style = "B"
			} else if r.Italic {
				style = "I"
			}
			w.font(style, size)
			w.p.Write(lh, PDFSanitize(r.Text))
		}
		w.p.Ln(lh)
	}
	if pa.Style != StyleLabel {
		w.p.Ln(2)
	}
	w.grey(false)
	w.dirty = true
}

// box draws a check box at (x, y), ticked when checked.
func (w *pdfWriter) box(x, y float64, checked bool) {
	w.p.SetDrawColor(40, 40, 40)
	w.p.SetLineWidth(0.25)
	w.p.Rect(x, y, 3.4, 3.4, "D")
	if checked {
		w.p.SetLineWidth(0.5)
		w.p.Line(x+0.7, y+1.8, x+1.4, y+2.7)
		w.p.Line(x+1.4, y+2.7, x+2.8, y+0.8)
	}
}

func (w *pdfWriter) checklist(c *Checklist) {
	const indent = 6.5
	tw := pdfTextW - indent
	for _, it := range c.Items {
		w.font("", pdfBody)
		lines := w.split(it.Text, tw)
		var detail []string
		if it.Detail != "" {
			w.font("", pdfSmall)
			detail = w.split(it.Detail, tw)
		}
		h := float64(len(lines))*pdfLH + float64(len(detail))*pdfSmallLH + 1
		if h <= pdfBottom-pdfMarginT {
			w.ensure(h)
		} else {
			w.ensure(3 * pdfLH)
		}
		y := w.p.GetY()
		w.box(pdfMarginL+0.3, y+0.7, it.Checked)
		w.font("", pdfBody)
		for _, l := range lines {
			w.p.SetX(pdfMarginL + indent)
			w.p.CellFormat(tw, pdfLH, l, "", 2, "L", false, 0, "")
		}
		if len(detail) > 0 {
			w.font("", pdfSmall)
			w.grey(true)
			for _, l := range detail {
				w.p.SetX(pdfMarginL + indent)
				w.p.CellFormat(tw, pdfSmallLH, l, "", 2, "L", false, 0, "")
			}
			w.grey(false)
		}
		w.p.Ln(1)
		w.dirty = true
	}
	w.p.Ln(1.5)
}

// pdfRow is a table row laid out: the lines of every cell.
type pdfRow struct {
	cells [][]string
	h     float64
}

func (w *pdfWriter) layoutRow(cells []string, widths []float64, style string) pdfRow {
	w.font(style, pdfTable)
	r := pdfRow{cells: make([][]string, len(widths))}
	n := 1
	for i, wd := range widths {
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		r.cells[i] = w.split(c, wd-2*pdfPad)
		n = max(n, len(r.cells[i]))
	}
	r.h = float64(n)*pdfTableLH + 2*pdfPad
	return r
}

// drawRow draws a row (or lines [from, to) of it) at the current position.
func (w *pdfWriter) drawRow(r pdfRow, widths []float64, style string, fill bool, from, to int) {
	w.font(style, pdfTable)
	y := w.p.GetY()
	h := float64(to-from)*pdfTableLH + 2*pdfPad
	x := pdfMarginL
	w.p.SetDrawColor(170, 170, 170)
	w.p.SetLineWidth(0.2)
	w.p.SetFillColor(232, 232, 232)
	for i, wd := range widths {
		if fill {
			w.p.Rect(x, y, wd, h, "FD")
		} else {
			w.p.Rect(x, y, wd, h, "D")
		}
		for li := from; li < to && li < len(r.cells[i]); li++ {
			w.p.SetXY(x+pdfPad, y+pdfPad+float64(li-from)*pdfTableLH)
			w.p.CellFormat(wd-2*pdfPad, pdfTableLH, r.cells[i][li], "", 0, "L", false, 0, "")
		}
		x += wd
	}
	w.p.SetXY(pdfMarginL, y+h)
}

// table draws a table whose header row repeats on every page. A row moves to
// the next page as a whole; only a row taller than a page is split by lines.
func (w *pdfWriter) table(header []string, rel []float64, rows [][]string) {
	widths := w.widths(rel, len(header))
	hr := w.layoutRow(header, widths, "B")
	w.rows(hr, widths, rows, false)
}

func (w *pdfWriter) widths(rel []float64, n int) []float64 {
	out := make([]float64, n)
	total := 0.0
	for i := range n {
		v := 1.0 / float64(n)
		if i < len(rel) && rel[i] > 0 {
			v = rel[i]
		}
		out[i] = v
		total += v
	}
	for i := range out {
		out[i] = out[i] / total * pdfTextW
	}
	return out
}

// rows draws the header hr and the rows; keep keeps all rows on one page
// when they fit on one.
func (w *pdfWriter) rows(hr pdfRow, widths []float64, rows [][]string, keep bool) {
	laid := make([]pdfRow, len(rows))
	total := hr.h
	for i, r := range rows {
		laid[i] = w.layoutRow(r, widths, "")
		total += laid[i].h
	}
	hw := widths
	if len(hr.cells) == 1 {
		hw = []float64{pdfTextW}
	}
	usable := pdfBottom - pdfMarginT
	first := hr.h
	if len(laid) > 0 {
		first += min(laid[0].h, usable-hr.h)
	}
	// A card that does not fit moves to a new page, unless at least half of
	// it fits here (its title row then repeats on the next page).
	if keep && total <= usable && pdfBottom-w.p.GetY() < total/2 {
		w.ensure(total)
	} else {
		w.ensure(first)
	}
	w.drawRow(hr, hw, "B", true, 0, len(hr.cells[0]))
	w.dirty = true
	for _, r := range laid {
		if w.fits(r.h) {
			w.drawRow(r, widths, "", false, 0, lineCount(r))
			continue
		}
		if r.h <= usable-hr.h {
			w.newPage()
			w.drawRow(hr, hw, "B", true, 0, len(hr.cells[0]))
			w.dirty = true
			w.drawRow(r, widths, "", false, 0, lineCount(r))
			continue
		}
		// A row taller than a page: fill the pages line by line.
		n := lineCount(r)
		for from := 0; from < n; {
			room := int((pdfBottom - w.p.GetY() - 2*pdfPad) / pdfTableLH)
			if room < 1 {
				w.newPage()
				w.drawRow(hr, hw, "B", true, 0, len(hr.cells[0]))
				w.dirty = true
				continue
			}
			to := min(n, from+room)
			w.drawRow(r, widths, "", false, from, to)
			from = to
		}
	}
	w.p.Ln(3)
}

func lineCount(r pdfRow) int {
	n := 1
	for _, c := range r.cells {
		n = max(n, len(c))
	}
	return n
}

// card draws a record card: a title row over label/value rows, kept on one
// page when it fits.
func (w *pdfWriter) card(c *KeyValue) {
	widths := []float64{pdfTextW * 0.3, pdfTextW * 0.7}
	hr := w.layoutRow([]string{c.Title}, []float64{pdfTextW}, "B")
	rows := make([][]string, len(c.Rows))
	for i, kv := range c.Rows {
		rows[i] = []string{kv.Key, kv.Value}
	}
	w.rows(hr, widths, rows, true)
}

func (w *pdfWriter) signature(s *Signature) {
	w.ensure(70)
	w.paragraph(&Paragraph{Runs: []Run{{Text: s.Intro}}})
	w.p.Ln(10)
	colW := (pdfTextW - 12) / 2
	pair := func(a, b KV) {
		y := w.p.GetY()
		for i, kv := range []KV{a, b} {
			x := pdfMarginL + float64(i)*(colW+12)
			w.font("", pdfBody)
			w.p.SetXY(x, y)
			w.p.CellFormat(colW, 6, w.split(kv.Value, colW)[0], "", 0, "L", false, 0, "")
			w.p.SetDrawColor(40, 40, 40)
			w.p.SetLineWidth(0.3)
			w.p.Line(x, y+7, x+colW, y+7)
			w.font("", pdfSmall)
			w.grey(true)
			w.p.SetXY(x, y+7.5)
			w.p.CellFormat(colW, 4, PDFSanitize(kv.Key), "", 0, "L", false, 0, "")
			w.grey(false)
		}
		w.p.SetXY(pdfMarginL, y+17)
	}
	pair(s.Place, s.Date)
	pair(s.Name, s.Role)
	w.p.Ln(8)
	y := w.p.GetY()
	w.p.SetDrawColor(40, 40, 40)
	w.p.Line(pdfMarginL, y+7, pdfMarginL+colW, y+7)
	w.font("", pdfSmall)
	w.grey(true)
	w.p.SetXY(pdfMarginL, y+7.5)
	w.p.CellFormat(colW, 4, PDFSanitize(Msg.Get(w.d.Lang, "sign_line")), "", 0, "L", false, 0, "")
	w.grey(false)
	w.dirty = true
}
