package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
)

// Marshal returns the answers file as saved: indented with two spaces, keys
// in a fixed order (struct fields as declared, map keys sorted), no HTML
// escaping, one trailing newline. The same File always gives the same bytes:
// those the JSON encoder gives for the File (see fileWriter).
func Marshal(f *File) ([]byte, error) {
	w := fileWriter{b: make([]byte, 0, 64<<10)}
	if err := w.file(f); err != nil {
		return nil, err
	}
	return w.b, nil
}

// Save writes f to path atomically: a temporary file in the same folder,
// written, synced and renamed over the old one, then the folder synced. The
// file gets mode 0600 (it holds names, addresses and phone numbers). A crash
// at any point leaves either the old or the new file, never a torn one.
// See WriteFileAtomic for symlinks and owners.
func Save(path string, f *File) error {
	data, err := Marshal(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return WriteFileAtomic(path, data, 0o600)
}

// WriteFileAtomic writes data to path through a temporary file and a rename.
//
// A symlink at path is written through: the file it points to is replaced,
// atomically, in that file's folder, and the symlink stays. A symlink owned
// by someone other than the user running tom and the file's owner is not
// followed (see ResolveTarget). The replaced file keeps its owner and group
// (root saving a user's file leaves it the user's); where that is not
// possible the file is left alone and the error says so. Errors are
// *FileError in the user's language.
func WriteFileAtomic(path string, data []byte, mode os.FileMode) error {
	return writeFileAtomic(path, data, mode, (*os.File).Write, syncDir)
}

// Batch writes many files as WriteFileAtomic does, several at a time: each
// file is written, synced and renamed into place on a goroutine of its own
// while the next ones are given, at most batchWindow at once (two files
// replacing the same one are written one after the other, in order). The
// folders are synced once, in Sync. A crash at any point leaves each file
// either old or new and complete, never torn; after Sync every file
// written is durable. A file's outcome goes to the done function given
// with it, in the order the files were given, on the caller's goroutine
// (from a later WriteFile, Flush or Sync). The zero value is ready to use;
// a Batch is not safe for concurrent use.
type Batch struct {
	dirs    []string
	pending []*batchFile // on their way to the disk, in order
}

// batchFile is a file a Batch is writing.
type batchFile struct {
	target string // the file replaced (see ResolveTarget)
	done   func(error)
	result chan error
}

// batchWindow is how many files a Batch has on their way to the disk at
// once: enough that the system commits many in one go.
const batchWindow = 16

// WriteFile writes data to path atomically (see WriteFileAtomic) and
// reports the outcome to done, nil once the file is in place.
func (b *Batch) WriteFile(path string, data []byte, mode os.FileMode, done func(error)) {
	b.WritePending(path, nil, nil, func() []byte { return data }, mode, done)
}

// WritePending is WriteFile for content whose beginning was written to p
// already (see PendingFile): p is finished with rest and put in place. A p
// that is not in the folder of the file path resolves to, or that failed,
// is removed, and whole() (the entire content) written as WriteFile does.
func (b *Batch) WritePending(path string, rest []byte, p *PendingFile, whole func() []byte, mode os.FileMode, done func(error)) {
	target, err := ResolveTarget(path)
	if err != nil {
		p.Abort()
		b.Flush()
		done(err)
		return
	}
	if slices.ContainsFunc(b.pending, func(f *batchFile) bool { return f.target == target }) {
		b.Flush()
	}
	f := &batchFile{target: target, done: done, result: make(chan error, 1)}
	go func() { f.result <- replaceFile(path, target, rest, whole, mode, p, (*os.File).Write) }()
	b.pending = append(b.pending, f)
	for len(b.pending) > batchWindow {
		b.finish()
	}
}

// finish waits for the oldest pending file and reports its outcome.
func (b *Batch) finish() {
	f := b.pending[0]
	b.pending[0] = nil
	b.pending = b.pending[1:]
	err := <-f.result
	if dir := filepath.Dir(f.target); err == nil && !slices.Contains(b.dirs, dir) {
		b.dirs = append(b.dirs, dir)
	}
	f.done(err)
}

// Flush waits for every file given so far and reports its outcome.
func (b *Batch) Flush() {
	for len(b.pending) > 0 {
		b.finish()
	}
}

// Sync flushes the batch and syncs the folder of every file written, once
// each.
func (b *Batch) Sync() {
	b.Flush()
	for _, dir := range b.dirs {
		syncDir(dir)
	}
	b.dirs = nil
}

// syncDir makes a rename in dir durable, where the system allows.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// writeFileAtomic is WriteFileAtomic with the write step injectable, so
// that tests can make the disk run full, and the folder sync.
func writeFileAtomic(path string, data []byte, mode os.FileMode, write func(*os.File, []byte) (int, error), dirSync func(dir string)) error {
	target, err := ResolveTarget(path)
	if err != nil {
		return err
	}
	if err := replaceFile(path, target, nil, func() []byte { return data }, mode, nil, write); err != nil {
		return err
	}
	dirSync(filepath.Dir(target))
	return nil
}

// replaceFile replaces target, the file path resolves to, with the content
// whole returns: a temporary file beside it with mode and target's owner and
// group, written, synced and renamed over it. When p, holding the beginning
// of the content, is beside target and intact, it is that temporary file and
// only rest is written to it (else p is removed). On failure target is
// untouched and the temporary file removed.
func replaceFile(path, target string, rest []byte, whole func() []byte, mode os.FileMode, p *PendingFile, write func(*os.File, []byte) (int, error)) error {
	failed := func(err error) error { return &FileError{Path: path, Key: "save_failed", Err: err} }
	var uid, gid uint32
	hasOwner := false
	switch st, err := os.Lstat(target); {
	case err == nil && !st.Mode().IsRegular():
		p.Abort()
		return &FileError{Path: path, Key: "not_regular", Args: []any{fileKind(st.Mode())}}
	case err == nil:
		uid, gid, hasOwner = fileOwner(st)
	case !errors.Is(err, fs.ErrNotExist):
		p.Abort()
		return failed(err)
	}
	var tmp *os.File
	var data []byte
	if p.fits(filepath.Dir(target), mode) {
		tmp, data = p.f, rest
	} else {
		data = whole()
		p.Abort()
		var err error
		if tmp, err = os.CreateTemp(filepath.Dir(target), tempPrefix(target)+"*"); err != nil {
			return failed(err)
		}
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(mode); err != nil {
		return failed(err)
	}
	if _, err := write(tmp, data); err != nil {
		return failed(err)
	}
	if err := tmp.Sync(); err != nil {
		return failed(err)
	}
	if hasOwner && (int(uid) != os.Geteuid() || int(gid) != os.Getegid()) {
		if err := tmp.Chown(int(uid), int(gid)); err != nil {
			return &FileError{Path: path, Key: "owner_keep", Args: []any{userName(uid), groupName(gid)}}
		}
	}
	if err := tmp.Close(); err != nil {
		return failed(err)
	}
	if err := os.Rename(name, target); err != nil {
		return failed(err)
	}
	ok = true
	return nil
}

// PendingFile is a file written in pieces ahead of the save that puts it
// in place (Batch.WritePending): a temporary file in a folder, mode 0600,
// each piece handed to the system's writeback as it is written, so that
// the sync at the end has little left to wait for. A PendingFile is not
// safe for concurrent use; nil is a PendingFile that holds nothing.
type PendingFile struct {
	f   *os.File
	dir string
	n   int   // bytes written
	err error // the first write that failed
}

// NewPendingFile starts a temporary file for name in folder dir.
func NewPendingFile(dir, name string) (*PendingFile, error) {
	f, err := os.CreateTemp(dir, tempPrefix(name)+"*")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &PendingFile{f: f, dir: dir}, nil
}

// Write writes b at the end and starts writing it to the disk.
func (p *PendingFile) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	n, err := p.f.Write(b)
	if err != nil {
		p.err = err
		return n, err
	}
	startWriteback(p.f, int64(p.n), int64(n))
	p.n += n
	return n, nil
}

// Abort removes the temporary file.
func (p *PendingFile) Abort() {
	if p == nil || p.f == nil {
		return
	}
	p.f.Close()
	os.Remove(p.f.Name())
	p.f = nil
}

// fits reports whether p can become the file in folder dir with mode: p is
// in dir, intact, and mode is the one p was made with.
func (p *PendingFile) fits(dir string, mode os.FileMode) bool {
	return p != nil && p.f != nil && p.err == nil && mode == 0o600 && SameFile(p.dir, dir)
}

// Failed reports whether a write to p failed (or p is nil): p then does
// not hold what was written to it.
func (p *PendingFile) Failed() bool { return p == nil || p.err != nil }

// SameFile reports whether a and b name the same existing file or folder.
func SameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// tempPrefix is how the temporary files of a save of target begin.
func tempPrefix(target string) string { return "." + filepath.Base(target) + ".tmp-" }

// ResolveTarget returns the file that writing path really replaces: path
// itself, or where its chain of symlinks ends (the end may not exist yet). A
// symlink is followed only when it belongs to the user running tom or to the
// owner of what it points to, so that a link someone planted in a folder
// they can write cannot aim root's save at another user's file.
func ResolveTarget(path string) (string, error) {
	p := path
	for hops := 0; ; hops++ {
		st, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", &FileError{Path: path, Key: "save_failed", Err: err}
		}
		if st.Mode()&os.ModeSymlink == 0 {
			return p, nil
		}
		if hops == 40 {
			return "", &FileError{Path: path, Key: "symlink_loop"}
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return "", &FileError{Path: path, Key: "save_failed", Err: err}
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(p), dest)
		}
		link, _, known := fileOwner(st)
		trusted := !known || int(link) == os.Geteuid() // no owners on Windows
		if tst, err := os.Stat(dest); err == nil {
			if target, _, ok := fileOwner(tst); ok {
				trusted = trusted || link == target
			}
		}
		if !trusted {
			return "", &FileError{Path: path, Key: "symlink_foreign", Args: []any{dest, userName(link)}}
		}
		p = dest
	}
}

// userName and groupName name an owner for a message (the number when the
// system has no name for it).
func userName(uid uint32) string {
	id := strconv.FormatUint(uint64(uid), 10)
	if u, err := user.LookupId(id); err == nil {
		return u.Username
	}
	return id
}

func groupName(gid uint32) string {
	id := strconv.FormatUint(uint64(gid), 10)
	if g, err := user.LookupGroupId(id); err == nil {
		return g.Name
	}
	return id
}
