package cli

import (
	"slices"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/questionnaires"
)

func TestSchemaCommand(t *testing.T) {
	code, out, _ := cliRun(nil, "schema")
	if code != 0 {
		t.Fatal(code)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" || s["type"] != "object" {
		t.Errorf("schema header %v %v", s["$schema"], s["type"])
	}
}

// tom schema --document prints the schema of the JSON export, and tom
// render --format json writes that export: to a file named like the
// documents (…_Anlage.json for the annex) or to standard output.
func TestSchemaDocumentAndJSONExport(t *testing.T) {
	code, out, _ := cliRun(nil, "schema", "--document")
	if code != 0 || out != string(questionnaires.DocumentSchema()) {
		t.Fatalf("schema --document: exit %d, output differs from the embedded schema", code)
	}
	dir := t.TempDir()
	a := renderSample(t, dir, "tom.json")
	code, out, stderr := cliRun(nil, "render", "-f", a, "--format", "json", "--out", "-")
	if code != 0 {
		t.Fatalf("render --format json --out -: exit %d: %s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc["format"] != "tom-document" || doc["profile"] != "internal" {
		t.Fatalf("export: %v %v", err, doc["format"])
	}
	for _, profile := range []string{"internal", "annex"} {
		if code, _, stderr := cliRun(nil, "render", "-f", a, "--format", "json", "--profile", profile); code != 0 {
			t.Fatalf("%s: exit %d: %s", profile, code, stderr)
		}
	}
	got := dirNames(t, dir)
	want := []string{"TOM_Webagentur-Krueger-und-Soehne-GmbH_2026-11-28.json", "TOM_Webagentur-Krueger-und-Soehne-GmbH_2026-11-28_Anlage.json", "tom.json"}
	if !slices.Equal(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	// Rendering again replaces the export of the same organisation.
	if code, _, stderr := cliRun(nil, "render", "-f", a, "--format", "json"); code != 0 {
		t.Errorf("second export: exit %d: %s", code, stderr)
	}
}
