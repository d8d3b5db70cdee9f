package model

import (
	"slices"
	"strings"
	"testing"
)

// dirCatalog is a catalogue with a provider register whose fields carry the
// roles the directory uses, and a condition (safeguard only when abroad).
const dirCatalog = `{
  "id": "dir-test", "version": "1.0.0", "title": {"de": "T", "en": "T"},
  "sections": [{"id": "providers", "kind": "register", "title": {"de": "D", "en": "P"}, "help": {"de": "h", "en": "h"},
    "questions": [{"id": "providers", "kind": "records", "role": "provider_register",
      "title": {"de": "Dienstleister", "en": "Providers"}, "item": {"de": "Dienstleister", "en": "Provider"},
      "fields": [
        {"id": "name", "kind": "text", "role": "record_name", "required": true, "label": {"de": "Name", "en": "Name"}},
        {"id": "address", "kind": "textarea", "role": "record_address", "label": {"de": "Anschrift", "en": "Address"}},
        {"id": "email", "kind": "email", "label": {"de": "E-Mail", "en": "E-mail"}},
        {"id": "category", "kind": "choice", "role": "category", "label": {"de": "Kategorie", "en": "Category"},
          "options": [{"id": "hosting", "label": {"de": "Hosting und Rechenzentrum", "en": "Hosting and data centre"}},
                      {"id": "bank", "label": {"de": "Bank", "en": "Bank"}}]},
        {"id": "processor", "kind": "yesno", "label": {"de": "AV?", "en": "Processor?"}},
        {"id": "abroad", "kind": "yesno", "label": {"de": "Drittland?", "en": "Third country?"}},
        {"id": "safeguard", "kind": "choice", "label": {"de": "Garantie", "en": "Safeguard"}, "when": {"field": "abroad", "equals": true},
          "options": [{"id": "dpf", "label": {"de": "DPF", "en": "DPF"}}]}
      ]}]}]
}`

func dirTestCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := ParseCatalog("dir-test.json", []byte(dirCatalog))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const dirGood = `{
  "schema": 1,
  "entries": [
    {"id": "hetzner", "address": {"street": "Industriestr. 25", "postcode": "91710", "city": "Gunzenhausen", "country": "DE"},
     "fields": {"name": "Hetzner Online GmbH", "category": "hosting", "processor": true}, "brands": ["Robot", "hetzner.cloud"],
     "source": ["https://www.hetzner.com/legal/imprint"], "checked": "2026-12-06"},
    {"id": "muenchner-bank", "address": {"street": "Hauptstraße 1", "postcode": "80331", "city": "München", "country": "DE"},
     "fields": {"name": "Münchner Bank eG", "category": "bank", "processor": false},
     "source": ["https://example.org/impressum"], "checked": "2026-12-06"},
    {"id": "zoom", "address": {"street": "55 Almaden Blvd", "postcode": "CA 95113", "city": "San José", "country": "US"},
     "fields": {"name": "Zoom Communications, Inc.", "email": "privacy@example.com", "category": "hosting", "abroad": true, "safeguard": "dpf"},
     "source": ["https://example.com/privacy"], "checked": "2026-12-06"}
  ]
}`

func TestParseDirectory(t *testing.T) {
	c := dirTestCatalog(t)
	d, err := ParseDirectory("dir.json", []byte(dirGood), c)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) != 3 || d.Entries[0].Origin != "dir.json" {
		t.Fatalf("entries %v", d.Entries)
	}
	r := d.Record(d.Entries[1], "p7", En)
	want := Record{"id": String("p7"), "name": String("Münchner Bank eG"), "category": String("bank"), "processor": Bool(false),
		"address": String("Hauptstraße 1\n80331 München\nGermany")}
	if !r.Equal(want) {
		t.Errorf("Record = %v, want %v", r, want)
	}
	r["name"] = String("changed")
	if d.Name(d.Entries[1]) != "Münchner Bank eG" {
		t.Error("changing the record changed the directory")
	}
	if got := d.Category(d.Entries[0]).Label.In(De); got != "Hosting und Rechenzentrum" {
		t.Errorf("category %q", got)
	}
}

