package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

func shippedDirectory(t *testing.T) *model.Directory {
	t.Helper()
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	d, err := questionnaires.Providers(c)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestProvidersListsAll(t *testing.T) {
	d := shippedDirectory(t)
	code, out, errs := cliRun(nil, "providers")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(d.Entries) {
		t.Errorf("%d lines for %d entries:\n%s", len(lines), len(d.Entries), out)
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "\x1b\r\t") {
			t.Errorf("control character in %q", l)
		}
	}
}

func TestProvidersSearch(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"providers", "hetzner"}, "hetzner  Hetzner Online GmbH · Hosting und Rechenzentrum · 91710 Gunzenhausen\n"},
		{[]string{"providers", "HETZNER", "--lang", "en"}, "hetzner  Hetzner Online GmbH · Hosting and data centre · 91710 Gunzenhausen\n"},
		{[]string{"providers", "nurnberg"}, "datev  DATEV eG · Steuerberatung und Buchhaltung · 90429 Nürnberg\n"},
		{[]string{"providers", "NUERNBERG"}, "datev  DATEV eG · Steuerberatung und Buchhaltung · 90429 Nürnberg\n"},
		// A brand finds the entry and is shown unless the name holds it.
		{[]string{"providers", "mailbox.org"}, "mailbox-org  Heinlein Hosting GmbH (mailbox.org) · E-Mail · 10119 Berlin\n"},
	} {
		code, out, errs := cliRun(nil, tc.args...)
		if code != 0 || out != tc.want {
			t.Errorf("%v: exit %d, out %q, want %q (%s)", tc.args, code, out, tc.want, errs)
		}
	}
	// A category label finds every entry of that category, in the user's language.
	_, de, _ := cliRun(nil, "providers", "rechenzentrum")
	_, en, _ := cliRun(nil, "providers", "data centre", "--lang", "en")
	if !strings.Contains(de, "IONOS SE") || strings.Count(de, "\n") != strings.Count(en, "\n") {
		t.Errorf("category search differs by language:\n%s\n%s", de, en)
	}
}

func TestProvidersNoMatch(t *testing.T) {
	code, out, errs := cliRun(nil, "providers", "Bäckerei Zyx")
	if code != ExitFailure || out != "" || !strings.Contains(errs, "Kein Dienstleister passt zu „Bäckerei Zyx“.") {
		t.Errorf("exit %d, out %q, err %q", code, out, errs)
	}
	code, _, errs = cliRun(nil, "providers", "zyx", "--lang", "en")
	if code != ExitFailure || !strings.Contains(errs, `No service provider matches "zyx".`) {
		t.Errorf("English: exit %d, err %q", code, errs)
	}
	code, out, _ = cliRun(nil, "providers", "zyx", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("--json without a match: exit %d, %q", code, out)
	}
}

func TestProvidersJSON(t *testing.T) {
	code, out, errs := cliRun(nil, "providers", "--json", "hetzner")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []struct {
		ID, Name, Category string
		CategoryLabel      string `json:"category_label"`
		Address            model.Address
		Fields             map[string]any
		Source             []string
		Checked, Origin    string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got) != 1 {
		t.Fatalf("%d entries:\n%s", len(got), out)
	}
	e := got[0]
	if e.ID != "hetzner" || e.Name != "Hetzner Online GmbH" || e.Category != "hosting" || e.CategoryLabel != "Hosting und Rechenzentrum" ||
		e.Address.City != "Gunzenhausen" || e.Fields["processor"] != true || len(e.Source) == 0 || e.Checked == "" || e.Origin != questionnaires.ProvidersName {
		t.Errorf("entry %+v", e)
	}
}

func TestProvidersOwnDirectory(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "meine.json")
	body := `{"schema": 1, "entries": [
  {"id": "it-huber", "address": {"street": "Am Markt 3", "postcode": "86150", "city": "Augsburg", "country": "DE"},
   "fields": {"name": "IT-Service Huber", "category": "it_service", "access": "admin", "processor": true},
   "source": ["https://example.org/impressum"], "checked": "2026-12-01"},
  {"id": "hetzner", "address": {"street": "Industriestr. 25", "postcode": "91710", "city": "Gunzenhausen", "country": "DE"},
   "fields": {"name": "Hetzner (Vertrag 4711)", "category": "hosting"},
   "source": ["https://example.org/vertrag"], "checked": "2026-12-01"}]}`
	if err := os.WriteFile(own, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cliRun(nil, "providers", "--directory", own, "augsburg")
	if code != 0 || out != "it-huber  IT-Service Huber · IT-Dienstleister und Administration · 86150 Augsburg\n" {
		t.Errorf("own entry: exit %d, %q %s", code, out, errs)
	}
	_, out, _ = cliRun(nil, "providers", "--directory", own, "gunzenhausen")
	if out != "hetzner  Hetzner (Vertrag 4711) · Hosting und Rechenzentrum · 91710 Gunzenhausen\n" {
		t.Errorf("the consultant's entry did not replace the shipped one: %q", out)
	}
}

func TestProvidersBadDirectory(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	body := "{\"schema\": 1, \"entries\": [\n  {\"id\": \"x\", \"address\": {\"street\": \"S 1\", \"postcode\": \"1\", \"city\": \"X\", \"country\": \"DE\"},\n   \"fields\": {\"name\": \"X\", \"category\": \"bakery\"}, \"source\": [\"https://x.org\"], \"checked\": \"2026-12-01\"}]}"
	if err := os.WriteFile(bad, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, bad)
	code, out, errs := cliRun(nil, "providers", "--directory", bad)
	if code != ExitFailure || out != "" || !strings.Contains(errs, bad+`:3:40: /entries/0/fields/category: unbekannte Option "bakery"`) {
		t.Errorf("German: exit %d, out %q, err %q", code, out, errs)
	}
	code, _, errs = cliRun(nil, "providers", "--directory", bad, "--lang", "en")
	if code != ExitFailure || !strings.Contains(errs, bad+`:3:40: /entries/0/fields/category: unknown option "bakery"`) {
		t.Errorf("English: exit %d, err %q", code, errs)
	}
	if string(readFile(t, bad)) != string(before) {
		t.Error("the directory file was changed")
	}
	missing := filepath.Join(dir, "fehlt.json")
	code, _, errs = cliRun(nil, "providers", "--directory", missing)
	if code != ExitFailure || !strings.Contains(errs, missing+": Datei nicht gefunden") {
		t.Errorf("missing file: exit %d, err %q", code, errs)
	}
	code, _, errs = cliRun(nil, "providers", "--catalog", smallCatalogPath, "--lang", "en")
	if code != ExitFailure || !strings.Contains(errs, "has no service-provider register") {
		t.Errorf("catalogue without a register: exit %d, err %q", code, errs)
	}
	code, _, _ = cliRun(nil, "providers", "a", "b")
	if code != ExitUsage {
		t.Errorf("two search words: exit %d, want %d", code, ExitUsage)
	}
}
