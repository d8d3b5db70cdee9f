package model

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"

	json "github.com/goccy/go-json"
)

// Marshal returns the answers file as saved: indented with two spaces, keys
// in a fixed order (struct fields as declared, map keys sorted), no HTML
// escaping, one trailing newline. The same File always gives the same bytes.
func Marshal(f *File) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	g := *f
	if g.Answers == nil {
		g.Answers = map[string]Value{}
	}
	if g.Measures == nil {
		g.Measures = map[string]MeasureAnswer{}
	}
	if err := enc.Encode(&g); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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

// Batch writes many files as WriteFileAtomic does, without waiting for
// the disk after each: a file is written to its temporary file at once and
// synced in the background while the next ones are written; once it is on
// disk it is renamed into place, in the order the files were given. The
// folders are synced once, in Sync. A crash at any point leaves each file
// either old or new and complete, never torn; after Sync every file
// written is durable. A file's outcome goes to the done function given
// with it, in the order the files were given, on the caller's goroutine
// (from a later WriteFile, Flush or Sync). The zero value is ready to use;
// a Batch is not safe for concurrent use.
type Batch struct {
	dirs    []string
	pending []*staged // written, on their way to the disk, in order
}

// batchWindow is how many files a Batch has on their way to the disk at
// once: enough that the system commits many in one go.
const batchWindow = 16

// WriteFile writes data to path atomically (see WriteFileAtomic) and
// reports the outcome to done, nil once the file is in place.
func (b *Batch) WriteFile(path string, data []byte, mode os.FileMode, done func(error)) {
	s, err := stage(path, data, mode, (*os.File).Write)
	if err != nil {
		b.Flush()
		done(err)
		return
	}
	s.done = done
	s.synced = make(chan error, 1)
	go func() { s.synced <- s.f.Sync() }()
	b.pending = append(b.pending, s)
	for len(b.pending) > batchWindow {
		b.finish()
	}
}

// finish puts the oldest pending file in place once it is on disk and
// reports its outcome.
func (b *Batch) finish() {
	s := b.pending[0]
	b.pending[0] = nil
	b.pending = b.pending[1:]
	err := s.commit(<-s.synced)
	if err == nil && !slices.Contains(b.dirs, s.dir) {
		b.dirs = append(b.dirs, s.dir)
	}
	s.done(err)
}

// Flush puts every file written so far in place (or reports why not).
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
	s, err := stage(path, data, mode, write)
	if err != nil {
		return err
	}
	if err := s.commit(s.f.Sync()); err != nil {
		return err
	}
	dirSync(s.dir)
	return nil
}

// staged is a file written to its temporary file, not yet synced or in
// place.
type staged struct {
	path   string   // as given
	target string   // the file replaced (path or where its symlinks end)
	dir    string   // target's folder
	f      *os.File // the temporary file, open
	synced chan error
	done   func(error)
}

// stage writes data to a new temporary file beside the file path names,
// with mode and the replaced file's owner and group; see WriteFileAtomic.
func stage(path string, data []byte, mode os.FileMode, write func(*os.File, []byte) (int, error)) (*staged, error) {
	target, err := ResolveTarget(path)
	if err != nil {
		return nil, err
	}
	failed := func(err error) error { return &FileError{Path: path, Key: "save_failed", Err: err} }
	var uid, gid uint32
	hasOwner := false
	switch st, err := os.Lstat(target); {
	case err == nil && !st.Mode().IsRegular():
		return nil, &FileError{Path: path, Key: "not_regular", Args: []any{fileKind(st.Mode())}}
	case err == nil:
		uid, gid, hasOwner = fileOwner(st)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, failed(err)
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, tempPrefix(target)+"*")
	if err != nil {
		return nil, failed(err)
	}
	s := &staged{path: path, target: target, dir: dir, f: tmp}
	if err := tmp.Chmod(mode); err != nil {
		return nil, s.abandon(failed(err))
	}
	if _, err := write(tmp, data); err != nil {
		return nil, s.abandon(failed(err))
	}
	if hasOwner && (int(uid) != os.Geteuid() || int(gid) != os.Getegid()) {
		if err := tmp.Chown(int(uid), int(gid)); err != nil {
			return nil, s.abandon(&FileError{Path: path, Key: "owner_keep", Args: []any{userName(uid), groupName(gid)}})
		}
	}
	return s, nil
}

// commit closes the staged file and renames it into place; syncErr is
// the outcome of syncing it, which must be nil.
func (s *staged) commit(syncErr error) error {
	failed := func(err error) error { return s.abandon(&FileError{Path: s.path, Key: "save_failed", Err: err}) }
	if syncErr != nil {
		return failed(syncErr)
	}
	if err := s.f.Close(); err != nil {
		return failed(err)
	}
	if err := os.Rename(s.f.Name(), s.target); err != nil {
		return failed(err)
	}
	return nil
}

// abandon removes the temporary file and returns err.
func (s *staged) abandon(err error) error {
	s.f.Close()
	os.Remove(s.f.Name())
	return err
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
