package review

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// In the review a question ending in "?" is followed by its answer without
// a colon: "… benannt? Nein", not "… benannt?: Nein".
func TestReviewQuestionWithoutColon(t *testing.T) {
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	tx := &Text{l: model.De}
	if got := tx.qa("Ist ein Datenschutzbeauftragter benannt?", "Nein"); got != "Ist ein Datenschutzbeauftragter benannt? Nein" {
		t.Errorf("question: %q", got)
	}
	if got := tx.qa(c.Section("org").Questions[0].Title.In(model.De), "X"); !strings.HasSuffix(got, ": X") {
		t.Errorf("label: %q", got)
	}
}
