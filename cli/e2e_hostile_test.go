package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// hostileText holds what a terminal would obey: an OSC 52 clipboard write
// ended by BEL, a screen clear, backspaces, the one-character C1 CSI, a
// right-to-left override and an isolate.
const hostileText = "Evil\x1b]52;c;ZXZpbA==\x07 \x1b[2J\x08\x08\u009b31m \u202egnp.exe\u2066x\u2069"

// hostileFiles writes answers files and a catalogue carrying hostileText in
// the organisation's name, a provider's name, the history's author and
// summary, a JSON key and the catalogue's title, and returns their paths.
func hostileFiles(t *testing.T) (dir, answers, older, badKey, catalog string) {
	t.Helper()
	dir = t.TempDir()
	c := rvLoadCatalog(t)
	write := func(name string, f *model.File) string {
		data, err := model.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	a := rvStory2025(c)
	older = write("older.json", a)
	f := a.Clone()
	before := f.Clone()
	f.Set("org.name", model.String(hostileText+"\nNächste Prüfung: 01.01.2099"))
	p := f.Get("providers").Records()
	strato := p[1].Clone()
	strato["name"] = model.String(hostileText)
	f.Set("providers", model.Records(p[0], strato))
	f.AddHistory(before, model.HistoryReview, "2026-02-01", hostileText, hostileText)
	answers = write("hostile.json", f)

	data := string(readFile(t, older))
	badKey = filepath.Join(dir, "badkey.json")
	os.WriteFile(badKey, []byte(strings.Replace(data, "{", "{\n  \"\\u001b[2J\\u009b\\u202ekey\": 1,", 1)), 0o600)

	cat := string(readFile(t, rvCatalogPath))
	cat = strings.Replace(cat, `"Kleiner Testkatalog"`, `"Kleiner \u001b]52;c;ZXZpbA==\u0007\u009b2J\u202eTestkatalog"`, 1)
	cat = strings.Replace(cat, `"Zugangskontrolle"`, `"Zugang\u001b[2J\u202ekontrolle"`, 1)
	catalog = filepath.Join(dir, "catalog.json")
	os.WriteFile(catalog, []byte(cat), 0o600)
	// The loader refuses control characters in a catalogue; bidi controls
	// it lets through.
	bidi := strings.Replace(string(readFile(t, rvCatalogPath)), `"Kleiner Testkatalog"`, `"Kleiner \u202eTestkatalog\u2066"`, 1)
	os.WriteFile(filepath.Join(dir, "catalog-bidi.json"), []byte(bidi), 0o600)

	os.WriteFile(filepath.Join(dir, "providers.json"), []byte(`{"schema": 1, "entries": [
  {"id": "evil", "address": {"street": "Am Markt 3\u001b[2J", "postcode": "86150", "city": "Augs\u202eburg\nNächste Prüfung: 01.01.2099", "country": "DE"},
   "fields": {"name": "Evil\u001b]52;c;ZXZpbA==\u0007 \u009b31m GmbH", "category": "it_service", "processor": true},
   "source": ["https://example.org/\u001b[2J"], "checked": "2026-12-01"}]}`), 0o600)
	// bidi controls the loader lets through
	os.WriteFile(filepath.Join(dir, "providers-bidi.json"), []byte(`{"schema": 1, "entries": [
  {"id": "evil", "address": {"street": "Am Markt 3", "postcode": "86150", "city": "Augs\u202eburg", "country": "DE"},
   "fields": {"name": "Evil \u202egnp.exe\u2066 GmbH", "category": "it_service", "processor": true},
   "source": ["https://example.org/"], "checked": "2026-12-01"}]}`), 0o600)
	return dir, answers, older, badKey, catalog
}

// Every command that prints text, fed files and catalogues full of escape
// sequences and bidi controls, writes none of them raw to standard output
// or standard error, and the newline in the organisation's name cannot
// forge a line of tom status.
func TestE2ENoRawControlsOnTheTerminal(t *testing.T) {
	dir, answers, older, badKey, catalog := hostileFiles(t)
	env := []string{"TOM_TODAY=" + rvToday, "TERM=dumb"}
	rc := "--catalog=" + rvCatalogPath
	cases := [][]string{
		{"status", rc, "-f", answers},
		{"status", rc, "--json", "-f", answers},
		{"status", rc, "-f", badKey},
		{"status", rc, "--json", "-f", badKey},
		{"validate", rc, "-f", answers},
		{"validate", rc, "-f", badKey},
		{"diff", rc, older, answers},
		{"diff", rc, "--format", "md", older, answers},
		{"diff", rc, "--since", "2020-01-01", "-f", answers},
		{"diff", rc, "--since", "2020-01-01", "--format", "md", "-f", answers},
		{"diff", rc, older, badKey},
		{"catalog", "--catalog", catalog},
		{"catalog", "--catalog", catalog, "--format", "md"},
		{"catalog", "--catalog", catalog, "--format", "json"},
		{"status", "--catalog", catalog, "-f", answers},
		{"render", rc, "--format", "txt", "--out", "-", "-f", answers},
		{"render", rc, "--format", "md", "--out", "-", "-f", answers},
		{"render", "--catalog", catalog, "--format", "html", "--out", filepath.Join(dir, "refused.html"), "-f", older},
		{"render", "--catalog", filepath.Join(dir, "catalog-bidi.json"), "--format", "html", "--out", filepath.Join(dir, "doc.html"), "-f", older},
		{"catalog", "--catalog", filepath.Join(dir, "catalog-bidi.json")},
		{"catalog", "--catalog", filepath.Join(dir, "catalog-bidi.json"), "--format", "md"},
		{"render", rc, "--format", "txt", "--out", filepath.Join(dir, "x\x1b[2J.txt"), "-f", answers},
		{"init", rc, "--org", hostileText, "-f", filepath.Join(dir, "neu.json")},
		{"validate", rc, "-f", filepath.Join(dir, "missing\x1b[2J\u202e.json")},
		{"version", "--catalog", catalog},
		{"help", "x\x1b[2J\u202ey"},
		{"x\x1b[2J\u202ey"},
		{"status", "--format\x1b[2J"},
		{"man", filepath.Join(dir, "man\x1b[2J\u202e")},
		{"status", rc, answers, older, badKey},
		{"status", rc, "--json", answers, older, badKey},
		{"validate", rc, answers, badKey},
		{"providers", "--directory", filepath.Join(dir, "providers.json"), "evil"},
		{"providers", "--directory", filepath.Join(dir, "providers-bidi.json"), "evil"},
		{"providers", "--directory", filepath.Join(dir, "providers-bidi.json"), "--json", "evil"},
	}
	for _, args := range cases {
		stdout, stderr, code := runTomBinSplit(t, "", env, args...)
		name := strings.Join(args, " ")
		noRawControl(t, name+": stdout", stdout)
		noRawControl(t, name+": stderr", stderr)
		if stdout+stderr == "" {
			t.Errorf("%s: no output (exit %d)", name, code)
		}
		if args[0] == "render" {
			continue // the document shows the name as it is (validate refuses the newline)
		}
		for _, l := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "Nächste Prüfung: 01.01.2099") {
				t.Errorf("%s: forged line %q", name, l)
			}
		}
	}
	// The catalogue check refuses control characters in catalogue texts, so
	// no document is written from the hostile catalogue (refused.html); the
	// one written from the catalogue with bidi controls is clean otherwise.
	if _, err := os.Stat(filepath.Join(dir, "refused.html")); !os.IsNotExist(err) {
		t.Errorf("a document was written from the refused catalogue: %v", err)
	}
	html := string(readFile(t, filepath.Join(dir, "doc.html")))
	noRawControl(t, "HTML document", strings.NewReplacer("\u202e", "", "\u2066", "", "\u2069", "").Replace(html))
	_, stderr, code := runTomBinSplit(t, "", env, "catalog", "--catalog", catalog)
	if code == 0 || !strings.Contains(stderr, "Steuerzeichen U+001B") {
		t.Errorf("hostile catalogue accepted: exit %d %q", code, stderr)
	}
}
