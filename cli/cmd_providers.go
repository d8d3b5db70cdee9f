package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	json "github.com/goccy/go-json"
	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// providersMsg holds the strings of tom providers.
var providersMsg = model.Messages{
	"providers_short": {De: "Verzeichnis bekannter Dienstleister anzeigen und durchsuchen", En: "List and search the directory of common service providers"},
	"providers_long": {De: `Zeigt das mitgelieferte Verzeichnis bekannter Dienstleister kleiner Unternehmen
(Hosting, Domains, E-Mail, Buchhaltung, Banken, …) mit Anschrift, Kategorie und
Quelle. Mit TEXT nur die Einträge, deren Name, Marke, Kategorie oder Ort TEXT enthält
(Groß-/Kleinschreibung und Umlaute egal: „munchen“ findet „München“).

Eigene Einträge: --directory DATEI (mehrfach möglich) fügt ein eigenes
Verzeichnis hinzu; ein Eintrag mit derselben ID ersetzt den mitgelieferten.
Das Format steht in questionnaires/FORMAT.md.

Exit-Code 1, wenn kein Eintrag passt.`,
		En: `Shows the shipped directory of common service providers of small businesses
(hosting, domains, e-mail, accounting, banks, …) with address, category and
source. With TEXT only the entries whose name, brand, category or city contains TEXT
(case and umlaut spelling do not matter: "munchen" finds "München").

Own entries: --directory FILE (may be repeated) adds a directory of your own;
an entry with the same ID replaces the shipped one. The format is described in
questionnaires/FORMAT.md.

Exit code 1 when no entry matches.`},
	"providers_flag_json":      {De: "als JSON-Liste ausgeben (für Skripte)", En: "print a JSON array (for scripts)"},
	"providers_flag_directory": {De: "eigene Verzeichnisdatei hinzufügen (mehrfach möglich)", En: "add a directory file of your own (may be repeated)"},
	"providers_none":           {De: "Kein Dienstleister passt zu „%s“.", En: "No service provider matches \"%s\"."},
	"providers_missing":        {De: "%s: Datei nicht gefunden", En: "%s: file not found"},
}

// providersOptions are the options of tom providers.
type providersOptions struct {
	*Globals // I/O, clock, global flags

	Directories []string // --directory, in order
	JSON        bool
	Text        string // the search text; "" lists everything
}

func newProvidersCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &providersOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "providers [TEXT]",
		Short: providersMsg.Get(lang, "providers_short"),
		Long:  providersMsg.Get(lang, "providers_long"),
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Text = args[0]
			}
			return runProviders(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, providersMsg.Get(lang, "providers_flag_json"))
	cmd.Flags().StringArrayVar(&opts.Directories, "directory", nil, providersMsg.Get(lang, "providers_flag_directory"))
	return cmd
}

// runProviders loads the directory (shipped and own files) and prints the
// entries that match the search text, one a line or as JSON.
func runProviders(opts *providersOptions) error {
	lang := opts.Lang(nil)
	c, err := opts.Catalog()
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	d, err := loadDirectory(opts.Globals, c, lang, opts.Directories)
	if err != nil {
		return err
	}
	found := d.Find(opts.Text, lang)
	if opts.JSON {
		return writeProvidersJSON(opts.Globals, d, found, lang)
	}
	if len(found) == 0 {
		return &ExitError{Code: ExitFailure, Err: errors.New(providersMsg.Get(lang, "providers_none", opts.Text))}
	}
	idw := 0
	for _, e := range found {
		idw = max(idw, utf8.RuneCountInString(e.ID))
	}
	for _, e := range found {
		cat := ""
		if o := d.Category(e); o != nil {
			cat = o.Label.In(lang)
		}
		name := d.Name(e)
		var aka []string
		for _, b := range e.Brands {
			if !strings.Contains(strings.ToLower(name), strings.ToLower(b)) {
				aka = append(aka, b)
			}
		}
		if len(aka) > 0 {
			name += " (" + strings.Join(aka, ", ") + ")"
		}
		parts := []string{name, cat, e.Address.Postcode + " " + e.Address.City}
		for i := range parts {
			parts[i] = model.TerminalLine(parts[i])
		}
		if e.Address.Country != "DE" {
			parts[2] += " (" + model.CountryName(e.Address.Country, lang) + ")"
		}
		if cat == "" {
			parts = append(parts[:1], parts[2])
		}
		pad := strings.Repeat(" ", idw-utf8.RuneCountInString(e.ID))
		if _, err := fmt.Fprintf(opts.text(), "%s%s  %s\n", model.TerminalLine(e.ID), pad, strings.Join(parts, " · ")); err != nil {
			return err
		}
	}
	return nil
}

// providerJSON is one entry of tom providers --json.
type providerJSON struct {
	ID            string         `json:"id"`
	Name          string         `json:"name"`
	Category      string         `json:"category,omitempty"`
	CategoryLabel string         `json:"category_label,omitempty"`
	Brands        []string       `json:"brands,omitempty"`
	Address       model.Address  `json:"address"`
	Fields        map[string]any `json:"fields"`
	Source        []string       `json:"source"`
	Checked       string         `json:"checked"`
	Origin        string         `json:"origin"`
}

func writeProvidersJSON(g *Globals, d *model.Directory, es []*model.DirectoryEntry, l model.Lang) error {
	out := make([]providerJSON, 0, len(es))
	for _, e := range es {
		p := providerJSON{ID: e.ID, Name: d.Name(e), Brands: e.Brands, Address: e.Address, Fields: map[string]any{}, Source: e.Source, Checked: e.Checked, Origin: e.Origin}
		if o := d.Category(e); o != nil {
			p.Category, p.CategoryLabel = o.ID, o.Label.In(l)
		}
		for k, v := range e.Fields {
			p.Fields[k] = v.Any()
		}
		out = append(out, p)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return g.writeJSON(append(b, '\n'))
}

// loadDirectory returns the provider directory: the shipped one, the
// workspace's directory file (tom.toml) and then the files in extra, a later
// entry replacing an earlier one with the same ID. Errors are *ExitError.
func loadDirectory(g *Globals, c *model.Catalog, lang model.Lang, extra []string) (*model.Directory, error) {
	dirs, err := directoryFiles(g, extra)
	if err != nil {
		return nil, err
	}
	d, err := questionnaires.LoadDirectory(c, dirs...)
	return d, directoryError(lang, err)
}

// directoryFiles returns the directory files merged into the shipped
// directory: the workspace's, then extra. Errors are *ExitError.
func directoryFiles(g *Globals, extra []string) ([]string, error) {
	ws, err := g.wsFor(g.FilePath())
	if err != nil {
		return nil, &ExitError{Code: ExitFailure, Err: err}
	}
	if ws != nil && ws.Directory != "" {
		return append([]string{ws.Directory}, extra...), nil
	}
	return extra, nil
}

// directoryError words an error of questionnaires.LoadDirectory in
// language l as an *ExitError (nil stays nil).
func directoryError(lang model.Lang, err error) error {
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
			err = errors.New(providersMsg.Get(lang, "providers_missing", pe.Path))
		}
		return &ExitError{Code: ExitFailure, Err: err}
	}
	return nil
}
