package model

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The end list names a section put off (walked from its start), a partly
// answered one (from its first gap) and a declined measure without reason;
// after a jump the next open entry follows, then none, and showing the end
// list again starts a new round.
func TestPendingNextOpen(t *testing.T) {
	c, f, s := smallSession(t)
	org, infra, acc := c.Section("org"), c.Section("infra"), c.Section("access_system")
	for _, sec := range s.Sections() {
		s.Done(sec)
	}
	s.Skip(infra)
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusDeclined, Reason: "zu klein"}
	if len(s.Pending()) != 2 {
		t.Fatalf("pending = %+v", s.Pending())
	}
	delete(f.Answers, "org.name") // required: org is partly answered now
	ps := s.Pending()
	if len(ps) != 3 {
		t.Fatalf("pending = %+v", ps)
	}
	want := []struct {
		kind, item string
		sec        *Section
		walk       bool
	}{
		{PendingPartial, "org.name", org, true},
		{PendingSkipped, "", infra, true},
		{PendingDeclined, "access_system.policy", acc, false},
	}
	for i, w := range want {
		p := ps[i]
		if p.Kind != w.kind || p.Item != w.item || p.Section != w.sec || p.Walk != w.walk {
			t.Errorf("pending[%d] = %s %q %s walk=%v, want %s %q %s walk=%v", i, p.Kind, p.Item, p.Section.ID, p.Walk, w.kind, w.item, w.sec.ID, w.walk)
		}
	}
	if got := ps[2].Line(De); !strings.HasSuffix(got, ": Begründung oder Risikoübernahme fehlt") {
		t.Errorf("line = %q", got)
	}
	if s.Jumping() {
		t.Fatal("jumping before any jump")
	}
	// Jump to the second entry (infra): the next open one is the first
	// entry not visited, org, then the declined measure, then none.
	s.Jump(ps[1])
	if !s.Jumping() || f.Progress.Step != "infra" {
		t.Fatalf("after the jump: jumping %v, step %q", s.Jumping(), f.Progress.Step)
	}
	s.Done(infra)
	next, ok := s.NextOpen()
	if !ok || next.Section != org || next.Item != "org.name" {
		t.Fatalf("next open = %+v, %v", next, ok)
	}
	s.Jump(next)
	f.Set("org.name", String("Neu GmbH"))
	next, ok = s.NextOpen()
	if !ok || next.Kind != PendingDeclined {
		t.Fatalf("next open = %+v, %v", next, ok)
	}
	s.Jump(next)
	if f.Progress.Step != "access_system" || f.Progress.Question != "access_system.policy" {
		t.Errorf("position after the jump: %+v", f.Progress)
	}
	if next, ok = s.NextOpen(); ok {
		t.Fatalf("next open after the last one = %+v", next)
	}
	// The reason is still missing: a new round offers it again.
	s.EndRound()
	if s.Jumping() {
		t.Error("still jumping after the end list")
	}
	if next, ok = s.NextOpen(); !ok || next.Item != "access_system.policy" {
		t.Fatalf("new round: %+v, %v", next, ok)
	}
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusDeclined, Reason: "zu klein", AcceptedBy: "Chefin"}
	if ps := s.Pending(); len(ps) != 0 {
		t.Errorf("pending after everything was answered: %+v", ps)
	}
}

// A section gone through in a round hides its other entries for the round.
func TestNextOpenSkipsWalkedSection(t *testing.T) {
	c, f, s := smallSession(t)
	for _, sec := range s.Sections() {
		s.Done(sec)
	}
	acc := c.Section("access_system")
	s.Skip(acc)
	f.Detected = map[string]Detection{"access_system.passwords": {Result: "contradicts"}}
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusDeclined}
	ps := s.Pending()
	if len(ps) != 1 || ps[0].Kind != PendingSkipped {
		t.Fatalf("a section not done is one entry: %+v", ps)
	}
	s.Done(acc)
	ps = s.Pending()
	if len(ps) != 2 || ps[0].Kind != PendingScan || ps[1].Kind != PendingDeclined {
		t.Fatalf("pending = %+v", ps)
	}
	s.Jump(Pending{Kind: PendingFinding, Section: acc, Walk: true})
	if p, ok := s.NextOpen(); ok {
		t.Errorf("next open in a section gone through: %+v", p)
	}
}

