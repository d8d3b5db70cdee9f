package model

import (
	"slices"
	"time"
)

// flowMsg holds the texts of the interview's flow that both front ends show.
var flowMsg = Messages{
	"remaining":      {De: "noch etwa %d Minuten", En: "about %d minutes left"},
	"remaining_one":  {De: "noch etwa %d Minute", En: "about %d minute left"},
	"remaining_none": {De: "nichts mehr offen", En: "nothing left to answer"},

	"pending_open":     {De: "%s: noch nicht beantwortet", En: "%s: not answered yet"},
	"pending_partial":  {De: "%s: teilweise beantwortet", En: "%s: partly answered"},
	"pending_skipped":  {De: "%s: auf später verschoben", En: "%s: put off"},
	"pending_declined": {De: "%s: Begründung oder Risikoübernahme fehlt", En: "%s: reason or risk acceptance missing"},
	"pending_scan":     {De: "%s: die Serverprüfung widerspricht der Antwort", En: "%s: the server scan contradicts the answer"},
}

// Pending kinds: why an entry is on the list at the end of the interview.
const (
	PendingOpen     = "open"     // a section not gone through yet
	PendingPartial  = "partial"  // a section with answers missing
	PendingSkipped  = "skipped"  // a section put off
	PendingDeclined = "declined" // a measure not taken without reason or risk acceptance
	PendingScan     = "scan"     // the server scan contradicts an answer
	PendingFinding  = "finding"  // a finding of the plausibility rules
)

// Pending is one entry of the list at the end of the interview: something
// still open or contradicted, and where to answer it. Planned measures and
// measures to be clarified are answers (the document lists them as open
// items); they are not on the list.
type Pending struct {
	Kind    string
	Section *Section // nil only for a finding of a rule without a section
	// Item is where the front end starts: a question ID, a measure ID,
	// OwnItem(Section), or "" for the section's first item.
	Item string
	// Walk is set when the section is to be gone through from Item to its
	// end; otherwise answering Item is enough.
	Walk    bool
	Finding *Finding // PendingFinding only
	label   Text
}

// Line words the entry in one line, in language l.
func (p Pending) Line(l Lang) string {
	if p.Finding != nil {
		return TerminalLine(FindingLine(*p.Finding, l))
	}
	return TerminalLine(flowMsg.Get(l, "pending_"+p.Kind, p.label.In(l)))
}

// key identifies the entry within one round of jumps.
func (p Pending) key() string {
	k := p.Kind + "\x00" + p.Item
	if p.Section != nil {
		k += "\x00" + p.Section.ID
	}
	if p.Finding != nil {
		k += "\x00" + p.Finding.Rule.ID
	}
	return k
}

// OwnItem is the item of a control section's own measures (both front ends
// name it so, and a Pending entry points there).
func OwnItem(sec *Section) string { return sec.ID + "#own" }

// Pending lists what is still open or contradicted, in catalogue order: each
// section that is not done (to be gone through from its first unanswered
// item), each declined measure without reason or risk acceptance and each
// answer the server scan contradicts in a done section, and last the
// findings of the plausibility rules (each walking its rule's section).
func (s *Session) Pending() []Pending {
	v := s.V
	var out []Pending
	for _, sec := range v.Sections() {
		c := v.Completeness(sec)
		if c.State != StateDone {
			p := Pending{Kind: PendingOpen, Section: sec, Walk: true, label: sec.Title}
			switch {
			case c.Skipped:
				p.Kind = PendingSkipped
			case c.State == StatePartial:
				p.Kind = PendingPartial
			}
			if c.State == StatePartial {
				p.Item = s.firstUnanswered(sec)
			}
			out = append(out, p)
			continue
		}
		for _, q := range v.Questions(sec) {
			if d, ok := s.F.Detected[q.ID]; ok && d.Result == "contradicts" {
				out = append(out, Pending{Kind: PendingScan, Section: sec, Item: q.ID, label: q.Title})
			}
		}
		for _, m := range v.Measures(sec) {
			a, ok := s.F.Measures[m.ID]
			if ok && a.Status == StatusDeclined && !a.DeclineComplete() {
				out = append(out, Pending{Kind: PendingDeclined, Section: sec, Item: m.ID, label: m.Label})
			}
			if d, ok := s.F.Detected[m.ID]; ok && d.Result == "contradicts" {
				out = append(out, Pending{Kind: PendingScan, Section: sec, Item: m.ID, label: m.Label})
			}
		}
		for _, o := range s.F.OwnMeasures {
			if o.Section == sec.ID && o.Status == StatusDeclined && !o.DeclineComplete() {
				out = append(out, Pending{Kind: PendingDeclined, Section: sec, Item: OwnItem(sec), label: Text{De: o.Text, En: o.Text}})
			}
		}
	}
	for _, f := range s.Findings() {
		f := f
		out = append(out, Pending{Kind: PendingFinding, Section: f.Section, Walk: true, Finding: &f})
	}
	return out
}

