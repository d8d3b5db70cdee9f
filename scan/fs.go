package scan

import (
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
// path it takes is a path inside the scanned system ("/etc/crypttab"). Each
// component is resolved with Lstat; symbolic links are followed inside the
// root only (absolute targets are taken relative to the root, as in a
// chroot), loops end after maxLinkHops. It never writes and never follows a
// link out of the root.
type rootFS struct {
	root    string // absolute host path of the scanned root
	maxRead int64
	open    func(hostPath string) (io.ReadCloser, error)

	cache      map[string]readResult
	unreadable map[string]string // path inside the system -> reason
}

type readResult struct {
	data      []byte
	truncated bool
	err       error
}

// openReadOnly opens a host file for reading without following a final
// symbolic link and without blocking on a FIFO.
func openReadOnly(hostPath string) (io.ReadCloser, error) {
	return os.OpenFile(hostPath, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}

func newRootFS(root string, maxRead int64, open func(string) (io.ReadCloser, error)) *rootFS {
	if open == nil {
		open = openReadOnly
	}
	return &rootFS{
		root:       root,
		maxRead:    maxRead,
		open:       open,
		cache:      map[string]readResult{},
		unreadable: map[string]string{},
	}
}

// resolve maps p (a path inside the scanned system) to a host path, following
// symbolic links inside the root. The returned FileInfo is the Lstat of the
// final component (never a link).
func (r *rootFS) resolve(p string) (string, fs.FileInfo, error) {
	queue := splitPath(p)
	var cur []string
	hops := 0
	var info fs.FileInfo
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(cur) == 0 {
				if r.root == "/" {
					continue // the real root's parent is itself
				}
				return "", nil, errEscape
			}
			cur = cur[:len(cur)-1]
			info = nil
			continue
		}
		next := append(append([]string{}, cur...), c)
		host := r.hostPath(next)
		fi, err := os.Lstat(host)
		if err != nil {
			return host, nil, err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			hops++
			if hops > maxLinkHops {
				return host, nil, errLoop
			}
			target, err := os.Readlink(host)
			if err != nil {
				return host, nil, err
			}
			if strings.HasPrefix(target, "/") {
				cur = nil
			}
			queue = append(splitPath(target), queue...)
			info = nil
			continue
		}
		if len(queue) > 0 && !fi.IsDir() {
			return host, nil, syscall.ENOTDIR
		}
		cur = next
		info = fi
	}
	host := r.hostPath(cur)
	if info == nil {
		fi, err := os.Lstat(host)
		if err != nil {
			return host, nil, err
		}
		info = fi
	}
	return host, info, nil
}

func splitPath(p string) []string { return strings.Split(p, "/") }

func (r *rootFS) hostPath(parts []string) string {
	return filepath.Join(append([]string{r.root}, parts...)...)
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
	host, fi, err := r.resolve(p)
	if err != nil {
		return nil, false, err
	}
	if fi.IsDir() {
		return nil, false, errIsDir
	}
	if !fi.Mode().IsRegular() {
		return nil, false, errNotRegular
	}
	fh, err := r.open(host)
	if err != nil {
		return nil, false, err
	}
	defer fh.Close()
	if st, ok := fh.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if sfi, err := st.Stat(); err == nil && !sfi.Mode().IsRegular() {
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
	_, fi, err := r.resolve(p)
	if err != nil {
		r.note(p, err)
		return nil, err
	}
	return fi, nil
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
	host, fi, err := r.resolve(dir)
	if err != nil || !fi.IsDir() {
		return "", false
	}
	h := filepath.Join(host, base)
	lfi, err := os.Lstat(h)
	if err != nil || lfi.Mode()&fs.ModeSymlink == 0 {
		return "", false
	}
	t, err := os.Readlink(h)
	return t, err == nil
}

// ReadDir returns the sorted names in directory p (at most maxDirEntries).
func (r *rootFS) ReadDir(p string) ([]string, error) {
	host, fi, err := r.resolve(p)
	if err == nil && !fi.IsDir() {
		err = syscall.ENOTDIR
	}
	if err != nil {
		r.note(p, err)
		return nil, err
	}
	d, err := os.Open(host)
	if err != nil {
		r.note(p, err)
		return nil, err
	}
	defer d.Close()
	names, err := d.Readdirnames(maxDirEntries)
	if err != nil && err != io.EOF {
		r.note(p, err)
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// Glob returns the paths matching pattern (shell patterns in any component),
// sorted. Unreadable folders are recorded and skipped.
func (r *rootFS) Glob(pattern string) []string {
	parts := splitPath(path.Clean("/" + pattern))[1:]
	cur := []string{"/"}
	for i, part := range parts {
		var next []string
		last := i == len(parts)-1
		for _, dir := range cur {
			if !hasMeta(part) {
				p := path.Join(dir, part)
				if last {
					if r.Exists(p) {
						next = append(next, p)
					}
				} else if r.IsDir(p) {
					next = append(next, p)
				}
				continue
			}
			names, err := r.ReadDir(dir)
			if err != nil {
				continue
			}
			for _, n := range names {
				if ok, _ := path.Match(part, n); ok && !(strings.HasPrefix(n, ".") && !strings.HasPrefix(part, ".")) {
					next = append(next, path.Join(dir, n))
				}
			}
		}
		cur = next
	}
	sort.Strings(cur)
	return cur
}

func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[\\") }
