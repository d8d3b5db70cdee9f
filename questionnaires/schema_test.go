package questionnaires

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
)

// jsonNames lists the JSON names of a struct's fields, embedded ones included.
func jsonNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			out = append(out, jsonNames(f.Type)...)
			continue
		}
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestSchemaMatchesFile keeps the hand-written schema in step with the File
// types: every object in the schema lists exactly the struct's JSON fields.
func TestSchemaMatchesFile(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(AnswersSchema(), &s); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema %v", s["$schema"])
	}
	props := s["properties"].(map[string]any)
	defs := s["$defs"].(map[string]any)
	obj := func(m map[string]any, path ...string) map[string]any {
		for _, p := range path {
			m = m[p].(map[string]any)
		}
		return m
	}
	for _, tc := range []struct {
		name   string
		schema map[string]any
		typ    any
	}{
		{"file", props, model.File{}},
		{"catalog", obj(props, "catalog", "properties"), model.CatalogRef{}},
		{"detected", obj(props, "detected", "additionalProperties", "properties"), model.Detection{}},
		{"progress", obj(props, "progress", "properties"), model.Progress{}},
		{"review", obj(props, "review", "properties"), model.ReviewSettings{}},
		{"measureAnswer", obj(defs, "measureAnswer", "properties"), model.MeasureAnswer{}},
		{"ownMeasure", obj(defs, "ownMeasure", "properties"), model.OwnMeasure{}},
		{"historyEntry", obj(defs, "historyEntry", "properties"), model.HistoryEntry{}},
		{"change", obj(defs, "historyEntry", "properties", "changes", "items", "properties"), model.Change{}},
	} {
		got, want := keys(tc.schema), jsonNames(reflect.TypeOf(tc.typ))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: schema has %v, the type has %v", tc.name, got, want)
		}
	}
	status := obj(defs, "status")["enum"].([]any)
	if len(status) != len(model.Statuses) {
		t.Errorf("status enum %v vs %v", status, model.Statuses)
	}
	for i, st := range model.Statuses {
		if status[i] != st {
			t.Errorf("status %d: %v vs %s", i, status[i], st)
		}
	}
	if obj(props, "schema")["const"] != float64(model.SchemaVersion) {
		t.Error("schema version const out of date")
	}
}
