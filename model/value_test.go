package model

import (
	"reflect"
	"testing"

	json "github.com/goccy/go-json"
)

func TestValueRoundTrips(t *testing.T) {
	for _, tc := range []struct {
		v    Value
		json string
	}{
		{Bool(true), `true`},
		{Bool(false), `false`},
		{String("Müller & Söhne <x> \"q\""), `"Müller & Söhne <x> \"q\""`},
		{String(""), `""`},
		{List("pc", "phone"), `["pc","phone"]`},
		{List(), `[]`},
		{Records(Record{"id": String("r1"), "b": Bool(true), "a": List("x")}), `[{"a":["x"],"b":true,"id":"r1"}]`},
		{Value{}, `null`},
	} {
		got, err := tc.v.MarshalJSON()
		if err != nil || string(got) != tc.json {
			t.Errorf("MarshalJSON(%#v) = %s, %v; want %s", tc.v, got, err, tc.json)
			continue
		}
		var back Value
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatal(err)
		}
		if !back.Equal(tc.v) {
			t.Errorf("round trip of %s gave %#v", tc.json, back)
		}
	}
}

func TestValueAccessors(t *testing.T) {
	if b, ok := Bool(true).Bool(); !b || !ok {
		t.Error("Bool")
	}
	if _, ok := String("x").Bool(); ok {
		t.Error("String is not a Bool")
	}
	if !List("a", "b").Has("b") || List("a").Has("c") {
		t.Error("Has")
	}
	if !(Value{}).Empty() || !String("  ").Empty() || Bool(false).Empty() || Records().Empty() || List().Empty() {
		t.Error("Empty")
	}
	if Bool(true).Equal(String("true")) || !List("a").Equal(List("a")) || List("a").Equal(List("a", "b")) {
		t.Error("Equal")
	}
	r := Record{"id": String("r1"), "name": String("A")}
	if r.ID() != "r1" || r.Get("name").Str() != "A" {
		t.Error("Record accessors")
	}
	rec := Record{"id": String("r1"), "tags": List("a")}
	v := Records(rec)
	c := v.Clone()
	c.Records()[0]["tags"].List()[0] = "changed"
	c.Records()[0]["id"] = String("other")
	if rec.ID() != "r1" || rec["tags"].List()[0] != "a" {
		t.Error("Clone shares data with the original")
	}
	want := []any{map[string]any{"id": "r1", "tags": []any{"a"}}}
	if got := v.Any(); !reflect.DeepEqual(got, want) {
		t.Errorf("Any = %#v", got)
	}
	if (Value{}).Any() != nil {
		t.Error("unset Any must be nil")
	}
}

func TestValueFromAnyRejectsShapes(t *testing.T) {
	for _, x := range []any{
		3.0,
		map[string]any{"a": "b"},
		[]any{"a", 1.0},
		[]any{map[string]any{"id": "x"}, "b"},
		[]any{map[string]any{"nested": []any{map[string]any{"id": "y"}}}},
		[]any{map[string]any{"n": 1.0}},
	} {
		if _, ok := valueFromAny(x); ok {
			t.Errorf("valueFromAny(%#v) accepted", x)
		}
	}
}

func TestFileSetAndVersions(t *testing.T) {
	c := smallCatalog(t)
	f := NewFile(c, En)
	f.Set("org.name", String("A"))
	f.Set("org.name", Value{})
	if _, ok := f.Answers["org.name"]; ok {
		t.Error("setting an unset value must delete")
	}
	if f.NextVersion() != "1.0" || f.Stand() != "" || f.NextReview() != "" || f.ReviewMonths() != DefaultReviewMonths {
		t.Error("fresh file versions")
	}
	f.History = []HistoryEntry{{Date: "2026-01-31", Kind: HistoryInterview, Version: "1.9"}}
	if f.NextVersion() != "1.10" || f.Stand() != "2026-01-31" || f.NextReview() != "2027-01-31" {
		t.Errorf("next %s stand %s review %s", f.NextVersion(), f.Stand(), f.NextReview())
	}
	f.Review.IntervalMonths = 1
	if f.NextReview() != "2026-02-28" {
		t.Errorf("monthly review %s", f.NextReview())
	}
}
