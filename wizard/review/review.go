// Package review holds what the yearly review's two front ends (the full
// screen in wizard, line mode in wizard/line) share: starting and resuming a
// review (the start copy and saved progress beside the answers file), the
// summary texts and messages, and the options and result of a review.
package review

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/tom-dsgvo/tom/model"
)

// Options configures tom review, in both modes.
type Options struct {
	Session *model.ReviewSession // from Begin; its F is edited in place
	Path    string               // where to save after every step ("" saves nothing)
	Lang    model.Lang
	Today   string // YYYY-MM-DD, the date of the history entry
	// User names the reviewer when neither the history nor the file does.
	User string
	// Resumed says that the review continues an interrupted one.
	Resumed bool
	// Save writes the file; nil means model.Save(Path, f).
	Save func(*model.File) error
	// In and Out are the terminal (line mode: any reader and writer); nil
	// means the process's own.
	In  io.Reader
	Out io.Writer
	// Signals ends the line-mode review when a signal arrives on it (the
	// edits are saved); nil means the process's SIGINT, SIGTERM and SIGHUP.
	Signals <-chan os.Signal
	// Next spells the command lines the closing hints name; nil: "tom SUB".
	Next model.NextFunc
	// Directory is the provider directory a new provider may be chosen
	// from, as in the interview; nil: none.
	Directory *model.Directory
}

// Result says how a review ended.
type Result struct {
	Finished bool               // the reviewer finished: Entry was added and saved
	Entry    model.HistoryEntry // the new history entry when Finished
	Signal   os.Signal          // the signal that ended it, nil otherwise
}

// ErrIncomplete is returned by the line-mode review when it stopped
// before the end (end of input or :ende): the edits so far are saved, no
// history entry was written, and a message saying so has been printed.
var ErrIncomplete = errors.New("the review is not finished")

// StartPath is where a review in progress keeps the answers file as it
// was when the review began (mode 0600, beside the file), so that a review
// interrupted by a dropped connection still records every change when it is
// resumed and finished.
func StartPath(path string) string { return path + ".review" }

// Begin starts the review of f, loaded from path under catalogue c
// (mig is what loading migrated), or resumes an interrupted one: when the
// start copy exists and no history entry was added since, the review goes on
// against it, so that the changes made before the interruption count, and
// the catalogue's new questions are still shown as new. A fresh review writes
// the start copy (the file's bytes as they are) unless path is "".
func Begin(c *model.Catalog, f *model.File, mig *model.Migration, path string) (*model.ReviewSession, bool, error) {
	if path == "" {
		return model.StartReview(c, f, mig), false, nil
	}
	side := StartPath(path)
	if data, err := os.ReadFile(side); err == nil {
		before, bmig, perr := model.Parse(side, data, c)
		if perr == nil && sameHistory(before.History, f.History) {
			s := model.StartReview(c, f, bmig)
			s.Before = before
			return s, true, nil
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s to start the review: %w", path, err)
	}
	if err := model.WriteFileAtomic(side, raw, 0o600); err != nil {
		return nil, false, fmt.Errorf("keeping the start of the review in %s: %w", side, err)
	}
	// What an earlier, stale review had confirmed no longer applies.
	if err := removeReviewState(path); err != nil {
		return nil, false, err
	}
	return model.StartReview(c, f, mig), false, nil
}

// End removes the start copy and the record of confirmed steps once
// the review is finished and saved.
func End(path string) error {
	if path == "" {
		return nil
	}
	if err := os.Remove(StartPath(path)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("removing %s: %w", StartPath(path), err)
	}
	return removeReviewState(path)
}

// sameHistory reports whether two histories hold the same entries (by date,
// kind and version): no review or interview was completed in between.
func sameHistory(a, b []model.HistoryEntry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Date != b[i].Date || a[i].Kind != b[i].Kind || a[i].Version != b[i].Version {
			return false
		}
	}
	return true
}

// IsCompleted reports whether f's interview was ever completed, which a
// review needs.
func IsCompleted(f *model.File) bool {
	return f.Progress.Completed != "" || len(f.History) > 0
}

// Saver returns the function that writes the file during a review: it
// keeps progress.step and progress.question as they were (the review is no
// interview position).
func Saver(o Options) func(*model.File) error {
	step, question := o.Session.Before.Progress.Step, o.Session.Before.Progress.Question
	return func(f *model.File) error {
		f.Progress.Step, f.Progress.Question = step, question
		if o.Save != nil {
			return o.Save(f)
		}
		if o.Path == "" {
			return nil
		}
		return model.Save(o.Path, f)
	}
}
