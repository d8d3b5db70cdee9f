package wizard

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// lineBuildTom builds the tom binary into a temporary folder, or skips when
// the interview command does not reach the line mode yet.
func lineBuildTom(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	src, err := os.ReadFile("../cmd_interview.go")
	if err != nil || !bytes.Contains(src, []byte("RunLine")) {
		t.Skip("cmd_interview.go does not call wizard.RunLine yet")
	}
	bin := filepath.Join(t.TempDir(), "tom")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// lineRunTom runs the binary with input on stdin and returns the combined
// output and the exit code.
func lineRunTom(t *testing.T, bin, input string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(input)
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "TOM_TODAY=" + lineToday}, env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &ee):
		return out.String(), ee.ExitCode()
	}
	t.Fatalf("running tom: %v", err)
	return "", -1
}

// The built binary in line mode: TERM=dumb, --accessible and ACCESSIBLE=1
// with piped answers give the same file as the unit test, never an escape
// byte, and a non-zero exit code when the input ends early.
func TestLineEndToEnd(t *testing.T) {
	bin := lineBuildTom(t)
	full := lineFixture(t, "small-full.in")
	want, err := os.ReadFile("../testdata/line/small-full.json")
	if err != nil {
		t.Fatal(err)
	}
	c := lineSmallCatalog(t)
	for _, tc := range []struct {
		name string
		env  []string
		args []string
	}{
		{"TERM=dumb", []string{"TERM=dumb"}, nil},
		{"--accessible", []string{"TERM=xterm-256color"}, []string{"--accessible"}},
		{"ACCESSIBLE=1", []string{"TERM=xterm-256color", "ACCESSIBLE=1"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tom.json")
			args := append([]string{"interview", "-f", path, "--catalog", "../testdata/small-catalog.json"}, tc.args...)
			out, code := lineRunTom(t, bin, lineDeclineScan(full), tc.env, args...)
			if code != 0 {
				t.Fatalf("exit code %d\n%s", code, out)
			}
			lineNoEscape(t, out)
			lineWantAll(t, out, "Schritt 1 von 4: Organisation", "tom render -f "+path)
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("saved file differs from testdata/line/small-full.json:\n%s", got)
			}

			// Early end of input: non-zero, saved, resumable.
			path = filepath.Join(t.TempDir(), "tom.json")
			args = append([]string{"interview", "-f", path, "--catalog", "../testdata/small-catalog.json"}, tc.args...)
			out, code = lineRunTom(t, bin, lineDeclineScan("Bäckerei Öztürk\n\n\n\nja\n"), tc.env, args...)
			if code == 0 {
				t.Errorf("exit code 0 after early end of input\n%s", out)
			}
			lineNoEscape(t, out)
			lineWantAll(t, out, "Das Interview ist unvollständig")
			f, _, err := model.Load(path, c)
			if err != nil {
				t.Fatal(err)
			}
			if f.Progress.Step != "infra" || f.Get("org.name").Str() != "Bäckerei Öztürk" {
				t.Errorf("saved progress %+v, org.name %q", f.Progress, f.Get("org.name").Str())
			}
		})
	}

	// English, chosen with --lang.
	path := filepath.Join(t.TempDir(), "tom.json")
	out, code := lineRunTom(t, bin, lineDeclineScan("Smith & Co\n"), []string{"TERM=dumb"}, "interview", "-f", path, "--catalog", "../testdata/small-catalog.json", "--lang", "en")
	if code == 0 {
		t.Error("exit code 0 after early end of input")
	}
	lineWantAll(t, out, "Step 1 of 4: Organisation", "End of input: the interview is incomplete.")
}
