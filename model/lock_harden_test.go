package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestLockRefusesSymlink: a lock path planted as a symlink (or a hard link,
// a FIFO, a folder) is refused with a clear message and the file it points
// to is left byte for byte as it was.
func TestLockRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	const content = "precious data\n"
	if err := os.WriteFile(victim, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	plant := map[string]func(lp string) error{
		"symlink":      func(lp string) error { return os.Symlink(victim, lp) },
		"dangling":     func(lp string) error { return os.Symlink(filepath.Join(dir, "new-victim"), lp) },
		"hardlink":     func(lp string) error { return os.Link(victim, lp) },
		"fifo":         func(lp string) error { return mkfifo(lp, 0o600) },
		"folder":       func(lp string) error { return os.Mkdir(lp, 0o700) },
		"foreign-file": func(lp string) error { return os.WriteFile(lp, []byte(strings.Repeat("x", 10000)), 0o600) },
	}
	for name, mk := range plant {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".json")
			lp := path + ".lock"
			if err := mk(lp); err != nil {
				t.Fatal(err)
			}
			l, err := AcquireLock(path)
			if err == nil {
				l.Release()
				t.Fatal("locked through a planted lock path")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v, want *FileError", err, err)
			}
			for _, lang := range []Lang{De, En} {
				if msg := fe.Format(lang); !strings.Contains(msg, lp) {
					t.Errorf("%s message %q does not name %s", lang, msg, lp)
				}
			}
			if got, _ := os.ReadFile(victim); string(got) != content {
				t.Errorf("victim now holds %q", got)
			}
			if _, err := os.Stat(filepath.Join(dir, "new-victim")); !os.IsNotExist(err) {
				t.Error("a dangling symlink's target was created")
			}
			if _, err := os.Lstat(lp); err != nil {
				t.Errorf("the planted lock path was removed: %v", err)
			}
		})
	}
}

// TestLockRaceNamesHolder: many lockers race for one file again and again;
// every loser names the winner completely (never "process 0 on ?").
func TestLockRaceNamesHolder(t *testing.T) {
	dir := t.TempDir()
	host, _ := os.Hostname()
	for round := 0; round < 300; round++ {
		path := filepath.Join(dir, "race.json")
		var wg sync.WaitGroup
		errs := make([]error, 6)
		locks := make([]*Lock, 6)
		start := make(chan struct{})
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				locks[i], errs[i] = AcquireLock(path)
			}()
		}
		close(start)
		wg.Wait()
		won := 0
		for i, err := range errs {
			if err == nil {
				won++
				continue
			}
			var le *LockedError
			if !errors.As(err, &le) {
				t.Fatalf("round %d: %v", round, err)
			}
			if le.PID != os.Getpid() || le.Host != host || le.Since == "?" {
				t.Fatalf("round %d locker %d: %q", round, i, le.Format(En))
			}
		}
		if won != 1 {
			t.Fatalf("round %d: %d winners", round, won)
		}
		for _, l := range locks {
			l.Release()
		}
	}
}
