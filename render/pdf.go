package render

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/go-pdf/fpdf"
)

// Page geometry (mm) and type sizes (pt) of the PDF.
const (
	pdfPageW   = 210.0
	pdfPageH   = 297.0
	pdfMarginL = 20.0
	pdfMarginR = 20.0
	pdfMarginT = 22.0
	pdfBottom  = 277.0 // lowest y content may reach (portrait)
	pdfFootH   = pdfPageH - pdfBottom
	pdfTextW   = pdfPageW - pdfMarginL - pdfMarginR
	pdfBody    = 10.0
	pdfLH      = 5.0
	pdfTable   = 8.5
	pdfTableLH = 4.0
	pdfSmall   = 8.5
	pdfSmallLH = 4.0
	pdfPad     = 1.2 // cell padding
	pdfReg     = 8.0 // register text (pt)
	pdfRegLH   = 3.6
	pdfFont    = "go"
	tocLineH   = 6.5
)

// WritePDF returns the document as an A4 PDF: Go fonts embedded, running
// header with title and date, footer "Seite X von Y", a table of contents
// with links, bookmarks for headings, table headers repeated on every page,
// rows never split when they fit on a page, vector check boxes. The output
// depends only on the document (fixed dates, sorted catalogues).
func WritePDF(d *Document) ([]byte, error) {
	return writePDF(d, true)
}

// writePDF is WritePDF; early false compresses every page at the end, as
// one stream (for tests: the pages must look the same).
func writePDF(d *Document, early bool) ([]byte, error) {
	prepared := takePDFBase()
	metrics := pdfFaceMetrics()
	w := &pdfWriter{d: d, links: map[string]int{}, pages: map[string]int{}, pageW: pdfPageW, textW: pdfTextW, bottom: pdfBottom,
		ownFonts: metrics[0] != nil && metrics[1] != nil && metrics[2] != nil}
	// The tables are laid out on another goroutine meanwhile, which then
	// compresses finished pages (see pdfEarly).
	laying := w.prelay(d.Blocks)
	var p *fpdf.Fpdf
	if prepared != nil {
		p = <-prepared
	} else {
		p = pdfBase()
	}
	w.p = p
	if early {
		w.early = newPDFEarly(p)
	}
	switch {
	case laying:
		w.handoff <- w.early
	case w.early != nil:
		go w.early.run()
	}
	defer w.early.stop()
	ts := d.stamp()
	p.SetCreationDate(ts)
	p.SetModificationDate(ts)
	p.SetProducer("tom", false)
	p.SetCreator("tom", false)
	p.SetTitle(PDFSanitize(d.Title), true)
	if d.Org != "" {
		p.SetSubject(PDFSanitize(d.Org), true)
	}
	p.SetKeywords(d.OrgKey(), false)
	p.SetLang(d.langTag())
	p.SetMargins(pdfMarginL, pdfMarginT, pdfMarginR)
	p.SetAutoPageBreak(true, pdfPageH-pdfBottom)
	p.SetHeaderFuncMode(w.header, true)
	p.AddPage()
	for i, bl := range d.Blocks {
		w.cur, w.next = i, nil
		if i+1 < len(d.Blocks) {
			w.next = d.Blocks[i+1]
		}
		w.block(bl)
	}
	w.fillTOC()
	w.footers()
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	var out keepWriter
	if err := p.Output(&out); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return pdfCompress(out.b, w.runs, w.early)
}

// keepWriter keeps what is written to it; fpdf's Output writes its whole
// buffer in one call, which is then kept without a copy (the fpdf is not
// used again).
type keepWriter struct{ b []byte }

func (k *keepWriter) Write(p []byte) (int, error) {
	if k.b == nil {
		k.b = p
	} else {
		k.b = append(k.b[:len(k.b):len(k.b)], p...)
	}
	return len(p), nil
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
	wide     bool           // landscape pages
	pageW    float64        // width of the current page
	textW    float64        // width between the margins
	bottom   float64        // lowest y content may reach
	drawn    [2]glyphSet    // runes fpdf has drawn, per face
	run      textRun        // reused for every table row
	// the font last selected (fontSet false: select it again)
	fontSet   bool
	fontStyle string
	fontSize  float64
	slow      []pdfLineRef // reused for every table row
	// the fpdf embeds pdfFaces, whose metrics pdfFaceMetrics holds
	ownFonts bool
	cur      int            // the index of the block being written
	pre      []*pdfPre      // tables laid out beforehand, by block (see prelay)
	runs     [][]byte       // page content that pdfCompress puts in place
	early    *pdfEarly      // compresses finished pages meanwhile (nil: at the end)
	handoff  chan *pdfEarly // to prelay's goroutine, which runs it
	// the running header's lines for the text width wd (the same on
	// every page of an orientation)
	head struct {
		ok    bool
		wd    float64
		lines []string
	}
	// the last fitLeft question and answer (the running header asks the
	// same on every page)
	fitKey fitQuery
	fitVal string
}

type fitQuery struct {
	s         string
	wd, size  float64
	style     string
	validFont bool
}

