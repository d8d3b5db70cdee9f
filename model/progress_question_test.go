package model

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestProgressQuestion checks the optional progress.question: it loads,
// survives a save byte for byte, is never a validation problem (an unknown
// ID is ignored on resume), and a wrong type is a positioned load error.
func TestProgressQuestion(t *testing.T) {
	c := smallCatalog(t)
	f := sampleFile(c)
	f.Progress.Question = "no.such.question"
	data, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"question": "no.such.question"`)) {
		t.Fatalf("question not written:\n%s", data)
	}
	g, _, err := Parse("tom.json", data, c)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if g.Progress.Question != "no.such.question" {
		t.Errorf("question loaded as %q", g.Progress.Question)
	}
	if again, _ := Marshal(g); !bytes.Equal(data, again) {
		t.Errorf("re-save changed the bytes:\n%s\n%s", data, again)
	}
	for _, p := range Validate(c, g) {
		if strings.Contains(p.Pointer, "/progress") {
			t.Errorf("unknown progress.question is a problem: %+v", p)
		}
	}

	bad := []byte(`{"schema": 1, "catalog": {"id": "tom-small", "version": "1.0.0"},
 "answers": {}, "measures": {}, "progress": {"step": "org", "question": 7}}`)
	_, _, err = Parse("tom.json", bad, c)
	var le *LoadError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "/progress/question") {
		t.Fatalf("want a load error at /progress/question, got %v", err)
	}
}