// firstUnanswered returns the first item of sec without an answer: a
// question, else a measure without status ("" when there is none).
func (s *Session) firstUnanswered(sec *Section) string {
	for _, q := range s.V.Questions(sec) {
		if !s.V.Answered(q) {
			return q.ID
		}
	}
	for _, m := range s.V.Measures(sec) {
		if s.F.Measures[m.ID].Status == "" {
			return m.ID
		}
	}
	return ""
}

// flow is one round of jumps from the end list: the entries jumped to and
// the sections gone through since the list was last shown.
type flow struct {
	visited map[string]bool
	walked  map[*Section]bool
}

// EndRound ends the round of jumps: a front end calls it when it shows the
// end list (every entry may be jumped to again) or when the user goes
// elsewhere on their own (the overview).
func (s *Session) EndRound() { s.flow = nil }

// Jumping reports whether the user jumped from the end list and has not
// come back to it: then answering the item jumped to (or going through the
// section to its end, for an entry with Walk) leads to NextOpen, not to the
// next item in order.
func (s *Session) Jumping() bool { return s.flow != nil }

// Jump records that the user goes to entry p and sets the position there.
func (s *Session) Jump(p Pending) {
	if s.flow == nil {
		s.flow = &flow{visited: map[string]bool{}, walked: map[*Section]bool{}}
	}
	s.flow.visited[p.key()] = true
	if p.Walk && p.Section != nil {
		s.flow.walked[p.Section] = true
	}
	if p.Section != nil {
		s.At(p.Section, p.Item)
	}
}

// NextOpen returns the entry to go to after the one jumped to: the first
// pending entry not visited in this round and not in a section gone through
// in it. ok is false when none is left: the front end shows the end list.
func (s *Session) NextOpen() (p Pending, ok bool) {
	for _, p := range s.Pending() {
		if p.Section == nil {
			continue
		}
		if s.flow != nil && (s.flow.visited[p.key()] || s.flow.walked[p.Section]) {
			continue
		}
		return p, true
	}
	return Pending{}, false
}

// Parts: "Teil X von Y".
//
// The parts of a section are its questions, its measures (the table and the
// dates, reasons and notes asked after it are one part) and, in a control
// section, its own measures. A part counts when it is asked now, or when its
// condition tests a question of the same section: then the answers given in
// the section can still show or hide it, and it is counted from the start.
// Conditions name earlier questions only, so what decides the other parts
// is answered before the section begins, and Y stays the same from the
// moment the section is entered to the end of the interview (unless the
// user goes back and changes an earlier section). A part that the section's
// own answers hide is passed over: X may jump, Y does not change.

// Part returns the number of the part item is in (a question ID,
// OwnItem(sec), "" for the section's start, or any other item of the
// section's measures) and the number of parts of sec. An item outside the
// counted parts gets the number of the next counted one.
func (s *Session) Part(sec *Section, item string) (x, y int) {
	parts := s.parts(sec)
	var at int
	switch {
	case item == "":
		at = 0
	case item == OwnItem(sec):
		at = slices.Index(parts, partOwn)
	case s.C.Question(item) != nil && s.C.SectionOf(item) == sec:
		at = slices.Index(parts, item)
		if at < 0 { // hidden: the next counted part after it
			at = len(parts)
			for i, q := range sec.Questions {
				if q.ID == item {
					for _, later := range sec.Questions[i+1:] {
						if j := slices.Index(parts, later.ID); j >= 0 {
							at = min(at, j)
						}
					}
					if j := slices.Index(parts, partMeasures); j >= 0 {
						at = min(at, j)
					}
				}
			}
		}
	default:
		at = slices.Index(parts, partMeasures)
	}
	if at < 0 || at >= len(parts) {
		at = len(parts) - 1
	}
	return at + 1, len(parts)
}

