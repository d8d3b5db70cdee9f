package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/render"
)

// Exit codes of tom diff, as diff(1) has them.
const (
	ExitDiffSame    = 0 // no differences
	ExitDiffChanged = 1 // differences found and printed
	ExitDiffTrouble = 2 // a file is missing or invalid, or a usage error
)

// diffMsg holds the strings of tom diff.
var diffMsg = model.Messages{
	"diff_short": {De: "Änderungen zwischen zwei Antwortdateien oder seit einem Datum in Worten", En: "Changes between two answers files, or since a date, in words"},
	"diff_long": {De: `tom diff ALT.json NEU.json zeigt, was sich zwischen zwei Antwortdateien
geändert hat, nach Abschnitten und in Worten (Fragen, Optionen und Daten in
der gewählten Sprache). Beide Dateien müssen zum selben Katalog gehören.

tom diff --since DATUM zeigt die Änderungen aus dem Verlauf der Antwortdatei
(--file) ab DATUM (TT.MM.JJJJ oder JJJJ-MM-TT), je Eintrag mit Datum,
Version, Art, Person und Zusammenfassung.

--format md gibt Markdown zum Einfügen in einen Bericht aus.

Exit-Codes wie bei diff(1): 0 keine Änderungen, 1 Änderungen gefunden,
2 Fehler (Datei fehlt oder ist ungültig, falscher Aufruf).`,
		En: `tom diff OLD.json NEW.json shows what changed between two answers files, by
section and in words (questions, options and dates in the chosen language).
Both files must belong to the same catalogue.

tom diff --since DATE shows the changes recorded in the answers file's history
(--file) on or after DATE (DD.MM.YYYY or YYYY-MM-DD), per entry with date,
version, kind, person and summary.

--format md prints Markdown for pasting into a report.

Exit codes as diff(1) has them: 0 no changes, 1 changes found, 2 trouble
(a file is missing or invalid, usage error).`},
	"diff_flag_since":  {De: "Änderungen aus dem Verlauf ab diesem Datum (TT.MM.JJJJ oder JJJJ-MM-TT)", En: "changes from the history on or after this date (DD.MM.YYYY or YYYY-MM-DD)"},
	"diff_flag_format": {De: "Ausgabeformat: text oder md", En: "output format: text or md"},
	"diff_args":        {De: "zwei Antwortdateien angeben (ALT.json NEU.json) oder --since DATUM", En: "give two answers files (OLD.json NEW.json) or --since DATE"},
	"diff_args_since":  {De: "--since liest den Verlauf von --file; keine Dateien als Argumente angeben", En: "--since reads the history of --file; give no files as arguments"},
	"diff_bad_format":  {De: "--format %q ungültig (text oder md)", En: "--format %q is not valid (text or md)"},
	"diff_bad_date":    {De: "--since %q: kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)", En: "--since %q: not a date (DD.MM.YYYY or YYYY-MM-DD)"},
	"diff_missing":     {De: "%s: Datei nicht gefunden", En: "%s: file not found"},
	"diff_none":        {De: "Keine Änderungen.", En: "No changes."},
	"diff_none_since":  {De: "Keine Einträge im Verlauf seit %s.", En: "No history entries since %s."},
	"diff_entry_none":  {De: "keine Änderungen erfasst", En: "no changes recorded"},
	"diff_title":       {De: "Änderungen von %s zu %s", En: "Changes from %s to %s"},
	"diff_title_since": {De: "Änderungen seit %s", En: "Changes since %s"},
	"diff_entry":       {De: "Version %s vom %s – %s", En: "Version %s of %s – %s"},
	"diff_entry_by":    {De: "Version %s vom %s – %s durch %s", En: "Version %s of %s – %s by %s"},
	"diff_interview":   {De: "Befragung", En: "interview"},
	"diff_review":      {De: "Überprüfung", En: "review"},
}

// diffOptions are the options of tom diff.
type diffOptions struct {
	*Globals // I/O, clock, global flags

	Since  string
	Format string
	Files  []string
}

func newDiffCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &diffOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "diff [ALT.json NEU.json | --since DATUM]",
		Short: diffMsg.Get(lang, "diff_short"),
		Long:  diffMsg.Get(lang, "diff_long"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runDiff(opts)
		},
	}
	if lang == model.En {
		cmd.Use = "diff [OLD.json NEW.json | --since DATE]"
	}
	cmd.Flags().StringVar(&opts.Since, "since", "", diffMsg.Get(lang, "diff_flag_since"))
	cmd.Flags().StringVar(&opts.Format, "format", "text", diffMsg.Get(lang, "diff_flag_format"))
	return cmd
}

// diffUsage is a usage error of tom diff (exit 2).
func diffUsage(lang model.Lang, key string, args ...any) error {
	return usageError{errors.New(diffMsg.Get(lang, key, args...))}
}

