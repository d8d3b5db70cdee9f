package wizard

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tom-dsgvo/tom/model"
)

// textInput edits a text field of any text kind (text, textarea, date,
// e-mail, URL, phone). Every change is checked with model.CheckInput, the
// rule tom validate and tom set apply: a valid value goes into the draft
// (normalised, as stored), an invalid one keeps the field out of the draft
// and is explained.
type textInput struct {
	fd    *model.Field
	rec   model.Record
	lang  model.Lang
	text  []rune
	pos   int // cursor, 0..len(text)
	left  int // first rune shown of the cursor's line (horizontal scroll)
	multi bool
	// suggest is shown dimmed while the field is empty and taken with →
	// (model.View.SuggestedField).
	suggest string
}

func newTextInput(fd *model.Field, r model.Record, l model.Lang) *textInput {
	t := &textInput{fd: fd, rec: r, lang: l, multi: fd.Kind == model.KindTextarea}
	t.text = []rune(displayText(fd.Kind, r[fd.ID], l))
	t.pos = len(t.text)
	return t
}

// store writes the text into the draft when it is valid.
func (t *textInput) store() {
	out, key := model.CheckInput(t.fd.Kind, string(t.text))
	switch {
	case key != "" || strings.TrimSpace(out) == "":
		delete(t.rec, t.fd.ID)
	default:
		t.rec[t.fd.ID] = model.String(out)
	}
}

func (t *textInput) insert(s string) {
	rs := []rune(s)
	t.text = append(t.text[:t.pos], append(rs, t.text[t.pos:]...)...)
	t.pos += len(rs)
	t.store()
}

func (t *textInput) key(msg tea.KeyPressMsg) (bool, bool) {
	switch msg.String() {
	case "left", "ctrl+b":
		t.pos = max(0, t.pos-1)
	case "alt+left", "ctrl+left", "alt+b":
		t.pos = t.wordStart()
	case "alt+right", "ctrl+right", "alt+f":
		t.pos = t.wordEnd()
	case "ctrl+w", "alt+backspace":
		if s := t.wordStart(); s < t.pos {
			t.text = append(t.text[:s], t.text[t.pos:]...)
			t.pos = s
			t.store()
		}
	case "alt+delete", "alt+d":
		if e := t.wordEnd(); e > t.pos {
			t.text = append(t.text[:t.pos], t.text[e:]...)
			t.store()
		}
	case "ctrl+f":
		t.pos = min(len(t.text), t.pos+1)
	case "right":
		if len(t.text) == 0 && t.suggest != "" {
			t.insert(t.suggest)
			break
		}
		t.pos = min(len(t.text), t.pos+1)
	case "home", "ctrl+a":
		t.pos = t.lineStart()
	case "end", "ctrl+e":
		t.pos = t.lineEnd()
	case "backspace", "ctrl+h":
		if t.pos > 0 {
			t.text = append(t.text[:t.pos-1], t.text[t.pos:]...)
			t.pos--
			t.store()
		}
	case "delete", "ctrl+d":
		if t.pos < len(t.text) {
			t.text = append(t.text[:t.pos], t.text[t.pos+1:]...)
			t.store()
		}
	case "ctrl+u":
		t.text, t.pos = t.text[t.pos:], 0
		t.store()
	case "ctrl+k":
		t.text = t.text[:t.pos]
		t.store()
	case "alt+enter", "ctrl+j", "shift+enter":
		if !t.multi {
			return false, false
		}
		t.insert("\n")
	case "space":
		t.insert(" ")
	default:
		if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
			return false, false
		}
		t.insert(msg.Text)
	}
	return true, false
}

