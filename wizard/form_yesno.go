package wizard

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
)

// yesNoInput edits a yes/no field. It starts unset unless the record has a
// value: j (y) or n answer and move on, ←/→ or the space bar switch,
// Delete or Backspace make it unset again.
type yesNoInput struct {
	fd   *model.Field
	rec  model.Record
	lang model.Lang
}

func newYesNoInput(fd *model.Field, r model.Record, l model.Lang) *yesNoInput {
	return &yesNoInput{fd: fd, rec: r, lang: l}
}

func (y *yesNoInput) key(msg tea.KeyPressMsg) (bool, bool) {
	v := y.rec[y.fd.ID]
	b, set := v.Bool()
	switch msg.String() {
	case "j", "J", "y", "Y":
		y.rec[y.fd.ID] = model.Bool(true)
		return true, true
	case "n", "N":
		y.rec[y.fd.ID] = model.Bool(false)
		return true, true
	case "left":
		y.rec[y.fd.ID] = model.Bool(true)
	case "right":
		y.rec[y.fd.ID] = model.Bool(false)
	case "space":
		y.rec[y.fd.ID] = model.Bool(!set || !b)
	case "backspace", "delete":
		delete(y.rec, y.fd.ID)
	default:
		return false, false
	}
	return true, false
}

func (y *yesNoInput) paste(string) {}

func (y *yesNoInput) problem() string { return "" }

func (y *yesNoInput) hints() string { return "keys_form_yesno" }

func (y *yesNoInput) short() string {
	return model.AnswerText(y.fd.Kind, nil, y.rec[y.fd.ID], y.lang)
}

// lines shows both answers, the chosen one marked (•) and highlighted.
func (y *yesNoInput) lines(w, _ int) []string {
	b, set := y.rec[y.fd.ID].Bool()
	opt := func(v bool) string {
		s := "( ) " + model.YesNo(v, y.lang)
		if set && b == v {
			return styleCursor.Render("(•) " + model.YesNo(v, y.lang))
		}
		return s
	}
	line := opt(true) + "   " + opt(false)
	if !set {
		line += "   " + styleFaint.Render(Msg.Get(y.lang, "form_unset"))
	}
	return []string{line}
}

// splitLines splits a rendered block into its lines.
func splitLines(s string) []string { return strings.Split(s, "\n") }
