package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// builder holds the state of one Build run.
type builder struct {
	c       *model.Catalog
	f       *model.File
	v       model.View
	l       model.Lang
	blocks  []Block
	chapter int
	section int
	dash    string // "not answered"
	// open counts the rows of the open-items chapter, openTitle names it
	// (number and title): the signature block points to it.
	open      int
	openTitle string
	// dates memoises value's wording of stored dates.
	dates map[string]string
	// annex: the document is the annex for clients (ProfileAnnex): only
	// the annex's sections, implemented measures, no internal details.
	annex bool
	// publish, when set, is handed the document and each run of blocks
	// once they are final (see BuildMarkdown); published counts them.
	publish   func(d *Document, blocks []Block)
	published int
}

// Build makes the document for answers file f under catalogue cat in language
// lang. It reads only the catalogue and the file (never the clock).
func Build(cat *model.Catalog, f *model.File, lang model.Lang) *Document {
	return build(cat, f, lang, nil, ProfileInternal)
}

func build(cat *model.Catalog, f *model.File, lang model.Lang, br *Branding, profile string) *Document {
	return buildTo(cat, f, lang, br, profile, nil)
}

// buildTo is build that hands the blocks to publish (if not nil) chapter
// by chapter, as they are done.
func buildTo(cat *model.Catalog, f *model.File, lang model.Lang, br *Branding, profile string, publish func(*Document, []Block)) *Document {
	b := &builder{c: cat, f: f, v: model.View{C: cat, F: f}, l: lang, annex: profile == ProfileAnnex, publish: publish}
	b.dash = b.m("not_answered")
	d := &Document{Lang: lang, Title: b.m("title"), Org: clean(model.OrganisationName(cat, f)), Version: f.Version(), Brand: br, Profile: ProfileInternal, cat: cat, file: f}
	if b.annex {
		d.Title, d.Profile = b.m("annex_title"), ProfileAnnex
	}
	d.Stand = f.Stand()
	if d.Stand == "" {
		if s := b.raw(model.RoleDocumentDate); s != "" {
			if iso, err := model.ParseDate(s); err == nil {
				d.Stand = iso
			}
		}
	}
	d.StandFmt = b.date(d.Stand)
	if b.annex {
		b.buildAnnex(d)
		b.flush(d)
		d.Blocks = b.blocks
		return d
	}
	// The findings and the items due, worded, are worked out on a second
	// core while the chapters before them are built (both only read the
	// catalogue and the file). Rules are judged as of the document's date,
	// never the clock.
	later := make(chan dueAndFindings, 1)
	go func(stand string, l model.Lang, kind string) {
		var r dueAndFindings
		r.findings = model.Findings(cat, f, stand)
		if stand != "" {
			r.due = dueRows(cat, f, stand, l, kind)
		}
		later <- r
	}(d.Stand, lang, b.m("open_check"))
	b.cover(d)
	b.add(&TOC{Title: b.m("toc")}, &PageBreak{})
	b.intro(d)
	b.general()
	b.flush(d)
	b.targetChapter()
	b.controls()
	b.flush(d)
	b.registers()
	b.flush(d)
	r := <-later
	b.openItems(r)
	b.findings(r.findings)
	b.history()
	b.signature(d)
	b.flush(d)
	d.Blocks = b.blocks
	return d
}

// flush publishes the blocks added since the last flush; they are not
// changed after.
func (b *builder) flush(d *Document) {
	if b.publish != nil && b.published < len(b.blocks) {
		b.publish(d, b.blocks[b.published:len(b.blocks):len(b.blocks)])
		b.published = len(b.blocks)
	}
}

func (b *builder) m(key string, args ...any) string { return Msg.Get(b.l, key, args...) }

func (b *builder) add(bl ...Block) { b.blocks = append(b.blocks, bl...) }

// raw returns the answer to the text-like question with role as stored (""
// when hidden or when the catalogue has no such question).
func (b *builder) raw(role string) string { return b.v.ByRole(role).Str() }

// str returns the answer to the text-like question with role, cleaned.
func (b *builder) str(role string) string { return clean(b.raw(role)) }

// date formats a stored date, or says that none is set.
func (b *builder) date(iso string) string {
	if iso == "" {
		return b.m("no_date")
	}
	return model.FormatDate(iso, b.l)
}

func (b *builder) h1(id, text string) {
	b.chapter++
	b.section = 0
	b.add(&Heading{Level: 1, Number: strconv.Itoa(b.chapter), Text: text, ID: id})
}

