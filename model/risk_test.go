package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shippedCatalog loads the shipped catalogue from its file.
func shippedCatalog(t testing.TB) *Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseCatalog("tom-standard.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// riskBusiness answers the risk section: role, data kinds, number of people.
func riskBusiness(c *Catalog, role string, people string, kinds ...string) *File {
	f := NewFile(c, De)
	f.Set("risk.role", String(role))
	f.Set("risk.data_kinds", List(kinds...))
	f.Set("risk.people", String(people))
	return f
}

// The three businesses of issue 11: the proposal follows the data kinds and
// the role, and the level is the highest need.
func TestLevelDerivation(t *testing.T) {
	c := shippedCatalog(t)
	for _, tc := range []struct {
		name    string
		f       *File
		c, i, a string // proposed needs
		level   string
		because string // part of the confidentiality explanation
	}{
		{"bakery", riskBusiness(c, BusinessController, "up_to_1000", "customers", "employees", "applicants"),
			LevelNormal, LevelNormal, LevelNormal, LevelNormal, "keine Angabe spricht für einen höheren Schutzbedarf"},
		{"physiotherapy", riskBusiness(c, BusinessController, "up_to_1000", "customers", "employees", "special"),
			LevelVeryHigh, LevelHigh, LevelNormal, LevelVeryHigh, "Vorschlag: sehr hoch, weil: Gesundheitsdaten oder andere besondere Kategorien (Art. 9 DSGVO)"},
		{"web agency", riskBusiness(c, BusinessProcessor, "up_to_10000", "customers", "employees"),
			LevelHigh, LevelNormal, LevelHigh, LevelHigh, "Vorschlag: hoch, weil: Nur im Auftrag unserer Kunden (Auftragsverarbeiter)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := View{C: c, F: tc.f}
			ns := v.Needs()
			if len(ns) != 3 {
				t.Fatalf("%d needs", len(ns))
			}
			for i, want := range []string{tc.c, tc.i, tc.a} {
				if ns[i].Proposed != want || ns[i].Level() != want || ns[i].Stated != "" {
					t.Errorf("%s: proposed %q (level %q), want %q", ns[i].Goal, ns[i].Proposed, ns[i].Level(), want)
				}
			}
			if got := v.Level(); got != tc.level {
				t.Errorf("level %q, want %q", got, tc.level)
			}
			if got := ns[0].Explain(De); !strings.Contains(got, tc.because) {
				t.Errorf("explanation %q lacks %q", got, tc.because)
			}
			if v.LevelStated() || v.Lowered() || v.QuestionVisible("risk.need_reason") {
				t.Error("nothing is stated yet: no reason asked")
			}
		})
	}
}

// Stating a need below the proposal asks for the reason; raising it does
// not. The level follows what is stated, and a session stores it.
func TestNeedLoweredAndStored(t *testing.T) {
	c := shippedCatalog(t)
	f := riskBusiness(c, BusinessController, "up_to_100", "special")
	v := View{C: c, F: f}
	f.Set("risk.confidentiality", String(LevelHigh))
	f.Set("risk.integrity", String(LevelVeryHigh))
	f.Set("risk.availability", String(LevelNormal))
	if !v.Lowered() || !v.QuestionVisible("risk.need_reason") {
		t.Fatal("confidentiality below its proposal (sehr hoch) must ask for a reason")
	}
	if got := v.Level(); got != LevelVeryHigh { // integrity raised
		t.Errorf("level %q", got)
	}
	s := NewSession(c, f, SessionOptions{Today: "2026-12-06"})
	f.Set("risk.need_reason", String("Nur Termine, keine Befunde"))
	s.Commit()
	if f.ProtectionLevel != LevelVeryHigh || f.Get("risk.need_reason").Str() == "" {
		t.Errorf("stored level %q, reason %q", f.ProtectionLevel, f.Get("risk.need_reason").Str())
	}
	// Back at the proposal: the reason is no longer asked, and pruned.
	f.Set("risk.confidentiality", String(LevelVeryHigh))
	s.Commit()
	if v.Lowered() || f.Get("risk.need_reason").IsSet() {
		t.Error("the reason outlived the lowering")
	}
}

// Measures are expected from their own level, else their section's, else
// normal; the target-vs-actual tally counts them by answer.
func TestExpectedAndTally(t *testing.T) {
	c := shippedCatalog(t)
	f := riskBusiness(c, BusinessController, "up_to_100", "customers")
	v := View{C: c, F: f}
	high := c.Measure("crypto.email_content") // expected from hoch
	base := c.Measure("access_system.personal_accounts")
	if c.ExpectedFrom(high) != LevelHigh || c.ExpectedFrom(base) != LevelNormal {
		t.Fatalf("levels %q %q", c.ExpectedFrom(high), c.ExpectedFrom(base))
	}
	if v.Expected(high) || !v.Expected(base) {
		t.Error("at normal: only the baseline is expected")
	}
	f.Set("risk.confidentiality", String(LevelHigh))
	if !v.Expected(high) {
		t.Error("at hoch the measure from hoch is expected")
	}
	f.Measures[base.ID] = MeasureAnswer{Status: StatusImplemented}
	f.Measures[high.ID] = MeasureAnswer{Status: StatusDeclined, Reason: "kein Bedarf"} // no acceptance: open
	var conf Tally
	for _, tl := range v.TargetActual() {
		if tl.Group.ID == "confidentiality" {
			conf = tl
		}
	}
	if conf.Implemented != 1 || conf.Open != conf.Expected-1 || len(conf.Missing) != conf.Expected-1 {
		t.Errorf("confidentiality tally %+v", conf)
	}
	if !v.ExpectedGap(high) {
		t.Error("declined without acceptance is a gap")
	}
	f.Measures[high.ID] = MeasureAnswer{Status: StatusDeclined, Reason: "kein Bedarf", AcceptedBy: "Inhaberin"}
	if v.ExpectedGap(high) {
		t.Error("declined with reason and acceptance is no gap")
	}
}

