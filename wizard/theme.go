package wizard

import (
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// theme is the huh theme of one wizard. huh asks for the theme on every
// render of every option, so the styles are built once per (dark, plain)
// combination and reused. Plain mode (no colour: NO_COLOR, TERM=dumb, a
// monochrome terminal) marks the focused button in reverse video, because
// huh's Confirm shows the choice only through colour otherwise.
type theme struct {
	plain bool
	cache [2]*huh.Styles // index 1: dark background
}

// Theme implements huh.Theme.
func (t *theme) Theme(isDark bool) *huh.Styles {
	i := 0
	if isDark {
		i = 1
	}
	if t.cache[i] == nil {
		s := huh.ThemeCharm(isDark)
		if t.plain {
			s.Focused.FocusedButton = s.Focused.FocusedButton.Reverse(true).Bold(true)
			s.Blurred.FocusedButton = s.Blurred.FocusedButton.Reverse(true).Bold(true)
			s.Focused.Next = s.Focused.FocusedButton
			s.Focused.SelectSelector = s.Focused.SelectSelector.Bold(true)
			s.Focused.SelectedOption = s.Focused.SelectedOption.Bold(true)
		}
		t.cache[i] = s
	}
	return t.cache[i]
}

// setPlain switches plain mode and drops the cached styles when it changes.
func (t *theme) setPlain(plain bool) {
	if t.plain != plain {
		t.plain = plain
		t.cache = [2]*huh.Styles{}
	}
}

// Our own styles around the huh form. Bold, faint and reverse survive
// NO_COLOR, so every state stays visible without colour.
var (
	styleTitle   = lipgloss.NewStyle().Bold(true)
	styleFaint   = lipgloss.NewStyle().Faint(true)
	styleError   = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#ED567A"))
	styleNotice  = lipgloss.NewStyle().Foreground(lipgloss.Color("#02BF87"))
	styleCursor  = lipgloss.NewStyle().Reverse(true).Bold(true)
	styleBarDone = lipgloss.NewStyle().Foreground(lipgloss.Color("#7571F9"))
)
