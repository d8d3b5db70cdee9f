package model

import (
	"bytes"
	"errors"
	"fmt"
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
	// Statements are the sentences of the document text that state a fact
	// about the business; each is printed only when its condition holds
	// (FORMAT.md, "Statements").
	Statements []*Statement `json:"statements,omitempty"`
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
	ID     string     `json:"id"`
	Type   string     `json:"type"`
	Label  Text       `json:"label"`
	Help   Text       `json:"help"`
	Crypto bool       `json:"crypto,omitempty"`
	Pseudo bool       `json:"pseudo,omitempty"`
	When   *Condition `json:"when,omitempty"`
	Since  string     `json:"since,omitempty"`
	// Scan names the checks of the server scan that support or contradict
	// this measure (see questionnaires/FORMAT.md).
	Scan []string `json:"scan,omitempty"`
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

// CatalogError lists everything wrong with a catalogue, one problem a line.
type CatalogError struct {
	Source   string
	Problems []string
}

func (e *CatalogError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Source)
		b.WriteString(": ")
		b.WriteString(p)
	}
	return b.String()
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
// *LoadError with the position; one that decodes but is not consistent gives
// a *CatalogError.
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
	cprobs := c.check()
	cprobs = append(cprobs, c.checkRoles(func(ptr string) string {
		l, col := lineCol(data, pos.offset(ptr))
		return fmt.Sprintf("%d:%d", l, col)
	})...)
	if len(cprobs) > 0 {
		return nil, &CatalogError{Source: source, Problems: cprobs}
	}
	if ps := c.checkRules(pos); len(ps) > 0 {
		return nil, &CatalogError{Source: source, Problems: ps}
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

var (
	idPattern        = regexp.MustCompile(`^[a-z][a-z0-9_.]*$`)
	catalogIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_.-]*$`)
	optionPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9_.]*$`)
	scanPattern      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	semverPattern    = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$`)
)

// check validates the catalogue and builds its indexes.
func (c *Catalog) check() []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	text := func(where string, t Text, required bool) {
		if !required && t.IsZero() {
			return
		}
		if strings.TrimSpace(t.De) == "" {
			bad("%s: German text missing", where)
		}
		if strings.TrimSpace(t.En) == "" {
			bad("%s: English text missing", where)
		}
		// Catalogue texts reach the terminal and every document: no
		// control characters (line breaks and tabs are layout).
		for _, s := range []string{t.De, t.En} {
			if key, at, r := textProblem(s, true); key == "control_char" {
				bad("%s: control character U+%04X at character %d", where, r, at+1)
				break
			}
		}
	}
	if !catalogIDPattern.MatchString(c.ID) {
		bad("catalogue id %q: must be lower-case letters, digits, _ . and -", c.ID)
	}
	if !semverPattern.MatchString(c.Version) {
		bad("version %q: not a semantic version (MAJOR.MINOR.PATCH)", c.Version)
	}
	text("title", c.Title, true)
	c.questions = map[string]*Question{}
	c.measures = map[string]*Measure{}
	c.sections = map[string]*Section{}
	c.groups = map[string]*Group{}
	c.owner = map[string]*Section{}
	c.order = map[string]int{}
	c.qroles = map[string]*Question{}
	for _, g := range c.Groups {
		if g == nil {
			bad("group: null")
			continue
		}
		if !idPattern.MatchString(g.ID) {
			bad("group %q: bad id", g.ID)
		}
		if c.groups[g.ID] != nil {
			bad("group %s: duplicate id", g.ID)
		}
		c.groups[g.ID] = g
		text("group "+g.ID+" title", g.Title, true)
		text("group "+g.ID+" legal", g.Legal, true)
		text("group "+g.ID+" doc", g.Doc, false)
	}
	if len(c.Sections) == 0 {
		bad("no sections")
	}
	// First pass: IDs, so that conditions can be checked in order afterwards.
	seen := map[string]bool{}
	pos := 0
	for _, s := range c.Sections {
		if s == nil {
			bad("section: null")
			continue
		}
		where := "section " + s.ID
		if !idPattern.MatchString(s.ID) {
			bad("section %q: bad id", s.ID)
		}
		if c.sections[s.ID] != nil {
			bad("%s: duplicate id", where)
		}
		c.sections[s.ID] = s
		switch s.Kind {
		case SectionGeneral, SectionRegister:
		case SectionControl:
			if c.groups[s.Group] == nil {
				bad("%s: control section needs an existing group, not %q", where, s.Group)
			}
			if len(s.Measures) == 0 {
				bad("%s: control section without measures", where)
			}
		default:
			bad("%s: kind %q (general, control or register)", where, s.Kind)
		}
		if s.Kind != SectionControl && s.Group != "" && c.groups[s.Group] == nil {
			bad("%s: unknown group %q", where, s.Group)
		}
		text(where+" title", s.Title, true)
		text(where+" help", s.Help, true)
		text(where+" goal", s.Goal, false)
		text(where+" legal", s.Legal, false)
		text(where+" doc", s.Doc, false)
		for i, st := range s.Statements {
			sw := fmt.Sprintf("%s statement %d", where, i+1)
			if st == nil {
				bad("%s: null", sw)
				continue
			}
			text(sw+" text", st.Text, true)
			if st.Requires == nil {
				bad("%s: requires missing (a sentence without a condition belongs in doc)", sw)
			}
		}
		for _, q := range s.Questions {
			if q == nil {
				bad("%s: null question", where)
				continue
			}
			qw := "question " + q.ID
			if !idPattern.MatchString(q.ID) {
				bad("question %q: bad id", q.ID)
			}
			if seen[q.ID] {
				bad("%s: duplicate id", qw)
			}
			seen[q.ID] = true
			c.questions[q.ID] = q
			c.owner[q.ID] = s
			c.order[q.ID] = pos
			pos++
			text(qw+" title", q.Title, true)
			text(qw+" help", q.Help, false)
			if q.Role != "" && c.qroles[q.Role] == nil {
				c.qroles[q.Role] = q
			}
			switch q.Kind {
			case KindYesNo, KindText, KindTextarea, KindDate, KindEmail, KindURL, KindPhone:
				if len(q.Options) > 0 || len(q.Fields) > 0 {
					bad("%s: kind %s takes no options or fields", qw, q.Kind)
				}
			case KindChoice, KindMultiChoice:
				checkOptions(qw, q.Options, text, bad)
			case KindRecords:
				text(qw+" item", q.Item, true)
				if len(q.Fields) == 0 {
					bad("%s: records need fields", qw)
				}
				fseen := map[string]bool{}
				for _, f := range q.Fields {
					if f == nil {
						bad("%s: null field", qw)
						continue
					}
					fw := qw + " field " + f.ID
					if !idPattern.MatchString(f.ID) || f.ID == "id" {
						bad("%s: bad id (\"id\" is reserved)", fw)
					}
					if fseen[f.ID] {
						bad("%s: duplicate id", fw)
					}
					text(fw+" label", f.Label, true)
					text(fw+" help", f.Help, false)
					switch f.Kind {
					case KindYesNo, KindText, KindTextarea, KindDate, KindEmail, KindURL, KindPhone:
						if len(f.Options) > 0 {
							bad("%s: kind %s takes no options", fw, f.Kind)
						}
					case KindChoice, KindMultiChoice:
						checkOptions(fw, f.Options, text, bad)
					default:
						bad("%s: unknown kind %q", fw, f.Kind)
					}
					if f.When != nil {
						checkFieldCond(fw, f.When, fseen, q, bad)
					}
					if f.DueIfEmpty != nil {
						// Without the check_date role it has no effect (a
						// catalogue may drop roles), but it must still make sense.
						checkRecordCond(f.DueIfEmpty, "", q, func(_, format string, args ...any) {
							bad("%s: due_if_empty: %s", fw, fmt.Sprintf(format, args...))
						})
					}
					fseen[f.ID] = true
				}
				checkColumns(qw, q, bad)
			default:
				bad("%s: unknown kind %q", qw, q.Kind)
			}
			if q.Kind != KindRecords && len(q.Columns) > 0 {
				bad("%s: only records take columns", qw)
			}
		}
		for _, m := range s.Measures {
			if m == nil {
				bad("%s: null measure", where)
				continue
			}
			mw := "measure " + m.ID
			if !idPattern.MatchString(m.ID) {
				bad("measure %q: bad id", m.ID)
			}
			if seen[m.ID] {
				bad("%s: duplicate id", mw)
			}
			seen[m.ID] = true
			c.measures[m.ID] = m
			c.owner[m.ID] = s
			if m.Type != Technical && m.Type != Organisational {
				bad("%s: type %q (technical or organisational)", mw, m.Type)
			}
			text(mw+" label", m.Label, true)
			text(mw+" help", m.Help, false)
			for _, k := range m.Scan {
				if !scanPattern.MatchString(k) {
					bad("%s: scan check %q: must be lower-case letters, digits and -", mw, k)
				}
			}
		}
	}
	// Second pass: conditions may only name questions that come earlier, so
	// that the interview never depends on an answer it has not asked yet.
	for _, s := range c.Sections {
		if s == nil {
			continue
		}
		first := -1
		if len(s.Questions) > 0 && s.Questions[0] != nil {
			first = c.order[s.Questions[0].ID]
		} else {
			first = c.firstOrderAfter(s)
		}
		if s.When != nil {
			c.checkCond("section "+s.ID, s.When, first, bad)
		}
		for _, q := range s.Questions {
			if q != nil && q.When != nil {
				c.checkCond("question "+q.ID, q.When, c.order[q.ID], bad)
			}
		}
		for _, m := range s.Measures {
			if m != nil && m.When != nil {
				c.checkCond("measure "+m.ID, m.When, c.firstOrderAfter(s), bad)
			}
		}
	}
	// Statements are printed once everything is answered: they may name
	// any question and any measure.
	for _, s := range c.Sections {
		if s == nil {
			continue
		}
		for i, st := range s.Statements {
			if st != nil && st.Requires != nil {
				c.checkStatementCond(fmt.Sprintf("section %s statement %d", s.ID, i+1), st.Requires, bad)
			}
		}
	}
	for old, nu := range c.Renamed {
		if c.questions[nu] == nil && c.measures[nu] == nil {
			bad("renamed %s: target %q does not exist", old, nu)
		}
		if seen[old] {
			bad("renamed %s: the old id is still in use", old)
		}
	}
	for _, old := range c.Removed {
		if seen[old] {
			bad("removed %s: the id is still in use", old)
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
func checkColumns(where string, q *Question, bad func(string, ...any)) {
	used := map[string]bool{}
	total := 0.0
	for i, col := range q.Columns {
		cw := fmt.Sprintf("%s column %d", where, i+1)
		if col == nil || len(col.Fields) == 0 {
			bad("%s: names no fields", cw)
			continue
		}
		if !(col.Width > 0 && col.Width <= 1) {
			bad("%s: width %v is not a share of the page (above 0, at most 1)", cw, col.Width)
		}
		total += col.Width
		for _, id := range col.Fields {
			switch {
			case q.Field(id) == nil:
				bad("%s: unknown field %q", cw, id)
			case used[id]:
				bad("%s: field %s is already in a column", cw, id)
			}
			used[id] = true
		}
	}
	if total > 1.0001 {
		bad("%s: the column widths add up to %.2f, more than the page", where, total)
	}
}

func checkOptions(where string, opts []*Option, text func(string, Text, bool), bad func(string, ...any)) {
	if len(opts) == 0 {
		bad("%s: needs options", where)
	}
	seen := map[string]bool{}
	for _, o := range opts {
		if o == nil {
			bad("%s: null option", where)
			continue
		}
		if !optionPattern.MatchString(o.ID) {
			bad("%s option %q: bad id", where, o.ID)
		}
		if seen[o.ID] {
			bad("%s option %s: duplicate id", where, o.ID)
		}
		seen[o.ID] = true
		text(where+" option "+o.ID, o.Label, true)
	}
}

// checkStatementCond checks a statement's condition: like checkCond, with
// no order restriction, and with measure tests allowed.
func (c *Catalog) checkStatementCond(where string, cond *Condition, bad func(string, ...any)) {
	if cond.Measure == "" {
		if len(cond.Status) > 0 {
			bad("%s: status needs a measure", where)
		}
		for _, sub := range cond.All {
			if sub != nil && (sub.Measure != "" || len(sub.All)+len(sub.Any) > 0 || sub.Not != nil) {
				c.checkStatementCond(where, sub, bad)
			} else if sub != nil {
				c.checkCond(where, sub, len(c.order)+1, bad)
			}
		}
		for _, sub := range cond.Any {
			if sub != nil && (sub.Measure != "" || len(sub.All)+len(sub.Any) > 0 || sub.Not != nil) {
				c.checkStatementCond(where, sub, bad)
			} else if sub != nil {
				c.checkCond(where, sub, len(c.order)+1, bad)
			}
		}
		if cond.Not != nil {
			c.checkStatementCond(where, cond.Not, bad)
		}
		if len(cond.All)+len(cond.Any) == 0 && cond.Not == nil {
			c.checkCond(where, cond, len(c.order)+1, bad)
		} else if cond.Question != "" || cond.Field != "" {
			bad("%s: condition must have exactly one of question, measure, all, any, not", where)
		}
		return
	}
	if cond.Question != "" || cond.Field != "" || len(cond.All)+len(cond.Any) > 0 || cond.Not != nil ||
		cond.Equals != nil || len(cond.In) > 0 || cond.Includes != "" || cond.Answered != nil || cond.Contains != "" {
		bad("%s: a measure condition has only measure and status", where)
		return
	}
	if c.measures[cond.Measure] == nil {
		bad("%s: condition names unknown measure %q", where, cond.Measure)
	}
	for _, st := range cond.Status {
		if !slices.Contains(Statuses, st) {
			bad("%s: unknown status %q", where, st)
		}
	}
}

func (c *Catalog) checkCond(where string, cond *Condition, before int, bad func(string, ...any)) {
	if cond.Measure != "" || len(cond.Status) > 0 {
		bad("%s: only a statement's condition may test a measure", where)
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
		bad("%s: condition must have exactly one of question, all, any, not", where)
		return
	}
	for _, sub := range cond.All {
		if sub != nil {
			c.checkCond(where, sub, before, bad)
		}
	}
	for _, sub := range cond.Any {
		if sub != nil {
			c.checkCond(where, sub, before, bad)
		}
	}
	if cond.Not != nil {
		c.checkCond(where, cond.Not, before, bad)
	}
	if cond.Question == "" {
		return
	}
	q := c.questions[cond.Question]
	if q == nil {
		bad("%s: condition names unknown question %q", where, cond.Question)
		return
	}
	if c.order[q.ID] >= before {
		bad("%s: condition names question %s, which is not asked before it", where, q.ID)
	}
	checkTest(where, cond, q.Kind, q.Options, bad)
}

func checkFieldCond(where string, cond *Condition, earlier map[string]bool, q *Question, bad func(string, ...any)) {
	if cond.Field == "" || cond.Question != "" || len(cond.All)+len(cond.Any) > 0 || cond.Not != nil {
		bad("%s: a field condition names one earlier sibling field", where)
		return
	}
	f := q.Field(cond.Field)
	if f == nil || !earlier[cond.Field] {
		bad("%s: condition names field %q, which is not an earlier field of the record", where, cond.Field)
		return
	}
	checkTest(where, cond, f.Kind, f.Options, bad)
}

func checkTest(where string, cond *Condition, kind string, opts []*Option, bad func(string, ...any)) {
	tests := 0
	if cond.Equals != nil {
		tests++
		switch v := cond.Equals.(type) {
		case bool:
			if kind != KindYesNo {
				bad("%s: equals true/false needs a yes/no question", where)
			}
		case string:
			if (kind == KindChoice || kind == KindMultiChoice) && findOption(opts, v) == nil {
				bad("%s: equals names unknown option %q", where, v)
			}
		default:
			bad("%s: equals must be true, false or a string", where)
		}
	}
	if len(cond.In) > 0 {
		tests++
		for _, o := range cond.In {
			if findOption(opts, o) == nil {
				bad("%s: in names unknown option %q", where, o)
			}
		}
	}
	if cond.Includes != "" {
		tests++
		if kind != KindMultiChoice || findOption(opts, cond.Includes) == nil {
			bad("%s: includes needs a multichoice and one of its options", where)
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
			bad("%s: contains needs a text, not %s", where, kind)
		}
	}
	if tests != 1 {
		bad("%s: condition needs exactly one test (equals, in, includes, answered, contains)", where)
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
