package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/serve"
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
	for name, table := range map[string]model.Messages{"init": initMsg, "validate": validateMsg, "catalog": catalogMsg, "schema": schemaMsg, "version": versionMsg, "set": setMsg, "serve": serveMsg, "serve package": serve.Msg} {
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

// Usage errors are recognised by their type, wherever cobra or a command
// raises them: exit 2.
func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"no-such-command"},
		{"--no-such-flag"},
		{"status", "-x"},
		{"catalog", "--format"},
		{"catalog", "--format", "pdf"},
		{"diff", "one.json"},
		{"diff", "--since", "gestern"},
		{"completion", "bash", "extra"},
		{"schema", "--lang", "fr"},
	} {
		if code, _, errs := cliRun(nil, args...); code != ExitUsage {
			t.Errorf("%q: exit %d (%s), want %d", args, code, errs, ExitUsage)
		}
	}
}

// An operating-system error whose text says "invalid argument" (EINVAL, here
// from a NUL byte in the file name) is a failure, not a usage error: it
// exits 1 (the text match this replaces made it 2).
func TestOSInvalidArgumentIsNotUsage(t *testing.T) {
	for _, args := range [][]string{{"validate"}, {"init"}, {"scan", "--apply", "--root", t.TempDir()}} {
		args = append(args, "-f", "a\x00b.json", "--catalog", smallCatalogPath)
		code, _, errs := cliRun(nil, args...)
		if code != ExitFailure || !strings.Contains(errs, "invalid argument") {
			t.Errorf("%q: exit %d (%q), want %d and the OS's message", args, code, errs, ExitFailure)
		}
	}
}

// testGlobals returns Globals for calling a command's run function directly,
// without cobra and without a terminal: empty environment, the clock at
// now, output into the returned buffers.
func testGlobals(now time.Time) (*Globals, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &Globals{
		In:              strings.NewReader(""),
		Out:             &out,
		Err:             &errb,
		Getenv:          func(string) string { return "" },
		Now:             func() time.Time { return now },
		StdinIsTerminal: func() bool { return false },
	}, &out, &errb
}
