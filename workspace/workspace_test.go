package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

// The nearest tom.toml counts: in the folder itself, else a parent; none
// gives nil without an error.
func TestFindNearest(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), `catalog = "kat/mein.json"`+"\nlanguage = \"en\"\n")
	write(t, filepath.Join(root, "a", "b", FileName), `review_interval_months = 6`)
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o700); err != nil {
		t.Fatal(err)
	}
	w, err := Find(deep)
	if err != nil || w == nil || w.Path != filepath.Join(root, "a", "b", FileName) || w.ReviewIntervalMonths != 6 || w.Catalog != "" {
		t.Fatalf("from c: %+v, %v", w, err)
	}
	w, err = Find(filepath.Join(root, "a"))
	if err != nil || w == nil || w.Catalog != filepath.Join(root, "kat", "mein.json") || w.Language != "en" {
		t.Fatalf("from a: %+v, %v", w, err)
	}
	if w, err := Find(t.TempDir()); err != nil || w != nil {
		// A temporary folder has no tom.toml above it on a test machine.
		t.Logf("outside: %+v, %v", w, err)
	}
}

// A shipped catalogue's ID stays an ID; a path is made absolute.
func TestCatalogRef(t *testing.T) {
	w, err := Parse("/x/tom.toml", []byte(`catalog = "tom-standard@1"`))
	if err != nil || w.Catalog != "tom-standard@1" {
		t.Fatalf("%+v %v", w, err)
	}
	w, err = Parse("/x/tom.toml", []byte(`catalog = "k.json"`))
	if err != nil || w.Catalog != filepath.Join("/x", "k.json") {
		t.Fatalf("%+v %v", w, err)
	}
}

// Problems name the file, the line and the column, in the user's language.
func TestParseErrors(t *testing.T) {
	cases := []struct{ src, de, en string }{
		{"language = \"de\"\ncolour = \"x\"\n", "tom.toml:2:1: unbekannter Schlüssel \"colour\"", "unknown key \"colour\""},
		{"[branding]\nfooter = \"a\"\nlogoo = \"b\"\n", "tom.toml:3:1: unbekannter Schlüssel \"branding.logoo\"", "unknown key"},
		{"language = \n", "tom.toml:1:", "not valid TOML"},
		{"language = \"fr\"\n", "tom.toml:1:1: language: \"fr\" ist keine Sprache", "is not one of tom's languages"},
		{"review_interval_months = 200\n", "tom.toml:1:1: review_interval_months: 200 ist kein Intervall", "1 to 120"},
		{"[branding]\naccent = \"blue\"\n", "tom.toml:2:1: accent: \"blue\" ist keine Farbe", "#rrggbb"},
	}
	for _, tc := range cases {
		_, err := Parse("tom.toml", []byte(tc.src))
		var we *Error
		if !errors.As(err, &we) {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		if de := we.Format(model.De); !strings.HasPrefix(de, tc.de) {
			t.Errorf("%q: %q, want prefix %q", tc.src, de, tc.de)
		}
		if en := we.Format(model.En); !strings.Contains(en, tc.en) {
			t.Errorf("%q: %q, want %q", tc.src, en, tc.en)
		}
	}
}

// The logo must be a PNG or JPEG of bounded size.
func TestLogoChecked(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("..", "testdata", "workspace", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "logo.png"), string(good))
	write(t, filepath.Join(dir, "fake.png"), "GIF89a not a png")
	big := make([]byte, MaxLogoBytes+1)
	copy(big, good)
	write(t, filepath.Join(dir, "big.png"), string(big))
	for name, want := range map[string]string{"logo.png": "", "fake.png": "kein PNG- oder JPEG-Bild", "big.png": "höchstens 1048576", "none.png": "kann nicht gelesen werden"} {
		write(t, filepath.Join(dir, FileName), "[branding]\nlogo = \""+name+"\"\n")
		w, err := Load(filepath.Join(dir, FileName))
		switch {
		case want == "" && (err != nil || w.Branding.Logo != filepath.Join(dir, name)):
			t.Errorf("%s: %+v %v", name, w, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
}

func TestIntroIn(t *testing.T) {
	i := Intro{De: "Hallo", En: "Hello"}
	if i.In(model.De) != "Hallo" || i.In(model.En) != "Hello" || (Intro{De: "nur"}).In(model.En) != "nur" || (Intro{En: "only"}).In(model.De) != "only" {
		t.Error("Intro.In")
	}
}
