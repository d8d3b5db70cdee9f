package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// schemaCheck validates v against the schema node s of root, for the
// keywords document.schema.json uses; a keyword it does not know fails the
// test, so the schema cannot use more than is checked here.
func schemaCheck(t *testing.T, root, s map[string]any, v any, at string, errs *[]string) {
	bad := func(format string, args ...any) { *errs = append(*errs, at+": "+fmt.Sprintf(format, args...)) }
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		def, ok := root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			t.Fatalf("%s: unknown $ref %s", at, ref)
		}
		schemaCheck(t, root, def, v, at, errs)
		return
	}
	for k := range s {
		switch k {
		case "$schema", "title", "description", "$defs", "type", "properties", "required", "additionalProperties", "items", "enum", "const", "pattern", "minimum":
		default:
			t.Fatalf("%s: keyword %q not supported by the test's validator", at, k)
		}
	}
	if typ, ok := s["type"]; ok {
		var types []string
		switch x := typ.(type) {
		case string:
			types = []string{x}
		case []any:
			for _, y := range x {
				types = append(types, y.(string))
			}
		}
		if !slices.Contains(types, jsonType(v)) && !(jsonType(v) == "integer" && slices.Contains(types, "number")) {
			bad("type %s, want %v", jsonType(v), types)
			return
		}
	}
	if c, ok := s["const"]; ok && fmt.Sprint(c) != fmt.Sprint(v) {
		bad("%v, want %v", v, c)
	}
	if e, ok := s["enum"].([]any); ok && !slices.ContainsFunc(e, func(x any) bool { return fmt.Sprint(x) == fmt.Sprint(v) }) {
		bad("%v not one of %v", v, e)
	}
	if p, ok := s["pattern"].(string); ok {
		if str, _ := v.(string); !regexp.MustCompile(p).MatchString(str) {
			bad("%q does not match %s", str, p)
		}
	}
	if m, ok := s["minimum"].(float64); ok {
		if n, _ := v.(float64); n < m {
			bad("%v below %v", n, m)
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := obj[r]; !ok {
				bad("missing %q", r)
			}
		}
		for k, x := range obj {
			if ps, ok := props[k].(map[string]any); ok {
				schemaCheck(t, root, ps, x, at+"/"+k, errs)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					bad("unknown key %q", k)
				}
			case map[string]any:
				schemaCheck(t, root, ap, x, at+"/"+k, errs)
			}
		}
	}
	if list, ok := v.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range list {
				schemaCheck(t, root, items, x, fmt.Sprintf("%s/%d", at, i), errs)
			}
		}
	}
}

func asStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	}
	return "unknown"
}

// validateDocumentJSON checks data against the published schema.
func validateDocumentJSON(t *testing.T, data []byte) []string {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(questionnaires.DocumentSchema(), &root); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	var errs []string
	schemaCheck(t, root, root, v, "", &errs)
	return errs
}

// The JSON export of the reference business, complete and as the annex,
// and of the same business with nothing implemented, in both languages,
// is valid under tom schema --document; it comes out the same twice, does
// not escape HTML characters, and matches its golden files.
func TestJSONExport(t *testing.T) {
	c, f := loadSample(t)
	nothing := nothingFile(c)
	for _, tc := range []struct {
		name    string
		f       *model.File
		l       model.Lang
		profile string
	}{
		{"sample.de.json", f, model.De, ProfileInternal},
		{"annex.de.json", f, model.De, ProfileAnnex},
		{"", f, model.En, ProfileInternal},
		{"", f, model.En, ProfileAnnex},
		{"", nothing, model.De, ProfileInternal},
		{"", nothing, model.De, ProfileAnnex},
	} {
		data, err := Write(BuildProfile(c, tc.f, tc.l, nil, tc.profile), FormatJSON)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := Write(BuildProfile(c, tc.f, tc.l, nil, tc.profile), FormatJSON)
		if !bytes.Equal(data, again) {
			t.Errorf("%s %s: two exports differ", tc.l, tc.profile)
		}
		if errs := validateDocumentJSON(t, data); len(errs) > 0 {
			t.Errorf("%s %s: not valid under the schema:\n%s", tc.l, tc.profile, strings.Join(errs[:min(len(errs), 20)], "\n"))
		}
		if !bytes.Contains(data, []byte(`"Webagentur Krüger & Söhne GmbH"`)) {
			t.Errorf("%s %s: the organisation's name is escaped", tc.l, tc.profile)
		}
		if tc.name == "" {
			continue
		}
		name := filepath.Join("testdata", "golden", tc.name)
		if *update {
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test ./render -update)", err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("%s differs from the golden file (run go test ./render -update and review)", name)
		}
	}
}

