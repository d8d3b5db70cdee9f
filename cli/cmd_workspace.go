package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/render"
	"github.com/tom-dsgvo/tom/workspace"
)

// workspaceMsg holds the strings of tom workspace.
var workspaceMsg = model.Messages{
	"ws_short": {De: "Arbeitsbereich (tom.toml) anlegen und anzeigen", En: "Create and show the workspace (tom.toml)"},
	"ws_long": {De: `Ein Arbeitsbereich ist eine Datei tom.toml in einem Ordner mit Antwortdateien (z. B. denen
aller Kunden). Sie gilt für diesen Ordner und alle Ordner darunter; die nächstgelegene zählt.
Sie legt fest: den Katalog (Pfad oder ID des mitgelieferten), ein eigenes Dienstleister-
verzeichnis, die Standardsprache, das Prüfintervall neuer Antwortdateien, wer die Dokumente
erstellt („Erstellt von“) und das Aussehen der Dokumente (Logo, Name, Anschrift, Kontakt,
Akzentfarbe, Fußzeile, eigener Einleitungstext).

Vorrang: Option (--catalog, --lang) vor Umgebungsvariable (TOM_CATALOG, TOM_LANG) vor
tom.toml vor der Voreinstellung.`,
		En: `A workspace is a file tom.toml in a folder of answers files (e.g. those of all clients).
It applies to that folder and every folder below; the nearest one counts. It sets the
catalogue (a path, or the ID of the shipped one), a provider directory of your own, the
default language, the review interval of new answers files, who prepares the documents
("Prepared by") and how the documents look (logo, name, address, contact, accent colour,
footer, an introduction text of your own).

Precedence: option (--catalog, --lang) over environment variable (TOM_CATALOG, TOM_LANG)
over tom.toml over the default.`},
	"ws_init_short":  {De: "kommentierte Beispieldatei tom.toml anlegen", En: "write a commented example tom.toml"},
	"ws_show_short":  {De: "zeigen, was für eine Antwortdatei gilt und woher jeder Wert kommt", En: "show what applies to an answers file and where each value comes from"},
	"ws_flag_force":  {De: "vorhandene tom.toml überschreiben", En: "overwrite an existing tom.toml"},
	"ws_exists":      {De: "%s gibt es schon (mit --force überschreiben)", En: "%s exists already (overwrite with --force)"},
	"ws_created":     {De: "angelegt: %s", En: "created %s"},
	"ws_none":        {De: "keiner (keine tom.toml in %s oder darüber)", En: "none (no tom.toml in %s or above)"},
	"ws_file":        {De: "Antwortdatei", En: "Answers file"},
	"ws_workspace":   {De: "Arbeitsbereich", En: "Workspace"},
	"ws_catalog":     {De: "Katalog", En: "Catalogue"},
	"ws_directory":   {De: "Dienstleisterverzeichnis", En: "Provider directory"},
	"ws_language":    {De: "Sprache", En: "Language"},
	"ws_interval":    {De: "Prüfintervall", En: "Review interval"},
	"ws_prepared":    {De: "Erstellt von", En: "Prepared by"},
	"ws_logo":        {De: "Logo", En: "Logo"},
	"ws_name":        {De: "Name", En: "Name"},
	"ws_address":     {De: "Anschrift", En: "Address"},
	"ws_contact":     {De: "Kontakt", En: "Contact"},
	"ws_accent":      {De: "Akzentfarbe", En: "Accent colour"},
	"ws_footer":      {De: "Fußzeile", En: "Footer"},
	"ws_intro":       {De: "Einleitung (%s)", En: "Introduction (%s)"},
	"ws_months":      {De: "%d Monate", En: "%d months"},
	"ws_from":        {De: "%s  (aus %s)", En: "%s  (from %s)"},
	"ws_default":     {De: "%s  (Voreinstellung)", En: "%s  (default)"},
	"ws_shipped":     {De: "mitgelieferter Katalog %s %s", En: "shipped catalogue %s %s"},
	"ws_not_set":     {De: "–", En: "–"},
	"ws_per_file":    {De: "aus der Antwortdatei, sonst 12 Monate (Voreinstellung)", En: "from the answers file, else 12 months (default)"},
	"ws_from_answer": {De: "die Antwort im Fragebogen, sonst %s", En: "the answer in the questionnaire, else %s"},
	"ws_example": {De: `# tom.toml – Einstellungen für alle Antwortdateien in diesem Ordner und darunter.
# Relative Pfade gelten ab diesem Ordner. Jede Zeile ist optional.
# Vorrang: Option (--catalog, --lang) > Umgebung (TOM_CATALOG, TOM_LANG) > tom.toml > Voreinstellung.

# Katalog: Pfad zu einer Katalogdatei oder die ID des mitgelieferten Katalogs.
# catalog = "kataloge/mein-katalog.json"

# Eigenes Dienstleisterverzeichnis (Format wie tom providers --directory).
# directory = "dienstleister.json"

# Sprache neuer Antwortdateien und der Meldungen: "de" oder "en".
# language = "de"

# Prüfintervall neuer Antwortdateien in Monaten (1 bis 120).
# review_interval_months = 12

# „Erstellt von“ auf dem Deckblatt, wenn die Antwortdatei es nicht sagt.
# prepared_by = "Erika Muster, Muster Datenschutzberatung"

[branding]
# Logo: PNG oder JPEG, höchstens 1 MB und 4096 Pixel je Richtung; oben rechts auf dem Deckblatt.
# logo = "logo.png"
# name = "Muster Datenschutzberatung"
# address = """
# Musterstraße 1
# 12345 Musterstadt"""
# contact = "Tel. 01234 56789 · beratung@example.org"
# Akzentfarbe (#rrggbb) für Linie und Namen auf dem Deckblatt.
# accent = "#1a5fb4"
# Fußzeile auf jeder Seite außer dem Deckblatt.
# footer = "Muster Datenschutzberatung · vertraulich"

[branding.intro]
# Ein eigener Absatz vor der Einleitung, in beiden Sprachen.
# de = "Dieses Dokument wurde mit Ihnen im Rahmen unserer Beratung erstellt."
# en = "We prepared this document with you as part of our consultancy."
`, En: `# tom.toml – settings for every answers file in this folder and below.
# Relative paths start at this folder. Every line is optional.
# Precedence: option (--catalog, --lang) > environment (TOM_CATALOG, TOM_LANG) > tom.toml > default.

# Catalogue: the path of a catalogue file, or the ID of the shipped catalogue.
# catalog = "catalogues/my-catalogue.json"

# A provider directory of your own (same format as tom providers --directory).
# directory = "providers.json"

# Language of new answers files and of messages: "de" or "en".
# language = "en"

# Review interval of new answers files in months (1 to 120).
# review_interval_months = 12

# "Prepared by" on the cover when the answers file does not say.
# prepared_by = "Erika Muster, Muster Privacy Consulting"

[branding]
# Logo: PNG or JPEG, at most 1 MB and 4096 pixels either way; top right on the cover.
# logo = "logo.png"
# name = "Muster Privacy Consulting"
# address = """
# 1 Example Street
# 12345 Example Town"""
# contact = "Phone 01234 56789 · consulting@example.org"
# Accent colour (#rrggbb) of the rule and the name on the cover.
# accent = "#1a5fb4"
# Footer on every page but the cover.
# footer = "Muster Privacy Consulting · confidential"

[branding.intro]
# A paragraph of your own before the introduction, in both languages.
# de = "Dieses Dokument wurde mit Ihnen im Rahmen unserer Beratung erstellt."
# en = "We prepared this document with you as part of our consultancy."
`},
}

