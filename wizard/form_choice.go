package wizard

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
)

// choiceInput edits a single choice. It starts unset unless the record has
// a value, and stores an option only when one is chosen: ↑/↓ (or ←/→, the
// space bar) move the choice, a number chooses that option and moves on,
// Delete or Backspace make it unset again.
type choiceInput struct {
	fd   *model.Field
	rec  model.Record
	lang model.Lang
	sel  int // option index, -1 unset
	top  int // the first option on screen (listWindowAt)
}

func newChoiceInput(fd *model.Field, r model.Record, l model.Lang) *choiceInput {
	c := &choiceInput{fd: fd, rec: r, lang: l, sel: -1}
	for i, o := range fd.Options {
		if o.ID == r[fd.ID].Str() {
			c.sel = i
		}
	}
	return c
}

func (c *choiceInput) set(i int) {
	c.sel = i
	if i < 0 {
		delete(c.rec, c.fd.ID)
		return
	}
	c.rec[c.fd.ID] = model.String(c.fd.Options[i].ID)
}

func (c *choiceInput) key(msg tea.KeyPressMsg) (bool, bool) {
	n := len(c.fd.Options)
	if n == 0 {
		return false, false
	}
	switch k := msg.String(); k {
	case "down", "right", "space":
		c.set(min(n-1, c.sel+1))
	case "up", "left":
		if c.sel < 0 {
			c.set(0)
		} else {
			c.set(max(0, c.sel-1))
		}
	case "home":
		c.set(0)
	case "end":
		c.set(n - 1)
	case "backspace", "delete":
		c.set(-1)
	default:
		if d := digit(k); d >= 1 && d <= n {
			c.set(d - 1)
			return true, true
		}
		return false, false
	}
	return true, false
}

// digit returns the number of key k, or -1 when it is no digit.
func digit(k string) int {
	if len(k) == 1 && k[0] >= '0' && k[0] <= '9' {
		return int(k[0] - '0')
	}
	return -1
}

func (c *choiceInput) paste(string) {}

func (c *choiceInput) problem() string { return "" }

func (c *choiceInput) hints() string { return "keys_form_choice" }

func (c *choiceInput) short() string {
	if !c.rec[c.fd.ID].IsSet() {
		return ""
	}
	return model.AnswerText(c.fd.Kind, c.fd.Options, c.rec[c.fd.ID], c.lang)
}

// lines lists the options, numbered (1–9), the chosen one marked (•) and
// highlighted; a long list scrolls around the choice.
func (c *choiceInput) lines(w, h int) []string {
	row := func(i int) string {
		mark := "( )"
		if i == c.sel {
			mark = "(•)"
		}
		return optionRow(i, mark, c.fd.Options[i].Label.In(c.lang))
	}
	return splitLines(listWindowAt(&c.top, len(c.fd.Options), row, c.sel, h, w, c.lang))
}

// optionRow is one option of a list: its number (1–9 only) and mark.
func optionRow(i int, mark, label string) string {
	num := "  "
	if i < 9 {
		num = fmt.Sprintf("%d ", i+1)
	}
	return num + mark + " " + label
}

// multiInput edits a multiple choice: ↑/↓ move the cursor, the space bar
// or x ticks, a number ticks that option.
type multiInput struct {
	fd     *model.Field
	rec    model.Record
	lang   model.Lang
	cursor int
	top    int // the first option on screen (listWindowAt)
}

func newMultiInput(fd *model.Field, r model.Record, l model.Lang) *multiInput {
	return &multiInput{fd: fd, rec: r, lang: l}
}

func (m *multiInput) toggle(i int) {
	v := m.rec[m.fd.ID]
	id := m.fd.Options[i].ID
	var ids []string
	for _, o := range m.fd.Options {
		if on := v.Has(o.ID); (on && o.ID != id) || (!on && o.ID == id) {
			ids = append(ids, o.ID)
		}
	}
	m.rec[m.fd.ID] = model.List(ids...)
}

func (m *multiInput) key(msg tea.KeyPressMsg) (bool, bool) {
	n := len(m.fd.Options)
	if n == 0 {
		return false, false
	}
	switch k := msg.String(); k {
	case "down":
		if m.cursor == n-1 {
			return false, false
		}
		m.cursor++
	case "up":
		if m.cursor == 0 {
			return false, false
		}
		m.cursor--
	case "space", "x":
		m.toggle(m.cursor)
	case "backspace", "delete":
		delete(m.rec, m.fd.ID)
	default:
		if d := digit(k); d >= 1 && d <= n {
			m.cursor = d - 1
			m.toggle(d - 1)
			return true, false
		}
		return false, false
	}
	return true, false
}

func (m *multiInput) paste(string) {}

func (m *multiInput) problem() string { return "" }

func (m *multiInput) hints() string { return "keys_form_multi" }

func (m *multiInput) short() string {
	if !m.rec[m.fd.ID].IsSet() {
		return ""
	}
	return model.AnswerText(m.fd.Kind, m.fd.Options, m.rec[m.fd.ID], m.lang)
}

func (m *multiInput) lines(w, h int) []string {
	v := m.rec[m.fd.ID]
	row := func(i int) string {
		mark := "[ ]"
		if v.Has(m.fd.Options[i].ID) {
			mark = "[x]"
		}
		return optionRow(i, mark, m.fd.Options[i].Label.In(m.lang))
	}
	return splitLines(listWindowAt(&m.top, len(m.fd.Options), row, m.cursor, h, w, m.lang))
}
