package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/tom-dsgvo/tom/model"
)

// reviewState is what a review in progress remembers beside its start copy,
// so that an interrupted review resumes at the first step not yet
// confirmed: the sections walked to the end, the sections whose summary was
// confirmed (their lists of records may still be open), and the verdict on
// every record reviewed so far. It never goes into the answers file.
type reviewState struct {
	Done      []string                       `json:"done,omitempty"`
	Confirmed []string                       `json:"confirmed,omitempty"`
	Verdicts  map[string]model.RecordVerdict `json:"verdicts,omitempty"`
}

// StatePath is where a review in progress keeps which steps and
// records were already confirmed (mode 0600, beside the answers file,
// removed when the review is finished).
func StatePath(path string) string { return StartPath(path) + "-state" }

// loadReviewState reads the state of an interrupted review of path; a
// missing or unreadable state means nothing was confirmed yet.
func loadReviewState(path string) reviewState {
	var st reviewState
	if path == "" {
		return st
	}
	data, err := os.ReadFile(StatePath(path))
	if err != nil {
		return st
	}
	if json.Unmarshal(data, &st) != nil {
		return reviewState{}
	}
	return st
}

// saveReviewState writes st beside path (nothing when path is "").
func saveReviewState(path string, st reviewState) error {
	if path == "" {
		return nil
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding the review state for %s: %w", path, err)
	}
	if err := model.WriteFileAtomic(StatePath(path), append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("keeping the review state in %s: %w", StatePath(path), err)
	}
	return nil
}

// removeReviewState deletes the state file of path's review, if any.
func removeReviewState(path string) error {
	if path == "" {
		return nil
	}
	if err := os.Remove(StatePath(path)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("removing %s: %w", StatePath(path), err)
	}
	return nil
}

// Progress is the part of a review's walk that both modes share and
// that survives an interruption.
type Progress struct {
	path      string
	s         *model.ReviewSession
	visited   []string // sections reviewed to the end, in walk order
	confirmed []string // sections whose summary was confirmed or edited
	// resuming is set until the first section after a resume is done: in it,
	// a confirmed summary and records with a verdict are not asked again.
	resuming bool
}

// NewProgress restores the progress of an interrupted review of path
// when resumed; otherwise it starts empty.
func NewProgress(s *model.ReviewSession, path string, resumed bool) *Progress {
	p := &Progress{path: path, s: s}
	if !resumed {
		return p
	}
	st := loadReviewState(path)
	for _, id := range st.Done {
		if s.C.Section(id) != nil && !slices.Contains(p.visited, id) {
			p.visited = append(p.visited, id)
		}
	}
	for _, id := range st.Confirmed {
		if s.C.Section(id) != nil && !slices.Contains(p.confirmed, id) {
			p.confirmed = append(p.confirmed, id)
		}
	}
	s.RestoreVerdicts(st.Verdicts)
	p.resuming = true
	return p
}

// save writes the progress beside the answers file.
func (p *Progress) Save() error {
	return saveReviewState(p.path, reviewState{Done: p.visited, Confirmed: p.confirmed, Verdicts: p.s.Verdicts()})
}

// next returns the first section of the walk order not reviewed yet (nil:
// all are). The order is asked afresh each time, so that a section an edit
// turned on is reviewed too.
func (p *Progress) Next() *model.Section {
	for _, sec := range p.s.Order() {
		if !slices.Contains(p.visited, sec.ID) {
			return sec
		}
	}
	return nil
}

// done marks section id reviewed to the end; the resume is over.
func (p *Progress) Done(id string) {
	if !slices.Contains(p.visited, id) {
		p.visited = append(p.visited, id)
	}
	p.resuming = false
}

// confirm marks the summary of section id confirmed.
func (p *Progress) Confirm(id string) {
	if !slices.Contains(p.confirmed, id) {
		p.confirmed = append(p.confirmed, id)
	}
}

// skipSummary reports whether the summary of section id was confirmed before
// the interruption and need not be asked again.
func (p *Progress) SkipSummary(id string) bool {
	return p.resuming && slices.Contains(p.confirmed, id)
}

// firstOpen returns the index of the first record of qid from i on that has
// no verdict yet when resuming; otherwise i.
func (p *Progress) FirstOpen(qid string, recs []model.Record, i int) int {
	if !p.resuming {
		return i
	}
	for i < len(recs) && p.s.Verdict(qid, recs[i].ID()) != model.RecordUnreviewed {
		i++
	}
	return i
}

// Visited returns how many sections were reviewed to the end.
func (p *Progress) Visited() int { return len(p.visited) }

// Back goes back from section cur (nil: from the end of the walk) to the
// section reviewed before it and returns that one, now neither reviewed nor
// confirmed; nil when cur is the first.
func (p *Progress) Back(cur *model.Section) *model.Section {
	p.resuming = false
	i := -1
	if cur != nil {
		i = slices.Index(p.visited, cur.ID)
	}
	if i < 0 {
		i = len(p.visited)
	}
	if i == 0 {
		return nil
	}
	prev := p.s.C.Section(p.visited[i-1])
	p.visited = p.visited[:i-1]
	p.confirmed = slices.DeleteFunc(p.confirmed, func(id string) bool { return id == prev.ID })
	return prev
}
