package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
)

// version is set at build time (make build):
// go build -ldflags "-X github.com/tom-dsgvo/tom/cli.version=1.2.3".
var version = "dev"

// versionMsg holds the strings of tom version.
var versionMsg = model.Messages{
	"version_short":   {De: "Version von tom und des Katalogs anzeigen", En: "Print the version of tom and of the catalogue"},
	"version_tom":     {De: "tom %s", En: "tom %s"},
	"version_commit":  {De: "Stand des Quelltexts: %s", En: "source revision: %s"},
	"version_go":      {De: "Go: %s (%s/%s)", En: "Go: %s (%s/%s)"},
	"version_catalog": {De: "Katalog: %s %s", En: "catalogue: %s %s"},
	"version_schema":  {De: "Schema der Antwortdatei: %d", En: "answers-file schema: %d"},
	"version_bad_cat": {De: "Katalog: fehlerhaft (%s)", En: "catalogue: broken (%s)"},
	"version_dirty":   {De: " (mit lokalen Änderungen)", En: " (with local changes)"},
	"version_flag":    {De: "Version anzeigen (wie tom version)", En: "print the version (like tom version)"},
}

// addVersionFlag gives the bare command --version, printing what tom
// version prints.
func addVersionFlag(root *cobra.Command, g *Globals, lang model.Lang) {
	show := false
	root.Flags().BoolVar(&show, "version", false, versionMsg.Get(lang, "version_flag"))
	next := root.RunE
	root.RunE = func(cmd *cobra.Command, args []string) error {
		if show {
			return runVersion(&versionOptions{Globals: g})
		}
		return next(cmd, args)
	}
}

// versionOptions are the options of tom version (none besides the globals).
type versionOptions struct {
	*Globals // I/O, clock, global flags
}

func newVersionCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &versionOptions{Globals: g}
	return &cobra.Command{
		Use:   "version",
		Short: versionMsg.Get(lang, "version_short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersion(opts)
		},
	}
}

// buildVersion returns tom's version and source revision: the -X value when
// set, else the module version from the build info; the revision from VCS
// stamping ("" when unknown).
func buildVersion() (ver, rev string, dirty bool) {
	ver = version
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ver, "", false
	}
	if ver == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		ver = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	return ver, rev, dirty
}

// runVersion prints tom's, Go's and the catalogue's versions. A broken
// catalogue is reported on its line, not as a failure: version must work.
func runVersion(opts *versionOptions) error {
	g := opts.Globals
	lang := g.Lang(nil)
	ver, rev, dirty := buildVersion()
	fmt.Fprintln(g.text(), versionMsg.Get(lang, "version_tom", ver))
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if dirty {
			rev += versionMsg.Get(lang, "version_dirty")
		}
		fmt.Fprintln(g.text(), versionMsg.Get(lang, "version_commit", rev))
	}
	fmt.Fprintln(g.text(), versionMsg.Get(lang, "version_go", runtime.Version(), runtime.GOOS, runtime.GOARCH))
	if c, err := g.Catalog(); err != nil {
		fmt.Fprintln(g.text(), versionMsg.Get(lang, "version_bad_cat", err))
	} else {
		fmt.Fprintln(g.text(), versionMsg.Get(lang, "version_catalog", c.ID, c.Version))
	}
	fmt.Fprintln(g.text(), versionMsg.Get(lang, "version_schema", model.SchemaVersion))
	return nil
}
