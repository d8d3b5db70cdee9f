package cli

import (
	"strings"
	"testing"
)

// Flag defaults appear in the user's language: pflag would print
// `(default "pdf")` even in the German help.
func TestHelpFlagDefaultsInLanguage(t *testing.T) {
	code, out, _ := cliRun(nil, "render", "--help")
	if code != 0 || !strings.Contains(out, "(Standard: pdf)") || strings.Contains(out, "(default") {
		t.Fatalf("German help, code %d:\n%s", code, out)
	}
	code, out, _ = cliRun(nil, "render", "--help", "--lang", "en")
	if code != 0 || !strings.Contains(out, `(default "pdf")`) {
		t.Fatalf("English help, code %d:\n%s", code, out)
	}
	// The bare command carries the interview's flags; each default once.
	_, out, _ = cliRun(nil, "--help")
	if n := strings.Count(out, "(Standard: /)"); n != 1 {
		t.Fatalf("root help names the --scan-root default %d times:\n%s", n, out)
	}
}

// The usage line names the options in the user's language: cobra appends
// " [flags]" to every usage line and man page synopsis.
func TestUsageLineInLanguage(t *testing.T) {
	for _, args := range [][]string{{"render", "--help"}, {"--help"}, {"status", "--help"}} {
		code, out, _ := cliRun(nil, args...)
		if code != 0 || !strings.Contains(out, " [Optionen]\n") || strings.Contains(out, "[flags]") {
			t.Fatalf("%v German help, code %d:\n%s", args, code, out)
		}
		code, out, _ = cliRun(nil, append(args, "--lang", "en")...)
		if code != 0 || !strings.Contains(out, " [flags]\n") {
			t.Fatalf("%v English help, code %d:\n%s", args, code, out)
		}
	}
	dir := t.TempDir()
	if code, _, errs := cliRun(nil, "man", dir); code != 0 {
		t.Fatalf("tom man: %d %s", code, errs)
	}
	page := string(readFile(t, dir+"/tom-render.1"))
	if !strings.Contains(page, `[Optionen]\fP`) || strings.Contains(page, "[flags]") {
		t.Fatalf("German man page synopsis:\n%s", page)
	}
}
