package wizard

import (
	"slices"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// Screens of the review walk.
const (
	rvStart   = iota // what is due, new and retired
	rvDue            // one due item: done now / new date / still open
	rvDueDate        // the new date of a due item
	rvDueNote        // the note on a due item
	rvStep           // the summary of one section
	rvEdit           // the wizard edits the section
	rvRecord         // one record: current / edit / remove
	rvRecEdit        // the wizard edits (or adds) one record
	rvAdd            // "are there new entries?"
	rvName           // the reviewer's name
	rvSummary        // a short summary
	rvDone           // the closing report
)

// ReviewModel is the full-screen yearly review: a bubbletea model that walks
// through every shown section with its stored answers, lets the reviewer
// confirm each with one key or edit it with the interview's own screens,
// reviews lists of records entry by entry, and ends with exactly one history
// entry.
type ReviewModel struct {
	o    review.Options
	s    *model.ReviewSession
	f    *model.File
	lang model.Lang
	txt  *review.Text
	ed   *editor // the interview's screens, for editing (editor.go)
	save func(*model.File) error

	width, height int
	screen        int
	scroll        int

	sec    *model.Section
	prog   *review.Progress // sections reviewed and confirmed, kept for a resume
	edited bool             // the current section was edited: Enter accepts it
	recQs  []*model.Question
	qi, ri int  // records question and record under review
	asking bool // remove confirmation shown
	page   *recordsPage
	adding bool

	dues    []model.DueItem // the items due when the review began, walked first
	di      int             // the due item under review
	choice  model.DueChoice // its choice, while the date and note are asked
	dueDate string
	dueNote string
	still   []model.DueItem // still due when the review finished

	act           *active // name or summary field
	name, summary string
	entry         model.HistoryEntry
	finished      bool

	notice  string
	saveErr error
	quit    quitReason
}

// NewReview returns the review model for o, on its start screen.
func NewReview(o review.Options) *ReviewModel {
	s := o.Session
	m := &ReviewModel{o: o, s: s, f: s.F, lang: o.Lang, width: 80, height: 24}
	m.save = review.Saver(o)
	m.txt = review.NewText(s, o.Lang, o.Today)
	m.ed = newEditor(s.Interview(o.Today, o.User), o.Lang, o.Path, o.Today, o.User, m.save, o.Directory)
	m.f.Progress.Step = s.Before.Progress.Step
	m.name = review.DefaultReviewer(s.C, s.Before, o.User)
	m.prog = review.NewProgress(s, o.Path, o.Resumed)
	m.dues = s.Due(o.Today)
	m.screen = rvStart
	return m
}

// Init implements tea.Model.
func (m *ReviewModel) Init() tea.Cmd { return nil }

// Finished reports whether the review was finished (the entry written).
func (m *ReviewModel) Finished() bool { return m.finished }

// Entry returns the history entry the review added (when Finished).
func (m *ReviewModel) Entry() model.HistoryEntry { return m.entry }

// Interrupted reports whether the review ended on a signal.
func (m *ReviewModel) Interrupted() bool { return m.quit == quitSignal }

// Flush saves the current state (Run calls it after the program ended).
func (m *ReviewModel) Flush() error {
	m.page.flushDraft()
	m.store()
	return m.saveErr
}

// store prunes hidden answers and writes the file, and (until the review
// is finished) which steps and records were confirmed.
func (m *ReviewModel) store() {
	m.ed.session().V.Prune()
	m.saveErr = m.save(m.f)
	m.txt.RefreshDue()
	m.storeProgress()
}

// storeProgress remembers the steps and records confirmed so far.
func (m *ReviewModel) storeProgress() {
	if m.finished {
		return
	}
	if err := m.prog.Save(); err != nil && m.saveErr == nil {
		m.saveErr = err
	}
}

// Update implements tea.Model.
func (m *ReviewModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case signalMsg:
		m.quit = quitSignal
		m.page.flushDraft()
		m.store()
		return m, tea.Quit
	case tea.ColorProfileMsg:
		m.ed.setPlain(msg.Profile <= colorprofile.Ascii)
		return m, nil
	case tea.WindowSizeMsg:
		if (msg.Width == m.width && msg.Height == m.height) || msg.Width <= 0 || msg.Height <= 0 {
			return m, nil
		}
		m.width, m.height = msg.Width, msg.Height
		m.ed.resize(msg)
		if m.act != nil {
			m.ed.relayout(m.act)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.PasteMsg:
		if m.screen == rvRecEdit && m.page != nil && m.page.edit >= 0 {
			switch {
			case m.page.form != nil:
				m.page.form.paste(msg.Content)
			case m.page.pick != nil:
				m.page.pick.paste(msg.Content)
			}
			return m, nil
		}
	}
	if a := m.form(); a != nil {
		fm, cmd := a.form.Update(msg)
		a.form = fm.(*huh.Form)
		return m, cmd
	}
	return m, nil
}

// form returns the huh form that gets other messages, if any.
func (m *ReviewModel) form() *active {
	switch m.screen {
	case rvEdit:
		return m.ed.form()
	case rvName, rvSummary, rvDueDate, rvDueNote:
		return m.act
	}
	return nil
}

// key handles one key press.
func (m *ReviewModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	if k == "ctrl+c" {
		m.quit = quitUser
		m.page.flushDraft()
		m.store()
		return tea.Quit
	}
	if m.screen != rvEdit && m.screen != rvRecEdit {
		m.notice = ""
	}
	switch m.screen {
	case rvStart:
		if m.scrollKey(k) {
			return nil
		}
		if k == "enter" || k == "space" || k == "u" {
			if m.di < len(m.dues) {
				m.screen, m.scroll = rvDue, 0
				return nil
			}
			return m.nextSection()
		}
	case rvDue:
		return m.dueKey(k)
	case rvDueDate, rvDueNote:
		return m.dueFieldKey(msg)
	case rvStep:
		if m.scrollKey(k) {
			return nil
		}
		switch k {
		case "enter", "u", "space":
			if m.ed.session().State(m.sec).State != model.StateDone {
				m.notice = m.txt.Msg("needs_edit")
				return nil
			}
			m.prog.Confirm(m.sec.ID)
			m.storeProgress()
			return m.startRecords()
		case "b", "e":
			return m.editSection()
		case "esc", "shift+tab":
			return m.back()
		}
	case rvEdit:
		cmd, left := m.ed.key(msg)
		if left {
			m.store()
			m.screen, m.scroll = rvStep, 0
			m.edited = true
		}
		return cmd
	case rvRecord:
		return m.recordKey(k)
	case rvRecEdit:
		cmd := m.ed.recordKey(msg)
		if m.page.edit < 0 {
			return m.recordEdited()
		}
		return cmd
	case rvAdd:
		switch k {
		case "j", "J", "y", "Y", "a", "+":
			return m.addRecord()
		case "enter", "u", "n", "N", "space":
			return m.nextRecords()
		case "esc", "shift+tab":
			if m.ri > 0 {
				m.ri--
				m.screen = rvRecord
			}
		}
	case rvName, rvSummary:
		return m.fieldKey(msg)
	case rvDone:
		if m.scrollKey(k) {
			return nil
		}
		if k == "enter" || k == "q" || k == "esc" {
			m.quit = quitUser
			return tea.Quit
		}
	}
	return nil
}

// scrollKey moves the summary pane; it reports whether k was a scroll key.
func (m *ReviewModel) scrollKey(k string) bool {
	page := max(1, m.bodyHeight()-2)
	switch k {
	case "down", "j":
		m.scroll++
	case "up", "k":
		m.scroll--
	case "pgdown", "ctrl+d":
		m.scroll += page
	case "pgup", "ctrl+u":
		m.scroll -= page
	case "home":
		m.scroll = 0
	case "end":
		m.scroll = 1 << 20
	default:
		return false
	}
	m.scroll = max(0, m.scroll)
	return true
}

// nextSection goes to the first section of the walk order not reviewed yet,
// or to the reviewer's name at the end.
func (m *ReviewModel) nextSection() tea.Cmd {
	if sec := m.prog.Next(); sec != nil {
		return m.enter(sec)
	}
	return m.askName()
}

// enter shows section sec: its summary, or straight its records.
func (m *ReviewModel) enter(sec *model.Section) tea.Cmd {
	m.sec = sec
	m.scroll = 0
	m.edited = false
	m.recQs = m.txt.RecordQuestions(sec)
	if m.txt.HasSummary(sec) && !m.prog.SkipSummary(sec.ID) {
		m.screen = rvStep
		return nil
	}
	return m.startRecords()
}

// back returns to the previous section of the walk.
func (m *ReviewModel) back() tea.Cmd {
	prev := m.prog.Back(m.sec)
	if prev == nil {
		m.screen, m.scroll = rvStart, 0
		return nil
	}
	m.storeProgress()
	return m.enter(prev)
}

// editSection opens the interview's screens for the current section.
func (m *ReviewModel) editSection() tea.Cmd {
	m.screen = rvEdit
	cmd, ok := m.ed.edit(m.sec)
	if !ok { // nothing to edit after all
		m.screen = rvStep
	}
	return cmd
}

// startRecords begins the section's lists of records (if any).
func (m *ReviewModel) startRecords() tea.Cmd {
	m.qi = 0
	return m.enterRecords()
}

func (m *ReviewModel) enterRecords() tea.Cmd {
	m.recQs = m.txt.RecordQuestions(m.sec)
	if m.qi >= len(m.recQs) {
		return m.sectionDone()
	}
	q := m.recQs[m.qi]
	m.ri = m.prog.FirstOpen(q.ID, m.f.Get(q.ID).Records(), 0)
	m.adding = false
	m.showRecord()
	return nil
}

// showRecord shows record ri of the current list, or the "new entries?"
// question after the last one.
func (m *ReviewModel) showRecord() {
	m.scroll = 0
	m.asking = false
	recs := m.f.Get(m.recQs[m.qi].ID).Records()
	if m.ri >= len(recs) {
		m.screen = rvAdd
		return
	}
	m.screen = rvRecord
}

// sectionDone marks the section reviewed, saves and moves on.
func (m *ReviewModel) sectionDone() tea.Cmd {
	m.ed.session().Done(m.sec)
	m.prog.Done(m.sec.ID)
	m.store()
	return m.nextSection()
}

// nextRecords leaves the current list: a list never answered (new in the
// catalogue) is stored as "none".
func (m *ReviewModel) nextRecords() tea.Cmd {
	q := m.recQs[m.qi]
	if !m.f.Get(q.ID).IsSet() && !slices.Contains(m.f.Progress.Done, m.sec.ID) {
		m.f.Set(q.ID, model.Records())
	}
	m.store()
	m.qi++
	return m.enterRecords()
}

// current returns the record under review.
func (m *ReviewModel) current() (*model.Question, model.Record) {
	q := m.recQs[m.qi]
	return q, m.f.Get(q.ID).Records()[m.ri]
}

// recordKey handles a key on one record.
func (m *ReviewModel) recordKey(k string) tea.Cmd {
	q, r := m.current()
	name := m.txt.RecordName(q, r)
	if m.asking {
		m.asking = false
		switch k {
		case "j", "J", "y", "Y":
			if err := m.s.Remove(q.ID, r.ID()); err != nil {
				m.saveErr = err
				return nil
			}
			m.store()
			m.notice = m.txt.Msg("rec_removed", name)
			m.showRecord()
		}
		return nil
	}
	if m.scrollKey(k) {
		return nil
	}
	switch k {
	case "enter", "u", "space":
		if m.s.Verdict(q.ID, r.ID()) == model.RecordUnreviewed {
			m.s.Keep(q.ID, r.ID())
			m.storeProgress()
		}
		m.ri++
		m.showRecord()
	case "b", "e":
		return m.editRecord(m.ri)
	case "x", "d", "delete":
		m.asking = true
	case "esc", "shift+tab":
		if m.ri > 0 {
			m.ri--
			m.showRecord()
		} else if m.txt.HasSummary(m.sec) {
			m.screen, m.scroll = rvStep, 0
		} else {
			return m.back()
		}
	}
	return nil
}

// editRecord opens the interview's field screens for record i (i == the
// number of records: a new one).
func (m *ReviewModel) editRecord(i int) tea.Cmd {
	q := m.recQs[m.qi]
	m.page = m.ed.list(m.sec, q)
	m.adding = m.adding || i >= len(m.page.recs)
	m.screen = rvRecEdit
	cmd := m.ed.editRecord(m.page, i)
	if m.page.edit < 0 {
		return m.recordEdited()
	}
	return cmd
}

func (m *ReviewModel) addRecord() tea.Cmd {
	return m.editRecord(len(m.f.Get(m.recQs[m.qi].ID).Records()))
}

// recordEdited returns from editing a record: the changed record is shown
// again for a last look; after adding, the question "another?" follows.
func (m *ReviewModel) recordEdited() tea.Cmd {
	q := m.recQs[m.qi]
	recs := m.f.Get(q.ID).Records()
	p := m.page
	m.page = nil
	m.ed.endList()
	if p.isNew {
		// An entry left empty was dropped by the wizard: nothing added.
		if n := len(recs); n > m.ri {
			m.notice = m.txt.Msg("rec_added", m.txt.RecordName(q, recs[n-1]))
			m.ri = n
		}
		m.store()
		m.screen = rvAdd
		return nil
	}
	r := recs[m.ri]
	if err := m.s.Update(q.ID, r); err != nil {
		m.saveErr = err
	}
	if len(model.Diff(m.s.Before, m.f)) > 0 {
		m.notice = m.txt.Msg("rec_changed", m.txt.RecordName(q, r))
	}
	m.store()
	m.showRecord()
	return nil
}

// dueKey takes the choice for the due item under review (the same keys
// as line mode: e/d done now, n new date, o or Enter still open).
func (m *ReviewModel) dueKey(k string) tea.Cmd {
	if m.scrollKey(k) {
		return nil
	}
	switch k {
	case "e", "d":
		m.choice = model.DueDoneNow
	case "n":
		m.choice = model.DueNewDate
		m.dueDate = ""
		return m.askDue(rvDueDate, "due_date", &m.dueDate)
	case "o", "enter", "space":
		m.choice = model.DueStillOpen
	case "esc", "shift+tab":
		if m.di == 0 {
			m.screen, m.scroll = rvStart, 0
		}
		return nil
	default:
		return nil
	}
	return m.askNote()
}

func (m *ReviewModel) askNote() tea.Cmd {
	m.dueNote = ""
	return m.askDue(rvDueNote, "due_note", &m.dueNote)
}

// askDue shows a text field for the due item's date or note.
func (m *ReviewModel) askDue(screen int, title string, v *string) tea.Cmd {
	m.screen = screen
	return m.ed.field(&m.act, spec{kind: model.KindText, title: m.txt.Msg(title), slot: slot{
		get: func() model.Value { return model.String(*v) },
		set: func(x model.Value) { *v = x.Str() },
	}})
}

// dueFieldKey handles keys on the date and note fields of a due item; the
// note's Enter settles the item (model.ReviewSession.SettleDue) and saves.
func (m *ReviewModel) dueFieldKey(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	a := m.act
	if k == "esc" || k == "shift+tab" {
		m.act = nil
		m.screen = rvDue
		return nil
	}
	fm, cmd := a.form.Update(msg)
	a.form = fm.(*huh.Form)
	if !m.ed.submits(a, k) {
		return cmd
	}
	a.b.commit()
	if m.screen == rvDueDate {
		return m.askNote()
	}
	m.act = nil
	if err := m.s.SettleDue(m.dues[m.di], m.choice, m.dueDate, m.dueNote, m.o.Today); err != nil {
		m.notice = m.txt.Msg("due_bad_date")
		m.screen = rvDue
		return nil
	}
	m.store()
	m.di++
	if m.di < len(m.dues) {
		m.screen, m.scroll = rvDue, 0
		return nil
	}
	return m.nextSection()
}

// dueLines describes the due item under review and the choices.
func (m *ReviewModel) dueLines() []string {
	return []string{m.txt.Msg("due_title", m.di+1, len(m.dues)), "",
		model.DescribeDue(m.dues[m.di], m.lang), "", m.txt.Msg("due_choice"), "", m.txt.Msg("due_choice_help")}
}

// askName asks for the reviewer's name (stored default) at the end.
func (m *ReviewModel) askName() tea.Cmd {
	m.screen = rvName
	m.sec = nil
	return m.ed.field(&m.act, spec{kind: model.KindText, title: m.txt.Msg("name_title"),
		required: true, emptyKey: "name_required", slot: slot{
			get: func() model.Value { return model.String(m.name) },
			set: func(v model.Value) { m.name = v.Str() },
		}})
}

// askSummary asks for the short summary.
func (m *ReviewModel) askSummary() tea.Cmd {
	m.screen = rvSummary
	return m.ed.field(&m.act, spec{kind: model.KindText, title: m.txt.Msg("sum_title"),
		slot: slot{
			get: func() model.Value { return model.String(m.summary) },
			set: func(v model.Value) { m.summary = v.Str() },
		}})
}

// fieldKey handles keys on the name and summary fields.
func (m *ReviewModel) fieldKey(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	a := m.act
	if k == "esc" || k == "shift+tab" {
		if m.screen == rvSummary {
			return m.askName()
		}
		m.act = nil
		if m.prog.Visited() > 0 {
			return m.back()
		}
		return nil
	}
	fm, cmd := a.form.Update(msg)
	a.form = fm.(*huh.Form)
	if !m.ed.submits(a, k) {
		return cmd
	}
	a.b.commit()
	if m.screen == rvName {
		if strings.TrimSpace(m.name) == "" {
			return cmd
		}
		return m.askSummary()
	}
	return m.finish()
}

// finish writes the history entry and shows the closing report.
func (m *ReviewModel) finish() tea.Cmd {
	summary := strings.TrimSpace(m.summary)
	if summary == "" {
		summary = review.Msg.Get(m.f.Language, "default_sum")
	}
	m.entry = m.s.Finish(m.o.Today, m.name, summary)
	m.still = m.s.Due(m.o.Today)
	m.store()
	if m.saveErr == nil {
		m.finished = true
		m.saveErr = review.End(m.o.Path)
	}
	m.act = nil
	m.screen, m.scroll = rvDone, 0
	return nil
}

// View implements tea.Model: header, body and footer in the alternate screen.
func (m *ReviewModel) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.WindowTitle = "tom review"
	return v
}

