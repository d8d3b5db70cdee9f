package cli

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
	"github.com/tom-dsgvo/tom/render"
)

// renamedCatalog is the shipped catalogue with every ID renamed: groups,
// sections, questions, record fields, measures and options get new IDs
// (rn_g_1, rn_s_1, rn_q_1, rn_f_1, rn_m_1, rn_o_1, numbered across the
// catalogue), and every reference to them (a section's group, conditions,
// register columns) follows. back maps each new ID to the old one.
type renamedCatalog struct {
	data []byte
	back map[string]string
}

func renameCatalog(t *testing.T) renamedCatalog {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(questionnaires.StandardJSON(), &c); err != nil {
		t.Fatal(err)
	}
	back := map[string]string{}
	count := map[string]int{}
	fresh := func(kind string, old any) string {
		count[kind]++
		id := fmt.Sprintf("rn_%s_%d", kind, count[kind])
		back[id] = old.(string)
		return id
	}
	obj := func(x any) map[string]any { return x.(map[string]any) }
	list := func(x any) []any {
		l, _ := x.([]any)
		return l
	}
	options := func(o map[string]any) map[string]string {
		m := map[string]string{}
		if role, _ := o["role"].(string); len(model.RoleOptions(role)) > 0 {
			return m // a role fixes these option IDs
		}
		for _, op := range list(o["options"]) {
			op := obj(op)
			m[op["id"].(string)] = fresh("o", op["id"])
			op["id"] = m[op["id"].(string)]
		}
		return m
	}
	groups := map[string]string{}
	for _, g := range list(c["groups"]) {
		g := obj(g)
		groups[g["id"].(string)] = fresh("g", g["id"])
		g["id"] = groups[g["id"].(string)]
	}
	// Questions first (conditions name them, and their options), then
	// everything that refers to them.
	questions := map[string]string{}
	opts := map[string]map[string]string{} // new question ID -> old option -> new
	type fieldsOf struct {
		ids  map[string]string
		opts map[string]map[string]string
	}
	fields := map[string]fieldsOf{} // new question ID -> its fields
	measures, sections := map[string]string{}, map[string]string{}
	for _, s := range list(c["sections"]) {
		s := obj(s)
		sections[s["id"].(string)] = fresh("s", s["id"])
		s["id"] = sections[s["id"].(string)]
		if g, ok := s["group"].(string); ok {
			s["group"] = groups[g]
		}
		for _, q := range list(s["questions"]) {
			q := obj(q)
			nq := fresh("q", q["id"])
			questions[q["id"].(string)] = nq
			q["id"] = nq
			opts[nq] = options(q)
			fo := fieldsOf{ids: map[string]string{}, opts: map[string]map[string]string{}}
			for _, f := range list(q["fields"]) {
				f := obj(f)
				nf := fresh("f", f["id"])
				fo.ids[f["id"].(string)] = nf
				f["id"] = nf
				fo.opts[nf] = options(f)
			}
			fields[nq] = fo
			for _, col := range list(q["columns"]) {
				fs := list(obj(col)["fields"])
				for i, f := range fs {
					fs[i] = fo.ids[f.(string)]
				}
			}
		}
		for _, m := range list(s["measures"]) {
			m := obj(m)
			measures[m["id"].(string)] = fresh("m", m["id"])
			m["id"] = measures[m["id"].(string)]
		}
	}
	// cond rewrites a condition; optsOf gives the option map of the
	// question or field it names.
	var cond func(x any, rename func(k string, v string) (string, map[string]string))
	cond = func(x any, rename func(k string, v string) (string, map[string]string)) {
		if x == nil {
			return
		}
		cd := obj(x)
		for _, k := range []string{"all", "any"} {
			for _, sub := range list(cd[k]) {
				cond(sub, rename)
			}
		}
		cond(cd["not"], rename)
		if v, ok := cd["measure"].(string); ok {
			cd["measure"] = measures[v]
		}
		var om map[string]string
		for _, k := range []string{"question", "field"} {
			if v, ok := cd[k].(string); ok {
				cd[k], om = rename(k, v)
			}
		}
		// Options a role fixes keep their IDs.
		opt := func(v string) string {
			if n, ok := om[v]; ok {
				return n
			}
			return v
		}
		if v, ok := cd["equals"].(string); ok {
			cd["equals"] = opt(v)
		}
		if v, ok := cd["includes"].(string); ok {
			cd["includes"] = opt(v)
		}
		for i, v := range list(cd["in"]) {
			list(cd["in"])[i] = opt(v.(string))
		}
	}
	byQuestion := func(_ string, v string) (string, map[string]string) { return questions[v], opts[questions[v]] }
	for _, s := range list(c["sections"]) {
		s := obj(s)
		cond(s["when"], byQuestion)
		for _, q := range list(s["questions"]) {
			q := obj(q)
			cond(q["when"], byQuestion)
			fo := fields[q["id"].(string)]
			for _, f := range list(q["fields"]) {
				cond(obj(f)["when"], func(_ string, v string) (string, map[string]string) { return fo.ids[v], fo.opts[fo.ids[v]] })
				cond(obj(f)["due_if_empty"], func(_ string, v string) (string, map[string]string) { return fo.ids[v], fo.opts[fo.ids[v]] })
			}
			if a, ok := q["annex"].(map[string]any); ok {
				fs := list(a["fields"])
				for i, f := range fs {
					fs[i] = fo.ids[f.(string)]
				}
				cond(a["records"], func(_ string, v string) (string, map[string]string) { return fo.ids[v], fo.opts[fo.ids[v]] })
			}
		}
		for _, m := range list(s["measures"]) {
			cond(obj(m)["when"], byQuestion)
		}
		for _, st := range list(s["statements"]) {
			cond(obj(st)["requires"], byQuestion)
		}
	}
	// Rules name measures, questions, registers and their fields.
	var rule func(x any)
	rule = func(x any) {
		if x == nil {
			return
		}
		cd := obj(x)
		for _, k := range []string{"all", "any"} {
			for _, sub := range list(cd[k]) {
				rule(sub)
			}
		}
		rule(cd["not"])
		if v, ok := cd["measure"].(string); ok {
			cd["measure"] = measures[v]
		}
		if v, ok := cd["mentions"].(string); ok {
			cd["mentions"] = questions[v]
		}
		if _, ok := cd["question"].(string); ok {
			cond(cd, byQuestion)
		}
		if v, ok := cd["register"].(string); ok {
			fo := fields[questions[v]]
			cd["register"] = questions[v]
			for _, k := range []string{"some", "none"} {
				cond(cd[k], func(_ string, v string) (string, map[string]string) { return fo.ids[v], fo.opts[fo.ids[v]] })
			}
		}
	}
	for _, r := range list(c["rules"]) {
		r := obj(r)
		rule(r["if"])
		if v, ok := r["section"].(string); ok {
			r["section"] = sections[v]
		}
	}
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(`"org.name"`)) || bytes.Contains(data, []byte(`"providers"`)) {
		t.Fatal("an old ID survived the renaming")
	}
	return renamedCatalog{data: data, back: back}
}