// A bad level, goal or need in the catalogue is refused at its line and
// column, in German and English.
func TestCatalogBadLevels(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(c *Catalog)
		de, en string
	}{
		{"measure level", func(c *Catalog) { measure(c, "access_system.policy").Level = "high" },
			`/sections/2/measures/1/level: unbekannte Schutzstufe "high" (bekannt: normal, hoch, sehr_hoch)`,
			`/sections/2/measures/1/level: unknown protection level "high" (known: normal, hoch, sehr_hoch)`},
		{"section level", func(c *Catalog) { sec(c, "access_system").Level = "sehr hoch" },
			`/sections/2/level: unbekannte Schutzstufe "sehr hoch"`, `/sections/2/level: unknown protection level "sehr hoch"`},
		{"sdm goal", func(c *Catalog) { measure(c, "access_system.policy").Goals = []string{"secrecy"} },
			`/sections/2/measures/1/goals/0: unbekanntes Gewährleistungsziel "secrecy"`, `/sections/2/measures/1/goals/0: unknown SDM goal "secrecy"`},
		{"option need level", func(c *Catalog) {
			question(c, "infra.server_kind").Options[0].Need = map[string]string{GoalAvailability: "maximal"}
		}, `/sections/1/questions/1/options/0/need/availability: unbekannte Schutzstufe "maximal"`, `/sections/1/questions/1/options/0/need/availability: unknown protection level "maximal"`},
		{"option need goal", func(c *Catalog) {
			question(c, "infra.server_kind").Options[0].Need = map[string]string{"secrecy": LevelHigh}
		}, `/sections/1/questions/1/options/0/need/secrecy: unbekanntes Schutzziel "secrecy"`, `/sections/1/questions/1/options/0/need/secrecy: unknown protection goal "secrecy"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCatalog("broken.json", mutatedCatalog(t, tc.change))
			if err == nil {
				t.Fatal("accepted")
			}
			for l, want := range map[Lang]string{De: tc.de, En: tc.en} {
				got := ErrorIn(err, l)
				if !strings.Contains(got, want) || !strings.Contains(got, "broken.json:1:") {
					t.Errorf("%s: %s\nwant a line:column and %s", l, got, want)
				}
			}
		})
	}
}

// A stored protection level that is no level is refused at its place, in
// both languages.
func TestProtectionLevelLoad(t *testing.T) {
	c := shippedCatalog(t)
	data := []byte(`{"schema": 1, "catalog": {"id": "tom-standard", "version": "1.2.0"}, "protection_level": "extrem", "answers": {}, "measures": {}, "progress": {}, "review": {}}`)
	_, _, err := Parse("tom.json", data, c)
	if err == nil {
		t.Fatal("accepted")
	}
	if de := ErrorIn(err, De); !strings.Contains(de, "/protection_level") || !strings.Contains(de, `Schutzniveau "extrem" ungültig`) {
		t.Errorf("German: %s", de)
	}
	if en := ErrorIn(err, En); !strings.Contains(en, `protection level "extrem" is not valid`) {
		t.Errorf("English: %s", en)
	}
	ok := []byte(`{"schema": 1, "catalog": {"id": "tom-standard", "version": "1.2.0"}, "protection_level": "sehr_hoch", "answers": {}, "measures": {}, "progress": {}, "review": {}}`)
	f, _, err := Parse("tom.json", ok, c)
	if err != nil || f.ProtectionLevel != LevelVeryHigh {
		t.Errorf("valid level: %v %q", err, f.ProtectionLevel)
	}
}

// The level a session stores is written and read back.
func TestProtectionLevelRoundTrip(t *testing.T) {
	c := shippedCatalog(t)
	f := riskBusiness(c, BusinessProcessor, "up_to_100", "customers")
	f.Set("risk.confidentiality", String(LevelHigh))
	NewSession(c, f, SessionOptions{Today: "2026-12-06"}).Commit()
	path := filepath.Join(t.TempDir(), "tom.json")
	if err := Save(path, f); err != nil {
		t.Fatal(err)
	}
	g, _, err := Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if g.ProtectionLevel != LevelHigh {
		t.Errorf("read back %q", g.ProtectionLevel)
	}
}
