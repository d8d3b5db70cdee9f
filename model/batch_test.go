package model

import (
	"os"
	"path/filepath"
	"testing"
)

// TestBatchWriteFile: a Batch replaces files atomically with the mode asked
// for, leaves no temporary file, and remembers each folder once for Sync.
func TestBatchWriteFile(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	var batch Batch
	for i, p := range []string{filepath.Join(a, "x.md"), filepath.Join(a, "y.md"), filepath.Join(b, "z.md"), filepath.Join(a, "x.md")} {
		if err := batch.WriteFile(p, []byte{'0' + byte(i)}, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if len(batch.dirs) != 2 {
		t.Errorf("folders to sync %v, want %s and %s once each", batch.dirs, a, b)
	}
	batch.Sync()
	if len(batch.dirs) != 0 {
		t.Errorf("folders left after Sync: %v", batch.dirs)
	}
	for name, want := range map[string]string{filepath.Join(a, "x.md"): "3", filepath.Join(a, "y.md"): "1", filepath.Join(b, "z.md"): "2"} {
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
