package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Rule severities.
const (
	SeverityContradiction = "contradiction" // the answers cannot all be true
	SeverityWarning       = "warning"       // the answers leave a gap worth a look
)

// OS support states a rule can test (see SupportEntry.Status).
const (
	SupportPast = "past" // security support has ended
	SupportSoon = "soon" // it ends within SupportSoonMonths
)

// Rule is a plausibility rule of the catalogue: when its condition holds for
// an answers file, the file gets a finding with the rule's text. Rules are
// data (questionnaires/FORMAT.md, "Rules"); the program knows no rule.
type Rule struct {
	ID       string    `json:"id"`
	Severity string    `json:"severity"`
	If       *RuleCond `json:"if"`
	Finding  Text      `json:"finding"`
	// Section is the interview step the finding concerns; by default the
	// section of the first measure, question or register the condition names.
	Section string `json:"section,omitempty"`
	// OpenItem makes the finding an open item of the document too.
	OpenItem bool `json:"open_item,omitempty"`

	section *Section
}

// RuleCond is one condition of a rule. Exactly one form is used:
//   - measure with status: the measure applies and has one of the statuses
//     (default: implemented); with answered false: it applies and has no
//     status yet;
//   - question with one test (equals, in, includes, answered, contains) as
//     in a Condition, with mentions (its text contains the answer to another
//     question, ignoring case), or with os_support;
//   - register (a records question) with some or none: some record / no
//     record satisfies the record condition (field tests); with os_support,
//     some record (satisfying some, if given) names an operating system in
//     its operating_system field whose support is in that state;
//   - all, any or not over rule conditions.
type RuleCond struct {
	Measure   string     `json:"measure,omitempty"`
	Status    []string   `json:"status,omitempty"`
	Question  string     `json:"question,omitempty"`
	Equals    any        `json:"equals,omitempty"`
	In        []string   `json:"in,omitempty"`
	Includes  string     `json:"includes,omitempty"`
	Answered  *bool      `json:"answered,omitempty"`
	Contains  string     `json:"contains,omitempty"`
	Mentions  string     `json:"mentions,omitempty"`
	Register  string     `json:"register,omitempty"`
	Some      *Condition `json:"some,omitempty"`
	None      *Condition `json:"none,omitempty"`
	OSSupport []string   `json:"os_support,omitempty"`
	// ExpectedGap holds when some measure expected at the business's
	// protection level is open (View.ExpectedGap); those are the matches.
	ExpectedGap bool        `json:"expected_gap,omitempty"`
	All         []*RuleCond `json:"all,omitempty"`
	Any         []*RuleCond `json:"any,omitempty"`
	Not         *RuleCond   `json:"not,omitempty"`
}

// Finding is what one rule found in an answers file.
type Finding struct {
	Rule     *Rule
	Severity string
	Section  *Section // the step it concerns (nil when the rule names none)
	// Text is the rule's finding with {matches} replaced by what matched
	// (record names, operating systems and their end of support).
	Text Text
	// Date is the earliest end of support among the matches ("" for rules
	// without os_support): `tom status` warns before it passes.
	Date string
}

// checkRules checks the catalogue's rules after check built its indexes;
// pos places each problem at its line and column.
func (c *Catalog) checkRules(pos *positions) []Problem {
	var probs []Problem
	bad := func(ptr, key string, args ...any) {
		p := Problem{Pointer: ptr, Key: key, Args: args}
		p.Line, p.Col = lineCol(pos.data, pos.offset(ptr))
		probs = append(probs, p)
	}
	ids := map[string]bool{}
	for i, r := range c.Rules {
		base := fmt.Sprintf("/rules/%d", i)
		if r == nil {
			bad(base, "cat_null")
			continue
		}
		if !idPattern.MatchString(r.ID) {
			bad(base+"/id", "cat_bad_id", r.ID)
		} else if ids[r.ID] {
			bad(base+"/id", "cat_dup_id", r.ID)
		}
		ids[r.ID] = true
		if r.Severity != SeverityContradiction && r.Severity != SeverityWarning {
			bad(base+"/severity", "cat_rule_severity", r.Severity)
		}
		if strings.TrimSpace(r.Finding.De) == "" {
			bad(base+"/finding", "cat_de_missing")
		}
		if strings.TrimSpace(r.Finding.En) == "" {
			bad(base+"/finding", "cat_en_missing")
		}
		r.section = nil
		if r.Section != "" {
			if r.section = c.sections[r.Section]; r.section == nil {
				bad(base+"/section", "cat_rule_unknown_section", r.Section)
			}
		}
		if r.If == nil {
			bad(base, "cat_rule_no_if")
			continue
		}
		c.checkRuleCond(r.If, base+"/if", bad)
		if r.section == nil {
			r.section = c.ruleSection(r.If)
		}
	}
	sortProblems(probs)
	return probs
}

