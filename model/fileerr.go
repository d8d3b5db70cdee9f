package model

import (
	"errors"
	"syscall"
)

// FileError is a failure to read or write one of the user's files (the
// answers file, its lock, a catalogue), worded in the user's language and
// naming the file.
type FileError struct {
	Path string
	Key  string // message key in Msg
	Args []any
	Err  error // the underlying error, if any; its reason is added in words
}

func (e *FileError) Error() string { return e.Format(De) }

// Format returns the message in language l: "path: message (reason)".
func (e *FileError) Format(l Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if k, ok := a.(MsgKey); ok {
			a = Msg.Get(l, string(k))
		}
		args[i] = a
	}
	s := e.Path + ": " + Msg.Get(l, e.Key, args...)
	if e.Err != nil {
		s += " (" + Reason(l, e.Err) + ")"
	}
	return s
}

// MsgKey is an argument of a FileError that is itself a message key in Msg,
// worded in the language the error is shown in.
type MsgKey string

func (e *FileError) Unwrap() error { return e.Err }

// ErrorIn returns err worded in language l where it knows how (a
// *LoadError, *LockedError or *FileError anywhere in its chain), else its
// plain text.
func ErrorIn(err error, l Lang) string {
	var local interface{ Format(Lang) string }
	if errors.As(err, &local) {
		return local.Format(l)
	}
	return err.Error()
}

// Reason words the common causes of a failed file operation in language l;
// anything else is given as the system says it.
func Reason(l Lang, err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if key, ok := errnoKeys[errno]; ok {
			return Msg.Get(l, key)
		}
	}
	return err.Error()
}

var errnoKeys = map[syscall.Errno]string{
	syscall.ENOSPC:       "why_no_space",
	syscall.EDQUOT:       "why_quota",
	syscall.EACCES:       "why_permission",
	syscall.EPERM:        "why_permission",
	syscall.EROFS:        "why_read_only",
	syscall.ENOENT:       "why_missing",
	syscall.ENOTDIR:      "why_not_dir",
	syscall.EIO:          "why_io",
	syscall.EISDIR:       "why_is_dir",
	syscall.ELOOP:        "why_loop",
	syscall.ENAMETOOLONG: "why_name_long",
	syscall.EFBIG:        "why_too_big",
	syscall.EXDEV:        "why_cross_device",
}
