package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// smallCatalogPath is the test catalogue every CLI test passes with --catalog.
var smallCatalogPath = filepath.Join("..", "testdata", "small-catalog.json")

// cliRun runs tom with args and env (nil: empty environment) and returns the
// exit code, standard output and standard error.
func cliRun(env map[string]string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	g := &Globals{
		In:              strings.NewReader(""),
		Out:             &out,
		Err:             &errb,
		Getenv:          func(k string) string { return env[k] },
		Now:             func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) },
		StdinIsTerminal: func() bool { return false },
	}
	code := Run(g, args)
	return code, out.String(), errb.String()
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

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

func TestValidateExitCodes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	good := filepath.Join("..", "testdata", "good", "small-sample.json")
	data := readFile(t, good)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cliRun(nil, "validate", "-f", path, "--catalog", smallCatalogPath)
	if code != 0 || out != path+" ist gültig (Katalog tom-small 1.0.0).\n" || errs != "" {
		t.Errorf("valid: %d %q %q", code, out, errs)
	}
	// English from the file? The sample file is German; --lang wins.
	if _, out, _ := cliRun(nil, "validate", "-f", path, "--catalog", smallCatalogPath, "--lang", "en"); !strings.Contains(out, "is valid") {
		t.Errorf("--lang en: %q", out)
	}
	for _, args := range [][]string{
		{"validate", "-f", path, "surplus"},
		{"validate", "--nope"},
		{"validate", "-f"},
		{"validate", "-f", path, "--lang", "xx"},
	} {
		if code, _, _ := cliRun(nil, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	code, _, errs = cliRun(nil, "validate", "-f", filepath.Join(dir, "none.json"), "--catalog", smallCatalogPath)
	if code != 1 || !strings.Contains(errs, "none.json: Datei nicht gefunden") {
		t.Errorf("missing: %d %q", code, errs)
	}
	code, _, errs = cliRun(nil, "validate", "-f", path, "--catalog", filepath.Join(dir, "no-catalog.json"))
	if code != 1 || !strings.Contains(errs, "no-catalog.json") {
		t.Errorf("missing catalogue: %d %q", code, errs)
	}
	if !bytes.Equal(data, readFile(t, path)) {
		t.Error("validate changed the file")
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Error("validate left a lock file")
	}
}

// TestValidateBadFiles runs every testdata/bad file through the command: exit
// 1, the golden German lines on stderr with the path as given, file untouched.
func TestValidateBadFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "bad", "*.json"))
	if len(files) < 24 {
		t.Fatalf("%d bad files", len(files))
	}
	for _, path := range files {
		before := readFile(t, path)
		st1, _ := os.Stat(path)
		code, out, errs := cliRun(nil, "validate", "-f", path, "--catalog", smallCatalogPath)
		if code != 1 || out != "" {
			t.Errorf("%s: exit %d, out %q", path, code, out)
		}
		golden := string(readFile(t, strings.TrimSuffix(path, ".json")+".err"))
		de := golden[:strings.Index(golden, "--- en ---\n")]
		want := strings.ReplaceAll("\n"+de, "\n"+filepath.Base(path)+":", "\n"+path+":")[1:]
		if errs != want {
			t.Errorf("%s: stderr\n%s\nwant\n%s", path, errs, want)
		}
		st2, _ := os.Stat(path)
		if !bytes.Equal(before, readFile(t, path)) || st1.Mode() != st2.Mode() || !st1.ModTime().Equal(st2.ModTime()) {
			t.Errorf("%s changed", path)
		}
	}
	// English on request.
	bad := filepath.Join("..", "testdata", "bad", "invalid-dates.json")
	_, _, errs := cliRun(map[string]string{"TOM_LANG": "en"}, "validate", "-f", bad, "--catalog", smallCatalogPath)
	if !strings.Contains(errs, bad+":5:17: /answers/org.date: not a date (DD.MM.YYYY or YYYY-MM-DD)") {
		t.Errorf("English errors:\n%s", errs)
	}
}

