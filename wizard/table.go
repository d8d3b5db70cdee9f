package wizard

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// statusKey is the key binding that gives rows one status.
type statusKey struct {
	status string
	key.Binding
}

// tableKeys are the keys of the measures table, described once: the legend
// above the table and the key handling both read them. The status keys are
// the language's initials; the other language's initials work as well, so
// that a script or a colleague's habit works in either language.
type tableKeys struct {
	status                     []statusKey
	rest, clear, cycle, accept key.Binding
	up, down, pgUp, pgDown     key.Binding
	home, end                  key.Binding
	statusByKey                map[string]string
	legend                     []string // "u umgesetzt", …, rest and clear
}

func newTableKeys(l model.Lang) *tableKeys {
	k := &tableKeys{statusByKey: map[string]string{}}
	for _, st := range model.StatusKeyOrder {
		own := model.StatusLetter(st, l)
		keys := []string{own}
		for _, other := range []model.Lang{model.De, model.En} {
			if alt := model.StatusLetter(st, other); !slices.Contains(keys, alt) {
				keys = append(keys, alt)
			}
		}
		b := key.NewBinding(key.WithKeys(keys...), key.WithHelp(own, model.StatusWord(st, l)))
		k.status = append(k.status, statusKey{status: st, Binding: b})
		for _, c := range keys {
			k.statusByKey[c] = st
		}
		k.legend = append(k.legend, b.Help().Key+" "+b.Help().Desc)
	}
	k.rest = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", Msg.Get(l, "tword_rest")))
	k.clear = key.NewBinding(key.WithKeys("-", "delete", "backspace"), key.WithHelp("-", Msg.Get(l, "tword_clear")))
	k.cycle = key.NewBinding(key.WithKeys("space"))
	k.accept = key.NewBinding(key.WithKeys("enter", "tab"))
	k.up = key.NewBinding(key.WithKeys("up"))
	k.down = key.NewBinding(key.WithKeys("down"))
	k.pgUp = key.NewBinding(key.WithKeys("pgup"))
	k.pgDown = key.NewBinding(key.WithKeys("pgdown"))
	k.home = key.NewBinding(key.WithKeys("home"))
	k.end = key.NewBinding(key.WithKeys("end"))
	k.legend = append(k.legend,
		k.rest.Help().Key+" "+k.rest.Help().Desc,
		k.clear.Help().Key+" "+k.clear.Help().Desc)
	return k
}

// measureTable is a control section's measures as one table: a row per
// measure with its status, set by one key per row. Statuses are written to
// the file at once; Enter saves and goes on to what the statuses need
// (model.AskFollowUps). Only the rows on screen are drawn, and the drawn
// body is kept until something changes.
type measureTable struct {
	sec  *model.Section
	rows []*model.Measure
	cur  int
	top  int // the first row on screen (listWindowAt)

	// The last drawing and what it was drawn for.
	cache       string
	cacheW      int
	cacheH      int
	dirty       bool
	statusW     int // width of the status column (-1: to measure)
	labelCache  []string
	labelCacheW int
	legend      []string // the legend's lines at width legendW
	legendW     int
	rowsH       int // rows shown in the last drawing (0: none yet)
}

// newTable returns the table of section s's applicable measures.
func (m *Model) newTable(s *model.Section) *measureTable {
	t := &measureTable{sec: s, rows: m.view.Measures(s), dirty: true, statusW: -1}
	if c, ok := m.tableCursor[s.ID]; ok && c < len(t.rows) {
		t.cur = c
	}
	return t
}

// changed drops the cached drawing.
func (t *measureTable) changed() { t.dirty, t.statusW = true, -1 }

// hovered returns the measure under the cursor (nil: no rows).
func (t *measureTable) hovered() *model.Measure {
	if t.cur < 0 || t.cur >= len(t.rows) {
		return nil
	}
	return t.rows[t.cur]
}

// setStatus gives measure mm status st ("" clears it) and marks it as set
// in this pass, so that what st needs is asked after the table.
func (m *Model) setStatus(mm *model.Measure, st string) {
	a, ok := m.f.Measures[mm.ID]
	if st == "" {
		if !ok {
			return
		}
		if a.Note == "" {
			delete(m.f.Measures, mm.ID)
			return
		}
		st = model.StatusUnclear // a note needs a status; it stays open
	}
	m.f.Measures[mm.ID] = a.WithStatus(st)
	m.markTouched(mm.ID)
}

