package cli

import (
	"strings"
	"testing"
)

// ctrlC runs tom in full-screen mode (input claimed to be a terminal) with
// the given keystrokes and returns the exit code, stdout and stderr.
func ctrlC(t *testing.T, keys string, args ...string) (int, string, string) {
	t.Helper()
	g, out, errb := rvGlobals(map[string]string{"TOM_TODAY": rvToday, "TERM": "xterm"})
	g.In = strings.NewReader(keys)
	g.StdinIsTerminal = func() bool { return true }
	code := Run(g, args)
	return code, out.String(), errb.String()
}

// lastLine is the last non-empty line of s with escape sequences removed.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(stripEscapes(s), "\r\n "), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// stripEscapes removes CSI and OSC sequences.
func stripEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == ']' { // OSC: up to BEL or ST
			for i++; i < len(s) && s[i] != 0x07 && !(s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\'); i++ {
			}
			continue
		}
		for i++; i < len(s) && !(s[i] >= 0x40 && s[i] <= 0x7e && s[i] != '['); i++ {
		}
	}
	return b.String()
}

// TestReviewCtrlCExit: Ctrl+C in the middle of a review saves, prints one
// line in the user's language (no "tom:" prefix, nothing on stderr) saying
// what was saved and how to go on, and exits 1: the review is not finished.
func TestReviewCtrlCExit(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"de", "Weiter mit: tom review"}, {"en", "Continue with: tom review"},
	} {
		path := rvCopy(t, "../testdata/review/story-2025.json")
		code, out, errOut := ctrlC(t, "\r\x03", "review", "--lang", tc.lang, "--catalog", rvCatalogPath, "-f", path)
		last := lastLine(out)
		if code != ExitFailure || errOut != "" || !strings.Contains(last, tc.want) || !strings.Contains(last, path) || strings.HasPrefix(last, "tom:") {
			t.Errorf("%s: exit %d, stderr %q, last line %q", tc.lang, code, errOut, last)
		}
	}
}

// TestInterviewCtrlCExit: Ctrl+C in an incomplete interview saves, prints one
// line saying so and how to go on, and exits 1; on a complete file it exits 0.
func TestInterviewCtrlCExit(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"de", "Weiter mit: tom interview"}, {"en", "Continue with: tom interview"},
	} {
		path := t.TempDir() + "/tom.json"
		code, out, errOut := ctrlC(t, "\x03", "interview", "--lang", tc.lang, "--catalog", "../testdata/small-catalog.json", "-f", path)
		last := lastLine(out)
		if code != ExitFailure || errOut != "" || !strings.Contains(last, tc.want) || !strings.Contains(last, path) {
			t.Errorf("%s: exit %d, stderr %q, last line %q", tc.lang, code, errOut, last)
		}
	}
	// story-2025 is a complete interview: stopping it is no failure.
	path := rvCopy(t, "../testdata/review/story-2025.json")
	code, out, errOut := ctrlC(t, "\x03", "interview", "--catalog", rvCatalogPath, "-f", path)
	if last := lastLine(out); code != ExitOK || errOut != "" || !strings.Contains(last, "tom render") {
		t.Errorf("complete: exit %d, stderr %q, last line %q", code, errOut, last)
	}
}

// TestExitCodesInHelp: the help of interview and review documents the exit
// codes in both languages.
func TestExitCodesInHelp(t *testing.T) {
	for _, cmd := range []string{"interview", "review"} {
		for lang, word := range map[string]string{"de": "Exit-Codes:", "en": "Exit codes:"} {
			code, out, _ := rvRun(cmd, "--help", "--lang", lang)
			if code != ExitOK || !strings.Contains(out, word) || !strings.Contains(out, "  1  ") {
				t.Errorf("%s --help --lang %s: exit %d, no exit codes:\n%s", cmd, lang, code, out)
			}
		}
	}
}