// workspaceInitOptions are the options of tom workspace init.
type workspaceInitOptions struct {
	Dir   string // where tom.toml goes
	Force bool
}

// workspaceShowOptions are the options of tom workspace show.
type workspaceShowOptions struct {
	File string // the answers file; "" is --file
}

func newWorkspaceCmd(g *Globals, lang model.Lang) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "workspace",
		Short: workspaceMsg.Get(lang, "ws_short"),
		Long:  workspaceMsg.Get(lang, "ws_long"),
		Args:  cobra.NoArgs,
	}
	initOpts := &workspaceInitOptions{}
	initCmd := &cobra.Command{
		Use:   "init [ORDNER]",
		Short: workspaceMsg.Get(lang, "ws_init_short"),
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			initOpts.Dir = "."
			if len(args) == 1 {
				initOpts.Dir = args[0]
			}
			return runWorkspaceInit(g, initOpts)
		},
	}
	if lang == model.En {
		initCmd.Use = "init [FOLDER]"
	}
	initCmd.Flags().BoolVar(&initOpts.Force, "force", false, workspaceMsg.Get(lang, "ws_flag_force"))
	showOpts := &workspaceShowOptions{}
	showCmd := &cobra.Command{
		Use:   "show [ANTWORTDATEI]",
		Short: workspaceMsg.Get(lang, "ws_show_short"),
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				showOpts.File = args[0]
			}
			return runWorkspaceShow(g, showOpts)
		},
	}
	if lang == model.En {
		showCmd.Use = "show [ANSWERS-FILE]"
	}
	cmd.AddCommand(initCmd, showCmd)
	return cmd
}

