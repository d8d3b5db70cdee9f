package model

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDue(t *testing.T) {
	c := rvSmall(t)
	f := rvBase(c)
	today := "2026-08-15"
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2026-03-31"} // passed
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusPlanned, Due: "2026-09-01"}    // in 17 days
	f.Measures["access_system.ssh_keys_only"] = MeasureAnswer{Status: StatusPlanned, Due: "2026-12-01"}
	f.OwnMeasures = []OwnMeasure{{ID: "own1", Section: "access_system", Text: "Bildschirmsperre", Type: Technical, MeasureAnswer: MeasureAnswer{Status: StatusPlanned, Due: "2026-08-14"}}}
	f.Set("providers", Records(
		rvProvider("r1", "Collmex GmbH", true, "2025-07-15"), // 13 months: overdue
		rvProvider("r2", "Strato AG", true, "2025-08-30"),    // 11.5 months: near
		rvProvider("r3", "Hetzner", true, "2025-09-16"),      // 11 months: not yet
		rvProvider("r4", "Altanbieter", false, "2010-01-01"), // not a processor: field hidden
	))
	got := Due(c, f, today)
	type row struct {
		Kind, ID, Record, DueOn string
		Overdue                 bool
	}
	var rows []row
	for _, d := range got {
		rows = append(rows, row{d.Kind, d.ID, d.Record, d.DueOn, d.Overdue})
	}
	want := []row{
		{DueMeasure, "access_system.passwords", "", "2026-03-31", true},
		{DueMeasure, "access_system.policy", "", "2026-09-01", false},
		{DueOwnMeasure, "own1", "", "2026-08-14", true},
		{DueCheck, "providers", "r1", "2026-07-15", true},
		{DueCheck, "providers", "r2", "2026-08-30", false},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("got %+v\nwant %+v", rows, want)
	}
	if s := DescribeDue(got[3], De); s != "Dienstleister „Collmex GmbH“: AV-Vertrag zuletzt geprüft am 15.07.2025 – älter als 12 Monate, bitte prüfen" {
		t.Error(s)
	}
	if s := DescribeDue(got[4], En); s != "Service provider “Strato AG”: Processing agreement last checked on 30 August 2025 – turns 12 months old on 30 August 2026, please check" {
		t.Error(s)
	}
	if s := DescribeDue(got[0], De); s != "Zugangskontrolle: „Anmeldung nur mit persönlichem Passwort“ ist seit 31.03.2026 fällig" {
		t.Error(s)
	}
	if s := DescribeDue(got[1], En); s != "System access control: “Written password policy” is due on 1 September 2026" {
		t.Error(s)
	}
	// A longer review interval moves the check dates out.
	f.Review.IntervalMonths = 24
	for _, d := range Due(c, f, today) {
		if d.Kind == DueCheck {
			t.Errorf("with 24 months: %+v", d)
		}
	}
	if Due(c, f, "not a date") != nil {
		t.Error("bad today should give nothing")
	}
}

func TestDueTomCheckedGeneric(t *testing.T) {
	c := rvCatalog(t, "../testdata/review/catalog-1.1.json")
	f := rvBase(c)
	f.Catalog.Version = c.Version
	p := rvProvider("r1", "Collmex GmbH", true, "2026-01-01")
	p["tom_checked"] = String("2024-01-01")
	f.Set("providers", Records(p))
	got := Due(c, f, "2026-08-15")
	if len(got) != 1 || got[0].Field.ID != "tom_checked" || !got[0].Overdue {
		t.Fatalf("%+v", got)
	}
}

