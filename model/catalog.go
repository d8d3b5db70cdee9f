package model

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	json "github.com/goccy/go-json"
)

// Question and field kinds.
const (
	KindYesNo       = "yesno"
	KindChoice      = "choice"
	KindMultiChoice = "multichoice"
	KindText        = "text"
	KindTextarea    = "textarea"
	KindDate        = "date"
	KindEmail       = "email"
	KindURL         = "url"
	KindPhone       = "phone"
	KindRecords     = "records"
)

// Section kinds.
const (
	SectionGeneral  = "general"
	SectionControl  = "control"
	SectionRegister = "register"
)

// Measure types.
const (
	Technical      = "technical"
	Organisational = "organisational"
)

// Catalog is a questionnaire: the sections of the interview and the chapters
// of the document, with every string in German and English.
type Catalog struct {
	ID       string            `json:"id"`
	Version  string            `json:"version"`
	Title    Text              `json:"title"`
	Groups   []*Group          `json:"groups"`
	Sections []*Section        `json:"sections"`
	Renamed  map[string]string `json:"renamed,omitempty"`
	Removed  []string          `json:"removed,omitempty"`
	// Rules are the plausibility rules (rules.go, FORMAT.md "Rules").
	Rules []*Rule `json:"rules,omitempty"`

	questions map[string]*Question
	measures  map[string]*Measure
	sections  map[string]*Section
	groups    map[string]*Group
	owner     map[string]*Section // question or measure ID -> its section
	order     map[string]int      // question ID -> position in the catalogue
	qroles    map[string]*Question
	support   *SupportTable // for rules with os_support; see SetSupport
}

// Group is an Art. 32 heading that control sections belong to.
type Group struct {
	ID    string `json:"id"`
	Title Text   `json:"title"`
	Legal Text   `json:"legal"`
	Doc   Text   `json:"doc"`
	Role  string `json:"role,omitempty"` // see roles.go
}

// Section is one step of the interview and one chapter of the document.
type Section struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Group string `json:"group,omitempty"`
	Title Text   `json:"title"`
	Goal  Text   `json:"goal,omitzero"`
	// Legal is the section's own legal reference (optional), printed under
	// its heading in the document.
	Legal     Text        `json:"legal,omitzero"`
	Help      Text        `json:"help"`
	Doc       Text        `json:"doc,omitzero"`
	When      *Condition  `json:"when,omitempty"`
	Questions []*Question `json:"questions,omitempty"`
	Measures  []*Measure  `json:"measures,omitempty"`
	Since     string      `json:"since,omitempty"`
	// Level (control sections) is the protection level from which the
	// section's measures are expected, unless a measure says otherwise
	// (LevelNormal, LevelHigh, LevelVeryHigh; default normal).
	Level string `json:"level,omitempty"`
	// Statements are the sentences of the document text that state a fact
	// about the business; each is printed only when its condition holds
	// (FORMAT.md, "Statements").
	Statements []*Statement `json:"statements,omitempty"`
	// Annex says whether the section belongs to the annex for clients
	// (tom render --profile annex); nil: control sections do, others not.
	Annex *bool `json:"annex,omitempty"`
}

// InAnnex reports whether the section belongs to the annex for clients:
// as the catalogue says, else when it is a control section.
func (s *Section) InAnnex() bool {
	if s.Annex != nil {
		return *s.Annex
	}
	return s.Kind == SectionControl
}

// RecordAnnex is what a register shows in the annex for clients: a title,
// the fields in that order, and only the records that satisfy Records.
type RecordAnnex struct {
	Title   Text       `json:"title,omitzero"`
	Doc     Text       `json:"doc,omitzero"`
	Fields  []string   `json:"fields"`
	Records *Condition `json:"records,omitempty"`
}

// Statement is one sentence of a section's document text that asserts a
// fact (a measure in place, an answer given). It is printed after the
// section's doc text only when Requires holds for the answers file.
type Statement struct {
	Text     Text       `json:"text"`
	Requires *Condition `json:"requires"`
}