func (b *builder) h2(id, text string) {
	b.section++
	b.add(&Heading{Level: 2, Number: fmt.Sprintf("%d.%d", b.chapter, b.section), Text: text, ID: id})
}

func (b *builder) para(style string, runs ...Run) {
	b.add(&Paragraph{Runs: runs, Style: style})
}

func (b *builder) text(style, s string) {
	if strings.TrimSpace(s) != "" {
		b.para(style, Run{Text: s})
	}
}

func anchor(prefix, id string) string {
	return prefix + "-" + strings.NewReplacer(".", "-", "_", "-").Replace(id)
}

func (b *builder) cover(d *Document) {
	org := d.Org
	if org == "" {
		org = b.m("unnamed_org")
	}
	prep := b.str(model.RolePreparedBy)
	if prep == "" && d.Brand != nil {
		prep = clean(d.Brand.PreparedBy)
	}
	if prep == "" {
		prep = org
	}
	next := b.f.NextReview()
	if next == "" && d.Stand != "" {
		next, _ = model.AddMonths(d.Stand, b.f.ReviewMonths())
	}
	version := d.Version
	if version == "" {
		version = "—"
	}
	b.add(&Cover{
		Title:    d.Title,
		Subtitle: b.m("subtitle"),
		Org:      org,
		Address:  b.str(model.RoleOrganisationAddress),
		Lines: []KV{
			{b.m("stand"), d.StandFmt},
			{b.m("version"), version},
			{b.m("next_review"), b.date(next)},
			{b.m("prepared_by"), prep},
		},
	}, &PageBreak{})
}

func (b *builder) intro(d *Document) {
	b.h1("intro", b.m("intro"))
	if d.Brand != nil {
		b.text(StyleBody, clean(d.Brand.Intro))
	}
	org := d.Org
	if org == "" {
		org = b.m("unnamed_org")
	}
	b.para(StyleLabel, Run{Text: b.m("intro_purpose_h")})
	b.text(StyleBody, b.m("intro_purpose", org))
	b.para(StyleLabel, Run{Text: b.m("intro_scope_h")})
	if scope := b.str(model.RoleScope); scope != "" {
		b.text(StyleBody, scope)
	} else {
		b.text(StyleBody, b.m("intro_scope_default"))
	}
	b.para(StyleLabel, Run{Text: b.m("intro_legal_h")})
	b.text(StyleBody, b.m("intro_legal"))
	b.text(StyleBody, b.structure())
	b.para(StyleLabel, Run{Text: b.m("legend_h")})
	b.text(StyleBody, b.m("legend"))
	b.add(&Checklist{Items: []CheckItem{
		{Mark: MarkDone, Text: b.m("legend_done")},
		{Mark: MarkDetected, Text: b.m("legend_detected"), Tag: b.m("detected_tag", b.m("legend_date"))},
		{Mark: MarkOpen, Text: b.m("legend_open")},
		{Mark: MarkNA, Text: b.m("legend_na")},
	}})
}

// structure describes the order of the control chapters as the catalogue's
// groups give it, with each group's legal reference.
func (b *builder) structure() string {
	var parts []string
	for _, g := range b.c.Groups {
		parts = append(parts, b.m("intro_group", g.Title.In(b.l), g.Legal.In(b.l)))
	}
	if len(parts) == 0 {
		return ""
	}
	return b.m("intro_structure", strings.Join(parts, "; "))
}

// general writes the general sections (organisation, IT environment) as
// question/answer tables.
func (b *builder) general() {
	var secs []*model.Section
	for _, s := range b.v.Sections() {
		if s.Kind == model.SectionGeneral {
			secs = append(secs, s)
		}
	}
	if len(secs) == 0 {
		return
	}
	b.h1("general", b.m("chapter_org"))
	for _, s := range secs {
		b.h2(anchor("sec", s.ID), s.Title.In(b.l))
		b.sectionAnswers(s, true)
	}
}

// sectionAnswers writes a section's doc text, its plain questions as one
// table and each records question as a register.
func (b *builder) sectionAnswers(s *model.Section, withDoc bool) {
	if withDoc {
		b.text(StyleBody, s.Doc.In(b.l))
		b.statements(s)
	}
	qs := b.v.Questions(s)
	var tbl *Table
	for _, q := range qs {
		if q.Kind == model.KindRecords {
			continue
		}
		if tbl == nil {
			tbl = &Table{Header: []string{b.m("question"), b.m("answer")}, Widths: []float64{0.45, 0.55}}
		}
		ans := b.answer(q)
		if d, ok := b.f.Detected[q.ID]; ok {
			ans = joinLines(ans, b.detection(d))
		}
		tbl.Rows = append(tbl.Rows, []string{q.Title.In(b.l), ans})
	}
	if tbl != nil {
		b.add(tbl)
	}
	for _, q := range qs {
		if q.Kind != model.KindRecords {
			continue
		}
		if len(qs) > 1 || q.Title.In(b.l) != s.Title.In(b.l) {
			b.para(StyleLabel, Run{Text: q.Title.In(b.l)})
		}
		b.add(b.records(q))
	}
	if tbl == nil && len(qs) == 0 {
		b.text(StyleSmall, b.m("no_answers"))
	}
}