// font selects a face and size.
//
// fpdf writes a font operator for every SetFont call, so a call that
// changes nothing is skipped; SetPage forgets the font (see setPage).
func (w *pdfWriter) font(style string, size float64) {
	if w.fontSet && w.fontStyle == style && w.fontSize == size {
		return
	}
	w.p.SetFont(pdfFont, style, size)
	w.fontSet, w.fontStyle, w.fontSize = true, style, size
}

// setPage goes back to page n, whose content stream needs a font operator
// before its first text.
func (w *pdfWriter) setPage(n int) {
	w.p.SetPage(n)
	w.fontSet = false
}

func (w *pdfWriter) grey(on bool) {
	if on {
		w.p.SetTextColor(90, 90, 90)
	} else {
		w.p.SetTextColor(20, 20, 20)
	}
}

func (w *pdfWriter) header() {
	// fpdf calls the header when it starts a page: the one before is done.
	w.early.finish(w.p.PageNo()-1, w.runs)
	if w.p.PageNo() == 1 {
		return
	}
	// fpdf selects the font of before the page break again after the header
	set, style, size := w.fontSet, w.fontStyle, w.fontSize
	defer func() { w.fontSet, w.fontStyle, w.fontSize = set, style, size }()
	w.font("", 8)
	w.grey(true)
	w.p.SetXY(pdfMarginL, 10)
	if !w.head.ok || w.head.wd != w.textW {
		run := PDFSanitize(Msg.Get(w.d.Lang, "running_header", w.d.Title, w.d.StandFmt))
		if org := PDFSanitize(w.d.Org); org != "" {
			run = w.fitLeft(org, w.textW-w.p.GetStringWidth(" · "+run)-2) + " · " + run
		}
		w.head.lines = w.p.SplitText(run, w.textW)
		w.head.wd, w.head.ok = w.textW, true
	}
	if lines := w.head.lines; len(lines) > 0 {
		w.p.CellFormat(w.textW, 4, lines[0], "", 0, "L", false, 0, "")
	}
	w.p.SetDrawColor(160, 160, 160)
	w.p.SetLineWidth(0.2)
	w.p.Line(pdfMarginL, 15, w.pageW-pdfMarginR, 15)
	w.grey(false)
}

// fitLeft returns s, or its beginning with "…" if s is wider than wd in
// the current font (the running header keeps title and date whole and
// shortens a long organisation name). The cut is found by binary search
// over the prefix length, so a long name costs O(n log n) once; the result
// is kept for the next pages.
func (w *pdfWriter) fitLeft(s string, wd float64) string {
	q := fitQuery{s: s, wd: wd, size: w.fontSize, style: w.fontStyle, validFont: w.fontSet}
	if q.validFont && q == w.fitKey {
		return w.fitVal
	}
	w.fitKey, w.fitVal = q, w.cutToWidth(s, wd)
	return w.fitVal
}

func (w *pdfWriter) cutToWidth(s string, wd float64) string {
	if w.p.GetStringWidth(s) <= wd {
		return s
	}
	rs := []rune(s)
	short := func(n int) string { return strings.TrimRight(string(rs[:n]), " ,·-–") + "…" }
	// The longest prefix n (1 <= n < len) whose shortened form fits; widths
	// grow with n, so the fitting prefixes form a range starting at 1.
	lo, hi := 0, len(rs)-1 // short(lo) fits (lo = 0 means none found yet); short(hi+1) does not
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if w.p.GetStringWidth(short(mid)) <= wd {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "…"
	}
	return short(lo)
}

// footers writes "Seite X von Y" on every page but the cover, once the
// number of pages is known (cheaper than fpdf's page-count alias, which
// rewrites every page).
func (w *pdfWriter) footers() {
	n := w.p.PageCount()
	last := w.p.PageNo()
	format := Msg.Get(w.d.Lang, "page_of")
	for i := 2; i <= n; i++ {
		w.setPage(i)
		// Force a font selection on this page's content stream.
		w.font("I", 9)
		w.font("", 8)
		w.p.SetFillColor(255, 255, 255)
		w.grey(true)
		pw, _, _ := w.p.PageSize(i)
		// fpdf's SetPage keeps the current page's height for converting y,
		// so place the baseline relative to that height: 13 mm above the
		// bottom edge of page i whatever its orientation.
		_, hCur := w.p.GetPageSize()
		s := fmt.Sprintf(format, i, strconv.Itoa(n))
		w.p.Text((pw-w.p.GetStringWidth(s))/2, hCur-13+2+0.3*8*25.4/72, s)
		if foot := w.footerLine(pw); foot != "" {
			w.font("", 7)
			w.p.Text((pw-w.p.GetStringWidth(foot))/2, hCur-17+2+0.3*7*25.4/72, foot)
			w.font("", 8)
		}
	}
	w.grey(false)
	w.setPage(last)
}

// footerLine is the branding's footer text, cut to the page width.
func (w *pdfWriter) footerLine(pw float64) string {
	b := w.d.Brand
	if b == nil || strings.TrimSpace(b.Footer) == "" {
		return ""
	}
	w.font("", 7)
	s := strings.Join(strings.Fields(PDFSanitize(b.Footer)), " ")
	return w.cutToWidth(s, pw-pdfMarginL-pdfMarginR)
}

