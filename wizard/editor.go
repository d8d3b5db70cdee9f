package wizard

import (
	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
)

// editor is the interview's screens as a component that edits one section
// at a time through a model.Session, without walking on: the review uses
// it to change a step or a record with exactly the interview's questions,
// checks and lists. It is the review's only way into the interview model.
type editor struct {
	m    *Model
	left bool // the user left the section being edited
}

// newEditor returns an editor over session s (the review's interview
// session, which writes no history entry) saving with save; a new provider
// may be chosen from directory dir (nil: none).
func newEditor(s *model.Session, lang model.Lang, path, today, user string, save func(*model.File) error, dir *model.Directory) *editor {
	e := &editor{}
	e.m = New(Options{Catalog: s.C, File: s.F, Path: path, Lang: lang, Today: today, User: user, Save: save, Session: s, Directory: dir})
	e.m.leaveSection = func() { e.left = true }
	e.m.hideLists = true
	e.m.notice = ""
	return e
}

// session returns the session the editor works on.
func (e *editor) session() *model.Session { return e.m.s }

// edit shows section sec's first item; ok is false when there is nothing to
// edit in it (the editor left it at once).
func (e *editor) edit(sec *model.Section) (cmd tea.Cmd, ok bool) {
	e.left = false
	cmd = e.m.enterSection(sec, +1)
	e.m.notice = ""
	if e.left {
		e.left = false
		e.close()
		return cmd, false
	}
	return cmd, true
}

// key handles a key while a section is edited; left reports that the user
// left the section (it is saved then).
func (e *editor) key(msg tea.KeyPressMsg) (cmd tea.Cmd, left bool) {
	cmd = e.m.key(msg)
	if e.left {
		e.left = false
		e.close()
		return cmd, true
	}
	return cmd, false
}

// close drops the screen shown.
func (e *editor) close() { e.m.act, e.m.rec, e.m.tbl = nil, nil, nil }

// list returns the list page for records question q of sec, its new
// entries numbered by the session's allocator.
func (e *editor) list(sec *model.Section, q *model.Question) *recordsPage {
	s := e.m.s
	sp := &recordsSpec{q: q, store: questionStore(s, q.ID), newID: s.IDs().Record}
	if q.Role == model.RoleProviderRegister {
		sp.directory = e.m.dirSearch
	}
	p := newRecordsPage(sp)
	e.m.sec = sec
	e.m.act, e.m.rec, e.m.tbl = nil, p, nil
	return p
}

// editRecord opens entry i of page p (i == the number of entries: a new one).
func (e *editor) editRecord(p *recordsPage, i int) tea.Cmd { return e.m.startEdit(p, i) }

// recordKey handles a key while an entry is edited.
func (e *editor) recordKey(msg tea.KeyPressMsg) tea.Cmd { return e.m.recordsPageKey(msg) }

// endList drops the list page.
func (e *editor) endList() { e.m.rec = nil }

// form returns the form that gets keys, if any.
func (e *editor) form() *active { return e.m.current() }

// body draws the screen being edited and names its key hints.
func (e *editor) body(w, h int) (string, string) { return e.m.stepBody(w, h) }

// fieldError is the error of the field being edited ("" when none).
func (e *editor) fieldError() string { return e.m.fieldError() }

// resize lays the editor out for a new window size.
func (e *editor) resize(msg tea.WindowSizeMsg) { e.m.Update(msg) }

// setPlain switches colour off (or on).
func (e *editor) setPlain(plain bool) { e.m.theme.setPlain(plain) }

// field builds a single field of the interview's kinds (the reviewer's name,
// the summary) and shows it in *slot.
func (e *editor) field(slot **active, sp spec) tea.Cmd { return e.m.activate(slot, e.m.makeField(sp)) }

// relayout builds a's form again for the current size.
func (e *editor) relayout(a *active) { e.m.relayout(a) }

// submits reports whether key k confirmed a's field.
func (e *editor) submits(a *active, k string) bool { return e.m.submits(a, k) }
