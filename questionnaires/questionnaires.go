// Package questionnaires holds the catalogues tom ships, as embedded JSON data,
// and loads the one a run uses.
package questionnaires

import (
	_ "embed"

	"github.com/tom-dsgvo/tom/model"
)

//go:embed tom-standard.json
var standard []byte

//go:embed os-support.json
var osSupport []byte

// OSSupportName is how the shipped operating-system support table is named in
// messages.
const OSSupportName = "os-support.json"

// OSSupport returns the shipped table of operating systems and the end of
// their security support, checked.
func OSSupport() (*model.SupportTable, error) {
	return model.ParseSupportTable(OSSupportName, osSupport)
}

// StandardName is how the shipped catalogue is named in messages.
const StandardName = "tom-standard.json"

// Standard returns the shipped Art. 32 catalogue, checked, with the shipped
// operating-system support table for its rules.
func Standard() (*model.Catalog, error) {
	return withSupport(model.ParseCatalog(StandardName, standard))
}

// withSupport gives a loaded catalogue the shipped support table, which the
// rules with os_support read.
func withSupport(c *model.Catalog, err error) (*model.Catalog, error) {
	if err != nil {
		return nil, err
	}
	t, err := OSSupport()
	if err != nil {
		return nil, err
	}
	c.SetSupport(t)
	return c, nil
}

// StandardJSON returns the shipped catalogue's JSON source.
func StandardJSON() []byte { return append([]byte(nil), standard...) }

// Load returns the catalogue in path, or the shipped one when path is "",
// with the shipped operating-system support table.
func Load(path string) (*model.Catalog, error) {
	if path == "" {
		return Standard()
	}
	return withSupport(model.LoadCatalogFile(path))
}