// newID matches a renamed ID as it stands in output: plain (rn_q_12), in
// an anchor (rn-q-12) or Markdown-escaped (rn\_q\_12).
var newID = regexp.MustCompile(`rn(_|-|\\_)([gsqfmo])(_|-|\\_)([0-9]+)`)

// restore puts the old IDs back into output made with the renamed catalogue,
// in the form they stood in.
func (rc renamedCatalog) restore(s string) string {
	return newID.ReplaceAllStringFunc(s, func(m string) string {
		sub := newID.FindStringSubmatch(m)
		old, ok := rc.back["rn_"+sub[2]+"_"+sub[4]]
		if !ok {
			return m
		}
		switch sub[1] {
		case "-":
			return strings.NewReplacer(".", "-", "_", "-").Replace(old)
		case `\_`:
			return strings.ReplaceAll(old, "_", `\_`)
		}
		return old
	})
}

// variant is one run of the story: the shipped catalogue or its renamed copy.
type variant struct {
	name    string
	catalog string // path
	dir     string
	restore func(string) string
}

func (v variant) run(t *testing.T, today, input string, args ...string) (int, string) {
	t.Helper()
	g, out, errb := rvGlobals(map[string]string{"TOM_TODAY": today, "TERM": "dumb"})
	g.In = strings.NewReader(input)
	code := Run(g, append(args, "--catalog", v.catalog))
	return code, out.String() + errb.String()
}

