package line

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// expectedLine names, on a line of its own under the list, the numbers of
// the measures expected at the business's protection level.
func (r *lineRunner) expectedLine(ms []*model.Measure) {
	var nums []string
	for i, m := range ms {
		if r.s.Expected(m) {
			nums = append(nums, strconv.Itoa(i+1))
		}
	}
	if len(nums) > 0 {
		r.say("expected_line", model.ExpectedMark(r.o.Lang), model.LevelName(r.v.Level(), r.o.Lang), strings.Join(nums, ", "))
	}
}

// measures asks a control section's measures: first which are implemented
// (one line of numbers), then the status of each remaining one.
func (r *lineRunner) measures(s *model.Section) error {
	f := r.o.File
	scanning.Prefill(r.v, s)
	ms := r.v.Measures(s)
	r.say("measures")
	var opts []*model.Option
	var stored []string
	helps := []string{r.title(s.Help)}
	for i, m := range ms {
		status := ""
		if a, ok := f.Measures[m.ID]; ok && a.Status != "" {
			status = ", " + r.statusText(a)
			if a.Status == model.StatusImplemented {
				stored = append(stored, strconv.Itoa(i+1))
			}
		}
		r.say("measure_line", i+1, r.title(m.Label), lineMsg.Get(r.o.Lang, m.Type), status+r.scanMark(m.ID))
		opts = append(opts, &model.Option{ID: m.ID, Label: m.Label})
		if h := r.title(m.Help); h != "" {
			helps = append(helps, fmt.Sprintf("%d) %s", i+1, lineOneLine(h)))
		}
		helps = append(helps, r.scanHelp(i+1, m.ID)...)
	}
	r.expectedLine(ms)
	r.scanHint(ms)
	prompt := lineMsg.Get(r.o.Lang, "which_done")
	if len(stored) > 0 || r.anyStatus(ms) {
		shown := strings.Join(stored, " ")
		if shown == "" {
			shown = model.AnswerText(model.KindMultiChoice, nil, model.List(), r.o.Lang)
		}
		prompt += " " + lineMsg.Get(r.o.Lang, "so_far", shown) + " " + lineMsg.Get(r.o.Lang, "enter_keeps")
	}
	prompt += ":"
	noteWanted := map[int]bool{}
	for {
		line, err := r.p.ask(prompt, strings.Join(helps, "\n"))
		if err != nil {
			return err
		}
		if strings.TrimSpace(line) == "" {
			break
		}
		line, notes, bad := lineNoteTokens(line, len(opts))
		if bad != "" {
			r.p.invalid(lineMsg.Get(r.o.Lang, "bad_multi", bad, len(opts)))
			continue
		}
		for i := range notes {
			noteWanted[i] = true
		}
		if strings.TrimSpace(line) == "" { // only notes asked for: the ticks stay
			break
		}
		picked, bad := lineParseNumbers(line, opts)
		if bad != "" {
			r.p.invalid(lineMsg.Get(r.o.Lang, "bad_multi", bad, len(opts)))
			continue
		}
		for i, m := range ms {
			a, ok := f.Measures[m.ID]
			switch {
			case picked[i]:
				f.Measures[m.ID] = model.MeasureAnswer{Status: model.StatusImplemented, Note: a.Note}
			case ok && a.Status == model.StatusImplemented:
				delete(f.Measures, m.ID) // no longer ticked: asked again below
			}
		}
		if err := r.save(); err != nil {
			return err
		}
		break
	}
	for i, m := range ms {
		a, ok := f.Measures[m.ID]
		if ok && a.Status == model.StatusImplemented {
			continue
		}
		label := lineMsg.Get(r.o.Lang, "status", i+1, r.title(m.Label))
		na, changed, err := r.askStatus(label, r.title(m.Help), a, ok && a.Status != "", false)
		if err != nil {
			return err
		}
		if changed {
			f.Measures[m.ID] = na
			if err := r.save(); err != nil {
				return err
			}
		}
	}
	// Notes asked for with n<number>, on measures of any status.
	for i, m := range ms {
		if !noteWanted[i] {
			continue
		}
		a := f.Measures[m.ID]
		def := model.Value{}
		if a.Note != "" {
			def = model.String(a.Note)
		}
		it := lineItem{kind: model.KindText, title: lineMsg.Get(r.o.Lang, "note_on", i+1, r.title(m.Label)), indent: "  ", note: true}
		v, err := r.p.value(it, def)
		if err != nil {
			return err
		}
		a.Note = v.Str()
		if a.Status == "" {
			if a.Note == "" {
				continue
			}
			a.Status = model.StatusUnclear
		}
		f.Measures[m.ID] = a
		if err := r.save(); err != nil {
			return err
		}
	}
	return nil
}

