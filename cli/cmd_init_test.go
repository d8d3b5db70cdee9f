package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

func TestInitCreatesPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kunde.json")
	code, out, errs := cliRun(nil, "init", "-f", path, "--catalog", smallCatalogPath, "--org", "Müller & Söhne <GmbH>")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{path + " angelegt (Katalog tom-small 1.0.0, Sprache de).", "Unternehmen: Müller & Söhne <GmbH>",
		"Weiter mit: tom interview -f " + path + " --catalog " + smallCatalogPath} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	c, _ := model.LoadCatalogFile(smallCatalogPath)
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if f.Get("org.name").Str() != "Müller & Söhne <GmbH>" || f.Language != model.De || f.Catalog.ID != "tom-small" {
		t.Errorf("file %+v", f)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Error("lock file left behind")
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	if code, _, errs := cliRun(nil, "init", "-f", path, "--catalog", smallCatalogPath, "--org", "Alt GmbH"); code != 0 {
		t.Fatal(errs)
	}
	before := readFile(t, path)
	code, out, errs := cliRun(nil, "init", "-f", path, "--catalog", smallCatalogPath)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, out %q", code, out)
	}
	if !strings.Contains(errs, path) || !strings.Contains(errs, "--force") {
		t.Errorf("message must name the file and --force: %q", errs)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("file changed without --force")
	}
	code, _, errs = cliRun(map[string]string{"TOM_LANG": "en"}, "init", "-f", path, "--catalog", smallCatalogPath)
	if code != 1 || !strings.Contains(errs, "already exists; pass --force") {
		t.Errorf("English refusal: %d %q", code, errs)
	}
	code, out, errs = cliRun(nil, "init", "-f", path, "--catalog", smallCatalogPath, "--force", "--org", "Neu GmbH", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Created "+path) {
		t.Fatalf("--force: %d %q %q", code, out, errs)
	}
	after := string(readFile(t, path))
	if !strings.Contains(after, `"org.name": "Neu GmbH"`) || !strings.Contains(after, `"language": "en"`) {
		t.Errorf("--force did not write the new file:\n%s", after)
	}
}

func TestInitUsesTOMFileAndLang(t *testing.T) {
	path := filepath.Join(t.TempDir(), "env.json")
	code, out, _ := cliRun(map[string]string{"TOM_FILE": path, "TOM_LANG": "en"}, "init", "--catalog", smallCatalogPath)
	if code != 0 || !strings.Contains(out, "Next step: tom interview") {
		t.Fatalf("%d %q", code, out)
	}
	if !strings.Contains(string(readFile(t, path)), `"language": "en"`) {
		t.Error("TOM_LANG not used for the file's language")
	}
}

func TestInitUsageAndLockErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	for _, args := range [][]string{
		{"init", "-f", path, "extra"},
		{"init", "-f", path, "--lang", "fr"},
		{"init", "-f", path, "--colour"},
		{"init", "-f", path, "--catalog", smallCatalogPath, "--org", "zwei\nZeilen"},
	} {
		if code, _, errs := cliRun(nil, args...); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errs)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a usage error created the file")
	}
	lock, err := model.AcquireLock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	code, _, errs := cliRun(nil, "init", "-f", path, "--catalog", smallCatalogPath)
	if code != 1 || !strings.Contains(errs, "wird gerade von einem anderen tom bearbeitet") {
		t.Errorf("locked: %d %q", code, errs)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("init wrote a locked file")
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{"tom.json": "tom.json", "Mein Kunde.json": "'Mein Kunde.json'", "it's.json": `'it'\''s.json'`, "": "''"} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q", in, got)
		}
	}
}

// Without a terminal, the hint to line mode repeats the file and catalogue
// given.
func TestNoTTYHintRepeatsFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.json")
	code, _, errs := cliRun(nil, "interview", "-f", path, "--catalog", smallCatalogPath)
	if code != ExitFailure || !strings.Contains(errs, "tom interview -f "+path+" --catalog "+smallCatalogPath+" --accessible") {
		t.Errorf("%d %q", code, errs)
	}
}

