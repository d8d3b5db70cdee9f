package render

import (
	"bytes"
	"errors"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
)

// FormatJSON is the document model as JSON for other programs (see
// WriteJSON); it is not one of Formats, the documents "all" writes.
const FormatJSON = "json"

// JSONFormatVersion is the version of the JSON export's layout
// (questionnaires/document.schema.json describes it).
const JSONFormatVersion = 1

// exportDoc is the JSON export of a document: the facts of the document as
// data. Order is the catalogue's (groups, sections, measures, questions,
// fields) or the file's (records, history); maps are written with sorted
// keys. Empty values are left out.
type exportDoc struct {
	Format       string          `json:"format"`
	Version      int             `json:"version"`
	Profile      string          `json:"profile"`
	Lang         string          `json:"lang"`
	Title        string          `json:"title"`
	Catalog      exportCatalog   `json:"catalog"`
	Organisation exportOrg       `json:"organisation"`
	Stand        string          `json:"stand,omitempty"`
	DocVersion   string          `json:"document_version,omitempty"`
	Level        *exportLevel    `json:"level,omitempty"`
	TargetActual []exportTally   `json:"target_actual,omitempty"`
	Groups       []exportGroup   `json:"groups"`
	Sections     []exportSection `json:"sections"`
	Providers    []exportRecord  `json:"providers,omitempty"`
	OpenItems    []exportOpen    `json:"open_items,omitempty"`
	Findings     []exportFinding `json:"findings,omitempty"`
}

type exportCatalog struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

type exportOrg struct {
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	Key     string `json:"key"`
}

type exportLevel struct {
	Level  string       `json:"level"`
	Name   string       `json:"name"`
	Needs  []exportNeed `json:"needs"`
	Reason []string     `json:"reasons,omitempty"`
}

type exportNeed struct {
	Goal     string `json:"goal"`
	Proposed string `json:"proposed"`
	Stated   string `json:"stated,omitempty"`
	Level    string `json:"level"`
}

type exportTally struct {
	Group         string   `json:"group"`
	Expected      int      `json:"expected"`
	Implemented   int      `json:"implemented"`
	Planned       int      `json:"planned"`
	Declined      int      `json:"declined"`
	NotApplicable int      `json:"not_applicable"`
	Open          int      `json:"open"`
	Missing       []string `json:"missing,omitempty"`
}

type exportGroup struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Legal string `json:"legal"`
}

type exportSection struct {
	ID         string           `json:"id"`
	Kind       string           `json:"kind"`
	Group      string           `json:"group,omitempty"`
	Title      string           `json:"title"`
	Legal      string           `json:"legal,omitempty"`
	Statements []string         `json:"statements,omitempty"`
	Measures   []exportMeasure  `json:"measures,omitempty"`
	Answers    []exportAnswer   `json:"answers,omitempty"`
	Registers  []exportRegister `json:"registers,omitempty"`
}

type exportMeasure struct {
	ID         string          `json:"id"`
	Own        bool            `json:"own,omitempty"`
	Label      string          `json:"label"`
	Type       string          `json:"type"`
	Status     string          `json:"status,omitempty"`
	Due        string          `json:"due,omitempty"`
	Reason     string          `json:"reason,omitempty"`
	AcceptedBy string          `json:"accepted_by,omitempty"`
	Note       string          `json:"note,omitempty"`
	Expected   bool            `json:"expected,omitempty"`
	Crypto     bool            `json:"crypto,omitempty"`
	Pseudo     bool            `json:"pseudo,omitempty"`
	Detected   *exportDetected `json:"detected,omitempty"`
	// Params are the values of an implemented measure's parameters, by
	// parameter ID, as stored (integer digits, option ID, YYYY-MM-DD, text).
	Params map[string]string `json:"params,omitempty"`
}

type exportDetected struct {
	Date     string `json:"date"`
	Result   string `json:"result"`
	Evidence string `json:"evidence,omitempty"`
}

type exportAnswer struct {
	Question string `json:"question"`
	Title    string `json:"title"`
	Value    any    `json:"value"`
	Text     string `json:"text"`
}

type exportRegister struct {
	Question string         `json:"question"`
	Role     string         `json:"role,omitempty"`
	Title    string         `json:"title"`
	Fields   []exportField  `json:"fields"`
	Records  []exportRecord `json:"records"`
}

type exportField struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Kind  string `json:"kind"`
}

