package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bad --root is named once, in the user's language, without the
// operating system's English text.
func TestScanRootErrorInUsersLanguage(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"scan", "--root", "/does/not/exist"}, "tom: --root /does/not/exist: das Verzeichnis gibt es nicht\n"},
		{[]string{"scan", "--root", file, "--lang", "en"}, "tom: --root " + file + ": not a folder\n"},
	} {
		code, _, errOut := cliRun(nil, tc.args...)
		if code != 1 || errOut != tc.want || strings.Contains(errOut, "stat ") {
			t.Errorf("%v: code %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}
