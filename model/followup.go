package model

import "strings"

// Parts of a measure answer that are asked after its status.
const (
	PartDue        = "due"         // planned: the target date
	PartReason     = "reason"      // not applicable, declined: why
	PartAcceptedBy = "accepted_by" // declined: who accepted the risk
	// paramPrefix starts the part of a parameter (implemented): "params/<id>".
	paramPrefix = "params/"
)

// ParamPart is the part of a measure answer that holds parameter id.
func ParamPart(id string) string { return paramPrefix + id }

// FollowUp is one part of a measure answer that a front end asks after the
// status, once the user has set the statuses of a section (the measures
// table): what it asks, and what kind of input it takes.
type FollowUp struct {
	Part     string // PartDue, PartReason, PartAcceptedBy, or ParamPart(id): a part the catalogue declares
	Kind     string // the input kind: KindDate, KindText, or the parameter's kind
	Required bool   // the answer is incomplete without it
	// Label names a part the catalogue declares (a measure's parameter,
	// with its range and unit); the built-in parts leave it empty and
	// front ends word them.
	Label Text
	// Param is the measure's parameter the part holds (nil for the other
	// parts). A parameter may be left empty: it is then an open item.
	Param *Param
}

// followUpParts are the parts any measure may need, in the order asked.
var followUpParts = []FollowUp{
	{Part: PartDue, Kind: KindDate, Required: true},
	{Part: PartReason, Kind: KindText, Required: true},
	{Part: PartAcceptedBy, Kind: KindText, Required: true},
}

// FollowUpParts lists every part that may be asked after the status of
// measure m (nil: an own measure), in the order asked: the parts of the
// statuses, then the parameters of m (asked once it is implemented). Front
// ends build their follow-up questions from it once and show those
// FollowUps names.
func FollowUpParts(m *Measure) []FollowUp {
	if m == nil || len(m.Params) == 0 {
		return followUpParts
	}
	out := append([]FollowUp(nil), followUpParts...)
	for _, p := range m.Params {
		if p != nil {
			fu := FollowUp{Part: ParamPart(p.ID), Kind: p.Kind, Param: p}
			fu.Label = Text{De: FollowUpTitle(fu, De), En: FollowUpTitle(fu, En)}
			out = append(out, fu)
		}
	}
	return out
}

// FollowUps returns the parts answer a of measure m (nil: an own measure)
// needs for its status, in the order asked: the target date of a planned
// measure, the reason of one not applicable, the reason and who accepted
// the risk of one declined, the parameters of one implemented. This is the
// one rule of what a status needs;
// the interview's two front ends and tom set all ask it.
func FollowUps(m *Measure, a MeasureAnswer) []FollowUp {
	var out []FollowUp
	for _, fu := range FollowUpParts(m) {
		if statusNeeds(a.Status, fu.Part) {
			out = append(out, fu)
		}
	}
	return out
}

// AskFollowUps returns the FollowUps a front end asks after the status
// table: all of them for a measure whose status the user set in this pass
// (changed; the stored values are the defaults), else only those still
// empty, so that confirming last year's table asks nothing again. A part
// missing from an answer the user did not change is asked but may stay
// empty (Required is false): it remains an open item, as before.
func AskFollowUps(m *Measure, a MeasureAnswer, changed bool) []FollowUp {
	all := FollowUps(m, a)
	if changed {
		return all
	}
	var out []FollowUp
	for _, fu := range all {
		// A test interval left empty is a choice (the review interval).
		if fu.Param != nil && fu.Param.Role == RoleTestInterval {
			continue
		}
		if strings.TrimSpace(a.Part(fu.Part)) == "" {
			fu.Required = false
			out = append(out, fu)
		}
	}
	return out
}

// statusNeeds reports whether status st uses part p.
func statusNeeds(st, p string) bool {
	switch p {
	case PartDue:
		return st == StatusPlanned
	case PartReason:
		return st == StatusNotApplicable || st == StatusDeclined
	case PartAcceptedBy:
		return st == StatusDeclined
	}
	return strings.HasPrefix(p, paramPrefix) && st == StatusImplemented
}

// Part returns part p of the answer ("" for an unknown part).
func (a MeasureAnswer) Part(p string) string {
	switch p {
	case PartDue:
		return a.Due
	case PartReason:
		return a.Reason
	case PartAcceptedBy:
		return a.AcceptedBy
	}
	if id, ok := strings.CutPrefix(p, paramPrefix); ok {
		return a.Params[id]
	}
	return ""
}

// SetPart sets part p of the answer to v (an unknown part is ignored).
func (a *MeasureAnswer) SetPart(p, v string) {
	switch p {
	case PartDue:
		a.Due = v
	case PartReason:
		a.Reason = v
	case PartAcceptedBy:
		a.AcceptedBy = v
	default:
		if id, ok := strings.CutPrefix(p, paramPrefix); ok {
			a.SetParam(id, v)
		}
	}
}

// WithStatus returns a with status st: the parts st does not use are
// dropped (a reason stays from not applicable to declined and back), the
// note is kept, and so are the parameters of an implemented measure.
func (a MeasureAnswer) WithStatus(st string) MeasureAnswer {
	out := MeasureAnswer{Status: st, Note: a.Note}
	for _, fu := range followUpParts {
		if statusNeeds(st, fu.Part) {
			out.SetPart(fu.Part, a.Part(fu.Part))
		}
	}
	if st == StatusImplemented {
		out.Params = a.Clone().Params
	}
	return out
}

// statusLetters are the keys that give a measure its status, one letter
// per status and language: the initial of the status in that language.
var statusLetters = Messages{
	StatusImplemented:   {De: "u", En: "i"}, // umgesetzt
	StatusPlanned:       {De: "g", En: "p"}, // geplant
	StatusNotApplicable: {De: "n", En: "n"}, // nicht anwendbar
	StatusDeclined:      {De: "b", En: "d"}, // bewusst nicht umgesetzt
	StatusUnclear:       {De: "k", En: "c"}, // zu klären
}

// StatusKeyOrder is the order in which front ends name the statuses with
// their letters (the legend of the measures table, the line-mode prompt).
var StatusKeyOrder = []string{StatusImplemented, StatusPlanned, StatusNotApplicable, StatusDeclined, StatusUnclear}

// StatusLetter returns the letter that gives status st in language l.
func StatusLetter(st string, l Lang) string { return statusLetters.Get(l, st) }

// StatusOfLetter returns the status letter s gives, in either language (so
// that a habit or a script works in both), ignoring case.
func StatusOfLetter(s string) (string, bool) {
	s = strings.ToLower(s)
	for _, st := range StatusKeyOrder {
		if t := statusLetters[st]; t.De == s || t.En == s {
			return st, true
		}
	}
	return "", false
}

// FollowUpTitle words the question of a parameter part in language l, with
// its range and unit: "Inaktivität bis zur Sperre (1–120 Minuten)"; "" for
// the other parts (front ends word those).
func FollowUpTitle(fu FollowUp, l Lang) string {
	if fu.Param == nil {
		return ""
	}
	t := fu.Param.Label.In(l)
	if r := ParamRange(fu.Param, l); r != "" {
		t += " (" + r + ")"
	}
	return t
}
