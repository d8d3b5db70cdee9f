package model

import (
	"slices"
	"strings"
)

// Options of the question with the role business_role (FORMAT.md, "Question
// roles"): in which role the business processes personal data.
const (
	BusinessController = "controller" // for its own purposes only
	BusinessProcessor  = "processor"  // only on behalf of its clients (Art. 28 GDPR)
	BusinessBoth       = "both"       // both
)

// BusinessRole returns the answer to the business_role question: one of
// BusinessController, BusinessProcessor, BusinessBoth, or "" when the
// catalogue has no such question or it is not answered.
func (v View) BusinessRole() string { return v.ByRole(RoleBusinessRole).Str() }

// ActsAsProcessor reports whether the business processes personal data on
// behalf of clients (role processor or both).
func (v View) ActsAsProcessor() bool {
	r := v.BusinessRole()
	return r == BusinessProcessor || r == BusinessBoth
}

// ActsAsController reports whether the business processes personal data for
// its own purposes (role controller or both).
func (v View) ActsAsController() bool {
	r := v.BusinessRole()
	return r == BusinessController || r == BusinessBoth
}

// Protection-need levels, as the DSK's Standard-Datenschutzmodell names
// them, lowest first. They are the option IDs of the need questions and the
// values of a measure's or section's "level".
const (
	LevelNormal   = "normal"
	LevelHigh     = "hoch"
	LevelVeryHigh = "sehr_hoch"
)

// Levels lists the protection-need levels, lowest first.
var Levels = []string{LevelNormal, LevelHigh, LevelVeryHigh}

// LevelRank returns the place of level in Levels (0 for normal), or -1 for
// an unknown level.
func LevelRank(level string) int { return slices.Index(Levels, level) }

// HigherLevel returns the higher of two levels; an unknown level counts as
// lower than normal.
func HigherLevel(a, b string) string {
	if LevelRank(b) > LevelRank(a) {
		return b
	}
	return a
}

// The protection goals a protection need is stated for: the keys of an
// option's "need".
const (
	GoalConfidentiality = "confidentiality"
	GoalIntegrity       = "integrity"
	GoalAvailability    = "availability"
)

// NeedGoals lists the protection goals of the protection need, in the order
// they are asked and shown.
var NeedGoals = []string{GoalConfidentiality, GoalIntegrity, GoalAvailability}

// needRoles maps each goal to the question role that asks for it.
var needRoles = map[string]string{
	GoalConfidentiality: RoleNeedConfidentiality,
	GoalIntegrity:       RoleNeedIntegrity,
	GoalAvailability:    RoleNeedAvailability,
}

// SDMGoals lists the seven Gewährleistungsziele of the Standard-
// Datenschutzmodell a measure's "goals" may name.
var SDMGoals = []string{"availability", "integrity", "confidentiality", "unlinkability", "transparency", "intervenability", "data_minimisation"}

// riskMsg holds the words of the protection need, in both languages.
var riskMsg = Messages{
	LevelNormal:         {De: "normal", En: "normal"},
	LevelHigh:           {De: "hoch", En: "high"},
	LevelVeryHigh:       {De: "sehr hoch", En: "very high"},
	GoalConfidentiality: {De: "Vertraulichkeit", En: "Confidentiality"},
	GoalIntegrity:       {De: "Integrität", En: "Integrity"},
	GoalAvailability:    {De: "Verfügbarkeit", En: "Availability"},
	"because":           {De: "Vorschlag: %s, weil: %s", En: "Proposed: %s, because: %s"},
	"because_none":      {De: "Vorschlag: %s – keine Angabe spricht für einen höheren Schutzbedarf", En: "Proposed: %s – nothing stated calls for a higher protection need"},
	"expected":          {De: "empfohlen für Ihr Schutzniveau", En: "recommended for your protection level"},
	"expected_tag":      {De: "empfohlen", En: "recommended"},
	"expected_help":     {De: "Empfohlen für Ihr Schutzniveau (%s).", En: "Recommended for your protection level (%s)."},
}

// LevelName returns the level's name in language l ("sehr hoch").
func LevelName(level string, l Lang) string {
	if LevelRank(level) < 0 {
		return level
	}
	return riskMsg.Get(l, level)
}

// GoalName returns the protection goal's name in language l.
func GoalName(goal string, l Lang) string { return riskMsg.Get(l, goal) }