// wordStart is where the word before the cursor begins (spaces before it
// skipped); wordEnd is where the word after it ends.
func (t *textInput) wordStart() int {
	i := t.pos
	for i > 0 && unicode.IsSpace(t.text[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(t.text[i-1]) {
		i--
	}
	return i
}

func (t *textInput) wordEnd() int {
	i := t.pos
	for i < len(t.text) && unicode.IsSpace(t.text[i]) {
		i++
	}
	for i < len(t.text) && !unicode.IsSpace(t.text[i]) {
		i++
	}
	return i
}

// lineStart and lineEnd are the bounds of the cursor's line.
func (t *textInput) lineStart() int {
	i := t.pos
	for i > 0 && t.text[i-1] != '\n' {
		i--
	}
	return i
}

func (t *textInput) lineEnd() int {
	i := t.pos
	for i < len(t.text) && t.text[i] != '\n' {
		i++
	}
	return i
}

func (t *textInput) paste(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !t.multi {
		s = strings.Join(strings.Fields(s), " ")
	}
	t.insert(s)
}

func (t *textInput) problem() string {
	if _, key := model.CheckInput(t.fd.Kind, string(t.text)); key != "" {
		return Msg.Get(t.lang, "invalid", model.Msg.Get(t.lang, key))
	}
	return ""
}

func (t *textInput) hints() string {
	if t.multi {
		return "keys_form_textarea"
	}
	return "keys_form_text"
}

func (t *textInput) short() string {
	s := strings.TrimSpace(string(t.text))
	if first, _, more := strings.Cut(s, "\n"); more {
		s = first + " …"
	}
	return model.TerminalLine(s)
}

// lines shows the text with the cursor as a reverse-video cell; the
// cursor's line scrolls sideways, a textarea shows the lines around it.
func (t *textInput) lines(w, h int) []string {
	if len(t.text) == 0 && t.suggest != "" {
		return []string{styleCursor.Render(" ") + styleFaint.Render(truncate(Msg.Get(t.lang, "suggest_hint", t.suggest), w-1))}
	}
	if len(t.text) == 0 && t.fd.Kind == model.KindDate {
		return []string{styleCursor.Render(" ") + styleFaint.Render(truncate(Msg.Get(t.lang, "date_hint"), w-1))}
	}
	start := t.lineStart()
	// The other lines of a textarea, around the cursor's.
	var before, after []string
	if t.multi {
		all := strings.Split(string(t.text), "\n")
		cur := strings.Count(string(t.text[:start]), "\n")
		room := min(h, 5) - 1
		for i := cur - 1; i >= 0 && len(before) < room/2+room%2; i-- {
			before = append([]string{truncate(model.TerminalLine(all[i]), w)}, before...)
		}
		for i := cur + 1; i < len(all) && len(before)+len(after) < room; i++ {
			after = append(after, truncate(model.TerminalLine(all[i]), w))
		}
	}
	line := t.text[start:t.lineEnd()]
	col := t.pos - start
	// Keep the cursor within the width: when it leaves the part shown,
	// scroll the line sideways so that it is in the middle. Typing on then
	// changes a cell or two per key instead of shifting the whole line (the
	// terminal gets a few bytes, not the line again).
	t.left = min(t.left, len(line))
	if runesWidth(line[:col]) <= w-2 {
		t.left = 0 // the start fits (again, after a resize)
	} else if col < t.left || runesWidth(line[t.left:col]) > w-2 {
		t.left = col
		for t.left > 0 && runesWidth(line[t.left-1:col]) <= (w-2)/2 {
			t.left--
		}
	}
	var b strings.Builder
	used := 0
	if t.left > 0 {
		b.WriteString("…")
		used++
	}
	for i := t.left; i <= len(line); i++ {
		ch := " "
		if i < len(line) {
			ch = model.TerminalLine(string(line[i]))
		}
		cw := lipgloss.Width(ch)
		if used+cw > w {
			break
		}
		if i == col {
			b.WriteString(styleCursor.Render(ch))
		} else if i < len(line) {
			b.WriteString(ch)
		}
		used += cw
	}
	return append(append(before, b.String()), after...)
}

// runesWidth is the width of rs in cells.
func runesWidth(rs []rune) int { return lipgloss.Width(string(rs)) }
