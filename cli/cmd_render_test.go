package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// renderSample copies the sample business's answers file into dir under name.
func renderSample(t *testing.T, dir, name string) string {
	t.Helper()
	data := readFile(t, filepath.Join("..", "testdata", "sample", "tom.json"))
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderBatchWithInvalidFile(t *testing.T) {
	dir := t.TempDir()
	a := renderSample(t, dir, "a.json")
	bad := filepath.Join(dir, "b.json")
	if err := os.WriteFile(bad, []byte("{\n  \"schema\": 1,\n  \"answers\": {\"org.name\": 7}\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A second client with another name, so that both documents are kept.
	c := filepath.Join(dir, "c.json")
	cdata := bytes.Replace(readFile(t, a), []byte("Webagentur Krüger & Söhne GmbH"), []byte("Bäckerei Öztürk GmbH"), 1)
	if err := os.WriteFile(c, cdata, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "dist") + "/"
	code, stdout, stderr := cliRun(nil, "render", a, bad, c, "--format", "txt", "--out", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "b.json:3:") {
		t.Errorf("stderr lacks the positioned validation error for b.json:\n%s", stderr)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		info, _ := e.Info()
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", e.Name(), info.Mode().Perm())
		}
	}
	want := []string{"TOM_Baeckerei-Oeztuerk-GmbH_2026-11-28.txt", "TOM_Webagentur-Krueger-und-Soehne-GmbH_2026-11-28.txt"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("documents %v, want %v", names, want)
	}
	if !strings.Contains(stdout, "TOM_Webagentur-Krueger-und-Soehne-GmbH_2026-11-28.txt") {
		t.Errorf("stdout does not name the written file:\n%s", stdout)
	}
}

func TestRenderDefaultNameNextToAnswersAndFileUntouched(t *testing.T) {
	dir := t.TempDir()
	a := renderSample(t, dir, "kunde.json")
	before := readFile(t, a)
	st, _ := os.Stat(a)
	code, _, stderr := cliRun(nil, "render", "-f", a, "--format", "all")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, ext := range []string{"md", "html", "pdf", "docx", "txt"} {
		p := filepath.Join(dir, "TOM_Webagentur-Krueger-und-Soehne-GmbH_2026-11-28."+ext)
		info, err := os.Stat(p)
		if err != nil {
			t.Fatalf("missing %s: %v", p, err)
		}
		if info.Mode().Perm() != 0o600 || info.Size() == 0 {
			t.Errorf("%s: mode %v size %d", p, info.Mode().Perm(), info.Size())
		}
	}
	after := readFile(t, a)
	st2, _ := os.Stat(a)
	if !bytes.Equal(before, after) || !st.ModTime().Equal(st2.ModTime()) {
		t.Fatal("the answers file changed during render")
	}
}

func TestRenderStdoutTextOnly(t *testing.T) {
	dir := t.TempDir()
	a := renderSample(t, dir, "tom.json")
	code, stdout, stderr := cliRun(nil, "render", "-f", a, "--format", "md", "--out", "-")
	if code != 0 || !strings.HasPrefix(stdout, "# Technische und organisatorische Maßnahmen") {
		t.Fatalf("exit %d, stdout %.80q, stderr %s", code, stdout, stderr)
	}
	code, stdout, stderr = cliRun(nil, "render", "-f", a, "--format", "md", "--out", "-", "--lang", "en")
	if code != 0 || !strings.HasPrefix(stdout, "# Technical and organisational measures") {
		t.Fatalf("--lang en: exit %d, stdout %.80q, stderr %s", code, stdout, stderr)
	}
	for _, f := range []string{"pdf", "docx", "all"} {
		code, stdout, stderr = cliRun(nil, "render", "-f", a, "--format", f, "--out", "-")
		if code != 2 || stdout != "" || !strings.Contains(stderr, "Binärformat") {
			t.Errorf("--format %s --out -: exit %d, stdout %d bytes, stderr %q", f, code, len(stdout), stderr)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("render to stdout wrote files: %d entries", len(entries))
	}
}

func TestRenderUsageErrors(t *testing.T) {
	dir := t.TempDir()
	a := renderSample(t, dir, "tom.json")
	if code, _, stderr := cliRun(nil, "render", "-f", a, "--format", "odt"); code != 2 || !strings.Contains(stderr, "odt") {
		t.Errorf("bad format: exit %d, %s", code, stderr)
	}
	if code, _, stderr := cliRun(nil, "render", "-f", a, "--format", "all", "--out", filepath.Join(dir, "x.pdf")); code != 2 {
		t.Errorf("--out FILE with all formats: exit %d, %s", code, stderr)
	}
	if code, _, stderr := cliRun(nil, "render", "-f", a, "--format", "md", "--out", a); code != 1 || !strings.Contains(stderr, "Antwortdatei") {
		t.Errorf("--out onto the answers file: exit %d, %s", code, stderr)
	}
	single := filepath.Join(dir, "doc.pdf")
	if code, _, stderr := cliRun(nil, "render", "-f", a, "--format", "pdf", "--out", single); code != 0 {
		t.Fatalf("--out FILE: exit %d, %s", code, stderr)
	}
	if data := readFile(t, single); !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("%s is not a PDF", single)
	}
}

// TestRenderMarkdownPendingFile: the Markdown of a single answers file,
// written to a temporary file while it is made, ends up complete in place
// and leaves no temporary file when rendering succeeds, when the answers
// are invalid, when an existing document of another organisation is not
// replaced, and when the document goes elsewhere (a symlink).
func TestRenderMarkdownPendingFile(t *testing.T) {
	dir := t.TempDir()
	a := renderSample(t, dir, "kunde.json")
	out := filepath.Join(dir, "out")
	noTemp := func(t *testing.T, dirs ...string) {
		t.Helper()
		for _, d := range dirs {
			entries, _ := os.ReadDir(d)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temporary file left: %s", filepath.Join(d, e.Name()))
				}
			}
		}
	}
	code, stdout, stderr := cliRun(nil, "render", a, "--format", "md", "--out", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := stdout
	doc := filepath.Join(out, "TOM_Webagentur-Krueger-und-Soehne-GmbH_2026-11-28.md")
	if code, _, stderr := cliRun(nil, "render", a, "--format", "md", "--out", out+"/"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := string(readFile(t, doc)); got != want {
		t.Errorf("the Markdown written differs from the one on standard output (%d and %d bytes)", len(got), len(want))
	}
	noTemp(t, dir, out)

	bad := filepath.Join(dir, "bad.json")
	// invalid only to validation, which runs while the document is made
	if err := os.WriteFile(bad, bytes.Replace(readFile(t, a), []byte(`"email": "info@hetzner.com"`), []byte(`"email": "not an address"`), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := cliRun(nil, "render", bad, "--format", "md", "--out", out+"/"); code == 0 {
		t.Error("an invalid answers file was rendered")
	}
	noTemp(t, dir, out)

	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, bytes.Replace(readFile(t, a), []byte("Webagentur Krüger & Söhne GmbH"), []byte("Bäckerei Öztürk GmbH"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := cliRun(nil, "render", other, "--format", "md", "--out", doc); code == 0 {
		t.Error("another organisation's document was replaced without --force")
	}
	if got := string(readFile(t, doc)); got != want {
		t.Error("the refused render changed the document")
	}
	noTemp(t, dir, out)

	// A document that is a symlink to another folder is replaced there.
	far := t.TempDir()
	farDoc := filepath.Join(far, "doc.md")
	if err := os.WriteFile(farDoc, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(out, "link.md")
	if err := os.Symlink(farDoc, link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cliRun(nil, "render", a, "--format", "md", "--out", link, "--force"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := string(readFile(t, farDoc)); got != want {
		t.Error("the symlinked document was not replaced with the Markdown")
	}
	noTemp(t, dir, out, far)
}
