package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSymlinkedLockNeverWritesThrough: a lock path planted as a symlink to
// a victim file makes init, scan --apply and interview refuse in the user's
// language; the victim keeps its content and the answers file is untouched.
func TestSymlinkedLockNeverWritesThrough(t *testing.T) {
	valid := "{\n  \"schema\": 1,\n  \"catalog\": {\"id\": \"tom-standard\", \"version\": \"1.0.0\"}\n}\n"
	cases := []struct {
		name    string
		answers string // "" : no answers file
		args    []string
	}{
		{"init", "", []string{"init", "--catalog", smallCatalogPath}},
		{"scan-apply", valid, []string{"scan", "--apply", "--root", scanFixture}},
		{"scan-apply-invalid", "{\n}\n", []string{"scan", "--apply", "--root", scanFixture}},
		{"interview", "", []string{"interview", "--catalog", smallCatalogPath}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(dir, "victim")
			os.WriteFile(victim, []byte("precious\n"), 0o644)
			path := filepath.Join(dir, "tom.json")
			if tc.answers != "" {
				os.WriteFile(path, []byte(tc.answers), 0o600)
			}
			if err := os.Symlink(victim, path+".lock"); err != nil {
				t.Fatal(err)
			}
			for _, lang := range []string{"de", "en"} {
				args := append(append([]string{}, tc.args...), "-f", path, "--lang", lang)
				code, _, errs := cliRun(map[string]string{"TERM": "dumb"}, args...)
				want := map[string]string{"de": "symbolischer Link", "en": "symbolic link"}[lang]
				if code != ExitFailure || !strings.Contains(errs, path+".lock: ") || !strings.Contains(errs, want) {
					t.Errorf("%s: exit %d, %q", lang, code, errs)
				}
			}
			if got := string(readFile(t, victim)); got != "precious\n" {
				t.Errorf("victim now holds %q", got)
			}
			if tc.answers == "" {
				if _, err := os.Stat(path); !os.IsNotExist(err) {
					t.Error("answers file created")
				}
			} else if got := string(readFile(t, path)); got != tc.answers {
				t.Errorf("answers file changed: %q", got)
			}
		})
	}
}

// TestStaleTempsRemovedAndSaid: temp files a killed save left beside the
// answers file are removed by the next command that writes it, which says
// so in the user's language; other files' temp files stay.
func TestStaleTempsRemovedAndSaid(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	if code, _, errs := cliRun(nil, "init", "-f", path, "--catalog", smallCatalogPath); code != 0 {
		t.Fatal(errs)
	}
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".tom.json.tmp-111", ".tom.json.tmp-222", ".other.json.tmp-333"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(`{"partial`), 0o600)
		os.Chtimes(p, old, old)
	}
	code, _, errs := cliRun(nil, "interview", "-f", path, "--catalog", smallCatalogPath, "--lang", "en", "--accessible")
	if code == 0 && errs == "" {
		t.Fatalf("interview without input ended well: %q", errs)
	}
	if !strings.Contains(errs, path+": removed 2 temporary files left by saves that were cut off") {
		t.Errorf("not said: %q", errs)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if len(left) != 1 || filepath.Base(left[0]) != ".other.json.tmp-333" {
		t.Errorf("left: %v", left)
	}
}