func (r *lineRunner) anyStatus(ms []*model.Measure) bool {
	for _, m := range ms {
		if a, ok := r.o.File.Measures[m.ID]; ok && a.Status != "" {
			return true
		}
	}
	return false
}

// statusText renders a measure status with its date, reason or note.
func (r *lineRunner) statusText(a model.MeasureAnswer) string {
	l := r.o.Lang
	switch a.Status {
	case model.StatusNotApplicable:
		if a.Reason != "" {
			return lineMsg.Get(l, "na_reason", lineOneLine(a.Reason))
		}
	case model.StatusUnclear:
		if a.Note != "" {
			return lineMsg.Get(l, "unclear_note", lineOneLine(a.Note))
		}
	case model.StatusDeclined:
		return lineOneLine(model.StatusText(a, l, nil))
	}
	return model.StatusText(model.MeasureAnswer{Status: a.Status, Due: a.Due}, l, nil)
}

// lineNoteTokens takes the tokens n<number> (a note on that measure) out of
// a line of measure numbers: the rest of the line, the numbers (0-based) and
// a token that is not a valid note request.
func lineNoteTokens(line string, n int) (rest string, notes map[int]bool, bad string) {
	notes = map[int]bool{}
	var keep []string
	for _, tok := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '\t' }) {
		if len(tok) < 2 || (tok[0] != 'n' && tok[0] != 'N') {
			keep = append(keep, tok)
			continue
		}
		k, err := strconv.Atoi(tok[1:])
		if err != nil {
			keep = append(keep, tok) // a word: lineParseNumbers judges it
			continue
		}
		if k < 1 || k > n {
			return "", nil, tok
		}
		notes[k-1] = true
	}
	return strings.Join(keep, " "), notes, ""
}

// lineStatusKeys are the numbers of the status menu, in order.
var lineStatusKeys = []string{model.StatusPlanned, model.StatusNotApplicable, model.StatusUnclear, model.StatusImplemented, model.StatusDeclined}

// askStatus asks for a status (1 planned, 2 not applicable, 3 to be
// clarified, 4 implemented) and what it needs: a date, a reason, a note.
// Enter keeps cur (has) or leaves the measure open; with required, a status
// must be given. The answer is only returned complete, so that an
// interruption never leaves a planned measure without its date.
func (r *lineRunner) askStatus(label, help string, cur model.MeasureAnswer, has, required bool) (model.MeasureAnswer, bool, error) {
	l := r.o.Lang
	prompt := label
	switch {
	case has:
		prompt += " " + lineMsg.Get(l, "so_far", r.statusText(cur)) + " " + lineMsg.Get(l, "enter_keeps")
	case required:
		prompt += " " + lineMsg.Get(l, "required")
	default:
		prompt += " " + lineMsg.Get(l, "enter_open")
	}
	prompt += ":"
	for {
		line, err := r.p.ask(prompt, help)
		if err != nil {
			return cur, false, err
		}
		t := strings.TrimSpace(line)
		if t == "" {
			if has || !required {
				return cur, false, nil
			}
			r.p.invalid(model.Msg.Get(l, "required"))
			continue
		}
		n, err := strconv.Atoi(t)
		if err != nil || n < 1 || n > len(lineStatusKeys) {
			r.p.invalid(lineMsg.Get(l, "bad_number", len(lineStatusKeys)))
			continue
		}
		out := model.MeasureAnswer{Status: lineStatusKeys[n-1], Note: cur.Note}
		// What each status needs, asked with the stored value as default.
		var field *string
		it := lineItem{kind: model.KindText, help: help, indent: "  ", required: true}
		switch out.Status {
		case model.StatusPlanned:
			field, it.kind, it.title = &out.Due, model.KindDate, lineMsg.Get(l, "due")
		case model.StatusNotApplicable:
			field, it.title = &out.Reason, lineMsg.Get(l, "reason")
		case model.StatusUnclear:
			field, it.title, it.required, it.note = &out.Note, lineMsg.Get(l, "note"), false, true
		case model.StatusDeclined:
			field, it.title = &out.Reason, lineMsg.Get(l, "declined_reason")
		}
		if field != nil {
			def := model.Value{}
			if old := lineStatusDetail(cur, out.Status); old != "" {
				def = model.String(old)
			}
			v, err := r.p.value(it, def)
			if err != nil {
				return cur, false, err
			}
			*field = v.Str()
		}
		if out.Status == model.StatusDeclined {
			def := model.Value{}
			if cur.Status == model.StatusDeclined && cur.AcceptedBy != "" {
				def = model.String(cur.AcceptedBy)
			}
			v, err := r.p.value(lineItem{kind: model.KindText, help: help, indent: "  ", required: true, title: lineMsg.Get(l, "accepted_by")}, def)
			if err != nil {
				return cur, false, err
			}
			out.AcceptedBy = v.Str()
		}
		return out, true, nil
	}
}

