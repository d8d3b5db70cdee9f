// Package questionnaires holds the catalogues tom ships, as embedded JSON data,
// and loads the one a run uses.
package questionnaires

import (
	_ "embed"

	json "github.com/goccy/go-json"
	"strings"
	"unsafe"

	"github.com/tom-dsgvo/tom/model"
)

// The shipped data are strings, so that the strings of the catalogue and
// the table can be slices of them (model.ParseShippedCatalog).
//
//go:embed tom-standard.json
var standard string

//go:embed os-support.json
var osSupport string

// The tapes of the shipped data: each as json.Unmarshal decodes it, ready
// to be read without parsing (model.ParseShippedCatalog). go generate
// writes them again; TestShippedTapesFresh fails when one is stale.
//
//go:generate go test -run=^TestShippedTapesFresh$ . -args -update-tapes
//go:embed tom-standard.tape
var standardTape string

//go:embed os-support.tape
var osSupportTape string

// OSSupportName is how the shipped operating-system support table is named in
// messages.
const OSSupportName = "os-support.json"

// OSSupport returns the shipped table of operating systems and the end of
// their security support, checked.
func OSSupport() (*model.SupportTable, error) {
	return model.ParseShippedSupportTable(OSSupportName, osSupport, osSupportTape)
}

// StandardName is how the shipped catalogue is named in messages.
const StandardName = "tom-standard.json"

// Standard returns the shipped Art. 32 catalogue, checked, with the shipped
// operating-system support table for its rules.
func Standard() (*model.Catalog, error) {
	return withSupport(model.ParseShippedCatalog(StandardName, standard, standardTape))
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
func StandardJSON() []byte { return []byte(standard) }

// Load returns the catalogue in path, or the shipped one when path is ""
// or names the shipped catalogue by its ID (see IsShippedID), with the
// shipped operating-system support table.
func Load(path string) (*model.Catalog, error) {
	if path == "" || IsShippedID(path) {
		return Standard()
	}
	data, err := model.ReadUserFile(path)
	if err != nil {
		return nil, err
	}
	if base := model.OverlayBase(data); base != "" {
		// An overlay (FORMAT.md "Overlays") over the shipped catalogue as
		// it is in this build: a newer one flows through.
		if !IsShippedID(base) {
			return nil, model.ExtendsError(path, data, shippedRef())
		}
		merged, err := model.ApplyOverlay(path, []byte(standard), data)
		if err != nil {
			return nil, err
		}
		return withSupport(model.ParseCatalog(path, merged))
	}
	return withSupport(model.ParseCatalog(path, data))
}

// shippedRef names the shipped catalogue as an overlay extends it: ID@major.
func shippedRef() string {
	id, version := shippedIDVersion()
	return id + "@" + strings.SplitN(version, ".", 2)[0]
}

// IsShippedID reports whether ref names the shipped catalogue by its ID,
// optionally with its major version ("ID@1"), rather than a file.
func IsShippedID(ref string) bool {
	if strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".json") {
		return false
	}
	sid, sversion := shippedIDVersion()
	id, major, versioned := strings.Cut(ref, "@")
	if id != sid || sid == "" {
		return false
	}
	return !versioned || major == strings.SplitN(sversion, ".", 2)[0]
}

// readOnlyBytes returns s as bytes without a copy, for a reader that does
// not write them (json.Unmarshal copies its input into a buffer of its own).
func readOnlyBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// shippedIDVersion reads only the ID and version of the shipped catalogue
// (a full parse takes some 15 ms).
func shippedIDVersion() (id, version string) {
	var head struct {
		ID      string `json:"id"`
		Version string `json:"version"`
	}
	if json.Unmarshal(readOnlyBytes(standard), &head) != nil {
		return "", ""
	}
	return head.ID, head.Version
}
