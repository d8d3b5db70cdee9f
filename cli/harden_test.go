package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSymlinkedLockNeverWritesThrough: a lock path planted as a symlink to
// a victim file makes init, scan --apply and interview refuse in the user's
// language; the victim keeps its content and the answers file is untouched.
func TestSymlinkedLockNeverWritesThrough(t *testing.T) {
	valid := "{\n  \"schema\": 1,\n  \"catalog\": {\"id\": \"tom-standard\", \"version\": \"1.0.0\"}\n}\n"
	cases := []struct {
		name    string
		answers string // "" : no answers file
		args    []string
	}{
		{"init", "", []string{"init", "--catalog", smallCatalogPath}},
		{"scan-apply", valid, []string{"scan", "--apply", "--root", scanFixture}},
		{"scan-apply-invalid", "{\n}\n", []string{"scan", "--apply", "--root", scanFixture}},
		{"interview", "", []string{"interview", "--catalog", smallCatalogPath}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(dir, "victim")
			os.WriteFile(victim, []byte("precious\n"), 0o644)
			path := filepath.Join(dir, "tom.json")
			if tc.answers != "" {
				os.WriteFile(path, []byte(tc.answers), 0o600)
			}
			if err := os.Symlink(victim, path+".lock"); err != nil {
				t.Fatal(err)
			}
			for _, lang := range []string{"de", "en"} {
				args := append(append([]string{}, tc.args...), "-f", path, "--lang", lang)
				code, _, errs := cliRun(map[string]string{"TERM": "dumb"}, args...)
				want := map[string]string{"de": "symbolischer Link", "en": "symbolic link"}[lang]
				if code != ExitFailure || !strings.Contains(errs, path+".lock: ") || !strings.Contains(errs, want) {
					t.Errorf("%s: exit %d, %q", lang, code, errs)
				}
			}
			if got := string(readFile(t, victim)); got != "precious\n" {
				t.Errorf("victim now holds %q", got)
			}
			if tc.answers == "" {
				if _, err := os.Stat(path); !os.IsNotExist(err) {
					t.Error("answers file created")
				}
			} else if got := string(readFile(t, path)); got != tc.answers {
				t.Errorf("answers file changed: %q", got)
			}
		})
	}
}
