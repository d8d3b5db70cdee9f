package model

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// KindInteger is a whole number; only a measure parameter has it.
const KindInteger = "integer"

// ParamKinds are the kinds a measure parameter may have.
var ParamKinds = []string{KindInteger, KindChoice, KindText, KindDate}

// Param is one value a measure declares to make it checkable ("screen lock
// after 10 minutes"): asked once the measure is marked implemented, stored
// with its answer, printed with it in the document. FORMAT.md, "Measure".
type Param struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Label Text   `json:"label"`
	Help  Text   `json:"help,omitzero"`
	// Unit follows an integer value ("Minuten"); UnitOne is its singular
	// ("Minute"), used for the value 1 (default: Unit).
	Unit    Text `json:"unit,omitzero"`
	UnitOne Text `json:"unit_one,omitzero"`
	// Min and Max bound an integer value (both inclusive, optional).
	Min     *int      `json:"min,omitempty"`
	Max     *int      `json:"max,omitempty"`
	Options []*Option `json:"options,omitempty"`
	// Role tells the program what the value means (the lit. d tests:
	// test_date, test_interval, test_by, test_result); see FORMAT.md "Roles".
	Role string `json:"role,omitempty"`
}

// Parameter roles (each at most once per measure). A measure with a
// test_date parameter is a test of effectiveness under Art. 32(1)(d): the
// document lists it among the tests, and it falls due when never done or
// when its interval has passed since.
const (
	RoleTestDate     = "test_date"     // date: when the test was last done
	RoleTestInterval = "test_interval" // integer: months between tests (default: the review interval)
	RoleTestBy       = "test_by"       // text: who did it
	RoleTestResult   = "test_result"   // text or choice: what it found
)

// paramRoleKinds lists the parameter roles and the kinds each needs.
var paramRoleKinds = map[string][]string{
	RoleTestDate:     {KindDate},
	RoleTestInterval: {KindInteger},
	RoleTestBy:       {KindText},
	RoleTestResult:   {KindText, KindChoice},
}

// measureAttrs are the keys of a measure answer that tom set and tom get
// address as measure.ID.ATTR; a parameter may not take one of their names.
var measureAttrs = []string{"status", "due", "reason", "accepted_by", "note"}

var paramIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Param returns the measure's parameter with the given ID, or nil.
func (m *Measure) Param(id string) *Param {
	for _, p := range m.Params {
		if p != nil && p.ID == id {
			return p
		}
	}
	return nil
}

// ParamByRole returns the measure's parameter with the given role, or nil.
func (m *Measure) ParamByRole(role string) *Param {
	for _, p := range m.Params {
		if p != nil && p.Role == role {
			return p
		}
	}
	return nil
}

// IsTest reports whether the measure is a test of effectiveness (it has a
// parameter with the role test_date).
func (m *Measure) IsTest() bool { return m.ParamByRole(RoleTestDate) != nil }

// checkParams checks the parameters of measure m at pointer mp.
func checkParams(mp string, m *Measure, text func(string, Text, bool), bad catBad) {
	seen := map[string]bool{}
	roles := map[string]string{}
	for i, p := range m.Params {
		pp := ptr(mp+"/params", i)
		if p == nil {
			bad(pp, "cat_null")
			continue
		}
		switch {
		case !paramIDPattern.MatchString(p.ID):
			bad(pp+"/id", "cat_param_bad_id", p.ID)
		case slices.Contains(measureAttrs, p.ID):
			bad(pp+"/id", "cat_param_reserved", p.ID, strings.Join(measureAttrs, ", "))
		case seen[p.ID]:
			bad(pp+"/id", "cat_dup_id", p.ID)
		}
		seen[p.ID] = true
		text(pp+"/label", p.Label, true)
		text(pp+"/help", p.Help, false)
		if !slices.Contains(ParamKinds, p.Kind) {
			bad(pp+"/kind", "cat_param_kind", p.Kind, strings.Join(ParamKinds, ", "))
		}
		if p.Kind == KindInteger {
			text(pp+"/unit", p.Unit, false)
			text(pp+"/unit_one", p.UnitOne, false)
			if p.Min != nil && p.Max != nil && *p.Min > *p.Max {
				bad(pp+"/max", "cat_param_range", *p.Min, *p.Max)
			}
		} else {
			for _, k := range []struct {
				key string
				set bool
			}{{"unit", !p.Unit.IsZero()}, {"unit_one", !p.UnitOne.IsZero()}, {"min", p.Min != nil}, {"max", p.Max != nil}} {
				if k.set {
					bad(pp+"/"+k.key, "cat_param_integer_only", k.key)
				}
			}
		}
		if p.Kind == KindChoice {
			checkOptions(pp, p.Options, text, bad)
		} else if len(p.Options) > 0 {
			bad(pp+"/options", "cat_kind_no_options", p.Kind)
		}
		if p.Role == "" {
			continue
		}
		kinds, ok := paramRoleKinds[p.Role]
		switch {
		case !ok:
			bad(pp+"/role", "cat_role_unknown_param", p.Role, paramRoleList())
		case !slices.Contains(kinds, p.Kind):
			bad(pp+"/role", "cat_role_kind", p.Role, strings.Join(kinds, "/"), p.Kind)
		case roles[p.Role] != "":
			bad(pp+"/role", "cat_role_taken", p.Role, roles[p.Role])
		default:
			roles[p.Role] = p.ID
		}
	}
	if len(roles) > 0 && roles[RoleTestDate] == "" {
		bad(mp+"/params", "cat_param_test_date")
	}
}

