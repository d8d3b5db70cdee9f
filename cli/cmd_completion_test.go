package cli

import (
	"slices"
	"strings"
	"testing"
)

// complete asks tom's hidden completion command, as the shell scripts do, and
// returns the suggested words and the directive line.
func complete(t *testing.T, env map[string]string, args ...string) ([]string, string) {
	t.Helper()
	code, out, errs := cliRun(env, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %v: exit %d: %s", args, code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	var words []string
	for _, l := range lines[:len(lines)-1] {
		words = append(words, strings.SplitN(l, "\t", 2)[0])
	}
	return words, lines[len(lines)-1]
}

func TestCompletionFlagValues(t *testing.T) {
	words, dir := complete(t, nil, "render", "--format", "")
	if want := []string{"md", "html", "pdf", "docx", "txt", "json", "all"}; !slices.Equal(words, want) || dir != ":4" {
		t.Errorf("render --format: %v %s, want %v :4 (no files)", words, dir, want)
	}
	words, dir = complete(t, nil, "render", "--profile", "")
	if want := []string{"internal", "annex"}; !slices.Equal(words, want) || dir != ":4" {
		t.Errorf("render --profile: %v %s, want %v :4 (no files)", words, dir, want)
	}
	if _, out, _ := cliRun(map[string]string{"TOM_LANG": "en"}, "__complete", "render", "--profile", ""); !strings.Contains(out, "annex\tannex for clients") {
		t.Errorf("English profile descriptions: %q", out)
	}
	words, _ = complete(t, nil, "catalog", "--format", "")
	if !slices.Equal(words, []string{"text", "json", "md"}) {
		t.Errorf("catalog --format: %v", words)
	}
	words, _ = complete(t, nil, "status", "--lang", "")
	if !slices.Equal(words, []string{"de", "en"}) {
		t.Errorf("--lang: %v", words)
	}
	// The description beside a value is in the user's language.
	_, out, _ := cliRun(map[string]string{"TOM_LANG": "en"}, "__complete", "status", "--lang", "")
	if !strings.Contains(out, "de\tGerman") {
		t.Errorf("English descriptions: %q", out)
	}
	// Answers and catalogue files: *.json (directive 8 = filter by extension).
	for _, flag := range []string{"-f", "--file", "--catalog"} {
		words, dir = complete(t, nil, "render", flag, "")
		if !slices.Equal(words, []string{"json"}) || dir != ":8" {
			t.Errorf("%s: %v %s, want [json] :8", flag, words, dir)
		}
	}
	words, dir = complete(t, nil, "providers", "--directory", "")
	if !slices.Equal(words, []string{"json"}) || dir != ":8" {
		t.Errorf("providers --directory: %v %s, want [json] :8", words, dir)
	}
	words, dir = complete(t, nil, "scan", "--root", "")
	if len(words) != 0 || dir != ":16" {
		t.Errorf("scan --root: %v %s, want folders only (:16)", words, dir)
	}
	// Commands complete with their descriptions in the user's language.
	_, out, _ = cliRun(nil, "__complete", "ren")
	if !strings.Contains(out, "render\tTOM-Dokument erstellen") {
		t.Errorf("command completion: %q", out)
	}
}

// Every value offered for --format is one the command accepts, and an unknown
// one is a usage error: the completion lists cannot drift from the commands.
func TestCompletionFormatsAccepted(t *testing.T) {
	missing := "/nonexistent/tom.json"
	for _, cmd := range []string{"render", "catalog", "diff"} {
		vals := formatValues(cmd)
		if len(vals) == 0 {
			t.Fatalf("%s: no format values", cmd)
		}
		for _, v := range append(vals, "bogus") {
			args := []string{cmd, "--format", v, "--catalog", smallCatalogPath}
			switch cmd {
			case "render":
				args = append(args, "--out", t.TempDir()+"/", missing)
			case "diff":
				args = append(args, missing, missing)
			}
			code, _, errs := cliRun(nil, args...)
			if v == "bogus" {
				if code != ExitUsage {
					t.Errorf("%s --format bogus: exit %d %s", cmd, code, errs)
				}
				continue
			}
			if code == ExitUsage && strings.Contains(errs, v) {
				t.Errorf("%s --format %s refused: %s", cmd, v, errs)
			}
		}
	}
}

func TestCompletionScriptsAndTexts(t *testing.T) {
	for sh, want := range map[string]string{"bash": "__start_tom", "zsh": "#compdef tom", "fish": "complete -c tom"} {
		code, out, errs := cliRun(nil, "completion", sh)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, %s, output lacks %q", sh, code, errs, want)
		}
	}
	for _, tc := range []struct{ lang, want, notWant string }{
		{"de", "Befehlsergänzung in der bash", "Generate the autocompletion"},
		{"en", "completion script for bash", "Befehlsergänzung"},
	} {
		_, out, _ := cliRun(nil, "completion", "bash", "--help", "--lang", tc.lang)
		if !strings.Contains(out, tc.want) || strings.Contains(out, tc.notWant) {
			t.Errorf("%s help:\n%s", tc.lang, out)
		}
	}
	_, out, _ := cliRun(nil, "help", "help")
	if !strings.Contains(out, "Zeigt die Hilfe zu einem Befehl") {
		t.Errorf("help help:\n%s", out)
	}
}
