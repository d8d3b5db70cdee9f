package render

import (
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// withoutRoles returns the shipped catalogue with every role and the
// register column layout taken out, as a consultant's catalogue that knows
// nothing of them would be.
func withoutRoles(t *testing.T) *model.Catalog {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(questionnaires.StandardJSON(), &c); err != nil {
		t.Fatal(err)
	}
	var strip func(x any)
	strip = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			delete(x, "role")
			delete(x, "columns")
			for _, v := range x {
				strip(v)
			}
		case []any:
			for _, v := range x {
				strip(v)
			}
		}
	}
	strip(c)
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := model.ParseCatalog("no-roles.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestCatalogueWithoutRoles: a catalogue without roles still gives a whole
// document in every format, with what the roles would have added left out:
// the business's name from the first required text question, no address on
// the cover, an empty signature block to fill in by hand, and the lit. a
// chapter written by the program.
func TestCatalogueWithoutRoles(t *testing.T) {
	c := withoutRoles(t)
	f, _, err := model.Load(samplePath, c)
	if err != nil {
		t.Fatal(err)
	}
	d := Build(c, f, model.De)
	for _, format := range Formats {
		if out, err := Write(d, format); err != nil || len(out) == 0 {
			t.Fatalf("%s: %v", format, err)
		}
	}
	var litA int
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *Cover:
			if b.Org != "Webagentur Krüger & Söhne GmbH" || b.Address != "" {
				t.Errorf("cover: %q, address %q", b.Org, b.Address)
			}
		case *Signature:
			if b.Name.Value != "" || b.Role.Value != "" || b.Place.Value != "" || b.Date.Value != "" {
				t.Errorf("signature block: %+v", b)
			}
		case *Heading:
			if b.Level == 1 && b.ID == "crypto" && b.Text == Msg.Get(model.De, "crypto_title") {
				litA++
			}
		}
	}
	if litA != 1 {
		t.Errorf("%d lit. a chapters written by the program, want 1", litA)
	}
	if md := string(WriteMarkdown(d)); !strings.Contains(md, "Webagentur Krüger & Söhne GmbH") {
		t.Error("the Markdown document lacks the business's name")
	}
}
