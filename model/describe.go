package model

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// describeMsg holds the words DescribeChanges and DescribeDue use.
var describeMsg = Messages{
	"none":            {De: "–", En: "–"},
	"arrow":           {De: "%s → %s", En: "%s → %s"},
	"quote":           {De: "„%s“", En: "“%s”"},
	"added":           {De: "neu: %s", En: "new: %s"},
	"removed":         {De: "entfernt: %s", En: "removed: %s"},
	"item_named":      {De: "%s %s", En: "%s %s"},
	"item_unnamed":    {De: "%s ohne Namen (%s)", En: "%s without a name (%s)"},
	"records_n":       {De: "%d Einträge", En: "%d entries"},
	"retired":         {De: "%s (nicht mehr im Katalog)", En: "%s (no longer in the catalogue)"},
	"retired_sect":    {De: "Nicht mehr im Katalog", En: "No longer in the catalogue"},
	"note":            {De: "Anmerkung", En: "Note"},
	"own":             {De: "eigene Maßnahme %s", En: "own measure %s"},
	"due_measure":     {De: "%s: %s ist seit %s fällig", En: "%s: %s has been due since %s"},
	"soon_measure":    {De: "%s: %s ist am %s fällig", En: "%s: %s is due on %s"},
	"due_check":       {De: "%s: %s – älter als %d Monate, bitte prüfen", En: "%s: %s – older than %d months, please check"},
	"due_check_never": {De: "%s: %s – kein Datum, noch nie geprüft; bitte prüfen", En: "%s: %s – no date, never checked; please check"},
	"due_test_never":  {De: "%s: Prüfung %s – noch nie durchgeführt (vorgesehen alle %d Monate); bitte durchführen und Datum, Prüfer und Ergebnis eintragen", En: "%s: test %s – never done (due every %d months); please carry it out and record the date, who did it and the result"},
	"due_test":        {De: "%s: Prüfung %s – zuletzt am %s, seit %s fällig (alle %d Monate)", En: "%s: test %s – last done on %s, due since %s (every %d months)"},
	"soon_test":       {De: "%s: Prüfung %s – zuletzt am %s, am %s fällig (alle %d Monate)", En: "%s: test %s – last done on %s, due on %s (every %d months)"},
	"soon_check":      {De: "%s: %s – wird am %s %d Monate alt, bitte prüfen", En: "%s: %s – turns %[4]d months old on %[3]s, please check"},
}

// maxValueRunes is how much of a free-text answer a change line quotes.
const maxValueRunes = 60

// SectionChanges is what changed in one section, in words.
type SectionChanges struct {
	Section *Section // nil for answers the catalogue no longer has
	Title   string
	Lines   []string
}

// RecordNames maps "<question>/<record id>" to a record's display name, so
// that a change to one field of a record can name the record.
type RecordNames map[string]string

// RecordNamesOf collects the display names of every record in the files.
// Later files win, so pass the older file first.
func RecordNamesOf(c *Catalog, files ...*File) RecordNames {
	names := RecordNames{}
	for _, f := range files {
		if f == nil {
			continue
		}
		for id, v := range f.Answers {
			q := c.Question(id)
			if q == nil || !v.IsRecords() {
				continue
			}
			for _, r := range v.Records() {
				if n := RecordName(q, r); n != "" {
					names[id+"/"+r.ID()] = n
				}
			}
		}
	}
	return names
}

// RecordName returns the name a record is known by: its field with the role
// record_name, else its first non-empty text field in catalogue order, else "".
func RecordName(q *Question, r Record) string {
	return recordNameBy(q, func(id string) (string, bool) {
		v := r[id]
		return v.Str(), v.IsString()
	})
}

// recordNameAny is RecordName for a record decoded as JSON.
func recordNameAny(q *Question, m map[string]any) string {
	return recordNameBy(q, func(id string) (string, bool) {
		s, ok := m[id].(string)
		return s, ok
	})
}

