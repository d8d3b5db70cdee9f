package cli

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	json "github.com/goccy/go-json"
	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/render"
)

// Exit codes of tom status, for cron jobs and monitoring checks. 0 is "all
// current"; 1 and 2 keep their general meaning (failure, usage).
const (
	ExitStatusDueSoon    = 3 // the review is due within model.DueSoonDays
	ExitStatusOverdue    = 4 // the review date has passed
	ExitStatusIncomplete = 5 // the interview is not completed
	ExitStatusUnreadable = 6 // the answers file is missing, unreadable or invalid
	ExitStatusFindings   = 7 // current, but the rules found contradictions or gaps
	ExitStatusItemsDue   = 8 // the review is not overdue, but dated items are due (model.Due)
)

// statusRank orders exit codes by urgency (higher: worse), which is not
// their numeric order: unreadable, incomplete, review overdue, items due,
// review due soon, findings, current.
func statusRank(code int) int {
	switch code {
	case ExitStatusUnreadable:
		return 6
	case ExitStatusIncomplete:
		return 5
	case ExitStatusOverdue:
		return 4
	case ExitStatusItemsDue:
		return 3
	case ExitStatusDueSoon:
		return 2
	case ExitStatusFindings:
		return 1
	}
	return 0
}

// statusMsg holds the strings of tom status.
var statusMsg = model.Messages{
	"status_short": {De: "Stand, Vollständigkeit und nächste Überprüfung anzeigen (für cron)", En: "Show state, completeness and next review (for cron)"},
	"status_long": {De: `Zeigt Organisation, Stand, Version, die Vollständigkeit je Abschnitt, offene
Punkte, die letzte und die nächste Überprüfung. Schreibt nie in die Datei.

Mit Antwortdateien als Argumenten (z. B. kunden/*.json) zeigt tom status eine
Zeile je Datei, die dringendste zuerst; --json gibt dann ein Array der
Objekte aus, die tom status für eine Datei ausgibt. Eine unlesbare Datei wird
gemeldet, die anderen werden trotzdem gezeigt. Der Exit-Code ist der des
schlechtesten Zustands.

Exit-Codes (für cron und Monitoring):
  0  alles aktuell
  1  sonstiger Fehler (z. B. Katalog nicht ladbar)
  2  falscher Aufruf
  3  Überprüfung innerhalb von 30 Tagen fällig
  4  Überprüfung überfällig
  5  Befragung unvollständig
  6  Antwortdatei fehlt, ist unlesbar oder ungültig
  7  aktuell, aber Widersprüche oder Hinweise der Plausibilitätsprüfung
     (die Zustände 3 bis 6 und 8 gehen vor)
  8  Punkte fällig: geplante Maßnahmen, Prüfungen (Überprüfung nicht
     überfällig; geht vor 3)

Mit --ical schreibt tom status statt des Berichts einen Kalender (iCalendar,
RFC 5545) mit der nächsten Überprüfung und jedem datierten Punkt.`,
		En: `Shows organisation, "Stand" (as-of date), version, completeness per section,
open items, the last and the next review. Never writes the file.

With answers files as arguments (e.g. clients/*.json) tom status prints one
row per file, the most urgent first; --json then prints an array of the
objects tom status prints for one file. A file that cannot be read is
reported and the others are shown all the same. The exit code is that of
the worst state.

Exit codes (for cron and monitoring):
  0  all current
  1  other failure (e.g. the catalogue cannot be loaded)
  2  usage error
  3  review due within 30 days
  4  review overdue
  5  interview incomplete
  6  answers file missing, unreadable or invalid
  7  current, but the plausibility rules found contradictions or notes
     (states 3 to 6 and 8 come first)
  8  items due: planned measures, checks (the review not overdue; comes
     before 3)

With --ical tom status writes a calendar (iCalendar, RFC 5545) with the next
review and every dated item instead of the report.`},
	"status_flag_json":      {De: "als JSON ausgeben (für Skripte): ein Objekt, mit Dateiargumenten ein Array", En: "print JSON (for scripts): an object, an array with file arguments"},
	"status_example":        {De: "  tom status\n  tom status kunden/*.json\n  tom status kunden/*.json --json", En: "  tom status\n  tom status clients/*.json\n  tom status clients/*.json --json"},
	"status_missing":        {De: "%s: Datei nicht gefunden", En: "%s: file not found"},
	"status_org":            {De: "Organisation", En: "Organisation"},
	"status_stand":          {De: "Stand", En: "As of"},
	"status_version":        {De: "%s (Version %s)", En: "%s (version %s)"},
	"status_last":           {De: "Letzte Prüfung", En: "Last review"},
	"status_next":           {De: "Nächste Prüfung", En: "Next review"},
	"status_open":           {De: "Offene Punkte", En: "Open items"},
	"status_state":          {De: "Zustand", En: "State"},
	"status_sections":       {De: "Vollständigkeit:", En: "Completeness:"},
	"status_due":            {De: "Fällig oder bald fällig:", En: "Due or nearly due:"},
	"status_skipped":        {De: "zurückgestellt", En: "put off"},
	"status_col_section":    {De: "Abschnitt", En: "Section"},
	"status_col_done":       {De: "Erledigt", En: "Done"},
	"status_col_answered":   {De: "Antworten", En: "Answers"},
	"status_none":           {De: "–", En: "–"},
	"status_kind_interview": {De: "%s (Befragung)", En: "%s (interview)"},
	"status_kind_review":    {De: "%s (Überprüfung)", En: "%s (review)"},
	"status_in_days":        {De: "%s (in %d Tagen)", En: "%s (in %d days)"},
	"status_in_day":         {De: "%s (morgen)", En: "%s (tomorrow)"},
	"status_today":          {De: "%s (heute)", En: "%s (today)"},
	"status_ago_day":        {De: "%s (seit 1 Tag überfällig)", En: "%s (1 day overdue)"},
	"status_ago_days":       {De: "%s (seit %d Tagen überfällig)", En: "%s (%d days overdue)"},
	"status_current":        {De: "aktuell", En: "current"},
	"status_due_soon":       {De: "Überprüfung bald fällig", En: "review due soon"},
	"status_overdue":        {De: "Überprüfung überfällig", En: "review overdue"},
	"status_incomplete":     {De: "Befragung unvollständig", En: "interview incomplete"},
	"status_items_due":      {De: "Punkte fällig", En: "items due"},
	"ical_review":           {De: "TOM-Überprüfung fällig: %s", En: "TOM review due: %s"},
	"ical_review_desc":      {De: "Jährliche Überprüfung des TOM-Dokuments: tom review -f %s", En: "Yearly review of the TOM document: tom review -f %s"},
	"ical_item_desc":        {De: "%s\nAntwortdatei: %s", En: "%s\nAnswers file: %s"},
	"status_json_ical":      {De: "--json und --ical gehen nur einzeln", En: "--json and --ical cannot be combined"},
	"status_flag_ical":      {De: "Kalender (iCalendar) mit der nächsten Überprüfung und allen datierten Punkten ausgeben", En: "print a calendar (iCalendar) with the next review and every dated item"},
	"status_unreadable":     {De: "unlesbar", En: "unreadable"},
	"status_hint_review":    {De: "%s – mit „%s“ durchgehen", En: "%s – go through it with \"%s\""},
	"status_hint_interview": {De: "%s – mit „%s“ fortsetzen", En: "%s – continue with \"%s\""},
	"status_col_org":        {De: "Organisation", En: "Organisation"},
	"status_col_file":       {De: "Datei", En: "File"},
	"status_col_state":      {De: "Zustand", En: "State"},
	"status_col_next":       {De: "Nächste Prüfung", En: "Next review"},
	"status_col_days":       {De: "Tage", En: "Days"},
	"status_col_open":       {De: "Offen", En: "Open"},
	"status_findings_key":   {De: "Befunde", En: "Findings"},
	"status_findings":       {De: "aktuell, aber mit Widersprüchen oder Hinweisen", En: "current, but with contradictions or notes"},
	"status_findings_n":     {De: "%d Widersprüche, %d Hinweise", En: "%d contradictions, %d notes"},
	"status_target":         {De: "Soll und Ist:", En: "Target and actual:"},
	"status_findings_h":     {De: "Widersprüche und Hinweise:", En: "Contradictions and notes:"},
	"status_col_findings":   {De: "Befunde", En: "Findings"},
	"status_some_bad":       {De: "%d von %d Antwortdateien konnten nicht gelesen werden", En: "%d of %d answers files could not be read"},
}

