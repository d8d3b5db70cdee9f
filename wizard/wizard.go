package wizard

import (
	"io"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// Options configures the full-screen interview.
type Options struct {
	Catalog *model.Catalog
	File    *model.File // loaded or new; modified in place
	Path    string      // where to save (model.Save) after every step
	Lang    model.Lang
	Today   string // YYYY-MM-DD, for the history entry
	// User names the person answering when the file does not (org.respondent).
	User string
	// Save writes the file; nil means model.Save(Path, f).
	Save func(*model.File) error
	// In and Out are the terminal; nil means the process's own.
	In  io.Reader
	Out io.Writer
	// OfferScan shows the offer to scan the server as the first screen
	// (see scanning.OfferDue); Scan runs it. ScanSummary is a scan the caller ran
	// before the interview (tom interview --scan), reported on the first step.
	OfferScan   bool
	Scan        scanning.ScanFunc
	ScanSummary *model.ScanSummary
	// Accounts returns the login accounts of a scan run in this session;
	// the "people with access" list offers to take them over.
	Accounts scanning.AccountsFunc
	// Next spells the command lines the closing hints name; nil: "tom SUB".
	Next model.NextFunc
	// Session is the interview session over File; nil starts one.
	Session *model.Session
	// Directory is the provider directory (shipped and the consultant's)
	// a new entry of the provider register may be chosen from; nil: none.
	Directory *model.Directory
}

// Screens of the wizard.
const (
	screenStep = iota
	screenOverview
	screenHelp
	screenFinish
)

// Layout: header lines above the body, footer lines below it, and one line
// kept free because huh's form is one line taller than the height it is given.
const (
	headerLines = 3
	footerLines = 3
	slackLines  = 1
	maxWidth    = 100
)

// active is the huh form on the screen and how to build it again.
type active struct {
	maker fieldMaker
	b     *built
	form  *huh.Form
}

// Model is the wizard: a bubbletea model that owns the flow through the
// sections and shows one small huh form at a time.
type Model struct {
	o      Options
	s      *model.Session
	c      *model.Catalog
	f      *model.File
	lang   model.Lang
	view   model.View
	theme  *theme
	keymap *huh.KeyMap

	width, height int

	sec   *model.Section
	items []*item
	pos   int
	act   *active       // the current field item's form
	rec   *recordsPage  // the current list item
	tbl   *measureTable // the current measures table (table.go)

	tblKeys *tableKeys
	// tableCursor keeps each section's table cursor while the wizard runs.
	tableCursor map[string]int
	// touched holds the measures whose status was set in the current
	// section's table: what their status needs is asked again after it.
	touched map[string]bool
	// followUpShown holds the follow-up items shown in this pass through
	// the section: they stay visible once answered.
	followUpShown map[string]bool

	screen   int
	ovCursor int
	ovTop    int  // the overview's first row on screen (listWindowAt)
	offerNo  bool // the offer to scan has "no" focused (scan_view.go)
	helpText [2]string

	notice  string
	saveErr error

	// flow is the end list's cursor and the entry jumped to (flow.go).
	flow flowState

	// noteWanted holds the measures picked for a note (items.go).
	noteWanted map[string]bool
	// suggest holds the texts last given per kind of measure part, offered
	// again on the next one (items.go, model.Suggestions).
	suggest model.Suggestions

	quit quitReason

	// dir is the directory prepared for searching (dirSearch), made once.
	dir *model.DirectorySearch

	// leaveSection, when set, is called instead of walking on when the user
	// leaves the current section (after finishing it, or backwards from its
	// first item): the section editor sets it (editor.go). Then the keys
	// that walk elsewhere (overview, put off) do nothing and lists of
	// records are left to the editor's owner (hideLists).
	leaveSection func()
	hideLists    bool
}

// quitReason says why the wizard ended.
type quitReason int

const (
	quitNone quitReason = iota
	quitUser            // Ctrl+C or Enter on the final screen
	quitSignal
)

// New returns the wizard for o, positioned where the file's progress says
// (or at the first section).
func New(o Options) *Model {
	m := &Model{
		o:           o,
		c:           o.Catalog,
		f:           o.File,
		lang:        o.Lang,
		theme:       &theme{},
		keymap:      newKeyMap(o.Lang),
		tblKeys:     newTableKeys(o.Lang),
		tableCursor: map[string]int{},
		width:       80,
		height:      24,
	}
	m.s = o.Session
	if m.s == nil {
		m.s = model.NewSession(o.Catalog, o.File, model.SessionOptions{Today: o.Today, User: o.User})
	}
	m.view = m.s.V
	m.s.NewFindings() // what held before this run is shown at the end only
	start, question, resumed := m.s.Start()
	if resumed {
		n, _ := m.s.Position(start)
		m.notice = Msg.Get(m.lang, "resumed", n)
	}
	m.enterSection(start, +1)
	m.resumeAt(question)
	m.startScan()
	return m
}

// dirSearch returns the provider directory and its search, prepared on
// first use.
func (m *Model) dirSearch() (*model.Directory, *model.DirectorySearch) {
	if m.o.Directory == nil {
		return nil, nil
	}
	if m.dir == nil {
		m.dir = m.o.Directory.Search(m.lang)
	}
	return m.o.Directory, m.dir
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// bodySize is the space for the form between header and footer.
func (m *Model) bodySize() (int, int) {
	w := min(m.width, maxWidth) - 1
	h := m.height - headerLines - footerLines - slackLines
	if m.rec != nil {
		h-- // the record's own title line
	}
	return max(20, w), max(4, h)
}

// activate shows the field built by mk in *slot.
func (m *Model) activate(slot **active, mk fieldMaker) tea.Cmd {
	a := &active{maker: mk}
	*slot = a
	return m.relayout(a)
}

// relayout builds a's field and form for the current window size.
func (m *Model) relayout(a *active) tea.Cmd {
	w, h := m.bodySize()
	a.b = a.maker(w, h)
	var cmd tea.Cmd
	a.form, cmd = m.newForm(a.b, w, h)
	return cmd
}

// current returns the form that gets keys, if any.
func (m *Model) current() *active {
	if m.rec != nil {
		return nil
	}
	return m.act
}

// enterSection starts section s at its first (dir +1) or last (dir -1)
// visible item.
func (m *Model) enterSection(s *model.Section, dir int) tea.Cmd {
	m.sec = s
	m.touched, m.followUpShown = nil, map[string]bool{}
	scanning.Prefill(m.view, s)
	m.items = m.sectionItems(s)
	m.s.At(s, "")
	m.pos = -1
	if dir < 0 {
		m.pos = len(m.items)
	}
	m.screen = screenStep
	return m.move(dir)
}

// resumeAt shows the item with ID id of the current section when it is
// visible there (the question the user stopped at); an unknown or hidden ID
// leaves the wizard where it is.
func (m *Model) resumeAt(id string) {
	if id == "" || m.screen != screenStep {
		return
	}
	for i, it := range m.items {
		if it.id == id && it.measure != "" {
			// A follow-up the user stopped at is asked again, answered
			// or not (the date typed before a drop is kept).
			m.markTouched(it.measure)
		}
		if it.id == id && it.visible() {
			if i != m.pos {
				m.show(i)
			}
			return
		}
	}
}

// currentQuestion is the item to record as progress.question: the current
// one, or "" at the section's first visible item and off the step screens
// (so a file opened and closed again is saved unchanged).
func (m *Model) currentQuestion() string {
	if m.screen == screenFinish || m.pos < 0 || m.pos >= len(m.items) {
		return ""
	}
	for i, it := range m.items {
		if it.visible() {
			if i == m.pos {
				return ""
			}
			break
		}
	}
	return m.items[m.pos].id
}

// move goes to the next (+1) or previous (-1) visible item, across sections.
func (m *Model) move(dir int) tea.Cmd {
	for i := m.pos + dir; i >= 0 && i < len(m.items); i += dir {
		if m.items[i].visible() {
			if dir > 0 && m.flow.target != "" && !m.belongsToTarget(i) {
				return m.nextOpen() // the entry jumped to is answered
			}
			return m.show(i)
		}
	}
	if dir > 0 && m.flow.target != "" {
		return m.nextOpen()
	}
	if dir > 0 {
		return m.finishSection()
	}
	if m.leaveSection != nil {
		m.leaveSection()
		return nil
	}
	if prev := m.s.Next(m.sec, -1); prev != nil {
		return m.enterSection(prev, -1)
	}
	// Already at the very first item: stay (show it again if nothing is shown).
	if m.act == nil && m.rec == nil && m.tbl == nil {
		for i := range m.items {
			if m.items[i].visible() {
				return m.show(i)
			}
		}
	}
	return nil
}

// show makes item i the current one.
func (m *Model) show(i int) tea.Cmd {
	m.pos = i
	it := m.items[i]
	m.act, m.rec, m.tbl = nil, nil, nil
	if it.table {
		m.tbl = m.newTable(m.sec)
		return nil
	}
	if it.records != nil {
		m.rec = newRecordsPage(it.records)
		return nil
	}
	return m.activate(&m.act, it.make())
}

// finishSection marks the section done and moves on; a finding of the
// plausibility rules the section made hold is shown on the status line.
func (m *Model) finishSection() tea.Cmd {
	m.s.Done(m.sec)
	fresh := m.s.NewFindings()
	cmd := m.next()
	if len(fresh) > 0 {
		m.notice = model.TerminalLine(model.FindingLine(fresh[0], m.lang))
		if len(fresh) > 1 {
			m.notice = Msg.Get(m.lang, "findings_more", m.notice, len(fresh)-1)
		}
	}
	return cmd
}

// skip puts the current section off ("später beantworten").
func (m *Model) skip() tea.Cmd {
	m.s.Skip(m.sec)
	title := m.sec.Title.In(m.lang)
	cmd := m.next()
	m.notice = Msg.Get(m.lang, "skipped_note", title)
	return cmd
}

// next saves and goes to the following section, or to the final screen.
func (m *Model) next() tea.Cmd {
	if m.leaveSection != nil {
		m.save()
		m.leaveSection()
		return nil
	}
	if m.s.Jumping() {
		m.save()
		return m.nextOpen()
	}
	nxt := m.s.Next(m.sec, +1)
	if nxt == nil {
		m.finish()
		return nil
	}
	cmd := m.enterSection(nxt, +1)
	m.save()
	return cmd
}

// finish shows the final screen: the walk through the sections ended (see
// model.Session.End).
func (m *Model) finish() {
	m.screen = screenFinish
	m.act, m.rec, m.tbl = nil, nil, nil
	m.save()
	m.showEnd()
}

// save commits the session (see model.Session.Commit) and writes the file.
func (m *Model) save() {
	if m.sec != nil && m.screen != screenFinish {
		m.s.At(m.sec, m.currentQuestion())
	}
	if m.screen == screenFinish {
		m.s.End()
	} else {
		m.s.Commit()
	}
	save := m.o.Save
	if save == nil {
		save = func(f *model.File) error { return model.Save(m.o.Path, f) }
	}
	m.saveErr = save(m.f)
}

// Complete reports whether the interview is complete.
func (m *Model) Complete() bool { return m.view.Complete() }

// Interrupted reports whether the wizard ended on a signal.
func (m *Model) Interrupted() bool { return m.quit == quitSignal }

// SaveErr returns the last error from saving, if any.
func (m *Model) SaveErr() error { return m.saveErr }

// Flush saves the current state; Run calls it after the program has ended,
// whatever the reason.
func (m *Model) Flush() error {
	m.rec.flushDraft()
	m.save()
	return m.saveErr
}

// signalMsg asks the wizard to save and quit (SIGINT, SIGTERM, SIGHUP).
type signalMsg struct{}

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case signalMsg:
		m.quit = quitSignal
		m.rec.flushDraft()
		m.save()
		return m, tea.Quit
	case tea.ColorProfileMsg:
		m.theme.setPlain(msg.Profile <= colorprofile.Ascii)
		return m, nil
	case tea.WindowSizeMsg:
		// huh asks for the size whenever a form starts; lay out again only
		// when it really changed (a rebuild resets the cursor of a list).
		// A terminal that reports no size (0x0) keeps the last layout.
		if (msg.Width == m.width && msg.Height == m.height) || msg.Width <= 0 || msg.Height <= 0 {
			return m, nil
		}
		m.width, m.height = msg.Width, msg.Height
		if a := m.current(); a != nil {
			m.relayout(a)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.PasteMsg:
		switch {
		case m.formOpen():
			m.rec.form.paste(msg.Content)
			return m, nil
		case m.picking():
			m.rec.pick.paste(msg.Content)
			return m, nil
		}
	}
	if a := m.current(); a != nil {
		fm, cmd := a.form.Update(msg)
		a.form = fm.(*huh.Form)
		return m, cmd
	}
	return m, nil
}

// key handles one key press.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	if k == "ctrl+c" {
		m.quit = quitUser
		m.rec.flushDraft()
		m.save()
		return tea.Quit
	}
	if m.screen == screenStep && (m.formOpen() || m.picking()) && k != "ctrl+e" && k != "f1" {
		m.notice = ""
		return m.recordsPageKey(msg)
	}
	switch m.screen {
	case screenScanOffer:
		m.offerKey(k)
		return nil
	case screenHelp:
		switch k {
		case "esc", "enter", "ctrl+e", "f1", "q", "space":
			m.screen = screenStep
		}
		return nil
	case screenOverview:
		return m.overviewKey(k)
	case screenFinish:
		return m.finishKey(k)
	}
	if m.leaveSection != nil && (k == "ctrl+o" || k == "ctrl+s") {
		return nil // the editor's owner walks the sections itself
	}
	switch k {
	case "ctrl+o":
		m.openOverview()
		return nil
	case "ctrl+e", "f1":
		m.openHelp()
		return nil
	case "ctrl+s":
		return m.skip()
	case "ctrl+n":
		if m.pickNote() {
			return nil
		}
	}
	m.notice = ""
	if m.rec != nil {
		return m.recordsPageKey(msg)
	}
	if k == "esc" || k == "shift+tab" {
		return m.move(-1)
	}
	if m.tbl != nil {
		return m.tableKey(msg)
	}
	a := m.act
	if a == nil {
		return nil
	}
	var fm huh.Model
	var cmd tea.Cmd
	if k == "right" && a.b.suggest != "" && a.b.field.GetValue() == "" {
		// → on an empty field takes the suggestion shown in it.
		fm, cmd = a.form.Update(tea.PasteMsg{Content: a.b.suggest})
	} else {
		fm, cmd = a.form.Update(msg)
	}
	a.form = fm.(*huh.Form)
	if m.submits(a, k) {
		a.b.commit()
		m.save()
		return m.move(+1)
	}
	return cmd
}