// markTouched records that measure id's status was set in this pass through
// its section: what the status needs is asked after the table.
func (m *Model) markTouched(id string) {
	if m.touched == nil {
		m.touched = map[string]bool{}
	}
	m.touched[id] = true
}

// tableKey handles a key on the measures table.
func (m *Model) tableKey(msg tea.KeyPressMsg) tea.Cmd {
	t, k := m.tbl, m.tblKeys
	n := len(t.rows)
	move := func(to int) {
		t.cur = max(0, min(n-1, to))
		m.tableCursor[t.sec.ID] = t.cur
		t.dirty = true
	}
	page := max(1, m.tableRowsShown()-1)
	s := msg.String()
	if st, ok := k.statusByKey[s]; ok && n > 0 {
		m.setStatus(t.rows[t.cur], st)
		t.changed()
		move(t.cur + 1)
		return nil
	}
	switch {
	case key.Matches(msg, k.accept):
		m.save()
		return m.move(+1)
	case n == 0:
	case key.Matches(msg, k.rest):
		count := 0
		for _, mm := range t.rows {
			if m.f.Measures[mm.ID].Status == "" {
				m.setStatus(mm, model.StatusUnclear)
				count++
			}
		}
		m.notice = Msg.Get(m.lang, "table_rest_done", count)
		t.changed()
	case key.Matches(msg, k.clear):
		m.setStatus(t.rows[t.cur], "")
		t.changed()
	case key.Matches(msg, k.cycle):
		m.setStatus(t.rows[t.cur], nextStatus(m.f.Measures[t.rows[t.cur].ID].Status))
		t.changed()
	case key.Matches(msg, k.up):
		move(t.cur - 1)
	case key.Matches(msg, k.down):
		move(t.cur + 1)
	case key.Matches(msg, k.pgUp):
		move(t.cur - page)
	case key.Matches(msg, k.pgDown):
		move(t.cur + page)
	case key.Matches(msg, k.home):
		move(0)
	case key.Matches(msg, k.end):
		move(n - 1)
	}
	return nil
}

// nextStatus is the status Space gives after st: the legend's order, then
// none again.
func nextStatus(st string) string {
	order := model.StatusKeyOrder
	if i := slices.Index(order, st); i >= 0 {
		if i+1 < len(order) {
			return order[i+1]
		}
		return ""
	}
	return order[0]
}

// rowTags are the short marks after a row's label, each a word in brackets
// (never colour only): the server scan's finding, and room for more per-row
// marks the model gives a measure.
func (m *Model) rowTags(mm *model.Measure) []string {
	var out []string
	if mark := scanning.Mark(m.f, mm.ID, m.lang); mark != "" {
		out = append(out, mark)
	}
	if m.s.Expected(mm) {
		out = append(out, model.ExpectedTag(m.lang))
	}
	return out
}

// statusWord is a row's status in words ("keine Angabe" when unset): the
// words of the document, with a planned measure's date.
func (m *Model) statusWord(mm *model.Measure) string {
	a := m.f.Measures[mm.ID]
	return model.StatusText(model.MeasureAnswer{Status: a.Status, Due: a.Due}, m.lang, nil)
}

// tableLayout splits a body of height h: the lines above the rows (title
// and legend), the rows' height, and the height left for the help of the
// row under the cursor (0: none; the terminal is too small).
func (m *Model) tableLayout(w, h int) (head []string, rowsH, helpH int) {
	t := m.tbl
	unset := 0
	for _, mm := range t.rows {
		if m.f.Measures[mm.ID].Status == "" {
			unset++
		}
	}
	title := Msg.Get(m.lang, "table_title", len(t.rows))
	if unset > 0 {
		title = Msg.Get(m.lang, "table_title_unset", len(t.rows), unset)
	}
	head = append(head, styleTitle.Render(truncate(title, w)))
	if t.legendW != w {
		t.legend = t.legend[:0]
		for _, l := range joinWrapped(m.tblKeys.legend, " · ", w) {
			t.legend = append(t.legend, styleFaint.Render(l))
		}
		t.legendW = w
	}
	head = append(head, t.legend...)
	for _, mm := range t.rows {
		if _, ok := scanning.Detected(m.f, mm.ID); ok {
			head = append(head, styleFaint.Render(truncate(strings.TrimPrefix(scanning.Msg.Get(m.lang, "tick_hint"), "– "), w)))
			break
		}
	}
	avail := max(1, h-len(head))
	n := len(t.rows)
	const minRows, helpMin = 8, 4 // help: a rule and at least three lines
	switch {
	case n <= avail: // every row; the help gets what is left
		rowsH = n
	case avail-helpMin >= minRows:
		rowsH = avail - helpMin
	default:
		rowsH = avail
	}
	helpH = avail - rowsH
	if helpH < 3 {
		helpH = 0
	}
	return head, rowsH, helpH
}

