//go:build windows

package model

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// tryLock locks one byte far past the holder line (so that a second tom can
// still read who holds it) without waiting; errLockHeld when another process
// holds it. Windows releases the lock when the process ends.
func tryLock(fh *os.File) error {
	ol := &windows.Overlapped{OffsetHigh: 1}
	err := windows.LockFileEx(windows.Handle(fh.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return errLockHeld
	}
	return err
}

// openLockFile opens or creates the lock file lp and checks that it is a
// regular file of tom's size, not a link or a folder someone put there.
func openLockFile(lp string) (*os.File, error) {
	if st, err := os.Lstat(lp); err == nil {
		switch {
		case st.Mode()&os.ModeSymlink != 0:
			return nil, &FileError{Path: lp, Key: "lock_symlink"}
		case !st.Mode().IsRegular():
			return nil, &FileError{Path: lp, Key: "lock_not_regular"}
		case st.Size() > maxLockSize:
			return nil, &FileError{Path: lp, Key: "lock_foreign", Args: []any{st.Size()}}
		}
	}
	fh, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, &FileError{Path: lp, Key: "lock_failed", Err: err}
	}
	return fh, nil
}
