package line

import (
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// The catalogues and the scan the line-mode tests share with the full
// screen's (wizard/driver_test.go, wizard/scan_test.go).

// One record is "1 Eintrag", not "1 Einträge", in line mode too.
func TestOneRecordIsSingular(t *testing.T) {
	for _, l := range []model.Lang{model.De, model.En} {
		if got := lineMsg.Count(l, "rec_count", 1, "X"); strings.Contains(got, "Einträge") || strings.Contains(got, "entries") {
			t.Errorf("line mode %s: %q", l, got)
		}
	}
}

func eq(t *testing.T, what string, got, want any) {
	t.Helper()
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Fatalf("%s: got %s, want %s", what, gj, wj)
	}
}

// The review fixtures (as in wizard/review_test.go).

// Yes, no and "none" read the same in line mode, the review and the model.
func TestWhyOneWordingForAnswers(t *testing.T) {
	c := smallCatalog(t)
	q := c.Question("infra.server")
	p := NewPrompter(strings.NewReader(""), &strings.Builder{}, model.De)
	rs := model.StartReview(c, model.NewFile(c, model.De), nil)
	txt := review.NewText(rs, model.De, "2026-11-28")
	for _, v := range []model.Value{model.Bool(true), model.Bool(false), model.List()} {
		want := model.AnswerText(q.Kind, q.Options, v, model.De)
		if got := p.show(p.questionItem(q), v, false); got != want {
			t.Errorf("line mode %v: %q, want %q", v.Any(), got, want)
		}
		if got := txt.Value(q.Kind, q.Options, v); got != want {
			t.Errorf("review %v: %q, want %q", v.Any(), got, want)
		}
	}
}