// tableRowsShown is how many rows the table shows at the current size.
func (m *Model) tableRowsShown() int {
	if m.tbl.rowsH > 0 && !m.tbl.dirty {
		return m.tbl.rowsH
	}
	w, h := m.bodyArea()
	_, rowsH, _ := m.tableLayout(w, h)
	return rowsH
}

// bodyArea is the width and height Render gives the step's body.
func (m *Model) bodyArea() (int, int) {
	return min(m.width, maxWidth) - 1, m.height - headerLines - footerLines
}

// tableView draws the table for a body of w x h, from the cache when
// nothing changed.
func (m *Model) tableView(w, h int) string {
	t := m.tbl
	if !t.dirty && t.cacheW == w && t.cacheH == h {
		return t.cache
	}
	head, rowsH, helpH := m.tableLayout(w, h)
	t.rowsH = rowsH
	if t.statusW < 0 {
		t.statusW = 0
		for _, mm := range t.rows {
			t.statusW = max(t.statusW, lipgloss.Width(m.statusWord(mm)))
		}
	}
	numW := len(fmt.Sprint(len(t.rows)))
	// The row: number, label (cut with "…"), marks, status; two columns
	// go to the cursor mark.
	labelW := max(8, w-2-numW-1-2-t.statusW)
	statusW := min(t.statusW, max(4, w-2-numW-1-2-8))
	if t.labelCacheW != labelW || len(t.labelCache) != len(t.rows) {
		t.labelCache = make([]string, len(t.rows))
		t.labelCacheW = labelW
	}
	row := func(i int) string {
		mm := t.rows[i]
		label := t.labelCache[i]
		if label == "" {
			tags := ""
			for _, tag := range m.rowTags(mm) {
				tags += " [" + tag + "]"
			}
			label = truncate(mm.Label.In(m.lang), labelW-lipgloss.Width(tags)) + tags
			label += strings.Repeat(" ", max(0, labelW-lipgloss.Width(label)))
			t.labelCache[i] = label
		}
		return fmt.Sprintf("%*d %s  %s", numW, i+1, label, truncate(m.statusWord(mm), statusW))
	}
	var b strings.Builder
	b.WriteString(strings.Join(head, "\n"))
	b.WriteString("\n")
	b.WriteString(listWindowAt(&t.top, len(t.rows), row, t.cur, rowsH, w, m.lang))
	if mm := t.hovered(); helpH > 0 && mm != nil {
		// The full label (bold) and the help, cut to the lines left.
		titleN := 0
		var lines []string
		for _, l := range strings.Split(wrapText(mm.Label.In(m.lang), w), "\n") {
			lines = append(lines, truncate(l, w))
			titleN++
		}
		help := mm.Help.In(m.lang) + scanning.Help(m.f, mm.ID, m.lang)
		if m.s.Expected(mm) {
			help = model.ExpectedHelp(m.view.Level(), m.lang) + " " + help
		}
		if body := strings.TrimSpace(help); body != "" {
			for _, l := range strings.Split(wrapText(body, w), "\n") {
				lines = append(lines, truncate(l, w))
			}
		}
		if len(lines) > helpH-1 {
			lines = lines[:helpH-1]
			lines[len(lines)-1] = truncate(lines[len(lines)-1]+" …", w)
		}
		b.WriteString("\n")
		b.WriteString(styleFaint.Render(strings.Repeat("─", w)))
		for i, l := range lines {
			b.WriteString("\n")
			if i < titleN {
				l = styleTitle.Render(l)
			}
			b.WriteString(l)
		}
	}
	t.cache, t.cacheW, t.cacheH, t.dirty = b.String(), w, h, false
	return t.cache
}

// joinWrapped joins parts with sep into lines of at most w cells, never
// breaking inside a part (a part wider than w is cut).
func joinWrapped(parts []string, sep string, w int) []string {
	var out []string
	line := ""
	for _, p := range parts {
		p = truncate(p, w)
		switch {
		case line == "":
			line = p
		case lipgloss.Width(line)+lipgloss.Width(sep)+lipgloss.Width(p) > w:
			out = append(out, line)
			line = p
		default:
			line += sep + p
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}
