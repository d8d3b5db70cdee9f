package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	json "github.com/goccy/go-json"
)

// mutatedCatalog decodes the small catalogue, lets change break it, and
// returns the JSON of the result.
func mutatedCatalog(t *testing.T, change func(c *Catalog)) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "small-catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	change(&c)
	out, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sec(c *Catalog, id string) *Section {
	for _, s := range c.Sections {
		if s.ID == id {
			return s
		}
	}
	panic("no section " + id)
}

func question(c *Catalog, id string) *Question {
	for _, s := range c.Sections {
		for _, q := range s.Questions {
			if q.ID == id {
				return q
			}
		}
	}
	panic("no question " + id)
}

func measure(c *Catalog, id string) *Measure {
	for _, s := range c.Sections {
		for _, m := range s.Measures {
			if m.ID == id {
				return m
			}
		}
	}
	panic("no measure " + id)
}

func yes() *Condition { return &Condition{Question: "infra.server", Equals: true} }

func TestCatalogCheckFindsProblems(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(c *Catalog)
		want   string
	}{
		{"duplicate question id", func(c *Catalog) { question(c, "org.email").ID = "org.name" }, `/sections/0/questions/2/id: ID "org.name" is already taken`},
		{"measure id clashes with question", func(c *Catalog) { measure(c, "access_system.policy").ID = "infra.server" }, `/sections/2/measures/1/id: ID "infra.server" is already taken`},
		{"duplicate section id", func(c *Catalog) { sec(c, "infra").ID = "org" }, `/sections/1/id: ID "org" is already taken`},
		{"unknown condition target", func(c *Catalog) {
			measure(c, "access_system.ssh_keys_only").When = &Condition{Question: "infra.nothing", Equals: true}
		}, `/sections/2/measures/2/when/question: the condition names the unknown question "infra.nothing"`},
		{"condition on a later question", func(c *Catalog) { question(c, "org.email").When = yes() }, "/sections/0/questions/2/when/question: the condition names question infra.server, which is not asked before it"},
		{"condition on itself", func(c *Catalog) { question(c, "infra.server").When = yes() }, "/sections/1/questions/0/when/question: the condition names question infra.server, which is not asked before it"},
		{"section condition on its own question", func(c *Catalog) { sec(c, "infra").When = yes() }, "/sections/1/when/question: the condition names question infra.server, which is not asked before it"},
		{"missing English", func(c *Catalog) { question(c, "org.name").Title.En = " " }, "/sections/0/questions/0/title: English text missing"},
		{"missing German", func(c *Catalog) { sec(c, "providers").Help.De = "" }, "/sections/3/help: German text missing"},
		{"escape in a text", func(c *Catalog) { sec(c, "providers").Help.En = "a\x1b[2Jb" }, "/sections/3/help: control character U+001B at character 2"},
		{"C1 in a title", func(c *Catalog) { sec(c, "providers").Title.De = "Dienst\u009bleister" }, "/sections/3/title: control character U+009B at character 7"},
		{"missing option label", func(c *Catalog) { question(c, "infra.devices").Options[0].Label.En = "" }, "/sections/1/questions/2/options/0/label: English text missing"},
		{"duplicate options", func(c *Catalog) { question(c, "infra.devices").Options[1].ID = "pc" }, `/sections/1/questions/2/options/1/id: option "pc" given twice`},
		{"choice without options", func(c *Catalog) { question(c, "infra.server_kind").Options = nil }, "/sections/1/questions/1: options missing"},
		{"options on a yes/no", func(c *Catalog) {
			question(c, "infra.server").Options = []*Option{{ID: "x", Label: Text{"x", "x"}}}
		}, "/sections/1/questions/0/kind: kind yesno takes no options or fields"},
		{"control section without measures", func(c *Catalog) { sec(c, "access_system").Measures = nil }, "/sections/2: control section without measures"},
		{"control section without group", func(c *Catalog) { sec(c, "access_system").Group = "integrity" }, `/sections/2/group: a control section needs an existing group, not "integrity"`},
		{"bad section kind", func(c *Catalog) { sec(c, "org").Kind = "misc" }, `/sections/0/kind: kind "misc" is not valid (general, control or register)`},
		{"bad measure type", func(c *Catalog) { measure(c, "access_system.policy").Type = "both" }, `/sections/2/measures/1/type: type "both" is not valid (technical or organisational)`},
		{"unknown question kind", func(c *Catalog) { question(c, "org.date").Kind = "datetime" }, `/sections/0/questions/3/kind: unknown kind "datetime"`},
		{"bad id", func(c *Catalog) { question(c, "org.date").ID = "Org-Date" }, `/sections/0/questions/3/id: ID "Org-Date" is not valid (a lower-case letter first, then lower-case letters, digits, _ .)`},
		{"bad catalogue id", func(c *Catalog) { c.ID = "Tom Standard" }, `/id: catalogue ID "Tom Standard" is not valid (lower-case letters, digits, _ . -)`},
		{"bad version", func(c *Catalog) { c.Version = "1.0" }, `/version: version "1.0" is not a semantic version (MAJOR.MINOR.PATCH)`},
		{"records without fields", func(c *Catalog) { question(c, "providers").Fields = nil }, "/sections/3/questions/0: records need fields"},
		{"reserved field id", func(c *Catalog) { question(c, "providers").Fields[0].ID = "id" }, `/sections/3/questions/0/fields/0/id: field ID "id" is not valid (lower-case letters, digits, _ .; "id" is reserved)`},
		{"duplicate field id", func(c *Catalog) { question(c, "providers").Fields[1].ID = "name" }, `/sections/3/questions/0/fields/1/id: ID "name" is already taken`},
		{"field condition on a later field", func(c *Catalog) {
			question(c, "providers").Fields[1].When = &Condition{Field: "processor", Equals: true}
		}, `/sections/3/questions/0/fields/1/when/field: the condition names field "processor", which is not an earlier field of the record`},
		{"equals names an unknown option", func(c *Catalog) {
			measure(c, "access_system.policy").When = &Condition{Question: "infra.server_kind", Equals: "cloud"}
		}, `/sections/2/measures/1/when/equals: equals names the unknown option "cloud"`},
		{"includes on a single choice", func(c *Catalog) {
			measure(c, "access_system.policy").When = &Condition{Question: "infra.server_kind", Includes: "vserver"}
		}, "/sections/2/measures/1/when/includes: includes needs a multichoice and one of its options"},
		{"two tests in one condition", func(c *Catalog) {
			measure(c, "access_system.policy").When = &Condition{Question: "infra.server", Equals: true, Answered: new(bool)}
		}, "/sections/2/measures/1/when: the condition needs exactly one test (equals, in, includes, answered, contains)"},
		{"two forms in one condition", func(c *Catalog) {
			measure(c, "access_system.policy").When = &Condition{Question: "infra.server", Equals: true, Not: yes()}
		}, "/sections/2/measures/1/when: a condition has exactly one of question, all, any, not"},
		{"nested unknown target", func(c *Catalog) {
			measure(c, "access_system.policy").When = &Condition{Any: []*Condition{yes(), {Not: &Condition{Question: "nope", Equals: true}}}}
		}, `/sections/2/measures/1/when/any/1/not/question: the condition names the unknown question "nope"`},
		{"renamed to nothing", func(c *Catalog) { c.Renamed = map[string]string{"org.firm": "org.company"} }, `/renamed/org.firm: the target "org.company" does not exist`},
		{"renamed id still in use", func(c *Catalog) { c.Renamed = map[string]string{"org.email": "org.name"} }, "/renamed/org.email: the old ID is still in use"},
		{"removed id still in use", func(c *Catalog) { c.Removed = []string{"org.date"} }, "/removed/0: the ID is still in use"},
		{"no sections", func(c *Catalog) { c.Sections = nil }, "/sections: the catalogue has no sections"},
		{"unknown question role", func(c *Catalog) { question(c, "org.email").Role = "mailbox" },
			`/sections/0/questions/2/role: unknown question role "mailbox" (known: business_role, contact_person, document_date, document_scope, need_availability, need_confidentiality, need_integrity, need_reason, organisation_address, organisation_contacts, organisation_name, people_register, prepared_by, provider_register, respondent, signatory_name, signatory_role, signing_place)`},
		{"field role on a question", func(c *Catalog) { question(c, "org.email").Role = RoleCheckDate }, `/sections/0/questions/2/role: unknown question role "check_date" (known: business_role, contact_person, document_date, document_scope, need_availability, need_confidentiality, need_integrity, need_reason, organisation_address, organisation_contacts, organisation_name, people_register, prepared_by, provider_register, respondent, signatory_name, signatory_role, signing_place)`},
		{"question role twice", func(c *Catalog) {
			question(c, "org.email").Role = RoleOrganisationAddress
			question(c, "org.email").Kind = KindText
		},
			`/sections/0/questions/2/role: role organisation_address is already given to "org.address"`},
		{"business role without its options", func(c *Catalog) { question(c, "infra.server_kind").Role = RoleBusinessRole },
			"/sections/1/questions/1/options: role business_role needs exactly the options controller, processor, both"},
		{"role on the wrong kind", func(c *Catalog) { question(c, "org.email").Role = RoleDocumentDate }, "/sections/0/questions/2/role: role document_date needs kind date, not email"},
		{"unknown field role", func(c *Catalog) { question(c, "providers").Fields[1].Role = "mail" }, `/sections/3/questions/0/fields/1/role: unknown record field role "mail" (known: administrator, category, check_date, contract_date, operating_system, person_name, record_address, record_name, record_notes)`},
		{"field role twice in a record", func(c *Catalog) {
			question(c, "providers").Fields[1].Role = RoleRecordName
			question(c, "providers").Fields[1].Kind = KindText
		},
			`/sections/3/questions/0/fields/1/role: role record_name is already given to "name"`},
		{"unknown group role", func(c *Catalog) { c.Groups[0].Role = "lit_b" }, `/groups/0/role: unknown group role "lit_b" (known: lit_a)`},
		{"group role twice", func(c *Catalog) { c.Groups[0].Role = RoleLitA }, `/groups/1/role: role lit_a is already given to "confidentiality"`},
		{"columns on a text question", func(c *Catalog) {
			question(c, "org.name").Columns = []*RecordColumn{{Fields: []string{"name"}, Width: 0.5}}
		}, "/sections/0/questions/0/columns: only records take columns"},
		{"column names an unknown field", func(c *Catalog) {
			question(c, "providers").Columns = []*RecordColumn{{Fields: []string{"name", "fax"}, Width: 0.5}}
		}, `/sections/3/questions/0/columns/0/fields/1: unknown field "fax"`},
		{"field in two columns", func(c *Catalog) {
			question(c, "providers").Columns = []*RecordColumn{{Fields: []string{"name"}, Width: 0.5}, {Fields: []string{"email", "name"}, Width: 0.4}}
		}, "/sections/3/questions/0/columns/1/fields/1: field name is already in a column"},
		{"empty column", func(c *Catalog) { question(c, "providers").Columns = []*RecordColumn{{Width: 0.5}} }, "/sections/3/questions/0/columns/0: the column names no fields"},
		{"columns wider than the page", func(c *Catalog) {
			question(c, "providers").Columns = []*RecordColumn{{Fields: []string{"name"}, Width: 0.7}, {Fields: []string{"email"}, Width: 0.7}}
		}, "/sections/3/questions/0/columns: the column widths add up to 1.40, more than the page"},
		{"column without width", func(c *Catalog) { question(c, "providers").Columns = []*RecordColumn{{Fields: []string{"name"}}} },
			"/sections/3/questions/0/columns/0/width: width 0 is not a share of the page (above 0, at most 1)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCatalog("broken.json", mutatedCatalog(t, tc.change))
			if err == nil {
				t.Fatal("accepted")
			}
			want := "broken.json: " + tc.want
			for _, line := range strings.Split(ErrorIn(err, En), "\n") {
				if rolePos.ReplaceAllString(line, "broken.json: ") == want {
					return
				}
			}
			t.Errorf("problems:\n%v\nwant the line\n%s", ErrorIn(err, En), want)
		})
	}
}