// statements writes the section's statements whose condition holds for the
// answers, as one paragraph: the sentences of the text that state facts.
func (b *builder) statements(s *model.Section) {
	var parts []string
	for _, st := range b.v.Statements(s) {
		if t := strings.TrimSpace(st.Text.In(b.l)); t != "" {
			parts = append(parts, t)
		}
	}
	b.text(StyleBody, strings.Join(parts, " "))
}

// answer formats the answer to a non-record question.
func (b *builder) answer(q *model.Question) string {
	return b.value(q.Kind, q.Options, b.f.Answers[q.ID])
}

// value formats a value of the given kind in model.AnswerText's words,
// cleaned for the document; an unanswered value is a dash.
func (b *builder) value(kind string, opts []*model.Option, v model.Value) string {
	if v.Empty() {
		return b.dash
	}
	if kind == model.KindDate && v.IsString() {
		// A register repeats its dates: each is worded once.
		s, ok := b.dates[v.Str()]
		if !ok {
			s = clean(model.AnswerText(kind, opts, v, b.l))
			if b.dates == nil {
				b.dates = map[string]string{}
			}
			b.dates[v.Str()] = s
		}
		if s != "" {
			return s
		}
		return b.dash
	}
	if s := clean(model.AnswerText(kind, opts, v, b.l)); s != "" {
		return s
	}
	return b.dash
}

// recordsFull is the most fields a register shows as one column per field
// in paginated formats; wider registers are gathered into columns.
const recordsFull = 5

// records builds the register of a records question.
func (b *builder) records(q *model.Question) *Records {
	out := &Records{Empty: b.m("no_records"), Nr: b.m("nr"), Dash: b.dash, Fields: make([]string, len(q.Fields)), Quiet: make([]bool, len(q.Fields))}
	for i, fd := range q.Fields {
		out.Fields[i] = fd.Label.In(b.l)
		switch fd.Kind {
		case model.KindChoice, model.KindMultiChoice, model.KindDate, model.KindYesNo:
		default:
			out.Quiet[i] = true
		}
	}
	recs := b.f.Answers[q.ID].Records()
	out.Rows = make([][]string, len(recs))
	// One backing array for all cells: one allocation instead of one per record.
	cells := make([]string, len(recs)*len(q.Fields))
	for i, r := range recs {
		row := cells[i*len(q.Fields) : (i+1)*len(q.Fields) : (i+1)*len(q.Fields)]
		for j, fd := range q.Fields {
			if fd.When == nil || model.FieldVisible(fd, r) {
				row[j] = b.value(fd.Kind, fd.Options, r[fd.ID])
			}
		}
		out.Rows[i] = row
	}
	out.cleaned = isClean(out.Dash) // b.value cleaned every cell
	if len(q.Fields) > recordsFull {
		out.Columns = columnsFor(q)
		out.Wide = wide(q)
	}
	return out
}

// wide reports whether a register has so many fields that paginated
// formats show it on landscape pages.
func wide(q *model.Question) bool { return len(q.Fields) >= 12 }

// declaredColumns lays a register out as its catalogue says (checked when
// the catalogue was loaded): the fields named, in that order, and every field
// not named in the last column.
func declaredColumns(q *model.Question) []Column {
	index := make(map[string]int, len(q.Fields))
	for i, fd := range q.Fields {
		index[fd.ID] = i
	}
	used := make([]bool, len(q.Fields))
	cols := make([]Column, len(q.Columns))
	for k, rc := range q.Columns {
		cols[k].Width = rc.Width
		for _, id := range rc.Fields {
			cols[k].Fields = append(cols[k].Fields, index[id])
			used[index[id]] = true
		}
	}
	last := &cols[len(cols)-1]
	for i := range q.Fields {
		if !used[i] {
			last.Fields = append(last.Fields, i)
		}
	}
	return cols
}

