package model

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// rulesCatalog is the small test catalogue with the given rules (JSON array
// text) added, and with its catalogue ID kept.
func rulesCatalog(t testing.TB, rules string) (*Catalog, error) {
	t.Helper()
	data, err := os.ReadFile("../testdata/small-catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSpace(string(data))
	s = strings.TrimSuffix(s, "}") + ",\n\"rules\": " + rules + "\n}\n"
	return ParseCatalog("rules.json", []byte(s))
}

func mustRules(t testing.TB, rules string) *Catalog {
	t.Helper()
	c, err := rulesCatalog(t, rules)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ruleIDs(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule.ID)
	}
	return out
}

func TestRuleLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, rules, want string
	}{
		{"unknown measure", `[{"id": "r", "severity": "warning", "if": {"measure": "nope"}, "finding": {"de": "x", "en": "x"}}]`,
			`/rules/0/if/measure: the condition names the unknown measure "nope"`},
		{"severity", `[{"id": "r", "severity": "fatal", "if": {"measure": "access_system.policy"}, "finding": {"de": "x", "en": "x"}}]`,
			`/rules/0/severity: severity "fatal" is not valid (contradiction or warning)`},
		{"english missing", `[{"id": "r", "severity": "warning", "if": {"measure": "access_system.policy"}, "finding": {"de": "x", "en": " "}}]`,
			`/rules/0/finding: English text missing`},
		{"no condition", `[{"id": "r", "severity": "warning", "finding": {"de": "x", "en": "x"}}]`,
			`/rules/0: the rule has no condition ("if")`},
		{"duplicate id", `[{"id": "r", "severity": "warning", "if": {"measure": "access_system.policy"}, "finding": {"de": "x", "en": "x"}},
 {"id": "r", "severity": "warning", "if": {"measure": "access_system.policy"}, "finding": {"de": "x", "en": "x"}}]`,
			`/rules/1/id: ID "r" is already taken`},
		{"two forms", `[{"id": "r", "severity": "warning", "if": {"measure": "access_system.policy", "question": "infra.server"}, "finding": {"de": "x", "en": "x"}}]`,
			`exactly one of measure, question, register, all, any, not`},
		{"unknown field", `[{"id": "r", "severity": "warning", "if": {"register": "providers", "some": {"field": "fax", "answered": true}}, "finding": {"de": "x", "en": "x"}}]`,
			`/rules/0/if/some/field: unknown field "fax" of providers`},
		{"unknown option", `[{"id": "r", "severity": "warning", "if": {"register": "providers", "some": {"field": "category", "equals": "bank"}}, "finding": {"de": "x", "en": "x"}}]`,
			`equals names the unknown option "bank"`},
		{"not a register", `[{"id": "r", "severity": "warning", "if": {"register": "infra.server", "none": {"field": "name", "answered": true}}, "finding": {"de": "x", "en": "x"}}]`,
			`"infra.server" is not a records question`},
		{"some and none", `[{"id": "r", "severity": "warning", "if": {"register": "providers"}, "finding": {"de": "x", "en": "x"}}]`,
			`needs exactly one of "some" and "none"`},
		{"os state", `[{"id": "r", "severity": "warning", "if": {"question": "org.name", "os_support": ["dead"]}, "finding": {"de": "x", "en": "x"}}]`,
			`"os_support" "dead" is not valid (past or soon)`},
		{"os on yes/no", `[{"id": "r", "severity": "warning", "if": {"question": "infra.server", "os_support": ["past"]}, "finding": {"de": "x", "en": "x"}}]`,
			`"os_support" needs a text question, not yesno`},
		{"bad status", `[{"id": "r", "severity": "warning", "if": {"measure": "access_system.policy", "status": ["done"]}, "finding": {"de": "x", "en": "x"}}]`,
			`status "done" is not valid`},
		{"unknown section", `[{"id": "r", "severity": "warning", "section": "nope", "if": {"measure": "access_system.policy"}, "finding": {"de": "x", "en": "x"}}]`,
			`unknown section "nope"`},
		{"mentions", `[{"id": "r", "severity": "warning", "if": {"question": "org.name", "mentions": "infra.server"}, "finding": {"de": "x", "en": "x"}}]`,
			`"mentions" needs two text questions`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rulesCatalog(t, tc.rules)
			if err == nil {
				t.Fatal("loaded")
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("%T %v", err, err)
			}
			// German by default, English on request; both name the place.
			de, en := err.Error(), le.Format(En)
			if !strings.Contains(en, tc.want) {
				t.Fatalf("%s\nlacks %q", en, tc.want)
			}
			if de == en || strings.Contains(de, tc.want) {
				t.Errorf("German message is English:\n%s", de)
			}
			for _, msg := range []string{de, en} {
				for _, line := range strings.Split(msg, "\n") {
					var l, col int
					if _, err := fmt.Sscanf(strings.TrimPrefix(line, "rules.json:"), "%d:%d:", &l, &col); err != nil || l < 90 || !strings.Contains(line, ": /rules/") {
						t.Errorf("no position after the catalogue's questions: %q", line)
					}
				}
			}
		})
	}
}

