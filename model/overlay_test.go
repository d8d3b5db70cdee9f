package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func smallJSON(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "small-catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// overlayOn applies the overlay src to base and parses the result.
func overlayOn(t *testing.T, base []byte, src string) (*Catalog, error) {
	t.Helper()
	merged, err := ApplyOverlay("mein.json", base, []byte(src))
	if err != nil {
		return nil, err
	}
	return ParseCatalog("mein.json", merged)
}

const overlayAdd = `{
  "extends": "tom-small@1",
  "add": {
    "sections": [{"id": "beratung", "kind": "control", "group": "confidentiality", "after": "access_system",
      "title": {"de": "Beratung", "en": "Consulting"}, "help": {"de": "H", "en": "H"},
      "measures": [{"id": "beratung.schulung", "type": "organisational", "label": {"de": "Jährliche Schulung", "en": "Yearly training"}, "help": {"de": "h", "en": "h"}}]}],
    "questions": [{"section": "org", "id": "org.branche", "kind": "text", "title": {"de": "Branche", "en": "Trade"}, "help": {"de": "h", "en": "h"}}],
    "measures": [{"section": "access_system", "id": "access_system.badge", "type": "technical", "label": {"de": "Zutritt mit Ausweis", "en": "Entry with a badge"}, "help": {"de": "h", "en": "h"}}]
  }
}`

// Additions: a section after a named one, a question and a measure at the
// end of their sections; everything of the base stays.
func TestOverlayAdd(t *testing.T) {
	base := smallJSON(t)
	c, err := overlayOn(t, base, overlayAdd)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "tom-small" || c.Version != "1.0.0" {
		t.Errorf("ID/version %s %s, want the base's", c.ID, c.Version)
	}
	var ids []string
	for _, s := range c.Sections {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, ",") != "org,infra,access_system,beratung,providers" {
		t.Errorf("sections %v", ids)
	}
	if c.Question("org.branche") == nil || c.SectionOf("org.branche").ID != "org" {
		t.Error("question not added to org")
	}
	if m := c.Measure("access_system.badge"); m == nil || c.SectionOf(m.ID).Measures[len(c.SectionOf(m.ID).Measures)-1] != m {
		t.Error("measure not added at the end of access_system")
	}
	if c.Measure("beratung.schulung") == nil || c.Question("org.name") == nil || c.Measure("access_system.passwords") == nil {
		t.Error("something of the base or the new section is missing")
	}
}

// Relabel and hide: a measure's label, a section's title; a hidden question
// and a hidden measure are gone.
func TestOverlayRelabelHide(t *testing.T) {
	c, err := overlayOn(t, smallJSON(t), `{"extends": "tom-small@1", "id": "mueller", "version": "2.0.0",
  "relabel": {"access_system.passwords": {"de": "Persönliches Passwort", "en": "Personal password"}, "access_system": {"de": "Anmeldung", "en": "Login"}},
  "hide": ["access_system.disk_notebook", "org.date"]}`)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "mueller" || c.Version != "2.0.0" {
		t.Errorf("ID/version %s %s", c.ID, c.Version)
	}
	if got := c.Measure("access_system.passwords").Label.De; got != "Persönliches Passwort" {
		t.Errorf("label %q", got)
	}
	if got := c.Section("access_system").Title.En; got != "Login" {
		t.Errorf("title %q", got)
	}
	if c.Measure("access_system.disk_notebook") != nil || c.Question("org.date") != nil {
		t.Error("hidden items still there")
	}
	if c.Measure("access_system.policy") == nil {
		t.Error("a measure that was not hidden is gone")
	}
}

// A newer base flows through: what the base adds appears under the overlay,
// and the overlay's additions stay.
func TestOverlayNewerBase(t *testing.T) {
	base := smallJSON(t)
	newer := strings.Replace(string(base), `"version": "1.0.0"`, `"version": "1.1.0"`, 1)
	newer = strings.Replace(newer, `"measures": [`, `"measures": [{"id": "access_system.mfa", "type": "technical", "since": "1.1.0", "label": {"de": "Zwei-Faktor-Anmeldung", "en": "Two-factor login"}, "help": {"de": "h", "en": "h"}}, `, 1)
	old, err := overlayOn(t, base, overlayAdd)
	if err != nil {
		t.Fatal(err)
	}
	c, err := overlayOn(t, []byte(newer), overlayAdd)
	if err != nil {
		t.Fatal(err)
	}
	if old.Measure("access_system.mfa") != nil || c.Measure("access_system.mfa") == nil {
		t.Error("the newer base's measure does not flow through")
	}
	if c.Version != "1.1.0" || c.Measure("access_system.badge") == nil || c.Question("org.branche") == nil {
		t.Errorf("version %s, or the overlay's additions are lost", c.Version)
	}
}

// Problems of the overlay name their line and column in the overlay.
func TestOverlayProblemsHavePositions(t *testing.T) {
	src := `{
  "extends": "tom-small@1",
  "relabel": {"no.such": {"de": "x", "en": "x"}},
  "hide": ["org.name", "gibtsnicht"],
  "add": {"questions": [{"section": "nirgends", "id": "x.y", "kind": "text", "title": {"de": "a", "en": "a"}, "help": {"de": "a", "en": "a"}}]}
}`
	_, err := ApplyOverlay("mein.json", smallJSON(t), []byte(src))
	var ce *LoadError
	if !errors.As(err, &ce) {
		t.Fatalf("%v", err)
	}
	for _, tc := range []struct {
		l    Lang
		want []string
	}{
		{De, []string{
			`mein.json:3:26: /relabel/no.such: der Basiskatalog hat keinen Abschnitt, keine Frage, Maßnahme oder Gruppe "no.such"`,
			`mein.json:4:24: /hide/1: der Basiskatalog hat keinen Abschnitt, keine Frage oder Maßnahme "gibtsnicht"`,
			`mein.json:5:37: /add/questions/0/section: kein Abschnitt "nirgends", in den hinzugefügt werden kann`,
		}},
		{En, []string{
			`mein.json:3:26: /relabel/no.such: the base has no section, question, measure or group "no.such"`,
			`mein.json:4:24: /hide/1: the base has no section, question or measure "gibtsnicht"`,
			`mein.json:5:37: /add/questions/0/section: no section "nirgends" to add to`,
		}},
	} {
		msg := ce.Format(tc.l)
		if tc.l == De && msg != ce.Error() {
			t.Errorf("Error is not German by default:\n%s", ce.Error())
		}
		if want := strings.Join(tc.want, "\n"); msg != want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.l, msg, want)
		}
	}
	// An extends naming another catalogue: at its value, in both languages.
	other := "{\n  \"extends\": \"tom-other@1\"\n}"
	err = ExtendsError("mein.json", []byte(other), "tom-small@1")
	if got, want := err.Error(), `mein.json:2:14: /extends: "tom-other@1" ist nicht der mitgelieferte Katalog (tom-small@1)`; got != want {
		t.Errorf("German:\n%s\nwant\n%s", got, want)
	}
	if got, want := ErrorIn(err, En), `mein.json:2:14: /extends: "tom-other@1" is not the shipped catalogue (tom-small@1)`; got != want {
		t.Errorf("English:\n%s\nwant\n%s", got, want)
	}
	// An unknown key in the overlay: its position.
	_, err = ApplyOverlay("mein.json", smallJSON(t), []byte("{\n  \"extends\": \"tom-small@1\",\n  \"relable\": {}\n}"))
	var le *LoadError
	if !errors.As(err, &le) || !strings.Contains(le.Format(De), "mein.json:3:") {
		t.Errorf("unknown key: %v", err)
	}
	// Hiding a question another one's condition reads is caught by the
	// check of the combined catalogue, naming the question.
	if _, err := overlayOn(t, smallJSON(t), `{"extends": "tom-small@1", "hide": ["infra.server"]}`); err == nil || !strings.Contains(err.Error(), "infra.server") {
		t.Errorf("hiding a question a condition needs: %v", err)
	}
}

// A file that answered a measure the overlay hides stays valid: the answer
// is kept under "retired" (in memory until the next save).
func TestOverlayHiddenAnswerRetired(t *testing.T) {
	base := smallCatalog(t)
	f := sampleFile(base)
	f.Measures["access_system.disk_notebook"] = MeasureAnswer{Status: StatusImplemented}
	data, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	c, err := overlayOn(t, smallJSON(t), `{"extends": "tom-small@1", "hide": ["access_system.disk_notebook"]}`)
	if err != nil {
		t.Fatal(err)
	}
	g, mig, err := Parse("k.json", data, c)
	if err != nil {
		t.Fatalf("a file answering a hidden measure: %v", err)
	}
	if _, ok := g.Measures["access_system.disk_notebook"]; ok || g.Retired["access_system.disk_notebook"] == nil {
		t.Errorf("not retired: %+v", g.Retired)
	}
	if len(mig.Removed) != 1 {
		t.Errorf("migration %+v", mig)
	}
}
