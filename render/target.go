package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// Bars is a small bar chart of the expected measures per Art. 32 heading:
// each row's bar is split into implemented, planned and open measures, the
// rest (declined with a reason, not applicable) left empty. Text says the
// numbers in words: every writer prints it, so the numbers never live in
// the drawing alone.
type Bars struct {
	Legend [4]string // names of the parts: implemented, planned, open, rest
	Rows   []BarRow
}

// BarRow is one bar: Parts are implemented, planned and open; Total is the
// number of expected measures (at least the sum of Parts).
type BarRow struct {
	Label string
	Parts [3]int
	Total int
	Text  string
}

func (*Bars) isBlock() {}

// barCells splits width cells over the parts of r in proportion (largest
// remainders first), so that the cells add up to width exactly; the fourth
// count is the rest.
func (r BarRow) barCells(width int) [4]int {
	var out [4]int
	if r.Total <= 0 {
		out[3] = width
		return out
	}
	counts := [4]int{r.Parts[0], r.Parts[1], r.Parts[2], max(0, r.Total-r.Parts[0]-r.Parts[1]-r.Parts[2])}
	used := 0
	var rem [4]int
	for i, c := range counts {
		out[i] = c * width / r.Total
		rem[i] = c * width % r.Total
		used += out[i]
	}
	for used < width {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		out[best]++
		rem[best] = -1
		used++
	}
	return out
}

// htmlSegment is one part of a bar in HTML: its class number and width.
type htmlSegment struct {
	Class int
	Style template.CSS
}

// HTMLSegments are the coloured parts of the bar, in per cent of its width
// (parts of no width left out).
func (r BarRow) HTMLSegments() []htmlSegment {
	var out []htmlSegment
	cells := r.barCells(1000)
	for i, n := range cells {
		if n > 0 {
			out = append(out, htmlSegment{Class: i, Style: template.CSS(fmt.Sprintf("width:%.1f%%", float64(n)/10))})
		}
	}
	return out
}

// barWidth is the length of a text bar in characters.
const barWidth = 20

// barGlyphs draw a bar as text: implemented, planned, open, rest.
var barGlyphs = [4]string{"█", "▓", "░", "·"}

// TextBar is the bar of r as width characters.
func (r BarRow) TextBar(width int) string {
	var b strings.Builder
	for i, n := range r.barCells(width) {
		b.WriteString(strings.Repeat(barGlyphs[i], n))
	}
	return b.String()
}

// textLegend is the legend of the text bars.
func (x *Bars) textLegend() string {
	parts := make([]string, len(barGlyphs))
	for i, g := range barGlyphs {
		parts[i] = g + " " + x.Legend[i]
	}
	return strings.Join(parts, ", ")
}

// TargetActual returns the blocks of the target-vs-actual overview for f
// in language l: the protection level and why, the counts per group and
// the chart, as the document's chapter "Soll und Ist" has them (which
// lists the expected measures not implemented after them); tom status
// shows these blocks. It returns nil when the catalogue asks for no
// protection need.
func TargetActual(c *model.Catalog, f *model.File, l model.Lang) []Block {
	b := &builder{c: c, f: f, v: model.View{C: c, F: f}, l: l}
	return b.targetActual(false)
}

