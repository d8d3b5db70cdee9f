package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
)

// initMsg holds the strings of tom init.
var initMsg = model.Messages{
	"init_short":      {De: "Neue Antwortdatei anlegen", En: "Create a new answers file"},
	"init_long":       {De: "Legt eine neue, leere Antwortdatei an (Standard: ./tom.json, Dateirechte 0600).\nEine vorhandene Datei wird nur mit --force überschrieben.\n\nMit --from ANDERE.json werden die Antworten einer anderen Datei zu Vorgaben für\nden nächsten Kunden. Nicht übernommen werden: alle Fragen des Abschnitts mit dem\nNamen des Unternehmens, Anschrift, Geltungsbereich, Ersteller, Befragte,\nAnsprechpartner, Unterschrift, das Personenverzeichnis, alle E-Mail-, Telefon-,\nWeb- und Datumsfragen, jedes Datumsfeld in Einträgen, Termine geplanter\nMaßnahmen und wer ein Risiko übernommen hat, Prüfergebnisse, Fortschritt und\nVerlauf. Alles Übrige (auch Dienstleister und Geräte) bitte prüfen.", En: "Creates a new, empty answers file (default ./tom.json, mode 0600).\nAn existing file is only overwritten with --force.\n\nWith --from OTHER.json another file's answers become the defaults for the next\nclient. Not taken over: every question of the section holding the business's\nname, the address, scope, preparer, respondent, contact person, signature, the\npeople register, every e-mail, phone, web and date question, every date field of\nan entry, the dates of planned measures and who accepted a risk, scan results,\nprogress and history. Check everything else (providers and devices too)."},
	"init_flag_org":   {De: "Name des Unternehmens", En: "name of the business"},
	"init_flag_from":  {De: "Antworten einer anderen Datei als Vorgaben übernehmen (ohne Organisation, Personen, Kontaktdaten, Daten, Verlauf)", En: "take another file's answers as defaults (without organisation, people, contact data, dates, history)"},
	"init_from":       {De: "Vorgaben aus %s übernommen: %d Antworten, %d Maßnahmen. Nicht übernommen: Organisation, Personen, Kontaktdaten, alle Daten, Prüfergebnisse, Fortschritt und Verlauf.", En: "Defaults taken from %s: %d answers, %d measures. Not taken: organisation, people, contact data, all dates, scan results, progress and history."},
	"init_flag_force": {De: "eine vorhandene Datei überschreiben", En: "overwrite an existing file"},
	"init_exists":     {De: "%s gibt es schon; zum Überschreiben --force angeben (die bisherigen Antworten gehen dann verloren)", En: "%s already exists; pass --force to overwrite it (its answers are then lost)"},
	"init_no_org":     {De: "der Katalog %s hat keine Frage mit der Rolle %s; --org geht mit diesem Katalog nicht", En: "catalogue %s has no question with the role %s; --org does not work with this catalogue"},
	"init_bad_org":    {De: "--org: %s", En: "--org: %s"},
	"init_invalid":    {De: "interner Fehler: die neue Datei wäre ungültig: %s", En: "internal error: the new file would not be valid: %s"},
	"init_created":    {De: "%s angelegt (Katalog %s %s, Sprache %s).", En: "Created %s (catalogue %s %s, language %s)."},
	"init_org":        {De: "Unternehmen: %s", En: "Business: %s"},
	"init_next":       {De: "Weiter mit: %s", En: "Next step: %s"},
}

// initOptions are the options of tom init.
type initOptions struct {
	*Globals // I/O, clock, global flags

	Org   string
	Force bool
	From  string // --from: another answers file whose answers become defaults
}

func newInitCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &initOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "init",
		Short: initMsg.Get(lang, "init_short"),
		Long:  initMsg.Get(lang, "init_long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInit(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Org, "org", "", initMsg.Get(lang, "init_flag_org"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, initMsg.Get(lang, "init_flag_force"))
	cmd.Flags().StringVar(&opts.From, "from", "", initMsg.Get(lang, "init_flag_from"))
	return cmd
}

// runInit creates the answers file under the file's lock.
func runInit(opts *initOptions) error {
	g := opts.Globals
	lang := g.Lang(nil)
	c, err := g.Catalog()
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	f := model.NewFile(c, lang)
	if opts.From != "" {
		src, _, err := model.Load(opts.From, c)
		if err != nil {
			return &ExitError{Code: ExitFailure, Err: err}
		}
		lang = g.Lang(src)
		f = model.Template(c, src, lang)
	}
	if ws, err := g.wsFor(g.FilePath()); err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	} else if ws != nil && ws.ReviewIntervalMonths > 0 {
		f.Review.IntervalMonths = ws.ReviewIntervalMonths
	}
	if opts.Org != "" {
		q := c.QuestionByRole(model.RoleOrganisationName)
		if q == nil {
			return usageError{errors.New(initMsg.Get(lang, "init_no_org", c.ID, model.RoleOrganisationName))}
		}
		v, key := model.CheckInput(q.Kind, opts.Org)
		if key != "" {
			return usageError{errors.New(initMsg.Get(lang, "init_bad_org", model.Msg.Get(lang, key)))}
		}
		f.Set(q.ID, model.String(v))
	}
	if probs := model.Validate(c, f); len(probs) > 0 {
		return errors.New(initMsg.Get(lang, "init_invalid", probs[0].Message(lang)))
	}
	path := g.FilePath()
	lock, err := model.AcquireLock(path)
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	defer lock.Release()
	if note := lock.RemovedNote(lang, path); note != "" {
		fmt.Fprintln(g.Err, note)
	}
	if _, err := os.Lstat(path); err == nil && !opts.Force {
		return &ExitError{Code: ExitFailure, Err: errors.New(initMsg.Get(lang, "init_exists", path))}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	if err := model.Save(path, f); err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	fmt.Fprintln(g.text(), initMsg.Get(lang, "init_created", path, c.ID, c.Version, lang))
	if opts.From != "" {
		fmt.Fprintln(g.text(), initMsg.Get(lang, "init_from", opts.From, len(f.Answers), len(f.Measures)+len(f.OwnMeasures)))
	}
	if opts.Org != "" {
		fmt.Fprintln(g.text(), initMsg.Get(lang, "init_org", model.OrganisationName(c, f)))
	}
	fmt.Fprintln(g.text(), initMsg.Get(lang, "init_next", nextCommand(g, "interview")))
	return nil
}

// nextCommand spells the tom command line for sub with the same file and
// catalogue flags the user gave, so that it can be copied as is.
func nextCommand(g *Globals, sub string) string {
	if g.Terminal != nil {
		return remoteNext(g, sub)
	}
	s := "tom " + sub
	if g.File != "" {
		s += " -f " + shellQuote(g.File)
	}
	if g.CatalogPath != "" {
		s += " --catalog " + shellQuote(g.CatalogPath)
	}
	return s
}

// nextCommandFile is nextCommand for a file named as an argument.
func nextCommandFile(g *Globals, sub, path string) string {
	h := *g
	h.File = path
	return nextCommand(&h, sub)
}

// nextFunc is nextCommand for the interview and review front ends.
func (g *Globals) nextFunc() model.NextFunc {
	return func(sub string) string { return nextCommand(g, sub) }
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '/' || r == '-' || r == '_' || r == '+' || r == ':' || r == ',' || r == '@') {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	out := "'"
	for _, r := range s {
		if r == '\'' {
			out += `'\''`
		} else {
			out += string(r)
		}
	}
	return out + "'"
}
