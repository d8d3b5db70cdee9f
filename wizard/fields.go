package wizard

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/tom-dsgvo/tom/model"
)

// built is one huh field on the screen, with what the wizard needs around it.
type built struct {
	field  huh.Field
	commit func()        // store the shown value: the user confirmed it
	check  func() string // live validation of what is typed so far ("" = fine)
	keys   string        // message key of the key hints for this kind of field
	hover  func() string // the option under the cursor (multi-select), for help
	// suggest is the text → takes into the empty field (model.Suggestions).
	suggest string
}

// fieldMaker builds the field for a body of the given size. The binding is
// created once per visit and shared by every rebuild (resize), so nothing
// typed is lost when the screen is laid out again.
type fieldMaker func(width, height int) *built

// spec describes one input: a question of the catalogue, a field of a record,
// or one of the wizard's own (measure status, date, reason).
type spec struct {
	kind     string
	title    string
	options  []*model.Option
	required bool
	emptyKey string // message for a required field left empty
	slot     slot
	// def (choice) is selected while the slot holds no answer; leaving
	// the field stores it.
	def string
	// param: the measure parameter the field holds; its input is checked
	// by model.CheckParam (kind, range) instead of the kind's check.
	param *model.Param
	// suggest (one-line text) is shown dimmed in the empty field and taken
	// with →, never by Enter alone (model.Suggestions).
	suggest string
}

// makeField creates the binding for sp and returns its field builder.
func (m *Model) makeField(sp spec) fieldMaker {
	l := m.lang
	switch sp.kind {
	case model.KindYesNo:
		b := &binding[bool]{write: func(v bool) { sp.slot.set(model.Bool(v)) }}
		b.cur, _ = sp.slot.get().Bool()
		return func(w, h int) *built {
			b.armed = false
			f := huh.NewConfirm().Title(sp.title).Affirmative(model.YesNo(true, l)).Negative(model.YesNo(false, l)).Accessor(b)
			b.armed = true
			return &built{field: f, commit: b.commit, keys: "keys_confirm"}
		}
	case model.KindChoice:
		b := &binding[string]{write: func(v string) { sp.slot.set(model.String(v)) }}
		b.cur = sp.slot.get().Str()
		if b.cur == "" {
			b.cur = sp.def
		}
		return func(w, h int) *built {
			b.armed = false
			opts := make([]huh.Option[string], len(sp.options))
			for i, o := range sp.options {
				opts[i] = huh.NewOption(truncate(o.Label.In(l), w-6), o.ID)
			}
			title := m.scrollTitle(sp.title, len(opts), w, h)
			f := huh.NewSelect[string]().Title(title).Accessor(b).Options(opts...).
				Height(listHeight(title, len(opts), w, h))
			b.armed = true
			return &built{field: f, commit: b.commit, keys: "keys_select"}
		}
	case model.KindMultiChoice:
		b := &binding[[]string]{write: func(v []string) { sp.slot.set(model.List(v...)) }}
		b.cur = append([]string(nil), sp.slot.get().List()...)
		return func(w, h int) *built {
			b.armed = false
			out := m.multiSelect(sp, b, w, h)
			b.armed = true
			return out
		}
	case model.KindTextarea:
		b := &binding[string]{write: textWriter(sp.kind, sp.slot)}
		b.cur = sp.slot.get().Str()
		return func(w, h int) *built {
			b.armed = false
			lines := min(5, max(2, h-titleLines(sp.title, w)-1))
			f := huh.NewText().Title(sp.title).Accessor(b).Lines(lines).CharLimit(4000).
				ExternalEditor(false).Validate(textValidator(sp.kind, sp.required, l, sp.emptyKey))
			b.armed = true
			return &built{field: f, commit: b.commit, keys: "keys_text"}
		}
	}
	// One-line text: text, date, email, url, phone, a parameter.
	check := func(text string) (string, string) {
		out, key := model.CheckInput(sp.kind, text)
		if key != "" {
			return out, Msg.Get(l, "invalid", model.Msg.Get(l, key))
		}
		return out, ""
	}
	if sp.param != nil {
		check = func(text string) (string, string) {
			out, key, args := model.CheckParam(sp.param, text)
			if key != "" {
				return out, Msg.Get(l, "invalid", model.Msg.Get(l, key, args...))
			}
			return out, ""
		}
	}
	b := &binding[string]{write: checkedWriter(check, sp.slot)}
	b.cur = displayText(sp.kind, sp.slot.get(), l)
	// The suggestion as the user would type it (a date in their format).
	keys, suggestText := "keys_input", displayText(sp.kind, model.String(sp.suggest), l)
	if sp.suggest != "" {
		keys = "keys_suggest"
	}
	return func(w, h int) *built {
		b.armed = false
		f := newLineField(sp.kind, sp.title, suggestText, b, checkedValidator(check, sp.required, l, sp.emptyKey), l)
		b.armed = true
		return &built{
			field:  f,
			commit: b.commit,
			check: func() string {
				if strings.TrimSpace(b.cur) == "" {
					return ""
				}
				_, msg := check(b.cur)
				return msg
			},
			keys:    keys,
			suggest: suggestText,
		}
	}
}

