//go:build unix

package model

import (
	"io/fs"
	"syscall"
)

// fileOwner returns the user and group owning st; ok is false where the
// system does not say.
func fileOwner(st fs.FileInfo) (uid, gid uint32, ok bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return s.Uid, s.Gid, true
}
