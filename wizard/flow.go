package wizard

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
)

// The end of the interview lists what is still open or contradicted
// (model.Session.Pending); Enter jumps there. After the item jumped to is
// answered — or, for a section to go through, after its last item — the
// wizard goes to the next open entry (model.Session.NextOpen), and back to
// the list when none is left.

// flowState is the wizard's part of a jump: the end list's cursor and, for
// an entry answered by one item, that item.
type flowState struct {
	cursor int
	top    int // the first entry on screen (listWindowAt)
	// target is the item of the entry jumped to when answering it is
	// enough (a measure ID: its follow-up items belong to it); "" while
	// going through a section.
	target string
}

// endRows returns the entries of the end list.
func (m *Model) endRows() []model.Pending { return m.s.Pending() }

// finishKey handles a key on the final screen: the end list.
func (m *Model) finishKey(k string) tea.Cmd {
	ps := m.endRows()
	n := len(ps) + 1 // the last row quits
	switch k {
	case "up", "k":
		m.flow.cursor = max(0, m.flow.cursor-1)
	case "down", "j":
		m.flow.cursor = min(n-1, m.flow.cursor+1)
	case "home":
		m.flow.cursor = 0
	case "end":
		m.flow.cursor = n - 1
	case "enter", "space":
		if m.flow.cursor < len(ps) {
			if ps[m.flow.cursor].Section != nil {
				return m.jump(ps[m.flow.cursor])
			}
			return nil // a finding of no step: nowhere to go
		}
		if k == "enter" {
			m.quit = quitUser
			return tea.Quit
		}
	case "q":
		m.quit = quitUser
		return tea.Quit
	case "ctrl+o":
		m.openOverview()
	case "esc", "shift+tab":
		if last := m.s.Last(); last != nil {
			return m.enterSection(last, -1)
		}
	}
	return nil
}

// jump goes to entry p of the end list.
func (m *Model) jump(p model.Pending) tea.Cmd {
	m.s.Jump(p)
	m.flow.target = ""
	// A measure's row gets the table's cursor.
	for i, mm := range m.view.Measures(p.Section) {
		if mm.ID == p.Item {
			m.tableCursor[p.Section.ID] = i
		}
	}
	cmd := m.enterSection(p.Section, +1)
	if p.Item != "" && m.screen == screenStep && m.sec == p.Section {
		if i := m.itemFor(p.Item); i >= 0 && i != m.pos {
			cmd = m.show(i)
		}
	}
	if !p.Walk && m.sec == p.Section {
		// Set after entering: the walk to the first item is not an answer.
		m.flow.target = p.Item
	}
	m.save()
	return cmd
}

// itemFor returns the index of the first visible item that answers id: the
// item named so, else the first item of measure id ("id#…"), else the
// first item of the section's measures; -1 when none is shown.
func (m *Model) itemFor(id string) int {
	first := -1
	for i, it := range m.items {
		if !it.visible() {
			continue
		}
		if it.id == id || strings.HasPrefix(it.id, id+"#") {
			return i
		}
		if first < 0 && m.sec != nil && it.id == model.TickItem(m.sec) && m.c.Measure(id) != nil {
			first = i
		}
	}
	return first
}

// belongsToTarget reports whether item i answers the entry jumped to.
func (m *Model) belongsToTarget(i int) bool {
	id := m.items[i].id
	t := m.flow.target
	return id == t || strings.HasPrefix(id, t+"#")
}

// nextOpen goes to the next open entry, or to the end list.
func (m *Model) nextOpen() tea.Cmd {
	m.flow.target = ""
	if p, ok := m.s.NextOpen(); ok {
		return m.jump(p)
	}
	m.finish()
	return nil
}

// showEnd prepares the end list: a new round of jumps, the cursor on the
// first entry while the interview is incomplete, else on the last row
// (Enter quits).
func (m *Model) showEnd() {
	m.s.EndRound()
	m.flow.target = ""
	ps := m.endRows()
	m.flow.cursor = len(ps)
	if !m.view.Complete() && len(ps) > 0 {
		m.flow.cursor = 0
	}
}

func (m *Model) finishBody(w, h int) string {
	l := m.lang
	ps := m.endRows()
	var b strings.Builder
	lines := 0
	put := func(s string) {
		b.WriteString(s)
		b.WriteString("\n")
		lines += strings.Count(s, "\n") + 1
	}
	if m.view.Complete() {
		put(styleTitle.Render(Msg.Get(l, "finish_complete")))
		put("")
		put(wrapText(Msg.Get(l, "finish_saved", m.o.Path), w))
		put(wrapText(Msg.Get(l, "finish_next", m.o.Next.Next("render")), w))
		if len(ps) > 0 {
			put("")
			put(wrapText(Msg.Get(l, "finish_pending", len(ps)), w))
		}
	} else {
		put(styleTitle.Render(Msg.Get(l, "finish_open")))
		put(wrapText(Msg.Get(l, "finish_saved", m.o.Path), w))
		put("")
		put(wrapText(Msg.Get(l, "finish_pending", len(ps)), w))
	}
	if len(ps) == 0 {
		return b.String()
	}
	rows := make([]string, len(ps)+1)
	for i, p := range ps {
		rows[i] = p.Line(l)
	}
	rows[len(ps)] = Msg.Get(l, "finish_quit")
	b.WriteString(listWindowAt(&m.flow.top, len(rows), func(i int) string { return rows[i] }, m.flow.cursor, h-lines, w, l))
	return b.String()
}

// finishKeys names the key hints of the final screen: Enter jumps while
// the list has entries, else it quits.
func (m *Model) finishKeys() string {
	if len(m.endRows()) > 0 {
		return "keys_finish"
	}
	return "keys_finish_done"
}

// partLine is "Teil X von Y" of the current item (model.Session.Part), or
// "" where the section has one part only.
func (m *Model) partLine() string {
	item := ""
	if m.pos >= 0 && m.pos < len(m.items) {
		item = m.items[m.pos].id
	}
	if p, n := m.s.Part(m.sec, item); n > 1 {
		return Msg.Get(m.lang, "part", p, n)
	}
	return ""
}

// remainingLine is the estimate of the time left, for the overview.
func (m *Model) remainingLine() string {
	return model.RemainingLine(m.s.Remaining(), m.lang)
}