// Question is one question of a section.
type Question struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Title    Text       `json:"title"`
	Help     Text       `json:"help"`
	Required bool       `json:"required,omitempty"`
	When     *Condition `json:"when,omitempty"`
	Options  []*Option  `json:"options,omitempty"`
	Fields   []*Field   `json:"fields,omitempty"`
	Item     Text       `json:"item,omitzero"`
	Since    string     `json:"since,omitempty"`
	Role     string     `json:"role,omitempty"` // see roles.go
	// Columns lays a wide register out in paginated documents (optional).
	Columns []*RecordColumn `json:"columns,omitempty"`
	// Annex (records only, optional): the register in the annex for
	// clients; without it the annex leaves the register out.
	Annex *RecordAnnex `json:"annex,omitempty"`

	fieldIdx  map[string]*Field // Fields by ID, built by check
	condField map[string]*Field // the fields with a when condition, by ID
}

// RecordColumn is one column of a wide register in paginated documents: the
// fields it shows, one under the other, and its share of the page width.
type RecordColumn struct {
	Fields []string `json:"fields"`
	Width  float64  `json:"width"`
}

// Option is one answer of a choice or multichoice.
type Option struct {
	ID    string `json:"id"`
	Label Text   `json:"label"`
	// Need (options of choice and multichoice questions) proposes a
	// protection need when the option is chosen: level by goal
	// (GoalConfidentiality, GoalIntegrity, GoalAvailability).
	Need map[string]string `json:"need,omitempty"`
}

// Field is one typed field of a record.
type Field struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Label    Text       `json:"label"`
	Help     Text       `json:"help"`
	Required bool       `json:"required,omitempty"`
	Options  []*Option  `json:"options,omitempty"`
	When     *Condition `json:"when,omitempty"`
	Role     string     `json:"role,omitempty"` // see roles.go
	// DueIfEmpty, on a check_date field: a record for which this condition
	// (over the record's fields) holds and that has no date here is due.
	DueIfEmpty *Condition `json:"due_if_empty,omitempty"`
}

// Measure is one technical or organisational measure of a control section.
type Measure struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	// Level is the protection level from which the measure is expected
	// (default: its section's level, else normal); see Catalog.ExpectedFrom.
	Level string `json:"level,omitempty"`
	// Goals names the SDM goals the measure serves (SDMGoals; optional).
	Goals  []string   `json:"goals,omitempty"`
	Label  Text       `json:"label"`
	Help   Text       `json:"help"`
	Crypto bool       `json:"crypto,omitempty"`
	Pseudo bool       `json:"pseudo,omitempty"`
	When   *Condition `json:"when,omitempty"`
	Since  string     `json:"since,omitempty"`
	// Scan names the checks of the server scan that support or contradict
	// this measure (see questionnaires/FORMAT.md).
	Scan []string `json:"scan,omitempty"`
	// Params are the values that make the measure checkable, asked once it
	// is implemented (params.go; FORMAT.md "Measure").
	Params []*Param `json:"params,omitempty"`
}

// Condition decides whether a section, question, measure or field is shown,
// or whether a statement is printed. Exactly one of the forms is used: a
// test on Question (or Field, inside a record) with Equals, In, Includes or
// Answered; a test on Measure (statements only) with Status; or All, Any, Not.
type Condition struct {
	Question string `json:"question,omitempty"`
	// Measure holds when the measure applies and its answer has one of
	// Status (default: implemented). Only a statement's condition may test
	// a measure.
	Measure  string   `json:"measure,omitempty"`
	Status   []string `json:"status,omitempty"`
	Field    string   `json:"field,omitempty"`
	Equals   any      `json:"equals,omitempty"`
	In       []string `json:"in,omitempty"`
	Includes string   `json:"includes,omitempty"`
	Answered *bool    `json:"answered,omitempty"`
	// Contains tests whether a text contains the word, ignoring case.
	Contains string       `json:"contains,omitempty"`
	All      []*Condition `json:"all,omitempty"`
	Any      []*Condition `json:"any,omitempty"`
	Not      *Condition   `json:"not,omitempty"`
}

// Question returns the question with the given ID, or nil.
func (c *Catalog) Question(id string) *Question { return c.questions[id] }

// Measure returns the measure with the given ID, or nil.
func (c *Catalog) Measure(id string) *Measure { return c.measures[id] }

// Section returns the section with the given ID, or nil.
func (c *Catalog) Section(id string) *Section { return c.sections[id] }

