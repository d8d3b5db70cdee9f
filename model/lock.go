package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// errLockHeld is tryLock's answer when another process holds the lock.
var errLockHeld = errors.New("lock held by another process")

// Lock is an exclusive claim on an answers file, held while tom may write it.
// It is an flock on "<file>.lock", so it is released even when the process
// is killed; the lock file names the holder for the message a second tom shows.
type Lock struct {
	path    string
	fh      *os.File
	removed int
}

// RemovedTemps returns how many temporary files of saves that were cut off
// (tom killed while saving) the lock removed when it was taken: copies of
// the answers, whole or partial, that nobody would otherwise delete.
func (l *Lock) RemovedTemps() int { return l.removed }

// RemovedNote says in language l that the lock removed such files for the
// answers file at path, or returns "" when it removed none.
func (l *Lock) RemovedNote(lang Lang, path string) string {
	switch l.removed {
	case 0:
		return ""
	case 1:
		return Msg.Get(lang, "stale_temp_one", path)
	}
	return Msg.Get(lang, "stale_temps", path, l.removed)
}

// removeStaleTemps removes the temporary files of saves of target made
// before the lock was taken at start. Whoever wrote them held the lock then
// and is gone now, so they are leftovers of a save that never finished.
func removeStaleTemps(target string, start time.Time) int {
	dir, prefix := filepath.Dir(target), tempPrefix(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err != nil || !info.ModTime().Before(start) {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n
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

// lockRecordSize is the fixed length of the holder line in a lock file. The
// line is written with one write of exactly this many bytes, so a reader
// never sees it half replaced by a shorter one.
const lockRecordSize = 256

// maxLockSize is the largest file tom takes for one of its own lock files;
// anything bigger was put there by someone else and is never truncated.
const maxLockSize = 4096

// AcquireLock locks the answers file at path for writing, or returns a
// *LockedError naming the process that holds it. The lock file is opened
// without following a symlink and must be a regular file with one link, so
// that a lock path planted by someone else can never make tom overwrite
// another file; anything else is refused with a *FileError.
//
// A symlinked answers file is locked where it really is (the lock sits
// beside the file ResolveTarget names), so every name for it shares one lock.
func AcquireLock(path string) (*Lock, error) {
	target, err := ResolveTarget(path)
	if err != nil {
		return nil, err
	}
	lp := target + ".lock"
	for attempt := 0; attempt < 5; attempt++ {
		fh, err := openLockFile(lp)
		if err != nil {
			return nil, err
		}
		if err := tryLock(fh); err != nil {
			if errors.Is(err, errLockHeld) {
				holder, ok := readHolder(path, fh)
				fh.Close()
				if ok {
					return nil, holder
				}
				continue // the holder went away meanwhile: try again
			}
			fh.Close()
			return nil, &FileError{Path: lp, Key: "lock_failed", Err: err}
		}
		// The holder before us may have removed the file after we opened it:
		// then we locked an orphan and must try again.
		st1, err1 := fh.Stat()
		st2, err2 := os.Lstat(lp)
		if err1 != nil || err2 != nil || !os.SameFile(st1, st2) {
			fh.Close()
			continue
		}
		host, _ := os.Hostname()
		start := time.Now()
		rec := fmt.Sprintf("%d %s %s", os.Getpid(), host, start.Format(time.RFC3339))
		rec += strings.Repeat(" ", max(lockRecordSize-len(rec)-1, 0)) + "\n"
		if _, err := fh.WriteAt([]byte(rec), 0); err != nil {
			fh.Close()
			return nil, &FileError{Path: lp, Key: "lock_failed", Err: err}
		}
		if st1.Size() > int64(len(rec)) {
			fh.Truncate(int64(len(rec)))
		}
		fh.Sync()
		return &Lock{path: lp, fh: fh, removed: removeStaleTemps(target, start)}, nil
	}
	return nil, &FileError{Path: lp, Key: "lock_failed"}
}

// readHolder reads who holds the lock. The winner of a race writes its line
// just after taking the lock, so an empty or unfinished line is read again
// for a moment; ok is false when the holder let go meanwhile.
func readHolder(path string, fh *os.File) (e *LockedError, ok bool) {
	buf := make([]byte, lockRecordSize)
	for wait := 0; wait < 200; wait++ {
		n, _ := fh.ReadAt(buf, 0)
		if e, ok := parseHolder(path, buf[:n]); ok {
			return e, true
		}
		if tryLock(fh) == nil {
			return nil, false // free now: the caller tries again
		}
		time.Sleep(time.Millisecond)
	}
	// A holder that never wrote its line (or a lock file of an old tom).
	n, _ := fh.ReadAt(buf, 0)
	e, _ = parseHolder(path, buf[:n])
	return e, true
}

// parseHolder parses "PID host time" and reports whether it was complete.
func parseHolder(path string, data []byte) (*LockedError, bool) {
	e := &LockedError{File: path, Host: "?", Since: "?"}
	parts := strings.Fields(string(data))
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
	return e, len(parts) == 3 && e.PID > 0 && e.Since != "?"
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
