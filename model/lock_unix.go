//go:build unix

package model

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes an exclusive flock on fh without waiting; errLockHeld when
// another process holds it.
func tryLock(fh *os.File) error {
	err := syscall.Flock(int(fh.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLockHeld
	}
	return err
}

// openLockFile opens or creates the lock file lp without following a
// symlink and without blocking (a FIFO would), and checks what it opened.
func openLockFile(lp string) (*os.File, error) {
	fd, err := syscall.Open(lp, syscall.O_RDWR|syscall.O_CREAT|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0o600)
	if err != nil {
		switch {
		case errors.Is(err, syscall.ELOOP):
			return nil, &FileError{Path: lp, Key: "lock_symlink"}
		case errors.Is(err, syscall.EISDIR):
			return nil, &FileError{Path: lp, Key: "lock_not_regular"}
		}
		return nil, &FileError{Path: lp, Key: "lock_failed", Err: &os.PathError{Op: "open", Path: lp, Err: err}}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, &FileError{Path: lp, Key: "lock_failed", Err: err}
	}
	switch {
	case st.Mode&syscall.S_IFMT != syscall.S_IFREG:
		syscall.Close(fd)
		return nil, &FileError{Path: lp, Key: "lock_not_regular"}
	case st.Nlink != 1:
		syscall.Close(fd)
		return nil, &FileError{Path: lp, Key: "lock_links"}
	case st.Size > maxLockSize:
		syscall.Close(fd)
		return nil, &FileError{Path: lp, Key: "lock_foreign", Args: []any{st.Size}}
	}
	if err := syscall.SetNonblock(fd, false); err != nil {
		syscall.Close(fd)
		return nil, &FileError{Path: lp, Key: "lock_failed", Err: err}
	}
	return os.NewFile(uintptr(fd), lp), nil
}