// columnsFor groups the fields of a wide register into a few columns: as the
// catalogue declares them, else consecutive fields of about equal weight.
func columnsFor(q *model.Question) []Column {
	if len(q.Columns) > 0 {
		return declaredColumns(q)
	}
	// General grouping: consecutive fields, a long text counting double,
	// into three or four columns of about the same weight.
	k := 3
	if wide(q) {
		k = 4
	}
	weight := func(fd *model.Field) int {
		if fd.Kind == model.KindTextarea {
			return 2
		}
		return 1
	}
	total := 0
	for _, fd := range q.Fields {
		total += weight(fd)
	}
	cols := make([]Column, 0, k)
	cur := Column{Width: 0.94 / float64(k)}
	sum := 0
	for i, fd := range q.Fields {
		left := len(q.Fields) - i
		need := k - len(cols) - 1 // columns still to start after this one
		// Contact details (e-mail, phone, web) stay with the name before them
		// rather than head a column.
		contact := fd.Kind == model.KindEmail || fd.Kind == model.KindPhone || fd.Kind == model.KindURL
		if len(cur.Fields) > 0 && need > 0 && (!contact && sum*k >= total*(len(cols)+1) || left <= need) {
			cols = append(cols, cur)
			cur = Column{Width: 0.94 / float64(k)}
		}
		cur.Fields = append(cur.Fields, i)
		sum += weight(fd)
	}
	return append(cols, cur)
}

// detection describes an answer read off the system.
func (b *builder) detection(d model.Detection) string {
	if d.Result == "contradicts" {
		return b.m("detected_contra", b.date(d.Date), clean(d.Evidence))
	}
	return b.m("detected", b.date(d.Date), clean(d.Evidence))
}