// ruleSection returns the section of the first measure, question or register
// the condition names.
func (c *Catalog) ruleSection(rc *RuleCond) *Section {
	for _, id := range []string{rc.Measure, rc.Question, rc.Register} {
		if s := c.owner[id]; id != "" && s != nil {
			return s
		}
	}
	for _, sub := range slices.Concat(rc.All, rc.Any, []*RuleCond{rc.Not}) {
		if sub != nil {
			if s := c.ruleSection(sub); s != nil {
				return s
			}
		}
	}
	return nil
}

func (c *Catalog) checkRuleCond(rc *RuleCond, ptr string, bad catBad) {
	if rc == nil {
		bad(ptr, "cat_null")
		return
	}
	forms := 0
	for _, set := range []bool{rc.ExpectedGap, rc.Measure != "", rc.Question != "", rc.Register != "", len(rc.All) > 0, len(rc.Any) > 0, rc.Not != nil} {
		if set {
			forms++
		}
	}
	if forms != 1 {
		bad(ptr, "cat_rule_forms")
		return
	}
	testsUsed := rc.Equals != nil || len(rc.In) > 0 || rc.Includes != "" || rc.Answered != nil || rc.Contains != "" || rc.Mentions != ""
	switch {
	case rc.ExpectedGap:
		if testsUsed || len(rc.Status) > 0 || rc.Some != nil || rc.None != nil || len(rc.OSSupport) > 0 {
			bad(ptr, "cat_rule_expected_alone")
		}
	case rc.Measure != "":
		if c.measures[rc.Measure] == nil {
			bad(ptr+"/measure", "cat_cond_unknown_measure", rc.Measure)
		}
		for _, st := range rc.Status {
			if !slices.Contains(Statuses, st) {
				bad(ptr+"/status", "cat_rule_status", st, strings.Join(Statuses, ", "))
			}
		}
		if rc.Answered != nil && (*rc.Answered || len(rc.Status) > 0) {
			bad(ptr, "cat_rule_measure_answered")
		}
		if rc.Equals != nil || len(rc.In) > 0 || rc.Includes != "" || rc.Contains != "" || rc.Mentions != "" || rc.Some != nil || rc.None != nil || len(rc.OSSupport) > 0 {
			bad(ptr, "cat_rule_measure_only")
		}
	case rc.Question != "":
		q := c.questions[rc.Question]
		if q == nil {
			bad(ptr+"/question", "cat_cond_unknown_question", rc.Question)
			return
		}
		if len(rc.Status) > 0 || rc.Some != nil || rc.None != nil {
			bad(ptr, "cat_rule_question_tests")
		}
		if len(rc.OSSupport) > 0 {
			if testsUsed {
				bad(ptr, "cat_rule_os_alone")
			}
			if q.Kind != KindText {
				bad(ptr+"/question", "cat_rule_os_text", q.Kind)
			}
			checkSupportStates(rc.OSSupport, ptr, bad)
			return
		}
		if q.Kind == KindRecords {
			bad(ptr+"/question", "cat_rule_use_register", q.ID)
			return
		}
		if rc.Mentions != "" {
			o := c.questions[rc.Mentions]
			if o == nil || o.Kind != KindText && o.Kind != KindTextarea || q.Kind != KindText && q.Kind != KindTextarea {
				bad(ptr+"/mentions", "cat_rule_mentions", rc.Mentions)
			}
			if rc.Equals != nil || len(rc.In) > 0 || rc.Includes != "" || rc.Answered != nil || rc.Contains != "" {
				bad(ptr, "cat_rule_mentions_alone")
			}
			return
		}
		cond := &Condition{Question: q.ID, Equals: rc.Equals, In: rc.In, Includes: rc.Includes, Answered: rc.Answered, Contains: rc.Contains}
		checkTest(ptr, cond, q.Kind, q.Options, bad)
	case rc.Register != "":
		q := c.questions[rc.Register]
		if q == nil || q.Kind != KindRecords {
			bad(ptr+"/register", "cat_rule_not_register", rc.Register)
			return
		}
		if testsUsed || len(rc.Status) > 0 {
			bad(ptr, "cat_rule_register_tests")
		}
		if (rc.Some != nil) == (rc.None != nil) && len(rc.OSSupport) == 0 {
			bad(ptr, "cat_rule_some_none")
		}
		if rc.Some != nil {
			checkRecordCond(rc.Some, ptr+"/some", q, bad)
		}
		if rc.None != nil {
			checkRecordCond(rc.None, ptr+"/none", q, bad)
		}
		if len(rc.OSSupport) > 0 {
			if rc.None != nil {
				bad(ptr, "cat_rule_os_none")
			}
			checkSupportStates(rc.OSSupport, ptr, bad)
		}
	default:
		if testsUsed || len(rc.Status) > 0 || rc.Some != nil || rc.None != nil || len(rc.OSSupport) > 0 {
			bad(ptr, "cat_rule_combine_tests")
		}
		for i, sub := range rc.All {
			c.checkRuleCond(sub, fmt.Sprintf("%s/all/%d", ptr, i), bad)
		}
		for i, sub := range rc.Any {
			c.checkRuleCond(sub, fmt.Sprintf("%s/any/%d", ptr, i), bad)
		}
		if rc.Not != nil {
			c.checkRuleCond(rc.Not, ptr+"/not", bad)
		}
	}
}