func TestValidateReportsMigration(t *testing.T) {
	dir := t.TempDir()
	cat := strings.Replace(string(readFile(t, smallCatalogPath)), `"version": "1.0.0"`, `"version": "1.1.0"`, 1)
	catPath := filepath.Join(dir, "v11.json")
	os.WriteFile(catPath, []byte(cat), 0o644)
	path := filepath.Join(dir, "tom.json")
	data := readFile(t, filepath.Join("..", "testdata", "good", "small-sample.json"))
	os.WriteFile(path, data, 0o600)
	code, out, errs := cliRun(nil, "validate", "-f", path, "--catalog", catPath)
	if code != 0 || !strings.Contains(out, "gültig (Katalog tom-small 1.1.0)") ||
		!strings.Contains(out, "Hinweis: mit Katalog-Version 1.0.0 beantwortet; beim nächsten Speichern wird die Datei auf Version 1.1.0 umgestellt.") {
		t.Errorf("%d %q %q", code, out, errs)
	}
	if !bytes.Equal(data, readFile(t, path)) {
		t.Error("validate wrote the migration")
	}
}

func TestCatalogFormats(t *testing.T) {
	for _, tc := range []struct {
		lang, format string
		want         []string
	}{
		{"de", "text", []string{"Kleiner Testkatalog", "3. Zugangskontrolle — Vertraulichkeit, Art. 32 Abs. 1 lit. b DSGVO",
			"[O] Schriftliche Passwortrichtlinie", "infra.server_kind · Auswahl · nur wenn infra.server = ja",
			"- rented_root: Gemieteter Root-Server", "Felder je Eintrag (Dienstleister):",
			"4 Abschnitte, 8 Fragen, 4 Maßnahmen (3 technisch, 1 organisatorisch)"}},
		{"en", "text", []string{"Small test catalogue", "[T] SSH login to the server by key only", "only if infra.devices includes",
			"4 sections, 8 questions, 4 measures (3 technical, 1 organisational)"}},
		{"de", "md", []string{"# Kleiner Testkatalog", "## 3. Zugangskontrolle", "### 2.2 Welche Art von Server?",
			"- **O** Schriftliche Passwortrichtlinie (`access_system.policy`)", "4 Abschnitte, 8 Fragen, 4 Maßnahmen"}},
		{"en", "md", []string{"# Small test catalogue", "**Goal: No unauthorised use of systems.**", "4 sections, 8 questions"}},
	} {
		code, out, errs := cliRun(nil, "catalog", "--catalog", smallCatalogPath, "--format", tc.format, "--lang", tc.lang)
		if code != 0 {
			t.Fatalf("%s %s: %d %s", tc.lang, tc.format, code, errs)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %s lacks %q", tc.lang, tc.format, w)
			}
		}
		other := "Zugangskontrolle"
		if tc.lang == "de" {
			other = "System access control"
		}
		if strings.Contains(out, other) {
			t.Errorf("%s %s mixes in the other language (%q)", tc.lang, tc.format, other)
		}
	}
	// Default format is text; lines fit 80 columns.
	_, out, _ := cliRun(nil, "catalog", "--catalog", smallCatalogPath)
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("line longer than 80: %q", l)
		}
	}
	if code, _, _ := cliRun(nil, "catalog", "--format", "pdf"); code != 2 {
		t.Error("unknown format is not a usage error")
	}
}

func TestCatalogJSON(t *testing.T) {
	code, out, _ := cliRun(nil, "catalog", "--format", "json")
	if code != 0 || out != string(questionnaires.StandardJSON()) {
		t.Error("shipped catalogue JSON is not the embedded source")
	}
	code, out, errs := cliRun(nil, "catalog", "--format", "json", "--catalog", smallCatalogPath)
	if code != 0 {
		t.Fatal(errs)
	}
	c, err := model.ParseCatalog("out.json", []byte(out))
	if err != nil {
		t.Fatalf("re-encoded catalogue does not load: %v", err)
	}
	orig, _ := model.LoadCatalogFile(smallCatalogPath)
	if c.ID != orig.ID || len(c.Sections) != len(orig.Sections) || c.Question("infra.server_kind").When == nil {
		t.Error("re-encoded catalogue lost content")
	}
	if strings.Contains(out, `\u0026`) || !strings.Contains(out, "Hoster, Buchhaltung, IT-Betreuung …") {
		t.Error("re-encoded catalogue escapes text")
	}
	bad := filepath.Join(t.TempDir(), "bad-cat.json")
	os.WriteFile(bad, []byte(`{"id": "x", "version": "1.0.0", "title": {"de": "X"}, "sections": []}`), 0o644)
	code, _, errs = cliRun(nil, "catalog", "--catalog", bad)
	if code != 1 || !strings.Contains(errs, "title: English text missing") || !strings.Contains(errs, "no sections") {
		t.Errorf("broken catalogue: %d %q", code, errs)
	}
}