func TestRuleEvaluation(t *testing.T) {
	c := mustRules(t, `[
 {"id": "policy_done", "severity": "warning", "if": {"measure": "access_system.policy"}, "finding": {"de": "P", "en": "P"}},
 {"id": "policy_open", "severity": "warning", "if": {"measure": "access_system.policy", "status": ["planned", "unclear"]}, "finding": {"de": "O", "en": "O"}},
 {"id": "policy_unassessed", "severity": "warning", "if": {"measure": "access_system.policy", "answered": false}, "finding": {"de": "U", "en": "U"}},
 {"id": "ssh_done", "severity": "contradiction", "if": {"measure": "access_system.ssh_keys_only"}, "finding": {"de": "S", "en": "S"}},
 {"id": "unchecked", "severity": "contradiction", "if": {"all": [
    {"measure": "access_system.passwords"},
    {"register": "providers", "some": {"all": [{"field": "processor", "equals": true}, {"field": "avv_signed", "answered": false}]}}]},
  "finding": {"de": "Ohne Prüfung: {matches}.", "en": "Unchecked: {matches}."}},
 {"id": "no_hoster", "severity": "warning", "if": {"register": "providers", "none": {"field": "category", "equals": "hosting"}}, "finding": {"de": "H {matches}", "en": "H {matches}"}},
 {"id": "name_mentions_mail", "severity": "warning", "if": {"question": "org.name", "mentions": "org.address"}, "finding": {"de": "M", "en": "M"}},
 {"id": "contains_gmbh", "severity": "warning", "if": {"not": {"question": "org.name", "contains": "gmbh"}}, "finding": {"de": "G", "en": "G"}},
 {"id": "any", "severity": "warning", "if": {"any": [{"question": "infra.devices", "includes": "phone"}, {"question": "infra.server_kind", "answered": true}]}, "finding": {"de": "A", "en": "A"}}
]`)
	f := NewFile(c, De)
	got := ruleIDs(Findings(c, f, "2026-12-06"))
	if want := []string{"policy_unassessed", "no_hoster", "contains_gmbh"}; !slices.Equal(got, want) {
		t.Fatalf("empty file: %v, want %v", got, want)
	}
	f.Set("org.name", String("Muster GmbH"))
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-01-01"}
	f.Measures["access_system.ssh_keys_only"] = MeasureAnswer{Status: StatusImplemented} // hidden: no server
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	var recs []Record
	for i := 0; i < 12; i++ {
		recs = append(recs, Record{"id": String(fmt.Sprintf("r%d", i)), "name": String(fmt.Sprintf("P%02d", i)), "processor": Bool(true), "category": String("software")})
	}
	recs[0]["avv_signed"] = String("2026-01-01")
	recs[1]["processor"] = Bool(false) // avv_signed hidden; not a processor anyway
	f.Set("providers", Records(recs...))
	f.Set("infra.devices", List("pc", "phone"))
	fs := Findings(c, f, "2026-12-06")
	if got, want := ruleIDs(fs), []string{"policy_open", "unchecked", "no_hoster", "any"}; !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if want := "Ohne Prüfung: P02, P03, P04, P05, P06, P07, P08, P09, P10, P11."; fs[1].Text.De != want {
		t.Errorf("de %q", fs[1].Text.De)
	}
	if fs[1].Severity != SeverityContradiction || fs[1].Section != c.Section("access_system") {
		t.Errorf("severity %s, section %v", fs[1].Severity, fs[1].Section)
	}
	if fs[2].Text.En != "H none" || fs[2].Section != c.Section("providers") {
		t.Errorf("none: %q", fs[2].Text.En)
	}
	recs = append(recs, Record{"id": String("r12"), "name": String("P12"), "processor": Bool(true)})
	f.Set("providers", Records(recs...))
	if got := Findings(c, f, "2026-12-06")[1].Text.En; got != "Unchecked: P02, P03, P04, P05, P06, P07, P08, P09, P10, P11 and 1 more." {
		t.Errorf("more: %q", got)
	}
	f.Set("infra.server", Bool(true))
	f.Set("org.address", String("muster gmbh"))
	got = ruleIDs(Findings(c, f, "2026-12-06"))
	if !slices.Contains(got, "ssh_done") || !slices.Contains(got, "name_mentions_mail") {
		t.Errorf("with a server: %v", got)
	}
	if c, w := CountFindings(Findings(c, f, "2026-12-06")); c != 2 || w != 4 {
		t.Errorf("count %d %d", c, w)
	}
}

