package wizard

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// recordsSpec is a repeatable list: a records question, or the own measures
// of a control section (shown through a question of the wizard's own).
type recordsSpec struct {
	q     *model.Question
	store recordStore
	newID func() string // the ID of a new entry
	// accounts, when set, offers the server's login accounts as entries.
	accounts scanning.AccountsFunc
	// done, when set, records that the user finished the list (an empty
	// list of a question answers "none").
	done func()
	// directory, when set, is the provider directory a new entry may be
	// chosen from (the provider register).
	directory func() (*model.Directory, *model.DirectorySearch)
}

func (sp *recordsSpec) confirm() {
	if sp.done != nil {
		sp.done()
	}
}

// accountOffer returns the server accounts not yet in p's list.
func (p *recordsPage) accountOffer() []scanning.ServerAccount {
	if p.spec.accounts == nil {
		return nil
	}
	return scanning.NewAccounts(p.spec.q, p.recs, p.spec.accounts())
}

// recordStore reads and writes the list where it lives in the answers file.
type recordStore struct {
	load func() []model.Record
	save func([]model.Record)
}

func questionStore(s *model.Session, id string) recordStore {
	return recordStore{
		load: func() []model.Record {
			var out []model.Record
			for _, r := range s.F.Get(id).Records() {
				out = append(out, r.Clone())
			}
			return out
		},
		save: func(recs []model.Record) { s.SetRecords(id, recs) },
	}
}

// ownQuestion describes an own measure as a record, so that the list screen
// serves both.
func ownQuestion() *model.Question {
	status := []*model.Option{
		{ID: model.StatusImplemented, Label: Msg["status_impl_opt"]},
		{ID: model.StatusPlanned, Label: Msg["status_plan_opt"]},
		{ID: model.StatusNotApplicable, Label: Msg["status_na_opt"]},
		{ID: model.StatusUnclear, Label: Msg["status_uncl_opt"]},
		{ID: model.StatusDeclined, Label: Msg["status_decl_opt"]},
	}
	return &model.Question{
		ID: "own_measures", Kind: model.KindRecords,
		Title: Msg["own_title"], Help: Msg["own_help"], Item: Msg["own_item"],
		Fields: []*model.Field{
			{ID: "text", Kind: model.KindText, Label: Msg["own_text"], Required: true},
			{ID: "type", Kind: model.KindChoice, Label: Msg["own_type"], Required: true, Options: []*model.Option{
				{ID: model.Technical, Label: Msg["type_technical"]},
				{ID: model.Organisational, Label: Msg["type_org"]},
			}},
			{ID: "status", Kind: model.KindChoice, Label: Msg["own_status"], Required: true, Options: status},
			{ID: "due", Kind: model.KindDate, Label: Msg["own_due"], When: &model.Condition{Field: "status", Equals: model.StatusPlanned}},
			{ID: "reason", Kind: model.KindText, Label: Msg["own_reason"], When: &model.Condition{Field: "status", In: []string{model.StatusNotApplicable, model.StatusDeclined}}},
			{ID: "accepted_by", Kind: model.KindText, Label: Msg["own_accepted_by"], Required: true, When: &model.Condition{Field: "status", Equals: model.StatusDeclined}},
			{ID: "note", Kind: model.KindText, Label: Msg["own_note"]},
		},
	}
}