func TestDirectoryFind(t *testing.T) {
	c := dirTestCatalog(t)
	d, err := ParseDirectory("dir.json", []byte(dirGood), c)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(es []*DirectoryEntry) string {
		var s []string
		for _, e := range es {
			s = append(s, e.ID)
		}
		return strings.Join(s, ",")
	}
	for _, tc := range []struct {
		text string
		lang Lang
		want string
	}{
		{"", De, "hetzner,muenchner-bank,zoom"}, // all, by name
		{"  ", De, "hetzner,muenchner-bank,zoom"},
		{"HETZNER", De, "hetzner"},
		{"hetzner.cloud", De, "hetzner"},   // a brand
		{"münchen", De, "muenchner-bank"},  // city, umlaut
		{"muenchen", De, "muenchner-bank"}, // spelt out
		{"munchen", De, "muenchner-bank"},  // dots dropped
		{"MÜNCHNER bank", De, "muenchner-bank"},
		{"rechenzentrum", De, "hetzner,zoom"}, // category label in German
		{"rechenzentrum", En, ""},             // … not in English
		{"data centre", En, "hetzner,zoom"},
		{"san jose", De, "zoom"}, // accent ignored
		{"gunzenhausen", En, "hetzner"},
		{"xyz", De, ""},
	} {
		if got := ids(d.Find(tc.text, tc.lang)); got != tc.want {
			t.Errorf("Find(%q, %s) = %q, want %q", tc.text, tc.lang, got, tc.want)
		}
	}
}

func TestDirectoryMerge(t *testing.T) {
	c := dirTestCatalog(t)
	a, err := ParseDirectory("a.json", []byte(dirGood), c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseDirectory("b.json", []byte(`{"schema": 1, "entries": [
	  {"id": "zoom", "address": {"street": "S 1", "postcode": "1", "city": "X", "country": "US"}, "fields": {"name": "Mine"}, "source": ["https://x.org"], "checked": "2026-01-01"},
	  {"id": "new", "address": {"street": "S 2", "postcode": "2", "city": "Y", "country": "AT"}, "fields": {"name": "New"}, "source": ["https://y.org"], "checked": "2026-01-01"}]}`), c)
	if err != nil {
		t.Fatal(err)
	}
	m := a.Merge(b)
	var got []string
	for _, e := range m.Entries {
		got = append(got, e.ID+"@"+e.Origin)
	}
	want := []string{"hetzner@a.json", "muenchner-bank@a.json", "zoom@b.json", "new@b.json"}
	if !slices.Equal(got, want) {
		t.Errorf("merged %v, want %v", got, want)
	}
	if len(a.Entries) != 3 || a.Entries[2].Origin != "a.json" {
		t.Error("Merge changed its receiver")
	}
}

// TestParseDirectoryErrors: each bad file is refused with the problem at its
// line and column, in German and in English.
func TestParseDirectoryErrors(t *testing.T) {
	c := dirTestCatalog(t)
	entry := func(body string) string { return "{\"schema\": 1, \"entries\": [\n" + body + "\n]}" }
	const okAddr = `"address": {"street": "S 1", "postcode": "1", "city": "X", "country": "DE"}`
	const okTail = `"source": ["https://x.org"], "checked": "2026-12-06"`
	for _, tc := range []struct {
		name, data string
		de, en     string // expected in the message (position included)
	}{
		{"syntax", "{\"schema\": 1,\n \"entries\": [}", "dir.json:2:", "not valid JSON"},
		{"empty", "", "dir.json:1:1: die Datei ist leer", "dir.json:1:1: the file is empty"},
		{"not object", "[]", "muss ein JSON-Objekt sein", "must be a JSON object"},
		{"no schema", `{"entries": []}`, `Angabe "schema" fehlt`, `"schema" is missing`},
		{"newer schema", `{"schema": 2, "entries": []}`, "dir.json:1:12: /schema: die Datei hat Schema-Version 2", "dir.json:1:12: /schema: the file has schema version 2"},
		{"unknown top key", `{"schema": 1, "entries": [], "extra": 1}`, `unbekannter Schlüssel "extra"`, `unknown key "extra"`},
		{"unknown field", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A", "colour": "red"}, ` + okTail + `}`),
			`dir.json:2:` /* line of the entry */, `/entries/0/fields/colour: unknown field "colour"`},
		{"bad option", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A", "category": "bakery"}, ` + okTail + `}`),
			`/entries/0/fields/category: unbekannte Option "bakery"`, `unknown option "bakery"`},
		{"bad email", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A", "email": "nobody"}, ` + okTail + `}`),
			"keine gültige E-Mail-Adresse", "not a valid e-mail address"},
		{"yesno as string", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A", "processor": "ja"}, ` + okTail + `}`),
			"erwartet true oder false", "expected true or false"},
		{"required name", entry(`{"id": "a", ` + okAddr + `, "fields": {"category": "bank"}, ` + okTail + `}`),
			`/entries/0/fields/name: Pflichtfeld "name" fehlt`, `required field "name" is missing`},
		{"hidden field", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A", "abroad": false, "safeguard": "dpf"}, ` + okTail + `}`),
			`Feld "safeguard" gilt für diesen Eintrag nicht`, `field "safeguard" does not apply`},
		{"address in fields", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A", "address": "S 1"}, ` + okTail + `}`),
			`Feld "address" wird aus "address" gebildet`, `is made from "address"`},
		{"no source", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A"}, "source": [], "checked": "2026-12-06"}`),
			`/entries/0/source: Angabe "source" fehlt`, `"source" is missing`},
		{"bad source", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A"}, "source": ["impressum"], "checked": "2026-12-06"}`),
			`Quelle "impressum" ist keine Web-Adresse`, `source "impressum" is not a web address`},
		{"bad checked", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A"}, "source": ["https://x.org"], "checked": "06.12.2026"}`),
			`Prüfdatum "06.12.2026" ungültig`, `checked date "06.12.2026" is not valid`},
		{"no address", entry(`{"id": "a", "fields": {"name": "A"}, ` + okTail + `}`),
			`Angabe "address" fehlt`, `"address" is missing`},
		{"no city", entry(`{"id": "a", "address": {"street": "S", "postcode": "1", "country": "DE"}, "fields": {"name": "A"}, ` + okTail + `}`),
			`/entries/0/address/city: Angabe "city" fehlt`, `"city" is missing`},
		{"bad country", entry(`{"id": "a", "address": {"street": "S", "postcode": "1", "city": "X", "country": "Germany"}, "fields": {"name": "A"}, ` + okTail + `}`),
			`Land "Germany" unbekannt`, `country "Germany" is unknown`},
		{"bad id", entry(`{"id": "Hetzner Online", ` + okAddr + `, "fields": {"name": "A"}, ` + okTail + `}`),
			`ID "Hetzner Online" ungültig`, `ID "Hetzner Online" is not valid`},
		{"duplicate id", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A"}, ` + okTail + `},
{"id": "a", ` + okAddr + `, "fields": {"name": "B"}, ` + okTail + `}`),
			`dir.json:3:8: /entries/1/id: ID "a" doppelt`, `dir.json:3:8: /entries/1/id: ID "a" used twice`},
		{"control character", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A\u001b[31m"}, ` + okTail + `}`),
			"enthält ein Steuerzeichen", "contains a control character"},
		{"line break in name", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A\nB"}, ` + okTail + `}`),
			"darf keinen Zeilenumbruch enthalten", "must not contain a line break"},
		{"brands not a list", entry(`{"id": "a", ` + okAddr + `, "fields": {"name": "A"}, "brands": "A-Mail", ` + okTail + `}`),
			"/entries/0/brands: erwartet eine Liste", "/entries/0/brands: expected an array"},
		{"entry not object", entry(`"hetzner"`), "dir.json:2:1: /entries/0: erwartet ein Objekt", "dir.json:2:1: /entries/0: expected an object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseDirectory("dir.json", []byte(tc.data), c)
			le, ok := err.(*LoadError)
			if !ok {
				t.Fatalf("err = %v (%T), want *LoadError", err, err)
			}
			if de := le.Format(De); !strings.Contains(de, tc.de) {
				t.Errorf("German:\n%s\nwant it to contain %q", de, tc.de)
			}
			if en := le.Format(En); !strings.Contains(en, tc.en) {
				t.Errorf("English:\n%s\nwant it to contain %q", en, tc.en)
			}
			for _, p := range le.Problems {
				if p.Line == 0 {
					t.Errorf("problem without a position: %+v", p)
				}
			}
		})
	}
}