// ExpectedMark is the marker the interview shows on a measure expected at
// the business's protection level, in language l.
func ExpectedMark(l Lang) string { return riskMsg.Get(l, "expected") }

// ExpectedTag is the short form of ExpectedMark for a row of a table.
func ExpectedTag(l Lang) string { return riskMsg.Get(l, "expected_tag") }

// ExpectedHelp says in a sentence that a measure is expected at level.
func ExpectedHelp(level string, l Lang) string {
	return riskMsg.Get(l, "expected_help", LevelName(level, l))
}

// Need is the protection need for one goal: what the answers propose, why,
// and what the business stated.
type Need struct {
	Goal     string
	Question *Question // the need question of this goal
	Proposed string    // the level the data kinds propose (at least normal)
	Because  []Text    // the option labels that raised the proposal above normal
	Stated   string    // the answer ("" when not answered)
}

// Level returns the stated level, or the proposed one when none is stated.
func (n Need) Level() string {
	if n.Stated != "" {
		return n.Stated
	}
	return n.Proposed
}

// Lowered reports whether the stated level is below the proposal.
func (n Need) Lowered() bool { return n.Stated != "" && LevelRank(n.Stated) < LevelRank(n.Proposed) }

// Explain says in language l what is proposed and why.
func (n Need) Explain(l Lang) string {
	name := LevelName(n.Proposed, l)
	if len(n.Because) == 0 {
		return riskMsg.Get(l, "because_none", name)
	}
	parts := make([]string, len(n.Because))
	for i, t := range n.Because {
		parts[i] = t.In(l)
	}
	return riskMsg.Get(l, "because", name, strings.Join(parts, "; "))
}

// HasNeeds reports whether the catalogue asks for a protection need (has a
// question with one of the need roles). Without one, no level is derived
// and no measure is expected.
func (c *Catalog) HasNeeds() bool {
	for _, r := range needRoles {
		if c.QuestionByRole(r) != nil {
			return true
		}
	}
	return false
}

// Needs returns the protection need for each goal the catalogue asks for, in
// the order of NeedGoals.
func (v View) Needs() []Need {
	var out []Need
	for _, g := range NeedGoals {
		q := v.C.QuestionByRole(needRoles[g])
		if q == nil {
			continue
		}
		n := Need{Goal: g, Question: q, Proposed: LevelNormal}
		n.Proposed, n.Because = v.propose(g)
		if a := v.Value(q.ID).Str(); LevelRank(a) >= 0 {
			n.Stated = a
		}
		out = append(out, n)
	}
	return out
}

// NeedFor returns the need q asks for, when q carries a need role.
func (v View) NeedFor(q *Question) (Need, bool) {
	for _, n := range v.Needs() {
		if n.Question == q {
			return n, true
		}
	}
	return Need{}, false
}

// propose derives the proposed level for goal from the answered choice and
// multiple-choice questions: the highest "need" of a chosen option (normal
// when none has one), with the labels of the options that reach it.
func (v View) propose(goal string) (string, []Text) {
	level := LevelNormal
	var because []Text
	for _, s := range v.C.Sections {
		for _, q := range s.Questions {
			if q.Kind != KindChoice && q.Kind != KindMultiChoice {
				continue
			}
			val := v.Value(q.ID)
			if !val.IsSet() {
				continue
			}
			for _, o := range q.Options {
				want := o.Need[goal]
				if want == "" || !(val.Has(o.ID) || val.IsString() && val.Str() == o.ID) {
					continue
				}
				switch r := LevelRank(want); {
				case r > LevelRank(level):
					level, because = want, []Text{o.Label}
				case r == LevelRank(level) && r > 0:
					because = append(because, o.Label)
				}
			}
		}
	}
	return level, because
}

// Lowered reports whether some stated need is below its proposal: then the
// question with the role need_reason is asked, and must be answered.
func (v View) Lowered() bool {
	for _, n := range v.Needs() {
		if n.Lowered() {
			return true
		}
	}
	return false
}

// Level returns the business's protection level: the highest need of its
// goals (stated, else proposed). It is "" when the catalogue asks for no
// protection need.
func (v View) Level() string {
	level := ""
	for _, n := range v.Needs() {
		level = HigherLevel(level, n.Level())
	}
	return level
}

