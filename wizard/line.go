package wizard

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// LineOptions configures the line-mode interview.
type LineOptions struct {
	Catalog *model.Catalog
	File    *model.File // loaded or new; modified in place
	Path    string      // where to save after each step (model.Save); "" saves nothing
	Lang    model.Lang
	In      io.Reader
	Out     io.Writer
	Today   string // YYYY-MM-DD
	// OfferScan asks first whether to scan the server (see ScanOfferDue);
	// Scan runs it. ScanSummary is a scan the caller ran before the
	// interview (tom interview --scan), reported before the first step.
	OfferScan   bool
	Scan        ScanFunc
	ScanSummary *model.ScanSummary
	// Accounts returns the login accounts of a scan run in this session;
	// the "people with access" list offers once to take them over.
	Accounts AccountsFunc
}

// ErrIncomplete is returned when the line-mode interview stopped before it
// was complete: input ended, the user quit, or steps are still open. The file
// has been saved and a message saying where to resume has been printed.
var ErrIncomplete = errors.New("the interview is incomplete")

// RunLine runs the interview in line mode for screen readers, dumb terminals
// and piped input: plain lines, no escape sequences, numbered options, the
// stored answer kept on Enter. It walks the visible sections in order, from
// progress.step if set, and saves after every step and every record change.
// On end of input it saves and returns ErrIncomplete.
func RunLine(o LineOptions) error {
	if o.Catalog == nil || o.File == nil {
		return errors.New("wizard: RunLine needs a catalogue and an answers file")
	}
	if o.File.Measures == nil {
		o.File.Measures = map[string]model.MeasureAnswer{}
	}
	r := &lineRunner{o: o, p: NewLinePrompter(o.In, o.Out, o.Lang), v: model.View{C: o.Catalog, F: o.File}}
	return r.run()
}

// lineRunner walks the interview: steps, measures, records, progress.
type lineRunner struct {
	o       LineOptions
	p       *LinePrompter
	v       model.View
	recHigh int // highest record number handed out in this run
	// resumeQ is progress.question of the step the run starts at: the
	// first pass through that step begins at this question.
	resumeQ string
	// accountsAsked is set once the user has answered the offer to take
	// the server's accounts over: it is made once per run.
	accountsAsked bool
}

func (r *lineRunner) say(key string, args ...any) { r.p.say(key, args...) }

// sayCount writes key with the count n last, in singular when n is 1.
func (r *lineRunner) sayCount(key string, n int, args ...any) {
	r.p.out.line(counted(lineMsg, r.p.lang, key, n, args...))
}

func (r *lineRunner) title(t model.Text) string { return t.In(r.o.Lang) }

// save prunes hidden answers and writes the file.
func (r *lineRunner) save() error {
	r.v.Prune()
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
	cur := r.start()
	if cur != nil && cur.ID == f.Progress.Step {
		r.resumeQ = f.Progress.Question
	}
	if cur != nil && f.Progress.Step != "" && cur != r.next("", 1) {
		n, total := r.position(cur)
		r.say("resume", n, total, r.title(cur.Title))
	}
	if stop, err := r.scanStart(cur); stop {
		return err
	}
	for cur != nil {
		f.Progress.Step = cur.ID
		err := r.step(cur)
		var cmd LineCommand
		switch {
		case err == nil:
			r.mark(cur.ID, true)
			cur = r.next(cur.ID, 1)
		case errors.As(err, &cmd) && cmd == LineSkip:
			r.mark(cur.ID, false)
			r.say("skipped", r.title(cur.Title))
			cur = r.next(cur.ID, 1)
		case errors.As(err, &cmd) && cmd == LineBack:
			prev := r.next(cur.ID, -1)
			if prev == nil {
				r.say("first_step")
			} else {
				cur = prev
			}
		case errors.As(err, &cmd) && cmd == LineQuit:
			return r.stop(cur, "quit")
		case errors.Is(err, io.EOF):
			return r.stop(cur, "eof")
		default:
			r.save()
			return err
		}
		if cur != nil {
			f.Progress.Step = cur.ID
		}
		f.Progress.Question = ""
		if err := r.save(); err != nil {
			return err
		}
	}
	return r.finish()
}

