package wizard

import (
	"errors"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// binding connects a huh field to a live value in the answers file. It keeps
// the field's current value itself and writes it through on every change once
// armed, so that the file always holds what is on the screen (a kill in the
// middle of a step loses nothing). huh writes default values while a field is
// built; the binding is armed only afterwards, so those never reach the file.
type binding[T any] struct {
	cur   T
	armed bool
	write func(T)
}

// Get implements huh.Accessor.
func (b *binding[T]) Get() T { return b.cur }

// Set implements huh.Accessor.
func (b *binding[T]) Set(v T) {
	b.cur = v
	if b.armed {
		b.write(v)
	}
}

// commit writes the current value, armed or not (the user confirmed it).
func (b *binding[T]) commit() { b.write(b.cur) }

// slot is where a value lives: a question's answer, or a field of a record.
type slot struct {
	get func() model.Value
	set func(model.Value)
}

func answerSlot(f *model.File, id string) slot {
	return slot{
		get: func() model.Value { return f.Get(id) },
		set: func(v model.Value) { f.Set(id, v) },
	}
}

// displayText returns a stored string for editing: dates in the form the user
// types them (TT.MM.JJJJ in German, YYYY-MM-DD in English).
func displayText(kind string, v model.Value, l model.Lang) string {
	s := v.Str()
	if kind == model.KindDate && s != "" && l == model.De {
		if t, err := model.DateOf(s); err == nil {
			return t.Format("02.01.2006")
		}
	}
	return s
}

// textWriter stores typed text: normalised when valid, not at all when not
// (an invalid entry is never saved as valid; the screen says what is wrong).
func textWriter(kind string, s slot) func(string) {
	return func(text string) {
		out, key := model.CheckInput(kind, text)
		if key != "" {
			return
		}
		if strings.TrimSpace(out) == "" {
			s.set(model.Value{})
			return
		}
		s.set(model.String(out))
	}
}

// checkedWriter stores typed text as check normalises it, not at all when
// check finds it invalid (like textWriter, with any check).
func checkedWriter(check func(string) (string, string), s slot) func(string) {
	return func(text string) {
		out, msg := check(text)
		if msg != "" {
			return
		}
		if strings.TrimSpace(out) == "" {
			s.set(model.Value{})
			return
		}
		s.set(model.String(out))
	}
}

// checkedValidator is huh's check on Enter with any check: its message,
// and for required answers that something was typed.
func checkedValidator(check func(string) (string, string), required bool, l model.Lang, emptyKey string) func(string) error {
	return func(text string) error {
		if strings.TrimSpace(text) == "" {
			if required {
				return errors.New(Msg.Get(l, emptyKey))
			}
			return nil
		}
		if _, msg := check(text); msg != "" {
			return errors.New(msg)
		}
		return nil
	}
}

// textValidator is huh's check on Enter: the kind's format and, for required
// answers, that something was typed.
func textValidator(kind string, required bool, l model.Lang, emptyKey string) func(string) error {
	return func(text string) error {
		if strings.TrimSpace(text) == "" {
			if required {
				return errors.New(Msg.Get(l, emptyKey))
			}
			return nil
		}
		if _, key := model.CheckInput(kind, text); key != "" {
			return errors.New(Msg.Get(l, "invalid", model.Msg.Get(l, key)))
		}
		return nil
	}
}
