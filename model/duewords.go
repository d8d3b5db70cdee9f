package model

import "strings"

// DueWords words many due items as DescribeDue does, each kind of sentence
// formatted once: the checks of a register differ only in the record's
// name and dates, which are put into the sentence made for the first of
// them. Not safe for concurrent use.
type DueWords struct {
	l     Lang
	forms map[DueItem]dueForm
	dates map[string]string
	// recent are the forms used last, with their keys: a register's checks
	// come one after another, a record's check dates in turn.
	recent [4]recentForm
	next   int // the entry of recent to fill next
}

// recentForm is a form and its key.
type recentForm struct {
	key  DueItem
	form dueForm
	set  bool
}

// dueForm is a sentence with gaps for the parts that differ per record (see
// dueSlots); nil parts: the sentence is worded afresh for each item.
type dueForm struct{ parts []duePart }

// duePart is literal text, or with slot > 0 the dueSlots part it names.
type duePart struct {
	text string
	slot byte
}

// dueMark starts a gap in a sentence made for a form: dueMark and the
// slot's number. Catalogue texts and messages hold no NUL.
const dueMark = '\x00'

// NewDueWords returns a DueWords for language l.
func NewDueWords(l Lang) *DueWords {
	return &DueWords{l: l, forms: map[DueItem]dueForm{}, dates: map[string]string{}}
}

// Describe returns DescribeDue(item, l).
func (w *DueWords) Describe(item DueItem) string {
	s := dueSlots{name: shorten(item.Name), record: item.Record, date: w.date(item.Date), dueOn: w.date(item.DueOn)}
	// The form depends on all of item but the slots' sources, and on
	// which of them are empty (the sentence differs for a record without
	// a name or without a date).
	key := item
	key.Name, key.Record, key.Date, key.DueOn = blank(item.Name), blank(item.Record), blank(item.Date), blank(item.DueOn)
	f, ok := dueForm{}, false
	for i := range w.recent {
		if r := &w.recent[i]; r.set && r.key == key {
			f, ok = r.form, true
			break
		}
	}
	if !ok {
		if f, ok = w.forms[key]; !ok {
			f = w.form(key)
			w.forms[key] = f
		}
		w.recent[w.next] = recentForm{key: key, form: f, set: true}
		w.next = (w.next + 1) % len(w.recent)
	}
	if f.parts == nil {
		return describeDue(item, w.l, s)
	}
	n := 0
	for _, p := range f.parts {
		n += len(p.text) + len(s.get(p.slot))
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range f.parts {
		b.WriteString(p.text)
		b.WriteString(s.get(p.slot))
	}
	return b.String()
}

// blank stands for a non-empty slot source in a form's key.
func blank(s string) string {
	if s == "" {
		return ""
	}
	return "x"
}

// date returns the stored date s worded, each distinct date once.
func (w *DueWords) date(s string) string {
	if s == "" {
		return ""
	}
	d, ok := w.dates[s]
	if !ok {
		d = FormatDate(s, w.l)
		w.dates[s] = d
	}
	return d
}

// form makes the sentence for items like key with gaps for the slots; a
// sentence whose fixed words hold dueMark gets no form (nil parts).
func (w *DueWords) form(key DueItem) dueForm {
	marks := dueSlots{name: string([]byte{dueMark, 1}), record: string([]byte{dueMark, 2}), date: string([]byte{dueMark, 3}), dueOn: string([]byte{dueMark, 4})}
	// The fixed words alone, then with the slots marked: the same branch of
	// describeDue, since the key keeps which sources are empty.
	if strings.IndexByte(describeDue(key, w.l, dueSlots{}), dueMark) >= 0 {
		return dueForm{}
	}
	out := describeDue(key, w.l, marks)
	var parts []duePart
	for {
		i := strings.IndexByte(out, dueMark)
		if i < 0 {
			return dueForm{parts: append(parts, duePart{text: out})}
		}
		if i+1 >= len(out) || out[i+1] < 1 || out[i+1] > 4 {
			return dueForm{}
		}
		parts = append(parts, duePart{text: out[:i], slot: out[i+1]})
		out = out[i+2:]
	}
}

// get returns slot i (1 to 4, see DueWords.form), "" for 0.
func (s dueSlots) get(i byte) string {
	switch i {
	case 1:
		return s.name
	case 2:
		return s.record
	case 3:
		return s.date
	case 4:
		return s.dueOn
	}
	return ""
}
