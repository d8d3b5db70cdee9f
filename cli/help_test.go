package cli

import (
	"os"
	"path/filepath"
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

// The flags' texts are localized only when shown: in the help, the man
// pages and the shell's completions alike, once each (never twice).
func TestFlagTextsLocalizedWhereShown(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := cliRun(nil, "man", dir); code != 0 {
		t.Fatalf("tom man: %d %s", code, errs)
	}
	page, err := os.ReadFile(filepath.Join(dir, "tom-render.1"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), "(Standard: pdf)"); n != 1 || strings.Contains(string(page), "(default") {
		t.Fatalf("man page names the --format default %d times:\n%s", n, page)
	}
	_, out, _ := cliRun(nil, "__complete", "render", "--")
	if n := strings.Count(out, "(Standard: pdf)"); n != 1 || !strings.Contains(out, "--help\tHilfe zu render anzeigen") {
		t.Fatalf("completion of render's flags:\n%s", out)
	}
	_, out, _ = cliRun(nil, "__complete", "--lang", "")
	if !strings.HasPrefix(out, "de\t") {
		t.Fatalf("completion of --lang:\n%s", out)
	}
	_, out, _ = cliRun(nil, "status", "--badflag")
	if strings.Contains(out, "Standard") {
		t.Fatalf("a usage error prints the flags:\n%s", out)
	}
}