// lineStatusDetail returns the date, reason or note a stored answer holds
// for status (what to offer as the default when that status is chosen).
func lineStatusDetail(a model.MeasureAnswer, status string) string {
	switch status {
	case model.StatusPlanned:
		if a.Status == status {
			return a.Due
		}
	case model.StatusNotApplicable, model.StatusDeclined:
		if a.Status == status {
			return a.Reason
		}
	case model.StatusUnclear:
		return a.Note
	}
	return ""
}

// ownMeasures lists the section's own measures and offers to add more.
func (r *lineRunner) ownMeasures(s *model.Section) error {
	f := r.o.File
	l := r.o.Lang
	first := true
	for _, o := range f.OwnMeasures {
		if o.Section != s.ID {
			continue
		}
		if first {
			r.say("own_list")
			first = false
		}
		r.say("own_line", lineOneLine(o.Text), lineMsg.Get(l, o.Type), r.statusText(o.MeasureAnswer))
	}
	for {
		add, err := r.p.Confirm(lineMsg.Get(l, "own_add")+":", r.title(s.Help), false)
		if err != nil || !add {
			return err
		}
		if err := r.ownMeasure(s); err != nil {
			return err
		}
		r.say("own_saved")
	}
}

// ownMeasure asks for one own measure and adds it. Once its text is typed,
// an interruption still keeps it (as organisational, to be clarified), so
// that nothing typed is lost and the file stays valid.
func (r *lineRunner) ownMeasure(s *model.Section) error {
	l := r.o.Lang
	v, err := r.p.value(lineItem{kind: model.KindText, title: "  " + lineMsg.Get(l, "own_text"), required: true}, model.Value{})
	if err != nil {
		return err
	}
	o := model.OwnMeasure{ID: r.s.IDs().Own(), Section: s.ID, Text: v.Str()}
	o.Type, err = r.askType()
	if err == nil {
		o.MeasureAnswer, _, err = r.askStatus("  "+lineMsg.Get(l, "own_status"), "", model.MeasureAnswer{}, false, true)
	}
	if o.Type == "" {
		o.Type = model.Organisational
	}
	if o.Status == "" {
		o.Status = model.StatusUnclear
	}
	r.o.File.OwnMeasures = append(r.o.File.OwnMeasures, o)
	if serr := r.save(); serr != nil {
		return serr
	}
	return err
}

func (r *lineRunner) askType() (string, error) {
	l := r.o.Lang
	for {
		line, err := r.p.ask("  "+lineMsg.Get(l, "own_type")+" "+lineMsg.Get(l, "required")+":", "")
		if err != nil {
			return "", err
		}
		switch strings.TrimSpace(line) {
		case "1":
			return model.Technical, nil
		case "2":
			return model.Organisational, nil
		}
		r.p.invalid(lineMsg.Get(l, "bad_number", 2))
	}
}
