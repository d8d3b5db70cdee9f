package questionnaires

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestStandardCatalog holds the shipped catalogue to issue 2's figures. The
// loader already checks IDs, conditions, options and that every text has
// both languages; this test checks size, coverage and help texts.
func TestStandardCatalog(t *testing.T) {
	c, err := Standard()
	if err != nil {
		t.Fatalf("shipped catalogue does not load:\n%v", err)
	}
	if c.ID != "tom-standard" {
		t.Errorf("id %q", c.ID)
	}
	if len(c.Sections) < 12 {
		t.Errorf("%d sections, want at least 12", len(c.Sections))
	}
	measures := 0
	kinds := map[string]bool{}
	for _, s := range c.Sections {
		if strings.TrimSpace(s.Help.De) == "" || strings.TrimSpace(s.Help.En) == "" {
			t.Errorf("section %s: help text missing", s.ID)
		}
		for _, q := range s.Questions {
			kinds[q.Kind] = true
			if strings.TrimSpace(q.Help.De) == "" || strings.TrimSpace(q.Help.En) == "" {
				t.Errorf("question %s: help text missing", q.ID)
			}
			for _, f := range q.Fields {
				kinds[f.Kind] = true
			}
		}
		if s.Kind == model.SectionControl && len(s.Measures) < 6 {
			t.Errorf("control section %s has %d measures, want at least 6", s.ID, len(s.Measures))
		}
		for _, m := range s.Measures {
			measures++
			if m.Type != model.Technical && m.Type != model.Organisational {
				t.Errorf("measure %s: type %q", m.ID, m.Type)
			}
			if strings.TrimSpace(m.Help.De) == "" || strings.TrimSpace(m.Help.En) == "" {
				t.Errorf("measure %s: help text missing", m.ID)
			}
		}
	}
	if measures < 150 {
		t.Errorf("%d measures, want at least 150", measures)
	}
	for _, k := range []string{model.KindYesNo, model.KindChoice, model.KindText, model.KindDate, model.KindRecords} {
		if !kinds[k] {
			t.Errorf("no question or field of kind %s", k)
		}
	}
	// The questions tom init and the registers rely on.
	for _, id := range []string{"org.name"} {
		if c.Question(id) == nil {
			t.Errorf("question %s missing", id)
		}
	}
	if t.Failed() {
		return
	}
	checkCoverage(t, c)
	t.Logf("%s %s: %d sections, %d measures", c.ID, c.Version, len(c.Sections), measures)
}

// TestStandardJSONIsACopy proves callers cannot change the embedded source.
func TestStandardJSONIsACopy(t *testing.T) {
	a := StandardJSON()
	a[0] = 'X'
	if StandardJSON()[0] == 'X' {
		t.Error("StandardJSON hands out the embedded bytes")
	}
}

func TestLoadPicksCatalogue(t *testing.T) {
	c, err := Load("")
	if err != nil || c.ID != "tom-standard" {
		t.Fatalf("Load(\"\"): %v", err)
	}
	c, err = Load("../testdata/small-catalog.json")
	if err != nil || c.ID != "tom-small" {
		t.Fatalf("Load(small): %v", err)
	}
	if _, err := Load("../testdata/none.json"); err == nil {
		t.Error("missing catalogue loaded")
	}
}

// checkCoverage checks the topics issue 2 lists, by their stable IDs.
func checkCoverage(t *testing.T, c *model.Catalog) {
	t.Helper()
	for id, kind := range map[string]string{
		"org": model.SectionGeneral, "access_physical": model.SectionControl, "access_system": model.SectionControl,
		"access_data": model.SectionControl, "separation": model.SectionControl, "crypto": model.SectionControl,
		"transfer": model.SectionControl, "input": model.SectionControl, "availability": model.SectionControl,
		"evaluation": model.SectionControl, "dp_management": model.SectionControl, "incident": model.SectionControl,
		"privacy_default": model.SectionControl, "processor_control": model.SectionControl,
		"providers": model.SectionRegister, "people": model.SectionRegister, "devices": model.SectionRegister,
		"email": model.SectionRegister, "cloud": model.SectionRegister, "network": model.SectionRegister, "storage": model.SectionRegister,
	} {
		if s := c.Section(id); s == nil || s.Kind != kind {
			t.Errorf("section %s (%s) missing", id, kind)
		}
	}
	// Repeatable registers.
	for _, id := range []string{"providers", "people", "devices", "cloud", "storage"} {
		if q := c.Question(id); q == nil || q.Kind != model.KindRecords {
			t.Errorf("records question %s missing", id)
		}
	}
	p := c.Question("providers")
	if p == nil {
		return
	}
	for id, kind := range map[string]string{
		"name": model.KindText, "address": model.KindTextarea, "email": model.KindEmail, "phone": model.KindPhone,
		"web": model.KindURL, "service": model.KindTextarea, "category": model.KindChoice, "data": model.KindTextarea,
		"subjects": model.KindTextarea, "access": model.KindChoice, "avv_signed": model.KindDate, "tom_checked": model.KindDate,
		"country": model.KindText, "safeguard": model.KindChoice, "subprocessors": model.KindTextarea, "notes": model.KindTextarea,
	} {
		if f := p.Field(id); f == nil || f.Kind != kind {
			t.Errorf("provider field %s (%s) missing", id, kind)
		}
	}
	for field, opts := range map[string][]string{
		"category":  {"hosting", "software", "domains", "email", "archive", "bank", "payment", "external_staff", "other"},
		"access":    {"none", "data", "admin"},
		"safeguard": {"adequacy", "dpf", "scc", "bcr"},
	} {
		f := p.Field(field)
		if f == nil {
			continue
		}
		for _, o := range opts {
			if f.Option(o) == nil {
				t.Errorf("provider %s lacks option %s", field, o)
			}
		}
	}
	// Server questions depend on having a server.
	dependsOnServer := 0
	var walk func(*model.Condition) bool
	walk = func(cond *model.Condition) bool {
		if cond == nil {
			return false
		}
		if cond.Question == "infra.server" || walk(cond.Not) {
			return true
		}
		for _, sub := range append(append([]*model.Condition{}, cond.All...), cond.Any...) {
			if walk(sub) {
				return true
			}
		}
		return false
	}
	for _, s := range c.Sections {
		for _, q := range s.Questions {
			if walk(q.When) {
				dependsOnServer++
			}
		}
		for _, m := range s.Measures {
			if walk(m.When) {
				dependsOnServer++
			}
		}
	}
	if dependsOnServer < 3 {
		t.Errorf("only %d questions and measures depend on infra.server", dependsOnServer)
	}
}
