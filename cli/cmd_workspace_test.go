package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/workspace"
)

// wsTree makes clients/ with a tom.toml naming the small catalogue (and
// more), and an answers file two folders below it, made with that
// catalogue. The root becomes the working folder; it returns the root and
// the answers file's path relative to it.
func wsTree(t *testing.T, toml string) (string, string) {
	t.Helper()
	root := t.TempDir()
	clients := filepath.Join(root, "clients")
	if err := os.MkdirAll(filepath.Join(clients, "a", "b"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(clients, "small.json"), readFile(t, smallCatalogPath), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(clients, workspace.FileName), []byte(toml), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	file := filepath.Join("clients", "a", "b", "kunde.json")
	if code, _, errs := cliRun(nil, "init", "-f", file); code != 0 {
		t.Fatalf("init: %d %s", code, errs)
	}
	return root, file
}

// The workspace's catalogue is found from the answers file's folder
// upwards; TOM_CATALOG beats it, --catalog beats both.
func TestWorkspaceCatalogPrecedence(t *testing.T) {
	_, file := wsTree(t, "catalog = \"small.json\"\nreview_interval_months = 6\n")
	if code, out, errs := cliRun(nil, "validate", "-f", file); code != 0 || !strings.Contains(out, "Katalog tom-small") {
		t.Fatalf("workspace catalogue: %d %q %q", code, out, errs)
	}
	// The file was created with the workspace's interval.
	var f struct {
		Catalog struct{ ID string } `json:"catalog"`
		Review  struct {
			Months int `json:"interval_months"`
		} `json:"review"`
	}
	if err := json.Unmarshal(readFile(t, file), &f); err != nil || f.Catalog.ID != "tom-small" || f.Review.Months != 6 {
		t.Errorf("init under the workspace: %+v %v", f, err)
	}
	// The environment beats the workspace: the shipped catalogue by its ID
	// does not fit the file.
	std := map[string]string{"TOM_CATALOG": "tom-standard"}
	if code, _, errs := cliRun(std, "validate", "-f", file); code != 1 || !strings.Contains(errs, "/catalog/id") {
		t.Errorf("TOM_CATALOG: %d %q", code, errs)
	}
	// The flag beats the environment.
	bad := map[string]string{"TOM_CATALOG": filepath.Join(t.TempDir(), "none.json")}
	if code, _, errs := cliRun(bad, "validate", "-f", file, "--catalog", "clients/small.json"); code != 0 {
		t.Errorf("--catalog over TOM_CATALOG: %d %q", code, errs)
	}
	// tom workspace show says where each value came from.
	_, out, _ := cliRun(nil, "workspace", "show", file)
	for _, want := range []string{"Arbeitsbereich: clients/tom.toml", "Katalog: clients/small.json (aus clients/tom.toml)", "Prüfintervall: 6 Monate (aus clients/tom.toml)"} {
		if !strings.Contains(flat(out), want) {
			t.Errorf("workspace show lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = cliRun(std, "workspace", "show", file)
	if !strings.Contains(flat(out), "tom-standard (aus TOM_CATALOG)") {
		t.Errorf("workspace show with TOM_CATALOG:\n%s", out)
	}
}

// The workspace's language applies when neither --lang nor TOM_LANG says.
func TestWorkspaceLanguage(t *testing.T) {
	_, file := wsTree(t, "catalog = \"small.json\"\nlanguage = \"en\"\n")
	if _, out, _ := cliRun(nil, "workspace", "show", file); !strings.Contains(out, "Answers file:") || !strings.Contains(flat(out), "Language: en (from clients/tom.toml)") {
		t.Errorf("not English from the workspace:\n%s", out)
	}
	if _, out, _ := cliRun(map[string]string{"TOM_LANG": "de"}, "workspace", "show", file); !strings.Contains(out, "Antwortdatei:") || !strings.Contains(flat(out), "de (aus TOM_LANG)") {
		t.Errorf("TOM_LANG does not beat the workspace:\n%s", out)
	}
	if _, out, _ := cliRun(map[string]string{"TOM_LANG": "de"}, "workspace", "show", file, "--lang", "en"); !strings.Contains(flat(out), "en (from --lang)") {
		t.Errorf("--lang does not beat TOM_LANG:\n%s", out)
	}
}

// A broken tom.toml stops the command with the position; the answers file
// is untouched.
func TestWorkspaceBroken(t *testing.T) {
	root, file := wsTree(t, "catalog = \"small.json\"\n")
	before := readFile(t, file)
	if err := os.WriteFile(filepath.Join(root, "clients", workspace.FileName), []byte("catalog = \"small.json\"\nfarbe = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := cliRun(nil, "render", file, "--format", "md", "--out", "-")
	if code != 1 || !strings.Contains(errs, "tom.toml:2:1: unbekannter Schlüssel \"farbe\"") {
		t.Errorf("%d %q", code, errs)
	}
	if string(readFile(t, file)) != string(before) {
		t.Error("the answers file changed")
	}
}

// tom workspace init writes a commented example that loads as it is and
// does not overwrite an existing one.
func TestWorkspaceInit(t *testing.T) {
	dir := t.TempDir()
	if code, out, errs := cliRun(nil, "workspace", "init", dir); code != 0 || !strings.Contains(out, "angelegt") {
		t.Fatalf("%d %q %q", code, out, errs)
	}
	w, err := workspace.Load(filepath.Join(dir, workspace.FileName))
	if err != nil || w.Catalog != "" || !w.Branding.Empty() {
		t.Errorf("example: %+v %v", w, err)
	}
	if !strings.Contains(string(readFile(t, filepath.Join(dir, workspace.FileName))), "# accent = \"#1a5fb4\"") {
		t.Error("the example does not show the accent colour")
	}
	if code, _, errs := cliRun(nil, "workspace", "init", dir); code != 1 || !strings.Contains(errs, "gibt es schon") {
		t.Errorf("second init: %d %q", code, errs)
	}
	if code, _, _ := cliRun(nil, "workspace", "init", dir, "--force"); code != 0 {
		t.Errorf("--force: %d", code)
	}
	// In English, the comments are English.
	en := t.TempDir()
	cliRun(nil, "workspace", "init", en, "--lang", "en")
	if !strings.Contains(string(readFile(t, filepath.Join(en, workspace.FileName))), "settings for every answers file") {
		t.Error("the English example is not English")
	}
}

// tom render applies the branding of the file's workspace.
func TestWorkspaceBrandingRender(t *testing.T) {
	_, file := wsTree(t, "catalog = \"small.json\"\nprepared_by = \"Erika Muster\"\n[branding]\nname = \"Muster Beratung\"\nfooter = \"vertraulich\"\n[branding.intro]\nde = \"Unser eigener Absatz.\"\n")
	code, out, errs := cliRun(nil, "render", file, "--format", "md", "--out", "-")
	if code != 0 {
		t.Fatalf("%d %s", code, errs)
	}
	for _, want := range []string{"Muster Beratung", "Unser eigener Absatz.", "**Erstellt von:** Erika Muster"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// flat joins the words of s with single spaces: wrapped lines read as one.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestCatalogueErrorFirst: the catalogue is loaded while the answers file is
// read (loadWithCatalog); a catalogue that cannot be had is still all that
// tom validate and tom status report, whatever is wrong with the file.
func TestCatalogueErrorFirst(t *testing.T) {
	root, file := wsTree(t, "catalog = \"small.json\"\n")
	if err := os.WriteFile(filepath.Join(root, "clients", "small.json"), []byte("{\"id\": \"tom-small\",\n  \"version\": 1}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join("clients", "a", "kaputt.json")
	if err := os.WriteFile(broken, []byte("{\"schema\": 1, \"x\": \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join("clients", "a", "fehlt.json")
	for _, f := range []string{file, broken, missing} {
		// The interview loads the catalogue while it reads the file.
		for _, args := range [][]string{{"validate", "-f", f}, {"validate", f}, {"status", "-f", f}, {"status", f, f}, {"interview", "--accessible", "-f", f}} {
			code, out, errs := cliRun(nil, args...)
			if code == 0 || !strings.Contains(errs, "small.json:2:14: /version: erwartet einen Text\n") ||
				strings.Contains(errs, "kaputt.json:") || strings.Contains(errs, "nicht gefunden") {
				t.Errorf("%v: %d %q %q", args, code, out, errs)
			}
		}
	}
	for _, p := range []string{missing, missing + ".lock", file + ".lock"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s exists after the runs", p)
		}
	}
}