// The validator rejects what the schema forbids: it can fail.
func TestJSONSchemaValidatorFails(t *testing.T) {
	c, f := loadSample(t)
	data, err := WriteJSON(Build(c, f, model.De))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ old, new, want string }{
		{`"status": "implemented"`, `"status": "done"`, `/status: done not one of`},
		{`"format": "tom-document",`, `"format": "tom-document", "extra": 1,`, `unknown key "extra"`},
		{`"profile": "internal",`, ``, `missing "profile"`},
		{`"stand": "2026-11-28"`, `"stand": "28.11.2026"`, `does not match`},
		{`"expected": 59`, `"expected": -1`, `below 0`},
	} {
		bad := strings.Replace(string(data), tc.old, tc.new, 1)
		if bad == string(data) {
			t.Fatalf("%s not in the export", tc.old)
		}
		errs := strings.Join(validateDocumentJSON(t, []byte(bad)), "\n")
		if !strings.Contains(errs, tc.want) {
			t.Errorf("%s → %s: errors %q, want %q", tc.old, tc.new, errs, tc.want)
		}
	}
}

// What the JSON export says matches the document: statuses, open items and
// findings as the model has them, and the annex's measures are the
// implemented ones only.
func TestJSONExportContent(t *testing.T) {
	c, f := loadSample(t)
	var x exportDoc
	data, _ := WriteJSON(Build(c, f, model.De))
	if err := json.Unmarshal(data, &x); err != nil {
		t.Fatal(err)
	}
	v := model.View{C: c, F: f}
	if len(x.OpenItems) != len(v.OpenItems()) || len(x.Findings) != len(model.Findings(c, f, f.Stand())) || len(x.Findings) == 0 {
		t.Errorf("open items %d (model %d), findings %d (model %d)", len(x.OpenItems), len(v.OpenItems()), len(x.Findings), len(model.Findings(c, f, f.Stand())))
	}
	n := 0
	for _, s := range x.Sections {
		for _, m := range s.Measures {
			if m.Own {
				continue
			}
			n++
			if want := f.Measures[m.ID].Status; m.Status != want {
				t.Errorf("%s: status %q, want %q", m.ID, m.Status, want)
			}
		}
	}
	if n < 100 || x.Level == nil || len(x.TargetActual) != len(c.Groups) || len(x.Providers) != len(f.Get("providers").Records()) {
		t.Errorf("measures %d, level %v, target/actual %d, providers %d", n, x.Level, len(x.TargetActual), len(x.Providers))
	}
	var a exportDoc
	data, _ = WriteJSON(BuildProfile(c, f, model.De, nil, ProfileAnnex))
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a.OpenItems != nil || a.Findings != nil || a.Level != nil || a.Providers != nil {
		t.Error("the annex export has open items, findings, a level or the providers")
	}
	for _, s := range a.Sections {
		if !c.Section(s.ID).InAnnex() || len(s.Answers) > 0 {
			t.Errorf("annex export: section %s (in annex %v) with %d answers", s.ID, c.Section(s.ID).InAnnex(), len(s.Answers))
		}
		for _, m := range s.Measures {
			if m.Status != model.StatusImplemented || m.Note != "" || m.Reason != "" || m.Due != "" {
				t.Errorf("annex export: %+v", m)
			}
		}
	}
}
