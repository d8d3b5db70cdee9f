package wizard

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
)

// formInput is the editor of one field of a record form. It edits the
// form's draft record directly, so that a condition on a sibling field
// follows every change.
type formInput interface {
	// key handles a key press: used reports whether the key was taken,
	// next that the field was answered with a key that also moves on
	// (a number in a choice, j/n in a yes/no).
	key(msg tea.KeyPressMsg) (used, next bool)
	// paste inserts pasted text (text fields only).
	paste(s string)
	// lines renders the value while the field has the focus, at most h
	// lines of at most w cells.
	lines(w, h int) []string
	// short is the value on one line when the field has no focus ("" when
	// it is not answered).
	short() string
	// problem is what is wrong with the value typed ("" when fine; an
	// empty required field is the form's to say).
	problem() string
	// hints is the message key of the field kind's key hints.
	hints() string
}

// formResult is what a key did to the form as a whole.
type formResult int

const (
	formEditing   formResult = iota
	formSaved                // the draft passed every check: store it
	formCancelled            // the user left without saving
)

// recordForm is one record on one page: every shown field of the record,
// the focused one open for editing, the others one line each, and a save
// button at the end. It edits a copy of the record; nothing is stored until
// the user saves, and a required field left empty or a value that
// model.CheckInput refuses is explained next to the field.
type recordForm struct {
	lang   model.Lang
	keys   formKeyMap
	fields []*model.Field
	rec    model.Record // the draft
	orig   model.Record // the record as it was opened
	inputs []formInput  // by field index
	focus  int          // field index, or len(fields) for the save button

	touched map[int]bool // fields the focus has left: their emptiness counts
	tried   bool         // a save was refused: every problem is shown
	asking  bool         // "discard the changes?" is asked
	status  string       // the form's line in the footer
	scroll  int          // first body line shown
}

// newRecordForm opens record r (a copy is edited) of question q with the
// focus on field id (the first shown field when id is "" or hidden).
func newRecordForm(q *model.Question, r model.Record, id string, l model.Lang) *recordForm {
	f := &recordForm{lang: l, keys: newFormKeys(l), fields: q.Fields, rec: r.Clone(), orig: r.Clone(), touched: map[int]bool{}}
	f.inputs = make([]formInput, len(f.fields))
	for i, fd := range f.fields {
		f.inputs[i] = newFormInput(fd, f.rec, l)
	}
	f.focus = f.step(-1, +1)
	for i, fd := range f.fields {
		if fd.ID == id && f.visible(i) {
			f.focus = i
		}
	}
	return f
}

// focusFirstEmpty puts the focus on the first shown field without a value
// (the save button when every field has one).
func (f *recordForm) focusFirstEmpty() {
	for i, fd := range f.fields {
		if f.visible(i) && f.rec[fd.ID].Empty() {
			f.focus = i
			return
		}
	}
	f.focus = len(f.fields)
}

// newFormInput returns the editor for field fd of draft r.
func newFormInput(fd *model.Field, r model.Record, l model.Lang) formInput {
	switch fd.Kind {
	case model.KindChoice:
		return newChoiceInput(fd, r, l)
	case model.KindMultiChoice:
		return newMultiInput(fd, r, l)
	case model.KindYesNo:
		return newYesNoInput(fd, r, l)
	}
	return newTextInput(fd, r, l)
}

// visible reports whether field i is shown for the draft as it is now.
func (f *recordForm) visible(i int) bool {
	return i >= 0 && i < len(f.fields) && model.FieldVisible(f.fields[i], f.rec)
}

// step returns the next shown field after from in direction dir; past the
// last field the save button, before the first the first field.
func (f *recordForm) step(from, dir int) int {
	for i := from + dir; i >= 0 && i < len(f.fields); i += dir {
		if f.visible(i) {
			return i
		}
	}
	if dir > 0 {
		return len(f.fields)
	}
	return from
}

// changed reports whether the draft differs from the record as opened (text
// typed that is not valid yet counts as a change).
func (f *recordForm) changed() bool {
	b := f.orig.Clone()
	f.prune(b)
	if !f.saved().Equal(b) {
		return true
	}
	for i, in := range f.inputs {
		if f.visible(i) && in.problem() != "" {
			return true
		}
	}
	return false
}

// prune removes the values of hidden fields from r.
func (f *recordForm) prune(r model.Record) {
	for _, fd := range f.fields {
		if _, ok := r[fd.ID]; ok && !model.FieldVisible(fd, r) {
			delete(r, fd.ID)
		}
	}
}

// saved returns the record to store: the draft without hidden values.
func (f *recordForm) saved() model.Record {
	r := f.rec.Clone()
	f.prune(r)
	return r
}

// problem is what is wrong with field i: the value typed, or a required
// field left empty once the user has left it or tried to save.
func (f *recordForm) problem(i int) string {
	if i >= len(f.fields) || !f.visible(i) {
		return ""
	}
	if p := f.inputs[i].problem(); p != "" {
		return p
	}
	if fd := f.fields[i]; fd.Required && f.rec[fd.ID].Empty() && (f.touched[i] || f.tried) {
		return model.Msg.Get(f.lang, "required")
	}
	return ""
}

