package model

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// The annex keys: a section's "annex" overrides the default by kind, and a
// register's annex view shows its fields of the records that satisfy its
// condition.
func TestAnnexKeys(t *testing.T) {
	c, err := overlayOn(t, smallJSON(t), `{"extends": "tom-small@1",
  "annex": {"providers": true, "access_system": false},
  "add": {"sections": [{"id": "subs", "kind": "register", "title": {"de": "U", "en": "S"}, "help": {"de": "h", "en": "h"},
    "questions": [{"id": "subs", "kind": "records", "title": {"de": "U", "en": "S"}, "item": {"de": "U", "en": "S"},
      "fields": [{"id": "name", "kind": "text", "label": {"de": "Name", "en": "Name"}},
                 {"id": "sub", "kind": "yesno", "label": {"de": "U?", "en": "S?"}}],
      "annex": {"fields": ["name"], "records": {"field": "sub", "equals": true}}}]}]}}`)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"org": false, "access_system": false, "providers": true, "subs": false} {
		if got := c.Section(id).InAnnex(); got != want {
			t.Errorf("%s in annex: %v, want %v", id, got, want)
		}
	}
	q := c.Question("subs")
	recs := []Record{
		{"id": String("a"), "name": String("A"), "sub": Bool(true)},
		{"id": String("b"), "name": String("B"), "sub": Bool(false)},
		{"id": String("c"), "name": String("C")},
	}
	got := q.AnnexRecords(recs)
	if len(got) != 1 || got[0].ID() != "a" {
		t.Errorf("annex records %v, want only a", got)
	}
	if c.Question("providers").AnnexRecords(recs) != nil {
		t.Error("a register without an annex view shows records in the annex")
	}
}

// A broken annex view is refused at load with its position, in German and
// English: on a question that is not a register, no fields, an unknown or
// doubled field, contact data, and a records condition naming no field of
// the record. An overlay naming an unknown section is refused too.
func TestAnnexProblemsHavePositions(t *testing.T) {
	src := string(smallJSON(t))
	const reg = `"item": {`
	i := strings.Index(src, reg)
	if i < 0 {
		t.Fatal("small catalogue has no register item")
	}
	for _, tc := range []struct{ annex, de, en string }{
		{`{"fields": []}`, "die Anlagen-Ansicht (annex) nennt keine Felder", "the annex view names no fields"},
		{`{"fields": ["name", "nix"]}`, `/annex/fields/1: unbekanntes Feld "nix"`, `/annex/fields/1: unknown field "nix"`},
		{`{"fields": ["name", "name"]}`, "/annex/fields/1: Feld name steht schon in der Anlagen-Ansicht", "/annex/fields/1: field name is already in the annex view"},
		{`{"fields": ["name", "email"]}`, "/annex/fields/1: Feld email enthält E-Mail-Adressen, Telefonnummern oder Namen von Personen", "/annex/fields/1: field email holds e-mail addresses, phone numbers or names of people"},
		{`{"fields": ["name"], "records": {"field": "nix", "equals": true}}`, "/annex/records", "/annex/records"},
	} {
		bad := src[:i] + `"annex": ` + tc.annex + ", " + src[i:]
		line := 1 + strings.Count(src[:i], "\n")
		_, err := ParseCatalog("cat.json", []byte(bad))
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("%s: %T %v", tc.annex, err, err)
		}
		if got := le.Format(De); !strings.HasPrefix(got, "cat.json:"+strconv.Itoa(line)+":") || !strings.Contains(got, tc.de) {
			t.Errorf("%s German:\n%s\nwant line %d and %s", tc.annex, got, line, tc.de)
		}
		if got := le.Format(En); !strings.Contains(got, tc.en) {
			t.Errorf("%s English:\n%s\nwant %s", tc.annex, got, tc.en)
		}
	}
	// On a question that is not a register.
	const q = `"id": "org.name",`
	j := strings.Index(src, q)
	_, err := ParseCatalog("cat.json", []byte(src[:j]+`"annex": {"fields": ["x"]}, `+src[j:]))
	if err == nil || !strings.Contains(err.Error(), "nur ein Verzeichnis (records) hat eine Anlagen-Ansicht") || !strings.Contains(ErrorIn(err, En), "only records take an annex view") {
		t.Errorf("annex on a text question: %v", err)
	}
	// A section key of the wrong type, at its place.
	k := strings.Index(src, `"kind": "register"`)
	_, err = ParseCatalog("cat.json", []byte(src[:k]+`"annex": "ja", `+src[k:]))
	if err == nil || !strings.Contains(err.Error(), "cat.json:"+strconv.Itoa(1+strings.Count(src[:k], "\n"))+":") {
		t.Errorf("annex of the wrong type: %v", err)
	}
	// An overlay naming a section the base does not have.
	_, err = ApplyOverlay("mein.json", smallJSON(t), []byte("{\n  \"extends\": \"tom-small@1\",\n  \"annex\": {\"nirgends\": true}\n}"))
	var le *LoadError
	if !errors.As(err, &le) || le.Format(De) != `mein.json:3:25: /annex/nirgends: der Katalog hat keinen Abschnitt "nirgends"` ||
		le.Format(En) != `mein.json:3:25: /annex/nirgends: the catalogue has no section "nirgends"` {
		t.Errorf("overlay annex of an unknown section: %v", err)
	}
}