// TestValidateRefusesControlsAndLongTexts: a file with an escape sequence or
// a forged second line in a one-line answer, or a 50,000-character name, is
// refused by validate and status with the place, in both languages; init
// refuses such an --org.
func TestValidateRefusesControlsAndLongTexts(t *testing.T) {
	dir := t.TempDir()
	head := "{\n  \"schema\": 1,\n  \"catalog\": {\"id\": \"tom-small\", \"version\": \"1.0.0\"},\n  \"answers\": {\"org.name\": "
	cases := map[string]struct{ value, de, en string }{
		"esc":    {`"A\u001b]52;c;eA==\u0007B"`, ":4:29: /answers/org.name: enthält das Steuerzeichen U+001B", ":4:29: /answers/org.name: contains the control character U+001B"},
		"forged": {`"A\nNächste Prüfung: 01.01.2099"`, ":4:29: /answers/org.name: enthält einen Zeilenumbruch", ":4:29: /answers/org.name: contains a line break"},
		"long":   {`"` + strings.Repeat("W", 50000) + `"`, ":4:27: /answers/org.name: zu lang: 50000 Zeichen, höchstens 500", ":4:27: /answers/org.name: too long: 50000 characters, at most 500"},
	}
	for name, tc := range cases {
		path := filepath.Join(dir, name+".json")
		os.WriteFile(path, []byte(head+tc.value+"}\n}\n"), 0o600)
		for _, cmd := range []string{"validate", "status"} {
			for lang, want := range map[string]string{"de": tc.de, "en": tc.en} {
				code, out, errs := cliRun(nil, cmd, "-f", path, "--catalog", smallCatalogPath, "--lang", lang)
				if code == 0 || !strings.Contains(errs, path+want) {
					t.Errorf("%s %s %s: exit %d, %q", name, cmd, lang, code, errs)
				}
				if strings.ContainsAny(out+errs, "\x1b\x07") || strings.Contains(out, "2099") {
					t.Errorf("%s %s: raw payload reached the output", name, cmd)
				}
			}
		}
	}
	path := filepath.Join(dir, "init.json")
	if code, _, errs := cliRun(nil, "init", "-f", path, "--catalog", smallCatalogPath, "--org", strings.Repeat("W", 50000)); code != ExitUsage || !strings.Contains(errs, "zu lang (höchstens 500 Zeichen)") {
		t.Errorf("init --org 50,000 characters: exit %d %q", code, errs)
	}
}

// TestFIFOAnswersFileRefused: an answers file that is a FIFO is refused at
// once by every command, in the user's language (also in status --json).
func TestFIFOAnswersFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo.json")
	if err := mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"validate"}, {"status"}, {"status", "--json"}, {"scan", "--apply", "--root", scanFixture}, {"render", "--format", "md"}, {"interview", "--accessible"},
	} {
		done := make(chan string, 1)
		go func() {
			_, out, errs := cliRun(nil, append(args, "-f", path, "--catalog", smallCatalogPath, "--lang", "en")...)
			done <- out + errs
		}()
		select {
		case got := <-done:
			if !strings.Contains(got, "is not a regular file but a named pipe (FIFO)") {
				t.Errorf("%v: %q", args, got)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v hangs", args)
		}
	}
}

// TestDiskFullOnARealDisk: on a tiny tmpfs filled up (root only; skipped
// where mounting is not allowed), scan --apply says the disk is full in the
// user's language, names the file, and leaves it and no temp file behind.
func TestDiskFullOnARealDisk(t *testing.T) {
	if os.Getpagesize() != 4096 {
		t.Skip("the fill below assumes 4 KiB pages")
	}
	dir := t.TempDir()
	if err := mountTmpfs(dir, "size=64k"); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	t.Cleanup(func() { unmount(dir) })
	path := filepath.Join(dir, "tom.json")
	if code, _, errs := cliRun(nil, "init", "-f", path); code != 0 {
		t.Fatal(errs)
	}
	before := readFile(t, path)
	fill := make([]byte, 4096)
	n := 0
	for ; ; n++ { // fill the disk
		if err := os.WriteFile(filepath.Join(dir, "fill"+strconv.Itoa(n)), fill, 0o600); err != nil {
			break
		}
	}
	os.Remove(filepath.Join(dir, "fill"+strconv.Itoa(n-1))) // room for the lock only
	for lang, want := range map[string]string{
		"de": path + ": kann nicht gespeichert werden; die Datei bleibt wie sie war (kein Platz mehr auf dem Datenträger)",
		"en": path + ": cannot be saved; the file stays as it was (no space left on the disk)",
	} {
		code, _, errs := cliRun(nil, "scan", "--apply", "--root", scanFixture, "-f", path, "--lang", lang)
		if code != ExitFailure || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d %q", lang, code, errs)
		}
	}
	if string(readFile(t, path)) != string(before) {
		t.Error("the file changed")
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".tom.json.tmp-*")); len(tmps) != 0 {
		t.Errorf("temp files left: %v", tmps)
	}
}
