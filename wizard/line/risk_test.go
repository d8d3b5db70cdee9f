package line

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// Line mode: each need question says what is proposed and why, Enter takes
// the proposal; each measures list names the expected measures' numbers.
func TestLineRiskStep(t *testing.T) {
	c := lineStandardCatalog(t)
	res := runLineTest(t, c, nil, "", lineFixture(t, "standard-full.in"), model.De)
	if res.err != nil {
		t.Fatal(res.err)
	}
	for _, w := range []string{
		"Vorschlag: hoch, weil: Beides: eigene Daten und im Auftrag von Kunden; Bank- oder Zahlungsdaten (Kontonummer, Kreditkarte)",
		"empfohlen für Ihr Schutzniveau (hoch): 1, 2, 3",
	} {
		if !strings.Contains(res.out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	for _, id := range []string{"risk.confidentiality", "risk.integrity", "risk.availability"} {
		if got := res.file.Get(id).Str(); got != model.LevelHigh {
			t.Errorf("%s = %q, want the proposal hoch (Enter)", id, got)
		}
	}
	if res.file.ProtectionLevel != model.LevelHigh {
		t.Errorf("stored level %q", res.file.ProtectionLevel)
	}
}