// start returns the section to begin with: progress.step if it is shown (or
// the next shown one after it), else the first.
func (r *lineRunner) start() *model.Section {
	step := r.o.File.Progress.Step
	if step == "" || r.o.Catalog.Section(step) == nil {
		return r.next("", 1)
	}
	if s := r.o.Catalog.Section(step); r.v.SectionVisible(s) {
		return s
	}
	if s := r.next(step, 1); s != nil {
		return s
	}
	return r.next("", 1)
}

// next returns the shown section after (dir 1) or before (dir -1) the section
// id in catalogue order; id "" with dir 1 gives the first shown section.
func (r *lineRunner) next(id string, dir int) *model.Section {
	secs := r.o.Catalog.Sections
	i := -1
	if id == "" {
		dir = 1
	} else {
		for j, s := range secs {
			if s.ID == id {
				i = j
			}
		}
		if i < 0 {
			return nil
		}
	}
	for j := i + dir; j >= 0 && j < len(secs); j += dir {
		if r.v.SectionVisible(secs[j]) {
			return secs[j]
		}
	}
	return nil
}

// position returns the step number of s among the shown sections and their count.
func (r *lineRunner) position(s *model.Section) (int, int) {
	n, total := 0, 0
	for _, sec := range r.o.Catalog.Sections {
		if !r.v.SectionVisible(sec) {
			continue
		}
		total++
		if sec == s {
			n = total
		}
	}
	if n == 0 {
		n = total
	}
	return n, total
}

// mark records a section as done (or as put off), keeping both lists in
// catalogue order so that a re-run gives the same file.
func (r *lineRunner) mark(id string, done bool) {
	p := &r.o.File.Progress
	if done {
		p.Done = r.ordered(lineAdd(p.Done, id))
		p.Skipped = lineRemove(p.Skipped, id)
	} else {
		p.Skipped = r.ordered(lineAdd(p.Skipped, id))
		p.Done = lineRemove(p.Done, id)
	}
}

// ordered sorts section IDs by catalogue order (unknown IDs last, as they were).
func (r *lineRunner) ordered(ids []string) []string {
	var out []string
	for _, s := range r.o.Catalog.Sections {
		for _, id := range ids {
			if id == s.ID {
				out = append(out, id)
				break
			}
		}
	}
	for _, id := range ids {
		if r.o.Catalog.Section(id) == nil {
			out = append(out, id)
		}
	}
	return out
}

func lineAdd(list []string, id string) []string {
	for _, x := range list {
		if x == id {
			return list
		}
	}
	return append(list, id)
}

func lineRemove(list []string, id string) []string {
	var out []string
	for _, x := range list {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// step asks one section: its questions, then its measures and own measures.
func (r *lineRunner) step(s *model.Section) error {
	n, total := r.position(s)
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
		v, err := r.p.Ask(q, f.Get(q.ID))
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
		f.Progress.Question = tickItem(s)
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
	if id == tickItem(s) && len(r.v.Measures(s)) > 0 {
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

// stop saves after a quit or the end of input and says where to resume.
func (r *lineRunner) stop(cur *model.Section, key string) error {
	if err := r.save(); err != nil {
		return err
	}
	n, total := r.position(cur)
	r.p.out.line("")
	r.say(key, r.o.Path, n, total, r.title(cur.Title))
	if key == "quit" && r.v.Complete() {
		return nil
	}
	return ErrIncomplete
}

// finish runs after the last step: on the first completion it adds the
// history entry; if steps are still open it names them and where to resume.
func (r *lineRunner) finish() error {
	f := r.o.File
	r.v.Prune()
	r.p.out.line("")
	if r.v.Complete() {
		f.Progress.Step = ""
		if f.Progress.Completed == "" {
			by := r.v.ByRole(model.RoleRespondent).Str()
			f.AddHistory(nil, model.HistoryInterview, r.o.Today, by, lineMsg.Get(r.o.Lang, "summary"))
		}
		if err := r.save(); err != nil {
			return err
		}
		r.say("done", r.o.Path, r.o.Path)
		return nil
	}
	var open []string
	var first *model.Section
	for _, s := range r.v.Sections() {
		if r.v.Completeness(s).State != model.StateDone {
			open = append(open, r.title(s.Title))
			if first == nil {
				first = s
			}
		}
	}
	f.Progress.Step = first.ID
	if err := r.save(); err != nil {
		return err
	}
	r.say("open_left", strings.Join(open, ", "), r.o.Path, r.title(first.Title))
	return ErrIncomplete
}
