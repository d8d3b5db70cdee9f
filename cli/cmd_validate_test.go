package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

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

// Several files: each valid one is confirmed, each invalid one reported
// with its positions, and the exit code says that one failed.
func TestValidateMany(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join("..", "testdata", "good", "small-sample.json")
	bad := filepath.Join("..", "testdata", "bad", "answer-wrong-kind.json")
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, readFile(t, good), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	want := strings.TrimSpace(string(readFile(t, strings.TrimSuffix(bad, ".json")+".err")))
	code, out, errs := cliRun(nil, "validate", "--catalog", smallCatalogPath, a, bad, b, filepath.Join(dir, "none.json"))
	if code != ExitFailure {
		t.Errorf("exit %d, want 1", code)
	}
	if out != a+" ist gültig (Katalog tom-small 1.0.0).\n"+b+" ist gültig (Katalog tom-small 1.0.0).\n" {
		t.Errorf("stdout %q", out)
	}
	for _, w := range []string{strings.SplitN(want, "\n", 2)[0], "none.json: Datei nicht gefunden (neu anlegen mit: tom init -f " + filepath.Join(dir, "none.json") + " --catalog " + smallCatalogPath + ")", "2 von 4 Antwortdateien sind ungültig"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if code, _, _ := cliRun(nil, "validate", "--catalog", smallCatalogPath, a, b); code != ExitOK {
		t.Errorf("two valid files: exit %d", code)
	}
}

// runValidate called directly with its options.
func TestRunValidate(t *testing.T) {
	g, out, _ := testGlobals(time.Now())
	g.File, g.CatalogPath = rvFixture("story-2026.json"), rvCatalogPath
	if err := runValidate(&validateOptions{Globals: g}); err != nil || !strings.Contains(out.String(), "ist gültig") {
		t.Errorf("%v\n%s", err, out)
	}
	g.File = rvFixture("status-invalid.json")
	if err := runValidate(&validateOptions{Globals: g}); exitCode(err) != ExitFailure {
		t.Errorf("invalid file: %v", err)
	}
}

// The plausibility rules' findings are warnings: the reference business is
// valid (exit 0) with its contradictions listed; --strict makes them an
// error (exit 1) and says why; a file without findings passes --strict.
func TestValidateFindings(t *testing.T) {
	env := map[string]string{"TOM_TODAY": "2026-12-06", "TERM": "dumb"}
	sample := filepath.Join("..", "testdata", "sample", "tom.json")
	g, out, errb := rvGlobals(env)
	if code := Run(g, []string{"validate", "-f", sample}); code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errb)
	}
	flat := strings.Join(strings.Fields(out.String()), " ")
	for _, w := range []string{"ist gültig", "5 Widersprüche und 10 Hinweise der Plausibilitätsprüfung:",
		"Widerspruch: „Keine direkte Root-Anmeldung per SSH“", "Arbeitsplatz-PC Grafik: Windows 10 (Sicherheitsupdates endeten am 14.10.2025)"} {
		if !strings.Contains(flat, w) {
			t.Errorf("lacks %q:\n%s", w, out)
		}
	}
	g, out, errb = rvGlobals(env)
	if code := Run(g, []string{"validate", "--strict", "--lang", "en", "-f", sample}); code != ExitFailure {
		t.Fatalf("--strict: exit %d", code)
	}
	if !strings.Contains(errb.String(), "tom.json: 15 findings (--strict)") || !strings.Contains(out.String(), "Contradiction: ") {
		t.Errorf("--strict:\n%s%s", out, errb)
	}
	// A fresh file has no findings: --strict passes.
	dir := t.TempDir()
	fresh := filepath.Join(dir, "tom.json")
	g, _, errb = rvGlobals(env)
	if code := Run(g, []string{"init", "-f", fresh, "--org", "Muster GmbH"}); code != ExitOK {
		t.Fatalf("init: %d %s", code, errb)
	}
	g, out, errb = rvGlobals(env)
	if code := Run(g, []string{"validate", "--strict", "-f", fresh}); code != ExitOK || strings.Contains(out.String(), "Plausibilität") {
		t.Fatalf("fresh --strict: exit %d\n%s%s", code, out, errb)
	}
}

// tom validate --catalog with an inconsistent catalogue: German by default,
// English with --lang en, each problem at its line and column, exit 1.
func TestValidateBadCatalogLanguage(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("{\"id\": \"x\", \"version\": \"\",\n \"title\": {\"de\": \"X\"}, \"sections\": []}"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := cliRun(nil, "validate", "--catalog", bad)
	for _, want := range []string{
		bad + `:1:24: /version: Version "" ist keine semantische Version (MAJOR.MINOR.PATCH)`,
		bad + ":2:11: /title: englischer Text fehlt",
		bad + ":2:36: /sections: der Katalog hat keine Abschnitte",
	} {
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("exit %d, stderr:\n%s\nlacks\n%s", code, errs, want)
		}
	}
	code, _, errs = cliRun(nil, "validate", "--lang", "en", "--catalog", bad)
	if code != 1 || !strings.Contains(errs, bad+`:1:24: /version: version "" is not a semantic version`) || !strings.Contains(errs, "/title: English text missing") {
		t.Errorf("English: exit %d, stderr:\n%s", code, errs)
	}
}

// A catalogue with a bad plausibility rule: the rule's problem in German by
// default and in English with --lang en, at its line and column, exit 1.
func TestValidateBadRuleLanguage(t *testing.T) {
	data, err := os.ReadFile(smallCatalogPath)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSuffix(strings.TrimSpace(string(data)), "}") +
		",\n\"rules\": [{\"id\": \"r\", \"severity\": \"fatal\", \"if\": {\"measure\": \"nope\"}, \"finding\": {\"de\": \"x\", \"en\": \"x\"}}]\n}\n"
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	line := strings.Count(s, "\n") - 1 // the rules line
	code, _, errs := cliRun(nil, "validate", "--catalog", bad)
	for _, want := range []string{
		fmt.Sprintf("%s:%d:", bad, line),
		`/rules/0/severity: Schwere "fatal" ungültig (contradiction oder warning)`,
		`/rules/0/if/measure: die Bedingung nennt die unbekannte Maßnahme "nope"`,
	} {
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("exit %d, stderr:\n%s\nlacks\n%s", code, errs, want)
		}
	}
	code, _, errs = cliRun(nil, "validate", "--lang", "en", "--catalog", bad)
	if code != 1 || !strings.Contains(errs, `/rules/0/severity: severity "fatal" is not valid`) || !strings.Contains(errs, fmt.Sprintf("%s:%d:", bad, line)) {
		t.Errorf("English: exit %d, stderr:\n%s", code, errs)
	}
}
