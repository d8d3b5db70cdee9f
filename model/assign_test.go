package model

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestAssign applies assignments of every form and checks the file.
func TestAssign(t *testing.T) {
	c := rvSmall(t)
	f := NewFile(c, De)
	s := NewSession(c, f, SessionOptions{Today: "2026-12-01"})
	created, err := s.Assign([]string{
		"org.date=31.12.2026", "infra.server=ja", "infra.server_kind=rented_root", "infra.devices=pc, pc",
		"providers/+a.name=Hoster", "providers/+a.processor=ja", "providers/+a.avv_signed=2024-02-01",
		"measure.access_system.policy=geplant@2027-03-31", "measure.access_system.passwords=implemented",
		"measure.access_system.passwords.note=KeePass",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(created) != 1 || created[0] != (Created{Name: "providers/+a", ID: "providers/r1"}) {
		t.Errorf("created %v", created)
	}
	if f.Get("org.date").Str() != "2026-12-31" || len(f.Get("infra.devices").List()) != 1 {
		t.Errorf("answers %v", f.Answers)
	}
	r := f.Get("providers").Records()[0]
	if b, _ := r["processor"].Bool(); !b || r["avv_signed"].Str() != "2024-02-01" || r.ID() != "r1" {
		t.Errorf("record %v", r)
	}
	if a := f.Measures["access_system.policy"]; !a.Equal(MeasureAnswer{Status: StatusPlanned, Due: "2027-03-31"}) {
		t.Errorf("policy %+v", a)
	}
	if raw, words, ok := Lookup(c, f, "measure.access_system.policy", En); !ok || raw != "planned@2027-03-31" || !strings.HasPrefix(words, "planned (by ") {
		t.Errorf("Lookup %q %q %v", raw, words, ok)
	}
	// Turning the server off hides its kind: setting it is refused.
	_, err = s.Assign([]string{"infra.server=nein", "infra.server_kind=vserver"})
	var ae *AssignError
	if !errors.As(err, &ae) || ae.Pos != 2 || ae.Key != "as_not_asked" {
		t.Errorf("err %v", err)
	}
	if _, err := s.Assign([]string{"providers/r1.avv_signed=", "providers/r1.processor=nein"}); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Get("providers").Records()[0]["avv_signed"]; ok {
		t.Error("empty value kept the date")
	}
}

// TestTemplateDrops: the organisation, dates and history stay behind.
func TestTemplateDrops(t *testing.T) {
	c := rvSmall(t)
	src := NewFile(c, De)
	src.Set("org.name", String("Alt GmbH"))
	src.Set("org.email", String("a@b.de"))
	src.Set("org.date", String("2026-01-01"))
	src.Set("infra.server", Bool(true))
	src.Set("providers", Records(Record{"id": String("r4"), "name": String("Hoster"), "processor": Bool(true), "avv_signed": String("2024-02-01")}))
	src.Measures["access_system.policy"] = MeasureAnswer{Status: StatusDeclined, Reason: "klein", AcceptedBy: "Chef"}
	src.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-01-01"}
	src.AddHistory(nil, HistoryInterview, "2026-01-01", "Chef", "x")
	f := Template(c, src, En)
	for _, id := range []string{"org.name", "org.email", "org.date"} {
		if f.Get(id).IsSet() {
			t.Errorf("%s taken over", id)
		}
	}
	if b, _ := f.Get("infra.server").Bool(); !b || f.Language != En {
		t.Errorf("answers %v, language %s", f.Answers, f.Language)
	}
	r := f.Get("providers").Records()[0]
	if r.ID() != "r4" || r["name"].Str() != "Hoster" || r["avv_signed"].IsSet() {
		t.Errorf("record %v", r)
	}
	if a := f.Measures["access_system.policy"]; !a.Equal(MeasureAnswer{Status: StatusDeclined, Reason: "klein"}) {
		t.Errorf("policy %+v", a)
	}
	if a := f.Measures["access_system.passwords"]; a.Due != "" {
		t.Errorf("passwords %+v", a)
	}
	if len(f.History) != 0 || f.Stand() != "" {
		t.Errorf("history %v", f.History)
	}
}

// TestTemplateDropsRoles: in the shipped catalogue the business's own
// contact addresses (role organisation_contacts) and people's names in
// records (role person_name) stay behind; the rest of a record is kept.
func TestTemplateDropsRoles(t *testing.T) {
	c, err := LoadCatalogFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		t.Fatal(err)
	}
	contacts := c.QuestionByRole(RoleOrganisationContacts)
	if contacts == nil {
		t.Fatal("the shipped catalogue has no organisation_contacts question")
	}
	src := NewFile(c, De)
	src.Set(contacts.ID, String("info@alt.de\nchef@alt.de"))
	var reg *Question
	var person, other *Field
	for _, s := range c.Sections {
		for _, q := range s.Questions {
			if q.Kind != KindRecords || q.Role == RolePeopleRegister || reg != nil {
				continue
			}
			if fd := q.FieldByRole(RolePersonName); fd != nil {
				reg, person, other = q, fd, q.FieldByRole(RoleRecordName)
			}
		}
	}
	if reg == nil || other == nil {
		t.Fatal("the shipped catalogue has no person_name field beside a record_name")
	}
	src.Set(reg.ID, Records(Record{"id": String("d1"), other.ID: String("Laptop 1"), person.ID: String("Erika Muster")}))
	f := Template(c, src, De)
	if f.Get(contacts.ID).IsSet() {
		t.Errorf("%s taken over: %v", contacts.ID, f.Get(contacts.ID))
	}
	recs := f.Get(reg.ID).Records()
	if len(recs) != 1 || recs[0][other.ID].Str() != "Laptop 1" || recs[0][person.ID].IsSet() {
		t.Errorf("records %v", recs)
	}
}