// rolePos is the line:col that role problems carry.
var rolePos = regexp.MustCompile(`^broken\.json:? ?[0-9]+:[0-9]+: `)

// TestCatalogRoleProblemsHavePosition: a role problem names the line and
// column of the role in the file and its JSON pointer, in German by default
// and in English.
func TestCatalogRoleProblemsHavePosition(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	for _, tc := range []struct{ old, new, de, en string }{
		{`"role": "organisation_address"`, `"role": "organisation_adress"`,
			`/sections/0/questions/1/role: unbekannte Rolle "organisation_adress" für eine Frage (bekannt: `,
			`/sections/0/questions/1/role: unknown question role "organisation_adress" (known: `},
		{`"role": "contact_person"`, `"role": "organisation_name"`,
			`/sections/0/questions/2/role: die Rolle organisation_name hat schon "org.name"`,
			`/sections/0/questions/2/role: role organisation_name is already given to "org.name"`},
		{`"role": "check_date"`, `"role": "record_name"`,
			`/fields/15/role: die Rolle record_name braucht die Art text, nicht date`,
			`/fields/15/role: role record_name needs kind text, not date`},
	} {
		i := strings.Index(src, tc.old)
		if i < 0 {
			t.Fatalf("%s not in the shipped catalogue", tc.old)
		}
		line := 1 + strings.Count(src[:i], "\n")
		col := i - strings.LastIndex(src[:i], "\n") + len(`"role": `)
		_, err := ParseCatalog("cat.json", []byte(strings.Replace(src, tc.old, tc.new, 1)))
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("%T %v", err, err)
		}
		at := fmt.Sprintf("cat.json:%d:%d: ", line, col)
		if got := err.Error(); !strings.HasPrefix(got, at) || !strings.Contains(got, tc.de) {
			t.Errorf("German:\n%s\nwant %s…%s", got, at, tc.de)
		}
		if got := le.Format(En); !strings.HasPrefix(got, at) || !strings.Contains(got, tc.en) {
			t.Errorf("English:\n%s\nwant %s…%s", got, at, tc.en)
		}
	}
}

