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
