package cli

// End-to-end tests run the built tom binary. They all live in this package,
// in the files named e2e_*_test.go, and share one binary: tomBinary builds it
// the first time a test asks for it, once per `go test` run, and TestMain
// removes it afterwards. In-process tests of the commands (Run with injected
// I/O) sit beside each command's file.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/scan"
)

// e2eBin is the binary shared by every end-to-end test of this run.
var e2eBin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if e2eBin.dir != "" {
		os.RemoveAll(e2eBin.dir)
	}
	os.Exit(code)
}

// tomBinary returns the path of the tom binary, building it on first use.
// It skips the test in -short mode.
func tomBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	e2eBin.once.Do(func() {
		dir, err := os.MkdirTemp("", "tom-e2e-")
		if err != nil {
			e2eBin.err = err
			return
		}
		e2eBin.dir = dir
		e2eBin.path = filepath.Join(dir, "tom")
		if out, err := exec.Command("go", "build", "-o", e2eBin.path, "..").CombinedOutput(); err != nil {
			e2eBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if e2eBin.err != nil {
		t.Fatal(e2eBin.err)
	}
	return e2eBin.path
}

// runTomBin runs the built binary with input on stdin and the environment
// env (plus PATH and a fresh HOME) and returns the combined output (standard
// output and standard error as they interleave) and the exit code.
func runTomBin(t *testing.T, input string, env []string, args ...string) (string, int) {
	t.Helper()
	var out bytes.Buffer
	code := execTom(t, input, env, &out, &out, args...)
	return out.String(), code
}

// runTomBinSplit is runTomBin with standard output and standard error apart.
func runTomBinSplit(t *testing.T, input string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = execTom(t, input, env, &out, &errb, args...)
	return out.String(), errb.String(), code
}

func execTom(t *testing.T, input string, env []string, stdout, stderr *bytes.Buffer, args ...string) int {
	t.Helper()
	cmd := exec.Command(tomBinary(t), args...)
	cmd.Stdin = strings.NewReader(input)
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatalf("running tom: %v", err)
	return -1
}

// e2eFixture returns the text of testdata/name.
func e2eFixture(t *testing.T, name string) string {
	t.Helper()
	return string(readFile(t, filepath.Join("..", "testdata", name)))
}

// e2eCatalog loads the catalogue at path.
func e2eCatalog(t *testing.T, path string) *model.Catalog {
	t.Helper()
	c, err := model.LoadCatalogFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// declineScan prepends the answer to the scan offer that tom interview makes
// on a new file when it runs on Linux, for tests that are about something
// else.
func declineScan(input string) string {
	if scan.Available() {
		return "n\n" + input
	}
	return input
}

// wantAll reports each of wants that out lacks.
func wantAll(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

// noRawControl reports the first control character in out other than a line
// feed: C0 (ESC, BEL, BS, CR …), DEL, C1 (U+0080–U+009F, CSI U+009B) and
// the bidi controls a terminal would obey.
func noRawControl(t *testing.T, where, out string) {
	t.Helper()
	for i, r := range out {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) {
			t.Errorf("%s holds raw %U at byte %d: %q", where, r, i, out[max(0, i-40):min(len(out), i+40)])
			return
		}
	}
}

// isBidiControl reports the Unicode bidirectional formatting characters.
func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
