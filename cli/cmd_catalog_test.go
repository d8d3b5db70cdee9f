package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

func TestCatalogFormats(t *testing.T) {
	for _, tc := range []struct {
		lang, format string
		want         []string
	}{
		{"de", "text", []string{"Kleiner Testkatalog", "3. Zugangskontrolle — Vertraulichkeit, Art. 32 Abs. 1 lit. b DSGVO",
			"[O] Schriftliche Passwortrichtlinie", "infra.server_kind · Auswahl · nur wenn infra.server = ja",
			"- rented_root: Gemieteter Root-Server", "Felder je Eintrag (Dienstleister):",
			"4 Abschnitte, 8 Fragen, 4 Maßnahmen (3 technisch, 1 organisatorisch)"}},
		{"en", "text", []string{"Small test catalogue", "[T] SSH login to the server by key only", "only if infra.devices includes",
			"4 sections, 8 questions, 4 measures (3 technical, 1 organisational)"}},
		{"de", "md", []string{"# Kleiner Testkatalog", "## 3\\. Zugangskontrolle", "### 2.2 Welche Art von Server?",
			"- **O** Schriftliche Passwortrichtlinie\n  - access\\_system.policy\n", "4 Abschnitte, 8 Fragen, 4 Maßnahmen"}},
		{"en", "md", []string{"# Small test catalogue", "**Goal: No unauthorised use of systems.**", "4 sections, 8 questions"}},
	} {
		code, out, errs := cliRun(nil, "catalog", "--catalog", smallCatalogPath, "--format", tc.format, "--lang", tc.lang)
		if code != 0 {
			t.Fatalf("%s %s: %d %s", tc.lang, tc.format, code, errs)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %s lacks %q", tc.lang, tc.format, w)
			}
		}
		other := "Zugangskontrolle"
		if tc.lang == "de" {
			other = "System access control"
		}
		if strings.Contains(out, other) {
			t.Errorf("%s %s mixes in the other language (%q)", tc.lang, tc.format, other)
		}
	}
	// Default format is text; lines fit 80 columns.
	_, out, _ := cliRun(nil, "catalog", "--catalog", smallCatalogPath)
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("line longer than 80: %q", l)
		}
	}
	if code, _, _ := cliRun(nil, "catalog", "--format", "pdf"); code != 2 {
		t.Error("unknown format is not a usage error")
	}
}

func TestCatalogJSON(t *testing.T) {
	code, out, _ := cliRun(nil, "catalog", "--format", "json")
	if code != 0 || out != string(questionnaires.StandardJSON()) {
		t.Error("shipped catalogue JSON is not the embedded source")
	}
	code, out, errs := cliRun(nil, "catalog", "--format", "json", "--catalog", smallCatalogPath)
	if code != 0 {
		t.Fatal(errs)
	}
	c, err := model.ParseCatalog("out.json", []byte(out))
	if err != nil {
		t.Fatalf("re-encoded catalogue does not load: %v", err)
	}
	orig, _ := model.LoadCatalogFile(smallCatalogPath)
	if c.ID != orig.ID || len(c.Sections) != len(orig.Sections) || c.Question("infra.server_kind").When == nil {
		t.Error("re-encoded catalogue lost content")
	}
	if strings.Contains(out, `\u0026`) || !strings.Contains(out, "Hoster, Buchhaltung, IT-Betreuung …") {
		t.Error("re-encoded catalogue escapes text")
	}
	bad := filepath.Join(t.TempDir(), "bad-cat.json")
	os.WriteFile(bad, []byte(`{"id": "x", "version": "1.0.0", "title": {"de": "X"}, "sections": []}`), 0o644)
	code, _, errs = cliRun(nil, "catalog", "--catalog", bad)
	if code != 1 || !strings.Contains(errs, "/title: englischer Text fehlt") || !strings.Contains(errs, "/sections: der Katalog hat keine Abschnitte") {
		t.Errorf("broken catalogue: %d %q", code, errs)
	}
}

// runCatalog called directly with its options.
func TestRunCatalog(t *testing.T) {
	g, out, _ := testGlobals(time.Now())
	g.CatalogPath = smallCatalogPath
	if err := runCatalog(&catalogOptions{Globals: g, Format: "md"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "# Kleiner Testkatalog\n") {
		t.Errorf("%.200s", out)
	}
	if err := runCatalog(&catalogOptions{Globals: g, Format: "pdf"}); exitCode(err) != ExitUsage {
		t.Errorf("format pdf: %v", err)
	}
}

// tom catalog --check checks an overlay: fine, or its problems with line
// and column and exit 1; a workspace can name the overlay as its
// catalogue, and files of the shipped catalogue stay valid under it.
func TestCatalogCheckOverlay(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(good, []byte(`{
  "extends": "tom-standard@1",
  "add": {"questions": [{"section": "org", "id": "org.client_no", "kind": "text",
    "title": {"de": "Kundennummer", "en": "Client number"}, "help": {"de": "h", "en": "h"}}]}
}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cliRun(nil, "catalog", "--check", good)
	if code != 0 || !strings.Contains(out, "ist gültig: Katalog tom-standard") {
		t.Errorf("good overlay: %d %q %q", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{\n  \"extends\": \"tom-standard@1\",\n  \"hide\": [\"no.such\"]\n}"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs = cliRun(nil, "catalog", "--check", bad)
	if code != 1 || !strings.Contains(errs, bad+`:3:12: /hide/0: der Basiskatalog hat keinen Abschnitt, keine Frage oder Maßnahme "no.such"`) {
		t.Errorf("bad overlay: %d %q", code, errs)
	}
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte(`{"extends": "tom-standard@9"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := cliRun(nil, "catalog", "--check", other); code != 1 || !strings.Contains(errs, other+`:1:13: /extends: "tom-standard@9" ist nicht der mitgelieferte Katalog`) {
		t.Errorf("unknown base: %d %q", code, errs)
	}
	if code, _, errs := cliRun(nil, "catalog", "--lang", "en", "--check", other); code != 1 || !strings.Contains(errs, other+`:1:13: /extends: "tom-standard@9" is not the shipped catalogue`) {
		t.Errorf("unknown base, English: %d %q", code, errs)
	}
	// Through the workspace: a file of the shipped catalogue is valid, and
	// the catalogue has the overlay's question.
	if err := os.WriteFile(filepath.Join(dir, "tom.toml"), []byte(`catalog = "overlay.json"`), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "kunde.json")
	if code, _, errs := cliRun(nil, "init", "-f", file, "--org", "Muster GmbH"); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	if code, _, errs := cliRun(nil, "validate", "-f", file); code != 0 {
		t.Errorf("validate under the overlay: %s", errs)
	}
	if _, out, _ := cliRun(nil, "catalog", "-f", file); !strings.Contains(out, "Kundennummer") {
		t.Error("tom catalog does not show the overlay's question")
	}
}