func TestSchemaCommand(t *testing.T) {
	code, out, _ := cliRun(nil, "schema")
	if code != 0 {
		t.Fatal(code)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" || s["type"] != "object" {
		t.Errorf("schema header %v %v", s["$schema"], s["type"])
	}
}

func TestVersionCommand(t *testing.T) {
	code, out, _ := cliRun(nil, "version")
	for _, want := range []string{"tom dev\n", "Go: go1.", "Katalog: tom-standard ", "Schema der Antwortdatei: 1"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("version lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = cliRun(nil, "version", "--lang", "en", "--catalog", smallCatalogPath)
	if !strings.Contains(out, "catalogue: tom-small 1.0.0") {
		t.Errorf("English version:\n%s", out)
	}
	_, out, _ = cliRun(nil, "version", "--catalog", "/nonexistent/cat.json")
	if !strings.Contains(out, "Katalog: fehlerhaft") {
		t.Errorf("broken catalogue not reported:\n%s", out)
	}
}

func TestHelpLanguage(t *testing.T) {
	code, de, _ := cliRun(nil, "--help")
	if code != 0 || !strings.Contains(de, "Aufruf:") || !strings.Contains(de, "Neue Antwortdatei anlegen") || strings.Contains(de, "Usage:") {
		t.Errorf("default help is not German:\n%s", de)
	}
	_, en, _ := cliRun(nil, "--lang", "en", "--help")
	if !strings.Contains(en, "Usage:") || !strings.Contains(en, "Create a new answers file") || strings.Contains(en, "Aufruf:") {
		t.Errorf("--lang en help is not English:\n%s", en)
	}
	_, en, _ = cliRun(map[string]string{"TOM_LANG": "en_GB.UTF-8"}, "catalog", "--help")
	if !strings.Contains(en, "output format: text, json or md") {
		t.Errorf("TOM_LANG help:\n%s", en)
	}
}

// TestCommandMessagesComplete checks every message table of the commands
// built here: both languages, the same number of arguments.
func TestCommandMessagesComplete(t *testing.T) {
	for name, table := range map[string]model.Messages{"init": initMsg, "validate": validateMsg, "catalog": catalogMsg, "schema": schemaMsg, "version": versionMsg} {
		for k, v := range table {
			if v.De == "" || v.En == "" {
				t.Errorf("%s %s: a language is missing", name, k)
			}
			if strings.Count(v.De, "%") != strings.Count(v.En, "%") {
				t.Errorf("%s %s: different arguments", name, k)
			}
		}
	}
	for _, k := range []string{"yesno", "choice", "multichoice", "text", "textarea", "date", "email", "url", "phone", "records"} {
		if _, ok := catalogMsg["kind_"+k]; !ok {
			t.Errorf("no name for kind %s", k)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{"tom.json": "tom.json", "Mein Kunde.json": "'Mein Kunde.json'", "it's.json": `'it'\''s.json'`, "": "''"} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q", in, got)
		}
	}
}

func TestBadLangSaidInUsersLanguage(t *testing.T) {
	code, _, errs := cliRun(nil, "schema", "--lang", "fr")
	if code != 2 || errs != "tom: --lang: Sprache \"fr\" ungültig (de oder en)\n" {
		t.Errorf("German: %d %q", code, errs)
	}
	code, _, errs = cliRun(map[string]string{"TOM_LANG": "en"}, "schema", "--lang", "fr")
	if code != 2 || errs != "tom: --lang: language \"fr\" is not valid (de or en)\n" {
		t.Errorf("English: %d %q", code, errs)
	}
}