func TestStatusStates(t *testing.T) {
	c := rvSmall(t)
	today := "2026-08-15"
	cases := []struct {
		name, last string
		state      ReviewState
		days       int
	}{
		{"11 months", "2025-09-15", ReviewCurrent, 31},
		{"11.5 months", "2025-08-30", ReviewDueSoon, 15},
		{"exactly 30 days", "2025-09-14", ReviewDueSoon, 30},
		{"due today", "2025-08-15", ReviewDueSoon, 0},
		{"one day late", "2025-08-14", ReviewOverdue, -1},
		{"13 months", "2025-07-15", ReviewOverdue, -31},
	}
	for _, tc := range cases {
		f := rvBase(c)
		f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
		f.History = []HistoryEntry{
			{Date: "2023-01-10", Kind: HistoryInterview, Version: "1.0", By: "A"},
			{Date: tc.last, Kind: HistoryReview, Version: "1.1", By: "B"},
		}
		r := Status(c, f, today)
		if r.Review != tc.state || r.DaysLeft != tc.days {
			t.Errorf("%s: review state %s days %d, want %s %d", tc.name, r.Review, r.DaysLeft, tc.state, tc.days)
		}
		// The file's provider check of 2018 is due: that is the state
		// unless the review itself is overdue.
		want := ReviewItemsDue
		if tc.state == ReviewOverdue {
			want = ReviewOverdue
		}
		if r.State != want || len(r.Due) == 0 {
			t.Errorf("%s: state %s with %d due items, want %s", tc.name, r.State, len(r.Due), want)
		}
		if r.LastReview != tc.last || r.LastReviewKind != HistoryReview || r.Version != "1.1" || r.Organisation != "Muster Webdesign GmbH" {
			t.Errorf("%s: %+v", tc.name, r)
		}
	}
}

func TestStatusIncompleteAndLastReview(t *testing.T) {
	c := rvSmall(t)
	f := rvBase(c)
	f.History = []HistoryEntry{{Date: "2026-08-01", Kind: HistoryInterview, Version: "1.0"}}
	r := Status(c, f, "2026-08-15")
	if r.Review != ReviewCurrent || r.LastReview != "2026-08-01" || r.LastReviewKind != HistoryInterview || r.NextReview != "2027-08-01" {
		t.Fatalf("%+v", r)
	}
	if r.OpenItems != 1 || len(r.Sections) != 4 || !r.Complete {
		t.Fatalf("open %d sections %d complete %v", r.OpenItems, len(r.Sections), r.Complete)
	}
	// A section not finished makes the file incomplete, whatever the dates.
	g := f.Clone()
	delete(g.Measures, "access_system.policy")
	if r := Status(c, g, "2026-08-15"); r.State != ReviewIncomplete || r.Complete {
		t.Fatalf("%+v", r)
	}
	// So does a file that was never completed.
	h := rvBase(c)
	h.Progress.Completed = ""
	if r := Status(c, h, "2026-08-15"); r.State != ReviewIncomplete || r.NextReview != "" {
		t.Fatalf("%+v", r)
	}
	// A review configured every 6 months.
	f.Review.IntervalMonths = 6
	if r := Status(c, f, "2026-08-15"); r.NextReview != "2027-02-01" || r.IntervalMonths != 6 {
		t.Fatalf("%+v", r)
	}
}