func paramRoleList() string {
	out := make([]string, 0, len(paramRoleKinds))
	for r := range paramRoleKinds {
		out = append(out, r)
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// CheckParam checks text typed (or stored) for parameter p and returns the
// value to store: an integer in digits, a choice by option ID, a date as
// YYYY-MM-DD, a text trimmed. key (a message key in Msg) and args say what
// is wrong. Empty input is valid: a missing value is an open item, not an
// error.
func CheckParam(p *Param, s string) (out, key string, args []any) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", "", nil
	}
	switch p.Kind {
	case KindInteger:
		n, err := strconv.Atoi(strings.TrimPrefix(t, "+"))
		if err != nil || strings.HasPrefix(t, "-") && n == 0 {
			return s, "param_not_integer", nil
		}
		if p.Min != nil && n < *p.Min || p.Max != nil && n > *p.Max {
			return s, "param_range", []any{n, rangeText(p)}
		}
		return strconv.Itoa(n), "", nil
	case KindChoice:
		if findOption(p.Options, t) == nil {
			ids := make([]string, len(p.Options))
			for i, o := range p.Options {
				ids[i] = o.ID
			}
			return s, "param_option", []any{t, strings.Join(ids, ", ")}
		}
		return t, "", nil
	case KindDate:
		out, key := CheckInput(KindDate, t)
		return out, key, nil
	}
	out, key = CheckInput(KindText, s)
	return out, key, nil
}

// rangeText words an integer parameter's bounds: "1–60", "≥ 1", "≤ 60".
func rangeText(p *Param) string {
	switch {
	case p.Min != nil && p.Max != nil:
		return fmt.Sprintf("%d–%d", *p.Min, *p.Max)
	case p.Min != nil:
		return fmt.Sprintf("≥ %d", *p.Min)
	case p.Max != nil:
		return fmt.Sprintf("≤ %d", *p.Max)
	}
	return ""
}

// ParamRange words an integer parameter's bounds and unit for a prompt, in
// language l ("1–60 Minuten"); "" for other kinds.
func ParamRange(p *Param, l Lang) string {
	if p.Kind != KindInteger {
		return ""
	}
	return strings.TrimSpace(rangeText(p) + " " + p.Unit.In(l))
}

// ParamText words a stored parameter value in language l: an integer with
// its unit ("10 Minuten", "1 Minute"), a choice by its label, a date as the
// language writes it, a text as it is. An empty value gives "".
func ParamText(p *Param, v string, l Lang) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	switch p.Kind {
	case KindInteger:
		unit := p.Unit.In(l)
		if v == "1" && !p.UnitOne.IsZero() {
			unit = p.UnitOne.In(l)
		}
		return strings.TrimSpace(v + " " + unit)
	case KindChoice:
		return OptionText(p.Options, v, l)
	case KindDate:
		return FormatDate(v, l)
	}
	return v
}