// targetActual builds the overview; withMissing adds, per heading, the
// expected measures not implemented.
func (b *builder) targetActual(withMissing bool) []Block {
	v := b.v
	level := v.Level()
	if level == "" {
		return nil
	}
	var out []Block
	para := func(style, s string) { out = append(out, &Paragraph{Style: style, Runs: []Run{{Text: s}}}) }
	lv := model.LevelName(level, b.l)
	if v.LevelStated() {
		para(StyleBody, b.m("ta_level", lv))
	} else {
		para(StyleBody, b.m("ta_level_proposed", lv))
	}
	needs := &Table{Header: []string{b.m("ta_goal"), b.m("ta_proposed"), b.m("ta_stated"), b.m("ta_why")}, Widths: []float64{0.2, 0.14, 0.14, 0.52}}
	for _, n := range v.Needs() {
		stated := b.m("ta_not_stated")
		if n.Stated != "" {
			stated = model.LevelName(n.Stated, b.l)
		}
		why := b.m("ta_why_none")
		if len(n.Because) > 0 {
			parts := make([]string, len(n.Because))
			for i, t := range n.Because {
				parts[i] = t.In(b.l)
			}
			why = strings.Join(parts, "; ")
		}
		needs.Rows = append(needs.Rows, []string{model.GoalName(n.Goal, b.l), model.LevelName(n.Proposed, b.l), stated, clean(why)})
	}
	out = append(out, needs)
	if v.Lowered() {
		if q := b.c.QuestionByRole(model.RoleNeedReason); q != nil {
			reason := clean(v.Value(q.ID).Str())
			if reason == "" {
				reason = b.dashOr()
			}
			para(StyleBody, b.m("ta_lowered", reason))
		}
	}
	para(StyleBody, b.m("ta_expect", lv))
	tallies := v.TargetActual()
	counts := &Table{Header: []string{b.m("ta_heading"), b.m("ta_expected"), b.m("ta_implemented"), b.m("ta_planned"), b.m("ta_declined"), b.m("ta_na"), b.m("ta_open")},
		Widths: []float64{0.34, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11}}
	bars := &Bars{Legend: [4]string{b.m("ta_implemented_l"), b.m("ta_planned_l"), b.m("ta_open_l"), b.m("ta_rest_l")}}
	var missing []Block
	for _, t := range tallies {
		if t.Expected == 0 {
			continue
		}
		title := t.Group.Title.In(b.l)
		counts.Rows = append(counts.Rows, []string{title, strconv.Itoa(t.Expected), strconv.Itoa(t.Implemented), strconv.Itoa(t.Planned),
			strconv.Itoa(t.Declined), strconv.Itoa(t.NotApplicable), strconv.Itoa(t.Open)})
		bars.Rows = append(bars.Rows, BarRow{Label: title, Parts: [3]int{t.Implemented, t.Planned, t.Open}, Total: t.Expected,
			Text: b.m("ta_bar_text", t.Implemented, t.Expected, t.Planned, t.Open)})
		if len(t.Missing) == 0 {
			continue
		}
		tbl := &Table{Header: []string{b.m("ta_measure"), b.m("ta_from"), b.m("ta_status")}, Widths: []float64{0.56, 0.16, 0.28}}
		for _, m := range t.Missing {
			a := b.f.Measures[m.ID]
			status := b.m("ta_no_status")
			if a.Status != "" {
				status = clean(model.StatusText(a, b.l, nil))
			}
			tbl.Rows = append(tbl.Rows, []string{clean(m.Label.In(b.l)), model.LevelName(b.c.ExpectedFrom(m), b.l), status})
		}
		missing = append(missing, &Paragraph{Style: StyleLabel, Runs: []Run{{Text: b.m("ta_missing_group", title, len(t.Missing))}}}, tbl)
	}
	out = append(out, counts, bars)
	if !withMissing {
		return out
	}
	if len(missing) == 0 {
		para(StyleBody, b.m("ta_none_missing"))
		return out
	}
	para(StyleBody, b.m("ta_missing_h"))
	return append(out, missing...)
}

// dashOr is the mark of a missing answer.
func (b *builder) dashOr() string {
	if b.dash != "" {
		return b.dash
	}
	return b.m("not_answered")
}

// targetChapter writes the chapter "Soll und Ist" (when the catalogue asks
// for a protection need).
func (b *builder) targetChapter() {
	blocks := b.targetActual(true)
	if blocks == nil {
		return
	}
	b.h1("target", b.m("chapter_target"))
	b.text(StyleBody, b.m("ta_intro"))
	b.add(blocks...)
}
