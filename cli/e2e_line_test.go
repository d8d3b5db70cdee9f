package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
)

// lineToday is the date the line-mode goldens in testdata/line were made on.
const lineToday = "2026-03-15"

// The built binary in line mode: TERM=dumb, --accessible and ACCESSIBLE=1
// with piped answers give the same file as the unit test, never an escape
// byte, and a non-zero exit code when the input ends early.
func TestLineEndToEnd(t *testing.T) {
	full := e2eFixture(t, "line/small-full.in")
	want, err := os.ReadFile("../testdata/line/small-full.json")
	if err != nil {
		t.Fatal(err)
	}
	c := e2eCatalog(t, smallCatalogPath)
	for _, tc := range []struct {
		name string
		env  []string
		args []string
	}{
		{"TERM=dumb", []string{"TERM=dumb", "TOM_TODAY=" + lineToday}, nil},
		{"--accessible", []string{"TERM=xterm-256color"}, []string{"--accessible"}},
		{"ACCESSIBLE=1", []string{"TERM=xterm-256color", "ACCESSIBLE=1"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tom.json")
			args := append([]string{"interview", "-f", path, "--catalog", smallCatalogPath}, tc.args...)
			out, code := runTomBin(t, declineScan(full), append(tc.env, "TOM_TODAY="+lineToday), args...)
			if code != 0 {
				t.Fatalf("exit code %d\n%s", code, out)
			}
			noRawControl(t, "output", out)
			wantAll(t, out, "Schritt 1 von 4: Organisation", "Nächster Schritt: tom render -f "+shellQuote(path)+" --catalog "+smallCatalogPath+"\n")
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("saved file differs from testdata/line/small-full.json:\n%s", got)
			}

			// Early end of input: non-zero, saved, resumable.
			path = filepath.Join(t.TempDir(), "tom.json")
			args = append([]string{"interview", "-f", path, "--catalog", smallCatalogPath}, tc.args...)
			out, code = runTomBin(t, declineScan("Bäckerei Öztürk\n\n\n\nja\n"), append(tc.env, "TOM_TODAY="+lineToday), args...)
			if code == 0 {
				t.Errorf("exit code 0 after early end of input\n%s", out)
			}
			noRawControl(t, "output", out)
			wantAll(t, out, "Das Interview ist unvollständig")
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
	out, code := runTomBin(t, declineScan("Smith & Co\n"), []string{"TERM=dumb", "TOM_TODAY=" + lineToday}, "interview", "-f", path, "--catalog", smallCatalogPath, "--lang", "en")
	if code == 0 {
		t.Error("exit code 0 after early end of input")
	}
	wantAll(t, out, "Step 1 of 4: Organisation", "End of input: the interview is incomplete.")
}

// Line mode on a signal (SIGINT, SIGTERM, SIGHUP) does what the full screen
// does: it saves — a multi-line answer being typed too —, says so, removes
// the lock and leaves no temp file, and exits 1 (issue 13.11).
func TestLineSignalEndToEnd(t *testing.T) {
	c := e2eCatalog(t, smallCatalogPath)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		dir := t.TempDir()
		path := filepath.Join(dir, "tom.json")
		cmd := exec.Command(tomBinary(t), "interview", "--accessible", "-f", path, "--catalog", smallCatalogPath)
		cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "TERM=dumb", "TOM_TODAY=" + lineToday}
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		out := &lockedBuffer{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		io.WriteString(stdin, declineScan("Firma\nHauptstr. 1\n50667 Köln\n"))
		deadline := time.Now().Add(waitLimit)
		for !strings.Contains(out.String(), "50667 Köln") && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		werr := make(chan error, 1)
		go func() { werr <- cmd.Wait() }()
		select {
		case err = <-werr:
		case <-time.After(waitLimit):
			cmd.Process.Kill()
			t.Fatalf("%v: tom did not end\n%s", sig, out.String())
		}
		stdin.Close()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Errorf("%v: exit %v, want 1\n%s", sig, err, out.String())
		}
		wantAll(t, out.String(), "Abgebrochen durch ein Signal; gespeichert in "+path)
		noRawControl(t, "output", out.String())
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "tom.json" {
				t.Errorf("%v: left behind %s", sig, e.Name())
			}
		}
		f, _, err := model.Load(path, c)
		if err != nil {
			t.Fatal(err)
		}
		if f.Get("org.name").Str() != "Firma" || f.Get("org.address").Str() != "Hauptstr. 1\n50667 Köln" {
			t.Errorf("%v: saved answers %v", sig, f.Answers)
		}
	}
}

// lockedBuffer is a bytes.Buffer that a process may write while a test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
