package model

import (
	"reflect"
	"testing"
)

func TestDiffAndAddHistory(t *testing.T) {
	c := smallCatalog(t)
	before := sampleFile(c)
	after := before.Clone()
	after.Set("org.name", String("Bäckerei Öztürk GmbH"))
	after.Set("org.email", Value{})
	recs := after.Get("providers").Records()
	recs[0]["avv_signed"] = String("2024-01-15")
	after.Set("providers", Records(recs[0], Record{"id": String("p3"), "name": String("Neu")}))
	after.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented}
	after.OwnMeasures = nil
	if before.Get("providers").Records()[0].Get("avv_signed").Str() != "2018-05-20" {
		t.Fatal("Clone shares records")
	}
	var paths []string
	for _, ch := range Diff(before, after) {
		paths = append(paths, ch.Path)
	}
	want := []string{
		"answers/org.email", "answers/org.name",
		"answers/providers/p1/avv_signed", "answers/providers/p2", "answers/providers/p3",
		"measures/access_system.policy", "own_measures/own1",
	}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("Diff paths\n%v\nwant\n%v", paths, want)
	}
	ch := Diff(before, after)
	if ch[0].Old != "info@example.de" || ch[0].New != nil {
		t.Errorf("removed answer: %+v", ch[0])
	}
	if ch[4].Old != nil || !reflect.DeepEqual(ch[4].New, map[string]any{"id": "p3", "name": "Neu"}) {
		t.Errorf("added record: %+v", ch[4])
	}
	if len(Diff(before, before.Clone())) != 0 {
		t.Error("a clone differs")
	}

	e := after.AddHistory(before, HistoryInterview, "2026-11-28", "Inhaberin", "")
	if e.Version != "1.0" || len(e.Changes) != len(want) || after.Progress.Completed != "2026-11-28" {
		t.Errorf("first entry %+v, completed %q", e, after.Progress.Completed)
	}
	e2 := after.AddHistory(after.Clone(), HistoryReview, "2027-11-20", "Inhaberin", "keine Änderungen")
	if e2.Version != "1.1" || len(e2.Changes) != 0 || len(after.History) != 2 || after.Progress.Completed != "2026-11-28" {
		t.Errorf("review entry %+v", e2)
	}
	if after.Stand() != "2027-11-20" || after.NextReview() != "2028-05-20" { // interval 6 months in sampleFile
		t.Errorf("stand %s next %s", after.Stand(), after.NextReview())
	}
	// History survives a save/load round trip, changes included.
	data, _ := Marshal(after)
	g, _, err := Parse("h.json", data, c)
	if err != nil {
		t.Fatal(err)
	}
	data2, _ := Marshal(g)
	if string(data) != string(data2) {
		t.Error("history not stable through Parse")
	}
}