// ownStore keeps the own measures of section sec in f.OwnMeasures. An own
// measure without text is not stored (the file would not validate); one
// without a type or status yet is stored as organisational / to be clarified.
func ownStore(f *model.File, sec string) recordStore {
	return recordStore{
		load: func() []model.Record {
			var out []model.Record
			for _, o := range f.OwnMeasures {
				if o.Section != sec {
					continue
				}
				r := model.Record{"id": model.String(o.ID)}
				for k, v := range map[string]string{"text": o.Text, "type": o.Type, "status": o.Status, "due": o.Due, "reason": o.Reason, "accepted_by": o.AcceptedBy, "note": o.Note} {
					if v != "" {
						r[k] = model.String(v)
					}
				}
				out = append(out, r)
			}
			return out
		},
		save: func(recs []model.Record) {
			var keep []model.OwnMeasure
			for _, o := range f.OwnMeasures {
				if o.Section != sec {
					keep = append(keep, o)
				}
			}
			for _, r := range recs {
				text := strings.TrimSpace(r["text"].Str())
				if text == "" {
					continue
				}
				o := model.OwnMeasure{ID: r.ID(), Section: sec, Text: text, Type: r["type"].Str()}
				o.Status, o.Due, o.Reason = r["status"].Str(), r["due"].Str(), r["reason"].Str()
				o.AcceptedBy, o.Note = r["accepted_by"].Str(), r["note"].Str()
				if o.Type == "" {
					o.Type = model.Organisational
				}
				if o.Status == "" {
					o.Status = model.StatusUnclear
				}
				keep = append(keep, o)
			}
			f.OwnMeasures = keep
		},
	}
}

// recordsPage is the list screen: the entries, "add", "done". While an
// entry is open (edit >= 0) it shows the entry's fields, one a line, to
// choose the one to change (the record view), or the entry's one-page form.
type recordsPage struct {
	spec   *recordsSpec
	recs   []model.Record
	cursor int  // 0..len(recs)-1 entries, len(recs) add, len(recs)+1 done
	top    int  // the first row of the list on screen (listWindowAt)
	ftop   int  // the record view's first field on screen
	asking bool // remove confirmation shown

	// editing
	edit     int // index in recs (len(recs) for a new entry), -1 when the list is shown
	isNew    bool
	field    int         // the record view's cursor: index among the shown fields
	form     *recordForm // the form, nil while the record view is shown
	pick     *dirPicker  // a new entry's choice from the directory, before the form
	fromView bool        // the form was opened from the record view (and returns there)
	message  string
}

func newRecordsPage(sp *recordsSpec) *recordsPage {
	p := &recordsPage{spec: sp, recs: sp.store.load(), edit: -1}
	p.cursor = len(p.recs) // on "add" when empty, else still handy
	if len(p.recs) > 0 {
		p.cursor = len(p.recs) + 1 // on "done": a re-review just confirms
	}
	return p
}

func (p *recordsPage) save() { p.spec.store.save(p.recs) }

// label is how an entry is named in the list and the questions: the first
// fields' values.
func (p *recordsPage) label(r model.Record, l model.Lang) string {
	var parts []string
	for _, fd := range p.spec.q.Fields {
		v := r[fd.ID]
		if v.Empty() || !model.FieldVisible(fd, r) {
			continue
		}
		s := v.Str()
		switch {
		case fd.Kind == model.KindYesNo, fd.Kind == model.KindMultiChoice, fd.Kind == model.KindTextarea:
			continue
		case fd.Kind == model.KindChoice:
			if o := fd.Option(s); o != nil {
				s = o.Label.In(l)
			}
		case fd.Kind == model.KindDate:
			s = model.FormatDate(s, l)
		}
		parts = append(parts, s)
		if len(parts) == 3 {
			break
		}
	}
	if len(parts) == 0 {
		return Msg.Get(l, "unnamed")
	}
	return strings.Join(parts, " · ")
}

// record returns the entry open for editing (the draft of a new one).
func (p *recordsPage) record() model.Record {
	switch {
	case p.edit < len(p.recs):
		return p.recs[p.edit]
	case p.form != nil:
		return p.form.rec
	}
	return model.Record{}
}

// shownFields returns the fields of r that are shown.
func (p *recordsPage) shownFields(r model.Record) []*model.Field {
	var out []*model.Field
	for _, fd := range p.spec.q.Fields {
		if model.FieldVisible(fd, r) {
			out = append(out, fd)
		}
	}
	return out
}

// startEdit opens entry i: its record view, or for a new entry (i ==
// len(recs)) the form.
func (m *Model) startEdit(p *recordsPage, i int) tea.Cmd {
	p.message = ""
	p.isNew = i >= len(p.recs)
	p.edit, p.field, p.form, p.pick = i, 0, nil, nil
	if !p.isNew {
		return nil
	}
	p.edit = len(p.recs)
	if p.spec.directory != nil {
		if d, s := p.spec.directory(); s != nil && s.Len() > 0 {
			p.pick = newDirPicker(d, s, m.lang)
			return nil
		}
	}
	p.openForm(model.Record{"id": model.String(p.spec.newID())}, "", m.lang)
	for i, fd := range p.form.fields {
		if t, ok := p.form.inputs[i].(*textInput); ok {
			t.suggest = m.view.SuggestedField(p.spec.q, fd, p.recs)
		}
	}
	return nil
}

