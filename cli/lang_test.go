package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

func TestEnvLangFollowsLocale(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want model.Lang
	}{
		{nil, model.De},
		{map[string]string{"LANG": "C"}, model.De},
		{map[string]string{"LANG": "POSIX"}, model.De},
		{map[string]string{"LANG": "C.UTF-8"}, model.De},
		{map[string]string{"LANG": "de_DE.UTF-8"}, model.De},
		{map[string]string{"LANG": "de_AT@euro"}, model.De},
		{map[string]string{"LANG": "de"}, model.De},
		{map[string]string{"LANG": "en_US.UTF-8"}, model.En},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, model.En},
		{map[string]string{"LANG": "dev"}, model.En}, // not "de"
		// POSIX order: LC_ALL, then LC_MESSAGES, then LANG; empty is unset.
		{map[string]string{"LC_ALL": "de_DE.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"}, model.De},
		{map[string]string{"LC_MESSAGES": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, model.En},
		{map[string]string{"LC_ALL": "", "LANG": "en_US.UTF-8"}, model.En},
		// TOM_LANG comes first; an unusable one is passed over.
		{map[string]string{"TOM_LANG": "de", "LANG": "en_US.UTF-8"}, model.De},
		{map[string]string{"TOM_LANG": "en", "LC_ALL": "de_DE.UTF-8"}, model.En},
		{map[string]string{"TOM_LANG": "xx", "LANG": "en_US.UTF-8"}, model.En},
	} {
		if got := envLang(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.env, got, tc.want)
		}
	}
}

// LANG=en_US.UTF-8 tom init creates an English file; a German or C locale a
// German one; the file's language then wins over the locale.
func TestInitLanguageFromLocale(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		lang string
		want model.Lang
	}{{"en_US.UTF-8", model.En}, {"de_DE.UTF-8", model.De}, {"C.UTF-8", model.De}} {
		path := filepath.Join(dir, tc.lang+".json")
		code, out, errs := cliRun(map[string]string{"LANG": tc.lang}, "init", "-f", path, "--catalog", smallCatalogPath, "--org", "X GmbH")
		if code != 0 {
			t.Fatalf("LANG=%s: exit %d %s", tc.lang, code, errs)
		}
		c, _ := model.LoadCatalogFile(smallCatalogPath)
		f, _, err := model.Load(path, c)
		if err != nil {
			t.Fatal(err)
		}
		if f.Language != tc.want {
			t.Errorf("LANG=%s: file language %s, want %s\n%s", tc.lang, f.Language, tc.want, out)
		}
	}
	// An English file stays English under a German locale.
	_, out, _ := cliRun(map[string]string{"LANG": "de_DE.UTF-8"}, "validate", "-f", filepath.Join(dir, "en_US.UTF-8.json"), "--catalog", smallCatalogPath)
	if strings.Contains(out, "gültig") {
		t.Errorf("English file reported in German: %q", out)
	}
}

func TestUsageErrorsInLanguage(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		de, en []string
	}{
		{[]string{"rendr"}, []string{"unbekannter Befehl „rendr“ für „tom“", "Meinten Sie: render?"}, []string{`unknown command "rendr" for "tom"`, "Did you mean: render?"}},
		{[]string{"xyzzy"}, []string{"unbekannter Befehl „xyzzy“", "„tom --help“ zeigt alle Befehle."}, []string{`unknown command "xyzzy"`, `"tom --help" lists the commands.`}},
		{[]string{"version", "foo"}, []string{"„tom version“ erwartet keine Argumente (bekam „foo“)"}, []string{`"tom version" takes no arguments (got "foo")`}},
		{[]string{"render", "--formt", "md"}, []string{"unbekannte Option --formt"}, []string{"unknown flag: --formt"}},
		{[]string{"render", "--format"}, []string{"Option --format braucht einen Wert"}, []string{"flag needs an argument: --format"}},
		{[]string{"status", "-x"}, []string{"unbekannte Option -x"}, []string{"unknown shorthand flag: 'x' in -x"}},
		{[]string{"status", "--json=vielleicht"}, []string{"ungültiger Wert „vielleicht“ für --json"}, []string{`invalid argument "vielleicht" for "--json" flag`}},
	} {
		for lang, want := range map[string][]string{"de_DE.UTF-8": tc.de, "en_US.UTF-8": tc.en} {
			code, _, errs := cliRun(map[string]string{"LANG": lang}, tc.args...)
			if code != ExitUsage {
				t.Errorf("%s %v: exit %d", lang, tc.args, code)
			}
			for _, w := range want {
				if !strings.Contains(errs, w) {
					t.Errorf("%s %v: %q lacks %q", lang, tc.args, errs, w)
				}
			}
		}
	}
}

func TestHelpTopicUnknown(t *testing.T) {
	_, out, _ := cliRun(nil, "help", "rendr")
	if !strings.Contains(out, "Kein Hilfethema „rendr“") || !strings.Contains(out, "Aufruf:") {
		t.Errorf("German:\n%s", out)
	}
	_, out, _ = cliRun(map[string]string{"LANG": "en_US.UTF-8"}, "help", "rendr")
	if !strings.Contains(out, `Unknown help topic "rendr"`) || !strings.Contains(out, "Usage:") {
		t.Errorf("English:\n%s", out)
	}
	_, out, _ = cliRun(nil, "help", "render")
	if !strings.Contains(out, "Erstellt das TOM-Dokument") {
		t.Errorf("help render:\n%s", out)
	}
}

// An impossible TOM_TODAY is a usage error in the user's language, and the
// answers file is not touched.
func TestBadTodayIsUsageError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	if code, _, errs := cliRun(nil, "init", "-f", path, "--catalog", smallCatalogPath, "--org", "X"); code != 0 {
		t.Fatal(errs)
	}
	before := readFile(t, path)
	for lang, want := range map[string]string{"de": "TOM_TODAY=2026-13-45: kein gültiges Datum", "en": "TOM_TODAY=2026-13-45: not a date"} {
		for _, args := range [][]string{{"status"}, {"render", "--format", "md", "--out", "-"}, {"validate"}} {
			args = append(args, "-f", path, "--catalog", smallCatalogPath)
			code, out, errs := cliRun(map[string]string{"TOM_TODAY": "2026-13-45", "TOM_LANG": lang}, args...)
			if code != ExitUsage || !strings.Contains(errs, want) || out != "" {
				t.Errorf("%s %v: exit %d, out %q, err %q", lang, args, code, out, errs)
			}
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the answers file changed")
	}
	// Both spellings of a real date are taken.
	for _, d := range []string{"2026-11-30", "30.11.2026"} {
		if code, _, errs := cliRun(map[string]string{"TOM_TODAY": d}, "validate", "-f", path, "--catalog", smallCatalogPath); code == ExitUsage {
			t.Errorf("TOM_TODAY=%s refused: %s", d, errs)
		}
	}
}
