package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBatchWriteFile: a Batch replaces files atomically with the mode asked
// for, leaves no temporary file, reports every outcome once and in the order
// the files were given (a failing file in the middle too), and remembers
// each folder once for Sync.
func TestBatchWriteFile(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	var batch Batch
	var got []string
	// The fourth cannot be written (no such folder); the fifth is a symlink
	// to itself, which fails before anything is written.
	loop := filepath.Join(b, "loop.md")
	if err := os.Symlink("loop.md", loop); err != nil {
		t.Fatal(err)
	}
	paths := []string{filepath.Join(a, "x.md"), filepath.Join(a, "y.md"), filepath.Join(b, "z.md"), filepath.Join(a, "no", "such", "dir.md"), loop, filepath.Join(a, "x.md")}
	for i, p := range paths {
		batch.WriteFile(p, []byte{'0' + byte(i)}, 0o600, func(err error) {
			var fe *FileError
			switch {
			case err == nil:
				got = append(got, fmt.Sprint(i))
			case errors.As(err, &fe) && fe.Path == p:
				got = append(got, fmt.Sprint(i, " failed"))
			default:
				t.Errorf("%s: %v", p, err)
			}
		})
	}
	batch.Sync()
	if want := []string{"0", "1", "2", "3 failed", "4 failed", "5"}; !slices.Equal(got, want) {
		t.Errorf("outcomes %q, want %q", got, want)
	}
	if len(batch.dirs) != 0 || len(batch.pending) != 0 {
		t.Errorf("left after Sync: folders %v, %d files", batch.dirs, len(batch.pending))
	}
	for name, want := range map[string]string{paths[0]: "5", paths[1]: "1", paths[2]: "2"} {
		got, err := os.ReadFile(name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
		if st, err := os.Stat(name); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", name, st.Mode().Perm(), err)
		}
	}
	if entries, _ := os.ReadDir(a); len(entries) != 2 {
		t.Errorf("%s holds %d entries, want 2 (no temporary files)", a, len(entries))
	}
}

// TestBatchWindow: a long batch keeps at most batchWindow files pending,
// puts the older ones in place (and reports them) while it goes on, and
// syncs each folder once.
func TestBatchWindow(t *testing.T) {
	dir := t.TempDir()
	var batch Batch
	reported := 0
	n := 3*batchWindow + 5
	for i := range n {
		batch.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d", i)), []byte("x"), 0o600, func(err error) {
			if err != nil {
				t.Error(err)
			}
			reported++
		})
		if len(batch.pending) > batchWindow {
			t.Fatalf("after %d files %d pending, want at most %d", i+1, len(batch.pending), batchWindow)
		}
		if reported < i+1-batchWindow {
			t.Fatalf("after %d files only %d reported", i+1, reported)
		}
	}
	if len(batch.dirs) != 1 {
		t.Errorf("folders to sync %v, want %s once", batch.dirs, dir)
	}
	batch.Sync()
	if entries, _ := os.ReadDir(dir); reported != n || len(entries) != n {
		t.Errorf("%d reported, %d files in the folder; want %d", reported, len(entries), n)
	}
}

// BenchmarkBatch writes 100 documents of 64 KB into one folder: one by one
// (WriteFileAtomic, a sync of file and folder each) and as a Batch (synced
// in the background, the folder once). The difference is waiting for the
// disk, which the CPU time does not show: compare ns/op.
func BenchmarkBatch(b *testing.B) {
	data := make([]byte, 64<<10)
	for i := range data {
		data[i] = byte('a' + i%26)
	}
	const n = 100
	b.Run("one-by-one", func(b *testing.B) {
		dir := b.TempDir()
		for b.Loop() {
			for i := range n {
				if err := WriteFileAtomic(filepath.Join(dir, fmt.Sprintf("doc%03d", i)), data, 0o600); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("batch", func(b *testing.B) {
		dir := b.TempDir()
		for b.Loop() {
			var batch Batch
			for i := range n {
				batch.WriteFile(filepath.Join(dir, fmt.Sprintf("doc%03d", i)), data, 0o600, func(err error) {
					if err != nil {
						b.Fatal(err)
					}
				})
			}
			batch.Sync()
		}
	})
}

// TestBatchWritePending: a pending file holding the beginning of the data
// becomes the file with the rest (the same inode, the whole data, mode
// 0600, no temporary file left); one in another folder, one whose write
// failed, and one refused (the target is a folder) are removed, the whole
// data written as WriteFile does or the error reported.
func TestBatchWritePending(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	data := []byte("# Title\n\nsome text\n")
	start := func(dir string) (*PendingFile, os.FileInfo) {
		t.Helper()
		p, err := NewPendingFile(dir, "doc.md")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Write(data[:8]); err != nil {
			t.Fatal(err)
		}
		st, err := p.f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		return p, st
	}
	var batch Batch
	var errs []error
	report := func(err error) { errs = append(errs, err) }
	whole := func() []byte { return data }

	used, usedSt := start(a) // beside the file: becomes it
	batch.WritePending(filepath.Join(a, "doc.md"), data[8:], used, whole, 0o600, report)
	other, _ := start(b) // another folder: removed
	batch.WritePending(filepath.Join(a, "other.md"), data[8:], other, whole, 0o600, report)
	broken, _ := start(a) // a write failed: removed
	broken.err = errors.New("disk full")
	batch.WritePending(filepath.Join(a, "broken.md"), data[8:], broken, whole, 0o600, report)
	if err := os.Mkdir(filepath.Join(a, "dir.md"), 0o700); err != nil {
		t.Fatal(err)
	}
	refused, _ := start(a) // the target is a folder: removed, error
	batch.WritePending(filepath.Join(a, "dir.md"), data[8:], refused, whole, 0o600, report)
	batch.Sync()

	if len(errs) != 4 || errs[0] != nil || errs[1] != nil || errs[2] != nil || errs[3] == nil {
		t.Fatalf("outcomes %v, want nil, nil, nil, an error", errs)
	}
	for _, name := range []string{"doc.md", "other.md", "broken.md"} {
		got, err := os.ReadFile(filepath.Join(a, name))
		if err != nil || string(got) != string(data) {
			t.Errorf("%s = %q, %v; want %q", name, got, err, data)
		}
		if st, err := os.Stat(filepath.Join(a, name)); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", name, st.Mode().Perm(), err)
		}
	}
	if st, err := os.Stat(filepath.Join(a, "doc.md")); err != nil || !os.SameFile(st, usedSt) {
		t.Error("doc.md is not the pending file")
	}
	for _, dir := range []string{a, b} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("temporary file left: %s", filepath.Join(dir, e.Name()))
			}
		}
	}
	var nothing *PendingFile
	nothing.Abort() // nil holds nothing
	if !nothing.Failed() || !broken.Failed() || used.Failed() {
		t.Error("Failed: want true for nil and a failed write only")
	}
}
