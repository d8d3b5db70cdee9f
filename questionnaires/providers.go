package questionnaires

import (
	_ "embed"

	"github.com/tom-dsgvo/tom/model"
)

//go:embed providers.json
var providers []byte

// ProvidersName is how the shipped provider directory is named in messages.
const ProvidersName = "providers.json"

// Providers returns the shipped directory of common service providers,
// checked against catalogue c.
func Providers(c *model.Catalog) (*model.Directory, error) {
	return model.ParseDirectory(ProvidersName, providers, c)
}

// LoadDirectory returns the shipped provider directory merged with the
// directory files in paths, in order: an entry of a later file replaces the
// entry with the same ID, so a consultant's own entries win.
func LoadDirectory(c *model.Catalog, paths ...string) (*model.Directory, error) {
	d, err := Providers(c)
	if err != nil {
		return nil, err
	}
	return MergeDirectoryFiles(d, c, paths...)
}

// MergeDirectoryFiles returns directory d merged with the directory files in
// paths, in order, as LoadDirectory does.
func MergeDirectoryFiles(d *model.Directory, c *model.Catalog, paths ...string) (*model.Directory, error) {
	for _, p := range paths {
		data, err := model.ReadUserFile(p)
		if err != nil {
			return nil, err
		}
		own, err := model.ParseDirectory(p, data, c)
		if err != nil {
			return nil, err
		}
		d = d.Merge(own)
	}
	return d, nil
}