// bodyHeight is the number of lines between header and footer.
func (m *ReviewModel) bodyHeight() int { return max(4, m.height-headerLines-footerLines) }

// Render returns the screen as text.
func (m *ReviewModel) Render() string {
	w := min(m.width, maxWidth) - 1
	h := m.bodyHeight()
	var body, keys string
	switch m.screen {
	case rvStart:
		body, keys = m.pane(m.txt.StartLines(m.o.Resumed, m.prog.Next()), w, h), m.txt.Msg("keys_start")
	case rvStep:
		keys = m.txt.Msg("keys_step")
		if m.edited {
			keys = m.txt.Msg("keys_step_edited")
		}
		body = m.pane(m.txt.StepLines(m.sec), w, h)
	case rvEdit:
		var k string
		body, k = m.ed.body(w, h)
		keys = Msg.Get(m.lang, k)
	case rvRecord:
		q, r := m.current()
		lines := m.txt.RecordLines(q, r)
		keys = m.txt.Msg("keys_record")
		if m.asking {
			keys = m.txt.Msg("keys_rm")
		}
		body = m.pane(lines, w, h)
	case rvRecEdit:
		var k string
		body, k = m.ed.body(w, h)
		keys = Msg.Get(m.lang, k)
	case rvAdd:
		body, keys = m.addBody(w), m.txt.Msg("keys_add")
	case rvName, rvSummary:
		body, keys = m.act.form.View(), m.txt.Msg("keys_name")
	case rvDone:
		lines := m.txt.DoneLines(m.entry, m.o.Path, m.o.Next.Next("render"))
		if len(m.still) > 0 {
			lines = append(lines, "", m.txt.Msg("due_still", len(m.still)))
			for _, it := range m.still {
				lines = append(lines, m.txt.Msg("bullet", model.DescribeDue(it, m.lang)))
			}
		}
		body, keys = m.pane(lines, w, h), m.txt.Msg("keys_done")
	case rvDue:
		body, keys = m.pane(m.dueLines(), w, h), m.txt.Msg("keys_due")
	case rvDueDate, rvDueNote:
		body = m.pane([]string{model.DescribeDue(m.dues[m.di], m.lang)}, w, 3) + "\n\n" + m.act.form.View()
		keys = m.txt.Msg("keys_name")
	}
	var b strings.Builder
	b.WriteString(m.header(w))
	b.WriteString("\n")
	b.WriteString(fitLines(body, h))
	b.WriteString("\n")
	b.WriteString(m.footer(w, keys))
	return b.String()
}

