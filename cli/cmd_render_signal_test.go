package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRenderInterruptedBatch: a signal during a batch stops it after the
// answers file being written; that file's documents are complete and the
// same as one by one, the later files are not started, no temporary file
// is left in the folder, and tom says so and exits 1.
func TestRenderInterruptedBatch(t *testing.T) {
	files := clientFiles(t, 4)
	sigs := make(chan os.Signal, 1)
	sigs <- syscall.SIGINT
	var out, errb strings.Builder
	g := &Globals{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv:          func(string) string { return "" },
		Now:             func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) },
		StdinIsTerminal: func() bool { return false },
		Signals:         sigs,
	}
	dir := t.TempDir() + "/"
	code := Run(g, append(append([]string{"render"}, files...), "--format", "all", "--out", dir))
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "abgebrochen: 1 von 4 Antwortdateien verarbeitet") {
		t.Errorf("stderr does not say the run was interrupted:\n%s", errb.String())
	}
	single := t.TempDir() + "/"
	if code, _, e := cliRun(nil, "render", files[0], "--format", "all", "--out", single); code != 0 {
		t.Fatalf("one by one: exit %d\n%s", code, e)
	}
	got, want := dirFiles(t, dir), dirFiles(t, single)
	if len(got) != len(want) || len(want) != 5 {
		names := make([]string, 0, len(got))
		for n := range got {
			names = append(names, n)
		}
		t.Fatalf("interrupted batch left %v, want the first file's %d documents", names, len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s: differs from one-by-one output (or is missing)", name)
		}
	}
}

// TestE2ERenderInterruptedBySignal: the built binary, rendering a long
// batch, gets SIGINT once its first document is written: it ends with exit
// 1 and says how far it got, and the folder holds the complete documents
// of that many answers files and no temporary file.
func TestE2ERenderInterruptedBySignal(t *testing.T) {
	bin := tomBinary(t)
	files := clientFiles(t, 200)
	dir := t.TempDir() + "/"
	cmd := exec.Command(bin, append(append([]string{"render"}, files...), "--format", "all", "--out", dir)...)
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	signalled := false
	for sc.Scan() {
		if !signalled && strings.HasPrefix(sc.Text(), "geschrieben: ") {
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			signalled = true
		}
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want 1; stderr:\n%s", err, errb.String())
	}
	var done, all int
	if _, err := fmt.Sscanf(errb.String(), "tom: abgebrochen: %d von %d", &done, &all); err != nil || all != len(files) || done < 1 || done >= all {
		t.Fatalf("stderr does not say how far the run got (%v):\n%s", err, errb.String())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if len(entries) != 5*done {
		t.Errorf("%d files in the folder, want the %d documents of %d answers files", len(entries), 5*done, done)
	}
}
