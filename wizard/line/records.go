package line

import (
	"strconv"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// records runs the list editor of a records question: it shows the entries
// and offers add, edit and remove until the user presses Enter. Every change
// is saved at once.
func (r *lineRunner) records(q *model.Question) error {
	f := r.o.File
	l := r.o.Lang
	item := r.title(q.Item)
	r.p.out.line(r.title(q.Title))
	if err := r.offerAccounts(q); err != nil {
		return err
	}
	r.listRecords(q)
	prompt := lineMsg.Get(l, "rec_menu", item) + ":"
	for {
		line, err := r.p.ask(prompt, r.title(q.Help))
		if err != nil {
			return err
		}
		recs := f.Get(q.ID).Records()
		cmd, arg := lineRecordCommand(line)
		if cmd == "" {
			if len(recs) == 0 && q.Required {
				r.p.invalid(lineMsg.Get(l, "rec_need"))
				continue
			}
			r.s.ConfirmList(q.ID)
			return nil
		}
		n := 0
		if cmd == "edit" || cmd == "remove" {
			var err error
			n, err = strconv.Atoi(arg)
			if err != nil || n < 1 || n > len(recs) {
				r.p.invalid(lineMsg.Get(l, "rec_no", arg))
				continue
			}
		}
		switch cmd {
		case "add":
			r.p.say("rec_new", item)
			rec, err := r.newEntry(q)
			if len(rec) > 1 { // more than its ID: keep what was typed
				r.setRecords(q, append(append([]model.Record{}, recs...), rec))
				r.p.say("rec_saved", len(recs)+1)
			}
			if serr := r.save(); serr != nil {
				return serr
			}
			if err != nil {
				return err
			}
		case "edit":
			r.p.say("rec_edit", n)
			rec, err := r.editRecord(q, recs[n-1])
			next := append([]model.Record{}, recs...)
			next[n-1] = rec
			r.setRecords(q, next)
			if serr := r.save(); serr != nil {
				return serr
			}
			if err != nil {
				return err
			}
			r.p.say("rec_saved", n)
		case "remove":
			ok, err := r.p.Confirm(lineMsg.Get(l, "rec_remove", n, r.recordSummary(q, recs[n-1]))+":", "", false)
			if err != nil {
				return err
			}
			if !ok {
				r.p.say("rec_kept")
				continue
			}
			next := append(append([]model.Record{}, recs[:n-1]...), recs[n:]...)
			r.setRecords(q, next)
			if err := r.save(); err != nil {
				return err
			}
			r.p.say("rec_removed", n)
		default:
			r.p.invalid(lineMsg.Get(l, "rec_bad"))
			continue
		}
		r.listRecords(q)
	}
}

// lineRecordCommand reads the list editor's input: "" (done), "add",
// "edit"/"remove" with the entry number as arg, or "?" for anything else.
func lineRecordCommand(line string) (cmd, arg string) {
	t := strings.ToLower(strings.TrimSpace(line))
	if t == "" {
		return "", ""
	}
	key, rest := t[:1], strings.TrimSpace(t[1:])
	switch key {
	case "a", "n", "+":
		if rest == "" {
			return "add", ""
		}
	case "e", "b":
		if rest != "" {
			return "edit", rest
		}
	case "l", "r", "d", "x":
		if rest != "" {
			return "remove", rest
		}
	}
	return "?", ""
}

// newEntry asks for a new entry of q: from the provider directory where it
// is offered, else field by field. On an interruption it returns what was
// given so far with the error.
func (r *lineRunner) newEntry(q *model.Question) (model.Record, error) {
	rec, chosen, err := r.fromDirectory(q)
	switch {
	case err != nil:
	case chosen:
		var more bool
		if more, err = r.p.Confirm(lineMsg.Get(r.o.Lang, "dir_edit"), "", false); err == nil && more {
			rec, err = r.editRecord(q, rec)
		}
	default:
		rec, err = r.editRecord(q, rec)
	}
	return rec, err
}

func (r *lineRunner) setRecords(q *model.Question, recs []model.Record) {
	r.s.SetRecords(q.ID, recs)
}

// listRecords prints the entries, one line each with their first fields.
func (r *lineRunner) listRecords(q *model.Question) {
	recs := r.o.File.Get(q.ID).Records()
	if len(recs) == 0 {
		r.say("rec_empty", r.title(q.Item))
		return
	}
	r.sayCount("rec_count", len(recs), r.title(q.Item))
	for i, rec := range recs {
		r.say("rec_line", i+1, r.recordSummary(q, rec))
	}
}

// recordSummary shows the first three answered fields of a record (yes/no
// fields say little out of context and are left out).
func (r *lineRunner) recordSummary(q *model.Question, rec model.Record) string {
	var parts []string
	for _, fd := range q.Fields {
		v := rec[fd.ID]
		if v.Empty() || v.IsBool() || !model.FieldVisible(fd, rec) {
			continue
		}
		parts = append(parts, r.p.show(r.p.fieldItem(fd), v, false))
		if len(parts) == 3 {
			break
		}
	}
	if len(parts) == 0 {
		return lineMsg.Get(r.o.Lang, "rec_blank")
	}
	return strings.Join(parts, " · ")
}

// editRecord asks every shown field of a new record (old nil) or of a copy
// of old. On an interruption it returns what was typed so far with the error.
func (r *lineRunner) editRecord(q *model.Question, old model.Record) (model.Record, error) {
	var rec model.Record
	if old == nil {
		rec = model.Record{"id": model.String(r.s.IDs().Record())}
	} else {
		rec = old.Clone()
	}
	for _, fd := range q.Fields {
		if !model.FieldVisible(fd, rec) {
			delete(rec, fd.ID)
			continue
		}
		it := r.p.fieldItem(fd)
		if rec[fd.ID].Empty() {
			it.suggest = r.v.SuggestedField(q, fd, r.o.File.Get(q.ID).Records())
		}
		v, err := r.p.value(it, rec[fd.ID])
		if err != nil {
			return rec, err
		}
		if v.IsSet() {
			rec[fd.ID] = v
		} else {
			delete(rec, fd.ID)
		}
	}
	return rec, nil
}