// pickKey handles a key on the directory picker: a chosen entry fills the
// new entry's form, focused on its first field still empty.
func (m *Model) pickKey(p *recordsPage, msg tea.KeyPressMsg) {
	switch p.pick.key(msg) {
	case pickNew:
		// What was searched for is most likely the name of the new one.
		r := model.Record{"id": model.String(p.spec.newID())}
		name := p.spec.q.FieldByRole(model.RoleRecordName)
		if name != nil {
			if out, bad := model.CheckInput(name.Kind, p.pick.text()); bad == "" && out != "" {
				r[name.ID] = model.String(out)
			}
		}
		p.pick = nil
		p.openForm(r, "", m.lang)
	case pickEntry:
		e := p.pick.entry()
		d := p.pick.dir
		p.pick = nil
		id := p.spec.newID()
		r := d.Record(e, id, m.lang)
		p.openForm(r, "", m.lang)
		p.form.orig = model.Record{"id": model.String(id)}
		p.form.focusFirstEmpty()
	case pickCancel:
		m.closeEdit(p)
	}
}

// openForm shows the one-page form of r focused on field id.
func (p *recordsPage) openForm(r model.Record, id string, l model.Lang) {
	p.fromView = !p.isNew
	p.form = newRecordForm(p.spec.q, r, id, l)
}

// formKey gives a key to the open form; a saved form stores the entry.
func (m *Model) formKey(p *recordsPage, msg tea.KeyPressMsg) {
	switch p.form.key(msg) {
	case formSaved:
		p.store(p.form.saved())
		m.save()
		m.closeForm(p)
	case formCancelled:
		m.closeForm(p)
	}
}

// store puts r in the entry's place (appends a new entry).
func (p *recordsPage) store(r model.Record) {
	if p.edit < len(p.recs) {
		p.recs[p.edit] = r
	} else {
		p.recs = append(p.recs, r)
	}
	p.save()
}

// flushDraft stores what the open form holds, unchecked values left out: the
// wizard is ending (Ctrl+C, a signal) and nothing typed may be lost.
func (p *recordsPage) flushDraft() {
	if p == nil || p.edit < 0 || p.form == nil || !p.form.changed() {
		return
	}
	if r := p.form.saved(); len(r) > 1 {
		p.store(r)
	}
}

// closeForm leaves the form: back to the record view it came from, or to
// the list.
func (m *Model) closeForm(p *recordsPage) {
	p.form = nil
	if p.fromView && p.edit < len(p.recs) {
		return
	}
	m.closeEdit(p)
}

// closeEdit shows the list again, the cursor on the entry.
func (m *Model) closeEdit(p *recordsPage) {
	if p.edit < len(p.recs) {
		p.cursor = p.edit
	}
	p.edit, p.form = -1, nil
}

// recordViewKey handles a key on the record view: choose a field to change.
func (m *Model) recordViewKey(p *recordsPage, k string) {
	fields := p.shownFields(p.record())
	p.field = min(p.field, len(fields)-1)
	switch k {
	case "up", "k":
		p.field = max(0, p.field-1)
	case "down", "j":
		p.field = min(len(fields)-1, p.field+1)
	case "home":
		p.field = 0
	case "end":
		p.field = len(fields) - 1
	case "enter", "space", "e", "b":
		if p.field >= 0 {
			p.openForm(p.record(), fields[p.field].ID, m.lang)
		}
	case "esc", "shift+tab":
		m.closeEdit(p)
	}
}

