package model

import (
	"strconv"
	"strings"
)

// SchemaVersion is the answers-file schema this tom writes and reads. Older
// schemas are migrated on load; newer ones are refused.
const SchemaVersion = 1

// Measure statuses.
const (
	StatusImplemented   = "implemented"
	StatusPlanned       = "planned"
	StatusNotApplicable = "not_applicable"
	StatusUnclear       = "unclear"
	// StatusDeclined: the measure applies but was deliberately not taken;
	// the answer names the reason and who accepted the risk.
	StatusDeclined = "declined"
)

// Statuses lists the measure statuses in the order they are offered.
var Statuses = []string{StatusImplemented, StatusPlanned, StatusNotApplicable, StatusUnclear, StatusDeclined}

// History entry kinds.
const (
	HistoryInterview = "interview"
	HistoryReview    = "review"
)

// DefaultReviewMonths is the review interval when the file sets none.
const DefaultReviewMonths = 12

// File is the answers file: everything one business answered, and its history.
type File struct {
	Schema   int        `json:"schema"`
	Catalog  CatalogRef `json:"catalog"`
	Language Lang       `json:"language,omitempty"`
	// ProtectionLevel is the business's protection level (View.Level) as
	// of the last save of a session, for readers of the file; "" while no
	// protection need is stated. tom derives it from the answers anew.
	ProtectionLevel string                   `json:"protection_level,omitempty"`
	Answers         map[string]Value         `json:"answers"`
	Measures        map[string]MeasureAnswer `json:"measures"`
	OwnMeasures     []OwnMeasure             `json:"own_measures,omitempty"`
	Detected        map[string]Detection     `json:"detected,omitempty"`
	Retired         map[string]any           `json:"retired,omitempty"`
	Progress        Progress                 `json:"progress"`
	Review          ReviewSettings           `json:"review"`
	History         []HistoryEntry           `json:"history,omitempty"`
}

// CatalogRef names the catalogue (and its version) a file was answered with.
type CatalogRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// MeasureAnswer is the status of one catalogue measure.
type MeasureAnswer struct {
	Status string `json:"status"`
	Due    string `json:"due,omitempty"`    // planned: target date, YYYY-MM-DD
	Reason string `json:"reason,omitempty"` // not applicable, declined: why
	// AcceptedBy names who accepted the risk of a declined measure.
	AcceptedBy string `json:"accepted_by,omitempty"`
	Note       string `json:"note,omitempty"` // anything the user adds
	// Params holds the values of the measure's parameters by parameter ID,
	// as CheckParam stores them (an integer in digits, an option ID, a date
	// YYYY-MM-DD, a text).
	Params map[string]string `json:"params,omitempty"`
}

// DeclineComplete reports whether a declined measure says why and who
// accepted the risk (both are required; a gap is an open item).
func (a MeasureAnswer) DeclineComplete() bool {
	return strings.TrimSpace(a.Reason) != "" && strings.TrimSpace(a.AcceptedBy) != ""
}

// OwnMeasure is a measure the user added in free text to a control section.
type OwnMeasure struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	Text    string `json:"text"`
	Type    string `json:"type"`
	MeasureAnswer
}

// Detection records that an answer was read off the system (tom scan) rather
// than stated by the user.
type Detection struct {
	Date     string `json:"date"`
	Result   string `json:"result"` // "supports" or "contradicts"
	Evidence string `json:"evidence"`
}

// Progress is where the interview stands.
type Progress struct {
	Step      string   `json:"step,omitempty"`      // section the user is at
	Question  string   `json:"question,omitempty"`  // item of Step the user is at (a question ID); optional, ignored when unknown
	Done      []string `json:"done,omitempty"`      // sections the user finished
	Skipped   []string `json:"skipped,omitempty"`   // sections put off ("später beantworten")
	Completed string   `json:"completed,omitempty"` // date the interview was first completed
}

// ReviewSettings configures the yearly review.
type ReviewSettings struct {
	IntervalMonths int `json:"interval_months,omitempty"`
}

// HistoryEntry is one completed interview or review.
type HistoryEntry struct {
	Date    string   `json:"date"`
	By      string   `json:"by"`
	Kind    string   `json:"kind"`
	Version string   `json:"version"`
	Summary string   `json:"summary,omitempty"`
	Changes []Change `json:"changes,omitempty"`
	// StillDue names the items still due when a review finished (see
	// DuePath).
	StillDue []string `json:"still_due,omitempty"`
}

// Change is one changed answer, by stable ID. Path is "answers/<question>",
// "answers/<question>/<record id>[/<field>]", "measures/<measure>" or
// "own_measures/<id>". Old and New hold plain JSON data (nil when absent).
type Change struct {
	Path string `json:"path"`
	Old  any    `json:"old,omitempty"`
	New  any    `json:"new,omitempty"`
}

// NewFile returns an empty answers file for catalogue c.
func NewFile(c *Catalog, lang Lang) *File {
	return &File{
		Schema:   SchemaVersion,
		Catalog:  CatalogRef{ID: c.ID, Version: c.Version},
		Language: lang,
		Answers:  map[string]Value{},
		Measures: map[string]MeasureAnswer{},
	}
}

// Get returns the stored answer to question id (unset if none).
func (f *File) Get(id string) Value { return f.Answers[id] }

// Set stores an answer; an unset value deletes it.
func (f *File) Set(id string, v Value) {
	if f.Answers == nil {
		f.Answers = map[string]Value{}
	}
	if !v.IsSet() {
		delete(f.Answers, id)
		return
	}
	f.Answers[id] = v
}

// ReviewMonths returns the review interval in months.
func (f *File) ReviewMonths() int {
	if f.Review.IntervalMonths > 0 {
		return f.Review.IntervalMonths
	}
	return DefaultReviewMonths
}

// LastEntry returns the newest history entry, or nil.
func (f *File) LastEntry() *HistoryEntry {
	if len(f.History) == 0 {
		return nil
	}
	return &f.History[len(f.History)-1]
}

// Stand returns the date the document speaks for: the date of the newest
// history entry, else the date the interview was completed, else "".
func (f *File) Stand() string {
	if e := f.LastEntry(); e != nil {
		return e.Date
	}
	return f.Progress.Completed
}

// Version returns the document version: the newest history entry's, else "".
func (f *File) Version() string {
	if e := f.LastEntry(); e != nil {
		return e.Version
	}
	return ""
}

// NextReview returns the date the next review is due ("" without a Stand).
func (f *File) NextReview() string {
	s := f.Stand()
	if s == "" {
		return ""
	}
	d, err := AddMonths(s, f.ReviewMonths())
	if err != nil {
		return ""
	}
	return d
}

// NextVersion returns the version a new history entry of the given kind gets:
// "1.0" for the first entry, then the minor number counts up.
func (f *File) NextVersion() string {
	last := f.Version()
	if last == "" {
		return "1.0"
	}
	majS, minS, _ := strings.Cut(last, ".")
	maj, errMaj := strconv.Atoi(majS)
	min, errMin := strconv.Atoi(minS)
	if errMaj != nil || errMin != nil {
		return "1.0"
	}
	return strconv.Itoa(maj) + "." + strconv.Itoa(min+1)
}
