package model

import (
	"testing"

	json "github.com/goccy/go-json"
)

// TestMembersDiffer: a repeated key is found however the document hides
// colons and quotes in strings; a document without one is not flagged.
func TestMembersDiffer(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want bool
	}{
		{`{"a": 1, "b": {"c": [1, {"d": "x:y"}]}}`, false},
		{`{"a:": "\":\\", "b": ["::", "\\\":"]}`, false},
		{`{}`, false},
		{`{"a": 1, "a": 2}`, true},
		{`{"a": {"b": "\":", "b": 2}}`, true},
		{`{"a": [{"x": 1, "y": 2, "x": 3}]}`, true},
	} {
		var root any
		if err := json.Unmarshal([]byte(tc.doc), &root); err != nil {
			t.Fatalf("%s: %v", tc.doc, err)
		}
		if got := membersDiffer([]byte(tc.doc), root); got != tc.want {
			t.Errorf("membersDiffer(%s) = %v, want %v", tc.doc, got, tc.want)
		}
	}
}
