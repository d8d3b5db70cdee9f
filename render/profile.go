package render

import (
	"github.com/tom-dsgvo/tom/model"
)

// Profiles: which document one answers file gives.
const (
	// ProfileInternal is the full document: every measure with its status,
	// the registers, open items, findings, history and approval.
	ProfileInternal = "internal"
	// ProfileAnnex is the annex a processor attaches to its contracts with
	// clients: the sections the catalogue puts into the annex, implemented
	// measures only, the registers' annex views, and no open items,
	// findings, history, notes, people's names or contact data.
	ProfileAnnex = "annex"
)

// Profiles lists the profiles, the default first.
var Profiles = []string{ProfileInternal, ProfileAnnex}

// BuildProfile is BuildBranded for a profile (ProfileInternal or
// ProfileAnnex; anything else is the internal document).
func BuildProfile(cat *model.Catalog, f *model.File, lang model.Lang, br *Branding, profile string) *Document {
	return build(cat, f, lang, br, profile)
}

// shows reports whether section s belongs in the document being built.
func (b *builder) shows(s *model.Section) bool { return !b.annex || s.InAnnex() }

// contradicted reports whether a scan of the system contradicts the answer
// for id: such a measure is an open item, never stated in the annex.
func (b *builder) contradicted(id string) bool {
	d, ok := b.f.Detected[id]
	return ok && d.Result != model.DetectSupports
}

// buildAnnex writes the annex for clients: a cover without the preparer or
// review date, a short introduction, the measures of the annex's sections,
// the registers' annex views and a closing to sign by hand.
func (b *builder) buildAnnex(d *Document) {
	org := d.Org
	if org == "" {
		org = b.m("unnamed_org")
	}
	version := d.Version
	if version == "" {
		version = "—"
	}
	b.add(&Cover{
		Title:    d.Title,
		Subtitle: b.m("annex_subtitle"),
		Org:      org,
		Address:  b.str(model.RoleOrganisationAddress),
		Lines:    []KV{{b.m("stand"), d.StandFmt}, {b.m("version"), version}},
	}, &PageBreak{})
	b.add(&TOC{Title: b.m("toc")}, &PageBreak{})

	b.h1("intro", b.m("intro"))
	if d.Brand != nil {
		b.text(StyleBody, clean(d.Brand.Intro))
	}
	b.para(StyleLabel, Run{Text: b.m("intro_purpose_h")})
	b.text(StyleBody, b.m("annex_purpose", org))
	if scope := b.str(model.RoleScope); scope != "" {
		b.para(StyleLabel, Run{Text: b.m("intro_scope_h")})
		b.text(StyleBody, scope)
	}
	b.para(StyleLabel, Run{Text: b.m("intro_legal_h")})
	b.text(StyleBody, b.m("annex_legal"))
	b.para(StyleLabel, Run{Text: b.m("legend_h")})
	b.text(StyleBody, b.m("annex_legend"))
	b.add(&Checklist{Items: []CheckItem{
		{Mark: MarkDone, Text: b.m("legend_done")},
		{Mark: MarkDetected, Text: b.m("legend_detected"), Tag: b.m("detected_tag", b.m("legend_date"))},
	}})

	b.controls()
	b.annexRegisters()

	b.h1("approval", b.m("annex_close"))
	// Nothing of a person is filled in: the signer writes name, position
	// and date by hand.
	b.add(&Signature{
		Intro: b.m("annex_close_text", d.StandFmt),
		Place: KV{b.m("sign_place"), b.str(model.RoleSigningPlace)},
		Date:  KV{b.m("sign_date"), ""},
		Name:  KV{b.m("sign_name"), ""},
		Role:  KV{b.m("sign_role"), ""},
	})
}

// annexRegisters writes, for each section of the annex, the annex view of
// its registers: the fields and records the catalogue names.
func (b *builder) annexRegisters() {
	type view struct {
		q    *model.Question
		recs []model.Record
	}
	var views []view
	for _, s := range b.v.Sections() {
		if !s.InAnnex() {
			continue
		}
		for _, q := range b.v.Questions(s) {
			if q.Kind == model.KindRecords && q.Annex != nil {
				views = append(views, view{q, q.AnnexRecords(b.f.Answers[q.ID].Records())})
			}
		}
	}
	if len(views) == 0 {
		return
	}
	b.h1("registers", b.m("chapter_registers"))
	for _, v := range views {
		title := v.q.Annex.Title.In(b.l)
		if title == "" {
			title = v.q.Title.In(b.l)
		}
		b.h2(anchor("annex", v.q.ID), title)
		b.text(StyleBody, v.q.Annex.Doc.In(b.l))
		b.add(b.annexRecords(v.q, v.recs))
	}
}

// annexRecords builds the annex view of a register: the annex's fields, in
// its order, of the records given.
func (b *builder) annexRecords(q *model.Question, recs []model.Record) *Records {
	fields := make([]*model.Field, len(q.Annex.Fields))
	out := &Records{Empty: b.m("no_records"), Nr: b.m("nr"), Dash: b.dash, Fields: make([]string, len(fields)), Quiet: make([]bool, len(fields))}
	for i, id := range q.Annex.Fields {
		fields[i] = q.Field(id)
		out.Fields[i] = fields[i].Label.In(b.l)
	}
	out.Rows = make([][]string, len(recs))
	for i, r := range recs {
		row := make([]string, len(fields))
		for j, fd := range fields {
			if fd.When == nil || model.FieldVisible(fd, r) {
				row[j] = b.value(fd.Kind, fd.Options, r[fd.ID])
			}
		}
		out.Rows[i] = row
	}
	out.cleaned = isClean(out.Dash) // b.value cleaned every cell
	if len(fields) > recordsFull {
		wideQ := &model.Question{Fields: fields}
		out.Columns, out.Wide = columnsFor(wideQ), wide(wideQ)
		return out
	}
	// One column per field, the name and long texts wider than the rest,
	// so that the paginated formats do not break words in narrow columns.
	weight := func(fd *model.Field) float64 {
		if fd.Kind == model.KindTextarea || fd.Role == model.RoleRecordName {
			return 4
		}
		return 3
	}
	total := 0.0
	for _, fd := range fields {
		total += weight(fd)
	}
	out.Columns = make([]Column, len(fields))
	for i, fd := range fields {
		out.Columns[i] = Column{Fields: []int{i}, Width: 0.95 * weight(fd) / total}
	}
	return out
}
