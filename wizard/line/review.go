package line

import (
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// RunReview runs the yearly review in line mode: per step the stored
// answers are printed and "Unverändert? [J/n/?]" asked (Enter = unchanged,
// n = edit the step with the stored answers as defaults); records one by one
// as current, changed or removed, then "new entries?"; at the end the
// reviewer's name and a short summary, and exactly one history entry. Every
// change is saved at once. On end of input (or :ende) the edits are saved,
// no history entry is written, and review.ErrIncomplete is returned.
func RunReview(o review.Options) (review.Result, error) {
	s := o.Session
	if s == nil {
		return review.Result{}, errors.New("wizard: RunReview needs a review session")
	}
	is := s.Interview(o.Today, o.User)
	r := &lineRunner{
		o: Options{Catalog: s.C, File: s.F, Path: o.Path, Lang: o.Lang, In: o.In, Out: o.Out, Today: o.Today, User: o.User, Directory: o.Directory},
		p: NewPrompter(o.In, o.Out, o.Lang),
		s: is,
		v: is.V,
	}
	stop, release := watchSignals(o.Signals)
	defer release()
	r.p.stopOn(stop)
	defer r.p.close()
	lr := &lineReview{o: o, s: s, r: r, txt: review.NewText(s, o.Lang, o.Today), prog: review.NewProgress(s, o.Path, o.Resumed)}
	return lr.run()
}

// lineReview is the line-mode review walk.
type lineReview struct {
	o        review.Options
	s        *model.ReviewSession
	r        *lineRunner
	txt      *review.Text
	prog     *review.Progress
	finished bool
}

func (lr *lineReview) say(key string, args ...any) { lr.r.p.out.line(lr.txt.Msg(key, args...)) }

// print writes lines with an indent, one line each.
func (lr *lineReview) print(lines []string, indent string) {
	for _, l := range lines {
		lr.r.p.out.line(indent + lineClean(l))
	}
}

// save prunes hidden answers, writes the file, refreshes what is due and
// (until the review is finished) remembers the steps and records confirmed.
func (lr *lineReview) save() error {
	err := lr.r.save()
	lr.txt.RefreshDue()
	if perr := lr.saveProgress(); err == nil {
		err = perr
	}
	return err
}

// saveProgress remembers the steps and records confirmed so far.
func (lr *lineReview) saveProgress() error {
	if lr.finished {
		return nil
	}
	return lr.prog.Save()
}

func (lr *lineReview) run() (review.Result, error) {
	lr.say("line_banner", lr.o.Path)
	lr.r.p.commands = "review_commands"
	lr.r.say("review_commands")
	lr.r.p.out.line("")
	lr.print(lr.txt.StartLines(lr.o.Resumed, lr.prog.Next()), "")
	if err := lr.walkDue(); err != nil {
		return lr.stop(err)
	}
	for {
		sec := lr.prog.Next()
		if sec == nil {
			break
		}
		if err := lr.section(sec); err != nil {
			return lr.stop(err)
		}
		lr.r.s.Done(sec)
		lr.prog.Done(sec.ID)
		if err := lr.save(); err != nil {
			return review.Result{}, err
		}
	}
	return lr.finish()
}

// stop handles an interruption: end of input or :ende save and stop;
// anything else is an error.
func (lr *lineReview) stop(err error) (review.Result, error) {
	var cmd Command
	key := ""
	switch {
	case errors.Is(err, io.EOF):
		key = "line_eof"
	case errors.As(err, &cmd) && cmd == Quit:
		key = "line_quit"
	case errors.Is(err, ErrInterrupted):
		key = "line_signal"
	default:
		lr.save()
		return review.Result{}, err
	}
	if serr := lr.save(); serr != nil {
		return review.Result{}, serr
	}
	lr.r.p.out.line("")
	lr.say(key, lr.o.Path)
	return review.Result{}, review.ErrIncomplete
}

// section reviews one step: its summary and then its lists of records.
func (lr *lineReview) section(sec *model.Section) error {
	order := lr.s.Order()
	lr.r.p.out.line("")
	lr.say("line_step", slices.Index(order, sec)+1, len(order), sec.Title.In(lr.o.Lang))
	if lr.txt.HasSummary(sec) && !lr.prog.SkipSummary(sec.ID) {
		lr.print(lr.txt.StepLines(sec), "  ")
		edit := false
		if lr.r.v.Completeness(sec).State != model.StateDone {
			lr.say("line_needs")
			edit = true
		} else {
			unchanged, err := lr.confirm(lr.txt.Msg("line_unchanged"), lr.txt.Msg("line_help"), true)
			if err != nil {
				return err
			}
			edit = !unchanged
		}
		if edit {
			lr.say("line_edit")
			if err := lr.editStep(sec); err != nil {
				return err
			}
			if err := lr.save(); err != nil {
				return err
			}
			lr.say("line_saved")
		}
		lr.prog.Confirm(sec.ID)
		if err := lr.saveProgress(); err != nil {
			return err
		}
	}
	for _, q := range lr.txt.RecordQuestions(sec) {
		if err := lr.records(sec, q); err != nil {
			return err
		}
	}
	return nil
}

// confirm asks a yes/no question; Enter gives def. The interview's step
// commands other than :ende do not apply and are explained.
func (lr *lineReview) confirm(prompt, help string, def bool) (bool, error) {
	for {
		b, err := lr.r.p.Confirm(prompt, help, def)
		var cmd Command
		if errors.As(err, &cmd) && cmd != Quit {
			lr.say("line_no_cmd")
			continue
		}
		return b, err
	}
}

// editStep asks the step's questions (not its lists of records, which are
// reviewed entry by entry) with the stored answers as defaults, then its
// measures and own measures.
func (lr *lineReview) editStep(sec *model.Section) error {
	r := lr.r
	f := lr.s.F
	for _, q := range sec.Questions {
		if !r.v.QuestionVisible(q.ID) || q.Kind == model.KindRecords {
			continue
		}
		v, err := r.p.Ask(q, f.Get(q.ID))
		if err != nil {
			return lr.ignoreStepCommand(err)
		}
		if !v.Equal(f.Get(q.ID)) {
			f.Set(q.ID, v)
			if err := lr.save(); err != nil {
				return err
			}
		}
	}
	if len(r.v.Measures(sec)) > 0 {
		if err := r.measures(sec); err != nil {
			return lr.ignoreStepCommand(err)
		}
	}
	if sec.Kind == model.SectionControl {
		return lr.ignoreStepCommand(r.ownMeasures(sec))
	}
	return nil
}

// ignoreStepCommand ends an edit on :später or :zurück (what was answered
// stays); other errors pass.
func (lr *lineReview) ignoreStepCommand(err error) error {
	var cmd Command
	if errors.As(err, &cmd) && cmd != Quit {
		lr.say("line_no_cmd")
		return nil
	}
	return err
}

// records reviews the entries of q one by one, then asks for new ones.
func (lr *lineReview) records(sec *model.Section, q *model.Question) error {
	f := lr.s.F
	l := lr.o.Lang
	item := q.Item.In(l)
	lr.r.p.out.line("")
	lr.r.listRecords(q)
	for i := lr.prog.FirstOpen(q.ID, f.Get(q.ID).Records(), 0); i < len(f.Get(q.ID).Records()); {
		recs := f.Get(q.ID).Records()
		rec := recs[i]
		name := lr.txt.RecordName(q, rec)
		lr.say("line_record", item, i+1, len(recs), name)
		lr.print(lr.txt.RecordLines(q, rec), "    ")
		verdict, err := lr.verdict()
		if err != nil {
			return err
		}
		switch verdict {
		case model.RecordCurrent:
			if lr.s.Verdict(q.ID, rec.ID()) == model.RecordUnreviewed {
				lr.s.Keep(q.ID, rec.ID())
				if err := lr.saveProgress(); err != nil {
					return err
				}
			}
			i++
		case model.RecordChanged:
			lr.r.say("rec_edit", i+1)
			edited, err := lr.r.editRecord(q, rec)
			if uerr := lr.s.Update(q.ID, edited); uerr != nil {
				return uerr
			}
			if serr := lr.save(); serr != nil {
				return serr
			}
			if err != nil {
				return err
			}
			lr.say("rec_changed", lr.txt.RecordName(q, edited))
			// Shown again, for a last look.
		case model.RecordRemoved:
			ok, err := lr.confirm(lr.txt.Msg("rec_ask_rm", name), "", false)
			if err != nil {
				return err
			}
			if !ok {
				lr.r.say("rec_kept")
				continue
			}
			if err := lr.s.Remove(q.ID, rec.ID()); err != nil {
				return err
			}
			if err := lr.save(); err != nil {
				return err
			}
			lr.say("rec_removed", name)
		}
	}
	key := "add_ask"
	for {
		add, err := lr.confirm(lr.txt.Msg(key, lr.txt.Msg("yes_no_enter"))+" "+item+":", lr.r.title(q.Help), false)
		if err != nil {
			return err
		}
		if !add {
			break
		}
		key = "add_ask_more"
		lr.r.say("rec_new", item)
		rec, err := lr.r.newEntry(q)
		if len(rec) > 1 {
			if _, aerr := lr.s.Add(q.ID, rec); aerr != nil {
				return aerr
			}
			lr.say("rec_added", lr.txt.RecordName(q, rec))
		}
		if serr := lr.save(); serr != nil {
			return serr
		}
		if err != nil {
			return err
		}
	}
	if !f.Get(q.ID).IsSet() && !slices.Contains(f.Progress.Done, sec.ID) {
		f.Set(q.ID, model.Records()) // "none" is an answer
	}
	return nil
}

// verdict asks whether a record is current, changed or removed.
func (lr *lineReview) verdict() (model.RecordVerdict, error) {
	for {
		line, err := lr.r.p.ask(lr.txt.Msg("line_verdict")+":", "")
		var cmd Command
		if errors.As(err, &cmd) && cmd != Quit {
			lr.say("line_no_cmd")
			continue
		}
		if err != nil {
			return "", err
		}
		if v, ok := lineVerdicts[lr.o.Lang][strings.ToLower(strings.TrimSpace(line))]; ok {
			return v, nil
		}
		lr.r.p.invalid(lr.txt.Msg("line_bad_verd"))
	}
}

// lineVerdicts maps the answers to "current / changed / removed" per language.
var lineVerdicts = map[model.Lang]map[string]model.RecordVerdict{
	model.De: {"": model.RecordCurrent, "a": model.RecordCurrent, "aktuell": model.RecordCurrent, "j": model.RecordCurrent,
		"g": model.RecordChanged, "geändert": model.RecordChanged, "b": model.RecordChanged,
		"e": model.RecordRemoved, "entfernt": model.RecordRemoved, "x": model.RecordRemoved},
	model.En: {"": model.RecordCurrent, "c": model.RecordCurrent, "current": model.RecordCurrent, "y": model.RecordCurrent,
		"e": model.RecordChanged, "edit": model.RecordChanged, "changed": model.RecordChanged,
		"r": model.RecordRemoved, "removed": model.RecordRemoved, "x": model.RecordRemoved},
}

// finish asks for the reviewer's name and a summary, writes the history
// entry and prints the changes in words.
func (lr *lineReview) finish() (review.Result, error) {
	lr.r.p.out.line("")
	who := &model.Question{ID: "reviewer", Kind: model.KindText, Required: true,
		Title: review.Msg["reviewer"]}
	var name model.Value
	for {
		v, err := lr.r.p.Ask(who, model.String(review.DefaultReviewer(lr.s.C, lr.s.Before, lr.o.User)))
		var cmd Command
		if errors.As(err, &cmd) && cmd != Quit {
			lr.say("line_no_cmd")
			continue
		}
		if err != nil {
			return lr.stop(err)
		}
		if strings.TrimSpace(v.Str()) == "" {
			lr.r.p.invalid(lr.txt.Msg("name_required"))
			continue
		}
		name = v
		break
	}
	what := &model.Question{ID: "summary", Kind: model.KindText, Title: review.Msg["sum_title"]}
	sum, err := lr.r.p.Ask(what, model.Value{})
	var cmd Command
	if errors.As(err, &cmd) && cmd != Quit {
		err = nil
	}
	if err != nil {
		return lr.stop(err)
	}
	summary := strings.TrimSpace(sum.Str())
	if summary == "" {
		summary = review.Msg.Get(lr.s.F.Language, "default_sum")
	}
	e := lr.s.Finish(lr.o.Today, name.Str(), summary)
	lr.finished = true
	if still := lr.s.Due(lr.o.Today); len(still) > 0 {
		lr.say("due_still", len(still))
		for _, it := range still {
			lr.print([]string{lr.txt.Msg("bullet", model.DescribeDue(it, lr.o.Lang))}, "")
		}
	}
	if err := lr.save(); err != nil {
		return review.Result{}, err
	}
	if err := review.End(lr.o.Path); err != nil {
		return review.Result{}, err
	}
	lr.r.p.out.line("")
	lr.print(lr.txt.DoneLines(e, lr.o.Path, lr.o.Next.Next("render")), "")
	return review.Result{Finished: true, Entry: e}, nil
}

// walkDue goes through each due item before the steps: done now, a new
// date or still open, each with an optional note (see
// model.ReviewSession.SettleDue). Every decision is saved at once.
func (lr *lineReview) walkDue() error {
	for _, it := range lr.s.Due(lr.o.Today) {
		lr.r.p.out.line("")
		lr.print([]string{model.DescribeDue(it, lr.o.Lang)}, "")
		for {
			s, err := lr.r.p.ask(lr.txt.Msg("due_choice"), lr.txt.Msg("due_choice_help"))
			if err != nil {
				return err
			}
			choice, date := model.DueStillOpen, ""
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "e", "d":
				choice = model.DueDoneNow
			case "n":
				choice = model.DueNewDate
				if date, err = lr.r.p.ask(lr.txt.Msg("due_date"), lr.txt.Msg("due_choice_help")); err != nil {
					return err
				}
			case "o", "":
			default:
				lr.r.p.invalid(lr.txt.Msg("due_choice_bad"))
				continue
			}
			note, err := lr.r.p.ask(lr.txt.Msg("due_note"), lr.txt.Msg("due_choice_help"))
			if err != nil {
				return err
			}
			if err := lr.s.SettleDue(it, choice, date, note, lr.o.Today); err != nil {
				lr.r.p.invalid(lr.txt.Msg("due_bad_date"))
				continue
			}
			if err := lr.save(); err != nil {
				return err
			}
			break
		}
	}
	return nil
}
