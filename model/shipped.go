package model

import (
	"slices"

	json "github.com/goccy/go-json"
)

// ParseShippedCatalog reads the catalogue built into tom. Its data is fixed
// when tom is built, and the tests read it with ParseCatalog, which checks
// everything (TestShippedParsedOnce: accepted, and read as here): it is
// decoded once, straight into the catalogue, and only indexed, not checked
// again at every start. It is read from its tape, the catalogue as
// json.Unmarshal decodes data, written when tom is built (go generate
// ./questionnaires), whose strings are slices of data; a tape of other types
// or of other data is not used, and data is then decoded with
// json.Unmarshal. Data that does not decode is read by ParseCatalog, which
// reports the problems at their places. Any other catalogue (a file, an
// overlay) goes through ParseCatalog.
func ParseShippedCatalog(source, data, tape string) (*Catalog, error) {
	var c Catalog
	if !decodeTapeCatalog(tape, data, &c) {
		c = Catalog{}
		if json.Unmarshal([]byte(data), &c) != nil {
			return ParseCatalog(source, []byte(data))
		}
	}
	c.index()
	return &c, nil
}

// ParseShippedSupportTable is ParseShippedCatalog for the operating-system
// support table built into tom: decoded once and indexed; the tests check
// it with ParseSupportTable.
func ParseShippedSupportTable(source, data, tape string) (*SupportTable, error) {
	var t SupportTable
	if !decodeTapeSupportTable(tape, data, &t) {
		t = SupportTable{}
		if json.Unmarshal([]byte(data), &t) != nil {
			return ParseSupportTable(source, []byte(data))
		}
	}
	t.index()
	return &t, nil
}

// newIndexes makes the catalogue's lookup tables empty, with room for its
// sections, groups, questions and measures (growing them costs more).
func (c *Catalog) newIndexes() {
	nq, nm := 0, 0
	for _, s := range c.Sections {
		if s != nil {
			nq += len(s.Questions)
			nm += len(s.Measures)
		}
	}
	c.questions = make(map[string]*Question, nq)
	c.measures = make(map[string]*Measure, nm)
	c.sections = make(map[string]*Section, len(c.Sections))
	c.groups = make(map[string]*Group, len(c.Groups))
	c.owner = make(map[string]*Section, nq+nm)
	c.order = make(map[string]int, nq)
	c.qroles = map[string]*Question{}
}

// index builds the indexes check, checkRoles and checkRules build, without
// checking anything: for a catalogue the tests have checked. For a
// catalogue check accepts, both give the same catalogue (TestIndexAsCheck).
func (c *Catalog) index() {
	c.newIndexes()
	for _, g := range c.Groups {
		if g != nil {
			c.groups[g.ID] = g
		}
	}
	pos := 0
	for _, s := range c.Sections {
		if s == nil {
			continue
		}
		c.sections[s.ID] = s
		for _, q := range s.Questions {
			if q == nil {
				continue
			}
			c.questions[q.ID] = q
			c.owner[q.ID] = s
			c.order[q.ID] = pos
			pos++
			if q.Role != "" && c.qroles[q.Role] == nil {
				c.qroles[q.Role] = q
			}
			if q.Kind == KindRecords {
				q.indexFields()
			}
		}
		for _, m := range s.Measures {
			if m != nil {
				c.measures[m.ID] = m
				c.owner[m.ID] = s
			}
		}
	}
	for _, r := range c.Rules {
		if r == nil {
			continue
		}
		r.section = nil
		if r.Section != "" {
			r.section = c.sections[r.Section]
		}
		if r.If != nil && r.section == nil {
			r.section = c.ruleSection(r.If)
		}
	}
}

// indexFields builds a records question's indexes of its fields: by ID
// (the first of an ID), and those with a when condition.
func (q *Question) indexFields() {
	q.fieldIdx = make(map[string]*Field, len(q.Fields))
	q.condField = map[string]*Field{}
	for _, f := range q.Fields {
		if f == nil {
			continue
		}
		if _, dup := q.fieldIdx[f.ID]; !dup {
			q.fieldIdx[f.ID] = f
		}
		if f.When != nil {
			q.condField[f.ID] = f
		}
	}
}

// index builds the indexes check builds, without checking anything: for
// the table the tests have checked (TestIndexAsCheck).
func (t *SupportTable) index() {
	t.fams = make(map[string]*SupportFamily, len(t.Families))
	for i := range t.Families {
		f := &t.Families[i]
		t.fams[f.ID] = f
		f.names = nil
		for _, n := range f.Names {
			if toks := supportTokens(n); len(toks) > 0 {
				f.names = append(f.names, toks)
			}
		}
		slices.SortStableFunc(f.names, func(a, b []string) int { return len(b) - len(a) })
	}
	// Each family's entries are a part of one list, cut at their number.
	n := make(map[string]int, len(t.Families))
	for i := range t.Entries {
		n[t.Entries[i].Family]++
	}
	all := make([]int, 0, len(t.Entries))
	t.byFamily = make(map[string][]int, len(n))
	for i := range t.Entries {
		f := t.Entries[i].Family
		l, ok := t.byFamily[f]
		if !ok {
			l = all[len(all) : len(all) : len(all)+n[f]]
			all = all[:len(all)+n[f]]
		}
		t.byFamily[f] = append(l, i)
	}
	t.byCode = map[string][]codeRef{}
	for i := range t.Entries {
		e := &t.Entries[i]
		for _, c := range e.Codenames {
			if toks := supportTokens(c); len(toks) > 0 {
				t.byCode[toks[0]] = append(t.byCode[toks[0]], codeRef{toks, i})
			}
		}
	}
}
