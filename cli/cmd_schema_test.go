package cli

import (
	"testing"

	json "github.com/goccy/go-json"
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
