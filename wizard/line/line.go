// Package line is the line-mode front end of the interview (Run) and of the
// yearly review (RunReview): plain numbered lines without escape sequences,
// for screen readers, dumb terminals and piped input, over model's session.
package line

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// Options configures the line-mode interview.
type Options struct {
	Catalog *model.Catalog
	File    *model.File // loaded or new; modified in place
	Path    string      // where to save after each step (model.Save); "" saves nothing
	Lang    model.Lang
	In      io.Reader
	Out     io.Writer
	Today   string // YYYY-MM-DD
	// User names the person answering when the file does not (see model.Author).
	User string
	// OfferScan asks first whether to scan the server (see scanning.OfferDue);
	// Scan runs it. ScanSummary is a scan the caller ran before the
	// interview (tom interview --scan), reported before the first step.
	OfferScan   bool
	Scan        scanning.ScanFunc
	ScanSummary *model.ScanSummary
	// Accounts returns the login accounts of a scan run in this session;
	// the "people with access" list offers once to take them over.
	Accounts scanning.AccountsFunc
	// Next spells the command lines the closing hints name; nil: "tom SUB".
	Next model.NextFunc
	// Signals ends the interview when a signal arrives on it: what was
	// entered (a multi-line answer being typed too) is saved, and a line
	// says where to resume. nil means the process's SIGINT, SIGTERM and
	// SIGHUP.
	Signals <-chan os.Signal
	// Directory is the provider directory (shipped and the consultant's)
	// a new provider may be chosen from; nil: none.
	Directory *model.Directory
}

// ErrIncomplete is returned when the line-mode interview stopped before it
// was complete: input ended, the user quit, or steps are still open. The file
// has been saved and a message saying where to resume has been printed.
var ErrIncomplete = errors.New("the interview is incomplete")

// Run runs the interview in line mode for screen readers, dumb terminals
// and piped input: plain lines, no escape sequences, numbered options, the
// stored answer kept on Enter. It walks the visible sections in order, from
// progress.step if set, and saves after every step and every record change.
// On end of input it saves and returns ErrIncomplete.
func Run(o Options) error {
	if o.Catalog == nil || o.File == nil {
		return errors.New("wizard: Run needs a catalogue and an answers file")
	}
	stop, release := watchSignals(o.Signals)
	defer release()
	r := newLineRunner(o)
	r.p.stopOn(stop)
	defer r.p.close()
	err := r.run()
	if errors.Is(err, ErrInterrupted) { // stopped outside the steps
		if serr := r.save(); serr != nil {
			return serr
		}
		r.p.out.line("")
		r.say("signal_saved", r.o.Path)
		return ErrIncomplete
	}
	return err
}

// newLineRunner returns the runner for o, with a new session over o.File.
func newLineRunner(o Options) *lineRunner {
	s := model.NewSession(o.Catalog, o.File, model.SessionOptions{Today: o.Today, User: o.User})
	return &lineRunner{o: o, p: NewPrompter(o.In, o.Out, o.Lang), s: s, v: s.V}
}

// lineRunner walks the interview: steps, measures, records, progress.
type lineRunner struct {
	o Options
	p *Prompter
	s *model.Session
	v model.View
	// resumeQ is progress.question of the step the run starts at: the
	// first pass through that step begins at this question.
	resumeQ string
	// accountsAsked is set once the user has answered the offer to take
	// the server's accounts over: it is made once per run.
	accountsAsked bool
	// dir is Options.Directory prepared for searching, made on first use.
	dir *model.DirectorySearch
	// suggest holds the texts last given per kind of measure part, offered
	// again with "=".
	suggest model.Suggestions
}

func (r *lineRunner) say(key string, args ...any) { r.p.say(key, args...) }

// sayCount writes key with the count n last, in singular when n is 1.
func (r *lineRunner) sayCount(key string, n int, args ...any) {
	r.p.out.line(lineMsg.Count(r.p.lang, key, n, args...))
}

func (r *lineRunner) title(t model.Text) string { return t.In(r.o.Lang) }

// save commits the session (see model.Session.Commit) and writes the file.
func (r *lineRunner) save() error {
	r.s.Commit()
	if r.o.Path == "" {
		return nil
	}
	if err := model.Save(r.o.Path, r.o.File); err != nil {
		return fmt.Errorf("saving the answers: %w", err)
	}
	return nil
}

func (r *lineRunner) run() error {
	f := r.o.File
	r.say("banner", r.o.Path)
	r.say("commands")
	r.s.NewFindings() // what held before this run is shown at the end only
	cur, question, resumed := r.s.Start()
	if cur != nil && cur.ID == f.Progress.Step {
		r.resumeQ = question
	}
	if cur != nil && resumed {
		n, total := r.s.Position(cur)
		r.say("resume", n, total, r.title(cur.Title))
		r.say("remaining", model.RemainingLine(r.s.Remaining(), r.o.Lang))
	}
	if stop, err := r.scanStart(cur); stop {
		return err
	}
	for cur != nil {
		r.s.At(cur, "")
		err := r.step(cur)
		var cmd Command
		switch {
		case err == nil:
			r.s.Done(cur)
			r.showFindings(r.s.NewFindings())
			cur = r.after(cur)
		case errors.As(err, &cmd) && cmd == Skip:
			r.s.Skip(cur)
			r.say("skipped", r.title(cur.Title))
			cur = r.after(cur)
		case errors.As(err, &cmd) && cmd == Back:
			prev := r.s.Next(cur, -1)
			if prev == nil {
				r.say("first_step")
			} else {
				cur = prev
			}
		case errors.As(err, &cmd) && cmd == Quit:
			return r.stop(cur, "quit")
		case errors.Is(err, io.EOF):
			return r.stop(cur, "eof")
		case errors.Is(err, ErrInterrupted):
			return r.stop(cur, "signal")
		default:
			r.save()
			return err
		}
		if cur == nil {
			// The walk (or a round of jumps) ended: the end list; a
			// number there goes on with that step.
			if err := r.save(); err != nil {
				return err
			}
			next, err := r.finish()
			if next == nil {
				return err
			}
			cur = next
		}
		r.s.At(cur, "")
		if err := r.save(); err != nil {
			return err
		}
	}
	_, err := r.finish() // no step at all
	return err
}

