//go:build unix

package cli

import "syscall"

// mkfifo makes a named pipe (the tests that need one run where there are).
func mkfifo(path string, mode uint32) error { return syscall.Mkfifo(path, mode) }