func TestCatalogSyntaxErrorHasPosition(t *testing.T) {
	_, err := ParseCatalog("cat.json", []byte("{\n  \"id\": \"x\",\n  \"version\": 1.0.0\n}"))
	if err == nil || !strings.HasPrefix(err.Error(), "cat.json:3:17: /version: ") {
		t.Fatalf("got %v, want a cat.json:3:17: error", err)
	}
	_, err = ParseCatalog("cat.json", []byte(`{"id": "x", "colour": "blue"}`))
	if err == nil || !strings.Contains(err.Error(), "colour") {
		t.Fatalf("unknown field accepted: %v", err)
	}
}

func TestCatalogLookups(t *testing.T) {
	c := smallCatalog(t)
	if c.Question("infra.server_kind").Option("vserver") == nil || c.Question("infra.server_kind").Option("x") != nil {
		t.Error("Question.Option")
	}
	if c.Measure("access_system.policy").Type != Organisational || c.Measure("nope") != nil {
		t.Error("Measure")
	}
	if c.SectionOf("access_system.policy").ID != "access_system" || c.SectionOf("org.name").ID != "org" || c.SectionOf("nope") != nil {
		t.Error("SectionOf")
	}
	if c.Group("confidentiality") == nil || c.Section("providers") == nil || c.Section("nope") != nil {
		t.Error("Group/Section")
	}
	p := c.Question("providers")
	if p.Field("category").Option("hosting") == nil || p.Field("nope") != nil {
		t.Error("Field")
	}
	if c.QuestionByRole(RoleOrganisationName) != c.Question("org.name") || c.QuestionByRole(RoleSignatoryName) != nil {
		t.Error("QuestionByRole")
	}
	if p.FieldByRole(RoleRecordName) != p.Field("name") || p.FieldByRole(RoleCheckDate) != p.Field("avv_signed") || p.FieldByRole(RoleOperatingSystem) != nil {
		t.Error("FieldByRole")
	}
	if c.GroupByRole(RoleLitA) != c.Group("pseudonymisation") || c.GroupByRole("nope") != nil {
		t.Error("GroupByRole")
	}
}

