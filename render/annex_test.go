package render

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
)

func annexDoc(t testing.TB, c *model.Catalog, f *model.File, l model.Lang) *Document {
	t.Helper()
	return BuildProfile(c, f, l, nil, ProfileAnnex)
}

// TestAnnexGolden compares the reference business's annex in Markdown with
// its golden files (go test ./render -update rewrites them; review the diff).
func TestAnnexGolden(t *testing.T) {
	c, f := loadSample(t)
	for _, l := range []model.Lang{model.De, model.En} {
		name := filepath.Join("testdata", "golden", fmt.Sprintf("annex.%s.md", l))
		got := WriteMarkdown(annexDoc(t, c, f, l))
		if !bytes.Equal(got, WriteMarkdown(annexDoc(t, c, f, l))) {
			t.Errorf("%s: two renders differ", name)
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
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file (run go test ./render -update and review)", name)
		}
	}
}

// squeeze drops all white space, so that a value wrapped over lines or
// table cells in any format is still found.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00ad' {
			return -1
		}
		return r
	}, s)
}

var anyTagRE = regexp.MustCompile(`<[^>]*>`)

// annexText returns the text of a document in a format, white space
// dropped: Markdown without escapes, HTML and DOCX XML (every part) without
// tags and entities, PDF through pdftotext in its reading order (a table
// cell's lines stay together).
func annexText(t *testing.T, format string, data []byte) string {
	t.Helper()
	var s string
	switch format {
	case "md":
		s = strings.ReplaceAll(string(data), `\`, "")
	case "txt":
		s = string(data)
	case FormatJSON:
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		var walk func(any)
		walk = func(v any) {
			switch x := v.(type) {
			case string:
				b.WriteString(x + " ")
			case []any:
				for _, y := range x {
					walk(y)
				}
			case map[string]any:
				for _, k := range slices.Sorted(maps.Keys(x)) {
					walk(x[k])
				}
			}
		}
		walk(v)
		s = b.String()
	case "html":
		s = html.UnescapeString(anyTagRE.ReplaceAllString(string(data), " "))
	case "docx":
		parts := docxParts(t, data)
		var b strings.Builder
		for _, name := range slices.Sorted(func(yield func(string) bool) {
			for k := range parts {
				if !yield(k) {
					return
				}
			}
		}) {
			b.WriteString(html.UnescapeString(anyTagRE.ReplaceAllString(parts[name], " ")))
		}
		s = b.String()
	case "pdf":
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext (poppler-utils) not installed")
		}
		p := filepath.Join(t.TempDir(), "annex.pdf")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", p, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		s = string(out)
	}
	return squeeze(s)
}

// privateValues collects from the answers what the annex must never show:
// every e-mail address and phone number (questions and registers), the
// names of people (people register, person_name fields, contact, preparer,
// respondent, signatory), the business's own contact addresses, the names
// of records of registers outside the annex (devices, storage places,
// people), notes and reasons of measures, and the open items and findings.
func privateValues(t *testing.T, c *model.Catalog, f *model.File, l model.Lang) []string {
	t.Helper()
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && s != "—" {
			out = append(out, s)
		}
	}
	v := model.View{C: c, F: f}
	people := map[string]bool{model.RoleContact: true, model.RoleRespondent: true, model.RoleSignatoryName: true, model.RolePreparedBy: true}
	for _, s := range c.Sections {
		for _, q := range s.Questions {
			val := f.Answers[q.ID]
			switch {
			case q.Kind == model.KindEmail || q.Kind == model.KindPhone || people[q.Role]:
				add(val.Str())
			case q.Role == model.RoleOrganisationContacts:
				for _, line := range strings.Split(val.Str(), "\n") {
					add(line)
				}
			case q.Kind == model.KindRecords:
				for _, r := range val.Records() {
					if !s.InAnnex() || q.Annex == nil {
						add(model.RecordName(q, r))
					}
					for _, fd := range q.Fields {
						if fd.Kind == model.KindEmail || fd.Kind == model.KindPhone || fd.Role == model.RolePersonName || fd.Role == model.RoleRecordNotes {
							add(r[fd.ID].Str())
						}
					}
				}
			}
		}
	}
	for _, a := range f.Measures {
		add(a.Note)
		add(a.AcceptedBy)
		if a.Status == model.StatusDeclined {
			add(a.Reason)
		}
	}
	for _, o := range f.OwnMeasures {
		add(o.Note)
		if o.Status != model.StatusImplemented {
			add(o.Text)
		}
	}
	for id, a := range f.Measures {
		// Who tested and what a test found stay internal.
		if m := c.Measure(id); m != nil {
			for _, p := range m.Params {
				if p.Role == model.RoleTestBy || p.Role == model.RoleTestResult {
					add(a.Params[p.ID])
				}
			}
		}
	}
	for _, it := range v.OpenItems() {
		// An implemented measure with a parameter missing is in the annex;
		// the gap is not.
		if it.Kind != model.OpenSkipped && it.Kind != model.OpenParams {
			add(it.Label.In(l))
			add(it.Note)
		}
	}
	for _, fd := range model.Findings(c, f, f.Stand()) {
		add(fd.Text.In(l))
	}
	return out
}

// TestAnnexShowsNothingPrivate renders the reference business's annex in
// all five formats and the JSON export and looks in each for every private value of the
// answers file. The names of sub-processors, which the annex must list
// (Art. 28(2) GDPR), may hold a private value: two of them are sole
// traders whose business name holds their own name.
func TestAnnexShowsNothingPrivate(t *testing.T) {
	c, f := loadSample(t)
	for _, l := range []model.Lang{model.De, model.En} {
		d := annexDoc(t, c, f, l)
		private := privateValues(t, c, f, l)
		if len(private) < 20 {
			t.Fatalf("only %d private values collected: %q", len(private), private)
		}
		var allowed []string
		for _, b := range d.Blocks {
			if r, ok := b.(*Records); ok {
				for _, row := range r.Rows {
					allowed = append(allowed, squeeze(row[0]))
				}
			}
		}
		if len(allowed) != 3 {
			t.Fatalf("sub-processors in the annex: %q, want Hetzner, the administrator and the developer", allowed)
		}
		for _, format := range append(slices.Clone(Formats), FormatJSON) {
			data, err := Write(d, format)
			if err != nil {
				t.Fatal(err)
			}
			text := annexText(t, format, data)
			// pdftotext may read a table row across its cells, so a
			// name is looked for whole in the other formats only.
			for _, a := range allowed {
				if format != "pdf" && !strings.Contains(text, a) {
					t.Errorf("%s/%s: sub-processor %q missing", l, format, a)
				}
			}
			// A private value may occur only inside the sub-processor
			// names, as often as they hold it (the JSON gives each name
			// twice: value and text).
			for _, p := range private {
				sp, inNames := squeeze(p), 0
				for _, a := range allowed {
					inNames += max(1, strings.Count(text, a)) * strings.Count(a, sp)
				}
				if n := strings.Count(text, sp); n > inNames {
					t.Errorf("%s/%s: the annex shows %q (%d times, %d in sub-processor names)", l, format, p, n, inNames)
				}
			}
			for _, key := range []string{"chapter_open", "chapter_findings", "chapter_history", "planned_h", "unclear_h", "declined_h", "prepared_by", "next_review"} {
				if strings.Contains(text, squeeze(Msg.Get(l, key))) {
					t.Errorf("%s/%s: the annex has %q", l, format, Msg.Get(l, key))
				}
			}
		}
	}
}

// The annex's file name says which document it is, in its language; the
// internal document keeps its name.
func TestAnnexFileName(t *testing.T) {
	c, f := loadSample(t)
	for _, tc := range []struct {
		l       model.Lang
		profile string
		want    string
	}{
		{model.De, ProfileInternal, "TOM_Webagentur-Krueger-und-Soehne-GmbH_2026-11-28.pdf"},
		{model.De, ProfileAnnex, "TOM_Webagentur-Krueger-und-Soehne-GmbH_2026-11-28_Anlage.pdf"},
		{model.En, ProfileAnnex, "TOM_Webagentur-Krueger-and-Soehne-GmbH_2026-11-28_Annex.pdf"},
	} {
		if got := FileName(BuildProfile(c, f, tc.l, nil, tc.profile), "pdf", "x"); got != tc.want {
			t.Errorf("%s %s: %s, want %s", tc.l, tc.profile, got, tc.want)
		}
	}
}

// The section on processing for clients is in the document, internal and
// annex, only when the business says it processes data for its clients.
func TestProcessorSectionOnlyForProcessors(t *testing.T) {
	c, f := loadSample(t)
	sec := c.Section("processor_role")
	if sec == nil {
		t.Fatal("the shipped catalogue has no processor section")
	}
	role := c.QuestionByRole(model.RoleBusinessRole)
	for _, tc := range []struct {
		answer string
		want   bool
	}{{"controller", false}, {"processor", true}, {"both", true}, {"", false}} {
		g := f.Clone()
		if tc.answer == "" {
			delete(g.Answers, role.ID)
		} else {
			g.Set(role.ID, model.String(tc.answer))
		}
		for _, profile := range Profiles {
			for _, l := range []model.Lang{model.De, model.En} {
				md := string(WriteMarkdown(BuildProfile(c, g, l, nil, profile)))
				title := sec.Title.In(l)
				if got := strings.Contains(md, "### ") && strings.Contains(md, " "+title+"\n"); got != tc.want {
					t.Errorf("role %q, %s, %s: section %q shown %v, want %v", tc.answer, profile, l, title, got, tc.want)
				}
			}
		}
	}
}
