package line

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestLineResumeInsideStep: input ends after three of the four questions of
// the first step; the saved file names the fourth, and the next run starts
// the step there instead of asking the answered questions again. A run that
// changes nothing leaves the file byte for byte as it was.
func TestLineResumeInsideStep(t *testing.T) {
	c := lineSmallCatalog(t)
	res := runLineTest(t, c, nil, "", "Bäckerei Süß\n\ninfo@baeckerei.de\n", model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v, want ErrIncomplete\n%s", res.err, res.out)
	}
	f := lineLoad(t, c, res.path)
	if f.Progress.Step != "org" || f.Progress.Question != "org.date" {
		t.Fatalf("progress = %+v, want step org at org.date", f.Progress)
	}

	again := runLineTest(t, c, f, res.path, "", model.De)
	lineWantAll(t, again.out, "Datum der Erhebung")
	for _, q := range []string{"Name des Unternehmens", "E-Mail"} {
		if strings.Contains(again.out, q) {
			t.Errorf("resume asked %q again:\n%s", q, again.out)
		}
	}
	if !bytes.Equal(res.data, again.data) {
		t.Errorf("a run without answers changed the file:\n%s\n%s", res.data, again.data)
	}

	// Finishing the step clears the question; the next step starts at its top.
	third := runLineTest(t, c, lineLoad(t, c, res.path), res.path, "28.11.2026\n", model.De)
	g := lineLoad(t, c, third.path)
	if g.Progress.Step != "infra" || g.Progress.Question != "" || g.Get("org.date").Str() != "2026-11-28" {
		t.Errorf("after the step: progress %+v, date %q", g.Progress, g.Get("org.date").Str())
	}
}