// Group returns the group with the given ID, or nil.
func (c *Catalog) Group(id string) *Group { return c.groups[id] }

// SectionOf returns the section that holds the question or measure id, or nil.
func (c *Catalog) SectionOf(id string) *Section { return c.owner[id] }

// Option returns the option with the given ID, or nil.
func (q *Question) Option(id string) *Option { return findOption(q.Options, id) }

// Field returns the record field with the given ID, or nil.
func (q *Question) Field(id string) *Field {
	if q.fieldIdx != nil {
		return q.fieldIdx[id]
	}
	for _, f := range q.Fields {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// Option returns the option with the given ID, or nil.
func (f *Field) Option(id string) *Option { return findOption(f.Options, id) }

func findOption(opts []*Option, id string) *Option {
	for _, o := range opts {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// LoadCatalogFile reads and checks a catalogue from a file: a regular file
// of at most MaxFileSize bytes, like an answers file.
func LoadCatalogFile(path string) (*Catalog, error) {
	data, err := ReadUserFile(path)
	if err != nil {
		return nil, err
	}
	return ParseCatalog(path, data)
}

// ParseCatalog decodes and checks a catalogue. source names it in errors.
// A catalogue that is not well-formed or has values of the wrong type gives a
// *LoadError with the position, and so does one whose structure is not
// consistent (IDs, texts, conditions, roles, rules).
func ParseCatalog(source string, data []byte) (*Catalog, error) {
	fail := func(p Problem) (*Catalog, error) {
		return nil, &LoadError{File: source, Problems: []Problem{p}}
	}
	obj, pos, probs := decodeObject(data)
	if obj == nil || len(probs) > 0 {
		return nil, &LoadError{File: source, Problems: probs}
	}
	data = pos.data // without a byte order mark
	var c Catalog
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return fail(catalogDecodeProblem(pos, err))
	}
	if ps := c.check(); len(ps) > 0 {
		for i := range ps {
			ps[i].Line, ps[i].Col = lineCol(data, pos.offset(ps[i].Pointer))
		}
		sortProblems(ps)
		return nil, &LoadError{File: source, Problems: ps}
	}
	if ps := c.checkRoles(); len(ps) > 0 {
		for i := range ps {
			ps[i].Line, ps[i].Col = lineCol(data, pos.offset(ps[i].Pointer))
		}
		sortProblems(ps)
		return nil, &LoadError{File: source, Problems: ps}
	}
	if ps := c.checkRules(pos); len(ps) > 0 {
		return nil, &LoadError{File: source, Problems: ps}
	}
	return &c, nil
}

// catalogDecodeProblem words an error decoding well-formed catalogue JSON
// into a Catalog: a value of the wrong type or an unknown key, at its place.
func catalogDecodeProblem(pos *positions, err error) Problem {
	data := pos.data
	at := func(p Problem, off int) Problem {
		p.Line, p.Col = lineCol(data, off)
		return p
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		p := ""
		if te.Field != "" {
			p = "/" + strings.ReplaceAll(te.Field, ".", "/")
		}
		want := "want_object"
		switch te.Type.Kind() {
		case reflect.String:
			want = "want_string"
		case reflect.Bool:
			want = "want_bool"
		case reflect.Slice, reflect.Array:
			want = "want_array"
		}
		return at(Problem{Pointer: p, Key: want}, pos.offset(p))
	}
	if _, name, ok := strings.Cut(err.Error(), "unknown field "); ok {
		name, _ = strconv.Unquote(name)
		// The decoder does not say where: take the first key of that name
		// in the document.
		best, bestOff := "", len(data)
		pos.scan()
		for p, off := range pos.at {
			if p != "" && lastToken(p) == ptrEscape(name) && off < bestOff {
				best, bestOff = p, off
			}
		}
		return at(Problem{Pointer: best, Key: "unknown_key", Args: []any{name}}, bestOff)
	}
	return at(Problem{Key: "catalog_decode", Args: []any{err.Error()}}, 0)
}

// The patterns of IDs (the catalogue's checks match thousands of them while
// tom starts, so they are idShapes, not regular expressions).
var (
	idPattern        = idShape{more: "_."}                   // ^[a-z][a-z0-9_.]*$
	catalogIDPattern = idShape{more: "_.-"}                  // ^[a-z][a-z0-9_.-]*$
	optionPattern    = idShape{digitFirst: true, more: "_."} // ^[a-z0-9][a-z0-9_.]*$
	scanPattern      = idShape{digitFirst: true, more: "-"}  // ^[a-z0-9][a-z0-9-]*$
	semverPattern    = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$`)
)

// idShape is the shape of an ID: a lower-case letter (or a digit, with
// digitFirst) first, then lower-case letters, digits and the characters in
// more.
type idShape struct {
	digitFirst bool
	more       string
}

// MatchString reports whether s has the shape.
func (p idShape) MatchString(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9':
			if i == 0 && !p.digitFirst {
				return false
			}
		case i > 0 && strings.IndexByte(p.more, c) >= 0:
		default:
			return false
		}
	}
	return true
}

// catBad records one catalogue problem: at the JSON pointer, the message
// key in Msg and its arguments.
type catBad func(ptr, key string, args ...any)

// check validates the catalogue and builds its indexes. Each problem names
// its place as a JSON pointer; ParseCatalog adds line and column.
func (c *Catalog) check() []Problem {
	var probs []Problem
	bad := func(ptr, key string, args ...any) {
		probs = append(probs, Problem{Pointer: ptr, Key: key, Args: args})
	}
	text := func(at string, t Text, required bool) {
		if !required && t.IsZero() {
			return
		}
		if strings.TrimSpace(t.De) == "" {
			bad(at, "cat_de_missing")
		}
		if strings.TrimSpace(t.En) == "" {
			bad(at, "cat_en_missing")
		}
		// Catalogue texts reach the terminal and every document: no
		// control characters (line breaks and tabs are layout).
		for _, s := range []string{t.De, t.En} {
			if key, i, r := textProblem(s, true); key == "control_char" {
				bad(at, "cat_control_char", fmt.Sprintf("U+%04X", r), i+1)
				break
			}
		}
	}
	if !catalogIDPattern.MatchString(c.ID) {
		bad("/id", "cat_bad_catalog_id", c.ID)
	}
	if !semverPattern.MatchString(c.Version) {
		bad("/version", "cat_bad_version", c.Version)
	}
	// since: the version that added a section, question or measure. It is
	// not compared with the catalogue's version: an overlay may number its
	// own versions below the base's.
	since := func(p, v string) {
		if v != "" && !semverPattern.MatchString(v) {
			bad(p+"/since", "cat_bad_since", v)
		}
	}
	text("/title", c.Title, true)
	c.newIndexes()
	for gi, g := range c.Groups {
		gp := ptr("/groups", gi)
		if g == nil {
			bad(gp, "cat_null")
			continue
		}
		if !idPattern.MatchString(g.ID) {
			bad(gp+"/id", "cat_bad_id", g.ID)
		}
		if c.groups[g.ID] != nil {
			bad(gp+"/id", "cat_dup_id", g.ID)
		}
		c.groups[g.ID] = g
		text(gp+"/title", g.Title, true)
		text(gp+"/legal", g.Legal, true)
		text(gp+"/doc", g.Doc, false)
	}
	if len(c.Sections) == 0 {
		bad("/sections", "cat_no_sections")
	}
	// First pass: IDs, so that conditions can be checked in order afterwards.
	seen := map[string]bool{}
	pos := 0
	for si, s := range c.Sections {
		sp := ptr("/sections", si)
		if s == nil {
			bad(sp, "cat_null")
			continue
		}
		since(sp, s.Since)
		if !idPattern.MatchString(s.ID) {
			bad(sp+"/id", "cat_bad_id", s.ID)
		}
		if c.sections[s.ID] != nil {
			bad(sp+"/id", "cat_dup_id", s.ID)
		}
		c.sections[s.ID] = s
		switch s.Kind {
		case SectionGeneral, SectionRegister:
		case SectionControl:
			if c.groups[s.Group] == nil {
				bad(sp+"/group", "cat_control_group", s.Group)
			}
			if len(s.Measures) == 0 {
				bad(sp, "cat_control_no_measures")
			}
		default:
			bad(sp+"/kind", "cat_section_kind", s.Kind)
		}
		if s.Level != "" && (s.Kind != SectionControl || LevelRank(s.Level) < 0) {
			bad(sp+"/level", "cat_bad_level", s.Level, strings.Join(Levels, ", "))
		}
		if s.Kind != SectionControl && s.Group != "" && c.groups[s.Group] == nil {
			bad(sp+"/group", "cat_unknown_group", s.Group)
		}
		text(sp+"/title", s.Title, true)
		text(sp+"/help", s.Help, true)
		text(sp+"/goal", s.Goal, false)
		text(sp+"/legal", s.Legal, false)
		text(sp+"/doc", s.Doc, false)
		for i, st := range s.Statements {
			stp := ptr(sp+"/statements", i)
			if st == nil {
				bad(stp, "cat_null")
				continue
			}
			text(stp+"/text", st.Text, true)
			if st.Requires == nil {
				bad(stp, "cat_requires_missing")
			}
		}
		for qi, q := range s.Questions {
			qp := ptr(sp+"/questions", qi)
			if q == nil {
				bad(qp, "cat_null")
				continue
			}
			since(qp, q.Since)
			if !idPattern.MatchString(q.ID) {
				bad(qp+"/id", "cat_bad_id", q.ID)
			}
			if seen[q.ID] {
				bad(qp+"/id", "cat_dup_id", q.ID)
			}
			seen[q.ID] = true
			c.questions[q.ID] = q
			c.owner[q.ID] = s
			c.order[q.ID] = pos
			pos++
			text(qp+"/title", q.Title, true)
			text(qp+"/help", q.Help, false)
			if q.Role != "" && c.qroles[q.Role] == nil {
				c.qroles[q.Role] = q
			}
			switch q.Kind {
			case KindYesNo, KindText, KindTextarea, KindDate, KindEmail, KindURL, KindPhone:
				if len(q.Options) > 0 || len(q.Fields) > 0 {
					bad(qp+"/kind", "cat_kind_no_options_fields", q.Kind)
				}
			case KindChoice, KindMultiChoice:
				checkOptions(qp, q.Options, text, bad)
				checkNeeds(qp, q.Options, bad)
			case KindRecords:
				text(qp+"/item", q.Item, true)
				if len(q.Fields) == 0 {
					bad(qp, "cat_records_no_fields")
				}
				fseen := map[string]bool{}
				q.indexFields()
				for fi, f := range q.Fields {
					fp := ptr(qp+"/fields", fi)
					if f == nil {
						bad(fp, "cat_null")
						continue
					}
					if !idPattern.MatchString(f.ID) || f.ID == "id" {
						bad(fp+"/id", "cat_bad_field_id", f.ID)
					}
					if fseen[f.ID] {
						bad(fp+"/id", "cat_dup_id", f.ID)
					}
					text(fp+"/label", f.Label, true)
					text(fp+"/help", f.Help, false)
					switch f.Kind {
					case KindYesNo, KindText, KindTextarea, KindDate, KindEmail, KindURL, KindPhone:
						if len(f.Options) > 0 {
							bad(fp+"/kind", "cat_kind_no_options", f.Kind)
						}
					case KindChoice, KindMultiChoice:
						checkOptions(fp, f.Options, text, bad)
						for oi, o := range f.Options {
							if o != nil && len(o.Need) > 0 {
								bad(ptr(fp+"/options", oi, "need"), "cat_need_field")
							}
						}
					default:
						bad(fp+"/kind", "cat_unknown_kind", f.Kind)
					}
					if f.When != nil {
						checkFieldCond(fp+"/when", f.When, fseen, q, bad)
					}
					if f.DueIfEmpty != nil {
						// Without the check_date role it has no effect (a
						// catalogue may drop roles), but it must still make sense.
						checkRecordCond(f.DueIfEmpty, fp+"/due_if_empty", q, bad)
					}
					fseen[f.ID] = true
				}
				checkColumns(qp, q, bad)
				checkAnnex(qp, q, text, bad)
			default:
				bad(qp+"/kind", "cat_unknown_kind", q.Kind)
			}
			if q.Kind != KindRecords && len(q.Columns) > 0 {
				bad(qp+"/columns", "cat_columns_not_records")
			}
			if q.Kind != KindRecords && q.Annex != nil {
				bad(qp+"/annex", "cat_annex_not_records")
			}
		}
		for mi, m := range s.Measures {
			mp := ptr(sp+"/measures", mi)
			if m == nil {
				bad(mp, "cat_null")
				continue
			}
			since(mp, m.Since)
			if !idPattern.MatchString(m.ID) {
				bad(mp+"/id", "cat_bad_id", m.ID)
			}
			if seen[m.ID] {
				bad(mp+"/id", "cat_dup_id", m.ID)
			}
			seen[m.ID] = true
			c.measures[m.ID] = m
			c.owner[m.ID] = s
			if m.Type != Technical && m.Type != Organisational {
				bad(mp+"/type", "cat_measure_type", m.Type)
			}
			text(mp+"/label", m.Label, true)
			text(mp+"/help", m.Help, false)
			if m.Level != "" && LevelRank(m.Level) < 0 {
				bad(mp+"/level", "cat_bad_level", m.Level, strings.Join(Levels, ", "))
			}
			for gi, g := range m.Goals {
				if !slices.Contains(SDMGoals, g) {
					bad(ptr(mp+"/goals", gi), "cat_bad_sdm_goal", g, strings.Join(SDMGoals, ", "))
				}
			}
			for ki, k := range m.Scan {
				if !scanPattern.MatchString(k) {
					bad(ptr(mp+"/scan", ki), "cat_scan_id", k)
				}
			}
			checkParams(mp, m, text, bad)
		}
	}
	// Second pass: conditions may only name questions that come earlier, so
	// that the interview never depends on an answer it has not asked yet.
	for si, s := range c.Sections {
		if s == nil {
			continue
		}
		sp := ptr("/sections", si)
		first := -1
		if len(s.Questions) > 0 && s.Questions[0] != nil {
			first = c.order[s.Questions[0].ID]
		} else {
			first = c.firstOrderAfter(s)
		}
		if s.When != nil {
			c.checkCond(sp+"/when", s.When, first, bad)
		}
		for qi, q := range s.Questions {
			if q != nil && q.When != nil {
				c.checkCond(ptr(sp+"/questions", qi, "when"), q.When, c.order[q.ID], bad)
			}
		}
		for mi, m := range s.Measures {
			if m != nil && m.When != nil {
				c.checkCond(ptr(sp+"/measures", mi, "when"), m.When, c.firstOrderAfter(s), bad)
			}
		}
	}
	// Statements are printed once everything is answered: they may name
	// any question and any measure.
	for si, s := range c.Sections {
		if s == nil {
			continue
		}
		for i, st := range s.Statements {
			if st != nil && st.Requires != nil {
				c.checkStatementCond(ptr("/sections", si, "statements", i, "requires"), st.Requires, bad)
			}
		}
	}
	for _, old := range slices.Sorted(maps.Keys(c.Renamed)) {
		nu := c.Renamed[old]
		at := ptr("/renamed", old)
		if c.questions[nu] == nil && c.measures[nu] == nil {
			bad(at, "cat_renamed_target", nu)
		}
		if seen[old] {
			bad(at, "cat_renamed_in_use")
		}
	}
	for i, old := range c.Removed {
		if seen[old] {
			bad(ptr("/removed", i), "cat_removed_in_use")
		}
	}
	return probs
}

// firstOrderAfter returns the catalogue position just after the last question
// of s (measures are asked after the section's questions).
func (c *Catalog) firstOrderAfter(s *Section) int {
	n := 0
	for _, sec := range c.Sections {
		if sec == nil {
			continue
		}
		for _, q := range sec.Questions {
			if q != nil {
				n = max(n, c.order[q.ID]+1)
			}
		}
		if sec == s {
			return n
		}
	}
	return n
}

// checkColumns checks a register's declared columns: each names fields of
// the record, none twice, and the widths add up to at most the page.
func checkColumns(qp string, q *Question, bad catBad) {
	used := map[string]bool{}
	total := 0.0
	for i, col := range q.Columns {
		cp := ptr(qp+"/columns", i)
		if col == nil || len(col.Fields) == 0 {
			bad(cp, "cat_column_no_fields")
			continue
		}
		if !(col.Width > 0 && col.Width <= 1) {
			bad(cp+"/width", "cat_column_width", col.Width)
		}
		total += col.Width
		for j, id := range col.Fields {
			switch {
			case q.Field(id) == nil:
				bad(ptr(cp+"/fields", j), "cat_column_unknown_field", id)
			case used[id]:
				bad(ptr(cp+"/fields", j), "cat_column_field_twice", id)
			}
			used[id] = true
		}
	}
	if total > 1.0001 {
		bad(qp+"/columns", "cat_columns_too_wide", fmt.Sprintf("%.2f", total))
	}
}

// checkAnnex checks what a register shows in the annex for clients: known
// fields, none twice, and no contact data (e-mail, phone) or names of
// people, which the annex never carries.
func checkAnnex(qp string, q *Question, text func(string, Text, bool), bad catBad) {
	a := q.Annex
	if a == nil {
		return
	}
	ap := qp + "/annex"
	text(ap+"/title", a.Title, false)
	text(ap+"/doc", a.Doc, false)
	if len(a.Fields) == 0 {
		bad(ap, "cat_annex_no_fields")
	}
	used := map[string]bool{}
	for j, id := range a.Fields {
		fp := ptr(ap+"/fields", j)
		fd := q.Field(id)
		switch {
		case fd == nil:
			bad(fp, "cat_column_unknown_field", id)
		case used[id]:
			bad(fp, "cat_annex_field_twice", id)
		case fd.Kind == KindEmail || fd.Kind == KindPhone || fd.Role == RolePersonName:
			bad(fp, "cat_annex_contact", id)
		}
		used[id] = true
	}
	if a.Records != nil {
		checkRecordCond(a.Records, ap+"/records", q, bad)
	}
}

// AnnexRecords returns the records of q that its annex shows (all without
// a records condition); nil when q has no annex.
func (q *Question) AnnexRecords(recs []Record) []Record {
	if q.Annex == nil {
		return nil
	}
	if q.Annex.Records == nil {
		return recs
	}
	var out []Record
	for _, r := range recs {
		if recordHolds(q.Annex.Records, q, r) {
			out = append(out, r)
		}
	}
	return out
}

// checkNeeds checks the protection needs the options propose: known goals
// and levels.
func checkNeeds(at string, opts []*Option, bad catBad) {
	for i, o := range opts {
		if o == nil {
			continue
		}
		for _, g := range slices.Sorted(maps.Keys(o.Need)) {
			np := ptr(at+"/options", i, "need", g)
			if !slices.Contains(NeedGoals, g) {
				bad(np, "cat_bad_need_goal", g, strings.Join(NeedGoals, ", "))
			}
			if LevelRank(o.Need[g]) < 0 {
				bad(np, "cat_bad_level", o.Need[g], strings.Join(Levels, ", "))
			}
		}
	}
}

func checkOptions(at string, opts []*Option, text func(string, Text, bool), bad catBad) {
	if len(opts) == 0 {
		bad(at, "cat_needs_options")
	}
	seen := map[string]bool{}
	for i, o := range opts {
		op := ptr(at+"/options", i)
		if o == nil {
			bad(op, "cat_null")
			continue
		}
		if !optionPattern.MatchString(o.ID) {
			bad(op+"/id", "cat_bad_option_id", o.ID)
		}
		if seen[o.ID] {
			bad(op+"/id", "cat_dup_option", o.ID)
		}
		seen[o.ID] = true
		text(op+"/label", o.Label, true)
	}
}

// checkStatementCond checks a statement's condition: like checkCond, with
// no order restriction, and with measure tests allowed.
func (c *Catalog) checkStatementCond(at string, cond *Condition, bad catBad) {
	if cond.Measure == "" {
		if len(cond.Status) > 0 {
			bad(at+"/status", "cat_status_needs_measure")
		}
		for _, set := range []struct {
			name string
			subs []*Condition
		}{{"all", cond.All}, {"any", cond.Any}} {
			for i, sub := range set.subs {
				sp := ptr(at+"/"+set.name, i)
				if sub != nil && (sub.Measure != "" || len(sub.All)+len(sub.Any) > 0 || sub.Not != nil) {
					c.checkStatementCond(sp, sub, bad)
				} else if sub != nil {
					c.checkCond(sp, sub, len(c.order)+1, bad)
				}
			}
		}
		if cond.Not != nil {
			c.checkStatementCond(at+"/not", cond.Not, bad)
		}
		if len(cond.All)+len(cond.Any) == 0 && cond.Not == nil {
			c.checkCond(at, cond, len(c.order)+1, bad)
		} else if cond.Question != "" || cond.Field != "" {
			bad(at, "cat_statement_cond_forms")
		}
		return
	}
	if cond.Question != "" || cond.Field != "" || len(cond.All)+len(cond.Any) > 0 || cond.Not != nil ||
		cond.Equals != nil || len(cond.In) > 0 || cond.Includes != "" || cond.Answered != nil || cond.Contains != "" {
		bad(at, "cat_measure_cond_only")
		return
	}
	if c.measures[cond.Measure] == nil {
		bad(at+"/measure", "cat_cond_unknown_measure", cond.Measure)
	}
	for i, st := range cond.Status {
		if !slices.Contains(Statuses, st) {
			bad(ptr(at+"/status", i), "cat_cond_unknown_status", st)
		}
	}
}

func (c *Catalog) checkCond(at string, cond *Condition, before int, bad catBad) {
	if cond.Measure != "" || len(cond.Status) > 0 {
		bad(at, "cat_cond_measure_not_here")
		return
	}
	forms := 0
	if cond.Question != "" {
		forms++
	}
	if len(cond.All) > 0 {
		forms++
	}
	if len(cond.Any) > 0 {
		forms++
	}
	if cond.Not != nil {
		forms++
	}
	if forms != 1 || cond.Field != "" {
		bad(at, "cat_cond_forms")
		return
	}
	for i, sub := range cond.All {
		if sub != nil {
			c.checkCond(ptr(at+"/all", i), sub, before, bad)
		}
	}
	for i, sub := range cond.Any {
		if sub != nil {
			c.checkCond(ptr(at+"/any", i), sub, before, bad)
		}
	}
	if cond.Not != nil {
		c.checkCond(at+"/not", cond.Not, before, bad)
	}
	if cond.Question == "" {
		return
	}
	q := c.questions[cond.Question]
	if q == nil {
		bad(at+"/question", "cat_cond_unknown_question", cond.Question)
		return
	}
	if c.order[q.ID] >= before {
		bad(at+"/question", "cat_cond_not_before", q.ID)
	}
	checkTest(at, cond, q.Kind, q.Options, bad)
}

func checkFieldCond(at string, cond *Condition, earlier map[string]bool, q *Question, bad catBad) {
	if cond.Field == "" || cond.Question != "" || len(cond.All)+len(cond.Any) > 0 || cond.Not != nil {
		bad(at, "cat_field_cond_forms")
		return
	}
	f := q.Field(cond.Field)
	if f == nil || !earlier[cond.Field] {
		bad(at+"/field", "cat_field_cond_not_earlier", cond.Field)
		return
	}
	checkTest(at, cond, f.Kind, f.Options, bad)
}

func checkTest(at string, cond *Condition, kind string, opts []*Option, bad catBad) {
	tests := 0
	if cond.Equals != nil {
		tests++
		switch v := cond.Equals.(type) {
		case bool:
			if kind != KindYesNo {
				bad(at+"/equals", "cat_equals_bool")
			}
		case string:
			if (kind == KindChoice || kind == KindMultiChoice) && findOption(opts, v) == nil {
				bad(at+"/equals", "cat_equals_unknown_option", v)
			}
		default:
			bad(at+"/equals", "cat_equals_type")
		}
	}
	if len(cond.In) > 0 {
		tests++
		for i, o := range cond.In {
			if findOption(opts, o) == nil {
				bad(ptr(at+"/in", i), "cat_in_unknown_option", o)
			}
		}
	}
	if cond.Includes != "" {
		tests++
		if kind != KindMultiChoice || findOption(opts, cond.Includes) == nil {
			bad(at+"/includes", "cat_includes")
		}
	}
	if cond.Answered != nil {
		tests++
	}
	if cond.Contains != "" {
		tests++
		switch kind {
		case KindText, KindTextarea, KindEmail, KindURL, KindPhone:
		default:
			bad(at+"/contains", "cat_contains_kind", kind)
		}
	}
	if tests != 1 {
		bad(at, "cat_cond_one_test")
	}
}

// CompareVersions compares two semantic versions: -1, 0 or 1. Unparsable
// parts compare as 0.
func CompareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < 3; i++ {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col := 1 + len([]rune(string(data[start:off])))
	return line, col
}