// pickNote marks the measure under the table's cursor for a note, asked
// after the table and what the statuses need. It reports whether the key
// was used.
func (m *Model) pickNote() bool {
	if m.tbl == nil {
		return false
	}
	mm := m.tbl.hovered()
	if mm == nil {
		return false
	}
	if m.noteWanted == nil {
		m.noteWanted = map[string]bool{}
	}
	m.noteWanted[mm.ID] = true
	m.notice = Msg.Get(m.lang, "note_picked", mm.Label.In(m.lang))
	return true
}

// submits reports whether key k just confirmed the field of a: Enter or Tab
// with a valid value, or a yes/no shortcut.
func (m *Model) submits(a *active, k string) bool {
	if a.b.field.Error() != nil {
		return false
	}
	switch k {
	case "enter", "tab":
		return true
	}
	if _, ok := a.b.field.(*huh.Confirm); ok {
		return slices.ContainsFunc(m.keymap.Confirm.Accept.Keys(), func(s string) bool { return s == k }) ||
			slices.ContainsFunc(m.keymap.Confirm.Reject.Keys(), func(s string) bool { return s == k })
	}
	return false
}

// formOpen reports whether a record's one-page form is on the screen.
func (m *Model) formOpen() bool { return m.rec != nil && m.rec.edit >= 0 && m.rec.form != nil }

// picking reports whether the directory picker of a new entry is shown.
func (m *Model) picking() bool { return m.rec != nil && m.rec.edit >= 0 && m.rec.pick != nil }

// recordsPageKey handles keys on a list item: the list itself, an entry's
// record view, or its form.
func (m *Model) recordsPageKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.rec
	switch {
	case p.edit < 0:
		cmd, dir := m.recordsKey(p, msg)
		switch dir {
		case +1:
			m.save()
			return m.move(+1)
		case -1:
			m.save()
			return m.move(-1)
		}
		return cmd
	case p.pick != nil:
		m.pickKey(p, msg)
	case p.form != nil:
		m.formKey(p, msg)
	default:
		m.recordViewKey(p, msg.String())
	}
	return nil
}

// visibleIndex returns the number of the current step and the number of
// steps (model.Session.Position: it never grows while answers are given).
func (m *Model) visibleIndex() (int, int) {
	return m.s.Position(m.sec)
}

// wrapText wraps s to width w on spaces.
func wrapText(s string, w int) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case len([]rune(line))+1+len([]rune(word)) > w:
				out = append(out, line)
				line = word
			default:
				line += " " + word
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
