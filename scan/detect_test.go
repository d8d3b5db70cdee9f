package scan

import (
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

func standard(t *testing.T) *model.Catalog {
	t.Helper()
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMeasureIDsInCatalogue checks that every measure the scan names exists
// in the shipped catalogue.
func TestMeasureIDsInCatalogue(t *testing.T) {
	c := standard(t)
	for _, id := range MeasureIDs() {
		if c.Measure(id) == nil {
			t.Errorf("%s is not a measure of %s %s", id, c.ID, c.Version)
		}
	}
}

// TestScanAndPrefillAgree applies each fixture's scan to an empty answers
// file and checks that what the interview gets pre-filled is exactly what
// the findings support, and that contradictions are recorded, not filled in.
func TestScanAndPrefillAgree(t *testing.T) {
	c := standard(t)
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			r := Scan(Options{Root: copyTree(t, name), Today: testToday})
			f := model.NewFile(c, model.De)
			sum := model.ApplyScan(c, f, "2026-11-28", r.ForModel(model.De))
			supports, contradicts := map[string]bool{}, map[string]bool{}
			for _, fd := range r.Findings {
				for _, m := range fd.Measures {
					supports[m] = true
				}
				for _, m := range fd.Contradicts {
					contradicts[m] = true
				}
			}
			for m := range supports {
				if contradicts[m] {
					continue // a contradiction wins; checked below
				}
				if f.Measures[m].Status != model.StatusImplemented {
					t.Errorf("%s: supported but not pre-filled", m)
				}
				if d := f.Detected[m]; d.Result != model.DetectSupports || d.Date != "2026-11-28" || d.Evidence == "" {
					t.Errorf("%s: detection %+v", m, d)
				}
			}
			for m := range contradicts {
				if _, ok := f.Measures[m]; ok {
					t.Errorf("%s: contradicted but filled in", m)
				}
				if f.Detected[m].Result != model.DetectContradicts {
					t.Errorf("%s: contradiction not recorded", m)
				}
			}
			for m := range f.Measures {
				if !supports[m] {
					t.Errorf("%s: pre-filled without a supporting finding", m)
				}
			}
			if len(sum.Unknown) != 0 {
				t.Errorf("measures unknown to the catalogue: %v", sum.Unknown)
			}
			if ps := model.Validate(c, f); len(ps) != 0 {
				t.Errorf("answers file not valid after ApplyScan: %v", ps)
			}
			data, err := model.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := model.Parse("scan.json", data, c); err != nil {
				t.Errorf("saved file does not load: %v", err)
			}
		})
	}
}

// TestContradictionBecomesOpenItem states answers the neglected server
// contradicts and checks they stay, marked as open items in the document.
func TestContradictionBecomesOpenItem(t *testing.T) {
	c := standard(t)
	r := Scan(Options{Root: copyTree(t, "debian-neglected"), Today: testToday})
	f := model.NewFile(c, model.En)
	f.Answers["infra.server"] = model.Bool(true)
	f.Measures[mSSHKeysOnly] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Measures[mSwapEncrypted] = model.MeasureAnswer{Status: model.StatusPlanned, Due: "2027-03-01"}
	sum := model.ApplyScan(c, f, "2026-11-28", r.ForModel(model.En))
	kinds := map[string]string{}
	for _, it := range sum.Items {
		kinds[it.Measure] = it.Kind
	}
	if kinds[mSSHKeysOnly] != model.ScanContradicted || kinds[mSwapEncrypted] != model.ScanNotInPlace || kinds[mBackupAutomatic] != model.ScanPrefilled {
		t.Errorf("kinds = %v", kinds)
	}
	if f.Measures[mSSHKeysOnly].Status != model.StatusImplemented || f.Measures[mSwapEncrypted].Status != model.StatusPlanned {
		t.Error("a stated answer was changed")
	}
	found := false
	for _, it := range (model.View{C: c, F: f}).OpenItems() {
		if it.Kind == model.OpenContradicts && it.ID == mSSHKeysOnly {
			found = true
			if it.Note == "" {
				t.Error("the open item carries no evidence")
			}
		}
	}
	if !found {
		t.Error("the contradiction is not an open item")
	}
}
