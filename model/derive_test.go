package model

import (
	"reflect"
	"testing"
)

func ids[T any](list []T, id func(T) string) []string {
	out := []string{}
	for _, x := range list {
		out = append(out, id(x))
	}
	return out
}

func TestViewVisibility(t *testing.T) {
	c := smallCatalog(t)
	f := NewFile(c, De)
	v := View{c, f}
	measures := func() []string {
		return ids(v.Measures(c.Section("access_system")), func(m *Measure) string { return m.ID })
	}
	if v.QuestionVisible("infra.server_kind") || v.QuestionVisible("nope") {
		t.Error("server kind shown without a server")
	}
	if got := measures(); !reflect.DeepEqual(got, []string{"access_system.passwords", "access_system.policy"}) {
		t.Errorf("measures without server/notebook: %v", got)
	}
	f.Set("infra.server", Bool(true))
	f.Set("infra.devices", List("notebook"))
	if !v.QuestionVisible("infra.server_kind") {
		t.Error("server kind hidden with a server")
	}
	if got := measures(); len(got) != 4 {
		t.Errorf("measures with server and notebook: %v", got)
	}
	if got := ids(v.Questions(c.Section("infra")), func(q *Question) string { return q.ID }); len(got) != 3 {
		t.Errorf("questions %v", got)
	}
	if len(v.Sections()) != 4 {
		t.Error("all sections are unconditional")
	}
	// Value hides hidden answers from conditions.
	f.Set("infra.server_kind", String("vserver"))
	f.Set("infra.server", Bool(false))
	if v.Value("infra.server_kind").IsSet() {
		t.Error("a hidden answer is visible to conditions")
	}
	fd := c.Question("providers").Field("avv_signed")
	if FieldVisible(fd, Record{"processor": Bool(false)}) || !FieldVisible(fd, Record{"processor": Bool(true)}) {
		t.Error("FieldVisible")
	}
}

func TestConditionEval(t *testing.T) {
	vals := map[string]Value{"yes": Bool(true), "kind": String("a"), "multi": List("x", "y"), "blank": String(" ")}
	get := func(id string) Value { return vals[id] }
	tr, fa := true, false
	for _, tc := range []struct {
		c    *Condition
		want bool
	}{
		{nil, true},
		{&Condition{Question: "yes", Equals: true}, true},
		{&Condition{Question: "yes", Equals: false}, false},
		{&Condition{Question: "kind", Equals: "a"}, true},
		{&Condition{Question: "kind", In: []string{"b", "a"}}, true},
		{&Condition{Question: "kind", In: []string{"b"}}, false},
		{&Condition{Question: "multi", Includes: "y"}, true},
		{&Condition{Question: "multi", Includes: "z"}, false},
		{&Condition{Question: "blank", Answered: &tr}, false},
		{&Condition{Question: "missing", Answered: &fa}, true},
		{&Condition{All: []*Condition{{Question: "yes", Equals: true}, {Question: "kind", Equals: "b"}}}, false},
		{&Condition{Any: []*Condition{{Question: "yes", Equals: false}, {Question: "kind", Equals: "a"}}}, true},
		{&Condition{Not: &Condition{Question: "yes", Equals: true}}, false},
	} {
		if got := tc.c.Eval(get); got != tc.want {
			t.Errorf("%+v: %v", tc.c, got)
		}
	}
}

func TestPrune(t *testing.T) {
	c := smallCatalog(t)
	f := sampleFile(c)
	f.Set("infra.server", Bool(false))
	f.Set("infra.devices", List("pc"))
	recs := f.Get("providers").Records()
	recs[0]["processor"] = Bool(false) // avv_signed becomes hidden
	got := View{c, f}.Prune()
	want := []string{"access_system.disk_notebook", "access_system.ssh_keys_only", "infra.server_kind", "providers/p1/avv_signed"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Prune removed %v, want %v", got, want)
	}
	if f.Get("infra.server_kind").IsSet() || recs[0].Get("avv_signed").IsSet() {
		t.Error("pruned answers still there")
	}
	if _, ok := f.Measures["access_system.ssh_keys_only"]; ok {
		t.Error("hidden measure kept")
	}
	if again := (View{c, f}).Prune(); len(again) != 0 {
		t.Errorf("second Prune removed %v", again)
	}
}

func TestCompleteness(t *testing.T) {
	c := smallCatalog(t)
	f := NewFile(c, De)
	v := View{c, f}
	org := c.Section("org")
	if st := v.Completeness(org); st.State != StateOpen || st.Total != 4 || st.Answered != 0 || st.Percent() != 0 {
		t.Errorf("empty org: %+v", st)
	}
	f.Set("org.name", String("A"))
	if st := v.Completeness(org); st.State != StatePartial || st.Answered != 1 || st.Percent() != 25 {
		t.Errorf("org with a name: %+v", st)
	}
	f.Progress.Done = []string{"org"} // optional questions count once done
	if st := v.Completeness(org); st.State != StateDone || st.Percent() != 100 {
		t.Errorf("org done: %+v", st)
	}
	f.Progress.Skipped = []string{"org"}
	if st := v.Completeness(org); st.State != StatePartial || !st.Skipped {
		t.Errorf("org skipped: %+v", st)
	}
	ac := c.Section("access_system")
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusNotApplicable, Reason: "ein Mitarbeiter"}
	// Every measure answered is not yet done: the user has not finished
	// the section (a scan may have filled it in).
	if st := v.Completeness(ac); st.State != StatePartial || st.Total != 2 || st.Answered != 2 {
		t.Errorf("measures, section not finished: %+v", st)
	}
	f.Progress.Done = append(f.Progress.Done, "access_system")
	if st := v.Completeness(ac); st.State != StateDone || st.Total != 2 {
		t.Errorf("measures: %+v", st)
	}
	if v.Complete() {
		t.Error("Complete with open sections")
	}
}

func TestOpenItems(t *testing.T) {
	c := smallCatalog(t)
	f := sampleFile(c)
	f.Progress.Skipped = []string{"providers"}
	f.Detected = map[string]Detection{"access_system.passwords": {Date: "2026-11-28", Result: "contradicts", Evidence: "PasswordAuthentication yes"}}
	f.OwnMeasures = append(f.OwnMeasures, OwnMeasure{ID: "own2", Section: "access_system", Text: "Schulung", Type: Organisational,
		MeasureAnswer: MeasureAnswer{Status: StatusUnclear}})
	delete(f.Answers, "org.name")
	var got []string
	for _, it := range (View{c, f}).OpenItems() {
		got = append(got, it.Kind+" "+it.ID+" "+it.Due)
	}
	want := []string{
		"unanswered org.name ",
		"contradicted access_system.passwords ",
		"planned access_system.policy 2027-03-31",
		"unclear access_system.disk_notebook ",
		"unclear own2 ",
		"skipped  ",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("open items\n%q\nwant\n%q", got, want)
	}
}