// LevelStated reports whether every need the catalogue asks for is stated
// (answered), so that Level is the business's own and not only a proposal.
func (v View) LevelStated() bool {
	ns := v.Needs()
	for _, n := range ns {
		if n.Stated == "" {
			return false
		}
	}
	return len(ns) > 0
}

// LevelReasons returns, for the level, the explanations of the goals that
// reach it (in language l): "Vertraulichkeit: Vorschlag: sehr hoch, weil: …".
func (v View) LevelReasons(l Lang) []string {
	level := v.Level()
	var out []string
	for _, n := range v.Needs() {
		if n.Level() == level {
			out = append(out, GoalName(n.Goal, l)+": "+n.Explain(l))
		}
	}
	return out
}

// ExpectedFrom returns the level from which measure m is expected: its own
// "level", else its section's, else normal (expected of everyone).
func (c *Catalog) ExpectedFrom(m *Measure) string {
	if m.Level != "" {
		return m.Level
	}
	if s := c.SectionOf(m.ID); s != nil && s.Level != "" {
		return s.Level
	}
	return LevelNormal
}

// Expected reports whether measure m applies and is expected at the
// business's protection level (see ExpectedFrom). Without a protection need
// in the catalogue, nothing is expected.
func (v View) Expected(m *Measure) bool { return v.expectedAt(v.Level(), m) }

// expectedAt is Expected with the business's level already known (it is
// derived from the answers, so a loop over measures derives it once).
func (v View) expectedAt(level string, m *Measure) bool {
	if level == "" || !v.MeasureVisible(m) {
		return false
	}
	return LevelRank(level) >= LevelRank(v.C.ExpectedFrom(m))
}

// Expected reports whether measure m is expected at the business's
// protection level; the interview marks such measures.
func (s *Session) Expected(m *Measure) bool { return s.V.Expected(m) }

// Tally counts the expected measures of one Art. 32 heading (a catalogue
// group) by their answers.
type Tally struct {
	Group         *Group
	Expected      int // measures expected at the level that apply
	Implemented   int
	Planned       int
	Declined      int // deliberately not taken, with reason and acceptance
	NotApplicable int
	Open          int // unclear, not answered, or declined without reason or acceptance
	// Missing lists the expected measures not implemented, in catalogue order.
	Missing []*Measure
}

// Gap is an expected measure that is neither implemented nor planned nor
// given a reason: open (unclear, unanswered, or declined without reason).
func (t Tally) Gap() int { return t.Open }

// TargetActual counts, per group of the catalogue, the measures expected at
// the business's protection level by their answers. Each measure counts in
// its own section's group. It returns nil when the catalogue asks for no
// protection need.
func (v View) TargetActual() []Tally {
	level := v.Level()
	if level == "" {
		return nil
	}
	var out []Tally
	for _, g := range v.C.Groups {
		t := Tally{Group: g}
		for _, s := range v.C.Sections {
			if s.Kind != SectionControl || s.Group != g.ID {
				continue
			}
			for _, m := range s.Measures {
				if !v.expectedAt(level, m) {
					continue
				}
				t.Expected++
				a := v.F.Measures[m.ID]
				switch a.Status {
				case StatusImplemented:
					t.Implemented++
					continue
				case StatusPlanned:
					t.Planned++
				case StatusNotApplicable:
					t.NotApplicable++
				case StatusDeclined:
					if a.DeclineComplete() {
						t.Declined++
					} else {
						t.Open++
					}
				default:
					t.Open++
				}
				t.Missing = append(t.Missing, m)
			}
		}
		out = append(out, t)
	}
	return out
}

// ExpectedGap reports whether measure m is expected and open: not
// implemented, planned, not applicable or declined with reason and
// acceptance. A measure without status counts once its section is done.
func (v View) ExpectedGap(m *Measure) bool { return v.expectedGapAt(v.Level(), m) }

// expectedGapAt is ExpectedGap with the business's level already known.
func (v View) expectedGapAt(level string, m *Measure) bool {
	if !v.expectedAt(level, m) {
		return false
	}
	a, ok := v.F.Measures[m.ID]
	switch {
	case !ok || a.Status == "":
		s := v.C.SectionOf(m.ID)
		return s != nil && contains(v.F.Progress.Done, s.ID)
	case a.Status == StatusUnclear:
		return true
	case a.Status == StatusDeclined:
		return !a.DeclineComplete()
	}
	return false
}