// Markers of the measures and own-measures parts in parts' list.
const (
	partMeasures = "\x00measures"
	partOwn      = "\x00own"
)

// parts lists the counted parts of sec (see Part): question IDs, then
// partMeasures and partOwn.
func (s *Session) parts(sec *Section) []string {
	if !s.V.SectionVisible(sec) {
		return nil
	}
	counted := func(c *Condition) bool { return c.Eval(s.V.Value) || s.testsSection(c, sec) }
	var out []string
	for _, q := range sec.Questions {
		if counted(q.When) {
			out = append(out, q.ID)
		}
	}
	for _, m := range sec.Measures {
		if counted(m.When) {
			out = append(out, partMeasures)
			break
		}
	}
	if sec.Kind == SectionControl {
		out = append(out, partOwn)
	}
	return out
}

// testsSection reports whether condition c tests a question of sec.
func (s *Session) testsSection(c *Condition, sec *Section) bool {
	if c == nil {
		return false
	}
	if c.Question != "" && s.C.SectionOf(c.Question) == sec {
		return true
	}
	for _, sub := range append(append([]*Condition{}, c.All...), c.Any...) {
		if s.testsSection(sub, sec) {
			return true
		}
	}
	return s.testsSection(c.Not, sec)
}

// Estimates of the time a user needs, on average, for one thing still to
// answer: reading the prompt and typing or choosing the answer. They are
// rough by design; the overview shows the sum rounded up to minutes.
const (
	// SecondsPerChoice: a yes/no question or a choice of one.
	SecondsPerChoice = 10
	// SecondsPerMultiChoice: a choice of several.
	SecondsPerMultiChoice = 20
	// SecondsPerText: a short text, date, e-mail address, phone number or URL.
	SecondsPerText = 30
	// SecondsPerTextarea: a text of several lines.
	SecondsPerTextarea = 90
	// SecondsPerMeasure: one row of a measures table (read it, one key).
	SecondsPerMeasure = 8
	// SecondsPerRecordList: a register not answered yet (providers,
	// people, devices, …): a few entries of one page each.
	SecondsPerRecordList = 240
	// SecondsPerFollowUp: a reason or risk acceptance still missing.
	SecondsPerFollowUp = 45
)

// questionSeconds is the estimate for one question of kind kind.
func questionSeconds(kind string) int {
	switch kind {
	case KindYesNo, KindChoice:
		return SecondsPerChoice
	case KindMultiChoice:
		return SecondsPerMultiChoice
	case KindTextarea:
		return SecondsPerTextarea
	case KindRecords:
		return SecondsPerRecordList
	}
	return SecondsPerText
}

// Remaining estimates the time the rest of the interview takes: every
// question without an answer and every measure without status in the
// sections not done, and every reason or risk acceptance still missing,
// each with its constant above.
func (s *Session) Remaining() time.Duration {
	v := s.V
	secs := 0
	for _, sec := range v.Sections() {
		done := v.Completeness(sec).State == StateDone
		if !done {
			for _, q := range v.Questions(sec) {
				if !v.Answered(q) {
					secs += questionSeconds(q.Kind)
				}
			}
		}
		for _, m := range v.Measures(sec) {
			a := s.F.Measures[m.ID]
			switch {
			case a.Status == "":
				secs += SecondsPerMeasure
			case a.Status == StatusDeclined && !a.DeclineComplete():
				secs += SecondsPerFollowUp
			}
		}
	}
	return time.Duration(secs) * time.Second
}

// RemainingLine words the estimate d for the overview, in whole minutes
// rounded up: "noch etwa 12 Minuten".
func RemainingLine(d time.Duration, l Lang) string {
	if d <= 0 {
		return flowMsg.Get(l, "remaining_none")
	}
	min := int((d + time.Minute - 1) / time.Minute)
	return flowMsg.Count(l, "remaining", min)
}