// TestInitFromTemplate: tom init --from takes the other file's answers as
// defaults but not its organisation, people, contact data, dates, scan
// results, progress or history.
func TestInitFromTemplate(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "alt.json")
	os.WriteFile(src, []byte(e2eFixture(t, "sample/tom.json")), 0o600)
	srcBefore := readFile(t, src)
	path := filepath.Join(dir, "neu.json")
	code, out, errs := cliRun(nil, "init", "-f", path, "--from", src, "--org", "Neu GmbH")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	wantAll(t, out, "Vorgaben aus "+src+" übernommen", "Unternehmen: Neu GmbH")
	if !bytes.Equal(srcBefore, readFile(t, src)) {
		t.Error("the other file changed")
	}
	c, _ := questionnaires.Standard()
	old, _, _ := model.Load(src, c)
	// The source holds what must stay behind (else the checks below are void).
	if q := c.QuestionByRole(model.RoleOrganisationContacts); q == nil || !old.Get(q.ID).IsSet() {
		t.Fatal("the sample has no organisation_contacts answer")
	}
	names := 0
	for id, v := range old.Answers {
		for _, fd := range c.Question(id).Fields {
			for _, r := range v.Records() {
				if fd.Role == model.RolePersonName && r[fd.ID].IsSet() {
					names++
				}
			}
		}
	}
	if names == 0 {
		t.Fatal("the sample has no person_name value")
	}
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if f.Get("org.name").Str() != "Neu GmbH" {
		t.Errorf("org.name = %q", f.Get("org.name").Str())
	}
	orgSec := c.SectionOf(c.QuestionByRole(model.RoleOrganisationName).ID)
	for id, v := range f.Answers {
		q := c.Question(id)
		if c.SectionOf(id) == orgSec && id != c.QuestionByRole(model.RoleOrganisationName).ID {
			t.Errorf("organisation answer %s taken over", id)
		}
		switch q.Kind {
		case model.KindEmail, model.KindPhone, model.KindURL, model.KindDate:
			t.Errorf("%s (%s) taken over", id, q.Kind)
		}
		if q.Role == model.RolePeopleRegister || q.Role == model.RoleOrganisationContacts {
			t.Errorf("%s %s taken over", q.Role, id)
		}
		for _, r := range v.Records() {
			for _, fd := range q.Fields {
				if fd.Kind == model.KindDate && r[fd.ID].IsSet() {
					t.Errorf("%s/%s.%s: date taken over", id, r.ID(), fd.ID)
				}
				if fd.Role == model.RolePersonName && r[fd.ID].IsSet() {
					t.Errorf("%s/%s.%s: person's name taken over", id, r.ID(), fd.ID)
				}
			}
		}
	}
	for id, a := range f.Measures {
		if a.Due != "" || a.AcceptedBy != "" {
			t.Errorf("measure %s keeps %+v", id, a)
		}
		if a.Status != old.Measures[id].Status {
			t.Errorf("measure %s: status %q, was %q", id, a.Status, old.Measures[id].Status)
		}
	}
	if len(f.History) != 0 || len(f.Detected) != 0 || f.Progress.Completed != "" || len(f.Progress.Done) != 0 || f.Stand() != "" {
		t.Errorf("history %v detected %v progress %+v", f.History, f.Detected, f.Progress)
	}
	// What the next client shares is kept: providers (without dates), measures.
	if len(f.Get("providers").Records()) != len(old.Get("providers").Records()) || len(f.Measures) != len(old.Measures) || len(f.Answers) < 20 {
		t.Errorf("too little kept: %d answers, %d measures", len(f.Answers), len(f.Measures))
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	// A broken source is refused and nothing is created.
	bad := filepath.Join(dir, "kaputt.json")
	os.WriteFile(bad, []byte(`{"schema": 1,`), 0o600)
	other := filepath.Join(dir, "x.json")
	if code, _, errs := cliRun(nil, "init", "-f", other, "--from", bad); code != 1 || !strings.Contains(errs, "kaputt.json") {
		t.Errorf("broken source: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(other); !os.IsNotExist(err) {
		t.Error("file created from a broken source")
	}
}
