package scan

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestTextSpeaksWords: the text report names the measures a finding
// supports or contradicts by their labels (not catalogue IDs) and writes
// dates the way the language does (no ISO dates in German sentences).
func TestTextSpeaksWords(t *testing.T) {
	cat := stdCat()
	for _, name := range fixtures {
		r := Scan(Options{Root: copyTree(t, name), Today: testToday, Catalog: cat})
		r.Root = "/"
		for _, l := range []model.Lang{model.De, model.En} {
			var b bytes.Buffer
			if err := WriteText(&b, r, l, cat); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, f := range r.Findings {
				for _, id := range append(append([]string{}, f.Measures...), f.Contradicts...) {
					if strings.Contains(out, id) {
						t.Errorf("%s %s: measure ID %s printed", name, l, id)
					}
					if m := cat.Measure(id); m == nil || !strings.Contains(strings.Join(strings.Fields(out), " "), m.Label.In(l)) {
						t.Errorf("%s %s: label of %s missing", name, l, id)
					}
				}
			}
			if iso := regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`).FindString(out); iso != "" {
				t.Errorf("%s %s: ISO date %s in the report", name, l, iso)
			}
		}
	}
}