// "Teil X von Y": Y counts a question hidden by an answer of its own
// section from the start, and does not change when the answer shows it.
func TestPartStableSmall(t *testing.T) {
	c := smallCatalog(t)
	f := NewFile(c, De)
	s := NewSession(c, f, SessionOptions{})
	infra := c.Section("infra")
	x, y := s.Part(infra, "")
	if x != 1 || y != 3 {
		t.Fatalf("infra at its start: part %d of %d, want 1 of 3", x, y)
	}
	visible := len(s.V.Questions(infra))
	f.Set("infra.server", Bool(true))
	if len(s.V.Questions(infra)) == visible {
		t.Fatal("the test needs a question the answer shows")
	}
	if x, y = s.Part(infra, "infra.devices"); x != 3 || y != 3 {
		t.Errorf("devices: part %d of %d, want 3 of 3", x, y)
	}
	f.Set("infra.server", Bool(false))
	if x, y = s.Part(infra, "infra.devices"); x != 3 || y != 3 {
		t.Errorf("devices with the server question hidden: part %d of %d, want 3 of 3", x, y)
	}
	// The measures: the table and what follows it are one part, the own
	// measures the last.
	acc := c.Section("access_system")
	if x, y = s.Part(acc, "access_system.policy#due"); x != 1 || y != 2 {
		t.Errorf("a measure's date: part %d of %d, want 1 of 2", x, y)
	}
	if x, y = s.Part(acc, OwnItem(acc)); x != 2 || y != 2 {
		t.Errorf("own measures: part %d of %d, want 2 of 2", x, y)
	}
}

// Through a whole interview of the reference business, answered in
// catalogue order, each section's Y is the same from the moment the section
// is entered to the end.
func TestPartStableReference(t *testing.T) {
	c, err := LoadCatalogFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		t.Fatal(err)
	}
	ref, _, err := Load(filepath.Join("..", "testdata", "sample", "tom.json"), c)
	if err != nil {
		t.Fatal(err)
	}
	f := NewFile(c, De)
	s := NewSession(c, f, SessionOptions{})
	ys := map[*Section]int{}
	check := func(at string) {
		for sec, y := range ys {
			if _, got := s.Part(sec, ""); got != y {
				t.Fatalf("after %s: %s has %d parts, %d when it was entered", at, sec.ID, got, y)
			}
		}
	}
	changed := 0
	for _, sec := range c.Sections {
		_, ys[sec] = s.Part(sec, "")
		for _, q := range sec.Questions {
			before := len(s.V.Questions(sec))
			if v, ok := ref.Answers[q.ID]; ok {
				f.Set(q.ID, v)
			}
			if len(s.V.Questions(sec)) != before {
				changed++
			}
			check(q.ID)
		}
		for _, m := range sec.Measures {
			if a, ok := ref.Measures[m.ID]; ok {
				f.Measures[m.ID] = a
			}
			check(m.ID)
		}
		s.Done(sec)
	}
	if changed == 0 {
		t.Error("no answer showed or hid a question: the test proves nothing")
	}
}

// The estimate adds the constants of what is left, and words it in minutes.
func TestRemaining(t *testing.T) {
	c := smallCatalog(t)
	f := NewFile(c, De)
	s := NewSession(c, f, SessionOptions{})
	// org: text, textarea, e-mail, date; infra: yes/no and multiple choice
	// (the server's kind is hidden); two measures apply; one list.
	want := 3*SecondsPerText + SecondsPerTextarea + SecondsPerChoice + SecondsPerMultiChoice + 2*SecondsPerMeasure + SecondsPerRecordList
	if got := s.Remaining(); got != time.Duration(want)*time.Second {
		t.Errorf("remaining = %v, want %ds", got, want)
	}
	if got := RemainingLine(s.Remaining(), De); got != "noch etwa 8 Minuten" {
		t.Errorf("line = %q (%v)", got, s.Remaining())
	}
	f.Set("org.name", String("X"))
	f.Set("providers", Records())
	if got, was := s.Remaining(), time.Duration(want)*time.Second; was-got != time.Duration(SecondsPerText+SecondsPerRecordList)*time.Second {
		t.Errorf("after two answers: %v (was %v)", got, was)
	}
	c2, f2, s2 := smallSession(t)
	_ = c2
	for _, sec := range s2.Sections() {
		s2.Done(sec)
	}
	f2.Measures["access_system.policy"] = MeasureAnswer{Status: StatusDeclined}
	if got := s2.Remaining(); got != SecondsPerFollowUp*time.Second {
		t.Errorf("a declined measure without reason: %v", got)
	}
	delete(f2.Measures, "access_system.policy")
	f2.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented}
	if got := RemainingLine(s2.Remaining(), En); got != "nothing left to answer" {
		t.Errorf("done: %q", got)
	}
	for d, want := range map[time.Duration]string{time.Second: "about 1 minute left", time.Minute: "about 1 minute left", 61 * time.Second: "about 2 minutes left"} {
		if got := RemainingLine(d, En); got != want {
			t.Errorf("RemainingLine(%v) = %q, want %q", d, got, want)
		}
	}
}
