package render

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// nothingFile is the reference business with nothing implemented: the same
// answers to the questions and registers, every applicable measure still
// to be clarified, no own measures, no scan.
func nothingFile(c *model.Catalog) *model.File {
	f := sampleFile(c)
	f.Measures = map[string]model.MeasureAnswer{}
	v := model.View{C: c, F: f}
	for _, s := range v.Sections() {
		for i, m := range v.Measures(s) {
			if i%2 == 0 {
				f.Measures[m.ID] = model.MeasureAnswer{Status: model.StatusUnclear}
			} else {
				f.Measures[m.ID] = model.MeasureAnswer{Status: model.StatusPlanned, Due: "2027-06-30"}
			}
		}
	}
	f.OwnMeasures = nil
	f.Detected = nil
	f.Progress.Done = nil
	for _, s := range c.Sections {
		f.Progress.Done = append(f.Progress.Done, s.ID)
	}
	f.Progress.Step = ""
	return f
}

// holds evaluates a statement's condition on its own, from the stored
// answers, without model.View.Holds: a measure test holds when the measure
// applies and its stored status is one of those named (default implemented).
func holds(v model.View, c *model.Condition) bool {
	switch {
	case c == nil:
		return true
	case len(c.All) > 0:
		for _, s := range c.All {
			if !holds(v, s) {
				return false
			}
		}
		return true
	case len(c.Any) > 0:
		for _, s := range c.Any {
			if holds(v, s) {
				return true
			}
		}
		return false
	case c.Not != nil:
		return !holds(v, c.Not)
	case c.Measure != "":
		m := v.C.Measure(c.Measure)
		a, ok := v.F.Measures[c.Measure]
		if m == nil || !ok || !v.MeasureVisible(m) {
			return false
		}
		want := c.Status
		if len(want) == 0 {
			want = []string{model.StatusImplemented}
		}
		return slices.Contains(want, a.Status)
	}
	return c.Eval(v.Value)
}

// implementedRefs lists the measures a condition requires to be implemented
// (named positively, outside a not).
func implementedRefs(c *model.Condition) []string {
	switch {
	case c == nil || c.Not != nil:
		return nil
	case c.Measure != "":
		if len(c.Status) == 0 || slices.Equal(c.Status, []string{model.StatusImplemented}) {
			return []string{c.Measure}
		}
		return nil
	}
	var out []string
	for _, s := range c.All {
		out = append(out, implementedRefs(s)...)
	}
	return out
}

// sectionTexts returns the running text of each section of d (by anchor):
// the paragraphs between its heading and the next heading.
func sectionTexts(d *Document) map[string]string {
	out := map[string]string{}
	cur := ""
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case *Heading:
			cur = x.ID
		case *Paragraph:
			if cur != "" {
				out[cur] += x.Text() + "\n"
			}
		}
	}
	return out
}

// TestStatementsFollowAnswers reads every fixed sentence a section can
// state against the answers: for the reference business and for the same
// business with nothing implemented, a statement is in its section exactly
// when its condition holds (evaluated here on its own), every measure it
// names as implemented is implemented, and with nothing implemented no
// section states a measure and every control section says so.
func TestStatementsFollowAnswers(t *testing.T) {
	c := standardCatalog(t)
	_, sample := loadSample(t)
	cases := []struct {
		name    string
		f       *model.File
		nothing bool
	}{{"sample", sample, false}, {"nothing", nothingFile(c), true}}
	stated := 0
	for _, tc := range cases {
		v := model.View{C: c, F: tc.f}
		for _, l := range []model.Lang{model.De, model.En} {
			texts := sectionTexts(Build(c, tc.f, l))
			for _, s := range v.Sections() {
				body, ok := texts[anchor("sec", s.ID)]
				if !ok {
					t.Errorf("%s/%s: section %s not in the document", tc.name, l, s.ID)
					continue
				}
				for i, st := range s.Statements {
					want := holds(v, st.Requires)
					got := strings.Contains(body, st.Text.In(l))
					if got != want {
						t.Errorf("%s/%s: section %s statement %d %q: printed %v, condition holds %v", tc.name, l, s.ID, i+1, st.Text.In(l), got, want)
					}
					if !got {
						continue
					}
					stated++
					for _, id := range implementedRefs(st.Requires) {
						if tc.f.Measures[id].Status != model.StatusImplemented {
							t.Errorf("%s/%s: section %s states %q, but %s is %q", tc.name, l, s.ID, st.Text.In(l), id, tc.f.Measures[id].Status)
						}
					}
					if tc.nothing && len(implementedRefs(st.Requires)) > 0 {
						t.Errorf("%s/%s: with nothing implemented, section %s states %q", tc.name, l, s.ID, st.Text.In(l))
					}
				}
				if tc.nothing && s.Kind == model.SectionControl && !strings.Contains(body, Msg.Get(l, "none_impl")) {
					t.Errorf("%s/%s: section %s does not say that nothing is implemented:\n%s", tc.name, l, s.ID, body)
				}
			}
		}
	}
	if stated == 0 {
		t.Error("no statement printed for the reference business: the test checks nothing")
	}
}

// TestNothingGolden renders the business with nothing implemented; its
// golden documents are for a person to read: no sentence claims a measure.
func TestNothingGolden(t *testing.T) {
	c := standardCatalog(t)
	f := nothingFile(c)
	for _, tc := range []struct {
		lang    model.Lang
		formats []string
	}{{model.De, []string{"md", "txt", "html"}}, {model.En, []string{"md"}}} {
		d := Build(c, f, tc.lang)
		for _, format := range tc.formats {
			name := filepath.Join("testdata", "golden", fmt.Sprintf("nothing.%s.%s", tc.lang, format))
			got, err := Write(d, format)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.WriteFile(name, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (run go test ./render -update)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from the golden file (run go test ./render -update and review)", name)
			}
		}
	}
}