// multiSelect builds a multi-select over sp.options bound to b. Long labels
// are cut to the width (the help key shows the full text of the option under
// the cursor); the list scrolls when it is taller than the body.
func (m *Model) multiSelect(sp spec, b *binding[[]string], w, h int) *built {
	opts := make([]huh.Option[string], len(sp.options))
	for i, o := range sp.options {
		opts[i] = huh.NewOption(truncate(o.Label.In(m.lang), w-8), o.ID)
	}
	title := m.scrollTitle(sp.title, len(opts), w, h)
	f := huh.NewMultiSelect[string]().Title(title).Accessor(b).Options(opts...).
		Filterable(false).Height(listHeight(title, len(opts), w, h))
	return &built{field: f, commit: b.commit, keys: "keys_multi", hover: func() string {
		v, _ := f.Hovered()
		return v
	}}
}

// scrollTitle adds a hint to the title of a list taller than the body.
func (m *Model) scrollTitle(title string, n, w, h int) string {
	if n+titleLines(title, w)+1 <= h {
		return title
	}
	return title + " " + Msg.Get(m.lang, "scroll_hint")
}

// listHeight is the explicit height of a select or multi-select: every option
// plus the title, capped by the body (huh v2 clips titled lists otherwise).
func listHeight(title string, n, w, h int) int {
	return max(3, min(n+titleLines(title, w)+1, h))
}

// titleLines is how many lines a field title takes at width w (the field
// frame takes two columns).
func titleLines(title string, w int) int {
	return lipgloss.Height(lipgloss.NewStyle().Width(max(10, w-2)).Render(title))
}

// truncate shortens s to at most w cells, ending in "…" when cut.
func truncate(s string, w int) string {
	if w < 2 {
		return s
	}
	if n, ok := narrowWidth(s); ok {
		if n <= w {
			return s
		}
		// Every rune is one cell: cut at a rune boundary.
		i := 0
		for k := range s {
			if i == w-1 {
				return s[:k] + "…"
			}
			i++
		}
		return s
	}
	if lipgloss.Width(s) <= w {
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		rw := lipgloss.Width(string(r))
		if used+rw > w-1 {
			break
		}
		b.WriteRune(r)
		used += rw
	}
	return b.String() + "…"
}

// newKeyMap returns huh's key map adjusted for the wizard: j/J also means yes
// in German, and the keys the wizard owns (Ctrl+C, Ctrl+E, Esc, Shift+Tab,
// filtering) never reach huh's own handlers.
func newKeyMap(l model.Lang) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit.SetEnabled(false)
	if l == model.De {
		km.Confirm.Accept = key.NewBinding(key.WithKeys("j", "J", "y", "Y"))
	}
	km.Text.Editor.SetEnabled(false)
	km.Input.AcceptSuggestion.SetEnabled(false)
	km.Select.Filter.SetEnabled(false)
	km.MultiSelect.Filter.SetEnabled(false)
	return km
}

// newForm wraps one field in a form of its own, sized to the body.
func (m *Model) newForm(b *built, w, h int) (*huh.Form, tea.Cmd) {
	f := huh.NewForm(huh.NewGroup(b.field)).
		WithTheme(m.theme).
		WithKeyMap(m.keymap).
		WithShowHelp(false).
		WithShowErrors(false).
		WithWidth(w)
	cmd := f.Init()
	fm, cmd2 := f.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return fm.(*huh.Form), tea.Batch(cmd, cmd2)
}

// narrowWidth returns the width of s when every rune of it takes exactly
// one cell and it holds no escape sequence (Latin text, the punctuation,
// arrows and box characters the wizard uses); ok is false otherwise, and
// lipgloss must measure it. It spares the grapheme segmentation on every
// row of every frame.
func narrowWidth(s string) (n int, ok bool) {
	for _, r := range s {
		switch {
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xad:
			return 0, false
		case r < 0x300,
			r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e,
			r >= 0x2190 && r <= 0x21ff, r >= 0x2500 && r <= 0x25ff:
			n++
		default:
			return 0, false
		}
	}
	return n, true
}