// step asks one section: its questions, then its measures and own measures.
func (r *lineRunner) step(s *model.Section) error {
	n, total := r.s.Position(s)
	r.p.out.line("")
	r.say("step", n, total, r.title(s.Title), lineOneLine(r.title(s.Help)))
	if !s.Goal.IsZero() {
		r.say("goal", lineOneLine(r.title(s.Goal)))
	}
	f := r.o.File
	from := r.resumeFrom(s)
	first := true
	for i, q := range s.Questions {
		// Conditions name earlier questions only, so deciding here, after
		// the answers before it, is exactly what the full-screen mode shows.
		if !r.v.QuestionVisible(q.ID) || i < from {
			continue
		}
		f.Progress.Question = q.ID
		if first && i == r.firstVisible(s) {
			f.Progress.Question = "" // the step's start: nothing to record
		}
		first = false
		if q.Kind == model.KindRecords {
			if err := r.records(q); err != nil {
				return err
			}
			continue
		}
		cur, asked := f.Get(q.ID), q
		if n, ok := r.v.NeedFor(q); ok {
			// A protection need: what is proposed and why, on the line
			// under the question, and the proposal offered (Enter takes it).
			shown := *q
			shown.Title = model.Text{De: q.Title.De + "\n" + lineMsg.Get(model.De, "proposal", n.Explain(model.De)),
				En: q.Title.En + "\n" + lineMsg.Get(model.En, "proposal", n.Explain(model.En))}
			asked = &shown
			if !cur.IsSet() {
				cur = model.String(n.Proposed)
			}
		}
		v, err := r.p.askSuggesting(asked, cur, r.v.SuggestedAnswer(q))
		if err != nil {
			return err
		}
		if !v.Equal(f.Get(q.ID)) {
			// Saved at once, so that a dropped connection loses at most
			// the line being typed.
			f.Set(q.ID, v)
			if err := r.save(); err != nil {
				return err
			}
		}
	}
	if len(r.v.Measures(s)) > 0 {
		// The tick list as the step's first item is its start: nothing to
		// record, as in the full screen.
		f.Progress.Question = model.TickItem(s)
		if r.firstVisible(s) < 0 {
			f.Progress.Question = ""
		}
		if err := r.measures(s); err != nil {
			return err
		}
	}
	if s.Kind == model.SectionControl {
		return r.ownMeasures(s)
	}
	return nil
}

// resumeFrom returns the index of the question the first pass through s
// starts at: progress.question when the run resumed inside s and that
// question (or the section's measures) is shown, else 0. It is used once.
func (r *lineRunner) resumeFrom(s *model.Section) int {
	id := r.resumeQ
	r.resumeQ = ""
	if id == model.TickItem(s) && len(r.v.Measures(s)) > 0 {
		return len(s.Questions) // stopped at the measures
	}
	if id == "" || !r.v.QuestionVisible(id) {
		return 0
	}
	for i, q := range s.Questions {
		if q.ID == id {
			return i
		}
	}
	return 0
}

// firstVisible returns the index of the first shown question of s (-1: none).
func (r *lineRunner) firstVisible(s *model.Section) int {
	for i, q := range s.Questions {
		if r.v.QuestionVisible(q.ID) {
			return i
		}
	}
	return -1
}

// stop saves after a quit or the end of input and says where to resume,
// or that the interview is complete.
func (r *lineRunner) stop(cur *model.Section, key string) error {
	if err := r.save(); err != nil {
		return err
	}
	r.p.out.line("")
	if r.s.Complete() {
		r.say("done", r.o.Path, r.o.Next.Next("render"))
		return nil
	}
	n, total := r.s.Position(cur)
	r.say(key, r.o.Path, n, total, r.title(cur.Title))
	return ErrIncomplete
}

// showFindings prints one line per finding of the plausibility rules.
func (r *lineRunner) showFindings(fs []model.Finding) {
	for _, f := range fs {
		r.say("finding", lineClean(model.FindingLine(f, r.o.Lang)))
	}
}

// finish runs after the last step (see model.Session.End): it lists what is
// open or contradicted and returns the step the user chose there; else it
// says that the interview is complete, or which steps are still open and
// where to resume.
func (r *lineRunner) finish() (*model.Section, error) {
	first := r.s.End()
	if err := r.save(); err != nil {
		return nil, err
	}
	r.p.out.line("")
	if next, err := r.endList(); next != nil || err != nil {
		return next, err
	}
	if first == nil {
		r.say("done", r.o.Path, r.o.Next.Next("render"))
		return nil, nil
	}
	var open []string
	for _, s := range r.s.Open() {
		open = append(open, r.title(s.Title))
	}
	r.say("open_left", strings.Join(open, ", "), r.o.Path, r.title(first.Title))
	return nil, ErrIncomplete
}
