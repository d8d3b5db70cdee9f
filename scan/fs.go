package scan

import (
	"container/heap"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// Errors the confined file system reports besides the operating system's.
var (
	errEscape     = errors.New("symbolic link leads out of the scanned root")
	errLoop       = errors.New("too many levels of symbolic links")
	errIsDir      = errors.New("is a directory, not a file")
	errNotRegular = errors.New("not a regular file")
)

// maxLinkHops is how many symbolic links one path may pass through (Linux
// allows 40 as well).
const maxLinkHops = 40

// maxDirEntries caps how many entries of one directory the scan looks at.
const maxDirEntries = 4096

// rootFS reads files of the scanned system, rooted at a host directory. Every
// path it takes is a path inside the scanned system ("/etc/crypttab"). The
// walk goes one component at a time relative to open folder descriptors
// (see dirHandle), never by joining a host path, so that a folder swapped
// for a link while the scan runs cannot lead it out of the root. Symbolic
// links are followed by the walk itself, inside the root only (absolute
// targets are taken relative to the root, as in a chroot); loops end after
// maxLinkHops. It never writes.
type rootFS struct {
	root    string     // absolute host path of the scanned root, for naming
	dir     *dirHandle // the root folder, opened once; nil when it failed
	dirErr  error      // why the root could not be opened
	maxRead int64
	open    OpenFunc

	cache      map[string]readResult
	unreadable map[string]string // path inside the system -> reason
}

// OpenFunc is a hook around opening one file of the scanned system: it gets
// the file's host path (for naming) and the function that opens it safely,
// and returns what the scan reads. Tests use it to record reads and to
// inject failures.
type OpenFunc func(hostPath string, open func() (*os.File, error)) (io.ReadCloser, error)

type readResult struct {
	data      []byte
	truncated bool
	err       error
}

func newRootFS(root string, maxRead int64, open OpenFunc) *rootFS {
	r := &rootFS{
		root:       root,
		maxRead:    maxRead,
		open:       open,
		cache:      map[string]readResult{},
		unreadable: map[string]string{},
	}
	r.dir, r.dirErr = openRootHandle(root)
	return r
}

// Close releases the root folder.
func (r *rootFS) Close() {
	if r.dir != nil {
		r.dir.close()
		r.dir = nil
	}
}

// resolved is where a walk ended: the entry name inside the open folder dir
// ("" when the path is dir itself) and what it is (never a link).
type resolved struct {
	dir   *dirHandle
	name  string
	info  fs.FileInfo
	host  string       // host path, for naming only
	stack []*dirHandle // folders opened by the walk, closed by close
}

func (w *resolved) close() {
	for _, d := range w.stack {
		d.close()
	}
	w.stack = nil
}

// resolve walks p (a path inside the scanned system) from the root, following
// symbolic links inside the root. The caller must close the result, also
// when resolve fails.
func (r *rootFS) resolve(p string) (*resolved, error) {
	w := &resolved{dir: r.dir}
	if r.dir == nil {
		return w, r.dirErr
	}
	queue := splitPath(p)
	var cur []string   // components of the folder w.dir, for naming
	var pending string // entry of w.dir reached but not yet entered
	var info fs.FileInfo
	hops := 0
	// enter makes the pending entry the current folder.
	enter := func() error {
		if !info.IsDir() {
			return syscall.ENOTDIR
		}
		d, err := w.dir.openDir(pending)
		if err != nil {
			return err
		}
		w.stack = append(w.stack, d)
		w.dir = d
		cur = append(cur, pending)
		pending, info = "", nil
		return nil
	}
	// leave goes up one folder.
	leave := func() {
		n := len(w.stack)
		w.stack[n-1].close()
		w.stack = w.stack[:n-1]
		cur = cur[:len(cur)-1]
		w.dir = r.dir
		if n > 1 {
			w.dir = w.stack[n-2]
		}
	}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if pending != "" {
				if !info.IsDir() {
					return w, syscall.ENOTDIR
				}
				pending, info = "", nil
				continue
			}
			if len(w.stack) == 0 {
				if r.root == "/" {
					continue // the real root's parent is itself
				}
				return w, errEscape
			}
			leave()
			continue
		}
		if pending != "" {
			if err := enter(); err != nil {
				w.host = r.hostPath(cur, pending)
				return w, err
			}
		}
		w.host = r.hostPath(cur, c)
		fi, err := w.dir.lstat(c)
		if err != nil {
			return w, err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			hops++
			if hops > maxLinkHops {
				return w, errLoop
			}
			target, err := w.dir.readlink(c)
			if err != nil {
				return w, err
			}
			if strings.HasPrefix(target, "/") {
				for len(w.stack) > 0 {
					leave()
				}
			}
			queue = append(splitPath(target), queue...)
			continue
		}
		pending, info = c, fi
	}
	w.name, w.info = pending, info
	w.host = r.hostPath(cur, pending)
	if pending == "" {
		fi, err := w.dir.stat()
		if err != nil {
			return w, err
		}
		w.info = fi
	}
	return w, nil
}

