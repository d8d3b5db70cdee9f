package wizard

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/review"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// startAt opens the wizard on the real catalogue at section id of a new file.
func startAt(t *testing.T, id string, lang model.Lang) *driver {
	t.Helper()
	c := realCatalog(t)
	f := model.NewFile(c, lang)
	f.Progress.Step = id
	return newDriver(t, c, f, lang)
}

// A long record name must not push the legend of the required mark off the
// title line.
func TestRecordTitleKeepsLegendWithLongName(t *testing.T) {
	d := startAt(t, "providers", model.De)
	d.press("n").typ("Haufe-Lexware GmbH & Co. KG, ein Unternehmen der Haufe Group, Freiburg").press("enter")
	d.expect("Haufe-Lexware", "· * = Pflichtangabe")
}

// One record is "1 Eintrag", not "1 Einträge", in the list and the review
// (line mode: wizard/line).
func TestOneRecordIsSingular(t *testing.T) {
	c := realCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress.Step = "providers"
	f.Answers["providers"] = model.Records(model.Record{"name": model.String("Collmex GmbH")})
	d := newDriver(t, c, f, model.De)
	d.expect("1 Eintrag", "Collmex GmbH")
	if strings.Contains(d.screen(), "1 Einträge") {
		t.Fatalf("plural for one record:\n%s", d.screen())
	}
	for _, l := range []model.Lang{model.De, model.En} {
		if got := review.Msg.Count(l, "add_list", 1, "X"); strings.Contains(got, "Einträge") || strings.Contains(got, "entries") {
			t.Errorf("review %s: %q", l, got)
		}
		if got := Msg.Count(l, "records_count", 2); !strings.Contains(got, "2 Einträge") && !strings.Contains(got, "2 entries") {
			t.Errorf("plural %s: %q", l, got)
		}
	}
}

// The step header never ends in "…": the protection goal in brackets is
// dropped when it repeats the section title or does not fit in 80 columns.
func TestStepHeaderNotClipped(t *testing.T) {
	for _, l := range []model.Lang{model.De, model.En} {
		for _, id := range []string{"crypto", "availability", "recovery", "evaluation", "privacy_default", "access_physical"} {
			d := startAt(t, id, l)
			head, _, _ := strings.Cut(d.screen(), "\n")
			if strings.Contains(head, "…") || strings.Count(head, d.c.Section(id).Title.In(l)) != 1 {
				t.Errorf("%s %s: header %q", l, id, head)
			}
		}
	}
	d := startAt(t, "access_physical", model.De)
	d.expect("Zutrittskontrolle (Vertraulichkeit)")
}

// The remove question keeps "(j/n)" even for a record with a long label,
// and the notice after removing names the record without running off.
func TestRemoveQuestionWhole(t *testing.T) {
	c := realCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress.Step = "providers"
	f.Answers["providers"] = model.Records(model.Record{
		"name":  model.String("Deutsche Postbank AG"),
		"email": model.String("business@postbank.de"),
		"phone": model.String("+49 (0)228 920 - 0"),
	})
	d := newDriver(t, c, f, model.De)
	d.press("up", "up", "d").expect("wirklich entfernen? (j/n)")
	d.press("j").expect("entfernt.", "0 Einträge")
}

// The notice after a scan fits the status line whole (80 columns), even
// with two-digit counts and the longest English date.
func TestScanNoticeFitsStatusLine(t *testing.T) {
	var sum model.ScanSummary
	for i := range 37 {
		r := model.DetectSupports
		if i%3 == 0 {
			r = model.DetectContradicts
		}
		sum.Items = append(sum.Items, model.ScanItem{Result: r})
	}
	for _, l := range []model.Lang{model.De, model.En} {
		s := scanning.NoticeText(sum, "2025-09-30", l)
		if w := lipgloss.Width(s); w > 79 {
			t.Errorf("%s: %d columns: %q", l, w, s)
		}
		if !strings.Contains(s, ": 24") || !strings.Contains(s, ": 13") || strings.HasSuffix(s, "…") {
			t.Errorf("%s: counts missing: %q", l, s)
		}
	}
}
