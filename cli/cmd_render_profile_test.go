package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An unknown --profile is a usage error (exit 2) in the user's language,
// and no document is written.
func TestRenderProfileUsageError(t *testing.T) {
	dir := t.TempDir()
	a := renderSample(t, dir, "tom.json")
	for _, tc := range []struct{ lang, want string }{
		{"de", `unbekanntes Profil "kunde" (internal oder annex)`},
		{"en", `unknown profile "kunde" (internal or annex)`},
	} {
		code, stdout, stderr := cliRun(nil, "--lang", tc.lang, "render", "-f", a, "--format", "md", "--profile", "kunde")
		if code != ExitUsage || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr:\n%s\nwant exit %d and %q", tc.lang, code, stdout, stderr, ExitUsage, tc.want)
		}
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"tom.json"}) {
		t.Errorf("files after refused runs: %v", names)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// --profile annex in a batch: every answers file gets its annex, named so
// ("…_Anlage.pdf"), beside the
// internal documents of the same files, which keep their names.
func TestRenderProfileAnnexBatchNames(t *testing.T) {
	dir := t.TempDir()
	a := renderSample(t, dir, "a.json")
	b := filepath.Join(dir, "b.json")
	data := strings.Replace(string(readFile(t, a)), "Webagentur Krüger & Söhne GmbH", "Bäckerei Öztürk GmbH", 1)
	if err := os.WriteFile(b, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "dist") + "/"
	for _, profile := range []string{"annex", "internal"} {
		if code, _, stderr := cliRun(nil, "render", a, b, "--format", "all", "--profile", profile, "--out", out); code != 0 {
			t.Fatalf("--profile %s: exit %d: %s", profile, code, stderr)
		}
	}
	var want []string
	for _, org := range []string{"Baeckerei-Oeztuerk-GmbH", "Webagentur-Krueger-und-Soehne-GmbH"} {
		for _, ext := range []string{"docx", "html", "md", "pdf", "txt"} {
			want = append(want, "TOM_"+org+"_2026-11-28."+ext, "TOM_"+org+"_2026-11-28_Anlage."+ext)
		}
	}
	slices.Sort(want)
	if got := dirNames(t, out); !slices.Equal(got, want) {
		t.Errorf("documents:\n%v\nwant\n%v", got, want)
	}
	md := string(readFile(t, filepath.Join(out, "TOM_Baeckerei-Oeztuerk-GmbH_2026-11-28_Anlage.md")))
	if !strings.HasPrefix(md, "# Anlage: Technische und organisatorische Maßnahmen") || strings.Contains(md, "Offene Punkte") {
		t.Errorf("the annex file is not the annex:\n%.300s", md)
	}
	full := string(readFile(t, filepath.Join(out, "TOM_Baeckerei-Oeztuerk-GmbH_2026-11-28.md")))
	if !strings.Contains(full, "Offene Punkte") {
		t.Error("the internal document lost its open items")
	}
}

// An annex for a business that says it is controller only is written, with
// a note in the user's language; the processor's annex has none.
func TestRenderAnnexControllerNote(t *testing.T) {
	dir := t.TempDir()
	a := renderSample(t, dir, "tom.json")
	if code, _, stderr := cliRun(nil, "render", "-f", a, "--format", "md", "--profile", "annex"); code != 0 || strings.Contains(stderr, "Hinweis") {
		t.Fatalf("processor: exit %d, stderr %q", code, stderr)
	}
	data := strings.Replace(string(readFile(t, a)), `"risk.role": "both"`, `"risk.role": "controller"`, 1)
	if data == string(readFile(t, a)) {
		t.Fatal("the sample has no role both")
	}
	if err := os.WriteFile(a, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, want string }{
		{"de", "keine Daten im Auftrag von Kunden"},
		{"en", "processes no data on behalf of clients"},
	} {
		code, _, stderr := cliRun(nil, "--lang", tc.lang, "render", "-f", a, "--format", "md", "--profile", "annex", "--force")
		if code != 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: exit %d, stderr %q", tc.lang, code, stderr)
		}
	}
}
