package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
