package model

import "strings"

// wordsMsg holds the words answers are given in.
var wordsMsg = Messages{
	"yes":         {De: "Ja", En: "Yes"},
	"no":          {De: "Nein", En: "No"},
	"none":        {De: "keine", En: "none"},
	"records_one": {De: "%d Eintrag", En: "%d entry"},
	"records":     {De: "%d Einträge", En: "%d entries"},
	"retired_opt": {De: "%s (nicht mehr im Katalog)", En: "%s (no longer in the catalogue)"},

	"st_none":          {De: "keine Angabe", En: "no answer"},
	"st_implemented":   {De: "umgesetzt", En: "implemented"},
	"st_planned":       {De: "geplant", En: "planned"},
	"st_planned_due":   {De: "geplant (bis %s)", En: "planned (by %s)"},
	"st_na":            {De: "nicht anwendbar", En: "not applicable"},
	"st_na_reason":     {De: "nicht anwendbar (%s)", En: "not applicable (%s)"},
	"st_unclear":       {De: "zu klären", En: "to be clarified"},
	"st_declined":      {De: "bewusst nicht umgesetzt", En: "deliberately not implemented"},
	"st_declined_why":  {De: "bewusst nicht umgesetzt (%s)", En: "deliberately not implemented (%s)"},
	"st_declined_by":   {De: "bewusst nicht umgesetzt (Risiko übernommen von %s)", En: "deliberately not implemented (risk accepted by %s)"},
	"st_declined_both": {De: "bewusst nicht umgesetzt (%s; Risiko übernommen von %s)", En: "deliberately not implemented (%s; risk accepted by %s)"},
}

// AnswerText returns answer v to a question or record field of the given
// kind with options opts in words, in language l: yes/no as "Ja"/"Nein",
// options by their label (an option the catalogue no longer has by its ID,
// marked so), several options joined by ", ", none of them as "keine",
// dates as the language writes them, a list of records by its count, text
// as it is. An unanswered value gives "": how "not answered" reads is the
// caller's choice. The document, the review, line mode and tom diff all
// word answers through this function.
func AnswerText(kind string, opts []*Option, v Value, l Lang) string {
	switch {
	case !v.IsSet():
		return ""
	case v.IsBool():
		b, _ := v.Bool()
		return YesNo(b, l)
	case v.IsList():
		if len(v.List()) == 0 {
			return wordsMsg.Get(l, "none")
		}
		parts := make([]string, len(v.List()))
		for i, id := range v.List() {
			parts[i] = OptionText(opts, id, l)
		}
		return strings.Join(parts, ", ")
	case v.IsRecords():
		n := len(v.Records())
		if n == 1 {
			return wordsMsg.Get(l, "records_one", n)
		}
		return wordsMsg.Get(l, "records", n)
	}
	s := v.Str()
	if strings.TrimSpace(s) == "" {
		return ""
	}
	switch kind {
	case KindChoice:
		return OptionText(opts, s, l)
	case KindDate:
		return FormatDate(s, l)
	}
	return s
}

// StatusText returns a measure answer's status in words, in language l:
// "umgesetzt", "geplant (bis 31.03.2027)", "nicht anwendbar (reason)",
// "zu klären", "bewusst nicht umgesetzt (reason; Risiko übernommen von …)".
// quote wraps free text (reason, name) as the caller shows it (nil: as is).
// An unknown status is given as stored; no status gives "keine Angabe".
// tom diff and line mode word statuses through this function.
func StatusText(a MeasureAnswer, l Lang, quote func(string) string) string {
	if quote == nil {
		quote = func(s string) string { return s }
	}
	reason := strings.TrimSpace(a.Reason)
	by := strings.TrimSpace(a.AcceptedBy)
	switch a.Status {
	case "":
		return wordsMsg.Get(l, "st_none")
	case StatusImplemented:
		return wordsMsg.Get(l, "st_implemented")
	case StatusPlanned:
		if a.Due != "" {
			return wordsMsg.Get(l, "st_planned_due", FormatDate(a.Due, l))
		}
		return wordsMsg.Get(l, "st_planned")
	case StatusNotApplicable:
		if reason != "" {
			return wordsMsg.Get(l, "st_na_reason", quote(reason))
		}
		return wordsMsg.Get(l, "st_na")
	case StatusUnclear:
		return wordsMsg.Get(l, "st_unclear")
	case StatusDeclined:
		switch {
		case reason != "" && by != "":
			return wordsMsg.Get(l, "st_declined_both", quote(reason), quote(by))
		case reason != "":
			return wordsMsg.Get(l, "st_declined_why", quote(reason))
		case by != "":
			return wordsMsg.Get(l, "st_declined_by", quote(by))
		}
		return wordsMsg.Get(l, "st_declined")
	}
	return a.Status
}

// YesNo returns "Ja" or "Nein" in language l.
func YesNo(b bool, l Lang) string {
	if b {
		return wordsMsg.Get(l, "yes")
	}
	return wordsMsg.Get(l, "no")
}

// OptionText returns the label of option id in language l; an ID the
// options do not hold is shown marked as no longer in the catalogue.
func OptionText(opts []*Option, id string, l Lang) string {
	if o := findOption(opts, id); o != nil {
		return o.Label.In(l)
	}
	return wordsMsg.Get(l, "retired_opt", id)
}
