package model

import (
	"bytes"
	"fmt"
	json "github.com/goccy/go-json"
)

// Overlay is a catalogue that extends another one (FORMAT.md "Overlays"):
// it names its base in "extends" and adds groups, sections, questions,
// measures and rules, relabels or hides the base's, and keeps the rest. A
// newer base flows through: the overlay is applied to whatever base is
// loaded.
type Overlay struct {
	Extends string          `json:"extends"`
	ID      string          `json:"id,omitempty"`      // default: the base's
	Version string          `json:"version,omitempty"` // default: the base's
	Title   *Text           `json:"title,omitempty"`
	Add     OverlayAdd      `json:"add"`
	Relabel map[string]Text `json:"relabel,omitempty"`
	Hide    []string        `json:"hide,omitempty"`
	// Annex sets whether a section belongs to the annex for clients.
	Annex map[string]bool `json:"annex,omitempty"`
}

// OverlayAdd is what an overlay adds. Questions and measures name the
// section they go to (appended at its end); sections go after the section
// named in "after", else at the end.
type OverlayAdd struct {
	Groups    []json.RawMessage `json:"groups,omitempty"`
	Sections  []json.RawMessage `json:"sections,omitempty"`
	Questions []json.RawMessage `json:"questions,omitempty"`
	Measures  []json.RawMessage `json:"measures,omitempty"`
	Rules     []json.RawMessage `json:"rules,omitempty"`
}

// OverlayBase returns the "extends" of a catalogue's JSON, or "" when it is
// a catalogue of its own.
func OverlayBase(data []byte) string {
	var probe struct {
		Extends string `json:"extends"`
	}
	if json.Unmarshal(data, &probe) != nil {
		return ""
	}
	return probe.Extends
}

// ExtendsError is the error for an overlay in data (named source) whose
// "extends" names a catalogue other than want, the shipped one (ID@major):
// a *LoadError at the "extends" value.
func ExtendsError(source string, data []byte, want string) error {
	var extends string
	p := Problem{Pointer: "/extends", Key: "cat_overlay_extends"}
	if obj, pos, _ := decodeObject(data); obj != nil {
		p.Line, p.Col = lineCol(pos.data, pos.offset(p.Pointer))
		extends, _ = obj["extends"].(string)
	}
	p.Args = []any{extends, want}
	return &LoadError{File: source, Problems: []Problem{p}}
}