func rvMarshalWithoutHistory(t *testing.T, f *File) []byte {
	t.Helper()
	g := f.Clone()
	g.History = nil
	data, err := Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReviewConfirmEverything(t *testing.T) {
	c := rvSmall(t)
	f := rvBase(c)
	f.AddHistory(nil, HistoryInterview, "2025-09-15", "Erika", "Erstaufnahme")
	before := rvMarshalWithoutHistory(t, f)
	s := StartReview(c, f, nil)
	for _, r := range f.Get("providers").Records() {
		if err := s.Keep("providers", r.ID()); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.Unreviewed("providers")) != 0 || s.Verdict("providers", "r1") != RecordCurrent {
		t.Fatal("verdicts not kept")
	}
	e := s.Finish("2026-09-10", " Erika Muster ", "Alles unverändert")
	if len(f.History) != 2 || len(e.Changes) != 0 || e.Kind != HistoryReview || e.Version != "1.1" || e.By != "Erika Muster" || e.Date != "2026-09-10" {
		t.Fatalf("%+v / %d entries", e, len(f.History))
	}
	if !bytes.Equal(before, rvMarshalWithoutHistory(t, f)) {
		t.Fatal("confirming changed the answers")
	}
	s.Finish("2026-09-11", "x", "again")
	if len(f.History) != 2 {
		t.Fatal("Finish twice added a second entry")
	}
	if f.Stand() != "2026-09-10" || f.NextReview() != "2027-09-10" {
		t.Fatal(f.Stand(), f.NextReview())
	}
}

func TestReviewEditMeasureRemoveProvider(t *testing.T) {
	c := rvSmall(t)
	f := rvBase(c)
	f.AddHistory(nil, HistoryInterview, "2025-09-15", "Erika", "")
	s := StartReview(c, f, nil)
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	if err := s.Keep("providers", "r1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove("providers", "r2"); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove("providers", "r2"); err == nil {
		t.Fatal("removing twice should fail")
	}
	e := s.Finish("2026-09-10", "Erika", "Strato gekündigt")
	var paths []string
	for _, ch := range e.Changes {
		paths = append(paths, ch.Path)
	}
	if !reflect.DeepEqual(paths, []string{"answers/providers/r2", "measures/access_system.passwords"}) {
		t.Fatalf("%v", paths)
	}
	lines := rvLines(DescribeChanges(c, e.Changes, De))
	want := []string{
		"Zugangskontrolle: „Anmeldung nur mit persönlichem Passwort“: geplant (bis 31.03.2027) → umgesetzt",
		"Dienstleister: entfernt: „Strato AG“",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Fatalf("%q", lines)
	}
}

func TestReviewRecordHelpers(t *testing.T) {
	c := rvSmall(t)
	f := rvBase(c)
	s := StartReview(c, f, nil)
	if err := s.Keep("org.name", "r1"); err == nil {
		t.Fatal("Keep on a non-records question should fail")
	}
	if err := s.Keep("providers", "nope"); err == nil {
		t.Fatal("Keep on an unknown record should fail")
	}
	if err := s.Remove("providers", "r1"); err != nil {
		t.Fatal(err)
	}
	id, err := s.Add("providers", Record{"name": String("Hetzner Online GmbH")})
	if err != nil || id != "r3" { // r1 was used before the review: never reuse it
		t.Fatal(id, err)
	}
	if _, err := s.Add("providers", Record{"id": String("r2"), "name": String("x")}); err == nil {
		t.Fatal("duplicate ID accepted")
	}
	upd := rvProvider("r2", "Strato AG", true, "2026-09-01")
	if err := s.Update("providers", upd); err != nil {
		t.Fatal(err)
	}
	upd["name"] = String("changed after Update") // Update keeps its own copy
	if got := f.Get("providers").Records()[0]["name"].Str(); got != "Strato AG" {
		t.Fatal(got)
	}
	if s.Verdict("providers", "r2") != RecordChanged || s.Verdict("providers", id) != RecordAdded || s.Verdict("providers", "r1") != RecordRemoved {
		t.Fatal("verdicts")
	}
	lines := rvLines(DescribeChangesNamed(c, s.Changes(), De, RecordNamesOf(c, s.Before, f)))
	want := []string{
		"Dienstleister: entfernt: „Collmex GmbH“",
		"Dienstleister: Dienstleister „Strato AG“: AV-Vertrag zuletzt geprüft am: 25.05.2018 → 01.09.2026",
		"Dienstleister: neu: „Hetzner Online GmbH“",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Fatalf("%q", lines)
	}
	// The before-copy is not touched by edits.
	if len(s.Before.Get("providers").Records()) != 2 {
		t.Fatal("Before changed")
	}
}

func TestReviewMigration(t *testing.T) {
	old := rvSmall(t)
	f := rvBase(old)
	f.Set("org.date", String("2025-09-15"))
	f.AddHistory(nil, HistoryInterview, "2025-09-15", "Erika", "")
	data, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	c := rvCatalog(t, "../testdata/review/catalog-1.1.json")
	g, mig, err := Parse("old.json", data, c)
	if err != nil {
		t.Fatal(err)
	}
	s := StartReview(c, g, mig)
	if !reflect.DeepEqual(s.New, []string{"access_system.mfa", "devices"}) || !s.IsNew("access_system.mfa") || s.IsNew("access_system.policy") {
		t.Fatalf("new %v", s.New)
	}
	var order []string
	for _, sec := range s.Order() {
		order = append(order, sec.ID)
	}
	if !reflect.DeepEqual(order, []string{"access_system", "devices", "org", "infra", "providers"}) {
		t.Fatalf("order %v", order)
	}
	ret := s.RetiredAnswers()
	if len(ret) != 1 || ret[0].ID != "org.date" || ret[0].Value != "2025-09-15" {
		t.Fatalf("retired %+v", ret)
	}
	// The new measure is unanswered: the file is incomplete until reviewed.
	if st := Status(c, g, "2026-01-01"); st.State != ReviewIncomplete {
		t.Fatalf("state %s", st.State)
	}
	g.Measures["access_system.mfa"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-03-31"}
	if _, err := s.Add("devices", Record{"name": String("Büro-PC"), "kind": String("pc")}); err != nil {
		t.Fatal(err)
	}
	// The walk marks the new section done once the reviewer went through it.
	s.Interview("2026-09-10", "").Done(c.Section("devices"))
	e := s.Finish("2026-09-10", "Erika", "Katalog 1.1")
	lines := rvLines(DescribeChanges(c, e.Changes, De))
	if len(lines) != 2 || !strings.Contains(lines[0], "„Zwei-Faktor-Anmeldung“: – → geplant (bis 31.03.2027)") || lines[1] != "Geräte: neu: „Büro-PC“" {
		t.Fatalf("%q", lines)
	}
	if st := Status(c, g, "2026-09-10"); st.Review != ReviewCurrent {
		t.Fatalf("after review: %s", st.Review)
	}
}

// TestReviewNewShownOnlyWhatApplies: a controller's file made with the
// catalogue before the processor section existed lists the new questions
// it is asked, not the processor's measures, which its role does not show.
func TestReviewNewShownOnlyWhatApplies(t *testing.T) {
	c := shippedCatalog(t)
	data, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "tom.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := Parse("tom.json", data, c)
	if err != nil {
		t.Fatal(err)
	}
	role := c.QuestionByRole(RoleBusinessRole)
	const controller = "controller" // the shipped catalogue's option
	if !slices.ContainsFunc(role.Options, func(o *Option) bool { return o.ID == controller }) {
		t.Fatal("the business role has no controller option")
	}
	f.Set(role.ID, String(controller))
	f.Catalog.Version = "1.1.0"
	old, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	g, mig, err := Parse("old.json", old, c)
	if err != nil {
		t.Fatal(err)
	}
	s := StartReview(c, g, mig)
	v := View{C: c, F: g}
	hidden, shown := 0, s.NewShown()
	for _, id := range s.New {
		if m := c.Measure(id); m != nil && !v.MeasureVisible(m) {
			hidden++
			if slices.Contains(shown, id) {
				t.Errorf("measure %s does not apply to a controller but is listed as new", id)
			}
		}
	}
	if hidden == 0 {
		t.Fatal("the test needs new measures that a controller is not asked (the processor section)")
	}
	if !slices.Contains(shown, role.ID) {
		t.Errorf("the new business-role question is not listed: %v", shown)
	}
	if len(shown)+hidden > len(s.New) {
		t.Errorf("shown %d + hidden %d > new %d", len(shown), hidden, len(s.New))
	}
}
