package wizard

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tom-dsgvo/tom/model"
)

// windowTitle is the terminal window's title while the wizard runs.
const windowTitle = "tom"

// View implements tea.Model: header, body and footer, exactly the window's
// height, in the alternate screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.WindowTitle = windowTitle
	return v
}

// Render returns the screen as text (what View shows).
func (m *Model) Render() string {
	w := min(m.width, maxWidth) - 1
	bodyH := m.height - headerLines - footerLines
	var body, keys string
	switch m.screen {
	case screenOverview:
		body, keys = m.overviewBody(w, bodyH), "keys_overview"
	case screenHelp:
		body, keys = m.helpBody(w), "keys_help"
	case screenFinish:
		body, keys = m.finishBody(w, bodyH), m.finishKeys()
	case screenScanOffer:
		body, keys = m.offerBody(w), "keys_confirm"
	default:
		body, keys = m.stepBody(w, bodyH)
	}
	var b strings.Builder
	b.WriteString(m.header(w))
	b.WriteString("\n")
	b.WriteString(fitLines(body, bodyH))
	b.WriteString("\n")
	b.WriteString(m.footer(w, keys))
	return b.String()
}

// header is the step line, the progress line and a blank line.
func (m *Model) header(w int) string {
	l := m.lang
	var title string
	switch m.screen {
	case screenOverview:
		title = Msg.Get(l, "overview")
	case screenFinish:
		title = m.c.Title.In(l)
	default:
		i, n := m.visibleIndex()
		title = Msg.Get(l, "step", i, n, m.sec.Title.In(l))
		// The group names the protection goal; it is left out when it only
		// repeats the section title or would not fit on the line.
		if g := m.c.Group(m.sec.Group); g != nil && m.sec.Kind == model.SectionControl {
			gt := g.Title.In(l)
			if withGroup := title + " (" + gt + ")"; gt != m.sec.Title.In(l) && lipgloss.Width(withGroup) <= w {
				title = withGroup
			}
		}
	}
	done, total := m.doneCount()
	barW := 20
	filled := 0
	if total > 0 {
		filled = done * barW / total
	}
	bar := styleBarDone.Render(strings.Repeat("█", filled)) + strings.Repeat("░", barW-filled)
	prog := Msg.Get(l, "done_count", done, total)
	if m.screen == screenStep {
		if part := m.partLine(); part != "" {
			prog += " · " + part
		}
	}
	return styleTitle.Render(truncate(title, w)) + "\n" + bar + " " + truncate(prog, w-barW-1) + "\n"
}

// doneCount counts the visible sections in state done.
func (m *Model) doneCount() (int, int) {
	// The sections the step numbers count, so that "Schritt 1 von 25" and
	// "0 von 25 Abschnitten erledigt" agree while a section may still appear.
	secs := m.view.CountedSections()
	done := 0
	for _, s := range secs {
		if m.view.Completeness(s).State == model.StateDone {
			done++
		}
	}
	return done, len(secs)
}

// footer is the status line and two lines of key hints.
func (m *Model) footer(w int, keys string) string {
	l := m.lang
	status := ""
	switch {
	case m.saveErr != nil:
		status = styleError.Render(truncate(Msg.Get(l, "save_failed", model.ErrorIn(m.saveErr, l)), w))
	case m.fieldError() != "":
		status = styleError.Render(truncate(m.fieldError(), w))
	case m.notice != "":
		status = styleNotice.Render(truncate(m.notice, w))
	}
	line1 := Msg.Get(l, keys) + " · " + Msg.Get(l, "keys_quit")
	line2 := ""
	switch {
	case m.screen == screenStep && m.formOpen():
		// The form's own keys: the ones that walk the interview are off.
		line1, line2 = m.rec.form.helpLines()
	case m.screen == screenStep && m.picking():
		line1, line2 = Msg.Get(l, keys), Msg.Get(l, "keys_dir2")
	case m.screen == screenStep:
		line2 = Msg.Get(l, "keys_global")
	}
	return status + "\n" + styleFaint.Render(truncate(line1, w)) + "\n" + styleFaint.Render(truncate(line2, w))
}

// fieldError is what is wrong with the current field: huh's error after
// Enter, or the live check of what is typed so far.
func (m *Model) fieldError() string {
	if m.screen != screenStep {
		return ""
	}
	if m.formOpen() {
		return m.rec.form.status
	}
	a := m.current()
	if a == nil {
		return ""
	}
	if err := a.b.field.Error(); err != nil {
		return err.Error()
	}
	if a.b.check != nil {
		return a.b.check()
	}
	return ""
}