const testSupport = `{"families": [{"id": "windows", "names": ["windows", "win"]}],
 "entries": [
  {"id": "w7", "family": "windows", "name": "Windows 7", "version": "7", "end": "2020-01-14", "source": ["https://example.org/a"], "checked": "2026-12-06"},
  {"id": "w10", "family": "windows", "name": "Windows 10", "version": "10", "end": "2025-10-14", "source": ["https://example.org/b"], "checked": "2026-12-06"}]}`

func TestRuleOSSupport(t *testing.T) {
	// A register with an operating_system field: the small catalogue's
	// provider name stands in for it.
	data, err := os.ReadFile("../testdata/small-catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), `"id": "email", "kind": "email"`, `"id": "os", "kind": "text", "role": "operating_system", "label": {"de": "BS", "en": "OS"}}, {"id": "email", "kind": "email"`, 1)
	s = strings.TrimSuffix(strings.TrimSpace(s), "}") + `, "rules": [
 {"id": "past", "severity": "warning", "open_item": true, "if": {"register": "providers", "some": {"field": "processor", "equals": true}, "os_support": ["past"]}, "finding": {"de": "Alt: {matches}", "en": "Old: {matches}"}},
 {"id": "soon", "severity": "warning", "if": {"any": [{"register": "providers", "os_support": ["soon"]}, {"question": "org.name", "os_support": ["soon"]}]}, "finding": {"de": "Bald: {matches}", "en": "Soon: {matches}"}}]}`
	c, err := ParseCatalog("os.json", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	f := NewFile(c, De)
	f.Set("providers", Records(
		Record{"id": String("r1"), "name": String("PC 1"), "os": String("Win 7 Pro"), "processor": Bool(true)},
		Record{"id": String("r2"), "name": String("PC 2"), "os": String("Windows 10"), "processor": Bool(true)},
		Record{"id": String("r3"), "name": String("PC 3"), "os": String("Windows 7"), "processor": Bool(false)},
	))
	if got := Findings(c, f, "2025-06-01"); len(got) != 0 {
		t.Fatalf("without a table: %v", ruleIDs(got))
	}
	tbl, err := ParseSupportTable("t.json", []byte(testSupport))
	if err != nil {
		t.Fatal(err)
	}
	c.SetSupport(tbl)
	fs := Findings(c, f, "2025-06-01")
	if got := ruleIDs(fs); !slices.Equal(got, []string{"past", "soon"}) {
		t.Fatalf("got %v", got)
	}
	if fs[0].Text.De != "Alt: PC 1: Windows 7 (Sicherheitsupdates endeten am 14.01.2020)" || fs[0].Date != "2020-01-14" || !fs[0].Rule.OpenItem {
		t.Errorf("past: %+v", fs[0])
	}
	if fs[1].Text.En != "Soon: PC 2: Windows 10 (security updates end on 14 October 2025)" || fs[1].Date != "2025-10-14" {
		t.Errorf("soon: %q %s", fs[1].Text.En, fs[1].Date)
	}
	// Once the date has passed, Windows 10 is past too; no date, no finding.
	if got := ruleIDs(Findings(c, f, "2025-10-15")); !slices.Equal(got, []string{"past"}) {
		t.Errorf("after the end: %v", got)
	}
	if got := Findings(c, f, ""); len(got) != 0 {
		t.Errorf("without today: %v", ruleIDs(got))
	}
	f.Set("providers", Records())
	f.Set("org.name", String("Windows 10"))
	if got := Findings(c, f, "2025-06-01"); len(got) != 1 || got[0].Text.De != "Bald: Windows 10 (Sicherheitsupdates enden am 14.10.2025)" {
		t.Errorf("question: %+v", got)
	}
}

// A contract date is a fact and never due; a check date with due_if_empty is
// due at once for the records it names when it is empty.
func TestDueContractAndEmptyCheck(t *testing.T) {
	data, err := os.ReadFile("../testdata/small-catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), `"id": "avv_signed", "kind": "date", "role": "check_date",`,
		`"id": "avv_signed", "kind": "date", "role": "check_date", "due_if_empty": {"field": "category", "in": ["hosting", "software"]},`, 1)
	c, err := ParseCatalog("due.json", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	f := NewFile(c, De)
	f.Set("providers", Records(
		Record{"id": String("r1"), "name": String("Host"), "processor": Bool(true), "category": String("hosting")},
		Record{"id": String("r2"), "name": String("Other"), "processor": Bool(true), "category": String("other")},
		Record{"id": String("r3"), "name": String("Soft"), "processor": Bool(false), "category": String("software")}, // field hidden
	))
	due := Due(c, f, "2026-12-06")
	if len(due) != 1 || due[0].Record != "r1" || due[0].Date != "" || !due[0].Overdue {
		t.Fatalf("%+v", due)
	}
	if got := DescribeDue(due[0], De); got != "Dienstleister „Host“: AV-Vertrag zuletzt geprüft am – kein Datum, noch nie geprüft; bitte prüfen" {
		t.Error(got)
	}
	// As a contract date the same field is never due, however old.
	s = strings.Replace(string(data), `"role": "check_date"`, `"role": "contract_date"`, 1)
	c, err = ParseCatalog("contract.json", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	f = NewFile(c, De)
	f.Set("providers", Records(Record{"id": String("r1"), "name": String("Host"), "processor": Bool(true), "avv_signed": String("2001-01-01")}))
	if due := Due(c, f, "2026-12-06"); len(due) != 0 {
		t.Fatalf("contract date due: %+v", due)
	}
}

// The session reports the findings as the answers stand, per step too.
func TestSessionFindings(t *testing.T) {
	c := mustRules(t, `[{"id": "p", "severity": "contradiction", "if": {"measure": "access_system.policy"}, "finding": {"de": "Regel", "en": "Rule"}}]`)
	f := NewFile(c, De)
	s := NewSession(c, f, SessionOptions{Today: "2026-12-06"})
	if len(s.Findings()) != 0 {
		t.Fatal("findings on an empty file")
	}
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented}
	if got := s.FindingsAt(c.Section("access_system")); len(got) != 1 || FindingLine(got[0], De) != "Widerspruch: Regel" || FindingLine(got[0], En) != "Contradiction: Rule" {
		t.Fatalf("%+v", got)
	}
	if len(s.FindingsAt(c.Section("org"))) != 0 {
		t.Error("finding at the wrong step")
	}
}

// NewFindings returns each rule's finding once: what held at the start on
// the first call, then only what a later answer made hold.
func TestSessionNewFindings(t *testing.T) {
	c := mustRules(t, `[{"id": "p", "severity": "contradiction", "if": {"measure": "access_system.policy"}, "finding": {"de": "P", "en": "P"}},
	 {"id": "q", "severity": "warning", "if": {"measure": "access_system.passwords"}, "finding": {"de": "Q", "en": "Q"}}]`)
	f := NewFile(c, De)
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented}
	s := NewSession(c, f, SessionOptions{Today: "2026-12-06"})
	if got := s.NewFindings(); len(got) != 1 || got[0].Rule.ID != "p" {
		t.Fatalf("first call: %+v", got)
	}
	if got := s.NewFindings(); len(got) != 0 {
		t.Fatalf("nothing changed, yet: %+v", got)
	}
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	if got := s.NewFindings(); len(got) != 1 || got[0].Rule.ID != "q" {
		t.Fatalf("after the change: %+v", got)
	}
}

// A finding names its first ten matches, across the register tests of its
// rule, and counts the others, whose names are not worked out.
func TestRuleMatchesNamedFirstTen(t *testing.T) {
	c := mustRules(t, `[
 {"id": "two", "severity": "warning", "if": {"all": [
    {"not": {"register": "providers", "some": {"field": "category", "equals": "hosting"}}},
    {"register": "providers", "some": {"field": "processor", "equals": true}},
    {"register": "providers", "some": {"field": "category", "equals": "software"}}]},
  "finding": {"de": "{matches}", "en": "{matches}"}}
]`)
	f := NewFile(c, De)
	var recs []Record
	for i := 0; i < 12; i++ {
		recs = append(recs, Record{"id": String(fmt.Sprintf("r%d", i)), "name": String(fmt.Sprintf("P%02d", i)), "processor": Bool(i != 1), "category": String("software")})
	}
	f.Set("providers", Records(recs...))
	fs := Findings(c, f, "2026-12-06")
	if len(fs) != 1 || fs[0].Text.En != "P00, P02, P03, P04, P05, P06, P07, P08, P09, P10 and 13 more" {
		t.Errorf("%+v", fs)
	}
}