// move puts the focus on field to, marking the field left as touched.
func (f *recordForm) move(to int) {
	if to != f.focus {
		f.touched[f.focus] = true
		f.focus = to
	}
}

// save checks every shown field; on a problem the focus goes to the first
// field with one and the form stays open.
func (f *recordForm) save() formResult {
	f.tried = true
	for i := range f.fields {
		if f.problem(i) != "" {
			f.focus = i
			f.status = Msg.Get(f.lang, "form_fix")
			return formEditing
		}
	}
	return formSaved
}

// key handles one key press.
func (f *recordForm) key(msg tea.KeyPressMsg) formResult {
	k := msg.String()
	if f.asking {
		f.asking, f.status = false, ""
		switch k {
		case "j", "J", "y", "Y":
			return formCancelled
		}
		return formEditing
	}
	f.status = ""
	if !f.visible(f.focus) && f.focus < len(f.fields) {
		// A condition hid the focused field: on to the next shown one.
		f.focus = f.step(f.focus, +1)
	}
	onButton := f.focus >= len(f.fields)
	switch {
	case key.Matches(msg, f.keys.Save), onButton && k == "enter":
		return f.save()
	case key.Matches(msg, f.keys.Cancel):
		if !f.changed() {
			return formCancelled
		}
		f.asking = true
		f.status = Msg.Get(f.lang, "form_discard")
		return formEditing
	case key.Matches(msg, f.keys.Next):
		if onButton {
			f.move(f.step(-1, +1))
		} else {
			f.move(f.step(f.focus, +1))
		}
		return formEditing
	case key.Matches(msg, f.keys.Prev):
		f.move(f.step(f.focus, -1))
		return formEditing
	}
	if onButton {
		switch k {
		case "up":
			f.move(f.step(f.focus, -1))
		case "space":
			return f.save()
		}
		return formEditing
	}
	used, next := f.inputs[f.focus].key(msg)
	switch {
	case next:
		f.move(f.step(f.focus, +1))
	case used:
	case k == "down":
		f.move(f.step(f.focus, +1))
	case k == "up":
		f.move(f.step(f.focus, -1))
	}
	return formEditing
}

// paste gives pasted text to the focused field.
func (f *recordForm) paste(s string) {
	if f.focus < len(f.fields) && !f.asking {
		f.inputs[f.focus].paste(s)
	}
}

// hints is the message key of the focused field's key hints.
func (f *recordForm) hints() string {
	if f.focus >= len(f.fields) {
		return "keys_form_button"
	}
	return f.inputs[f.focus].hints()
}

// label is field i's label, with " *" when it is required.
func (f *recordForm) label(i int) string {
	fd := f.fields[i]
	s := fd.Label.In(f.lang)
	if fd.Required {
		s += " *"
	}
	return s
}

// view renders the form in h lines of at most w cells, scrolled so that the
// focused field is whole on the screen; a line says how many fields are
// above or below the part shown.
func (f *recordForm) view(w, h int) string {
	type block struct {
		lines []string
		focus bool
	}
	var blocks []block
	inner := max(3, h-2) // room when the hints above and below are shown
	for i := range f.fields {
		if !f.visible(i) {
			continue
		}
		var lines []string
		if i == f.focus {
			lines = append(lines, styleTitle.Render(truncate("> "+f.label(i), w)))
			for _, l := range f.inputs[i].lines(w-2, max(1, inner-2)) {
				lines = append(lines, "  "+l)
			}
		} else {
			v := f.inputs[i].short()
			if v == "" {
				v = Msg.Get(f.lang, "form_unset")
			}
			lines = append(lines, truncate("  "+f.label(i)+": "+v, w))
		}
		if p := f.problem(i); p != "" {
			lines = append(lines, styleError.Render(truncate("  ! "+p, w)))
		}
		blocks = append(blocks, block{lines, i == f.focus})
	}
	button := "  " + Msg.Get(f.lang, "form_save")
	if f.focus >= len(f.fields) {
		button = styleCursor.Render("> " + Msg.Get(f.lang, "form_save"))
	}
	blocks = append(blocks, block{[]string{"", truncate(button, w)}, f.focus >= len(f.fields)})

	var all []string
	top, bottom := 0, 0
	for _, b := range blocks {
		if b.focus {
			top, bottom = len(all), len(all)+len(b.lines)
		}
		all = append(all, b.lines...)
	}
	if len(all) <= h {
		f.scroll = 0
		return strings.Join(all, "\n")
	}
	// Lines top..bottom must be within the inner window.
	f.scroll = min(f.scroll, top)
	if bottom > f.scroll+inner {
		f.scroll = bottom - inner
	}
	f.scroll = max(0, min(f.scroll, len(all)-inner))
	end := min(len(all), f.scroll+inner)
	out := make([]string, 0, h)
	if f.scroll > 0 {
		out = append(out, styleFaint.Render(truncate(Msg.Get(f.lang, "form_above", f.scroll), w)))
	} else {
		out = append(out, "")
	}
	out = append(out, all[f.scroll:end]...)
	if end < len(all) {
		out = append(out, styleFaint.Render(truncate(Msg.Get(f.lang, "form_below", len(all)-end), w)))
	}
	return strings.Join(out, "\n")
}
