// Command dist builds tom's release files (make dist): an archive per target
// platform with the static binary, the man pages and the shell completions;
// a .deb and an .rpm per Linux architecture, built with the nfpm Go tool
// pinned in go.mod; and SHA256SUMS over all of them. It downloads nothing
// beyond the Go modules that go.mod names.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// target is one platform a release is built for.
type target struct{ OS, Arch string }

// targets are the release platforms; packages are made for the Linux ones.
var targets = []target{
	{"linux", "amd64"},
	{"linux", "arm64"},
	{"darwin", "arm64"},
	{"windows", "amd64"},
}

// options are dist's command line.
type options struct {
	Version string // stamped version, e.g. v1.2.0 or 962df95-dirty
	LDFlags string // passed to go build
	Out     string // output folder, emptied first
	Go      string // the go command
	Config  string // nfpm configuration
}

func main() {
	var o options
	flag.StringVar(&o.Version, "version", "dev", "version to stamp and to name the files with")
	flag.StringVar(&o.LDFlags, "ldflags", "", "go build -ldflags")
	flag.StringVar(&o.Out, "out", "dist", "output folder (emptied first)")
	flag.StringVar(&o.Go, "go", "go", "go command")
	flag.StringVar(&o.Config, "nfpm-config", "packaging/nfpm.yaml", "nfpm configuration")
	flag.Parse()
	start := time.Now()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
	fmt.Printf("dist: %s ready in %s\n", o.Out, time.Since(start).Round(time.Second))
}

func run(o options) error {
	if err := os.RemoveAll(o.Out); err != nil {
		return err
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "tom-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	// Man pages and completions come from a binary for this machine.
	host := filepath.Join(work, "host", "tom"+exeSuffix(runtime.GOOS))
	if err := goBuild(o, target{runtime.GOOS, runtime.GOARCH}, host); err != nil {
		return err
	}
	extras := filepath.Join(work, "extras")
	if err := makeExtras(host, extras); err != nil {
		return err
	}

	for _, t := range targets {
		name := fmt.Sprintf("tom_%s_%s_%s", o.Version, t.OS, t.Arch)
		stage := filepath.Join(work, name)
		bin := filepath.Join(stage, "tom"+exeSuffix(t.OS))
		if err := goBuild(o, t, bin); err != nil {
			return err
		}
		if err := copyTree(extras, stage); err != nil {
			return err
		}
		if err := copyFile("README.md", filepath.Join(stage, "README.md"), 0o644); err != nil {
			return err
		}
		if t.OS == "windows" {
			err = writeZip(filepath.Join(o.Out, name+".zip"), stage, name)
		} else {
			err = writeTarGz(filepath.Join(o.Out, name+".tar.gz"), stage, name)
		}
		if err != nil {
			return err
		}
		if t.OS == "linux" {
			for _, p := range []string{"deb", "rpm"} {
				if err := nfpm(o, t, stage, p); err != nil {
					return err
				}
			}
		}
	}
	return writeSums(o.Out)
}

func exeSuffix(goos string) string {
	if goos == "windows" {
		return ".exe"
	}
	return ""
}

// goBuild builds a static binary for t.
func goBuild(o options, t target, out string) error {
	cmd := exec.Command(o.Go, "build", "-trimpath", "-ldflags", o.LDFlags, "-o", out, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build for %s/%s: %w", t.OS, t.Arch, err)
	}
	return nil
}

// makeExtras writes the man pages (man/de, man/en) and the completion
// scripts (completions/) with the host binary.
func makeExtras(host, dir string) error {
	for _, lang := range []string{"de", "en"} {
		if err := runTo(nil, host, "man", "--lang", lang, filepath.Join(dir, "man", lang)); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "completions"), 0o755); err != nil {
		return err
	}
	for shell, file := range map[string]string{"bash": "tom.bash", "zsh": "_tom", "fish": "tom.fish"} {
		var buf bytes.Buffer
		if err := runTo(&buf, host, "completion", shell); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "completions", file), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// runTo runs a command with stdout going to w (or this process's stdout).
func runTo(w io.Writer, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if w != nil {
		cmd.Stdout = w
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", filepath.Base(name), strings.Join(args, " "), err)
	}
	return nil
}

// nfpm packages the stage as a .deb or .rpm into o.Out. The configuration's
// ${TOM_ARCH}, ${TOM_STAGE} and ${TOM_PKG_VERSION} are filled in here (nfpm
// itself expands variables in only some fields).
func nfpm(o options, t target, stage, packager string) error {
	tmpl, err := os.ReadFile(o.Config)
	if err != nil {
		return err
	}
	vars := map[string]string{"TOM_ARCH": t.Arch, "TOM_STAGE": stage, "TOM_PKG_VERSION": pkgVersion(o.Version)}
	var missing []string
	conf := os.Expand(string(tmpl), func(k string) string {
		v, ok := vars[k]
		if !ok {
			missing = append(missing, k)
		}
		return v
	})
	if len(missing) > 0 {
		return fmt.Errorf("%s: unknown variables %v", o.Config, missing)
	}
	confPath := filepath.Join(filepath.Dir(stage), "nfpm-"+t.Arch+".yaml")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		return err
	}
	cmd := exec.Command(o.Go, "tool", "nfpm", "package", "--config", confPath, "--packager", packager, "--target", o.Out+string(filepath.Separator))
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("nfpm %s for %s: %w", packager, t.Arch, err)
	}
	return nil
}

// pkgVersion turns a git describe version into one that dpkg and rpm
// accept and order sensibly: no leading "v", starting with a digit, no "-"
// (v1.2.0-3-gabc1234 → 1.2.0+3+gabc1234; abc1234 → 0~abc1234).
func pkgVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	v = strings.ReplaceAll(v, "-", "+")
	if v == "" || v[0] < '0' || v[0] > '9' {
		v = "0~" + v
	}
	return v
}

// files lists the regular files under dir, relative and sorted, so that
// archives list them in a stable order.
func files(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	slices.Sort(out)
	return out, err
}

// mode gives archive members their permissions: the binary executable,
// everything else readable.
func mode(rel string) int64 {
	if rel == "tom" || rel == "tom.exe" {
		return 0o755
	}
	return 0o644
}

func writeTarGz(path, dir, prefix string) error {
	names, err := files(dir)
	if err != nil {
		return err
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	gz := gzip.NewWriter(out)
	tw := tar.NewWriter(gz)
	now := time.Now().UTC().Truncate(time.Second)
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: prefix + "/" + n, Mode: mode(n), Size: int64(len(data)), ModTime: now, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return out.Close()
}

func writeZip(path, dir, prefix string) error {
	names, err := files(dir)
	if err != nil {
		return err
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	now := time.Now()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: prefix + "/" + n, Method: zip.Deflate, Modified: now}
		h.SetMode(fs.FileMode(mode(n)))
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}

// writeSums writes SHA256SUMS in the format `sha256sum -c` reads.
func writeSums(dir string) error {
	names, err := files(dir)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, n := range names {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(h.Sum(nil)), n)
	}
	if b.Len() == 0 {
		return errors.New("nothing to sum in " + dir)
	}
	return os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(b.String()), 0o644)
}

func copyTree(src, dst string) error {
	names, err := files(src)
	if err != nil {
		return err
	}
	for _, n := range names {
		if err := copyFile(filepath.Join(src, n), filepath.Join(dst, n), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string, perm fs.FileMode) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, perm)
}