func (w *pdfWriter) newPage() {
	if w.wide {
		w.p.AddPageFormat("L", fpdf.SizeType{Wd: pdfPageW, Ht: pdfPageH})
	} else {
		w.p.AddPage()
	}
	w.dirty = false
}

// setLayout starts a page in portrait or landscape orientation.
func (w *pdfWriter) setLayout(wide bool) {
	if wide == w.wide {
		return
	}
	w.wide = wide
	w.pageW, w.bottom = pdfPageW, pdfBottom
	orient := "P"
	if wide {
		w.pageW, w.bottom = pdfPageH, pdfPageW-pdfFootH
		orient = "L"
	}
	w.textW = w.pageW - pdfMarginL - pdfMarginR
	w.p.AddPageFormat(orient, fpdf.SizeType{Wd: pdfPageW, Ht: pdfPageH})
	w.p.SetAutoPageBreak(true, pdfFootH)
	w.dirty = false
}

// ensure starts a new page unless h mm fit below the current position.
func (w *pdfWriter) ensure(h float64) {
	if w.p.GetY()+h > w.bottom && w.dirty {
		w.newPage()
	}
}

// fits reports whether h mm fit below the current position.
func (w *pdfWriter) fits(h float64) bool { return w.p.GetY()+h <= w.bottom }

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
	case *PageLayout:
		w.setLayout(x.Landscape)
	case *Heading:
		w.heading(x)
	case *Paragraph:
		w.paragraph(x)
	case *Checklist:
		w.checklist(x)
	case *Bars:
		w.bars(x)
	case *Table, *KeyValue:
		w.tableBlock(w.cur, bl)
	case *List:
		for _, it := range x.Items {
			w.paragraph(&Paragraph{Runs: []Run{{Text: strings.Repeat("    ", it.Level) + it.bulletText()}}})
		}
	case *Records:
		if len(x.Rows) == 0 {
			w.paragraph(&Paragraph{Runs: []Run{{Text: x.Empty}}})
		} else {
			w.tableBlock(w.cur, bl)
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
	return w.measure().split(s, wd)
}

// splitLines wraps one paragraph (no newlines) in the current font.
func (w *pdfWriter) splitLines(s string, wd float64) []string {
	return w.measure().splitLines(s, wd)
}

// measure returns the measure of the current font.
func (w *pdfWriter) measure() pdfMeasure {
	ms := pdfMeasure{p: w.p, margin: w.p.GetCellMargin()}
	_, ms.unit = w.p.GetFontSize()
	if w.ownFonts && w.fontSet {
		ms.m = faceMetrics(w.fontStyle)
	}
	return ms
}

func (w *pdfWriter) cover(c *Cover) {
	w.brandTop()
	w.p.SetY(70)
	w.font("B", 24)
	w.multi(pdfMarginL, pdfTextW, 11, c.Title)
	w.p.Ln(3)
	w.font("", 14)
	w.grey(true)
	w.multi(pdfMarginL, pdfTextW, 7, c.Subtitle)
	w.grey(false)
	w.p.SetDrawColor(60, 60, 60)
	if r, g, b, ok := w.d.Brand.accentRGB(); ok {
		w.p.SetDrawColor(r, g, b)
	}
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
		// Every line of a long value (a long "Erstellt von"), as far as
		// the page goes.
		for i, l := range w.split(kv.Value, pdfTextW-48) {
			if i > 0 {
				y += 5
			}
			if y > pdfBottom-3 {
				break
			}
			w.p.SetXY(pdfMarginL+48, y)
			w.p.CellFormat(pdfTextW-48, 6, l, "", 0, "L", false, 0, "")
		}
		y += 7
	}
	w.dirty = true
}