// header is the title line, the progress line and a blank line.
func (m *ReviewModel) header(w int) string {
	var title string
	switch {
	case m.screen == rvRecord:
		q, r := m.current()
		n := len(m.f.Get(q.ID).Records())
		title = m.txt.Msg("rec_title", q.Item.In(m.lang), m.ri+1, n, m.txt.RecordName(q, r))
	case m.sec != nil && m.screen != rvDone:
		order := m.s.Order()
		i := slices.Index(order, m.sec) + 1
		title = m.txt.Msg("title_step", i, len(order), m.sec.Title.In(m.lang))
	case m.screen == rvDone:
		title = m.txt.Msg("title", m.s.C.Title.In(m.lang))
	default:
		title = m.txt.Msg("title", model.OrganisationName(m.s.C, m.f))
	}
	prog := m.txt.Msg("progress", m.prog.Visited(), len(m.s.Order()), len(m.s.Changes()))
	return styleTitle.Render(truncate(title, w)) + "\n" + styleFaint.Render(truncate(prog, w)) + "\n"
}

// footer is the status line and the key hints.
func (m *ReviewModel) footer(w int, keys string) string {
	status := ""
	switch {
	case m.saveErr != nil:
		status = styleError.Render(truncate(Msg.Get(m.lang, "save_failed", model.ErrorIn(m.saveErr, m.lang)), w))
	case (m.screen == rvEdit || m.screen == rvRecEdit) && m.ed.fieldError() != "":
		status = styleError.Render(truncate(m.ed.fieldError(), w))
	case m.screen == rvRecord && m.asking:
		q, r := m.current()
		status = styleError.Render(truncate(m.txt.Msg("rec_ask_rm", m.txt.RecordName(q, r)), w))
	case m.act != nil && m.act.b.field.Error() != nil:
		status = styleError.Render(truncate(m.act.b.field.Error().Error(), w))
	case m.notice != "":
		status = styleNotice.Render(truncate(m.notice, w))
	}
	quit := m.txt.Msg("keys_quit")
	switch {
	case m.screen == rvEdit:
		quit = m.txt.Msg("keys_edit") + " · " + quit
	case m.screen == rvRecEdit && m.page != nil && m.page.form != nil:
		// The form's keys: how to move and save, then the field's own.
		keys, quit = m.page.form.helpLines()
	}
	return status + "\n" + styleFaint.Render(truncate(keys, w)) + "\n" + styleFaint.Render(truncate(quit, w))
}