// recordsKey handles a key on the list screen. done reports that the user
// left the list forwards (true) or backwards (back).
func (m *Model) recordsKey(p *recordsPage, msg tea.KeyPressMsg) (tea.Cmd, int) {
	l := m.lang
	n := len(p.recs)
	if p.asking {
		switch msg.String() {
		case "j", "J", "y", "Y":
			name := p.label(p.recs[p.cursor], l)
			p.recs = append(p.recs[:p.cursor], p.recs[p.cursor+1:]...)
			p.save()
			m.save()
			w, _ := m.bodySize()
			p.message = fitName(l, "removed", name, w)
			p.cursor = min(p.cursor, len(p.recs))
		}
		p.asking = false
		return nil, 0
	}
	p.message = ""
	switch msg.String() {
	case "up", "k":
		p.cursor = max(0, p.cursor-1)
	case "down", "j":
		p.cursor = min(n+1, p.cursor+1)
	case "home":
		p.cursor = 0
	case "end":
		p.cursor = n + 1
	case "n", "a", "+", "insert":
		return m.startEdit(p, n), 0
	case "e":
		if p.cursor < n {
			return m.startEdit(p, p.cursor), 0
		}
	case "d", "delete", "-":
		if p.cursor < n {
			p.asking = true
		}
	case "s":
		if len(p.accountOffer()) > 0 {
			var added int
			p.recs, added = scanning.AddAccounts(p.spec.q, p.recs, p.spec.accounts(), p.spec.newID, l)
			p.save()
			m.save()
			p.cursor = n // the first new entry, to be completed
			p.message = scanning.AccountMsg.Count(l, "added", added)
		}
	case "tab":
		// On to the next step from anywhere in the list, as from a field.
		p.save()
		p.spec.confirm()
		return nil, +1
	case "enter", "space":
		switch {
		case p.cursor < n:
			return m.startEdit(p, p.cursor), 0
		case p.cursor == n:
			return m.startEdit(p, n), 0
		default:
			p.save()
			p.spec.confirm()
			return nil, +1
		}
	case "esc", "shift+tab":
		p.save()
		return nil, -1
	}
	return nil, 0
}

// recordsView draws the list, the record view or the form.
func (m *Model) recordsView(p *recordsPage, w, h int) string {
	l := m.lang
	q := p.spec.q
	item := q.Item.In(l)
	if p.edit >= 0 && p.pick != nil {
		head := styleTitle.Render(truncate(Msg.Get(l, "dir_title", item), w))
		return head + "\n" + p.pick.view(item, w, h-1)
	}
	if p.edit >= 0 {
		r := p.record()
		name := p.label(r, l)
		if p.isNew && name == Msg.Get(l, "unnamed") {
			name = Msg.Get(l, "record_new")
		}
		key := "record_view_title"
		if p.form != nil {
			key = "record_form_title"
		}
		// The name gives way first: the legend must stay readable.
		room := w - lipgloss.Width(Msg.Get(l, key, item, ""))
		head := styleTitle.Render(truncate(Msg.Get(l, key, item, truncate(name, max(room, 2))), w))
		if p.form != nil {
			return head + "\n" + p.form.view(w, h-1)
		}
		fields := p.shownFields(r)
		row := func(i int) string {
			fd := fields[i]
			v := model.TerminalLine(strings.ReplaceAll(model.AnswerText(fd.Kind, fd.Options, r[fd.ID], l), "\n", " / "))
			if v == "" {
				v = Msg.Get(l, "form_unset")
			}
			return fd.Label.In(l) + ": " + v
		}
		return head + "\n\n" + listWindowAt(&p.ftop, len(fields), row, min(p.field, len(fields)-1), h-2, w, l)
	}
	var b strings.Builder
	b.WriteString(styleTitle.Render(truncate(q.Title.In(l), w)))
	b.WriteString("  ")
	b.WriteString(styleFaint.Render(Msg.Count(l, "records_count", len(p.recs))))
	b.WriteString("\n\n")
	// Only the rows on screen are labelled: the work per frame does not
	// grow with the list.
	n := len(p.recs)
	row := func(i int) string {
		switch {
		case i < n:
			return fmt.Sprintf("%d. %s", i+1, p.label(p.recs[i], l))
		case i == n:
			return Msg.Get(l, "records_add", item)
		default:
			return Msg.Get(l, "records_next")
		}
	}
	// Title, blank line, the list, blank line, the status line.
	listH := h - 4
	b.WriteString(listWindowAt(&p.top, n+2, row, p.cursor, listH, w, l))
	b.WriteString("\n\n")
	switch {
	case p.asking:
		b.WriteString(styleError.Render(fitName(l, "remove_ask", p.label(p.recs[p.cursor], l), w)))
	case p.message != "":
		b.WriteString(styleNotice.Render(truncate(p.message, w)))
	case len(p.accountOffer()) > 0:
		b.WriteString(styleNotice.Render(truncate(scanning.AccountMsg.Count(l, "offer", len(p.accountOffer())), w)))
	case len(p.recs) == 0:
		b.WriteString(styleFaint.Render(Msg.Get(l, "records_none")))
	}
	return b.String()
}