func (v variant) path(name string) string { return filepath.Join(v.dir, name) }

// TestRenamedCatalogue is how issue 9 item 4 is checked: a consultant's
// catalogue that renames every ID of the shipped one must behave exactly
// like it. The same story – a full line-mode interview, documents in every
// format, tom status, a line-mode review, tom diff – runs on both, and what
// the user sees and what is stored must be the same once the IDs are put
// back.
func TestRenamedCatalogue(t *testing.T) {
	rc := renameCatalog(t)
	dir := t.TempDir()
	// Names of one length: the outputs are compared after the paths are
	// replaced, so paths of different lengths would wrap lines differently.
	origPath, renPath := filepath.Join(dir, "shipped.json"), filepath.Join(dir, "renamed.json")
	if err := os.WriteFile(origPath, questionnaires.StandardJSON(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(renPath, rc.data, 0o600); err != nil {
		t.Fatal(err)
	}
	orig := variant{"standard", origPath, filepath.Join(dir, "a"), func(s string) string { return s }}
	ren := variant{"renamed", renPath, filepath.Join(dir, "b"), rc.restore}
	vs := []variant{orig, ren}
	input, err := os.ReadFile("../testdata/line/standard-full.in")
	if err != nil {
		t.Fatal(err)
	}
	// The script takes Hetzner from the provider directory, which the
	// renamed catalogue gets none of: here both variants type it in full
	// (the script's lines from before the directory was used).
	const fromDir = "\na\nHetzner\n1\nj\n\n\n\n+49 (0)9831 505-0*\n\n\n\nAngemieteter Root-Server für Websites, Webshops und E-Mail\n\n\n\n\n\n\nj\n"
	const typed = "\na\n\nHetzner Online GmbH\nIndustriestr. 25\n91710 Gunzenhausen\n\ninfo@hetzner.com\n+49 (0)9831 505-0*\n\n\nwww.hetzner.com\nAngemieteter Root-Server für Websites, Webshops und E-Mail\n\n1\n\n\n1\nj\nj\n"
	if !bytes.Contains(input, []byte(fromDir)) {
		t.Fatal("standard-full.in no longer takes Hetzner from the directory as this test expects: update fromDir")
	}
	input = bytes.Replace(input, []byte(fromDir), []byte(typed), 1)

	// same runs step on both variants and requires equal results.
	same := func(what string, step func(v variant) string) {
		t.Helper()
		// The hints name each variant's own catalogue file.
		a := strings.ReplaceAll(strings.ReplaceAll(step(orig), orig.dir, "DIR"), origPath, "CATALOG")
		b := strings.ReplaceAll(strings.ReplaceAll(ren.restore(step(ren)), ren.dir, "DIR"), renPath, "CATALOG")
		if a != b {
			t.Errorf("%s differs with renamed IDs:\n%s", what, firstDiff(a, b))
		}
	}
	// answers reads an answers file as plain data, with the old IDs.
	answers := func(v variant, name string) string {
		data, err := os.ReadFile(v.path(name))
		if err != nil {
			t.Fatal(err)
		}
		var x any
		if err := json.Unmarshal([]byte(v.restore(string(data))), &x); err != nil {
			t.Fatal(err)
		}
		out, _ := json.MarshalIndent(x, "", " ") // keys sorted: the order of IDs does not matter
		return string(out)
	}
	for _, v := range vs {
		if err := os.MkdirAll(v.dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}

	// The interview.
	// The shipped provider directory is written for the shipped
	// catalogue's field IDs: the renamed one gets none, so its interview
	// skips the directory search when a provider is added (the script's
	// empty line there, and the prompt, are the only difference).
	dirPrompt := "Im Anbieterverzeichnis suchen – Name, Marke oder Ort (Enter = neuer Eintrag ohne Verzeichnis): \n"
	same("the interview", func(v variant) string {
		in := string(input)
		if v.name == ren.name {
			for _, name := range []string{"Hetzner Online GmbH", "Collmex GmbH"} {
				in = strings.Replace(in, "\na\n\n"+name+"\n", "\na\n"+name+"\n", 1)
			}
		}
		code, out := v.run(t, "2026-03-15", declineScan(in), "interview", "-f", v.path("tom.json"))
		if code != ExitOK {
			t.Fatalf("%s: interview exit %d\n%s", v.name, code, out[max(0, len(out)-2000):])
		}
		if v.name == orig.name {
			if strings.Count(out, dirPrompt) != 2 {
				t.Fatalf("the directory search is not offered twice:\n%s", out)
			}
			out = strings.ReplaceAll(out, dirPrompt, "")
		}
		return out
	})
	same("the answers file", func(v variant) string { return answers(v, "tom.json") })

	// The documents, in every format.
	for _, format := range render.Formats {
		same("the "+format+" document", func(v variant) string {
			out := v.path("tom." + format)
			if code, msg := v.run(t, "2026-03-15", "", "render", "-f", v.path("tom.json"), "--format", format, "-o", out); code != ExitOK {
				t.Fatalf("%s: render %s exit %d\n%s", v.name, format, code, msg)
			}
			data, err := os.ReadFile(out)
			if err != nil || len(data) == 0 {
				t.Fatalf("%s: no %s document: %v", v.name, format, err)
			}
			switch format {
			case "pdf":
				return "" // compared through the document model below
			case "docx":
				return docxBody(t, data)
			}
			return string(data)
		})
	}
	// Every writer is fed the same document model: the cover, the lit. a
	// chapter and the signature block are there with the renamed IDs.
	same("the document model", func(v variant) string {
		c, err := questionnaires.Load(v.catalog)
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := model.Load(v.path("tom.json"), c)
		if err != nil {
			t.Fatal(err)
		}
		d := render.Build(c, f, model.De)
		var cover, sign, litA bool
		for _, b := range d.Blocks {
			switch b := b.(type) {
			case *render.Cover:
				cover = b.Org == "Webagentur Müller & Söhne GmbH" && strings.Contains(b.Address, "Königstraße 12")
			case *render.Signature:
				sign = b.Name.Value == "Jörg Müller" && b.Role.Value == "Geschäftsführer" && b.Place.Value == "Stuttgart"
			case *render.Heading:
				litA = litA || b.Level == 1 && b.Text == "Pseudonymisierung und Verschlüsselung" && b.ID == "grp-"+strings.ReplaceAll(c.GroupByRole(model.RoleLitA).ID, "_", "-")
			}
		}
		if !cover || !sign || !litA {
			t.Errorf("%s: cover %v, signature block %v, lit. a chapter %v", v.name, cover, sign, litA)
		}
		data, err := json.MarshalIndent(d, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	})

	// tom status: the provider check dates of 2018 are due.
	for _, args := range [][]string{nil, {"--json"}} {
		same(fmt.Sprint("tom status ", args), func(v variant) string {
			code, out := v.run(t, "2026-06-01", "", append([]string{"status", "-f", v.path("tom.json")}, args...)...)
			if code != ExitStatusItemsDue {
				t.Errorf("%s: status exit %d, want %d (items due)\n%s", v.name, code, ExitStatusItemsDue, out)
			}
			if args == nil && !strings.Contains(strings.Join(strings.Fields(out), " "), "Dienstleister „Hetzner Online GmbH“: TOM des Dienstleisters zuletzt geprüft am 20.05.2018") {
				t.Errorf("%s: the provider's check date is not due:\n%s", v.name, out)
			}
			return out
		})
	}

	// tom scan names the measures the catalogue ties to its checks.
	for _, args := range [][]string{nil, {"--json"}} {
		same(fmt.Sprint("tom scan ", args), func(v variant) string {
			code, out := v.run(t, "2026-11-28", "", append([]string{"scan", "--root", "../testdata/scan/debian-neglected"}, args...)...)
			// JSON names the measure by ID, the text by its label.
			want := mustMeasure(t, v, "ssh-keys-only")
			if args == nil {
				want = measureLabel(t, v, want)
			}
			if code != ExitOK || !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
				t.Errorf("%s: scan exit %d, or it names no SSH measure:\n%s", v.name, code, out)
			}
			// The text is wrapped, and the IDs differ in length.
			return strings.Join(strings.Fields(out), " ")
		})
	}

	// A changed copy (through the roles, as a program that knows no IDs
	// would), then tom diff between the two files.
	for _, v := range vs {
		c, err := questionnaires.Load(v.catalog)
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := model.Load(v.path("tom.json"), c)
		if err != nil {
			t.Fatal(err)
		}
		f.Set(c.QuestionByRole(model.RoleOrganisationName).ID, model.String("Webagentur Müller GmbH"))
		for _, s := range c.Sections {
			for _, q := range s.Questions {
				if fd := q.FieldByRole(model.RoleCheckDate); fd != nil {
					recs := f.Get(q.ID).Records()
					recs[0][fd.ID] = model.String("2026-05-30")
					f.Set(q.ID, model.Records(recs...))
				}
			}
		}
		if err := model.Save(v.path("changed.json"), f); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"text", "md"} {
		same("tom diff --format "+format, func(v variant) string {
			code, out := v.run(t, "2026-06-01", "", "diff", v.path("tom.json"), v.path("changed.json"), "--format", format)
			if code != 1 || !strings.Contains(out, "Webagentur Müller GmbH") || !strings.Contains(out, "30.05.2026") { // 1: the files differ
				t.Errorf("%s: diff exit %d\n%s", v.name, code, out)
			}
			return out
		})
	}

	// tom review in line mode: the sixteen due items (four of them tests never done) left open, the business's name changed, every other step
	// confirmed; then tom diff --since.
	same("tom review", func(v variant) string {
		code, out := v.run(t, "2027-03-20", strings.Repeat("\n", 32)+"n\nWebagentur Müller KG\n"+strings.Repeat("\n", 400), "review", "-f", v.path("changed.json"))
		if !strings.Contains(out, "„Webagentur Müller GmbH“ → „Webagentur Müller KG“") {
			t.Errorf("%s: the review does not name its change:\n%s", v.name, out[max(0, len(out)-1500):])
		}
		if code != ExitOK {
			t.Fatalf("%s: review exit %d\n%s", v.name, code, out[max(0, len(out)-2000):])
		}
		return out
	})
	same("the reviewed file", func(v variant) string { return answers(v, "changed.json") })
	same("tom diff --since", func(v variant) string {
		_, out := v.run(t, "2027-03-20", "", "diff", "--since", "2026-01-01", "-f", v.path("changed.json"))
		flat := strings.Join(strings.Fields(out), " ") // the text is wrapped
		if !strings.Contains(flat, "Überprüfung durch Jörg Müller") || !strings.Contains(flat, "„Webagentur Müller GmbH“ → „Webagentur Müller KG“") {
			t.Errorf("%s: diff --since lacks the review:\n%s", v.name, out)
		}
		return out
	})
}

// mustMeasure returns the ID of v's measure that the scan check k supports.
// measureLabel returns the German label of measure id in v's catalogue.
func measureLabel(t *testing.T, v variant, id string) string {
	t.Helper()
	c, err := questionnaires.Load(v.catalog)
	if err != nil {
		t.Fatal(err)
	}
	m := c.Measure(id)
	if m == nil {
		t.Fatalf("%s: no measure %s", v.name, id)
	}
	return m.Label.In(model.De)
}

func mustMeasure(t *testing.T, v variant, k string) string {
	t.Helper()
	c, err := questionnaires.Load(v.catalog)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Sections {
		for _, m := range s.Measures {
			if slices.Contains(m.Scan, k) {
				return m.ID
			}
		}
	}
	t.Fatalf("%s: no measure for scan check %s", v.name, k)
	return ""
}

// docxBody returns the document part of a DOCX file.
func docxBody(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			body, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(body)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// firstDiff shows where a and b part: the line, and about 60 bytes of each
// around the first difference.
func firstDiff(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	line := 1 + strings.Count(a[:n], "\n")
	cut := func(s string) string {
		from, to := max(0, n-60), min(len(s), n+60)
		return s[from:to]
	}
	return fmt.Sprintf("line %d:\n  standard: %q\n  renamed:  %q", line, cut(a), cut(b))
}
