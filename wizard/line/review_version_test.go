package line

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// TestReviewLineOffersNewSectionsOfCatalogue12 reviews the sample business
// as it was answered with catalogue 1.1.0 (testdata/review/sample-1.1.0.json,
// before the risk and processor sections existed) under the shipped
// catalogue: the start lists what 1.2.0 added, and after the due items the
// walk begins with the risk section; once the role is processor, the
// processor section comes right after it.
func TestReviewLineOffersNewSectionsOfCatalogue12(t *testing.T) {
	c := realCatalog(t)
	if c.Version != "1.2.0" {
		t.Fatalf("shipped catalogue %s; this test is about 1.2.0", c.Version)
	}
	f, mig, path := testdata.Copy(t, c, "review/sample-1.1.0.json")
	if mig == nil || mig.From != "1.1.0" || mig.To != "1.2.0" {
		t.Fatalf("migration %+v", mig)
	}
	s, _, err := review.Begin(c, f, mig, path)
	if err != nil {
		t.Fatal(err)
	}
	var newRisk, newProc int
	for _, id := range s.New {
		switch c.SectionOf(id).ID {
		case "risk":
			newRisk++
		case "processor_role":
			newProc++
		}
	}
	if newRisk != 7 || newProc != 13 || len(s.New) != 22 {
		t.Fatalf("new: %d risk, %d processor, %d in all: %v", newRisk, newProc, len(s.New), s.New)
	}
	if o := s.Order(); len(o) == 0 || o[0].ID != "risk" {
		t.Fatalf("first step %v, want the risk section", o)
	}
	const today = "2026-12-07"
	due := len(s.Due(today))
	var out bytes.Buffer
	_, err = RunReview(review.Options{Session: s, Path: path, Lang: model.De, Today: today,
		In: strings.NewReader(strings.Repeat("\n\n", due)), Out: &out})
	if !errors.Is(err, review.ErrIncomplete) {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	got := out.String()
	lineNoEscape(t, got)
	lineWantAll(t, got, "Neu in Katalog-Version 1.2.0",
		"neu: Daten und Schutzbedarf – Für wen verarbeiten Sie personenbezogene Daten?",
		"neu: Auftragsverarbeitung für Kunden – Vertrag nach Art. 28 Abs. 3 DSGVO",
		"Schritt 1 von 24: Daten und Schutzbedarf", "[neu] Für wen verarbeiten Sie personenbezogene Daten? (noch keine Antwort)")
	// All but the reason for a lowered need, which is asked only when a
	// need is set below its proposal: the processor section is listed while
	// the role that decides it is unanswered.
	if n := strings.Count(got, "• neu: "); n != 21 {
		t.Errorf("%d new items listed, want 21", n)
	}

	// The processor section is asked once the business is a processor; it
	// holds only new measures, so it comes with the other steps holding new
	// ones (risk, the evaluation's two new tests), before every older step.
	if inOrder(s, "processor_role") {
		t.Fatal("processor section asked without a role")
	}
	f.Set("risk.role", model.String("processor"))
	var ids []string
	for _, sec := range s.Order()[:4] {
		ids = append(ids, sec.ID)
	}
	if strings.Join(ids, " ") != "risk evaluation processor_role org" {
		t.Fatalf("order with role processor begins %v", ids)
	}
}

func inOrder(s *model.ReviewSession, id string) bool {
	for _, sec := range s.Order() {
		if sec.ID == id {
			return true
		}
	}
	return false
}