// recordNameBy is RecordName with the record's text fields read by str.
func recordNameBy(q *Question, str func(id string) (string, bool)) string {
	if q == nil {
		return ""
	}
	if fd := q.FieldByRole(RoleRecordName); fd != nil {
		if s, ok := str(fd.ID); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	for _, fd := range q.Fields {
		if fd.Kind != KindText {
			continue
		}
		if s, ok := str(fd.ID); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// DescribeChanges turns changes into sentences, grouped by section in
// catalogue order, with labels in language l. Records are named from the
// changes themselves where they carry the name.
func DescribeChanges(c *Catalog, changes []Change, l Lang) []SectionChanges {
	return DescribeChangesNamed(c, changes, l, nil)
}

// DescribeChangesNamed is DescribeChanges with known record names (see
// RecordNamesOf) for changes to single fields of records.
func DescribeChangesNamed(c *Catalog, changes []Change, l Lang, names RecordNames) []SectionChanges {
	d := describer{c: c, l: l, names: RecordNames{}}
	for k, v := range names {
		d.names[k] = v
	}
	d.learnNames(changes)
	type line struct {
		rank, seq int
		text      string
	}
	bySection := map[*Section][]line{}
	for i, ch := range changes {
		s, rank, texts := d.describe(ch)
		for j, t := range texts {
			bySection[s] = append(bySection[s], line{rank, i*100 + j, t})
		}
	}
	var out []SectionChanges
	emit := func(s *Section, title string) {
		ls := bySection[s]
		if len(ls) == 0 {
			return
		}
		sort.SliceStable(ls, func(i, j int) bool {
			if ls[i].rank != ls[j].rank {
				return ls[i].rank < ls[j].rank
			}
			return ls[i].seq < ls[j].seq
		})
		sc := SectionChanges{Section: s, Title: title}
		for _, x := range ls {
			sc.Lines = append(sc.Lines, x.text)
		}
		out = append(out, sc)
	}
	for _, s := range c.Sections {
		emit(s, s.Title.In(l))
	}
	emit(nil, describeMsg.Get(l, "retired_sect"))
	return out
}

// HistoryRecordNames returns the record names for describing f's history:
// the records f has now, and the records removed later by what the
// history kept of them.
func HistoryRecordNames(c *Catalog, f *File) RecordNames {
	// Only the records the history's changes point to are looked up (a
	// description asks for no other name): not every record of a long
	// register.
	need := map[string]map[string]bool{} // question → record IDs
	for _, e := range f.History {
		for _, ch := range e.Changes {
			qid, rid, _, ok := splitAnswerPath(c, ch.Path)
			if !ok || rid == "" {
				continue
			}
			if need[qid] == nil {
				need[qid] = map[string]bool{}
			}
			need[qid][rid] = true
		}
	}
	names := RecordNames{}
	for qid, rids := range need {
		q, v := c.Question(qid), f.Answers[qid]
		if q == nil || !v.IsRecords() {
			continue
		}
		for _, r := range v.Records() {
			if !rids[r.ID()] {
				continue
			}
			if n := RecordName(q, r); n != "" {
				names[qid+"/"+r.ID()] = n
			}
		}
	}
	for _, e := range f.History {
		for k, v := range RecordNamesInChanges(c, e.Changes) {
			if _, ok := names[k]; !ok {
				names[k] = v
			}
		}
	}
	return names
}

// RecordNamesInChanges collects the record names that changes carry: whole
// records added or removed, and changed name fields. The history keeps them
// after a record is gone from the file.
func RecordNamesInChanges(c *Catalog, changes []Change) RecordNames {
	d := describer{c: c, names: RecordNames{}}
	d.learnNames(changes)
	return d.names
}

type describer struct {
	c     *Catalog
	l     Lang
	names RecordNames
}

// learnNames takes record names from whole records added or removed and from
// changed name fields, without overriding names the caller gave.
func (d describer) learnNames(changes []Change) {
	for _, ch := range changes {
		qid, rid, field, ok := splitAnswerPath(d.c, ch.Path)
		if !ok || rid == "" {
			continue
		}
		key := qid + "/" + rid
		if _, known := d.names[key]; known {
			continue
		}
		q := d.c.Question(qid)
		if field == "" {
			for _, x := range []any{ch.New, ch.Old} {
				if m, ok := x.(map[string]any); ok {
					if n := recordNameAny(q, m); n != "" {
						d.names[key] = n
						break
					}
				}
			}
			continue
		}
		if n := recordNameAny(q, map[string]any{field: ch.New}); n != "" && recordNameField(q) == field {
			d.names[key] = n
		}
	}
}

// recordNameField returns the field a record's name is taken from first.
func recordNameField(q *Question) string {
	if q == nil {
		return ""
	}
	if fd := q.FieldByRole(RoleRecordName); fd != nil {
		return fd.ID
	}
	for _, fd := range q.Fields {
		if fd.Kind == KindText {
			return fd.ID
		}
	}
	return ""
}

// splitAnswerPath splits "answers/<q>[/<record>[/<field>]]".
func splitAnswerPath(c *Catalog, path string) (qid, rid, field string, ok bool) {
	rest, ok := strings.CutPrefix(path, "answers/")
	if !ok {
		return "", "", "", false
	}
	parts := strings.Split(rest, "/")
	qid = parts[0]
	switch {
	case len(parts) == 2:
		rid = parts[1]
	case len(parts) >= 3:
		q := c.Question(qid)
		last := parts[len(parts)-1]
		if q != nil && q.Field(last) == nil {
			rid = strings.Join(parts[1:], "/")
		} else {
			rid, field = strings.Join(parts[1:len(parts)-1], "/"), last
		}
	}
	return qid, rid, field, true
}

// describe returns the section a change belongs to, its rank inside the
// section (catalogue order) and its lines.
func (d describer) describe(ch Change) (*Section, int, []string) {
	switch {
	case strings.HasPrefix(ch.Path, "answers/"):
		return d.answer(ch)
	case strings.HasPrefix(ch.Path, "measures/"):
		id := strings.TrimPrefix(ch.Path, "measures/")
		m := d.c.Measure(id)
		if m == nil {
			return nil, 0, d.measureLines(d.retired(id), ch.Old, ch.New, nil)
		}
		s := d.c.SectionOf(id)
		return s, d.rank(s, id), d.measureLines(d.quote(m.Label.In(d.l)), ch.Old, ch.New, m)
	case strings.HasPrefix(ch.Path, "own_measures/"):
		id := strings.TrimPrefix(ch.Path, "own_measures/")
		var sid, text string
		for _, x := range []any{ch.New, ch.Old} {
			if m, ok := x.(map[string]any); ok {
				if s, _ := m["section"].(string); s != "" && sid == "" {
					sid = s
				}
				if t, _ := m["text"].(string); t != "" && text == "" {
					text = t
				}
			}
		}
		if text == "" {
			text = id
		}
		label := describeMsg.Get(d.l, "own", d.quote(shorten(text)))
		s := d.c.Section(sid)
		rank := 1 << 20
		if s == nil {
			rank = 0
		}
		return s, rank, d.measureLines(label, ch.Old, ch.New, nil)
	}
	return nil, 0, []string{d.arrow(d.plain(ch.Old), d.plain(ch.New), ch.Path)}
}

func (d describer) answer(ch Change) (*Section, int, []string) {
	qid, rid, field, _ := splitAnswerPath(d.c, ch.Path)
	q := d.c.Question(qid)
	if q == nil {
		subject := d.retired(qid)
		if rid != "" {
			subject += " " + rid
			if field != "" {
				subject += ": " + field
			}
		}
		return nil, 0, []string{subject + ": " + d.arrowed(d.plain(ch.Old), d.plain(ch.New))}
	}
	s := d.c.SectionOf(qid)
	rank := d.rank(s, qid)
	if rid == "" {
		return s, rank, []string{d.quote(q.Title.In(d.l)) + ": " + d.arrowed(d.value(q.Kind, q.Options, ch.Old), d.value(q.Kind, q.Options, ch.New))}
	}
	subject, short := d.recordRef(q, rid)
	if field == "" {
		item := short
		if d.ambiguous(s) {
			item = subject
		}
		switch {
		case ch.Old == nil:
			return s, rank, []string{describeMsg.Get(d.l, "added", item)}
		case ch.New == nil:
			return s, rank, []string{describeMsg.Get(d.l, "removed", item)}
		}
		return s, rank, []string{item + ": " + d.arrowed(d.plain(ch.Old), d.plain(ch.New))}
	}
	fd := q.Field(field)
	if fd == nil {
		return s, rank, []string{subject + ": " + d.retired(field) + ": " + d.arrowed(d.plain(ch.Old), d.plain(ch.New))}
	}
	return s, rank, []string{subject + ": " + fd.Label.In(d.l) + ": " + d.arrowed(d.value(fd.Kind, fd.Options, ch.Old), d.value(fd.Kind, fd.Options, ch.New))}
}

// ambiguous reports whether s holds more than one list of records, so that a
// record must be introduced by its kind.
func (d describer) ambiguous(s *Section) bool {
	n := 0
	for _, q := range s.Questions {
		if q.Kind == KindRecords {
			n++
		}
	}
	return n > 1
}

// recordRef names a record: with its kind ("Dienstleister „Collmex GmbH“")
// and, where the section makes the kind clear, by itself ("„Collmex GmbH“").
// A record whose name is not known is named by kind and ID.
func (d describer) recordRef(q *Question, rid string) (subject, short string) {
	if n := d.names[q.ID+"/"+rid]; n != "" {
		short = d.quote(shorten(n))
		return describeMsg.Get(d.l, "item_named", q.Item.In(d.l), short), short
	}
	subject = describeMsg.Get(d.l, "item_unnamed", q.Item.In(d.l), rid)
	return subject, subject
}

// rank orders a change inside its section: questions and measures in
// catalogue order.
func (d describer) rank(s *Section, id string) int {
	if s == nil {
		return 0
	}
	for i, q := range s.Questions {
		if q.ID == id {
			return i
		}
	}
	for i, m := range s.Measures {
		if m.ID == id {
			return len(s.Questions) + i
		}
	}
	return 0
}

func (d describer) measureLines(label string, old, new any, m *Measure) []string {
	om, _ := old.(map[string]any)
	nm, _ := new.(map[string]any)
	var lines []string
	os, ns := d.status(om), d.status(nm)
	if os != ns {
		lines = append(lines, label+": "+d.arrowed(os, ns))
	}
	on, _ := om["note"].(string)
	nn, _ := nm["note"].(string)
	if on != nn && (old != nil && new != nil || lines == nil) {
		lines = append(lines, label+": "+describeMsg.Get(d.l, "note")+": "+d.arrowed(d.text(on), d.text(nn)))
	}
	// The parameters of a catalogue measure, each in its words.
	if m != nil {
		op, _ := om["params"].(map[string]any)
		np, _ := nm["params"].(map[string]any)
		for _, p := range m.Params {
			ov, _ := op[p.ID].(string)
			nv, _ := np[p.ID].(string)
			if ov == nv {
				continue
			}
			word := func(v string) string {
				if v == "" {
					return describeMsg.Get(d.l, "none")
				}
				return d.quote(shorten(ParamText(p, v, d.l)))
			}
			lines = append(lines, label+": "+p.Label.In(d.l)+": "+d.arrowed(word(ov), word(nv)))
		}
	}
	if lines == nil { // only fields tom does not know changed
		lines = append(lines, label+": "+d.arrowed(d.plain(old), d.plain(new)))
	}
	return lines
}

// status renders a measure answer: "geplant (bis 31.03.2027)".
func (d describer) status(m map[string]any) string {
	if m == nil {
		return describeMsg.Get(d.l, "none")
	}
	a := MeasureAnswer{}
	a.Status, _ = m["status"].(string)
	a.Due, _ = m["due"].(string)
	a.Reason, _ = m["reason"].(string)
	a.AcceptedBy, _ = m["accepted_by"].(string)
	if a.Status == "" {
		return describeMsg.Get(d.l, "none")
	}
	return StatusText(a, d.l, func(s string) string { return d.quote(shorten(s)) })
}

// StatusWord names a measure status in language l ("umgesetzt", "nicht
// anwendbar"), in StatusText's words; a status tom does not know, or none,
// is returned as it is.
func StatusWord(status string, l Lang) string {
	if status == "" {
		return ""
	}
	return StatusText(MeasureAnswer{Status: status}, l, nil)
}

// value renders an answer of a known kind: in AnswerText's words, free
// text quoted and shortened.
func (d describer) value(kind string, opts []*Option, x any) string {
	if x == nil {
		return describeMsg.Get(d.l, "none")
	}
	switch kind {
	case KindText, KindTextarea, KindEmail, KindURL, KindPhone:
		if s, ok := x.(string); ok {
			return d.text(s)
		}
	case KindYesNo, KindChoice, KindMultiChoice, KindDate:
		if v, ok := valueFromAny(x); ok && !v.IsRecords() {
			if w := AnswerText(kind, opts, v, d.l); w != "" {
				return w
			}
			return describeMsg.Get(d.l, "none")
		}
	}
	return d.plain(x)
}

// plain renders data whose question tom does not know.
func (d describer) plain(x any) string {
	switch t := x.(type) {
	case nil:
		return describeMsg.Get(d.l, "none")
	case bool:
		return d.yesNo(t)
	case string:
		if _, err := ParseDate(t); err == nil && len(t) == len(DateLayout) {
			return FormatDate(t, d.l)
		}
		return d.text(t)
	case []any:
		if len(t) > 0 {
			if _, isRec := t[0].(map[string]any); isRec {
				return describeMsg.Get(d.l, "records_n", len(t))
			}
		}
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = fmt.Sprint(e)
		}
		if len(parts) == 0 {
			return describeMsg.Get(d.l, "none")
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		if n := recordNameAny(nil, t); n != "" {
			return d.quote(shorten(n))
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, k+"="+d.plain(t[k]))
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(x)
}

func (d describer) yesNo(b bool) string { return YesNo(b, d.l) }

func (d describer) text(s string) string {
	if strings.TrimSpace(s) == "" {
		return describeMsg.Get(d.l, "none")
	}
	return d.quote(shorten(s))
}

func (d describer) quote(s string) string { return describeMsg.Get(d.l, "quote", s) }

func (d describer) retired(id string) string { return describeMsg.Get(d.l, "retired", id) }

func (d describer) arrowed(old, new string) string { return describeMsg.Get(d.l, "arrow", old, new) }

func (d describer) arrow(old, new, subject string) string {
	return subject + ": " + d.arrowed(old, new)
}

// shorten puts a free text on one line and cuts it to maxValueRunes.
func shorten(s string) string {
	if onLineShort(s) {
		return s // already one line of single spaces, short enough
	}
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > maxValueRunes {
		return strings.TrimSpace(string(r[:maxValueRunes-1])) + "…"
	}
	return s
}

// onLineShort reports whether shorten would return s as it is: at most
// maxValueRunes runes, words (as strings.Fields splits them) separated by
// single spaces, no space at either end.
func onLineShort(s string) bool {
	n := 0
	prevSpace := true // a space at the start is not kept
	for i := 0; i < len(s); n++ {
		if n >= maxValueRunes {
			return false
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			space := c == ' '
			if space && prevSpace || asciiSpace(c) {
				return false // another white space: strings.Fields splits there
			}
			prevSpace = space
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// asciiSpace reports whether c is white space other than the space:
// tab, line feed, vertical tab, form feed, carriage return.
func asciiSpace(c byte) bool { return c >= '\t' && c <= '\r' }

// DescribeDue says in one sentence why item is due, in language l.
func DescribeDue(item DueItem, l Lang) string {
	return describeDue(item, l, dueSlots{
		name: shorten(item.Name), record: item.Record,
		date: dueDate(item.Date, l), dueOn: dueDate(item.DueOn, l),
	})
}

// dueDate is FormatDate, without its work for a date not set.
func dueDate(s string, l Lang) string {
	if s == "" {
		return ""
	}
	return FormatDate(s, l)
}

// dueSlots are the parts of a due item's sentence that differ from record to
// record, worded: the name (shortened), the record's ID, the stored date and
// the date it falls due.
type dueSlots struct{ name, record, date, dueOn string }

// describeDue is DescribeDue with the parts in s put in as they are.
func describeDue(item DueItem, l Lang, s dueSlots) string {
	d := describer{l: l}
	title := ""
	if item.Section != nil {
		title = item.Section.Title.In(l)
	}
	switch item.Kind {
	case DueCheck:
		subject := describeMsg.Get(l, "item_named", item.Label.In(l), d.quote(s.name))
		if item.Name == "" {
			subject = describeMsg.Get(l, "item_unnamed", item.Label.In(l), s.record)
		}
		field := item.Field.Label.In(l)
		if item.Date == "" {
			return describeMsg.Get(l, "due_check_never", subject, field)
		}
		if item.Overdue {
			return describeMsg.Get(l, "due_check", subject, field+" "+s.date, item.Months)
		}
		return describeMsg.Get(l, "soon_check", subject, field+" "+s.date, s.dueOn, item.Months)
	case DueTest:
		label := d.quote(shorten(item.Label.In(l)))
		switch {
		case item.Date == "":
			return describeMsg.Get(l, "due_test_never", title, label, item.Months)
		case item.Overdue:
			return describeMsg.Get(l, "due_test", title, label, s.date, s.dueOn, item.Months)
		}
		return describeMsg.Get(l, "soon_test", title, label, s.date, s.dueOn, item.Months)
	default:
		label := d.quote(shorten(item.Label.In(l)))
		if item.Kind == DueOwnMeasure {
			label = describeMsg.Get(l, "own", label)
		}
		if item.Overdue {
			return describeMsg.Get(l, "due_measure", title, label, s.dueOn)
		}
		return describeMsg.Get(l, "soon_measure", title, label, s.dueOn)
	}
}
