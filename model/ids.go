package model

import (
	"strconv"
	"strings"
)

// ID prefixes of records ("r1", "r2", …) and own measures ("own1", …).
const (
	recordPrefix = "r"
	ownPrefix    = "own"
)

// IDs hands out the IDs of new records and own measures. An ID is never
// given twice and never reuses one that a file it watches uses or names in
// its history (a removed entry's ID stays retired, so that the history
// stays unambiguous), nor one handed out before. Record numbers run across
// all lists of a file.
type IDs struct {
	files      []*File
	lastRecord int
	lastOwn    int
}

// NewIDs returns an allocator watching files (the file being edited, and
// for a review the file as it was when the review began).
func NewIDs(files ...*File) *IDs { return &IDs{files: files} }

// Record returns a new record ID.
func (a *IDs) Record() string {
	n := a.lastRecord
	for _, f := range a.files {
		n = max(n, highestNumber(f, recordPrefix))
	}
	a.lastRecord = n + 1
	return recordPrefix + strconv.Itoa(a.lastRecord)
}

// Own returns a new own-measure ID.
func (a *IDs) Own() string {
	n := a.lastOwn
	for _, f := range a.files {
		n = max(n, highestNumber(f, ownPrefix))
	}
	a.lastOwn = n + 1
	return ownPrefix + strconv.Itoa(a.lastOwn)
}

// highestNumber returns the highest N of an ID prefix+N that f uses (records
// in its answers, or own measures) or names in a change of its history.
func highestNumber(f *File, prefix string) int {
	if f == nil {
		return 0
	}
	high := 0
	if prefix == recordPrefix {
		for _, v := range f.Answers {
			for _, rec := range v.Records() {
				high = max(high, numberAfter(rec.ID(), prefix))
			}
		}
	} else {
		for _, o := range f.OwnMeasures {
			high = max(high, numberAfter(o.ID, prefix))
		}
	}
	for _, e := range f.History {
		for _, c := range e.Changes {
			parts := strings.Split(c.Path, "/")
			switch {
			case prefix == recordPrefix && len(parts) >= 3 && parts[0] == "answers":
				high = max(high, numberAfter(parts[2], prefix))
			case prefix == ownPrefix && len(parts) >= 2 && parts[0] == "own_measures":
				high = max(high, numberAfter(parts[1], prefix))
			}
		}
	}
	return high
}

// numberAfter returns N for an ID prefix+N, else 0.
func numberAfter(id, prefix string) int {
	rest, ok := strings.CutPrefix(id, prefix)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 || rest[0] == '+' {
		return 0
	}
	return n
}