func TestCompareVersions(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"1.0.0", "1.0.0", 0}, {"1.0.0", "1.0.1", -1}, {"1.10.0", "1.9.9", 1}, {"2.0.0", "10.0.0", -1}, {"1.0", "1.0.0", 0},
	} {
		if got := CompareVersions(tc.a, tc.b); got != tc.want {
			t.Errorf("CompareVersions(%s, %s) = %d", tc.a, tc.b, got)
		}
	}
}

// Catalogue consistency problems come in the user's language with their
// line and column, German and English alike.
func TestCatalogProblemsInBothLanguages(t *testing.T) {
	for _, tc := range []struct {
		name   string
		json   string
		de, en string
	}{
		{"empty version", `{"id": "x", "version": "", "title": {"de": "X", "en": "X"}, "sections": []}`,
			`c.json:1:24: /version: Version "" ist keine semantische Version (MAJOR.MINOR.PATCH)`,
			`c.json:1:24: /version: version "" is not a semantic version (MAJOR.MINOR.PATCH)`},
		{"German text missing", "{\"id\": \"x\", \"version\": \"1.0.0\",\n \"title\": {\"en\": \"X\"}, \"sections\": []}",
			`c.json:2:11: /title: deutscher Text fehlt`,
			`c.json:2:11: /title: German text missing`},
		{"no sections", `{"id": "x", "version": "1.0.0", "title": {"de": "X", "en": "X"}, "sections": []}`,
			`c.json:1:78: /sections: der Katalog hat keine Abschnitte`,
			`c.json:1:78: /sections: the catalogue has no sections`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCatalog("c.json", []byte(tc.json))
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("want a *LoadError, got %v", err)
			}
			if got := le.Format(De); !strings.Contains(got, tc.de) {
				t.Errorf("German:\n%s\nlacks\n%s", got, tc.de)
			}
			if got := le.Format(En); !strings.Contains(got, tc.en) {
				t.Errorf("English:\n%s\nlacks\n%s", got, tc.en)
			}
		})
	}
	// Duplicate IDs and a bad condition, on the test catalogue.
	for _, tc := range []struct {
		name   string
		change func(c *Catalog)
		de, en string
	}{
		{"duplicate id", func(c *Catalog) { question(c, "org.email").ID = "org.name" },
			`/sections/0/questions/2/id: ID "org.name" ist schon vergeben`,
			`/sections/0/questions/2/id: ID "org.name" is already taken`},
		{"bad condition", func(c *Catalog) {
			measure(c, "access_system.policy").When = &Condition{Question: "infra.server", Equals: true, Not: yes()}
		}, `/sections/2/measures/1/when: eine Bedingung hat genau eines von question, all, any, not`,
			`/sections/2/measures/1/when: a condition has exactly one of question, all, any, not`},
		{"unknown option", func(c *Catalog) {
			measure(c, "access_system.policy").When = &Condition{Question: "infra.server_kind", In: []string{"cloud"}}
		}, `/sections/2/measures/1/when/in/0: in nennt die unbekannte Option "cloud"`,
			`/sections/2/measures/1/when/in/0: in names the unknown option "cloud"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCatalog("broken.json", mutatedCatalog(t, tc.change))
			if got := ErrorIn(err, De); !strings.Contains(got, tc.de) {
				t.Errorf("German:\n%s\nlacks\n%s", got, tc.de)
			}
			if got := ErrorIn(err, En); !strings.Contains(got, tc.en) {
				t.Errorf("English:\n%s\nlacks\n%s", got, tc.en)
			}
		})
	}
}

// Every catalogue message key used by the checks has both languages.
func TestCatalogMessagesComplete(t *testing.T) {
	n := 0
	for k, m := range Msg {
		if strings.HasPrefix(k, "cat_") {
			n++
			if strings.TrimSpace(m.De) == "" || strings.TrimSpace(m.En) == "" || m.De == m.En {
				t.Errorf("%s: %q / %q", k, m.De, m.En)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d catalogue messages", n)
	}
	// The roles, overlays and the support table have theirs too.
	for _, prefix := range []string{"cat_role_", "cat_overlay_", "cat_sup_", "cat_rule_"} {
		found := false
		for k := range Msg {
			found = found || strings.HasPrefix(k, prefix)
		}
		if !found {
			t.Errorf("no %s* messages", prefix)
		}
	}
}

// TestIndexAsCheck: for catalogues and support tables the checks accept,
// index (what the shipped data gets at start) builds the same indexes as
// the checks; a difference shows as a different catalogue.
func TestIndexAsCheck(t *testing.T) {
	for _, path := range []string{filepath.Join("..", "testdata", "small-catalog.json"), filepath.Join("..", "questionnaires", "tom-standard.json")} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		checked, err := ParseCatalog(path, data)
		if err != nil {
			t.Fatal(err)
		}
		var indexed Catalog
		if err := json.Unmarshal(data, &indexed); err != nil {
			t.Fatal(err)
		}
		indexed.index()
		if !reflect.DeepEqual(checked, &indexed) {
			t.Errorf("%s: index builds other indexes than check", path)
		}
		if len(indexed.questions) == 0 || len(indexed.measures) == 0 || len(indexed.Rules) > 0 && indexed.Rules[0].section == nil {
			t.Errorf("%s: index built nothing", path)
		}
	}
	path := filepath.Join("..", "questionnaires", "os-support.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checked, err := ParseSupportTable(path, data)
	if err != nil {
		t.Fatal(err)
	}
	var indexed SupportTable
	if err := json.Unmarshal(data, &indexed); err != nil {
		t.Fatal(err)
	}
	indexed.index()
	if !reflect.DeepEqual(checked, &indexed) {
		t.Errorf("%s: index builds other indexes than check", path)
	}
}