// brandTop draws the consultant's logo (top right) and name, address and
// contact (top left) above the cover's title.
func (w *pdfWriter) brandTop() {
	b := w.d.Brand
	if b == nil {
		return
	}
	const top, logoMaxW, logoMaxH = 20.0, 60.0, 30.0
	textW := pdfTextW
	if len(b.Logo) > 0 {
		if img, typ, err := pdfLogo(b); err == nil {
			info := w.p.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(img))
			if info != nil && w.p.Error() == nil {
				iw, ih := info.Width(), info.Height()
				scale := math.Min(logoMaxW/iw, logoMaxH/ih)
				iw, ih = iw*scale, ih*scale
				w.p.ImageOptions("logo", w.pageW-pdfMarginR-iw, top, iw, ih, false, fpdf.ImageOptions{ImageType: typ}, 0, "")
				textW = pdfTextW - iw - 6
			}
		}
	}
	lines := b.Lines()
	if len(lines) == 0 {
		return
	}
	w.font("", 9)
	w.grey(true)
	y, n := top, 0
	for i, l := range lines {
		size := 9.0
		if i == 0 && b.Name != "" {
			w.font("B", 10)
			size = 10
		} else {
			w.font("", 9)
		}
		for _, part := range w.split(l, textW) {
			if n == 8 { // the title starts at 70 mm
				break
			}
			w.p.SetXY(pdfMarginL, y)
			w.p.CellFormat(textW, 4.5, part, "", 0, "L", false, 0, "")
			y += size * 0.5
			n++
		}
	}
	w.grey(false)
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
	w.setPage(page)
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
			w.setPage(page)
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
	w.setPage(last)
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
	lines := w.split(h.Label(), w.textW)
	// keep the heading with at least a few lines of what follows (and with
	// the next heading, if one follows directly)
	keep := 22.0
	switch w.next.(type) {
	case *Heading:
		keep += 30
	case *Signature:
		keep = pdfSignatureH
	}
	w.ensure(before + float64(len(lines))*lh + keep)
	if w.dirty {
		w.p.Ln(before)
	}
	link := w.p.AddLink()
	w.p.SetLink(link, w.p.GetY(), w.p.PageNo())
	w.links[h.ID] = link
	w.pages[h.ID] = w.p.PageNo()
	w.p.Bookmark(PDFSanitize(h.Label()), max(h.Level, 1)-1, -1)
	for _, l := range lines {
		w.p.SetX(pdfMarginL)
		w.p.CellFormat(w.textW, lh, l, "", 2, "L", false, 0, "")
	}
	if h.Level <= 1 {
		w.p.SetDrawColor(120, 120, 120)
		w.p.SetLineWidth(0.3)
		w.p.Line(pdfMarginL, w.p.GetY()+0.5, w.pageW-pdfMarginR, w.p.GetY()+0.5)
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
		w.multi(pdfMarginL, w.textW, lh, pa.Text())
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

// box draws the check box for mark m at (x, y): empty (open), ticked
// (done), ticked white on black (detected by a scan), or with a dash (does
// not apply).
func (w *pdfWriter) box(x, y float64, m Mark) {
	const s = 3.4
	w.p.SetDrawColor(40, 40, 40)
	w.p.SetLineWidth(0.25)
	switch m {
	case MarkDetected:
		w.p.SetFillColor(40, 40, 40)
		w.p.Rect(x, y, s, s, "FD")
		w.p.SetDrawColor(255, 255, 255)
	case MarkNA:
		w.p.SetDrawColor(120, 120, 120)
		w.p.Rect(x, y, s, s, "D")
		w.p.SetLineWidth(0.5)
		w.p.Line(x+0.8, y+s/2, x+s-0.8, y+s/2)
		return
	default:
		w.p.Rect(x, y, s, s, "D")
	}
	if m.Checked() {
		w.p.SetLineWidth(0.5)
		w.p.Line(x+0.7, y+1.8, x+1.4, y+2.7)
		w.p.Line(x+1.4, y+2.7, x+2.8, y+0.8)
	}
}

func (w *pdfWriter) checklist(c *Checklist) {
	const indent = 6.5
	tw := w.textW - indent
	for _, it := range c.Items {
		w.font("", pdfBody)
		lines := w.split(it.Text, tw)
		tag, tagOwnLine := "", false
		if it.Tag != "" {
			last := w.p.GetStringWidth(lines[len(lines)-1])
			w.font("B", pdfSmall)
			tag = PDFSanitize(" (" + it.Tag + ")")
			tagOwnLine = last+w.p.GetStringWidth(tag) > tw
		}
		var detail []string
		if it.Detail != "" {
			w.font("", pdfSmall)
			detail = w.split(it.Detail, tw)
		}
		n := len(lines)
		if tagOwnLine {
			n++
		}
		h := float64(n)*pdfLH + float64(len(detail))*pdfSmallLH + 1
		if h <= w.bottom-pdfMarginT {
			w.ensure(h)
		} else {
			w.ensure(3 * pdfLH)
		}
		y := w.p.GetY()
		w.box(pdfMarginL+0.3, y+0.7, it.Mark)
		w.font("", pdfBody)
		w.grey(it.Mark == MarkNA)
		for _, l := range lines {
			w.p.SetX(pdfMarginL + indent)
			w.p.CellFormat(tw, pdfLH, l, "", 2, "L", false, 0, "")
		}
		w.grey(false)
		if tag != "" {
			x := pdfMarginL + indent
			if tagOwnLine {
				tag = tag[1:]
			} else {
				x += w.p.GetStringWidth(lines[len(lines)-1])
				w.p.SetY(w.p.GetY() - pdfLH)
			}
			w.font("B", pdfSmall)
			w.p.SetX(x)
			w.p.CellFormat(tw, pdfLH, tag, "", 2, "L", false, 0, "")
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

// pdfLine is one line of a table cell: its first grey bytes are a label
// drawn in grey; bold lines use the bold face.
type pdfLine struct {
	s    string
	grey int
	bold bool
}

// pdfRow is a table row laid out: the lines of every cell.
type pdfRow struct {
	cells [][]pdfLine
	h     float64
}

// pdfType is the type size and line height of a table.
type pdfType struct{ size, lh float64 }

var (
	pdfTableType = pdfType{pdfTable, pdfTableLH}
	pdfRegType   = pdfType{pdfReg, pdfRegLH}
)

// plainLines turns wrapped lines into cell lines.
func plainLines(ls []string, bold bool) []pdfLine {
	out := make([]pdfLine, len(ls))
	for i, l := range ls {
		out[i] = pdfLine{s: l, bold: bold}
	}
	return out
}

// pdfLayout lays out table rows with a font state of its own and, when the
// faces are pdfFaces, with their metrics: no fpdf call is made, so that
// the tables of a document can be laid out on another goroutine while the
// writer draws what comes before them (see prelay). fpdf writes every font
// selection into the page, so the selections a layout makes are recorded
// and replayed by the writer (see useLaid) where the layout used to make
// them.
type pdfLayout struct {
	k, margin float64    // fpdf's points per mm and cell margin
	w         *pdfWriter // without own metrics: lay out with the writer's fpdf
	style     string
	size      float64
	set       bool
}

// newLayout returns a layout for the writer's document.
func (w *pdfWriter) newLayout() *pdfLayout {
	l := &pdfLayout{k: pdfK} // the margin is 0 (see pdfBase)
	if !w.ownFonts {
		l.w = w
	}
	return l
}

func (l *pdfLayout) font(style string, size float64) {
	if l.w != nil {
		l.w.font(style, size)
		return
	}
	if l.set && l.style == style && l.size == size {
		return
	}
	l.style, l.size, l.set = style, size, true
}

// measure returns the measure of the layout's font (fpdf's unit size is
// the size in points over k).
func (l *pdfLayout) measure() pdfMeasure {
	if l.w != nil {
		return l.w.measure()
	}
	return pdfMeasure{m: faceMetrics(l.style), unit: l.size / l.k, margin: l.margin}
}

func (l *pdfLayout) row(cells []string, widths []float64, style string, t pdfType) pdfRow {
	l.font(style, t.size)
	ms := l.measure()
	r := pdfRow{cells: make([][]pdfLine, len(widths))}
	for i, wd := range widths {
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		r.cells[i] = plainLines(ms.split(c, wd-2*pdfPad), style == "B")
	}
	r.h = float64(lineCount(r))*t.lh + 2*pdfPad
	return r
}

// labelLines wraps "label: value" to width wd in the layout's (regular)
// font and marks the label part of the lines grey.
func (l *pdfLayout) labelLines(dst []pdfLine, label, value string, wd float64) []pdfLine {
	ms := l.measure()
	label = PDFSanitize(label)
	label += labelSep(label)
	value = PDFSanitize(value)
	first, rest, more := strings.Cut(value, "\n")
	full := label + first
	pos := 0
	for _, l := range ms.wrap(full, wd) {
		// lines are substrings of full; a break at a space drops the space
		if !strings.HasPrefix(full[pos:], l) && pos < len(full) {
			pos++
		}
		g := min(max(len(label)-pos, 0), len(l))
		dst = append(dst, pdfLine{s: l, grey: g})
		pos += len(l)
	}
	if more {
		for _, l := range ms.split(rest, wd) {
			dst = append(dst, pdfLine{s: l})
		}
	}
	return dst
}

// pdfLaid is a table laid out for the text width textW: the header row
// (drawn with widths hw) and the rows.
type pdfLaid struct {
	textW      float64
	widths, hw []float64
	hr         pdfRow
	rows       []pdfRow
	// more brings the rows after rows while they are laid out (see
	// layStream); nil when rows holds them all.
	more <-chan []pdfRow
	keep bool // keep all rows on one page when they fit on one; only without more
	t    pdfType
}

// lay lays out a block drawn as a table (a table, a register, a record
// card) for the text width textW; nil for other blocks.
func (l *pdfLayout) lay(bl Block, textW float64) *pdfLaid {
	l.set = false
	var out *pdfLaid
	switch x := bl.(type) {
	case *Table:
		out = l.table(x.Header, x.Widths, x.Rows, textW)
	case *KeyValue:
		out = &pdfLaid{widths: []float64{textW * 0.3, textW * 0.7}, hw: []float64{textW}, keep: true, t: pdfTableType}
		out.hr = l.row([]string{x.Title}, out.hw, "B", pdfTableType)
		out.rows = make([]pdfRow, len(x.Rows))
		for i, kv := range x.Rows {
			out.rows[i] = l.row([]string{kv.Key, kv.Value}, out.widths, "", pdfTableType)
		}
	case *Records:
		switch {
		case len(x.Rows) == 0:
			return nil
		case x.Columns != nil:
			out = l.register(x, textW)
		default:
			t := x.FullTable()
			out = l.table(t.Header, t.Widths, t.Rows, textW)
		}
	default:
		return nil
	}
	out.textW = textW
	return out
}

func (l *pdfLayout) table(header []string, rel []float64, rows [][]string, textW float64) *pdfLaid {
	out := &pdfLaid{widths: columnWidths(rel, len(header), textW), t: pdfTableType}
	out.hw = out.widths
	if len(header) == 1 {
		out.hw = []float64{textW}
	}
	out.hr = l.row(header, out.widths, "B", pdfTableType)
	out.rows = make([]pdfRow, len(rows))
	for i, r := range rows {
		out.rows[i] = l.row(r, out.widths, "", pdfTableType)
	}
	return out
}

// register lays out a wide register in its columns: a number column, then
// per column the head value (bold in the first column) and "label: value"
// lines with grey labels.
func (l *pdfLayout) register(r *Records, textW float64) *pdfLaid {
	out := l.registerHead(r, textW)
	out.rows = l.registerRows(r, out.widths, 0, len(r.Rows))
	return out
}

// registerHead is a register's layout without its rows.
func (l *pdfLayout) registerHead(r *Records, textW float64) *pdfLaid {
	header, rel := r.ColumnHead()
	widths := columnWidths(rel, len(rel), textW)
	out := &pdfLaid{textW: textW, widths: widths, hw: widths, t: pdfRegType}
	if len(rel) == 1 {
		out.hw = []float64{textW}
	}
	out.hr = l.row(header, widths, "B", pdfRegType)
	return out
}

// registerRows lays out the register's rows [from, to).
func (l *pdfLayout) registerRows(r *Records, widths []float64, from, to int) []pdfRow {
	rows := make([]pdfRow, 0, to-from)
	for i := from; i < to; i++ {
		row := pdfRow{cells: make([][]pdfLine, len(widths))}
		l.font("", pdfReg)
		row.cells[0] = []pdfLine{{s: strconv.Itoa(i + 1)}}
		for j, c := range r.Columns {
			wd := widths[j+1] - 2*pdfPad
			var lines []pdfLine
			r.CellLines(i, c, func(label, value string) {
				if label != "" {
					lines = l.labelLines(lines, label, value, wd)
					return
				}
				if j == 0 {
					l.font("B", pdfReg)
					lines = append(lines, plainLines(l.measure().split(value, wd), true)...)
					l.font("", pdfReg)
					return
				}
				lines = append(lines, plainLines(l.measure().split(value, wd), false)...)
			})
			row.cells[j+1] = lines
		}
		row.h = float64(lineCount(row))*pdfRegLH + 2*pdfPad
		rows = append(rows, row)
	}
	return rows
}

// pdfChunk is how many rows of a long register the layout hands to the
// writer at a time (see layStream).
const pdfChunk = 32

// layStream lays out bl like lay and sends the result on done. A register
// of more than pdfChunk rows is sent after its first chunk of rows; the
// other chunks follow on its channel more, so that the writer draws the
// first rows while the rest are laid out.
func (l *pdfLayout) layStream(bl Block, textW float64, done chan<- *pdfLaid) {
	r, ok := bl.(*Records)
	if !ok || r.Columns == nil || len(r.Rows) <= pdfChunk {
		done <- l.lay(bl, textW)
		return
	}
	l.set = false
	out := l.registerHead(r, textW)
	n := len(r.Rows)
	out.rows = l.registerRows(r, out.widths, 0, pdfChunk)
	// room for every chunk: the layout never waits for the writer, which
	// may also drop the layout (see tableBlock)
	more := make(chan []pdfRow, (n-1)/pdfChunk)
	out.more = more
	done <- out
	for from := pdfChunk; from < n; from += pdfChunk {
		more <- l.registerRows(r, out.widths, from, min(from+pdfChunk, n))
	}
	close(more)
}

// all yields the laid-out rows in order, waiting for those still being
// laid out.
func (t *pdfLaid) all(yield func(pdfRow) bool) {
	for _, r := range t.rows {
		if !yield(r) {
			return
		}
	}
	if t.more == nil {
		return
	}
	for chunk := range t.more {
		for _, r := range chunk {
			if !yield(r) {
				return
			}
		}
	}
}

// drawRow draws a row (or lines [from, to) of it) at the current position:
// the cell borders, then the grey labels, the plain and the bold text, so
// that colour and font change only a few times per row.
func (w *pdfWriter) drawRow(r pdfRow, widths []float64, t pdfType, fill bool, from, to int) {
	y := w.p.GetY()
	h := float64(to-from)*t.lh + 2*pdfPad
	x := pdfMarginL
	op := "S" // as fpdf's Rect writes "D" and "FD"
	if fill {
		op = "B"
	}
	k := w.p.GetConversionRatio()
	_, ph := w.p.GetPageSize()
	// Borders in grey 170 at 0.2 mm, header filled with grey 232; then the
	// text colour and the fill colour dark (20): text takes the fill colour
	// when text and fill colour agree, so text needs no colour of its own
	// in the page content. When fpdf's state already is what a row leaves
	// (every row after the first on a page), the row writes the operators
	// fpdf's setters would write itself, with the borders.
	if w.rowState() {
		w.addRun(w.run.rects(pdfRowOps+"\n", k, ph, x, y, h, widths, op, "\n"+pdfDarkOp))
	} else {
		w.p.SetDrawColor(170, 170, 170)
		w.p.SetLineWidth(0.2)
		w.p.SetFillColor(232, 232, 232)
		w.addRun(w.run.rects("", k, ph, x, y, h, widths, op, ""))
		w.p.SetTextColor(20, 20, 20)
		w.p.SetFillColor(20, 20, 20)
	}
	// baseline as CellFormat places it: half the line height plus 0.3 em
	base := y + pdfPad + t.lh/2 + 0.3*t.size*25.4/72
	// Lines whose runes fpdf has drawn before go into one text object per
	// face (see textRun); the others are drawn by fpdf first, grey labels
	// and then the rest.
	first := faceRegular
	if w.fontSet && w.fontStyle == "B" && w.fontSize == t.size {
		first = faceBold // one font change per row instead of two
	}
	for f := range 2 {
		face := (first + f) % 2
		bold := face == faceBold
		if bold {
			w.font("B", t.size)
		} else {
			w.font("", t.size)
		}
		run := &w.run
		run.start(k, ph)
		slow := w.slow[:0]
		x = pdfMarginL
		for i, wd := range widths {
			for li := from; li < to && li < len(r.cells[i]); li++ {
				l := r.cells[i][li]
				if l.bold != bold || l.s == "" {
					continue
				}
				if !w.known(face, l.s) {
					slow = append(slow, pdfLineRef{x + pdfPad, base + float64(li-from)*t.lh, l})
					continue
				}
				run.move(x+pdfPad, base+float64(li-from)*t.lh)
				if l.grey > 0 {
					run.show(l.s[:l.grey], true)
				}
				if l.grey < len(l.s) {
					run.show(l.s[l.grey:], false)
				}
			}
			x += wd
		}
		if len(slow) > 0 {
			w.slowLines(slow, face)
		}
		w.slow = slow
		w.addRun(run.finish())
	}
	w.p.SetXY(pdfMarginL, y+h)
}

// rowState reports whether fpdf's colours and line width are those a table
// row leaves: borders grey 170 at 0.2 mm, fill and text dark (20).
func (w *pdfWriter) rowState() bool {
	if w.p.GetLineWidth() != 0.2 {
		return false
	}
	if r, g, b := w.p.GetDrawColor(); r != 170 || g != 170 || b != 170 {
		return false
	}
	if r, g, b := w.p.GetFillColor(); r != 20 || g != 20 || b != 20 {
		return false
	}
	r, g, b := w.p.GetTextColor()
	return r == 20 && g == 20 && b == 20
}

// addRun writes a marker for the content b, kept out of fpdf's buffers
// until pdfCompress puts it in place (see runMarker); nothing for empty b.
func (w *pdfWriter) addRun(b []byte) {
	if len(b) == 0 {
		return
	}
	w.p.RawWriteStr(runMarker + strconv.Itoa(len(w.runs)))
	w.runs = append(w.runs, b)
}

// pdfLineRef is a cell line with the position of its baseline (mm).
type pdfLineRef struct {
	x, y float64
	l    pdfLine
}

// slowLines draws through fpdf lines that have runes fpdf has not drawn in
// the face yet (grey labels first), leaving the colour dark.
func (w *pdfWriter) slowLines(ls []pdfLineRef, face int) {
	w.p.SetTextColor(90, 90, 90)
	w.p.SetFillColor(90, 90, 90)
	for _, lr := range ls {
		if lr.l.grey > 0 {
			w.text(face, lr.x, lr.y, lr.l.s[:lr.l.grey])
		}
	}
	w.p.SetTextColor(20, 20, 20)
	w.p.SetFillColor(20, 20, 20)
	for _, lr := range ls {
		if l := lr.l; l.grey < len(l.s) {
			x := lr.x
			if l.grey > 0 {
				x += w.p.GetStringWidth(l.s[:l.grey])
			}
			w.text(face, x, lr.y, l.s[l.grey:])
		}
	}
}

// columnWidths turns relative column widths (the missing ones equal) into
// widths (mm) that fill textW.
func columnWidths(rel []float64, n int, textW float64) []float64 {
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
		out[i] = out[i] / total * textW
	}
	return out
}

// tableBlock draws block i, a block drawn as a table (see pdfLayout.lay),
// laid out beforehand by prelay or now. The rows select their fonts as
// they are drawn. A table's header row repeats on every page;
// a row moves to the next page as a whole and only a row taller than a
// page is split by lines.
func (w *pdfWriter) tableBlock(i int, bl Block) {
	var laid *pdfLaid
	if i < len(w.pre) && w.pre[i] != nil && !w.pre[i].claimed.CompareAndSwap(false, true) {
		laid = <-w.pre[i].done
	}
	if laid == nil || laid.textW != w.textW {
		laid = w.newLayout().lay(bl, w.textW)
	}
	w.rows(laid)
}

// pdfPre is a block to lay out beforehand. Whichever of the writer and
// prelay's goroutine claims it first lays it out, so the writer never waits
// for a table the other goroutine has not started on.
type pdfPre struct {
	claimed atomic.Bool
	done    chan *pdfLaid
}

// prelay starts laying out the blocks drawn as tables on another
// goroutine, in order, each for the text width of the page orientation it
// will be drawn in; tableBlock takes the results. The goroutine then runs
// the pdfEarly sent on w.handoff (nil: none). prelay reports whether it
// started the goroutine: without own metrics nothing is laid out
// beforehand.
func (w *pdfWriter) prelay(blocks []Block) bool {
	if !w.ownFonts {
		return false
	}
	type job struct {
		i     int
		textW float64
	}
	var jobs []job
	w.pre = make([]*pdfPre, len(blocks))
	wide := false
	for i, bl := range blocks {
		switch x := bl.(type) {
		case *PageLayout:
			wide = x.Landscape
		case *Table, *KeyValue, *Records:
			textW := pdfTextW
			if wide {
				textW = pdfPageH - pdfMarginL - pdfMarginR
			}
			w.pre[i] = &pdfPre{done: make(chan *pdfLaid, 1)}
			jobs = append(jobs, job{i, textW})
		}
	}
	l := w.newLayout()
	w.handoff = make(chan *pdfEarly, 1)
	go func() {
		for _, j := range jobs {
			if p := w.pre[j.i]; p.claimed.CompareAndSwap(false, true) {
				l.layStream(blocks[j.i], j.textW, p.done)
			}
		}
		if e := <-w.handoff; e != nil {
			e.run()
		}
	}()
	return true
}

// rows draws a laid-out table: the header row, then the rows, all on one
// page when it keeps its rows together and they fit on one.
func (w *pdfWriter) rows(laid *pdfLaid) {
	hr, hw, widths, keep, t := laid.hr, laid.hw, laid.widths, laid.keep, laid.t
	total := hr.h
	for _, r := range laid.rows {
		total += r.h
	}
	usable := w.bottom - pdfMarginT
	first := hr.h
	if len(laid.rows) > 0 {
		first += min(laid.rows[0].h, usable-hr.h)
	}
	// A card that does not fit moves to a new page, unless at least half of
	// it fits here (its title row then repeats on the next page).
	if keep && total <= usable && w.bottom-w.p.GetY() < total/2 {
		w.ensure(total)
	} else {
		w.ensure(first)
	}
	head := func() {
		w.drawRow(hr, hw, t, true, 0, lineCount(hr))
		w.dirty = true
	}
	head()
	for r := range laid.all {
		if w.fits(r.h) {
			w.drawRow(r, widths, t, false, 0, lineCount(r))
			continue
		}
		if r.h <= usable-hr.h {
			w.newPage()
			head()
			w.drawRow(r, widths, t, false, 0, lineCount(r))
			continue
		}
		// A row taller than a page: fill the pages line by line.
		n := lineCount(r)
		for from := 0; from < n; {
			room := int((w.bottom - w.p.GetY() - 2*pdfPad) / t.lh)
			if room < 1 {
				w.newPage()
				head()
				continue
			}
			to := min(n, from+room)
			w.drawRow(r, widths, t, false, from, to)
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

// pdfSignatureH is the height the signature block needs on one page (mm).
const pdfSignatureH = 75.0

func (w *pdfWriter) signature(s *Signature) {
	w.ensure(pdfSignatureH)
	w.paragraph(&Paragraph{Runs: []Run{{Text: s.Intro}}})
	w.p.Ln(10)
	colW := (w.textW - 12) / 2
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

// barColors fill the parts of a bar: implemented, planned, open, rest.
var barColors = [4][3]int{{46, 125, 50}, {255, 179, 0}, {198, 40, 40}, {232, 232, 232}}

// bars draws the chart: a legend of swatches, then per row the label, the
// bar as filled rectangles in proportion, and the numbers in words.
func (w *pdfWriter) bars(x *Bars) {
	const sw, barH = 3.2, 3.4
	labelW, barW := w.textW*0.3, w.textW*0.3
	textX := pdfMarginL + labelW + barW + 3
	textW := w.textW - labelW - barW - 3
	w.ensure(pdfSmallLH + 2)
	w.font("", pdfSmall)
	xpos, y := pdfMarginL, w.p.GetY()
	for i, l := range x.Legend {
		l = PDFSanitize(l)
		w.swatch(xpos, y+0.4, sw, sw, i)
		w.p.SetXY(xpos+sw+1, y)
		w.p.CellFormat(w.p.GetStringWidth(l)+1, pdfSmallLH, l, "", 0, "L", false, 0, "")
		xpos += sw + 1 + w.p.GetStringWidth(l) + 4
	}
	w.p.SetXY(pdfMarginL, y+pdfSmallLH+1.5)
	for _, r := range x.Rows {
		w.font("", pdfBody)
		label := w.split(r.Label, labelW-2)
		w.font("", pdfSmall)
		text := w.split(r.Text, textW)
		h := max(float64(len(label))*pdfLH, float64(len(text))*pdfSmallLH) + 1.5
		w.ensure(h)
		y := w.p.GetY()
		w.font("", pdfBody)
		for i, l := range label {
			w.p.SetXY(pdfMarginL, y+float64(i)*pdfLH)
			w.p.CellFormat(labelW-2, pdfLH, l, "", 0, "L", false, 0, "")
		}
		bx := pdfMarginL + labelW
		cells := r.barCells(1000)
		for i, n := range cells {
			if n == 0 {
				continue
			}
			pw := barW * float64(n) / 1000
			w.swatch(bx, y+0.8, pw, barH, i)
			bx += pw
		}
		w.p.SetDrawColor(60, 60, 60)
		w.p.SetLineWidth(0.25)
		w.p.Rect(pdfMarginL+labelW, y+0.8, barW, barH, "D")
		w.font("", pdfSmall)
		for i, l := range text {
			w.p.SetXY(textX, y+0.5+float64(i)*pdfSmallLH)
			w.p.CellFormat(textW, pdfSmallLH, l, "", 0, "L", false, 0, "")
		}
		w.p.SetXY(pdfMarginL, y+h)
		w.dirty = true
	}
	w.p.Ln(1.5)
}

// swatch fills a rectangle in the colour of bar part i.
func (w *pdfWriter) swatch(x, y, wd, h float64, i int) {
	c := barColors[i]
	w.p.SetFillColor(c[0], c[1], c[2])
	w.p.SetDrawColor(c[0], c[1], c[2])
	w.p.SetLineWidth(0.1)
	w.p.Rect(x, y, wd, h, "F")
}
