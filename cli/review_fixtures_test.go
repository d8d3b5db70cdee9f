package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
)

// The review fixtures under testdata/review/ tell one story, made with the
// test catalogue catalog-1.1.json: Muster Webdesign GmbH was interviewed on
// 15.09.2025 and reviewed on 10.08.2026 (a new hoster, the Windows 7 PC
// replaced, two-factor login now implemented, an AVV date filled in). The
// status-*.json files are the 2025 file with its last review moved to 11,
// 11.5 and 13 months before rvToday. Run with TOM_UPDATE_REVIEW_FIXTURES=1
// to rewrite them; TestReviewFixturesUpToDate keeps them in step with this
// code.

const (
	rvCatalogPath = "../testdata/review/catalog-1.1.json"
	rvToday       = "2026-08-15"
)

// rvGlobals returns Globals for a test run with the given environment and
// the output buffers.
func rvGlobals(env map[string]string) (*Globals, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	g := &Globals{
		In:              strings.NewReader(""),
		Out:             &out,
		Err:             &errb,
		Getenv:          func(k string) string { return env[k] },
		Now:             func() time.Time { return time.Date(2031, 1, 1, 12, 0, 0, 0, time.UTC) },
		StdinIsTerminal: func() bool { return false },
	}
	return g, &out, &errb
}

// rvRun runs tom with TOM_TODAY=rvToday and returns exit code and output.
func rvRun(args ...string) (int, string, string) {
	g, out, errb := rvGlobals(map[string]string{"TOM_TODAY": rvToday})
	code := Run(g, args)
	return code, out.String(), errb.String()
}

func rvLoadCatalog(t testing.TB) *model.Catalog {
	t.Helper()
	c, err := model.LoadCatalogFile(rvCatalogPath)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func rvProvider(id, name, category string, processor bool, avv string) model.Record {
	r := model.Record{"id": model.String(id), "name": model.String(name), "category": model.String(category), "processor": model.Bool(processor)}
	if avv != "" {
		r["avv_signed"] = model.String(avv)
	}
	return r
}

func rvDevice(id, name, kind string, encrypted bool) model.Record {
	return model.Record{"id": model.String(id), "name": model.String(name), "kind": model.String(kind), "encrypted": model.Bool(encrypted)}
}

// rvStory2025 is the file as the interview left it.
func rvStory2025(c *model.Catalog) *model.File {
	f := model.NewFile(c, model.De)
	f.Set("org.name", model.String("Muster Webdesign GmbH"))
	f.Set("org.address", model.String("Hauptstraße 1\n12345 Musterstadt"))
	f.Set("org.email", model.String("info@muster-webdesign.de"))
	f.Set("infra.server", model.Bool(true))
	f.Set("infra.server_kind", model.String("rented_root"))
	f.Set("infra.devices", model.List("pc", "notebook"))
	f.Set("providers", model.Records(
		rvProvider("r1", "Collmex GmbH", "software", true, ""),
		rvProvider("r2", "Strato AG", "hosting", true, "2018-05-25"),
	))
	f.Set("devices", model.Records(
		rvDevice("r1", "Windows 7 Pro Desktop-PC", "pc", false),
		rvDevice("r2", "ThinkPad T480", "notebook", true),
	))
	f.Measures["access_system.passwords"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Measures["access_system.policy"] = model.MeasureAnswer{Status: model.StatusUnclear, Note: "mit IT-Betreuer klären"}
	f.Measures["access_system.ssh_keys_only"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Measures["access_system.disk_notebook"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Measures["access_system.mfa"] = model.MeasureAnswer{Status: model.StatusPlanned, Due: "2026-03-31"}
	f.Progress.Done = []string{"org", "infra", "access_system", "providers", "devices"}
	f.AddHistory(nil, model.HistoryInterview, "2025-09-15", "Erika Muster", "Erstaufnahme")
	return f
}

// rvStory2026 is the 2025 file after the review of 10.08.2026.
func rvStory2026(c *model.Catalog) *model.File {
	f := rvStory2025(c)
	before := f.Clone()
	p := f.Get("providers").Records()
	collmex := p[0].Clone()
	collmex["avv_signed"] = model.String("2018-05-20")
	f.Set("providers", model.Records(collmex, p[1], rvProvider("r3", "Hetzner Online GmbH", "hosting", true, "2026-06-01")))
	d := f.Get("devices").Records()
	f.Set("devices", model.Records(d[1], rvDevice("r3", "Windows 11 Pro Desktop-PC", "pc", true)))
	f.Measures["access_system.mfa"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.AddHistory(before, model.HistoryReview, "2026-08-10", "Erika Muster", "Jährliche Überprüfung: neuer Hoster, PC ersetzt, 2FA eingeführt")
	return f
}

// rvStatusFile is the 2025 file with a review on last.
func rvStatusFile(c *model.Catalog, last string) *model.File {
	f := rvStory2025(c)
	f.History[0].Date = "2024-06-01"
	f.Progress.Completed = "2024-06-01"
	f.AddHistory(f.Clone(), model.HistoryReview, last, "Erika Muster", "Überprüfung ohne Änderungen")
	return f
}

// rvIncomplete is an interview stopped halfway.
func rvIncomplete(c *model.Catalog) *model.File {
	f := model.NewFile(c, model.De)
	f.Set("org.name", model.String("Halbfertig KG"))
	f.Measures["access_system.passwords"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Progress.Done = []string{"org"}
	f.Progress.Step = "infra"
	return f
}

// rvFixtures returns the fixture files by name.
func rvFixtures(t testing.TB) map[string][]byte {
	c := rvLoadCatalog(t)
	files := map[string]*model.File{
		"story-2025.json":        rvStory2025(c),
		"story-2026.json":        rvStory2026(c),
		"status-11m.json":        rvStatusFile(c, "2025-09-15"),
		"status-11.5m.json":      rvStatusFile(c, "2025-08-30"),
		"status-13m.json":        rvStatusFile(c, "2025-07-15"),
		"status-incomplete.json": rvIncomplete(c),
	}
	out := map[string][]byte{}
	for name, f := range files {
		data, err := model.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = data
	}
	// Broken on purpose: a missing comma in line 3.
	out["status-invalid.json"] = []byte("{\n  \"schema\": 1\n  \"catalog\": {\"id\": \"tom-small\", \"version\": \"1.1.0\"}\n}\n")
	return out
}

func TestReviewFixturesUpToDate(t *testing.T) {
	update := os.Getenv("TOM_UPDATE_REVIEW_FIXTURES") == "1"
	for name, want := range rvFixtures(t) {
		path := filepath.Join("..", "testdata", "review", name)
		if update {
			if err := os.WriteFile(path, want, 0o600); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (TOM_UPDATE_REVIEW_FIXTURES=1 writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date (TOM_UPDATE_REVIEW_FIXTURES=1 rewrites it)", path)
		}
	}
}
