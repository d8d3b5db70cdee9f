package line

import (
	"strconv"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// dirShown is how many matches of a directory search are listed.
const dirShown = 20

// fromDirectory offers the provider directory when a provider is added: the
// user types a search text and gets numbered matches, picks one by number,
// searches again, or gives 0 or an empty line for a new entry. It returns
// the record filled from the chosen entry (chosen is true), or a new record
// named with the last text searched for (nil when there was none).
func (r *lineRunner) fromDirectory(q *model.Question) (rec model.Record, chosen bool, err error) {
	d := r.o.Directory
	if d == nil || q.Role != model.RoleProviderRegister || len(d.Entries) == 0 {
		return nil, false, nil
	}
	l := r.o.Lang
	if r.dir == nil {
		r.dir = d.Search(l)
	}
	s := r.dir
	prompt := lineMsg.Get(l, "dir_search")
	var hits []int
	searched := ""
	for {
		line, err := r.p.ask(prompt, lineMsg.Get(l, "dir_help"))
		if err != nil {
			return nil, false, err
		}
		t := strings.TrimSpace(line)
		if t == "" || t == "0" {
			return r.namedRecord(q, searched), false, nil
		}
		if n, err := strconv.Atoi(t); err == nil && len(hits) > 0 {
			if n < 1 || n > min(len(hits), dirShown) {
				r.p.invalid(lineMsg.Get(l, "dir_no", t))
				continue
			}
			e := s.Entry(hits[n-1])
			r.say("dir_taken", model.TerminalLine(d.Name(e)))
			return d.Record(e, r.s.IDs().Record(), l), true, nil
		}
		searched = t
		hits = s.Find(t, nil)
		if len(hits) == 0 {
			r.say("dir_none", model.TerminalLine(t))
			prompt = lineMsg.Get(l, "dir_search")
			continue
		}
		for i, h := range hits[:min(len(hits), dirShown)] {
			e := s.Entry(h)
			parts := []string{d.Name(e)}
			if o := d.Category(e); o != nil {
				parts = append(parts, o.Label.In(l))
			}
			if e.Address.City != "" {
				parts = append(parts, e.Address.City)
			}
			r.say("rec_line", i+1, model.TerminalLine(strings.Join(parts, " · ")))
		}
		if len(hits) > dirShown {
			r.say("dir_more", len(hits)-dirShown)
		}
		r.say("dir_new")
		prompt = lineMsg.Get(l, "dir_pick")
	}
}

// namedRecord returns a new record of q whose name is text (nil when text is
// empty or no valid name): what was searched for in the directory is most
// likely the name of the new entry.
func (r *lineRunner) namedRecord(q *model.Question, text string) model.Record {
	name := q.FieldByRole(model.RoleRecordName)
	if name == nil || text == "" {
		return nil
	}
	out, bad := model.CheckInput(name.Kind, text)
	if bad != "" || out == "" {
		return nil
	}
	return model.Record{"id": model.String(r.s.IDs().Record()), name.ID: model.String(out)}
}
