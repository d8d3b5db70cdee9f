package model

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Lock is an exclusive claim on an answers file, held while tom may write it.
// It is an flock on "<file>.lock", so it is released even when the process
// is killed; the lock file names the holder for the message a second tom shows.
type Lock struct {
	path string
	fh   *os.File
}

// LockedError says which process holds the lock.
type LockedError struct {
	File  string
	PID   int
	Host  string
	Since string
}

func (e *LockedError) Error() string { return e.Format(De) }

// Format returns the message in language l.
func (e *LockedError) Format(l Lang) string {
	return lockMsg.Get(l, "locked", e.File, e.PID, e.Host, e.Since)
}

var lockMsg = Messages{
	"locked": {
		De: "%s wird gerade von einem anderen tom bearbeitet (Prozess %d auf %s, seit %s); erst dort beenden",
		En: "%s is being edited by another tom (process %d on %s, since %s); finish that one first",
	},
}

// AcquireLock locks the answers file at path for writing, or returns a
// *LockedError naming the process that holds it.
func AcquireLock(path string) (*Lock, error) {
	lp := path + ".lock"
	for attempt := 0; attempt < 5; attempt++ {
		fh, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(fh.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			defer fh.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, readHolder(path, fh)
			}
			return nil, err
		}
		// The holder before us may have removed the file after we opened it:
		// then we locked an orphan and must try again.
		st1, err1 := fh.Stat()
		st2, err2 := os.Stat(lp)
		if err1 != nil || err2 != nil || !os.SameFile(st1, st2) {
			fh.Close()
			continue
		}
		host, _ := os.Hostname()
		fh.Truncate(0)
		fmt.Fprintf(fh, "%d %s %s\n", os.Getpid(), host, time.Now().Format(time.RFC3339))
		fh.Sync()
		return &Lock{path: lp, fh: fh}, nil
	}
	return nil, fmt.Errorf("%s: could not lock", lp)
}

func readHolder(path string, fh *os.File) error {
	buf := make([]byte, 256)
	n, _ := fh.ReadAt(buf, 0)
	e := &LockedError{File: path, Host: "?", Since: "?"}
	parts := strings.Fields(string(buf[:n]))
	if len(parts) >= 1 {
		e.PID, _ = strconv.Atoi(parts[0])
	}
	if len(parts) >= 2 {
		e.Host = parts[1]
	}
	if len(parts) >= 3 {
		if t, err := time.Parse(time.RFC3339, parts[2]); err == nil {
			e.Since = t.Format("2006-01-02 15:04:05")
		}
	}
	return e
}

// Release gives up the lock and removes the lock file.
func (l *Lock) Release() error {
	if l == nil || l.fh == nil {
		return nil
	}
	os.Remove(l.path)
	err := l.fh.Close()
	l.fh = nil
	return err
}
