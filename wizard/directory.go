package wizard

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
)

// dirPicker is the first screen of a new provider: type-to-filter over the
// provider directory (model.DirectorySearch), with "new provider" for one
// the directory does not hold. The search narrows the result of the text
// before while the user types on, and steps back to it on Backspace, so a
// key press does not look at the whole directory again.
type dirPicker struct {
	dir    *model.Directory
	search *model.DirectorySearch
	lang   model.Lang
	// steps holds the text typed so far, one step a key: steps[i] is the
	// text after i keys and hits[i] its result.
	steps  []string
	hits   [][]int
	cursor int // 0 "new provider", 1.. the hits
	top    int // the first hit on screen (listWindowAt)
}

func newDirPicker(d *model.Directory, s *model.DirectorySearch, l model.Lang) *dirPicker {
	return &dirPicker{dir: d, search: s, lang: l, steps: []string{""}, hits: [][]int{s.Find("", nil)}}
}

// text is what was typed; found the entries it finds.
func (p *dirPicker) text() string { return p.steps[len(p.steps)-1] }
func (p *dirPicker) found() []int { return p.hits[len(p.hits)-1] }

// typed adds s to the search text.
func (p *dirPicker) typed(s string) {
	next := p.text() + s
	var hits []int
	if model.Extends(next, p.text()) {
		hits = p.search.Find(next, p.found())
	} else {
		hits = p.search.Find(next, nil)
	}
	p.steps, p.hits = append(p.steps, next), append(p.hits, hits)
	p.cursor = min(1, len(hits)) // the best hit, or "new" when there is none
}

// pickResult is what a key did on the picker.
type pickResult int

const (
	pickOn     pickResult = iota
	pickNew               // "new provider": an empty form
	pickEntry             // an entry was chosen (entry())
	pickCancel            // back to the list
)

func (p *dirPicker) key(msg tea.KeyPressMsg) pickResult {
	n := len(p.found())
	switch k := msg.String(); k {
	case "enter", "tab":
		if p.cursor == 0 {
			return pickNew
		}
		return pickEntry
	case "esc":
		return pickCancel
	case "up":
		p.cursor = max(0, p.cursor-1)
	case "down":
		p.cursor = min(n, p.cursor+1)
	case "pgup":
		p.cursor = max(0, p.cursor-10)
	case "pgdown":
		p.cursor = min(n, p.cursor+10)
	case "home":
		p.cursor = 0
	case "end":
		p.cursor = n
	case "backspace", "ctrl+h":
		if len(p.steps) > 1 {
			p.steps, p.hits = p.steps[:len(p.steps)-1], p.hits[:len(p.hits)-1]
			p.cursor = min(1, len(p.found()))
			if p.text() == "" {
				p.cursor = 0
			}
		}
	case "ctrl+u":
		p.steps, p.hits = p.steps[:1], p.hits[:1]
		p.cursor = 0
	case "space":
		p.typed(" ")
	default:
		if msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
			p.typed(msg.Text)
		}
	}
	return pickOn
}

// paste adds pasted text to the search, on one line.
func (p *dirPicker) paste(s string) {
	if t := strings.Join(strings.Fields(s), " "); t != "" {
		p.typed(t)
	}
}

// entry is the entry under the cursor.
func (p *dirPicker) entry() *model.DirectoryEntry { return p.search.Entry(p.found()[p.cursor-1]) }

// row names entry i of the directory: name, category, city.
func (p *dirPicker) row(i int) string {
	e := p.search.Entry(i)
	parts := []string{p.dir.Name(e)}
	if o := p.dir.Category(e); o != nil {
		parts = append(parts, o.Label.In(p.lang))
	}
	if e.Address.City != "" {
		parts = append(parts, e.Address.City)
	}
	return model.TerminalLine(strings.Join(parts, " · "))
}

// view draws the search line, the number of hits, "new provider" and the
// hits on screen (only those are named).
func (p *dirPicker) view(item string, w, h int) string {
	l := p.lang
	found := p.found()
	var b strings.Builder
	b.WriteString(truncate(Msg.Get(l, "dir_search")+" "+model.TerminalLine(p.text()), w-1))
	b.WriteString(styleCursor.Render(" "))
	b.WriteString("\n")
	count := Msg.Count(l, "dir_hits", len(found))
	if len(found) == 0 {
		count = Msg.Get(l, "dir_none")
	}
	b.WriteString(styleFaint.Render(truncate(count, w)))
	b.WriteString("\n")
	// "New" stays on screen above the hits, which scroll.
	if p.cursor == 0 {
		b.WriteString(styleCursor.Render(">") + " " + truncate(Msg.Get(l, "dir_new", item), w-2))
	} else {
		b.WriteString(truncate("  "+Msg.Get(l, "dir_new", item), w))
	}
	b.WriteString("\n")
	row := func(i int) string { return p.row(found[i]) }
	b.WriteString(listWindowAt(&p.top, len(found), row, p.cursor-1, h-3, w, l))
	return b.String()
}
