package scan

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden reports")

// testToday is the date every test scans on.
var testToday = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// stampTime is the last run of the fixtures' backup timers.
var stampTime = time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)

// fixtures are the committed trees under testdata/scan.
var fixtures = []string{"debian-good", "bare", "debian-neglected", "rocky-rpm", "sshd-match"}

// copyTree copies testdata/scan/name into a fresh temporary folder (links
// as links, modes kept) and dates the timer stamp files, so that reports do
// not depend on when git checked the files out.
func copyTree(t testing.TB, name string) string {
	t.Helper()
	src := filepath.Join("..", "testdata", "scan", name)
	dst := filepath.Join(t.TempDir(), name)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		case fi.IsDir():
			return os.MkdirAll(to, 0o755)
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(to, data, fi.Mode().Perm())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	stamps, _ := filepath.Glob(filepath.Join(dst, "var/lib/systemd/timers/stamp-*"))
	for _, s := range stamps {
		if err := os.Chtimes(s, stampTime, stampTime); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// recorder wraps the default open function and remembers what was opened
// and how many bytes were read from each file.
type recorder struct {
	mu     sync.Mutex
	opened []string
	read   map[string]int64
	fail   map[string]error // host path suffix -> error to return
}

func (r *recorder) open(p string, open func() (*os.File, error)) (io.ReadCloser, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for suffix, err := range r.fail {
		if strings.HasSuffix(p, suffix) {
			return nil, &fs.PathError{Op: "open", Path: p, Err: err}
		}
	}
	r.opened = append(r.opened, p)
	fh, err := open()
	if err != nil {
		return nil, err
	}
	if r.read == nil {
		r.read = map[string]int64{}
	}
	return &countingFile{ReadCloser: fh, r: r, p: p}, nil
}

type countingFile struct {
	io.ReadCloser
	r *recorder
	p string
}

func (c *countingFile) Read(b []byte) (int, error) {
	n, err := c.ReadCloser.Read(b)
	c.r.mu.Lock()
	c.r.read[c.p] += int64(n)
	c.r.mu.Unlock()
	return n, err
}

func (c *countingFile) Stat() (fs.FileInfo, error) {
	return c.ReadCloser.(*os.File).Stat()
}

// reportJSON renders a report as the golden files hold it: the root folder
// replaced by ROOT.
func reportJSON(t testing.TB, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	return bytes.ReplaceAll(b.Bytes(), []byte(r.Root), []byte("ROOT"))
}

// checkGolden compares got with testdata/scan/<name>.golden.json.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("..", "testdata", "scan", name+".golden.json")
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./scan -run Golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs from the golden report at line %d:\n got: %s\nwant: %s", name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs from the golden report in length (%d vs %d lines)", name, len(gl), len(wl))
	}
}

// byID returns the report's findings by ID.
func byID(r *Report) map[string]Finding {
	m := map[string]Finding{}
	for _, f := range r.Findings {
		m[f.ID] = f
	}
	return m
}

// treeState fingerprints a tree: for every entry its type, mode, size,
// modification time, link target and a hash of its content.
func treeState(t testing.TB, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable folder (chmod 000) is fingerprinted by its Lstat.
			if fi, lerr := os.Lstat(p); lerr == nil {
				out[p] = fmt.Sprintf("%v %d %d unreadable", fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
				return fs.SkipDir
			}
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		s := fmt.Sprintf("%v %d %d", fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			s += " -> " + target
		case fi.Mode().IsRegular():
			fh, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
			if err == nil {
				h := sha256.New()
				io.Copy(h, fh)
				fh.Close()
				s += fmt.Sprintf(" %x", h.Sum(nil))
			} else {
				s += " " + err.Error()
			}
		}
		out[p] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffStates(a, b map[string]string) []string {
	var out []string
	for k, v := range a {
		if b[k] != v {
			out = append(out, k+": "+v+" => "+b[k])
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k+": new")
		}
	}
	sort.Strings(out)
	return out
}