// listWindowAt renders n rows given by row, which is called only for the
// rows shown, within h lines, the cursor row marked ("> " with the ">" in
// reverse video: only the mark, so that moving the cursor changes a cell of
// two rows). When the rows do not fit, a line "↑ n weitere" / "↓ n weitere"
// in language l takes the first or last line and says how many rows are
// hidden above or below. The window is kept between frames in *top, its
// first row: it moves only when the cursor leaves it, and then so that the
// cursor is in its middle. A key that moves the cursor within the window
// changes the two marks and nothing else, so the terminal gets a few bytes
// instead of the list again.
func listWindowAt(top *int, n int, row func(int) string, cursor, h, w int, l model.Lang) string {
	h = max(1, h)
	start, end, above, below := keptWindow(n, cursor, h, *top)
	*top = start
	lines := make([]string, 0, h)
	if above {
		lines = append(lines, styleFaint.Render(truncate(Msg.Get(l, "list_above", start), w)))
	}
	for i := start; i < end; i++ {
		r := truncate(row(i), w-2)
		if i == cursor {
			lines = append(lines, styleCursor.Render(">")+" "+r)
		} else {
			lines = append(lines, "  "+r)
		}
	}
	if below {
		lines = append(lines, styleFaint.Render(truncate(Msg.Get(l, "list_below", n-end), w)))
	}
	return strings.Join(lines, "\n")
}

// keptWindow returns the rows [start, end) of n shown within h lines for a
// window that began at row top in the last frame, and whether the hints
// above and below are shown.
func keptWindow(n, cursor, h, top int) (start, end int, above, below bool) {
	switch {
	case n <= h:
		return 0, n, false, false
	case h < 3: // no room for the hints: the cursor row and what fits
		start = min(max(top, cursor-h+1, 0), cursor, n-h)
		return start, start + h, false, false
	}
	// A window starting at s shows rows up to end: a hint takes a line
	// above when s > 0 and below when rows follow.
	span := func(s int) (int, bool, bool) {
		rows := h
		if s > 0 {
			rows--
		}
		if s+rows >= n {
			return n, s > 0, false
		}
		return s + rows - 1, s > 0, true
	}
	start = min(max(top, 0), n-(h-1))
	end, above, below = span(start)
	if cursor < start || cursor >= end {
		start = min(max(cursor-(h-2)/2, 0), n-(h-1))
		end, above, below = span(start)
	}
	return start, end, above, below
}

// fitName formats message key around name, shortening the name rather than
// the sentence so that the question ("… wirklich entfernen? (j/n)") stays
// whole within w columns.
func fitName(l model.Lang, key, name string, w int) string {
	room := w - lipgloss.Width(Msg.Get(l, key, ""))
	return truncate(Msg.Get(l, key, truncate(name, max(room, 2))), w)
}

// helpField is the field whose help Ctrl+E shows: the form's focused field
// or the record view's chosen one (nil on the list).
func (p *recordsPage) helpField() *model.Field {
	switch {
	case p == nil || p.edit < 0 || p.pick != nil:
		return nil
	case p.form != nil:
		if f := p.form; f.focus < len(f.fields) {
			return f.fields[f.focus]
		}
		return nil
	}
	fields := p.shownFields(p.record())
	if p.field >= 0 && p.field < len(fields) {
		return fields[p.field]
	}
	return nil
}
