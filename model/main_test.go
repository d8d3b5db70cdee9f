package model

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// childEnv names the role a re-executed test binary plays (see TestMain).
const childEnv = "TOM_MODEL_TEST_CHILD"

// TestMain runs the test binary as a helper process when childEnv is set:
// "lock" holds a lock, "save" saves in a loop (for the crash test).
func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "lock":
		os.Exit(childHoldLock(os.Getenv("TOM_CHILD_PATH")))
	case "save":
		os.Exit(childSaveLoop(os.Getenv("TOM_CHILD_PATH")))
	default:
		fmt.Fprintln(os.Stderr, "unknown child role")
		os.Exit(3)
	}
}

// smallCatalog loads testdata/small-catalog.json.
func smallCatalog(t testing.TB) *Catalog {
	t.Helper()
	c, err := LoadCatalogFile(filepath.Join("..", "testdata", "small-catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sampleFile is a valid file for the small catalogue with every kind of answer.
func sampleFile(c *Catalog) *File {
	f := NewFile(c, De)
	f.Set("org.name", String("Bäckerei Öztürk & Söhne <GmbH>"))
	f.Set("org.address", String("Hauptstraße 1\n12345 Musterstadt"))
	f.Set("org.email", String("info@example.de"))
	f.Set("org.date", String("2026-11-28"))
	f.Set("infra.server", Bool(true))
	f.Set("infra.server_kind", String("rented_root"))
	f.Set("infra.devices", List("pc", "notebook"))
	f.Set("providers", Records(
		Record{"id": String("p1"), "name": String("Hetzner Online GmbH"), "category": String("hosting"), "processor": Bool(true), "avv_signed": String("2018-05-20")},
		Record{"id": String("p2"), "name": String("Steuerbüro \"Klein\""), "email": String("kanzlei@example.de"), "processor": Bool(false)},
	))
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-03-31", Note: "Entwurf liegt vor"}
	f.Measures["access_system.ssh_keys_only"] = MeasureAnswer{Status: StatusImplemented}
	f.Measures["access_system.disk_notebook"] = MeasureAnswer{Status: StatusUnclear}
	f.OwnMeasures = []OwnMeasure{{ID: "own1", Section: "access_system", Text: "Bildschirmsperre nach 5 Minuten", Type: Technical, MeasureAnswer: MeasureAnswer{Status: StatusImplemented}}}
	f.Progress = Progress{Step: "providers", Done: []string{"org", "infra", "access_system"}}
	f.Review.IntervalMonths = 6
	return f
}
