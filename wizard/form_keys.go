package wizard

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/tom-dsgvo/tom/model"
)

// formKeyMap holds the record form's keys that do not depend on the field
// in focus, each described once: the form acts on these bindings, and the
// help line is made from them.
type formKeyMap struct {
	Next, Prev, Save, Cancel key.Binding
}

// newFormKeys returns the form's keys with their help in language l.
func newFormKeys(l model.Lang) formKeyMap {
	bind := func(name string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(Msg.Get(l, name+"_keys"), Msg.Get(l, name)))
	}
	return formKeyMap{
		Next:   bind("form_next", "tab", "enter"),
		Prev:   bind("form_prev", "shift+tab"),
		Save:   bind("form_save_key", "ctrl+s"),
		Cancel: bind("form_cancel", "esc"),
	}
}

// helpOf joins the help of bindings bs: "Tab/Enter weiter · …".
func helpOf(bs ...key.Binding) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		h := b.Help()
		parts[i] = h.Key + " " + h.Desc
	}
	return strings.Join(parts, " · ")
}

// helpLines are the form's two help lines: moving and saving, then the
// keys of the field in focus and cancelling.
func (f *recordForm) helpLines() (string, string) {
	return helpOf(f.keys.Next, f.keys.Prev, f.keys.Save), Msg.Get(f.lang, f.hints()) + " · " + helpOf(f.keys.Cancel)
}
