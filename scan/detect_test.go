package scan

import (
	"fmt"
	"sync"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

func standard(t *testing.T) *model.Catalog {
	t.Helper()
	return stdCat()
}

// stdCat returns the shipped catalogue, loaded once.
var stdCat = sync.OnceValue(func() *model.Catalog {
	c, err := questionnaires.Standard()
	if err != nil {
		panic(err)
	}
	return c
})

// mid returns the ID of the shipped catalogue's measure that names check k.
func mid(k string) string {
	ids := checkIndex(stdCat())[k]
	if len(ids) != 1 {
		panic(fmt.Sprintf("check %s names %d measures of the shipped catalogue", k, len(ids)))
	}
	return ids[0]
}

// TestChecksInCatalogue checks that the shipped catalogue ties every check to
// exactly one measure and names no check the scan does not make.
func TestChecksInCatalogue(t *testing.T) {
	c := standard(t)
	idx := checkIndex(c)
	for _, k := range Checks() {
		if n := len(idx[k]); n != 1 {
			t.Errorf("check %s is named by %d measures of %s %s, want 1", k, n, c.ID, c.Version)
		}
		delete(idx, k)
	}
	for k, ids := range idx {
		t.Errorf("measures %v name check %s, which the scan does not make", ids, k)
	}
}

// TestScanAndPrefillAgree applies each fixture's scan to an empty answers
// file and checks that what the interview gets pre-filled is exactly what
// the findings support, and that contradictions are recorded, not filled in.
func TestScanAndPrefillAgree(t *testing.T) {
	c := standard(t)
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			r := Scan(Options{Root: copyTree(t, name), Today: testToday, Catalog: stdCat()})
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
	r := Scan(Options{Root: copyTree(t, "debian-neglected"), Today: testToday, Catalog: stdCat()})
	f := model.NewFile(c, model.En)
	f.Answers["infra.server"] = model.Bool(true)
	f.Measures[mid(chkSSHKeysOnly)] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Measures[mid(chkSwapEncrypted)] = model.MeasureAnswer{Status: model.StatusPlanned, Due: "2027-03-01"}
	sum := model.ApplyScan(c, f, "2026-11-28", r.ForModel(model.En))
	kinds := map[string]string{}
	for _, it := range sum.Items {
		kinds[it.Measure] = it.Kind
	}
	if kinds[mid(chkSSHKeysOnly)] != model.ScanContradicted || kinds[mid(chkSwapEncrypted)] != model.ScanNotInPlace || kinds[mid(chkBackupAutomatic)] != model.ScanPrefilled {
		t.Errorf("kinds = %v", kinds)
	}
	if f.Measures[mid(chkSSHKeysOnly)].Status != model.StatusImplemented || f.Measures[mid(chkSwapEncrypted)].Status != model.StatusPlanned {
		t.Error("a stated answer was changed")
	}
	found := false
	for _, it := range (model.View{C: c, F: f}).OpenItems() {
		if it.Kind == model.OpenContradicts && it.ID == mid(chkSSHKeysOnly) {
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
