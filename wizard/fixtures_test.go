package wizard

import (
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/internal/fixture"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// Shorthands for the fixtures shared with the other front end's tests
// (wizard/internal/fixture).

const (
	testdata  = fixture.Dir("../testdata")
	scanToday = fixture.ScanToday
	rvToday   = "2026-08-15"
)

func smallCatalog(t testing.TB) *model.Catalog { return testdata.Catalog(t, "small-catalog.json") }
func realCatalog(t testing.TB) *model.Catalog  { return fixture.RealCatalog(t) }
func scanCatalog(t testing.TB) *model.Catalog {
	return testdata.Catalog(t, "scan-interview/catalog.json")
}

// rvCatalog is the test catalogue v1.1 (new: the MFA measure and the devices
// list; removed: org.date).
func rvCatalog(t testing.TB) *model.Catalog { return testdata.Catalog(t, "review/catalog-1.1.json") }

// rvFile copies a fixture of testdata/review into a temporary folder and
// loads it under c.
func rvFile(t *testing.T, c *model.Catalog, name string) (*model.File, *model.Migration, string) {
	return testdata.Copy(t, c, "review/"+name)
}

func rvFileFrom(t *testing.T, c *model.Catalog, data []byte) (*model.File, *model.Migration, string) {
	return fixture.CopyData(t, c, data)
}

func rvLoad(t *testing.T, c *model.Catalog, path string) *model.File { return fixture.Load(t, c, path) }
func rvMarshal(t *testing.T, f *model.File) []byte                   { return fixture.Marshal(t, f) }
func rvPaths(changes []model.Change) []string                        { return fixture.Paths(changes) }

func fixtureScan(c *model.Catalog, root string, l model.Lang) scanning.ScanFunc {
	return fixture.ScanFunc(c, root, l)
}
func fixtureAccounts(t *testing.T) []scanning.ServerAccount { return testdata.Accounts(t) }
func legacyServer(t testing.TB) string                      { return testdata.LegacyServer(t) }