// addBody asks whether the list has new entries.
func (m *ReviewModel) addBody(w int) string {
	q := m.recQs[m.qi]
	n := len(m.f.Get(q.ID).Records())
	var b strings.Builder
	b.WriteString(styleTitle.Render(truncate(q.Title.In(m.lang), w)))
	b.WriteString("\n\n")
	if n == 0 {
		b.WriteString(wrapText(m.txt.Msg("add_none", q.Item.In(m.lang)), w))
	} else {
		b.WriteString(wrapText(review.Msg.Count(m.lang, "add_list", n, q.Item.In(m.lang)), w))
	}
	b.WriteString("\n\n")
	key := "add_ask"
	if m.adding {
		key = "add_ask_more"
	}
	b.WriteString(styleTitle.Render(wrapText(m.txt.Msg(key, m.txt.Msg("yes_no_enter")), w)))
	return b.String()
}

// pane wraps lines to width w and shows the part the scroll offset selects,
// with a line saying what is above or below: nothing is cut off silently.
func (m *ReviewModel) pane(lines []string, w, h int) string {
	var all []string
	for _, l := range lines {
		indent := len(l) - len(strings.TrimLeft(l, " "))
		hang := 0
		if r := []rune(strings.TrimLeft(l, " ")); len(r) > 0 && !unicode.IsLetter(r[0]) && !unicode.IsDigit(r[0]) {
			hang = 2 // a bullet or mark: continuation lines under the text
		}
		wrapped := strings.Split(wrapText(l, w-indent-hang), "\n")
		for i, x := range wrapped {
			pad := strings.Repeat(" ", indent)
			if i > 0 {
				pad += strings.Repeat(" ", hang)
			}
			all = append(all, pad+strings.TrimLeft(x, " "))
		}
	}
	if len(all) <= h {
		m.scroll = 0
		return strings.Join(all, "\n")
	}
	view := h - 1
	m.scroll = min(m.scroll, len(all)-view)
	end := min(len(all), m.scroll+view)
	out := append([]string{}, all[m.scroll:end]...)
	hint := m.txt.Msg("more_below", m.scroll+1, end, len(all))
	if end == len(all) {
		hint = m.txt.Msg("more_above", m.scroll+1, end, len(all))
	}
	out = append(out, styleFaint.Render(truncate(hint, w)))
	return strings.Join(out, "\n")
}

// RunReview runs the full-screen review in the alternate screen until the
// reviewer finishes or quits, or a signal arrives. Whatever happens, the
// answers edited so far are saved before it returns; the history entry is
// written only when the reviewer finishes.
func RunReview(o review.Options) (review.Result, error) {
	m := NewReview(o)
	got, err := runProgram(m, o.In, o.Out, m.Flush)
	return review.Result{Finished: m.Finished(), Entry: m.Entry(), Signal: got}, err
}

// RunReviewOn runs the full-screen review on terminal t instead of the
// process's own, as RunOn does the interview.
func RunReviewOn(o review.Options, t Terminal) (review.Result, error) {
	m := NewReview(o)
	got, err := runOn(m, t, m.Flush)
	return review.Result{Finished: m.Finished(), Entry: m.Entry(), Signal: got}, err
}
