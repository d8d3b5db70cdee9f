package wizard

import (
	"errors"
	"io"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/tom-dsgvo/tom/model"
)

// lineField is a one-line text question as a field of huh's form: the
// wizard's own textInput (the record form's), drawn as huh draws its input
// (the theme's title and prompt). Unlike huh's input, which shifts the line
// by one cell per key once the text is wider than the field, textInput
// scrolls sideways by half the width, so typing changes a cell or two per
// key and the terminal gets a few bytes instead of the line again.
type lineField struct {
	t        *textInput
	title    string
	b        *binding[string]
	validate func(string) error
	err      error
	focused  bool
	dark     bool
	theme    huh.Theme
	keymap   huh.InputKeyMap
	width    int
	height   int
}

// newLineField returns the field for a one-line text of kind, bound to b;
// suggest (as typed) is shown dimmed while the field is empty.
func newLineField(kind, title, suggest string, b *binding[string], validate func(string) error, l model.Lang) *lineField {
	fd := &model.Field{ID: "value", Kind: kind}
	t := newTextInput(fd, model.Record{}, l)
	t.text = []rune(b.cur)
	t.pos = len(t.text)
	t.suggest = suggest
	return &lineField{t: t, title: title, b: b, validate: validate, keymap: huh.NewDefaultKeyMap().Input}
}

// Init implements huh.Field.
func (f *lineField) Init() tea.Cmd { return nil }

// Update implements huh.Field: Enter and Tab check the text and go on when
// it is fine (as huh's input does); other keys edit it, every change
// written through the binding.
func (f *lineField) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		f.dark = msg.IsDark()
	case tea.PasteMsg:
		f.t.paste(msg.Content)
		f.b.Set(string(f.t.text))
	case tea.KeyPressMsg:
		f.err = nil
		switch {
		case key.Matches(msg, f.keymap.Prev):
			return f, huh.PrevField
		case key.Matches(msg, f.keymap.Next, f.keymap.Submit):
			if f.err = f.validate(string(f.t.text)); f.err != nil {
				return f, nil
			}
			return f, huh.NextField
		}
		if used, _ := f.t.key(msg); used {
			f.b.Set(string(f.t.text))
		}
	}
	return f, nil
}

func (f *lineField) styles() *huh.FieldStyles {
	th := f.theme
	if th == nil {
		th = huh.ThemeFunc(huh.ThemeCharm)
	}
	if f.focused {
		return &th.Theme(f.dark).Focused
	}
	return &th.Theme(f.dark).Blurred
}

// View implements huh.Field: the title, then the prompt and the line.
func (f *lineField) View() string {
	st := f.styles()
	maxW := f.width - st.Base.GetHorizontalFrameSize()
	prompt := st.TextInput.Prompt.Render("> ")
	var b strings.Builder
	if f.title != "" {
		b.WriteString(st.Title.Render(wrapText(f.title, maxW)))
		b.WriteString("\n")
	}
	b.WriteString(prompt)
	lines := f.t.lines(max(4, maxW-lipgloss.Width(prompt)), 1)
	if !f.focused {
		lines = []string{truncate(string(f.t.text), max(4, maxW-lipgloss.Width(prompt)))}
	}
	b.WriteString(lines[0])
	return st.Base.Width(f.width).Height(f.height).Render(b.String())
}

// Focus implements huh.Field.
func (f *lineField) Focus() tea.Cmd { f.focused = true; return nil }

// Blur implements huh.Field: the text is written and checked.
func (f *lineField) Blur() tea.Cmd {
	f.focused = false
	f.b.Set(string(f.t.text))
	f.err = f.validate(f.b.Get())
	return nil
}

// Error implements huh.Field.
func (f *lineField) Error() error { return f.err }

// Run implements huh.Field; the wizard runs fields only in its form.
func (f *lineField) Run() error { return errors.New("lineField runs in a form only") }

// RunAccessible implements huh.Field; see Run.
func (f *lineField) RunAccessible(io.Writer, io.Reader) error { return f.Run() }

// Skip implements huh.Field.
func (f *lineField) Skip() bool { return false }

// Zoom implements huh.Field.
func (f *lineField) Zoom() bool { return false }

// KeyBinds implements huh.Field.
func (f *lineField) KeyBinds() []key.Binding {
	return []key.Binding{f.keymap.Prev, f.keymap.Submit, f.keymap.Next}
}

// WithTheme implements huh.Field.
func (f *lineField) WithTheme(th huh.Theme) huh.Field {
	if f.theme == nil {
		f.theme = th
	}
	return f
}

// WithKeyMap implements huh.Field.
func (f *lineField) WithKeyMap(k *huh.KeyMap) huh.Field { f.keymap = k.Input; return f }

// WithWidth implements huh.Field.
func (f *lineField) WithWidth(w int) huh.Field { f.width = w; return f }

// WithHeight implements huh.Field.
func (f *lineField) WithHeight(h int) huh.Field { f.height = h; return f }

// WithPosition implements huh.Field.
func (f *lineField) WithPosition(p huh.FieldPosition) huh.Field {
	f.keymap.Prev.SetEnabled(!p.IsFirst())
	f.keymap.Next.SetEnabled(!p.IsLast())
	f.keymap.Submit.SetEnabled(p.IsLast())
	return f
}

// GetKey implements huh.Field.
func (f *lineField) GetKey() string { return "" }

// GetValue implements huh.Field.
func (f *lineField) GetValue() any { return f.b.Get() }