func joinLines(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

// isLitA reports whether g is the Art. 32(1)(a) group.
func isLitA(g *model.Group) bool { return g.Role == model.RoleLitA }

// controls writes one chapter per Art. 32 group with its control sections,
// and the lit. a chapter that gathers every encryption and pseudonymisation
// measure.
func (b *builder) controls() {
	wroteA := false
	testsIn := b.testsGroup()
	if b.annex {
		testsIn = "" // who tested and what was found stay internal
	}
	for gi, g := range b.c.Groups {
		var secs []*model.Section
		for _, s := range b.v.Sections() {
			if s.Kind == model.SectionControl && s.Group == g.ID && b.shows(s) {
				secs = append(secs, s)
			}
		}
		if isLitA(g) {
			b.cryptoChapter(g, secs)
			wroteA = true
			if g.ID == testsIn {
				b.tests()
			}
			continue
		}
		if len(secs) == 0 {
			continue
		}
		b.h1(anchor("grp", g.ID), g.Title.In(b.l))
		b.text(StyleSmall, g.Legal.In(b.l))
		b.text(StyleBody, g.Doc.In(b.l))
		for _, s := range secs {
			b.h2(anchor("sec", s.ID), s.Title.In(b.l))
			b.control(s)
		}
		if g.ID == testsIn {
			b.tests()
		}
		// Without a lit. a group in the catalogue, the chapter follows the first group.
		if !wroteA && gi == 0 && !b.hasLitA() {
			b.cryptoChapter(nil, nil)
			wroteA = true
		}
	}
	if !wroteA {
		b.cryptoChapter(nil, nil)
	}
}

func (b *builder) hasLitA() bool { return b.c.GroupByRole(model.RoleLitA) != nil }

func (b *builder) cryptoChapter(g *model.Group, own []*model.Section) {
	title, legal, doc := b.m("crypto_title"), b.m("crypto_legal"), ""
	id := "crypto"
	if g != nil {
		title, legal, doc = g.Title.In(b.l), g.Legal.In(b.l), g.Doc.In(b.l)
		id = anchor("grp", g.ID)
	}
	b.h1(id, title)
	b.text(StyleSmall, legal)
	b.text(StyleBody, doc)
	b.text(StyleBody, b.m("crypto_intro"))
	for _, s := range own {
		b.h2(anchor("sec", s.ID), s.Title.In(b.l))
		b.control(s)
	}
	ownIDs := map[string]bool{}
	for _, s := range own {
		ownIDs[s.ID] = true
	}
	var items []CheckItem
	for _, s := range b.v.Sections() {
		if s.Kind != model.SectionControl || ownIDs[s.ID] || !b.shows(s) {
			continue
		}
		for _, m := range b.v.Measures(s) {
			if !m.Crypto && !m.Pseudo {
				continue
			}
			a, ok := b.f.Measures[m.ID]
			if !ok || a.Status == "" || a.Status == model.StatusNotApplicable || b.annex && (a.Status != model.StatusImplemented || b.contradicted(m.ID)) {
				continue
			}
			it := b.item(m.Label.In(b.l), m.Type, a, m.ID, true)
			it.Detail = joinDetail(b.m("from_section", s.Title.In(b.l)), it.Detail)
			items = append(items, it)
		}
	}
	if len(items) > 0 {
		b.h2(id+"-other", b.m("crypto_other_h"))
		b.add(&Checklist{Items: items})
	} else if len(own) == 0 {
		b.text(StyleBody, b.m("crypto_none"))
	}
}

func joinDetail(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// item makes the checklist entry for a measure with answer a. withType puts
// the type (technical/organisational) into the detail line. A measure stated
// as implemented that a scan of the system supports is marked as detected.
func (b *builder) item(label, typ string, a model.MeasureAnswer, id string, withType bool) CheckItem {
	it := CheckItem{Text: clean(label)}
	switch a.Status {
	case model.StatusImplemented:
		it.Mark = MarkDone
	case model.StatusNotApplicable, model.StatusDeclined:
		it.Mark = MarkNA
	}
	var parts []string
	if withType {
		parts = append(parts, b.typeName(typ))
	}
	switch a.Status {
	case model.StatusPlanned:
		if a.Due != "" {
			parts = append(parts, b.m("planned_until", b.date(a.Due)))
		} else {
			parts = append(parts, b.m("planned_nodate"))
		}
	case model.StatusUnclear:
		parts = append(parts, b.m("unclear"))
	case model.StatusNotApplicable:
		if r := clean(a.Reason); r != "" {
			parts = append(parts, b.m("reason", r))
		}
	case model.StatusDeclined:
		r, by := clean(a.Reason), clean(a.AcceptedBy)
		if r == "" {
			r = b.m("missing")
		}
		if by == "" {
			by = b.m("missing")
		}
		parts = append(parts, b.m("reason", r), b.m("accepted_by", by))
	}
	if m := b.c.Measure(id); m != nil && id != "" && a.Status == model.StatusImplemented {
		parts = append(parts, b.params(m, a)...)
	}
	if n := clean(a.Note); n != "" && !b.annex {
		parts = append(parts, b.m("note", n))
	}
	if d, ok := b.f.Detected[id]; ok && id != "" {
		if d.Result == model.DetectSupports && a.Status == model.StatusImplemented {
			it.Mark = MarkDetected
			it.Tag = b.m("detected_tag", b.date(d.Date))
			if ev := clean(d.Evidence); ev != "" && !b.annex {
				parts = append(parts, b.m("evidence", ev))
			}
		} else {
			parts = append(parts, b.detection(d))
		}
	}
	it.Detail = joinDetail(parts...)
	return it
}

// params words the parameters of implemented measure m as answered in a,
// one "label: value" each ("Inaktivität bis zur Sperre: 10 Minuten"); a
// parameter without a value says that it is missing (an open item).
func (b *builder) params(m *model.Measure, a model.MeasureAnswer) []string {
	var out []string
	if it, ok := model.DueTestOf(m, a, b.f.ReviewMonths()); ok && !b.annex {
		// A test: when it was last done and how often; who did it and
		// what it found stand in the register of tests.
		last := b.m("tests_never")
		if it.Date != "" {
			last = b.date(it.Date)
		}
		out = append(out, b.m("test_detail", last, Msg.Count(b.l, "tests_months", it.Months), b.m("tests_h")))
	}
	for _, p := range m.Params {
		switch p.Role {
		case model.RoleTestDate, model.RoleTestInterval, model.RoleTestBy, model.RoleTestResult:
			continue
		}
		v := clean(model.ParamText(p, a.Params[p.ID], b.l))
		if v == "" && b.annex {
			continue // a gap is an open item of the internal document
		}
		if v == "" {
			v = b.m("missing")
		}
		out = append(out, b.m("param", p.Label.In(b.l), v))
	}
	return out
}

// tests writes the register of the tests of effectiveness (Art. 32(1)(d)):
// every implemented measure with a test_date parameter, with its interval,
// when it was last done, by whom, with what result and when it is next due.
func (b *builder) tests() {
	tbl := &Table{
		Header: []string{b.m("tests_test"), b.m("tests_interval"), b.m("tests_last"), b.m("tests_by"), b.m("tests_result"), b.m("tests_next")},
		Widths: []float64{0.24, 0.1, 0.13, 0.14, 0.26, 0.13},
	}
	for _, s := range b.v.Sections() {
		for _, m := range b.v.Measures(s) {
			a := b.f.Measures[m.ID]
			it, ok := model.DueTestOf(m, a, b.f.ReviewMonths())
			if !ok {
				continue
			}
			value := func(role string) string {
				if p := m.ParamByRole(role); p != nil {
					if v := clean(model.ParamText(p, a.Params[p.ID], b.l)); v != "" {
						return v
					}
				}
				return b.dash
			}
			last, next := b.m("tests_never"), b.m("tests_now")
			if it.Date != "" {
				last, next = b.date(it.Date), b.date(it.DueOn)
			}
			tbl.Rows = append(tbl.Rows, []string{clean(m.Label.In(b.l)), Msg.Count(b.l, "tests_months", it.Months), last,
				value(model.RoleTestBy), value(model.RoleTestResult), next})
		}
	}
	b.h2("tests", b.m("tests_h"))
	if len(tbl.Rows) == 0 {
		b.text(StyleBody, b.m("tests_none"))
		return
	}
	b.text(StyleBody, b.m("tests_intro"))
	b.add(tbl)
}

// testsGroup returns the group whose chapter ends with the register of
// tests: the group of the last section asked that holds a test measure
// (nil: the catalogue has none).
func (b *builder) testsGroup() string {
	g := ""
	for _, s := range b.v.Sections() {
		if s.Kind != model.SectionControl {
			continue
		}
		for _, m := range b.v.Measures(s) {
			if m.IsTest() {
				g = s.Group
			}
		}
	}
	return g
}

func (b *builder) typeName(typ string) string {
	if typ == model.Organisational {
		return b.m("organisational")
	}
	return b.m("technical")
}

// control writes one control section: goal, doc text, answered questions and
// the measures grouped by status (implemented split into technical and
// organisational).
func (b *builder) control(s *model.Section) {
	b.text(StyleSmall, s.Legal.In(b.l))
	if g := s.Goal.In(b.l); g != "" {
		b.para(StyleBody, Run{Text: b.m("goal"), Bold: true}, Run{Text: g, Italic: true})
	}
	b.text(StyleBody, s.Doc.In(b.l))
	b.statements(s)
	if len(b.v.Questions(s)) > 0 && !b.annex {
		b.sectionAnswers(s, false)
	}
	var tech, org, planned, unclear, declined, na, none []CheckItem
	put := func(label, typ string, a model.MeasureAnswer, id string) {
		mark := func(it CheckItem) CheckItem {
			if id == "" {
				it.Detail = joinDetail(b.m("own"), it.Detail)
			}
			return it
		}
		switch a.Status {
		case model.StatusImplemented:
			it := mark(b.item(label, typ, a, id, false))
			if typ == model.Organisational {
				org = append(org, it)
			} else {
				tech = append(tech, it)
			}
		case model.StatusPlanned:
			planned = append(planned, mark(b.item(label, typ, a, id, true)))
		case model.StatusUnclear:
			unclear = append(unclear, mark(b.item(label, typ, a, id, true)))
		case model.StatusNotApplicable:
			na = append(na, mark(b.item(label, typ, a, id, true)))
		case model.StatusDeclined:
			declined = append(declined, mark(b.item(label, typ, a, id, true)))
		default:
			none = append(none, mark(b.item(label, typ, a, id, true)))
		}
	}
	for _, m := range b.v.Measures(s) {
		if b.annex && b.contradicted(m.ID) {
			continue
		}
		put(m.Label.In(b.l), m.Type, b.f.Measures[m.ID], m.ID)
	}
	for _, o := range b.f.OwnMeasures {
		if o.Section == s.ID {
			it := o.MeasureAnswer
			put(o.Text, o.Type, it, "")
		}
	}
	list := func(key string, items []CheckItem) {
		if len(items) == 0 {
			return
		}
		b.para(StyleLabel, Run{Text: b.m(key)})
		b.add(&Checklist{Items: items})
	}
	if len(tech)+len(org) == 0 {
		b.text(StyleSmall, b.m("none_impl"))
	}
	list("technical_h", tech)
	list("organisational_h", org)
	if b.annex {
		return // the annex names implemented measures only
	}
	list("planned_h", planned)
	list("unclear_h", unclear)
	list("declined_h", declined)
	list("na_h", na)
	list("unanswered_h", none)
}

// registers writes the register sections (providers, people, devices, …).
func (b *builder) registers() {
	var secs []*model.Section
	for _, s := range b.v.Sections() {
		if s.Kind == model.SectionRegister {
			secs = append(secs, s)
		}
	}
	if len(secs) == 0 {
		return
	}
	landscape := func(s *model.Section) bool {
		for _, q := range b.v.Questions(s) {
			if q.Kind == model.KindRecords && wide(q) && len(b.f.Answers[q.ID].Records()) > 0 {
				return true
			}
		}
		return false
	}
	// When the first register needs landscape pages, the chapter heading
	// goes onto the first of them; else it would stand alone at the foot of
	// the last portrait page.
	first := landscape(secs[0])
	if first {
		b.add(&PageLayout{Landscape: true})
	}
	b.h1("registers", b.m("chapter_registers"))
	for i, s := range secs {
		wideSec := landscape(s)
		if wideSec && !(i == 0 && first) {
			b.add(&PageLayout{Landscape: true})
		}
		b.h2(anchor("sec", s.ID), s.Title.In(b.l))
		b.sectionAnswers(s, true)
		if wideSec {
			b.add(&PageLayout{Landscape: false})
		}
	}
}

// dueAndFindings are the findings of the plausibility rules and the rows
// of the open-items table for the checks and tests due as of the
// document's date.
type dueAndFindings struct {
	findings []model.Finding
	due      [][]string
}

// dueRows returns the open-items rows of the checks and tests due on stand
// (a stored date), in language l, of the kind named kind: kind, section,
// why (model.DescribeDue's words, cleaned), when it falls due, no note.
// It reads only the catalogue and the file.
func dueRows(cat *model.Catalog, f *model.File, stand string, l model.Lang, kind string) [][]string {
	var rows [][]string
	var cells []string
	words := model.NewDueWords(l)
	dates := map[string]string{} // each date worded once
	model.DueEach(cat, f, stand, func(d model.DueItem) {
		if d.Kind != model.DueCheck && d.Kind != model.DueTest {
			return
		}
		due := ""
		if d.DueOn != "" {
			var ok bool
			if due, ok = dates[d.DueOn]; !ok {
				due = model.FormatDate(d.DueOn, l) // as builder.date words a date set
				dates[d.DueOn] = due
			}
		}
		if len(cells) == cap(cells) {
			// The cells of as many rows as there are so far (16 to 256)
			// are made at once.
			cells = make([]string, 0, 5*min(max(len(rows), 16), 256))
		}
		n := len(cells)
		cells = append(cells, kind, d.Section.Title.In(l), clean(words.Describe(d)), due, "")
		rows = append(rows, cells[n:n+5:n+5])
	})
	return rows
}

func (b *builder) openItems(r dueAndFindings) {
	b.h1("open", b.m("chapter_open"))
	b.openTitle = strconv.Itoa(b.chapter) + " " + b.m("chapter_open")
	items := b.v.OpenItems()
	tbl := &Table{
		Header: []string{b.m("open_kind"), b.m("open_section"), b.m("open_item"), b.m("open_due"), b.m("open_note")},
		Widths: []float64{0.14, 0.2, 0.34, 0.12, 0.2},
	}
	for _, it := range items {
		sec := ""
		if it.Section != nil {
			sec = it.Section.Title.In(b.l)
		}
		due := ""
		if it.Due != "" {
			due = b.date(it.Due)
		}
		note := clean(it.Note)
		if it.Kind == model.OpenParams {
			var labels []string
			for _, p := range it.Params {
				labels = append(labels, p.Label.In(b.l))
			}
			note = clean(b.m("open_params_note", strings.Join(labels, ", ")))
		}
		tbl.Rows = append(tbl.Rows, []string{b.m("open_" + it.Kind), sec, clean(it.Label.In(b.l)), due, note})
	}
	// Sections not finished yet are gaps too, even before the user marks them done.
	for _, s := range b.v.Sections() {
		cp := b.v.Completeness(s)
		if cp.State == model.StateDone || cp.Skipped {
			continue
		}
		tbl.Rows = append(tbl.Rows, []string{b.m("open_incomplete"), s.Title.In(b.l), s.Title.In(b.l), "", b.m("open_incomplete_text", cp.Answered, cp.Total)})
	}
	// Records whose check is due as of the document's date (tom status
	// lists the same), and the findings that are open items.
	worded := len(tbl.Rows) // from here the item column holds cleaned text
	tbl.Rows = append(tbl.Rows, r.due...)
	for _, fd := range r.findings {
		if !fd.Rule.OpenItem {
			continue
		}
		sec := ""
		if fd.Section != nil {
			sec = fd.Section.Title.In(b.l)
		}
		tbl.Rows = append(tbl.Rows, []string{b.m("open_finding"), sec, clean(fd.Text.In(b.l)), "", ""})
	}
	b.open = len(tbl.Rows)
	if len(tbl.Rows) == 0 {
		b.text(StyleBody, b.m("open_none"))
		return
	}
	b.text(StyleBody, b.m("open_intro"))
	tbl.cleaned = cleanTable(tbl, worded, 2)
	b.add(tbl)
}

// cleanTable reports whether the header and every cell of t are as clean
// leaves them. Column skip of the rows from row from on holds text the
// builder cleaned and is not checked; a cell equal to the one above it
// was checked there.
func cleanTable(t *Table, from, skip int) bool {
	for _, h := range t.Header {
		if !isClean(h) {
			return false
		}
	}
	var above []string
	for i, row := range t.Rows {
		for j, c := range row {
			if i >= from && j == skip || j < len(above) && c == above[j] {
				continue
			}
			if !isClean(c) {
				return false
			}
		}
		above = row
	}
	return true
}

// findings writes the chapter of contradictions and notes the catalogue's
// plausibility rules found in the answers.
func (b *builder) findings(fs []model.Finding) {
	b.h1("findings", b.m("chapter_findings"))
	if len(fs) == 0 {
		b.text(StyleBody, b.m("findings_none"))
		return
	}
	b.text(StyleBody, b.m("findings_intro"))
	tbl := &Table{
		Header: []string{b.m("findings_kind"), b.m("open_section"), b.m("findings_text")},
		Widths: []float64{0.16, 0.22, 0.62},
	}
	for _, fd := range fs {
		sec := ""
		if fd.Section != nil {
			sec = fd.Section.Title.In(b.l)
		}
		tbl.Rows = append(tbl.Rows, []string{b.m("findings_" + fd.Severity), sec, clean(fd.Text.In(b.l))})
	}
	b.add(tbl)
}

func (b *builder) history() {
	b.h1("history", b.m("chapter_history"))
	if len(b.f.History) == 0 {
		b.text(StyleBody, b.m("hist_none"))
		return
	}
	b.text(StyleBody, b.m("hist_intro"))
	tbl := &Table{
		Header: []string{b.m("hist_date"), b.m("hist_version"), b.m("hist_kind"), b.m("hist_by"), b.m("hist_summary"), b.m("hist_changes")},
		Widths: []float64{0.12, 0.08, 0.12, 0.14, 0.20, 0.34},
	}
	names := model.HistoryRecordNames(b.c, b.f)
	for _, e := range b.f.History {
		kind := clean(e.Kind)
		switch e.Kind {
		case model.HistoryInterview:
			kind = b.m("hist_interview")
		case model.HistoryReview:
			kind = b.m("hist_review")
		}
		tbl.Rows = append(tbl.Rows, []string{b.date(e.Date), clean(e.Version), kind, clean(e.By), clean(e.Summary), b.changeWords(e, names)})
	}
	b.add(tbl)
}

// changeWords words a history entry's changes as tom diff does, section by
// section ("Section: change; change"), or says there were none.
// A first interview records no changes: its answers are the start.
func (b *builder) changeWords(e model.HistoryEntry, names model.RecordNames) string {
	secs := model.DescribeChangesNamed(b.c, e.Changes, b.l, names)
	switch {
	case len(secs) == 0 && e.Kind == model.HistoryInterview:
		return "–"
	case len(secs) == 0:
		return b.m("hist_no_changes")
	}
	parts := make([]string, 0, len(secs))
	for _, sc := range secs {
		parts = append(parts, clean(sc.Title)+": "+clean(strings.Join(sc.Lines, "; ")))
	}
	return strings.Join(parts, " · ")
}

func (b *builder) signature(d *Document) {
	b.h1("approval", b.m("chapter_sign"))
	intro := b.m("sign_intro", d.StandFmt)
	switch b.open {
	case 0:
		intro += " " + b.m("sign_open_none")
	case 1:
		intro += " " + b.m("sign_open_one", b.openTitle)
	default:
		intro += " " + b.m("sign_open", b.open, b.openTitle)
	}
	// The date is the signer's: left blank, never the document's date.
	b.add(&Signature{
		Intro: intro,
		Place: KV{b.m("sign_place"), b.str(model.RoleSigningPlace)},
		Date:  KV{b.m("sign_date"), ""},
		Name:  KV{b.m("sign_name"), b.str(model.RoleSignatoryName)},
		Role:  KV{b.m("sign_role"), b.str(model.RoleSignatoryRole)},
	})
}
