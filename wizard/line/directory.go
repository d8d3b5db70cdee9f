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
// the record filled from the chosen entry (nil for a new entry).
func (r *lineRunner) fromDirectory(q *model.Question) (model.Record, error) {
	d := r.o.Directory
	if d == nil || q.Role != model.RoleProviderRegister || len(d.Entries) == 0 {
		return nil, nil
	}
	l := r.o.Lang
	if r.dir == nil {
		r.dir = d.Search(l)
	}
	s := r.dir
	prompt := lineMsg.Get(l, "dir_search")
	var hits []int
	for {
		line, err := r.p.ask(prompt, lineMsg.Get(l, "dir_help"))
		if err != nil {
			return nil, err
		}
		t := strings.TrimSpace(line)
		if t == "" || t == "0" {
			return nil, nil
		}
		if n, err := strconv.Atoi(t); err == nil && len(hits) > 0 {
			if n < 1 || n > min(len(hits), dirShown) {
				r.p.invalid(lineMsg.Get(l, "dir_no", t))
				continue
			}
			e := s.Entry(hits[n-1])
			r.say("dir_taken", model.TerminalLine(d.Name(e)))
			return d.Record(e, r.s.IDs().Record(), l), nil
		}
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