func checkSupportStates(states []string, ptr string, bad catBad) {
	for _, s := range states {
		if s != SupportPast && s != SupportSoon {
			bad(ptr+"/os_support", "cat_rule_os_state", s)
		}
	}
}

// checkRecordCond checks a condition on one record of q: field tests,
// combined with all, any and not. Unlike a field's own condition it may name
// any field of the record.
func checkRecordCond(cond *Condition, ptr string, q *Question, bad catBad) {
	forms := 0
	for _, set := range []bool{cond.Field != "", len(cond.All) > 0, len(cond.Any) > 0, cond.Not != nil} {
		if set {
			forms++
		}
	}
	if forms != 1 || cond.Question != "" {
		bad(ptr, "cat_record_cond_forms")
		return
	}
	for i, sub := range cond.All {
		if sub == nil {
			bad(ptr, "cat_null")
			continue
		}
		checkRecordCond(sub, fmt.Sprintf("%s/all/%d", ptr, i), q, bad)
	}
	for i, sub := range cond.Any {
		if sub == nil {
			bad(ptr, "cat_null")
			continue
		}
		checkRecordCond(sub, fmt.Sprintf("%s/any/%d", ptr, i), q, bad)
	}
	if cond.Not != nil {
		checkRecordCond(cond.Not, ptr+"/not", q, bad)
	}
	if cond.Field == "" {
		return
	}
	f := q.Field(cond.Field)
	if f == nil {
		bad(ptr+"/field", "cat_record_unknown_field", cond.Field, q.ID)
		return
	}
	checkTest(ptr, cond, f.Kind, f.Options, bad)
}

// SetSupport gives the catalogue the operating-system support table that
// rules with os_support read; without one they never hold.
func (c *Catalog) SetSupport(t *SupportTable) { c.support = t }

// Support returns the table SetSupport gave, or nil.
func (c *Catalog) Support() *SupportTable { return c.support }

// ruleEval evaluates rules on one file as of one day.
type ruleEval struct {
	v       View
	today   time.Time
	dated   bool
	l       [][2]string // labels of the first matches (German, English), in order
	n       int         // how many matches there are (see match)
	earlier string      // earliest end date among the matches
	osCache map[string]osResult
	cols    map[*Question]*registerColumns
}

// registerColumns holds the fields of a register's records, one column per
// field, built on first use: the rules test the same few fields of every
// record again and again, and a column is read without a map lookup.
type registerColumns struct {
	q     *Question
	recs  []Record
	raw   map[string][]Value // the values as stored
	shown map[string][]bool  // per field with a condition: where it shows
}

func newRegisterColumns(q *Question, recs []Record) *registerColumns {
	return &registerColumns{q: q, recs: recs, raw: map[string][]Value{}, shown: map[string][]bool{}}
}