// exportRecord is one record: its ID and, per field that applies and has
// an answer, the stored value and its text.
type exportRecord struct {
	ID     string                 `json:"id"`
	Values map[string]exportValue `json:"values"`
}

type exportValue struct {
	Value any    `json:"value"`
	Text  string `json:"text"`
}

type exportOpen struct {
	Kind    string `json:"kind"`
	Section string `json:"section,omitempty"`
	ID      string `json:"id,omitempty"`
	Label   string `json:"label"`
	Due     string `json:"due,omitempty"`
	Note    string `json:"note,omitempty"`
}

type exportFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Section  string `json:"section,omitempty"`
	Text     string `json:"text"`
	OpenItem bool   `json:"open_item,omitempty"`
	Date     string `json:"date,omitempty"`
}

// WriteJSON returns the document's data as JSON (questionnaires/
// document.schema.json): the measures with their status, the answers, the
// registers, the protection level, target and actual, open items and
// findings, in the document's language. The annex profile leaves out what
// the annex leaves out. The same document gives the same bytes; HTML
// characters are not escaped.
func WriteJSON(d *Document) ([]byte, error) {
	if d.cat == nil || d.file == nil {
		return nil, errors.New("render: JSON needs a document built from a catalogue and an answers file")
	}
	b := &builder{c: d.cat, f: d.file, v: model.View{C: d.cat, F: d.file}, l: d.Lang, annex: d.Profile == ProfileAnnex}
	b.dash = b.m("not_answered")
	x := b.export(d)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(x); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// export collects the document's data, with the same rules for what the
// annex shows as the document (shows, contradicted, annex views).
func (b *builder) export(d *Document) *exportDoc {
	x := &exportDoc{
		Format:       "tom-document",
		Version:      JSONFormatVersion,
		Profile:      d.Profile,
		Lang:         string(d.Lang),
		Title:        d.Title,
		Catalog:      exportCatalog{ID: b.c.ID, Version: b.c.Version},
		Organisation: exportOrg{Name: d.Org, Address: b.str(model.RoleOrganisationAddress), Key: d.OrgKey()},
		Stand:        d.Stand,
		DocVersion:   d.Version,
		Groups:       []exportGroup{},
		Sections:     []exportSection{},
	}
	for _, g := range b.c.Groups {
		x.Groups = append(x.Groups, exportGroup{g.ID, g.Title.In(b.l), g.Legal.In(b.l)})
	}
	if !b.annex {
		b.exportLevel(x)
	}
	for _, s := range b.v.Sections() {
		if !b.shows(s) {
			continue
		}
		x.Sections = append(x.Sections, b.exportSection(s))
	}
	if q := b.c.QuestionByRole(model.RoleProviderRegister); q != nil && !b.annex && b.v.QuestionVisible(q.ID) {
		x.Providers = b.exportRecords(q, q.Fields, b.f.Answers[q.ID].Records())
	}
	if b.annex {
		return x
	}
	for _, it := range b.v.OpenItems() {
		o := exportOpen{Kind: it.Kind, ID: it.ID, Label: clean(it.Label.In(b.l)), Due: it.Due, Note: clean(it.Note)}
		if it.Section != nil {
			o.Section = it.Section.ID
		}
		x.OpenItems = append(x.OpenItems, o)
	}
	for _, fd := range model.Findings(b.c, b.f, d.Stand) {
		e := exportFinding{Rule: fd.Rule.ID, Severity: fd.Severity, Text: clean(fd.Text.In(b.l)), OpenItem: fd.Rule.OpenItem, Date: fd.Date}
		if fd.Section != nil {
			e.Section = fd.Section.ID
		}
		x.Findings = append(x.Findings, e)
	}
	return x
}

// exportLevel adds the protection level and target versus actual, when the
// catalogue asks for a protection need.
func (b *builder) exportLevel(x *exportDoc) {
	level := b.v.Level()
	if level == "" {
		return
	}
	lv := &exportLevel{Level: level, Name: model.LevelName(level, b.l), Needs: []exportNeed{}, Reason: b.v.LevelReasons(b.l)}
	for _, n := range b.v.Needs() {
		lv.Needs = append(lv.Needs, exportNeed{Goal: n.Goal, Proposed: n.Proposed, Stated: n.Stated, Level: n.Level()})
	}
	x.Level = lv
	for _, t := range b.v.TargetActual() {
		e := exportTally{Group: t.Group.ID, Expected: t.Expected, Implemented: t.Implemented, Planned: t.Planned, Declined: t.Declined, NotApplicable: t.NotApplicable, Open: t.Open}
		for _, m := range t.Missing {
			e.Missing = append(e.Missing, m.ID)
		}
		x.TargetActual = append(x.TargetActual, e)
	}
}

func (b *builder) exportSection(s *model.Section) exportSection {
	e := exportSection{ID: s.ID, Kind: s.Kind, Group: s.Group, Title: s.Title.In(b.l), Legal: s.Legal.In(b.l)}
	for _, st := range b.v.Statements(s) {
		e.Statements = append(e.Statements, st.Text.In(b.l))
	}
	for _, m := range b.v.Measures(s) {
		a := b.f.Measures[m.ID]
		if b.annex && (a.Status != model.StatusImplemented || b.contradicted(m.ID)) {
			continue
		}
		em := b.exportMeasure(m.ID, clean(m.Label.In(b.l)), m.Type, a)
		em.Crypto, em.Pseudo = m.Crypto, m.Pseudo
		em.Expected = !b.annex && b.v.Expected(m)
		e.Measures = append(e.Measures, em)
	}
	for _, o := range b.f.OwnMeasures {
		if o.Section != s.ID || b.annex && o.Status != model.StatusImplemented {
			continue
		}
		em := b.exportMeasure(o.ID, clean(o.Text), o.Type, o.MeasureAnswer)
		em.Own = true
		e.Measures = append(e.Measures, em)
	}
	for _, q := range b.v.Questions(s) {
		if q.Kind == model.KindRecords {
			recs := b.f.Answers[q.ID].Records()
			fields := q.Fields
			title := q.Title.In(b.l)
			if b.annex {
				if q.Annex == nil {
					continue
				}
				recs = q.AnnexRecords(recs)
				fields = make([]*model.Field, len(q.Annex.Fields))
				for i, id := range q.Annex.Fields {
					fields[i] = q.Field(id)
				}
				if t := q.Annex.Title.In(b.l); t != "" {
					title = t
				}
			}
			r := exportRegister{Question: q.ID, Role: q.Role, Title: title, Fields: make([]exportField, len(fields)), Records: b.exportRecords(q, fields, recs)}
			for i, fd := range fields {
				r.Fields[i] = exportField{fd.ID, fd.Label.In(b.l), fd.Kind}
			}
			e.Registers = append(e.Registers, r)
			continue
		}
		v := b.f.Answers[q.ID]
		if b.annex || v.Empty() {
			continue
		}
		e.Answers = append(e.Answers, exportAnswer{Question: q.ID, Title: q.Title.In(b.l), Value: v.Any(), Text: b.answer(q)})
	}
	return e
}

// exportMeasure is one measure's answer; the annex keeps only what it
// shows (status, the date of a confirming scan).
func (b *builder) exportMeasure(id, label, typ string, a model.MeasureAnswer) exportMeasure {
	em := exportMeasure{ID: id, Label: label, Type: typ, Status: a.Status}
	if d, ok := b.f.Detected[id]; ok && id != "" {
		em.Detected = &exportDetected{Date: d.Date, Result: d.Result}
		if !b.annex {
			em.Detected.Evidence = clean(d.Evidence)
		}
	}
	if m := b.c.Measure(id); m != nil && id != "" && a.Status == model.StatusImplemented {
		for _, p := range m.Params {
			v := a.Params[p.ID]
			// Who tested and what a test found stay out of the annex.
			if v == "" || b.annex && (p.Role == model.RoleTestBy || p.Role == model.RoleTestResult) {
				continue
			}
			if em.Params == nil {
				em.Params = map[string]string{}
			}
			em.Params[p.ID] = clean(v)
		}
	}
	if b.annex {
		return em
	}
	em.Due, em.Reason, em.AcceptedBy, em.Note = a.Due, clean(a.Reason), clean(a.AcceptedBy), clean(a.Note)
	return em
}

// exportRecords gives the records of q with the fields given, each value
// that applies and is answered with its text.
func (b *builder) exportRecords(q *model.Question, fields []*model.Field, recs []model.Record) []exportRecord {
	out := make([]exportRecord, 0, len(recs))
	for _, r := range recs {
		e := exportRecord{ID: r.ID(), Values: map[string]exportValue{}}
		for _, fd := range fields {
			v := r[fd.ID]
			if v.Empty() || fd.When != nil && !model.FieldVisible(fd, r) {
				continue
			}
			e.Values[fd.ID] = exportValue{Value: v.Any(), Text: b.value(fd.Kind, fd.Options, v)}
		}
		out = append(out, e)
	}
	return out
}