// TestParseDirectoryNeedsRegister: a catalogue without a providers role
// cannot take a directory.
func TestParseDirectoryNeedsRegister(t *testing.T) {
	c, err := ParseCatalog("x.json", []byte(strings.Replace(dirCatalog, `"role": "provider_register",`, "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseDirectory("dir.json", []byte(dirGood), c)
	if err == nil || !strings.Contains(err.(*LoadError).Format(En), `no service-provider register`) {
		t.Errorf("err = %v", err)
	}
}

// A search narrowed from the result before finds what a fresh search finds,
// for every prefix typed; Extends says when narrowing is allowed.
func TestDirectorySearchNarrows(t *testing.T) {
	c := dirTestCatalog(t)
	d, err := ParseDirectory("dir.json", []byte(dirGood), c)
	if err != nil {
		t.Fatal(err)
	}
	s := d.Search(De)
	for _, word := range []string{"münchner bank", "Rechenzentrum", "hetzner.cloud", "san josé"} {
		var prev []int
		typed := ""
		for _, r := range word {
			next := typed + string(r)
			if !Extends(next, typed) {
				t.Fatalf("%q does not extend %q", next, typed)
			}
			narrowed := s.Find(next, prev)
			if fresh := s.Find(next, nil); !slices.Equal(narrowed, fresh) {
				t.Fatalf("%q: narrowed %v, fresh %v", next, narrowed, fresh)
			}
			prev, typed = narrowed, next
		}
		if len(prev) == 0 {
			t.Errorf("%q finds nothing", word)
		}
	}
	if Extends("hetzner", "hetzner x") || Extends("ab", "b") {
		t.Error("Extends allows narrowing from a text that is not a prefix")
	}
}