func splitPath(p string) []string { return strings.Split(p, "/") }

func (r *rootFS) hostPath(parts []string, last string) string {
	return filepath.Join(append(append([]string{r.root}, parts...), last)...)
}

// note records p as unreadable (permission, loop, escape, wrong kind) unless
// the error just says it does not exist.
func (r *rootFS) note(p string, err error) {
	if err == nil || isNotFound(err) {
		return
	}
	r.unreadable[p] = reason(err)
}

// isNotFound reports whether err says the path does not exist.
func isNotFound(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// reason turns an error into a short, stable English phrase for evidence.
func reason(err error) string {
	switch {
	case err == nil:
		return ""
	case isNotFound(err):
		return "not found"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, errLoop), errors.Is(err, syscall.ELOOP):
		return errLoop.Error()
	case errors.Is(err, errEscape):
		return errEscape.Error()
	case errors.Is(err, errIsDir):
		return errIsDir.Error()
	case errors.Is(err, errNotRegular):
		return errNotRegular.Error()
	case errors.Is(err, errTooMany):
		return errTooMany.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ReadFile reads at most maxRead bytes of the regular file p. Results are
// cached for the scan. Errors other than "not found" are recorded.
func (r *rootFS) ReadFile(p string) ([]byte, bool, error) {
	if res, ok := r.cache[p]; ok {
		return res.data, res.truncated, res.err
	}
	data, trunc, err := r.readFile(p)
	r.cache[p] = readResult{data, trunc, err}
	r.note(p, err)
	return data, trunc, err
}

func (r *rootFS) readFile(p string) ([]byte, bool, error) {
	w, err := r.resolve(p)
	defer w.close()
	if err != nil {
		return nil, false, err
	}
	if w.info.IsDir() {
		return nil, false, errIsDir
	}
	if !w.info.Mode().IsRegular() {
		return nil, false, errNotRegular
	}
	open := func() (*os.File, error) { return w.dir.openFile(w.name) }
	var fh io.ReadCloser
	if r.open != nil {
		fh, err = r.open(w.host, open)
	} else {
		fh, err = open()
	}
	if err != nil {
		return nil, false, err
	}
	defer fh.Close()
	// What was opened may differ from what the walk saw (a race): only a
	// regular file is read.
	if st, ok := fh.(interface{ Stat() (fs.FileInfo, error) }); ok {
		sfi, err := st.Stat()
		if err != nil {
			return nil, false, err
		}
		if !sfi.Mode().IsRegular() {
			return nil, false, errNotRegular
		}
	}
	data, err := io.ReadAll(io.LimitReader(fh, r.maxRead+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > r.maxRead {
		return data[:r.maxRead], true, nil
	}
	return data, false, nil
}

// Stat returns information about p, following links inside the root.
func (r *rootFS) Stat(p string) (fs.FileInfo, error) {
	w, err := r.resolve(p)
	w.close()
	if err != nil {
		r.note(p, err)
		return nil, err
	}
	return w.info, nil
}

// Exists reports whether p exists (as anything).
func (r *rootFS) Exists(p string) bool {
	_, err := r.Stat(p)
	return err == nil
}

// IsFile reports whether p is a regular file.
func (r *rootFS) IsFile(p string) bool {
	fi, err := r.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// IsDir reports whether p is a directory.
func (r *rootFS) IsDir(p string) bool {
	fi, err := r.Stat(p)
	return err == nil && fi.IsDir()
}

// ModTime returns the modification time of p.
func (r *rootFS) ModTime(p string) (time.Time, bool) {
	fi, err := r.Stat(p)
	if err != nil {
		return time.Time{}, false
	}
	return fi.ModTime(), true
}

// Link returns the target of p when p itself is a symbolic link (its folder
// resolved inside the root), for recognising masked systemd units.
func (r *rootFS) Link(p string) (string, bool) {
	dir, base := path.Split(path.Clean(p))
	w, err := r.resolve(dir)
	defer w.close()
	if err != nil || !w.info.IsDir() {
		return "", false
	}
	d := w.dir
	if w.name != "" {
		sub, err := d.openDir(w.name)
		if err != nil {
			return "", false
		}
		defer sub.close()
		d = sub
	}
	lfi, err := d.lstat(base)
	if err != nil || lfi.Mode()&fs.ModeSymlink == 0 {
		return "", false
	}
	t, err := d.readlink(base)
	return t, err == nil
}

// errTooMany says a folder holds more entries than the scan keeps.
var errTooMany = errors.New("too many entries")

// ReadDir returns the names in folder p, sorted. It reads every entry but
// keeps only the maxDirEntries first in sorted order (bounded memory); when
// there were more, the folder is recorded as not read whole.
func (r *rootFS) ReadDir(p string) ([]string, error) {
	names, more, err := r.readDir(p, nil)
	switch {
	case err != nil:
		r.note(p, err)
	case more:
		r.note(p, errTooMany)
	}
	return names, err
}

// readDir lists folder p: every entry is read, the first maxDirEntries names
// in sorted order that keep accepts (all when nil) are returned sorted, and
// more says whether accepted names were left out.
func (r *rootFS) readDir(p string, keep func(string) bool) (names []string, more bool, err error) {
	w, err := r.resolve(p)
	defer w.close()
	if err == nil && !w.info.IsDir() {
		err = syscall.ENOTDIR
	}
	if err != nil {
		return nil, false, err
	}
	name := w.name
	if name == "" {
		name = "."
	}
	d, err := w.dir.openList(name)
	if err != nil {
		return nil, false, err
	}
	defer d.Close()
	h := &nameHeap{}
	for {
		batch, err := d.Readdirnames(1024)
		for _, n := range batch {
			switch {
			case keep != nil && !keep(n):
			case h.Len() < maxDirEntries:
				heap.Push(h, n)
			case n < (*h)[0]:
				(*h)[0] = n
				heap.Fix(h, 0)
				more = true
			default:
				more = true
			}
		}
		if err == io.EOF || (err == nil && len(batch) == 0) {
			break
		}
		if err != nil {
			return nil, false, err
		}
	}
	names = []string(*h)
	sort.Strings(names)
	return names, more, nil
}

// nameHeap keeps the largest of the kept names on top, so that a smaller
// name can replace it.
type nameHeap []string

func (h nameHeap) Len() int           { return len(h) }
func (h nameHeap) Less(i, j int) bool { return h[i] > h[j] }
func (h nameHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *nameHeap) Push(x any)        { *h = append(*h, x.(string)) }
func (h *nameHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Glob returns the paths matching pattern (shell patterns in any component),
// sorted. Unreadable folders are recorded and skipped.
func (r *rootFS) Glob(pattern string) []string {
	paths, _ := r.GlobAll(pattern)
	return paths
}

// GlobAll is Glob that also says when the result may be incomplete: a folder
// on the way could not be read, or held more matches than the scan keeps
// (errTooMany). The paths found are returned either way.
func (r *rootFS) GlobAll(pattern string) ([]string, error) {
	parts := splitPath(path.Clean("/" + pattern))[1:]
	cur := []string{"/"}
	var firstErr error
	fail := func(p string, err error) {
		r.note(p, err)
		if firstErr == nil && !isNotFound(err) {
			firstErr = &fs.PathError{Op: "read", Path: p, Err: err}
		}
	}
	for i, part := range parts {
		var next []string
		last := i == len(parts)-1
		for _, dir := range cur {
			if !hasMeta(part) {
				p := path.Join(dir, part)
				fi, err := r.Stat(p)
				switch {
				case err != nil:
					fail(p, err)
				case last || fi.IsDir():
					next = append(next, p)
				}
				continue
			}
			names, more, err := r.readDir(dir, func(n string) bool {
				ok, _ := path.Match(part, n)
				return ok && !(strings.HasPrefix(n, ".") && !strings.HasPrefix(part, "."))
			})
			if err != nil {
				fail(dir, err)
				continue
			}
			if more {
				fail(dir, errTooMany)
			}
			for _, n := range names {
				next = append(next, path.Join(dir, n))
			}
		}
		cur = next
	}
	sort.Strings(cur)
	return cur, firstErr
}

func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[\\") }