// stepBody is the current form or list, and which key hints go with it.
func (m *Model) stepBody(w, h int) (string, string) {
	if m.rec != nil {
		keys := "keys_records"
		switch {
		case m.rec.asking:
			keys = "keys_confirm_remove"
		case m.rec.edit >= 0 && m.rec.pick != nil:
			keys = "keys_dir"
		case m.rec.edit >= 0 && m.rec.form != nil:
			keys = m.rec.form.hints()
		case m.rec.edit >= 0:
			keys = "keys_record_view"
		}
		return m.recordsView(m.rec, w, h), keys
	}
	if m.tbl != nil {
		return m.tableView(w, h), "keys_table"
	}
	if m.act == nil {
		return "", "keys_input"
	}
	return m.act.form.View(), m.act.b.keys
}

// fitLines pads or cuts s to exactly h lines.
func fitLines(s string, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// openHelp shows the help text of the current question. With no question
// shown (a step whose questions are all hidden) there is nothing to explain.
func (m *Model) openHelp() {
	if m.pos < 0 || m.pos >= len(m.items) {
		return
	}
	it := m.items[m.pos]
	hover := ""
	if m.act != nil && m.act.b.hover != nil {
		hover = m.act.b.hover()
	}
	if m.tbl != nil && m.tbl.hovered() != nil {
		hover = m.tbl.hovered().ID
	}
	title, body := it.help(hover)
	if fd := m.rec.helpField(); fd != nil {
		title, body = fd.Label.In(m.lang), fd.Help.In(m.lang)
	}
	if strings.TrimSpace(body) == "" {
		body = Msg.Get(m.lang, "help_none")
	}
	m.helpText = [2]string{title, body}
	m.screen = screenHelp
}

func (m *Model) helpBody(w int) string {
	return styleTitle.Render(Msg.Get(m.lang, "help_title")) + "\n\n" +
		styleTitle.Render(wrapText(m.helpText[0], w)) + "\n\n" + wrapText(m.helpText[1], w)
}

// openOverview shows every section with its state.
func (m *Model) openOverview() {
	m.screen = screenOverview
	m.ovCursor = max(0, slices.Index(m.view.Sections(), m.sec))
}

func (m *Model) overviewKey(k string) tea.Cmd {
	secs := m.view.Sections()
	switch k {
	case "up", "k":
		m.ovCursor = max(0, m.ovCursor-1)
	case "down", "j":
		m.ovCursor = min(len(secs)-1, m.ovCursor+1)
	case "home":
		m.ovCursor = 0
	case "end":
		m.ovCursor = len(secs) - 1
	case "enter", "space":
		m.save()
		m.s.EndRound() // going elsewhere on one's own ends a round of jumps
		m.flow.target = ""
		return m.enterSection(secs[m.ovCursor], +1)
	case "esc", "ctrl+o", "q":
		if m.act != nil || m.rec != nil || m.tbl != nil {
			m.screen = screenStep
		} else {
			m.screen = screenFinish
		}
	}
	return nil
}

// stateLabel returns the mark and word for a section's state; the marks
// differ in shape, so they need no colour.
func (m *Model) stateLabel(s *model.Section) (string, string) {
	c := m.view.Completeness(s)
	switch {
	case c.Skipped:
		return "»", Msg.Get(m.lang, "state_skipped")
	case c.State == model.StateDone:
		return "✓", Msg.Get(m.lang, "state_done")
	case c.State == model.StatePartial:
		return "◐", Msg.Get(m.lang, "state_partial")
	}
	return "○", Msg.Get(m.lang, "state_open")
}

func (m *Model) overviewBody(w, h int) string {
	secs := m.view.Sections()
	rows := make([]string, len(secs))
	tw := w - 20
	for i, s := range secs {
		mark, word := m.stateLabel(s)
		title := truncate(s.Title.In(m.lang), tw)
		pad := max(1, tw-len([]rune(title)))
		rows[i] = fmt.Sprintf("%s %2d. %s%s%s", mark, i+1, title, strings.Repeat(" ", pad), word)
	}
	return truncate(m.remainingLine(), w) + "\n\n" + listWindowAt(&m.ovTop, len(rows), func(i int) string { return rows[i] }, m.ovCursor, h-2, w, m.lang)
}