// statusOptions are the options of tom status.
type statusOptions struct {
	*Globals // I/O, clock, global flags

	JSON bool
	ICal bool // an iCalendar instead of the report
	// Files are the answers files given as arguments: then the report is
	// one table row (or JSON object) per file. None: the one file of
	// --file, reported in full.
	Files []string
}

func newStatusCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &statusOptions{Globals: g}
	cmd := &cobra.Command{
		Use:     "status [ANTWORTDATEI…]",
		Short:   statusMsg.Get(lang, "status_short"),
		Long:    statusMsg.Get(lang, "status_long"),
		Example: statusMsg.Get(lang, "status_example"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if opts.JSON && opts.ICal {
				return usageError{errors.New(statusMsg.Get(lang, "status_json_ical"))}
			}
			return runStatus(opts)
		},
	}
	if lang == model.En {
		cmd.Use = "status [ANSWERS-FILE…]"
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, statusMsg.Get(lang, "status_flag_json"))
	cmd.Flags().BoolVar(&opts.ICal, "ical", false, statusMsg.Get(lang, "status_flag_ical"))
	return cmd
}

// statusEntry is the state of one answers file.
type statusEntry struct {
	Path string
	Cat  *model.Catalog
	File *model.File // nil when Err is set
	Rep  model.StatusReport
	Code int   // the exit code of this file alone
	Err  error // why the file could not be read
	// NoCatalog: Err says why the file's catalogue could not be had.
	NoCatalog bool
	// Report: the report as text (loadStatus asked for it), or nil.
	Report []byte
}