// runDiff prints the changes between two files, or since a date, in words.
func runDiff(opts *diffOptions) error {
	g := opts.Globals
	lang := g.Lang(nil)
	if opts.Format != "text" && opts.Format != "md" {
		return diffUsage(lang, "diff_bad_format", opts.Format)
	}
	var since string
	if opts.Since != "" {
		d, err := model.ParseDate(opts.Since)
		if err != nil {
			return diffUsage(lang, "diff_bad_date", opts.Since)
		}
		since = d
		if len(opts.Files) != 0 {
			return diffUsage(lang, "diff_args_since")
		}
	} else if len(opts.Files) != 2 {
		return diffUsage(lang, "diff_args")
	}
	c, err := g.Catalog()
	if err != nil {
		return &ExitError{Code: ExitDiffTrouble, Err: err}
	}
	load := func(path string) (*model.File, error) {
		f, _, err := model.Load(path, c)
		if errors.Is(err, fs.ErrNotExist) {
			err = errors.New(diffMsg.Get(lang, "diff_missing", path))
		}
		return f, err
	}
	var doc *render.Document
	changed := false
	if since != "" {
		f, err := load(g.FilePath())
		if err != nil {
			return &ExitError{Code: ExitDiffTrouble, Err: err}
		}
		lang = g.Lang(f)
		doc, changed = diffSinceDocument(c, f, since, lang)
	} else {
		a, errA := load(opts.Files[0])
		b, errB := load(opts.Files[1])
		if errA != nil || errB != nil {
			for _, err := range []error{errA, errB} {
				if err != nil {
					fmt.Fprintln(g.Err, g.formatErr(err, lang))
				}
			}
			return &ExitError{Code: ExitDiffTrouble}
		}
		lang = g.Lang(b)
		changes := model.Diff(a, b)
		changed = len(changes) > 0
		doc = &render.Document{Lang: lang}
		doc.Blocks = append(doc.Blocks, &render.Heading{Level: 0, Text: model.TerminalLine(diffMsg.Get(lang, "diff_title", diffFileLabel(opts.Files[0], a, lang), diffFileLabel(opts.Files[1], b, lang)))})
		secs := model.DescribeChangesNamed(c, changes, lang, model.RecordNamesOf(c, a, b))
		if len(secs) == 0 {
			doc.Blocks = append(doc.Blocks, diffPara(diffMsg.Get(lang, "diff_none")))
		}
		doc.Blocks = append(doc.Blocks, diffSections(secs, 1)...)
	}
	if err := writeReport(g, doc, opts.Format); err != nil {
		return err
	}
	if changed {
		return &ExitError{Code: ExitDiffChanged}
	}
	return nil
}

// diffFileLabel names a file in the title: its path and its Stand.
func diffFileLabel(path string, f *model.File, lang model.Lang) string {
	if s := f.Stand(); s != "" {
		return path + " (" + model.FormatDate(s, lang) + ")"
	}
	return path
}

// diffPara is a paragraph of text.
func diffPara(s string) *render.Paragraph {
	return &render.Paragraph{Runs: []render.Run{{Text: s}}}
}

// diffSections gives each section's title as a heading of level, and its
// changes as a list.
func diffSections(secs []model.SectionChanges, level int) []render.Block {
	var out []render.Block
	for _, s := range secs {
		l := &render.List{Items: make([]render.ListItem, len(s.Lines))}
		for i, line := range s.Lines {
			l.Items[i].Text = model.TerminalLine(line)
		}
		out = append(out, &render.Heading{Level: level, Text: model.TerminalLine(s.Title)}, l)
	}
	return out
}

// diffSinceDocument lists the history entries dated on or after since and
// reports whether any of them recorded a change.
func diffSinceDocument(c *model.Catalog, f *model.File, since string, lang model.Lang) (*render.Document, bool) {
	doc := &render.Document{Lang: lang}
	doc.Blocks = append(doc.Blocks, &render.Heading{Level: 0, Text: diffMsg.Get(lang, "diff_title_since", model.FormatDate(since, lang))})
	names := model.HistoryRecordNames(c, f)
	changed, found := false, false
	for _, e := range f.History {
		if e.Date < since {
			continue
		}
		found = true
		kind := diffMsg.Get(lang, "diff_"+e.Kind)
		head := diffMsg.Get(lang, "diff_entry", e.Version, model.FormatDate(e.Date, lang), kind)
		if strings.TrimSpace(e.By) != "" {
			head = diffMsg.Get(lang, "diff_entry_by", e.Version, model.FormatDate(e.Date, lang), kind, e.By)
		}
		doc.Blocks = append(doc.Blocks, &render.Heading{Level: 1, Text: model.TerminalLine(head)})
		if s := strings.Join(strings.Fields(e.Summary), " "); s != "" {
			doc.Blocks = append(doc.Blocks, diffPara(model.TerminalLine(s)))
		}
		secs := model.DescribeChangesNamed(c, e.Changes, lang, names)
		if len(secs) == 0 {
			doc.Blocks = append(doc.Blocks, diffPara(diffMsg.Get(lang, "diff_entry_none")))
		}
		doc.Blocks = append(doc.Blocks, diffSections(secs, 2)...)
		changed = changed || len(secs) > 0
	}
	if !found {
		doc.Blocks = append(doc.Blocks, diffPara(diffMsg.Get(lang, "diff_none_since", model.FormatDate(since, lang))))
	}
	return doc, changed
}