// rawColumn returns field id of every record as stored.
func (rc *registerColumns) rawColumn(id string) []Value {
	if col, ok := rc.raw[id]; ok {
		return col
	}
	col := make([]Value, len(rc.recs))
	for i, r := range rc.recs {
		col[i] = r[id]
	}
	rc.raw[id] = col
	return col
}

// column returns field id of every record as stored and where the field
// shows (nil: everywhere): as recordValue gives it, the value is unset where
// the field's own condition hides it.
func (rc *registerColumns) column(id string) ([]Value, []bool) {
	col := rc.rawColumn(id)
	shown, ok := rc.shown[id]
	if !ok {
		if fd := rc.field(id); fd != nil && fd.When != nil {
			shown = rc.visible(fd)
		}
		rc.shown[id] = shown
	}
	return col, shown
}

// stored returns field id of every record as stored, shown everywhere.
func (rc *registerColumns) stored(id string) ([]Value, []bool) { return rc.rawColumn(id), nil }

// field returns field id of the register if it has a condition of its own.
func (rc *registerColumns) field(id string) *Field {
	fd := rc.q.condField[id]
	if fd == nil && rc.q.condField == nil {
		fd = rc.q.Field(id) // a question check did not index
	}
	return fd
}

// prefetch reads the raw columns cond needs, the fields it names and those
// their own conditions name, in one pass over the records: a record's
// fields are read together, while it is in the cache.
func (rc *registerColumns) prefetch(cond *Condition) {
	var ids []string
	add := func(id string) {
		if _, ok := rc.raw[id]; !ok && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	cond.fields(func(id string) {
		add(id)
		if fd := rc.field(id); fd != nil && fd.When != nil {
			fd.When.fields(add)
		}
	})
	if len(ids) == 0 {
		return
	}
	n := len(rc.recs)
	all := make([]Value, len(ids)*n) // one allocation for the columns
	for i, r := range rc.recs {
		for k, id := range ids {
			all[k*n+i] = r[id]
		}
	}
	for k, id := range ids {
		rc.raw[id] = all[k*n : (k+1)*n : (k+1)*n]
	}
}

// visible returns whether fd shows in each record (FieldVisible).
func (rc *registerColumns) visible(fd *Field) []bool {
	return rc.on(fd.When, rc.stored)
}

// holds returns whether cond holds for each record (recordHolds).
func (rc *registerColumns) holds(cond *Condition) []bool {
	rc.prefetch(cond)
	return rc.on(cond, rc.column)
}

// on returns whether cond holds for each record, as cond.Eval does with the
// record's fields read from the columns column gives; worked out a test at
// a time over a whole column.
func (rc *registerColumns) on(cond *Condition, column func(id string) ([]Value, []bool)) []bool {
	out := make([]bool, len(rc.recs))
	rc.eval(cond, column, out)
	return out
}

// eval sets out[i] to whether c holds for record i (see on).
func (rc *registerColumns) eval(c *Condition, column func(id string) ([]Value, []bool), out []bool) {
	// The cases in the order Condition.eval takes them.
	switch {
	case c == nil:
		for i := range out {
			out[i] = true
		}
	case len(c.All) > 0, len(c.Any) > 0:
		subs, all := c.All, true
		if len(subs) == 0 {
			subs, all = c.Any, false
		}
		rc.eval(subs[0], column, out)
		more := make([]bool, len(out))
		for _, sub := range subs[1:] {
			rc.eval(sub, column, more)
			for i, m := range more {
				if all {
					out[i] = out[i] && m
				} else {
					out[i] = out[i] || m
				}
			}
		}
	case c.Not != nil:
		rc.eval(c.Not, column, out)
		for i := range out {
			out[i] = !out[i]
		}
	case c.Measure != "":
		clear(out) // no measure status here, as in Eval
	default:
		col, shown := column(c.tested())
		for i := range out {
			if shown != nil && !shown[i] {
				out[i] = c.test(Value{}) // hidden: unset
			} else {
				out[i] = c.test(col[i])
			}
		}
	}
}

// columns returns the columns of register q, whose records are recs.
func (e *ruleEval) columns(q *Question, recs []Record) *registerColumns {
	if rc := e.cols[q]; rc != nil {
		return rc
	}
	if e.cols == nil {
		e.cols = map[*Question]*registerColumns{}
	}
	rc := newRegisterColumns(q, recs)
	e.cols[q] = rc
	return rc
}

type osResult struct {
	entry      SupportEntry
	ok         bool
	past, soon bool      // as of the evaluation's day
	label      [2]string // German and English, without the record's name
	end        string    // YYYY-MM-DD, "" without a date
}

// Findings evaluates the catalogue's rules on f as of today (a stored date,
// YYYY-MM-DD; "" leaves out the rules that test end of support) and returns
// the findings in rule order.
func Findings(c *Catalog, f *File, today string) []Finding {
	if len(c.Rules) == 0 {
		return nil
	}
	e := &ruleEval{v: View{C: c, F: f}}
	if t, err := DateOf(today); err == nil {
		e.today, e.dated = t, true
	}
	var out []Finding
	for _, r := range c.Rules {
		e.l, e.n, e.earlier = e.l[:0], 0, ""
		if !e.eval(r.If) {
			continue
		}
		out = append(out, Finding{
			Rule:     r,
			Severity: r.Severity,
			Section:  r.section,
			Text:     Text{De: fillMatches(r.Finding.De, e.l, e.n, 0, De), En: fillMatches(r.Finding.En, e.l, e.n, 1, En)},
			Date:     e.earlier,
		})
	}
	return out
}

// shownMatches is how many matches a finding names; the others are counted.
const shownMatches = 10

// match counts a match of the rule being evaluated, and keeps its label if
// it is among the first shownMatches.
func (e *ruleEval) match(label [2]string) {
	if e.n < shownMatches {
		e.l = append(e.l, label)
	}
	e.n++
}

// fillMatches puts the n matches (in language l, index i of each label, the
// labels of the first of them) into a finding text's {matches}.
func fillMatches(s string, labels [][2]string, n, i int, l Lang) string {
	if !strings.Contains(s, "{matches}") {
		return s
	}
	if n == 0 {
		return strings.ReplaceAll(s, "{matches}", Msg.Get(l, "rule_no_matches"))
	}
	var b strings.Builder
	for k, lb := range labels[:min(n, shownMatches)] {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(lb[i])
	}
	if n > shownMatches {
		b.WriteString(Msg.Get(l, "rule_more_matches", n-shownMatches))
	}
	return strings.ReplaceAll(s, "{matches}", b.String())
}

func (e *ruleEval) eval(rc *RuleCond) bool {
	switch {
	case len(rc.All) > 0:
		for _, sub := range rc.All {
			if !e.eval(sub) {
				return false
			}
		}
		return true
	case len(rc.Any) > 0:
		for _, sub := range rc.Any {
			if e.eval(sub) {
				return true
			}
		}
		return false
	case rc.Not != nil:
		// Matches found under a negation explain nothing: drop them.
		saved, savedDate := e.n, e.earlier
		ok := !e.eval(rc.Not)
		e.l, e.n, e.earlier = e.l[:min(saved, shownMatches)], saved, savedDate
		return ok
	case rc.Measure != "":
		m := e.v.C.Measure(rc.Measure)
		if m == nil || !e.v.MeasureVisible(m) {
			return false
		}
		a, ok := e.v.F.Measures[m.ID]
		if rc.Answered != nil {
			return !ok || a.Status == ""
		}
		if !ok {
			return false
		}
		if len(rc.Status) == 0 {
			return a.Status == StatusImplemented
		}
		return slices.Contains(rc.Status, a.Status)
	case rc.Question != "":
		val := e.v.Value(rc.Question)
		if len(rc.OSSupport) > 0 {
			return e.osMatch(val.Str(), rc.OSSupport, "")
		}
		if rc.Mentions != "" {
			other := strings.ToLower(strings.TrimSpace(e.v.Value(rc.Mentions).Str()))
			return other != "" && strings.Contains(strings.ToLower(val.Str()), other)
		}
		cond := Condition{Question: rc.Question, Equals: rc.Equals, In: rc.In, Includes: rc.Includes, Answered: rc.Answered, Contains: rc.Contains}
		return cond.Eval(func(string) Value { return val })
	case rc.Register != "":
		return e.register(rc)
	case rc.ExpectedGap:
		found := false
		level := e.v.Level()
		for _, s := range e.v.C.Sections {
			for _, m := range s.Measures {
				if e.v.expectedGapAt(level, m) {
					found = true
					e.match([2]string{m.Label.De, m.Label.En})
				}
			}
		}
		return found
	}
	return false
}

func (e *ruleEval) register(rc *RuleCond) bool {
	q := e.v.C.Question(rc.Register)
	recs := e.v.Value(rc.Register).Records()
	if rc.None != nil {
		holds := e.columns(q, recs).holds(rc.None)
		for i := range recs {
			if holds[i] {
				return false
			}
		}
		return true
	}
	var osField *Field
	if len(rc.OSSupport) > 0 {
		// Without a field of role operating_system nothing can match.
		if osField = q.FieldByRole(RoleOperatingSystem); osField == nil {
			return false
		}
	}
	found := false
	var some []bool
	if rc.Some != nil {
		some = e.columns(q, recs).holds(rc.Some)
	}
	for i, r := range recs {
		if some != nil && !some[i] {
			continue
		}
		// Only the first matches are named (see fillMatches); the
		// others need not be worded.
		name := ""
		if e.n < shownMatches {
			name = recordLabel(q, r)
		}
		if osField != nil {
			if !FieldVisible(osField, r) || !e.osMatch(r[osField.ID].Str(), rc.OSSupport, name) {
				continue
			}
			found = true
			continue
		}
		found = true
		e.match([2]string{name, name})
	}
	return found
}

// osMatch reports whether the OS named by text is in one of the support
// states; it adds a label for the match ("name: Windows 7, ended 14.01.2020").
func (e *ruleEval) osMatch(text string, states []string, name string) bool {
	t := e.v.C.support
	if t == nil || !e.dated || strings.TrimSpace(text) == "" {
		return false
	}
	if e.osCache == nil {
		e.osCache = map[string]osResult{}
	}
	res, seen := e.osCache[text]
	if !seen {
		res = e.lookupOS(text)
		e.osCache[text] = res
	}
	if !res.ok || !(res.past && slices.Contains(states, SupportPast) || res.soon && slices.Contains(states, SupportSoon)) {
		return false
	}
	if res.end != "" && (e.earlier == "" || res.end < e.earlier) {
		e.earlier = res.end
	}
	label := res.label
	if name != "" {
		label[0], label[1] = name+": "+label[0], name+": "+label[1]
	}
	e.match(label)
	return true
}

// lookupOS places an OS name on the support table and words it, once per
// name and evaluation.
func (e *ruleEval) lookupOS(text string) osResult {
	var res osResult
	res.entry, res.ok = e.v.C.support.Lookup(text)
	if !res.ok {
		return res
	}
	res.past, res.soon = res.entry.Status(e.today)
	res.label = [2]string{res.entry.Name, res.entry.Name}
	date := res.entry.End
	if date == "" {
		date = res.entry.UnsupportedSince
	}
	if date == "" {
		return res
	}
	key := "rule_os_ends"
	if res.past {
		key = "rule_os_ended"
	}
	for i, l := range []Lang{De, En} {
		res.label[i] = Msg.Get(l, key, res.entry.Name, FormatSupportDate(date, l))
	}
	if end, err := supportDate(date); err == nil {
		res.end = end.Format(DateLayout)
	}
	return res
}

// recordHolds reports whether record r of q satisfies cond; a field hidden by
// its own condition counts as unanswered.
func recordHolds(cond *Condition, q *Question, r Record) bool {
	return cond.Eval(func(id string) Value { return recordValue(q, r, id) })
}

// recordValue returns field id of record r of q as a record condition sees
// it: unset when the field's own condition hides it.
func recordValue(q *Question, r Record, id string) Value {
	fd := q.condField[id]
	if fd == nil && q.condField == nil {
		fd = q.Field(id) // a question check did not index
	}
	if fd != nil && fd.When != nil && !FieldVisible(fd, r) {
		return Value{}
	}
	return r[id]
}

// recordLabel names a record in a finding: its record_name field, else its
// first non-empty text field, else its ID.
func recordLabel(q *Question, r Record) string {
	if fd := q.FieldByRole(RoleRecordName); fd != nil {
		if s := strings.TrimSpace(r[fd.ID].Str()); s != "" {
			return s
		}
	}
	if n := RecordName(q, r); n != "" {
		return n
	}
	return r.ID()
}

// FindingsIn returns the findings that concern section s.
func FindingsIn(fs []Finding, s *Section) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Section == s {
			out = append(out, f)
		}
	}
	return out
}

// CountFindings counts contradictions and warnings.
func CountFindings(fs []Finding) (contradictions, warnings int) {
	for _, f := range fs {
		if f.Severity == SeverityContradiction {
			contradictions++
		} else {
			warnings++
		}
	}
	return
}
