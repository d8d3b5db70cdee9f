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
	if code != 1 || !strings.Contains(errs, "title: English text missing") || !strings.Contains(errs, "no sections") {
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
