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

// measures asks a control section's measures as one table: the numbered
// list with the statuses so far, then lines of a status letter and the
// rows it is for ("u 1-5,7 g 6 k alle"), until an empty line; then what the
// statuses need (model.AskFollowUps), then the notes asked for with +N.
func (r *lineRunner) measures(s *model.Section) error {
	f := r.o.File
	l := r.o.Lang
	scanning.Prefill(r.v, s)
	ms := r.v.Measures(s)
	r.say("measures")
	helps := []string{r.title(s.Help)}
	for i, m := range ms {
		status := ""
		if a, ok := f.Measures[m.ID]; ok && a.Status != "" {
			status = ", " + r.statusText(a)
		}
		r.say("measure_line", i+1, r.title(m.Label), lineMsg.Get(l, m.Type), status+r.scanMark(m.ID))
		if h := r.title(m.Help); h != "" {
			helps = append(helps, fmt.Sprintf("%d) %s", i+1, lineOneLine(h)))
		}
		helps = append(helps, r.scanHelp(i+1, m.ID)...)
	}
	r.expectedLine(ms)
	r.scanHint(ms)
	prompt := r.tablePrompt()
	if r.anyStatus(ms) {
		prompt += " " + lineMsg.Get(l, "so_far", r.tableSummary(ms)) + " " + lineMsg.Get(l, "enter_keeps")
	}
	prompt += ":"
	touched := map[string]bool{}
	noteWanted := map[int]bool{}
	for {
		line, err := r.p.ask(prompt, strings.Join(helps, "\n"))
		if err != nil {
			return err
		}
		if strings.TrimSpace(line) == "" {
			break
		}
		cmds, bad := r.parseStatusLine(line, len(ms))
		if bad != "" {
			r.p.invalid(bad)
			continue
		}
		for _, c := range cmds {
			rows := c.rows
			if c.all {
				for i, m := range ms {
					if f.Measures[m.ID].Status == "" {
						rows = append(rows, i)
					}
				}
			}
			for _, i := range rows {
				if c.status == "" {
					noteWanted[i] = true
					continue
				}
				id := ms[i].ID
				f.Measures[id] = f.Measures[id].WithStatus(c.status)
				touched[id] = true
			}
		}
		if err := r.save(); err != nil {
			return err
		}
		r.say("table_now", r.tableSummary(ms))
		prompt = lineMsg.Get(l, "table_more") + ":"
	}
	// What the statuses need, row by row.
	for i, m := range ms {
		for _, fu := range model.AskFollowUps(m, f.Measures[m.ID], touched[m.ID]) {
			a := f.Measures[m.ID]
			def := model.Value{}
			if v := a.Part(fu.Part); v != "" {
				def = model.String(v)
			}
			f.Progress.Question = m.ID + "#" + fu.Part
			it := lineItem{kind: fu.Kind, title: r.followUpTitle(i, m, fu, a.Status), help: r.title(m.Help),
				indent: "  ", required: fu.Required}
			if fu.Param != nil {
				it.param, it.options = fu.Param, fu.Param.Options
				if h := r.title(fu.Param.Help); h != "" {
					it.help = h
				}
			}
			it.suggest = r.suggest.For(fu.Part, a.Status, a.Part(fu.Part))
			v, err := r.p.value(it, def)
			if err != nil {
				return err
			}
			r.suggest.Remember(fu.Part, a.Status, v.Str())
			a.SetPart(fu.Part, v.Str())
			f.Measures[m.ID] = a
			if err := r.save(); err != nil {
				return err
			}
		}
	}
	// Notes asked for with +N, on measures of any status.
	for i, m := range ms {
		if !noteWanted[i] {
			continue
		}
		a := f.Measures[m.ID]
		def := model.Value{}
		if a.Note != "" {
			def = model.String(a.Note)
		}
		f.Progress.Question = m.ID + "#note"
		it := lineItem{kind: model.KindText, title: lineMsg.Get(l, "note_on", i+1, r.title(m.Label)), indent: "  ", note: true,
			suggest: r.suggest.For(model.PartNote, a.Status, a.Note)}
		v, err := r.p.value(it, def)
		if err != nil {
			return err
		}
		r.suggest.Remember(model.PartNote, a.Status, v.Str())
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

// tablePrompt explains the status line: the letters with their words and an
// example, in the interview's language.
func (r *lineRunner) tablePrompt() string {
	l := r.o.Lang
	var legend []string
	for _, st := range model.StatusKeyOrder {
		legend = append(legend, model.StatusLetter(st, l)+" "+model.StatusWord(st, l))
	}
	all := lineMsg.Get(l, "all_word")
	example := fmt.Sprintf("%s 1-5,7 %s 6 %s %s", model.StatusLetter(model.StatusImplemented, l),
		model.StatusLetter(model.StatusPlanned, l), model.StatusLetter(model.StatusUnclear, l), all)
	return lineMsg.Get(l, "table_prompt", example, strings.Join(legend, ", "), all)
}

// tableSummary lists the rows by status, as ranges: "umgesetzt 1-5, 7;
// geplant 6; keine Angabe 8-10".
func (r *lineRunner) tableSummary(ms []*model.Measure) string {
	l := r.o.Lang
	by := map[string][]int{}
	for i, m := range ms {
		st := r.o.File.Measures[m.ID].Status
		by[st] = append(by[st], i+1)
	}
	var parts []string
	for _, st := range append(append([]string{}, model.StatusKeyOrder...), "") {
		if len(by[st]) > 0 {
			parts = append(parts, model.StatusText(model.MeasureAnswer{Status: st}, l, nil)+" "+lineRanges(by[st]))
		}
	}
	return strings.Join(parts, "; ")
}

// lineRanges writes ascending numbers with runs as ranges: "1-5, 7".
func lineRanges(ns []int) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", ns[i], ns[j]))
		} else {
			parts = append(parts, strconv.Itoa(ns[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// followUpTitle words the question for part fu of row i (measure m with
// status st).
func (r *lineRunner) followUpTitle(i int, m *model.Measure, fu model.FollowUp, st string) string {
	l := r.o.Lang
	key := ""
	switch fu.Part {
	case model.PartDue:
		key = "due"
	case model.PartReason:
		key = "reason"
		if st == model.StatusDeclined {
			key = "declined_reason"
		}
	case model.PartAcceptedBy:
		key = "accepted_by"
	}
	what := fu.Part
	switch {
	case key != "":
		what = lineMsg.Get(l, key)
	case !fu.Label.IsZero():
		what = fu.Label.In(l)
	}
	return lineMsg.Get(l, "followup", i+1, r.title(m.Label), what)
}

// statusCmd is one group of a status line: a status ("" for a note
// request) and the rows (0-based) it is for; all stands for the rows
// without status when the group is applied.
type statusCmd struct {
	status string
	rows   []int
	all    bool
	word   string // the letter as typed, for messages
}

// parseStatusLine reads a line like "u 1-5,7 g 6 k alle +3" for a table of
// n rows. A letter of either language starts a group (the numbers may
// follow without a space: "u1-5"); numbers and ranges belong to the group
// before them; +N asks for a note. The whole line is refused, with the
// reason in the user's language, when any part does not fit.
func (r *lineRunner) parseStatusLine(line string, n int) ([]statusCmd, string) {
	l := r.o.Lang
	var cmds []statusCmd
	cur := -1 // the group numbers go to
	rows := func(tok string) ([]int, bool) {
		from, to, isRange := strings.Cut(strings.ReplaceAll(tok, "–", "-"), "-")
		a, err1 := strconv.Atoi(from)
		b, err2 := a, error(nil)
		if isRange {
			b, err2 = strconv.Atoi(to)
		}
		if err1 != nil || err2 != nil || a < 1 || b > n || a > b {
			return nil, false
		}
		var out []int
		for i := a; i <= b; i++ {
			out = append(out, i-1)
		}
		return out, true
	}
	isAll := func(tok string) bool {
		t := strings.ToLower(tok)
		return t == lineMsg.Get(model.De, "all_word") || t == lineMsg.Get(model.En, "all_word")
	}
	for _, tok := range strings.FieldsFunc(line, func(c rune) bool { return c == ' ' || c == ',' || c == ';' || c == '\t' }) {
		switch {
		case isAll(tok):
			if cur < 0 || cmds[cur].status == "" {
				return nil, lineMsg.Get(l, "table_no_status", tok, model.StatusLetter(model.StatusUnclear, l)+" "+tok)
			}
			cmds[cur].all = true
		case strings.HasPrefix(tok, "+"):
			rs, ok := rows(tok[1:])
			if !ok {
				return nil, lineMsg.Get(l, "bad_multi", tok, n)
			}
			cmds = append(cmds, statusCmd{rows: rs, word: tok})
			cur = -1 // numbers after a note request need a letter again
		case tok[0] >= '0' && tok[0] <= '9':
			rs, ok := rows(tok)
			if !ok {
				return nil, lineMsg.Get(l, "bad_multi", tok, n)
			}
			if cur < 0 {
				return nil, lineMsg.Get(l, "table_no_status", tok, model.StatusLetter(model.StatusImplemented, l)+" "+tok)
			}
			cmds[cur].rows = append(cmds[cur].rows, rs...)
		default:
			st, ok := model.StatusOfLetter(tok[:1])
			if !ok {
				return nil, lineMsg.Get(l, "table_bad_token", tok, n)
			}
			cmds = append(cmds, statusCmd{status: st, word: tok[:1]})
			cur = len(cmds) - 1
			if rest := tok[1:]; rest != "" {
				rs, ok := rows(rest)
				if !ok {
					return nil, lineMsg.Get(l, "table_bad_token", tok, n)
				}
				cmds[cur].rows = rs
			}
		}
	}
	for _, c := range cmds {
		if c.status != "" && len(c.rows) == 0 && !c.all {
			return nil, lineMsg.Get(l, "table_no_rows", c.word, c.word, c.word, lineMsg.Get(l, "all_word"))
		}
	}
	return cmds, ""
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