// MissingParams returns the parameters an answer to m lacks: those of an
// implemented measure with no value. Only an implemented measure is asked
// for its parameters, so only there is a gap an open item. A test interval
// is never missing: without one, the review interval applies.
func MissingParams(m *Measure, a MeasureAnswer) []*Param {
	if a.Status != StatusImplemented {
		return nil
	}
	var out []*Param
	for _, p := range m.Params {
		if p != nil && p.Role != RoleTestInterval && strings.TrimSpace(a.Params[p.ID]) == "" {
			out = append(out, p)
		}
	}
	return out
}

// SetParam stores (an empty v: removes) the value of parameter id.
func (a *MeasureAnswer) SetParam(id, v string) {
	if v == "" {
		delete(a.Params, id)
		if len(a.Params) == 0 {
			a.Params = nil
		}
		return
	}
	if a.Params == nil {
		a.Params = map[string]string{}
	}
	a.Params[id] = v
}

// validateParams checks the stored parameter values of measure m at p.
func validateParams(p string, m *Measure, a MeasureAnswer, bad func(string, string, ...any)) {
	for _, id := range sortedStrKeys(a.Params) {
		pp := ptr(p, "params", id)
		par := m.Param(id)
		if par == nil {
			bad(pp, "param_unknown", id, m.ID)
			continue
		}
		out, key, args := CheckParam(par, a.Params[id])
		if key == "" && par.Kind != KindText && out != a.Params[id] {
			key = "param_not_stored" // typed forms (" 10", "+3", "1.2.2026") are not stored forms
			args = []any{ParamStoredForm(par)}
		}
		if key != "" && !isTextKey(key) {
			bad(pp, key, args...)
		}
	}
}

// ParamStoredForm says how a value of p is stored in the answers file.
func ParamStoredForm(p *Param) string {
	switch p.Kind {
	case KindInteger:
		return "123"
	case KindDate:
		return "YYYY-MM-DD"
	case KindChoice:
		ids := make([]string, len(p.Options))
		for i, o := range p.Options {
			ids[i] = o.ID
		}
		return strings.Join(ids, ", ")
	}
	return "text"
}

func sortedStrKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Equal reports whether two measure answers are the same.
func (a MeasureAnswer) Equal(b MeasureAnswer) bool {
	if a.Status != b.Status || a.Due != b.Due || a.Reason != b.Reason || a.AcceptedBy != b.AcceptedBy || a.Note != b.Note || len(a.Params) != len(b.Params) {
		return false
	}
	for k, v := range a.Params {
		if w, ok := b.Params[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// Clone returns a copy of a that shares no map with it.
func (a MeasureAnswer) Clone() MeasureAnswer {
	if a.Params != nil {
		p := make(map[string]string, len(a.Params))
		for k, v := range a.Params {
			p[k] = v
		}
		a.Params = p
	}
	return a
}

// TestInterval returns the months between two runs of test m as answered
// in a: its test_interval parameter, else the file's review interval
// (reviewMonths).
func TestInterval(m *Measure, a MeasureAnswer, reviewMonths int) int {
	if p := m.ParamByRole(RoleTestInterval); p != nil {
		if n, err := strconv.Atoi(a.Params[p.ID]); err == nil && n > 0 {
			return n
		}
	}
	return reviewMonths
}

// DueTestOf returns the dated item of test m (a measure with a test_date
// parameter) as answered in a: an implemented test never done is due now
// (Date and DueOn empty, Overdue); one done is next due its interval after
// the date it was last done. ok is false for a measure that is no test, is
// not implemented or holds no readable date. Section is left to the caller.
func DueTestOf(m *Measure, a MeasureAnswer, reviewMonths int) (it DueItem, ok bool) {
	p := m.ParamByRole(RoleTestDate)
	if p == nil || a.Status != StatusImplemented {
		return DueItem{}, false
	}
	months := TestInterval(m, a, reviewMonths)
	it = DueItem{Kind: DueTest, ID: m.ID, Label: m.Label, Months: months}
	last := strings.TrimSpace(a.Params[p.ID])
	if last == "" {
		it.Overdue = true
		return it, true
	}
	next, err := AddMonths(last, months)
	if err != nil {
		return DueItem{}, false
	}
	it.Date, it.DueOn = last, next
	return it, true
}