// loadStatus reads one answers file read-only, with its catalogue, and
// works out its state, and with report its report as text; a catalogue
// that cannot be had makes the file unreadable.
func loadStatus(g *Globals, path string, report bool) statusEntry {
	// The state and the report are worked out while the file is validated
	// (nothing else uses g meanwhile).
	today := g.Today()
	var (
		r   model.StatusReport
		out []byte
	)
	l := g.loadWithCatalog(path, nil, func(c *model.Catalog, f *model.File) {
		r = model.Status(c, f, today)
		if report {
			out = render.WriteText(statusReport(g, c, f, r))
		}
	})
	if l.CatErr != nil {
		return statusEntry{Path: path, Code: ExitStatusUnreadable, Err: l.CatErr, NoCatalog: true}
	}
	c, f, err := l.Cat, l.File, l.Err
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = errors.New(statusMsg.Get(g.Lang(nil), "status_missing", path))
		}
		return statusEntry{Path: path, Cat: c, Code: ExitStatusUnreadable, Err: err}
	}
	return statusEntry{Path: path, Cat: c, File: f, Rep: r, Code: statusExitCode(r.State), Report: out}
}

// statusReport is the report on one answers file: its state, then target
// and actual.
func statusReport(g *Globals, c *model.Catalog, f *model.File, r model.StatusReport) *render.Document {
	doc := statusDocument(r, g.Lang(f), g.nextFunc())
	addTargetActual(doc, c, f, g.Lang(f))
	return doc
}

// json is the entry as `tom status --json` prints it.
func (e statusEntry) json(g *Globals) statusJSON {
	if e.Err != nil {
		lang := g.Lang(nil)
		msg := model.ErrorIn(e.Err, lang)
		return statusJSON{File: e.Path, State: "unreadable", ExitCode: e.Code, Sections: []statusSectionJSON{}, DueItems: []statusDueJSON{}, Findings: []statusFindingJSON{}, Error: &msg}
	}
	return statusToJSON(e.Path, e.Cat, e.File, e.Rep, e.Code, g.Lang(e.File))
}

// runStatus reports how current the answers files are, read-only; the exit
// code carries the worst state.
func runStatus(opts *statusOptions) error {
	g := opts.Globals
	if len(opts.Files) == 0 && !opts.ICal {
		e := loadStatus(g, g.FilePath(), !opts.JSON)
		if e.NoCatalog {
			return &ExitError{Code: ExitFailure, Err: e.Err}
		}
		return runStatusOne(g, opts, e)
	}
	// Each file is read with its own workspace's catalogue; one that
	// cannot be had makes that file unreadable, not the whole run.
	paths := opts.Files
	if len(paths) == 0 {
		paths = []string{g.FilePath()} // --ical for the one file
	}
	entries := make([]statusEntry, 0, len(paths))
	for _, path := range paths {
		entries = append(entries, loadStatus(g, path, false))
	}
	if opts.ICal {
		return runStatusICal(g, entries)
	}
	return runStatusMany(g, opts, entries)
}

