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