// ApplyOverlay applies the overlay in data (named source in messages) to
// the base catalogue's JSON and returns the combined catalogue's JSON, to
// be checked by ParseCatalog. Problems of the overlay itself (an unknown
// key, an ID the base does not have) come as a *LoadError with the line
// and column in the overlay.
func ApplyOverlay(source string, base, data []byte) ([]byte, error) {
	obj, pos, probs := decodeObject(data)
	if obj == nil || len(probs) > 0 {
		return nil, &LoadError{File: source, Problems: probs}
	}
	data = pos.data
	var probsOut []Problem
	bad := func(ptr, key string, args ...any) {
		p := Problem{Pointer: ptr, Key: key, Args: args}
		p.Line, p.Col = lineCol(data, pos.offset(ptr))
		probsOut = append(probsOut, p)
	}
	var o Overlay
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return nil, &LoadError{File: source, Problems: []Problem{catalogDecodeProblem(pos, err)}}
	}
	var cat map[string]any
	bd := json.NewDecoder(bytes.NewReader(base))
	bd.UseNumber()
	if err := bd.Decode(&cat); err != nil {
		return nil, fmt.Errorf("%s: base catalogue: %w", source, err)
	}
	if o.ID != "" {
		cat["id"] = o.ID
	}
	if o.Version != "" {
		cat["version"] = o.Version
	}
	if o.Title != nil {
		cat["title"] = o.Title
	}
	sections := objs(cat["sections"])
	findSection := func(id string) map[string]any {
		for _, s := range sections {
			if s["id"] == id {
				return s
			}
		}
		return nil
	}
	raw := func(ptr string, m json.RawMessage) map[string]any {
		var v map[string]any
		d := json.NewDecoder(bytes.NewReader(m))
		d.UseNumber()
		if err := d.Decode(&v); err != nil || v == nil {
			bad(ptr, "cat_overlay_object")
			return nil
		}
		return v
	}
	str := func(m map[string]any, key string) string { s, _ := m[key].(string); return s }

	// Additions.
	groups := cat["groups"].([]any)
	for i, g := range o.Add.Groups {
		if v := raw(ptr("/add/groups", i), g); v != nil {
			groups = append(groups, v)
		}
	}
	cat["groups"] = groups
	for i, s := range o.Add.Sections {
		p := ptr("/add/sections", i)
		v := raw(p, s)
		if v == nil {
			continue
		}
		after := str(v, "after")
		delete(v, "after")
		at := len(sections)
		if after != "" {
			at = -1
			for j, s := range sections {
				if s["id"] == after {
					at = j + 1
				}
			}
			if at < 0 {
				bad(p+"/after", "cat_overlay_after", after)
				continue
			}
		}
		sections = append(sections[:at], append([]map[string]any{v}, sections[at:]...)...)
	}
	for _, kind := range []string{"questions", "measures"} {
		list := o.Add.Questions
		if kind == "measures" {
			list = o.Add.Measures
		}
		for i, q := range list {
			p := ptr("/add/"+kind, i)
			v := raw(p, q)
			if v == nil {
				continue
			}
			sid := str(v, "section")
			delete(v, "section")
			s := findSection(sid)
			if s == nil {
				bad(p+"/section", "cat_overlay_section", sid)
				continue
			}
			items, _ := s[kind].([]any)
			s[kind] = append(items, v)
		}
	}
	rules, _ := cat["rules"].([]any)
	for i, r := range o.Add.Rules {
		if v := raw(ptr("/add/rules", i), r); v != nil {
			rules = append(rules, v)
		}
	}
	if len(rules) > 0 {
		cat["rules"] = rules
	}

	// Relabels: a section's or question's title, a measure's label, a
	// group's title.
	for id, t := range o.Relabel {
		found := false
		visit(cat, sections, func(kind string, m map[string]any) {
			if m["id"] == id {
				key := "title"
				if kind == "measures" {
					key = "label"
				}
				m[key] = t
				found = true
			}
		})
		if !found {
			bad(ptr("/relabel", id), "cat_overlay_relabel", id)
		}
	}
	// Sections put into the annex for clients or taken out of it.
	for id, in := range o.Annex {
		if s := findSection(id); s != nil {
			s["annex"] = in
		} else {
			bad(ptr("/annex", id), "cat_overlay_annex", id)
		}
	}
	// Hidden items are left out, a section with everything in it.
	for i, id := range o.Hide {
		found := false
		kept := sections[:0]
		for _, s := range sections {
			if s["id"] == id {
				found = true
				continue
			}
			for _, kind := range []string{"questions", "measures"} {
				items, _ := s[kind].([]any)
				out := items[:0]
				for _, it := range items {
					if m, ok := it.(map[string]any); ok && m["id"] == id {
						found = true
						continue
					}
					out = append(out, it)
				}
				if items != nil {
					s[kind] = out
				}
			}
			kept = append(kept, s)
		}
		sections = kept
		if !found {
			bad(ptr("/hide", i), "cat_overlay_hide", id)
		}
	}
	if len(probsOut) > 0 {
		sortProblems(probsOut)
		return nil, &LoadError{File: source, Problems: probsOut}
	}
	// Answers to hidden items are kept under "retired", as for items a
	// catalogue removed, so that answers files made before stay valid.
	if len(o.Hide) > 0 {
		removed, _ := cat["removed"].([]any)
		for _, id := range o.Hide {
			removed = append(removed, id)
		}
		cat["removed"] = removed
	}
	anySecs := make([]any, len(sections))
	for i, s := range sections {
		anySecs[i] = s
	}
	cat["sections"] = anySecs
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(cat); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// objs returns the objects of a JSON array.
func objs(v any) []map[string]any {
	arr, _ := v.([]any)
	out := make([]map[string]any, 0, len(arr))
	for _, x := range arr {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// visit calls fn for every group, section, question and measure.
func visit(cat map[string]any, sections []map[string]any, fn func(kind string, m map[string]any)) {
	for _, g := range objs(cat["groups"]) {
		fn("groups", g)
	}
	for _, s := range sections {
		fn("sections", s)
		for _, kind := range []string{"questions", "measures"} {
			for _, m := range objs(s[kind]) {
				fn(kind, m)
			}
		}
	}
}
