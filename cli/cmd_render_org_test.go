package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeClient copies the sample answers into dir/name with another
// organisation name.
func writeClient(t *testing.T, dir, name, org string) string {
	t.Helper()
	p := renderSample(t, dir, name)
	data := bytes.Replace(readFile(t, p), []byte("Webagentur Krüger & Söhne GmbH"), []byte(org), 1)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRenderNonLatinOrgs: two clients with Greek names rendered in two runs
// into one folder got the same file name, and the second silently replaced
// the first. Cyrillic is transliterated; Greek falls back to the answers
// file's name; an existing document of another organisation is kept unless
// --force is given; the same organisation's document is replaced.
func TestRenderNonLatinOrgs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "dist") + "/"
	athen := writeClient(t, dir, "kunde-athen.json", "Αθηναϊκή Τεχνική Α.Ε.")
	sparta := writeClient(t, dir, "kunde-sparta.json", "Σπαρτιατική Λογιστική Ο.Ε.")
	moskau := writeClient(t, dir, "moskau.json", "ООО «Жуков и партнёры»")
	for _, tc := range []struct{ file, want string }{
		{athen, "TOM_kunde-athen_2026-11-28.txt"},
		{sparta, "TOM_kunde-sparta_2026-11-28.txt"},
		{moskau, "TOM_OOO-Zhukov-i-partnery_2026-11-28.txt"},
	} {
		code, _, stderr := cliRun(nil, "render", tc.file, "--format", "txt", "--out", out)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.file, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(out, tc.want)); err != nil {
			t.Errorf("%s: %v", tc.file, err)
		}
	}

	// Another organisation's document under the name this one would get:
	// refused without --force, file untouched, exit 1.
	for _, format := range []string{"txt", "md", "html", "pdf", "docx"} {
		if code, _, stderr := cliRun(nil, "render", athen, "--format", format, "--out", out); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		mine := filepath.Join(out, "TOM_kunde-athen_2026-11-28."+format)
		theirs := filepath.Join(out, "TOM_kunde-sparta_2026-11-28."+format)
		if code, _, stderr := cliRun(nil, "render", sparta, "--format", format, "--out", out); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if err := os.Rename(theirs, mine); err != nil {
			t.Fatal(err)
		}
		before := readFile(t, mine)
		code, _, stderr := cliRun(nil, "render", athen, "--format", format, "--out", out)
		if code != 1 || !strings.Contains(stderr, "--force") || !strings.Contains(stderr, "Αθηναϊκή") {
			t.Errorf("%s: exit %d, want 1 naming --force and the organisation; stderr:\n%s", format, code, stderr)
		}
		if !bytes.Equal(readFile(t, mine), before) {
			t.Errorf("%s: the other organisation's document was overwritten", format)
		}
		// With --force it is replaced; then rendering again needs no --force.
		if code, _, stderr := cliRun(nil, "render", athen, "--format", format, "--out", out, "--force"); code != 0 {
			t.Fatalf("%s --force: exit %d: %s", format, code, stderr)
		}
		if bytes.Equal(readFile(t, mine), before) {
			t.Errorf("%s --force: not replaced", format)
		}
		if code, _, stderr := cliRun(nil, "render", athen, "--format", format, "--out", out); code != 0 {
			t.Errorf("%s: re-rendering the same organisation: exit %d: %s", format, code, stderr)
		}
	}

	// A file tom did not write is not replaced either.
	foreign := filepath.Join(out, "TOM_OOO-Zhukov-i-partnery_2026-11-28.md")
	if err := os.WriteFile(foreign, []byte("# my notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := cliRun(nil, "render", moskau, "--format", "md", "--out", out); code != 1 {
		t.Errorf("foreign file: exit %d, want 1", code)
	}
	if got := string(readFile(t, foreign)); got != "# my notes\n" {
		t.Errorf("foreign file overwritten: %q", got)
	}
}
