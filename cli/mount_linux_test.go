//go:build linux

package cli

import "syscall"

// mountTmpfs mounts a small tmpfs on dir (needs root); unmount undoes it.
func mountTmpfs(dir, opts string) error { return syscall.Mount("tmpfs", dir, "tmpfs", 0, opts) }

func unmount(dir string) { syscall.Unmount(dir, 0) }
