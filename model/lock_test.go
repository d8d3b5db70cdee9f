package model

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestLockRefusesSecondHolderInSameProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	l1, err := AcquireLock(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(path)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second AcquireLock: %v, want *LockedError", err)
	}
	if le.PID != os.Getpid() || le.File != path {
		t.Errorf("LockedError names pid %d file %q, want %d %q", le.PID, le.File, os.Getpid(), path)
	}
	host, _ := os.Hostname()
	if le.Host != host || le.Since == "?" {
		t.Errorf("LockedError host %q since %q", le.Host, le.Since)
	}
	for _, l := range []Lang{De, En} {
		msg := le.Format(l)
		if !strings.Contains(msg, path) || !strings.Contains(msg, strconv.Itoa(os.Getpid())) {
			t.Errorf("%s message %q does not name file and pid", l, msg)
		}
	}
	if err := l1.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock file left after Release: %v", err)
	}
	l2, err := AcquireLock(path)
	if err != nil {
		t.Fatalf("re-acquire after release: %v", err)
	}
	if err := l2.Release(); err != nil {
		t.Fatal(err)
	}
	if err := l2.Release(); err != nil { // twice is harmless
		t.Fatal(err)
	}
}

// TestLockHeldByOtherProcess starts a child that holds the lock; the parent
// is refused with the child's PID, and gets the lock once the child is killed
// (flock goes with the process, even on SIGKILL).
func TestLockHeldByOtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=lock", "TOM_CHILD_PATH="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "locked\n" {
		t.Fatalf("child said %q, %v", line, err)
	}
	_, err = AcquireLock(path)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("AcquireLock while child holds it: %v", err)
	}
	if le.PID != cmd.Process.Pid {
		t.Errorf("LockedError names pid %d, child is %d", le.PID, cmd.Process.Pid)
	}
	cmd.Process.Kill()
	cmd.Wait()
	stdin.Close()
	l, err := AcquireLock(path)
	if err != nil {
		t.Fatalf("AcquireLock after the child died: %v", err)
	}
	l.Release()
}

// childHoldLock takes the lock, says so, and holds it until stdin closes.
func childHoldLock(path string) int {
	l, err := AcquireLock(path)
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		return 1
	}
	os.Stdout.WriteString("locked\n")
	buf := make([]byte, 1)
	os.Stdin.Read(buf)
	l.Release()
	return 0
}
