package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/render"
)

// validateMsg holds the strings of tom validate.
var validateMsg = model.Messages{
	"validate_short":       {De: "Antwortdatei prüfen (schreibt nie)", En: "Check the answers file (never writes)"},
	"validate_long":        {De: "Prüft die Antwortdatei (oder jede angegebene Datei) gegen den Katalog. Exit-Code 0: gültig (Widersprüche und Hinweise der Plausibilitätsprüfung werden als Warnung gezeigt), 1: Fehler (einer pro Zeile, mit Zeile, Spalte und JSON-Pfad) oder, mit --strict, Befunde der Plausibilitätsprüfung, 2: falscher Aufruf. Eine ungültige Datei hält die übrigen nicht auf.\nDie Datei wird dabei nie verändert.", En: "Checks the answers file (or each file given) against the catalogue. Exit code 0: valid (contradictions and notes from the plausibility rules are shown as warnings), 1: errors (one a line, with line, column and JSON path) or, with --strict, findings of the plausibility rules, 2: usage error. An invalid file does not stop the others.\nThe file is never changed."},
	"validate_ok":          {De: "%s ist gültig (Katalog %s %s).", En: "%s is valid (catalogue %s %s)."},
	"validate_migrated":    {De: "Hinweis: mit Katalog-Version %s beantwortet; beim nächsten Speichern wird die Datei auf Version %s umgestellt.", En: "Note: answered with catalogue version %s; the next save moves the file to version %s."},
	"validate_renamed":     {De: "  umbenannt: %s → %s", En: "  renamed: %s → %s"},
	"validate_hidden":      {De: "Hinweis: der Katalog blendet beantwortete Einträge aus; beim nächsten Speichern werden ihre Antworten unter „retired“ aufbewahrt.", En: "Note: the catalogue hides answered items; the next save keeps their answers under \"retired\"."},
	"validate_removed":     {De: "  entfallen (wird unter „retired“ aufbewahrt): %s", En: "  removed (kept under \"retired\"): %s"},
	"validate_new":         {De: "  neu im Katalog: %s", En: "  new in the catalogue: %s"},
	"validate_some_bad":    {De: "%d von %d Antwortdateien sind ungültig", En: "%d of %d answers files are not valid"},
	"validate_example":     {De: "  tom validate\n  tom validate kunden/*.json", En: "  tom validate\n  tom validate clients/*.json"},
	"validate_findings":    {De: "%d Widersprüche und %d Hinweise der Plausibilitätsprüfung:", En: "%d contradictions and %d notes from the plausibility rules:"},
	"validate_strict":      {De: "%s: %d Befunde (--strict)", En: "%s: %d findings (--strict)"},
	"validate_flag_strict": {De: "Widersprüche und Hinweise der Plausibilitätsprüfung als Fehler werten (Exit-Code 1)", En: "treat contradictions and notes from the plausibility rules as errors (exit code 1)"},
	"validate_missing":     {De: "%s: Datei nicht gefunden (neu anlegen mit: %s)", En: "%s: file not found (create it with: %s)"},
}

// validateOptions are the options of tom validate.
type validateOptions struct {
	*Globals // I/O, clock, global flags

	Files  []string // answers files given as arguments; none: --file
	Strict bool     // findings of the plausibility rules fail the file
}

func newValidateCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &validateOptions{Globals: g}
	cmd := &cobra.Command{
		Use:     "validate [ANTWORTDATEI…]",
		Short:   validateMsg.Get(lang, "validate_short"),
		Long:    validateMsg.Get(lang, "validate_long"),
		Example: validateMsg.Get(lang, "validate_example"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runValidate(opts)
		},
	}
	if lang == model.En {
		cmd.Use = "validate [ANSWERS-FILE…]"
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, validateMsg.Get(lang, "validate_flag_strict"))
	return cmd
}

// runValidate loads each answers file read-only and reports what is wrong;
// an invalid file does not stop the others, and the exit code is then 1.
func runValidate(opts *validateOptions) error {
	g := opts.Globals
	lang := g.Lang(nil)
	files := opts.Files
	if len(files) == 0 {
		return validateOne(g, g.FilePath(), nextCommand(g, "init"), opts.Strict)
	}
	failed := 0
	for _, path := range files {
		if err := validateOne(g, path, nextCommandFile(g, "init", path), opts.Strict); err != nil {
			failed++
			var ee *ExitError
			if errors.As(err, &ee) {
				err = ee.Err
			}
			fmt.Fprintln(g.Err, g.formatErr(err, lang))
		}
	}
	if failed == 0 {
		return nil
	}
	if len(files) > 1 {
		return &ExitError{Code: ExitFailure, Err: errors.New(validateMsg.Get(lang, "validate_some_bad", failed, len(files)))}
	}
	return &ExitError{Code: ExitFailure}
}

// validateOne checks one file with its catalogue; create is the command
// that would create it. The findings of the catalogue's rules are warnings,
// errors when strict.
func validateOne(g *Globals, path, create string, strict bool) error {
	// The rules' findings are worked out while the file is validated.
	today := g.Today()
	var found []model.Finding
	l := g.loadWithCatalog(path, nil, func(c *model.Catalog, f *model.File) { found = model.Findings(c, f, today) })
	if l.CatErr != nil {
		return &ExitError{Code: ExitFailure, Err: l.CatErr}
	}
	c, f, mig, err := l.Cat, l.File, l.Mig, l.Err
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = errors.New(validateMsg.Get(g.Lang(nil), "validate_missing", path, create))
		}
		return &ExitError{Code: ExitFailure, Err: err}
	}
	lang := g.Lang(f)
	fmt.Fprintln(g.text(), validateMsg.Get(lang, "validate_ok", path, c.ID, c.Version))
	if !mig.Empty() {
		fmt.Fprint(g.text(), migrationNote(mig, lang))
	}
	if len(found) == 0 {
		return nil
	}
	contra, warn := model.CountFindings(found)
	doc := &render.Document{Lang: lang}
	list := &render.List{}
	for _, fd := range found {
		list.Items = append(list.Items, render.ListItem{Text: model.TerminalLine(model.FindingLine(fd, lang))})
	}
	doc.Blocks = append(doc.Blocks, &render.Paragraph{Style: render.StyleLabel, Runs: []render.Run{{Text: validateMsg.Get(lang, "validate_findings", contra, warn)}}}, list)
	if err := writeReport(g, doc, "text"); err != nil {
		return err
	}
	if strict {
		return &ExitError{Code: ExitFailure, Err: errors.New(validateMsg.Get(lang, "validate_strict", path, len(found)))}
	}
	return nil
}

// migrationNote describes an in-memory migration, one line per change.
func migrationNote(m *model.Migration, lang model.Lang) string {
	var b strings.Builder
	if m.From != m.To {
		fmt.Fprintln(&b, validateMsg.Get(lang, "validate_migrated", m.From, m.To))
	} else {
		fmt.Fprintln(&b, validateMsg.Get(lang, "validate_hidden"))
	}
	for _, old := range slices.Sorted(maps.Keys(m.Renamed)) {
		fmt.Fprintln(&b, validateMsg.Get(lang, "validate_renamed", old, m.Renamed[old]))
	}
	for _, id := range m.Removed {
		fmt.Fprintln(&b, validateMsg.Get(lang, "validate_removed", id))
	}
	if len(m.New) > 0 {
		fmt.Fprintln(&b, validateMsg.Get(lang, "validate_new", strings.Join(m.New, ", ")))
	}
	return b.String()
}
