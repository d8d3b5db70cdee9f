package main

import (
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// buildWithMake runs `make build` into a temporary folder and returns the
// binary's path.
func buildWithMake(t *testing.T) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the release build is checked on Linux")
	}
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	bin := filepath.Join(t.TempDir(), "tom")
	cmd := exec.Command("make", "--no-print-directory", "build", "BINARY="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make build: %v\n%s", err, out)
	}
	return bin
}

// The release binary is static: built without cgo, and an ELF file without
// an interpreter (PT_INTERP) or shared libraries, so it runs on any Linux of
// its architecture, musl or glibc.
func TestMakeBuildIsStatic(t *testing.T) {
	bin := buildWithMake(t)
	out, err := exec.Command("go", "version", "-m", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go version -m: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "CGO_ENABLED=0") {
		t.Errorf("go version -m does not show CGO_ENABLED=0:\n%s", out)
	}
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("the binary names an interpreter (PT_INTERP): it is dynamically linked")
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs shared libraries: %v", libs)
	}

	// Stamped with the version; --version prints what version prints.
	v, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatalf("tom version: %v", err)
	}
	first := strings.SplitN(string(v), "\n", 2)[0]
	if !strings.HasPrefix(first, "tom ") || first == "tom dev" || !strings.Contains(string(v), "tom-standard") {
		t.Errorf("tom version:\n%s", v)
	}
	if exec.Command("git", "rev-parse", "--git-dir").Run() == nil {
		want, err := exec.Command("git", "describe", "--tags", "--always", "--dirty").Output()
		if err == nil && first != "tom "+strings.TrimSpace(string(want)) {
			t.Errorf("version line %q, git describe says %q", first, want)
		}
	}
	vv, err := exec.Command(bin, "--version").Output()
	if err != nil || !bytes.Equal(vv, v) {
		t.Errorf("tom --version (%v):\n%s\nwant:\n%s", err, vv, v)
	}
}

// The binary runs where there is nothing else: an empty root folder, no Go,
// no libc, no /etc, no /tmp.
func TestMakeBuildRunsInEmptyChroot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("chroot needs root; run the tests as root (as CI does) to check the binary in an empty root folder")
	}
	if _, err := exec.LookPath("chroot"); err != nil {
		t.Skip("no chroot command")
	}
	bin := buildWithMake(t)
	root := t.TempDir()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "tom"), data, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("chroot", root, "/tom", "version")
	cmd.Env = []string{}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chroot %s /tom version: %v\n%s", root, err, out)
	}
	if !strings.Contains(string(out), "tom-standard") {
		t.Errorf("in the empty root:\n%s", out)
	}
	// A real command too: the schema comes from the binary alone.
	out, err = exec.Command("chroot", root, "/tom", "schema").Output()
	if err != nil || !bytes.Contains(out, []byte(`"$schema"`)) {
		t.Errorf("chroot tom schema: %v\n%.200s", err, out)
	}
}

// The Windows release builds: Unix-only system calls must stay behind build
// tags (make dist builds every platform in CI; this test says it earlier, in
// go test; darwin shares the unix files). Skipped with -short.
func TestCrossBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("cross builds skipped with -short")
	}
	for _, p := range [][2]string{{"windows", "amd64"}} {
		cmd := exec.Command("go", "build", "-o", os.DevNull, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+p[0], "GOARCH="+p[1])
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("GOOS=%s GOARCH=%s go build: %v\n%s", p[0], p[1], err, out)
		}
	}
}
