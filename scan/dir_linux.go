//go:build linux

package scan

import (
	"io/fs"
	"os"
	"path"
	"time"

	"golang.org/x/sys/unix"
)

// dirHandle is an open folder of the scanned tree. Everything below it is
// reached relative to its descriptor, one name at a time and never through
// a symbolic link (O_NOFOLLOW at every component), so that swapping a
// folder for a link after it was checked cannot lead the scan out of the
// root: the swapped name then fails to open instead. openat2's
// RESOLVE_BENEATH would add nothing here, since the walk in rootFS follows
// links itself (inside the root, as in a chroot) and hands the kernel only
// single names.
type dirHandle struct {
	fd   int
	name string // for FileInfo.Name of the folder itself
}

// The descriptors are O_PATH: they need no read permission on the folder
// (only search), like a path walk.
const dirFlags = unix.O_PATH | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_CLOEXEC

func openRootHandle(root string) (*dirHandle, error) {
	// The root itself may be reached through links: the caller chose it.
	fd, err := unix.Open(root, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: root, Err: err}
	}
	return &dirHandle{fd: fd, name: path.Base(root)}, nil
}

func (d *dirHandle) close() { unix.Close(d.fd) }

// lstat describes name inside d without following a link.
func (d *dirHandle) lstat(name string) (fs.FileInfo, error) {
	var st unix.Stat_t
	if err := unix.Fstatat(d.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: err}
	}
	return statInfo{name: name, st: st}, nil
}

// stat describes the folder d itself.
func (d *dirHandle) stat() (fs.FileInfo, error) {
	var st unix.Stat_t
	if err := unix.Fstat(d.fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: d.name, Err: err}
	}
	return statInfo{name: d.name, st: st}, nil
}

// readlink returns the target of the link name inside d.
func (d *dirHandle) readlink(name string) (string, error) {
	for size := 256; ; size *= 2 {
		buf := make([]byte, size)
		n, err := unix.Readlinkat(d.fd, name, buf)
		if err != nil {
			return "", &fs.PathError{Op: "readlink", Path: name, Err: err}
		}
		if n < size || size >= 1<<16 {
			return string(buf[:n]), nil
		}
	}
}

// openDir opens the folder name inside d; a link in its place fails.
func (d *dirHandle) openDir(name string) (*dirHandle, error) {
	fd, err := unix.Openat(d.fd, name, dirFlags, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &dirHandle{fd: fd, name: name}, nil
}

// openFile opens name inside d for reading: never through a link, never
// blocking on a FIFO, never becoming the controlling terminal.
func (d *dirHandle) openFile(name string) (*os.File, error) {
	fd, err := unix.Openat(d.fd, name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
}

// openList opens name inside d ("." for d itself) for reading its entries.
func (d *dirHandle) openList(name string) (*os.File, error) {
	fd, err := unix.Openat(d.fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
}

// statInfo is fs.FileInfo from a stat structure.
type statInfo struct {
	name string
	st   unix.Stat_t
}

func (s statInfo) Name() string       { return s.name }
func (s statInfo) Size() int64        { return s.st.Size }
func (s statInfo) ModTime() time.Time { return time.Unix(s.st.Mtim.Unix()) }
func (s statInfo) IsDir() bool        { return s.Mode().IsDir() }
func (s statInfo) Sys() any           { return &s.st }

func (s statInfo) Mode() fs.FileMode {
	m := fs.FileMode(s.st.Mode & 0o777)
	switch s.st.Mode & unix.S_IFMT {
	case unix.S_IFDIR:
		m |= fs.ModeDir
	case unix.S_IFLNK:
		m |= fs.ModeSymlink
	case unix.S_IFIFO:
		m |= fs.ModeNamedPipe
	case unix.S_IFSOCK:
		m |= fs.ModeSocket
	case unix.S_IFCHR:
		m |= fs.ModeDevice | fs.ModeCharDevice
	case unix.S_IFBLK:
		m |= fs.ModeDevice
	}
	if s.st.Mode&unix.S_ISUID != 0 {
		m |= fs.ModeSetuid
	}
	if s.st.Mode&unix.S_ISGID != 0 {
		m |= fs.ModeSetgid
	}
	if s.st.Mode&unix.S_ISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}
