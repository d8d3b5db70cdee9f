package line

import (
	"strconv"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// The end of the line-mode interview lists what is still open or
// contradicted (model.Session.Pending), numbered; typing a number jumps
// there. After that step the next open entry follows
// (model.Session.NextOpen), and the list again when none is left.

// endList prints the entries still open, numbered, and reads the number of
// the one to go to. It returns the section to go through next, nil when the
// user ends (Enter, a command, or the end of input).
func (r *lineRunner) endList() (*model.Section, error) {
	r.s.EndRound()
	ps := r.s.Pending()
	if len(ps) == 0 {
		return nil, nil
	}
	if fs := r.s.Findings(); len(fs) > 0 {
		c, w := model.CountFindings(fs)
		r.say("findings_end", c, w)
	}
	r.say("pending_title", len(ps))
	for i, p := range ps {
		r.say("pending_line", i+1, lineClean(p.Line(r.o.Lang)))
	}
	if remaining := r.s.Remaining(); remaining > 0 {
		r.say("remaining", model.RemainingLine(remaining, r.o.Lang))
	}
	prompt := lineMsg.Get(r.o.Lang, "pending_ask")
	help := lineMsg.Get(r.o.Lang, "pending_help")
	for {
		s, err := r.p.ask(prompt, help)
		if err != nil {
			// A command or the end of input ends the interview here.
			return nil, nil
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, nil
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > len(ps) || ps[n-1].Section == nil {
			r.p.invalid(lineMsg.Get(r.o.Lang, "bad_number", len(ps)))
			continue
		}
		return r.jump(ps[n-1]), nil
	}
}

// jump goes to entry p: the step starts at its item (a question, or the
// measures for a measure or the own measures).
func (r *lineRunner) jump(p model.Pending) *model.Section {
	r.s.Jump(p)
	r.resumeQ = p.Item
	if p.Item != "" && r.s.C.Question(p.Item) == nil {
		r.resumeQ = model.TickItem(p.Section)
	}
	return p.Section
}

// after returns the step that follows cur: the next open entry after a jump
// from the end list (nil: the list again), else the next step in order.
func (r *lineRunner) after(cur *model.Section) *model.Section {
	if !r.s.Jumping() {
		return r.s.Next(cur, 1)
	}
	if p, ok := r.s.NextOpen(); ok {
		return r.jump(p)
	}
	return nil
}