// runWorkspaceInit writes the commented example, in the user's language.
func runWorkspaceInit(g *Globals, opts *workspaceInitOptions) error {
	lang := g.Lang(nil)
	path := filepath.Join(opts.Dir, workspace.FileName)
	if _, err := os.Lstat(path); err == nil && !opts.Force {
		return &ExitError{Code: ExitFailure, Err: errors.New(workspaceMsg.Get(lang, "ws_exists", path))}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	if err := model.WriteFileAtomic(path, []byte(workspaceMsg.Get(lang, "ws_example")), 0o600); err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	fmt.Fprintln(g.text(), workspaceMsg.Get(lang, "ws_created", path))
	return nil
}

// runWorkspaceShow prints every setting that applies to the answers file
// and where it comes from.
func runWorkspaceShow(g *Globals, opts *workspaceShowOptions) error {
	path := opts.File
	if path == "" {
		path = g.FilePath()
	}
	l := g.langFor(path)
	ws, err := g.wsFor(path)
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	m := func(key string, args ...any) string { return workspaceMsg.Get(l, key, args...) }
	src := func(s setting) string {
		switch {
		case s.Source == "":
			return m("ws_default", s.Value)
		default:
			return m("ws_from", shortPath(s.Value), shortPath(s.Source))
		}
	}
	none := m("ws_not_set")
	fromWS := func(v string) string {
		if v == "" {
			return none
		}
		return m("ws_from", model.TerminalLine(v), shortPath(ws.Path))
	}
	rows := []render.KV{{Key: m("ws_file"), Value: path}}
	dir, _ := filepath.Abs(filepath.Dir(path))
	if ws == nil {
		rows = append(rows, render.KV{Key: m("ws_workspace"), Value: m("ws_none", dir)})
		ws = &workspace.Workspace{}
	} else {
		rows = append(rows, render.KV{Key: m("ws_workspace"), Value: shortPath(ws.Path)})
	}
	cs, err := g.catalogSetting(path)
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	cat, err := g.CatalogFor(path)
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	if cs.Value == "" {
		cs.Value = m("ws_shipped", cat.ID, cat.Version)
	}
	rows = append(rows, render.KV{Key: m("ws_catalog"), Value: src(cs)})
	dirV := none
	if ws.Directory != "" {
		dirV = fromWS(shortPath(ws.Directory))
	}
	rows = append(rows, render.KV{Key: m("ws_directory"), Value: dirV})
	langV := src(g.langSetting(path))
	if g.LangFlag != "" {
		langV = m("ws_from", g.LangFlag, "--lang")
	}
	rows = append(rows, render.KV{Key: m("ws_language"), Value: langV})
	interval := m("ws_per_file")
	if ws.ReviewIntervalMonths > 0 {
		interval = fromWS(m("ws_months", ws.ReviewIntervalMonths))
	}
	rows = append(rows, render.KV{Key: m("ws_interval"), Value: interval})
	prep := none
	if ws.PreparedBy != "" {
		prep = m("ws_from_answer", fromWS(ws.PreparedBy))
	}
	b := ws.Branding
	rows = append(rows,
		render.KV{Key: m("ws_prepared"), Value: prep},
		render.KV{Key: m("ws_logo"), Value: fromWS(shortPath(b.Logo))},
		render.KV{Key: m("ws_name"), Value: fromWS(b.Name)},
		render.KV{Key: m("ws_address"), Value: fromWS(b.Address)},
		render.KV{Key: m("ws_contact"), Value: fromWS(b.Contact)},
		render.KV{Key: m("ws_accent"), Value: fromWS(b.Accent)},
		render.KV{Key: m("ws_footer"), Value: fromWS(b.Footer)},
		render.KV{Key: m("ws_intro", "de"), Value: fromWS(b.Intro.De)},
		render.KV{Key: m("ws_intro", "en"), Value: fromWS(b.Intro.En)},
	)
	for i := range rows {
		rows[i].Value = model.TerminalLine(rows[i].Value)
	}
	return writeReport(g, &render.Document{Lang: l, Blocks: []render.Block{&render.KeyValue{Rows: rows}}}, "text")
}

// shortPath shows an absolute path below the working folder relative to
// it; anything else as it is.
func shortPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return rel
}
