package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const nobody = 65534

// tempFiles lists the temporary files of saves in dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRootSaveKeepsOwner: root saving a file that belongs to another user
// leaves it that user's (it used to become root:root 0600, unreadable for
// its owner).
func TestRootSaveKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root")
	}
	c := smallCatalog(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, sampleFile(c)); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	uid, gid, _ := fileOwner(st)
	if uid != nobody || gid != nobody || st.Mode().Perm() != 0o600 {
		t.Errorf("after save: owner %d:%d mode %v, want %d:%d 0600", uid, gid, st.Mode().Perm(), nobody, nobody)
	}
	if len(tempFiles(t, dir)) != 0 {
		t.Error("temp file left")
	}
}

// TestSaveThroughSymlink: a symlinked answers file is updated where it
// really is; the symlink stays, the lock sits beside the real file, and
// both names share that lock.
func TestSaveThroughSymlink(t *testing.T) {
	c := smallCatalog(t)
	dir := t.TempDir()
	realDir := filepath.Join(dir, "elsewhere")
	os.Mkdir(realDir, 0o700)
	real := filepath.Join(realDir, "real.json")
	link := filepath.Join(dir, "t.json")
	if err := Save(real, NewFile(c, De)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("elsewhere/real.json", link); err != nil {
		t.Fatal(err)
	}
	lock, err := AcquireLock(link)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(real + ".lock"); err != nil {
		t.Errorf("lock not beside the real file: %v", err)
	}
	var le *LockedError
	if _, err := AcquireLock(real); !errors.As(err, &le) {
		t.Errorf("the real name is not locked: %v", err)
	}
	if err := Save(link, sampleFile(c)); err != nil {
		t.Fatal(err)
	}
	lock.Release()
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced: %v %v", st.Mode(), err)
	}
	f, _, err := Load(real, c)
	if err != nil || f.Get("org.name").Str() != sampleFile(c).Get("org.name").Str() {
		t.Fatalf("real file not updated: %v", err)
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if n := len(tempFiles(t, dir)) + len(tempFiles(t, realDir)); n != 0 {
		t.Errorf("%d temp files left", n)
	}
}

// TestForeignSymlinkNotFollowed: a symlink someone else planted (owned by
// neither root nor the target's owner) is not followed to write or lock; the
// target is untouched.
func TestForeignSymlinkNotFollowed(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root")
	}
	c := smallCatalog(t)
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("precious\n"), 0o644)
	link := filepath.Join(dir, "t.json")
	os.Symlink(victim, link)
	if err := os.Lchown(link, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	for name, try := range map[string]func() error{
		"save": func() error { return Save(link, sampleFile(c)) },
		"lock": func() error { l, err := AcquireLock(link); l.Release(); return err },
	} {
		err := try()
		var fe *FileError
		if !errors.As(err, &fe) || fe.Key != "symlink_foreign" || !strings.Contains(fe.Format(En), "nobody") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if got, _ := os.ReadFile(victim); string(got) != "precious\n" {
		t.Errorf("victim now %q", got)
	}
	if _, err := os.Stat(victim + ".lock"); !os.IsNotExist(err) {
		t.Error("lock created beside the victim")
	}
}

// TestSaveDiskFull: a disk that runs full while saving leaves the old file
// and no temp file, and the error names the file and the cause in the
// user's language.
func TestSaveDiskFull(t *testing.T) {
	c := smallCatalog(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "t.json")
	if err := Save(path, NewFile(c, De)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	data, _ := Marshal(sampleFile(c))
	full := func(f *os.File, b []byte) (int, error) {
		n, _ := f.Write(b[:len(b)/2])
		return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	err := writeFileAtomic(path, data, 0o600, full, syncDir)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("%T %v", err, err)
	}
	wantDe := path + ": kann nicht gespeichert werden; die Datei bleibt wie sie war (kein Platz mehr auf dem Datenträger)"
	wantEn := path + ": cannot be saved; the file stays as it was (no space left on the disk)"
	if fe.Format(De) != wantDe || fe.Format(En) != wantEn {
		t.Errorf("got\n%s\n%s", fe.Format(De), fe.Format(En))
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the file changed")
	}
	if len(tempFiles(t, dir)) != 0 {
		t.Error("temp file left")
	}
}