// runStatusICal writes one calendar with every file's next review and dated
// items (model.Dated). It exits 0 once the calendar is written, or 6 when a
// file could not be read (the others are still in the calendar).
func runStatusICal(g *Globals, entries []statusEntry) error {
	ver, _, _ := buildVersion()
	var events []icalEvent
	bad := 0
	for _, e := range entries {
		if e.Err != nil {
			bad++
			fmt.Fprintln(g.Err, g.formatErr(e.Err, g.Lang(nil)))
			continue
		}
		events = append(events, statusEvents(e, g.Lang(e.File), g.Today())...)
	}
	if err := writeICal(g.Out, g.Now(), ver, events); err != nil {
		return err
	}
	if bad > 0 {
		return &ExitError{Code: ExitStatusUnreadable}
	}
	return nil
}

// statusEvents are the calendar events of one file: the next review and
// every dated item, each with a UID made from the organisation and the
// item's identity.
func statusEvents(e statusEntry, l model.Lang, today string) []icalEvent {
	org := e.Rep.Organisation
	if org == "" {
		org = e.Path
	}
	var out []icalEvent
	if e.Rep.NextReview != "" {
		out = append(out, icalEvent{
			UID:         icalUID(org, "review"),
			Date:        e.Rep.NextReview,
			Summary:     statusMsg.Get(l, "ical_review", org),
			Description: statusMsg.Get(l, "ical_review_desc", shellQuote(e.Path)),
		})
	}
	words := model.NewDueWords(l)
	for _, d := range model.Dated(e.Cat, e.File, today) {
		field := ""
		if d.Field != nil {
			field = d.Field.ID
		}
		text := words.Describe(d)
		out = append(out, icalEvent{
			UID:         icalUID(org, d.Kind, d.ID, d.Record, field),
			Date:        d.DueOn,
			Summary:     org + ": " + text,
			Description: statusMsg.Get(l, "ical_item_desc", text, e.Path),
		})
	}
	return out
}

// runStatusOne prints the full report of one file.
func runStatusOne(g *Globals, opts *statusOptions, e statusEntry) error {
	if opts.JSON {
		if err := writeStatusJSON(g, e.json(g)); err != nil {
			return err
		}
	}
	if e.Err != nil {
		return &ExitError{Code: e.Code, Err: e.Err}
	}
	if !opts.JSON {
		if _, err := g.text().Write(e.Report); err != nil {
			return err
		}
	}
	if e.Code == ExitOK {
		return nil
	}
	return &ExitError{Code: e.Code}
}

// runStatusMany prints one table row (or JSON object) per file, the most
// urgent first; files that cannot be read are reported on standard error
// and listed as unreadable. The exit code is the worst state's.
func runStatusMany(g *Globals, opts *statusOptions, entries []statusEntry) error {
	sortStatus(entries)
	lang := g.Lang(nil)
	worst, bad := ExitOK, 0
	for _, e := range entries {
		if statusRank(e.Code) > statusRank(worst) {
			worst = e.Code
		}
		if e.Err != nil {
			bad++
			fmt.Fprintln(g.Err, g.formatErr(e.Err, lang))
		}
	}
	if opts.JSON {
		out := make([]statusJSON, 0, len(entries))
		for _, e := range entries {
			out = append(out, e.json(g))
		}
		if err := writeStatusJSON(g, out); err != nil {
			return err
		}
	} else if err := writeReport(g, statusTable(entries, lang), "text"); err != nil {
		return err
	}
	if bad > 0 {
		return &ExitError{Code: worst, Err: errors.New(statusMsg.Get(lang, "status_some_bad", bad, len(entries)))}
	}
	if worst == ExitOK {
		return nil
	}
	return &ExitError{Code: worst}
}

// sortStatus orders entries by urgency: the worse state first (the exit
// codes rank them: unreadable, incomplete, overdue, due soon, current),
// then the nearer review date, then the file name.
func sortStatus(entries []statusEntry) {
	slices.SortStableFunc(entries, func(a, b statusEntry) int {
		if a.Code != b.Code {
			return cmp.Compare(statusRank(b.Code), statusRank(a.Code))
		}
		ad, bd := a.Rep.NextReview != "", b.Rep.NextReview != ""
		switch {
		case ad && bd && a.Rep.DaysLeft != b.Rep.DaysLeft:
			return cmp.Compare(a.Rep.DaysLeft, b.Rep.DaysLeft)
		case ad != bd:
			if ad {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Path, b.Path)
	})
}

// statusTable is the overview of several files: one row per client, with
// its number of findings.
func statusTable(entries []statusEntry, l model.Lang) *render.Document {
	none := statusMsg.Get(l, "status_none")
	t := &render.Table{Header: []string{
		statusMsg.Get(l, "status_col_org"), statusMsg.Get(l, "status_col_file"), statusMsg.Get(l, "status_col_state"),
		statusMsg.Get(l, "status_col_next"), statusMsg.Get(l, "status_col_days"), statusMsg.Get(l, "status_col_open"),
		statusMsg.Get(l, "status_col_findings"),
	}, Whole: []bool{false, true, false, true}} // file name, next review date
	for _, e := range entries {
		if e.Err != nil {
			t.Rows = append(t.Rows, []string{none, model.TerminalLine(e.Path), statusMsg.Get(l, "status_unreadable"), none, none, none, none})
			continue
		}
		r := e.Rep
		org, next, days := none, none, none
		if r.Organisation != "" {
			org = model.TerminalLine(r.Organisation)
		}
		if r.NextReview != "" {
			next, days = model.FormatDate(r.NextReview, l), fmt.Sprint(r.DaysLeft)
		}
		t.Rows = append(t.Rows, []string{org, model.TerminalLine(e.Path), statusMsg.Get(l, "status_"+string(r.State)), next, days, fmt.Sprint(r.OpenItems), fmt.Sprint(len(r.Findings))})
	}
	return &render.Document{Lang: l, Blocks: []render.Block{t}}
}

// statusExitCode maps a review state to the documented exit code.
func statusExitCode(s model.ReviewState) int {
	switch s {
	case model.ReviewDueSoon:
		return ExitStatusDueSoon
	case model.ReviewOverdue:
		return ExitStatusOverdue
	case model.ReviewIncomplete:
		return ExitStatusIncomplete
	case model.ReviewFindings:
		return ExitStatusFindings
	case model.ReviewItemsDue:
		return ExitStatusItemsDue
	}
	return ExitOK
}

// addTargetActual adds the target-vs-actual overview of the document's
// chapter "Soll und Ist" (render.TargetActual) to the report, under its
// heading; nothing when the catalogue asks for no protection need.
func addTargetActual(doc *render.Document, c *model.Catalog, f *model.File, l model.Lang) {
	if c == nil || f == nil {
		return
	}
	blocks := render.TargetActual(c, f, l)
	if blocks == nil {
		return
	}
	doc.Blocks = append(doc.Blocks, &render.Paragraph{Style: render.StyleLabel, Runs: []render.Run{{Text: statusMsg.Get(l, "status_target")}}})
	doc.Blocks = append(doc.Blocks, blocks...)
}

// statusDocument is the report for people: the state as label/value rows,
// the completeness of each section as a table, the due items as a list.
func statusDocument(r model.StatusReport, l model.Lang, hint model.NextFunc) *render.Document {
	none := statusMsg.Get(l, "status_none")
	orDash := func(s string) string {
		if s == "" {
			return none
		}
		return s
	}
	stand := none
	if r.Stand != "" {
		stand = model.FormatDate(r.Stand, l)
		if r.Version != "" {
			stand = statusMsg.Get(l, "status_version", stand, model.TerminalLine(r.Version))
		}
	}
	last := none
	if r.LastReview != "" {
		last = statusMsg.Get(l, "status_kind_"+r.LastReviewKind, model.FormatDate(r.LastReview, l))
	}
	next := none
	if r.NextReview != "" {
		d := model.FormatDate(r.NextReview, l)
		switch {
		case r.DaysLeft > 1:
			next = statusMsg.Get(l, "status_in_days", d, r.DaysLeft)
		case r.DaysLeft == 1:
			next = statusMsg.Get(l, "status_in_day", d)
		case r.DaysLeft == 0:
			next = statusMsg.Get(l, "status_today", d)
		case r.DaysLeft == -1:
			next = statusMsg.Get(l, "status_ago_day", d)
		default:
			next = statusMsg.Get(l, "status_ago_days", d, -r.DaysLeft)
		}
	}
	contra, warn := model.CountFindings(r.Findings)
	doc := &render.Document{Lang: l}
	doc.Blocks = append(doc.Blocks, &render.KeyValue{Rows: []render.KV{
		{Key: statusMsg.Get(l, "status_org"), Value: orDash(model.TerminalLine(r.Organisation))},
		{Key: statusMsg.Get(l, "status_stand"), Value: stand},
		{Key: statusMsg.Get(l, "status_last"), Value: last},
		{Key: statusMsg.Get(l, "status_next"), Value: next},
		{Key: statusMsg.Get(l, "status_open"), Value: fmt.Sprint(r.OpenItems)},
		{Key: statusMsg.Get(l, "status_findings_key"), Value: statusMsg.Get(l, "status_findings_n", contra, warn)},
		{Key: statusMsg.Get(l, "status_state"), Value: statusState(r.State, l, hint)},
	}})
	t := &render.Table{Header: []string{statusMsg.Get(l, "status_col_section"), statusMsg.Get(l, "status_col_done"), statusMsg.Get(l, "status_col_answered")}}
	for _, s := range r.Sections {
		answered := fmt.Sprintf("%d/%d", s.Answered, s.Total)
		if s.Skipped {
			answered += " " + statusMsg.Get(l, "status_skipped")
		}
		t.Rows = append(t.Rows, []string{s.Section.Title.In(l), fmt.Sprintf("%s %d %%", statusBar(s.Percent(), 10), s.Percent()), answered})
	}
	doc.Blocks = append(doc.Blocks, &render.Paragraph{Style: render.StyleLabel, Runs: []render.Run{{Text: statusMsg.Get(l, "status_sections")}}}, t)
	if len(r.Due) > 0 {
		list := &render.List{}
		list.Items = make([]render.ListItem, len(r.Due))
		// A long list is worded in two halves at once.
		word := func(from, to int) {
			words := model.NewDueWords(l) // each kind of sentence worded once
			for i := from; i < to; i++ {
				list.Items[i] = render.ListItem{Text: model.TerminalLine(words.Describe(r.Due[i]))}
			}
		}
		if half := len(r.Due) / 2; half >= 200 {
			var wg sync.WaitGroup
			wg.Go(func() { word(half, len(r.Due)) })
			word(0, half)
			wg.Wait()
		} else {
			word(0, len(r.Due))
		}
		doc.Blocks = append(doc.Blocks, &render.Paragraph{Style: render.StyleLabel, Runs: []render.Run{{Text: statusMsg.Get(l, "status_due")}}}, list)
	}
	if len(r.Findings) > 0 {
		list := &render.List{}
		for _, fd := range r.Findings {
			list.Items = append(list.Items, render.ListItem{Text: model.TerminalLine(model.FindingLine(fd, l))})
		}
		doc.Blocks = append(doc.Blocks, &render.Paragraph{Style: render.StyleLabel, Runs: []render.Run{{Text: statusMsg.Get(l, "status_findings_h")}}}, list)
	}
	return doc
}

// statusState names a state with the command that deals with it, spelled
// with the options the user gave.
func statusState(s model.ReviewState, l model.Lang, next model.NextFunc) string {
	label := statusMsg.Get(l, "status_"+string(s))
	switch s {
	case model.ReviewDueSoon, model.ReviewOverdue, model.ReviewItemsDue:
		return statusMsg.Get(l, "status_hint_review", label, next("review"))
	case model.ReviewIncomplete:
		return statusMsg.Get(l, "status_hint_interview", label, next("interview"))
	}
	return label
}

// statusBar draws a percentage as [####......] in ASCII, readable without
// colour and on any terminal.
func statusBar(percent, width int) string {
	n := percent * width / 100
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

// statusJSON is the stable shape of `tom status --json`. Every key is always
// present; unknown values are null.
type statusJSON struct {
	File                 string              `json:"file"`
	State                string              `json:"state"`
	ReviewState          *string             `json:"review_state"`
	ExitCode             int                 `json:"exit_code"`
	Organisation         *string             `json:"organisation"`
	Stand                *string             `json:"stand"`
	Version              *string             `json:"version"`
	Catalog              *model.CatalogRef   `json:"catalog"`
	Complete             bool                `json:"complete"`
	Sections             []statusSectionJSON `json:"sections"`
	OpenItems            int                 `json:"open_items"`
	DueItems             []statusDueJSON     `json:"due_items"`
	Findings             []statusFindingJSON `json:"findings"`
	LastReview           *string             `json:"last_review"`
	LastReviewKind       *string             `json:"last_review_kind"`
	NextReview           *string             `json:"next_review"`
	DaysUntilReview      *int                `json:"days_until_review"`
	ReviewIntervalMonths *int                `json:"review_interval_months"`
	Error                *string             `json:"error"`
}

type statusSectionJSON struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Answered int    `json:"answered"`
	Total    int    `json:"total"`
	Percent  int    `json:"percent"`
	State    string `json:"state"`
	Skipped  bool   `json:"skipped"`
}

// statusFindingJSON is one finding of the plausibility rules; date is the
// end of support it concerns, if any.
type statusFindingJSON struct {
	Rule     string  `json:"rule"`
	Severity string  `json:"severity"`
	Section  *string `json:"section"`
	Date     *string `json:"date"`
	Text     string  `json:"text"`
}

type statusDueJSON struct {
	Kind    string  `json:"kind"`
	Section string  `json:"section"`
	ID      string  `json:"id"`
	Record  *string `json:"record"`
	Field   *string `json:"field"`
	Date    string  `json:"date"`
	Due     string  `json:"due"`
	Overdue bool    `json:"overdue"`
	Text    string  `json:"text"`
}

func statusToJSON(path string, c *model.Catalog, f *model.File, r model.StatusReport, code int, l model.Lang) statusJSON {
	str := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	out := statusJSON{
		File:                 path,
		State:                string(r.State),
		ReviewState:          str(string(r.Review)),
		ExitCode:             code,
		Organisation:         str(r.Organisation),
		Stand:                str(r.Stand),
		Version:              str(r.Version),
		Catalog:              &model.CatalogRef{ID: c.ID, Version: c.Version},
		Complete:             r.Complete,
		Sections:             []statusSectionJSON{},
		OpenItems:            r.OpenItems,
		DueItems:             []statusDueJSON{},
		Findings:             []statusFindingJSON{},
		LastReview:           str(r.LastReview),
		LastReviewKind:       str(r.LastReviewKind),
		NextReview:           str(r.NextReview),
		ReviewIntervalMonths: &r.IntervalMonths,
	}
	if r.NextReview != "" {
		out.DaysUntilReview = &r.DaysLeft
	}
	states := map[model.SectionState]string{model.StateOpen: "open", model.StatePartial: "partial", model.StateDone: "done"}
	for _, s := range r.Sections {
		out.Sections = append(out.Sections, statusSectionJSON{ID: s.Section.ID, Title: s.Section.Title.In(l), Answered: s.Answered, Total: s.Total, Percent: s.Percent(), State: states[s.State], Skipped: s.Skipped})
	}
	words := model.NewDueWords(l)
	for _, d := range r.Due {
		j := statusDueJSON{Kind: d.Kind, Section: d.Section.ID, ID: d.ID, Date: d.Date, Due: d.DueOn, Overdue: d.Overdue, Text: words.Describe(d)}
		if d.Kind == model.DueCheck {
			j.Record, j.Field = str(d.Record), str(d.Field.ID)
		}
		out.DueItems = append(out.DueItems, j)
	}
	for _, fd := range r.Findings {
		j := statusFindingJSON{Rule: fd.Rule.ID, Severity: fd.Severity, Date: str(fd.Date), Text: fd.Text.In(l)}
		if fd.Section != nil {
			j.Section = str(fd.Section.ID)
		}
		out.Findings = append(out.Findings, j)
	}
	return out
}

func writeStatusJSON(g *Globals, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return g.writeJSON(buf.Bytes())
}
