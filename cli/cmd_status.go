package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

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
)

// statusMsg holds the strings of tom status.
var statusMsg = model.Messages{
	"status_short": {De: "Stand, Vollständigkeit und nächste Überprüfung anzeigen (für cron)", En: "Show state, completeness and next review (for cron)"},
	"status_long": {De: `Zeigt Organisation, Stand, Version, die Vollständigkeit je Abschnitt, offene
Punkte, die letzte und die nächste Überprüfung. Schreibt nie in die Datei.

Exit-Codes (für cron und Monitoring):
  0  alles aktuell
  1  sonstiger Fehler (z. B. Katalog nicht ladbar)
  2  falscher Aufruf
  3  Überprüfung innerhalb von 30 Tagen fällig
  4  Überprüfung überfällig
  5  Befragung unvollständig
  6  Antwortdatei fehlt, ist unlesbar oder ungültig`,
		En: `Shows organisation, "Stand" (as-of date), version, completeness per section,
open items, the last and the next review. Never writes the file.

Exit codes (for cron and monitoring):
  0  all current
  1  other failure (e.g. the catalogue cannot be loaded)
  2  usage error
  3  review due within 30 days
  4  review overdue
  5  interview incomplete
  6  answers file missing, unreadable or invalid`},
	"status_flag_json":      {De: "als JSON-Objekt ausgeben (für Skripte)", En: "print a JSON object (for scripts)"},
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
	"status_due_soon":       {De: "Überprüfung bald fällig – mit „tom review“ durchgehen", En: "review due soon – go through it with \"tom review\""},
	"status_overdue":        {De: "Überprüfung überfällig – mit „tom review“ durchgehen", En: "review overdue – go through it with \"tom review\""},
	"status_incomplete":     {De: "Befragung unvollständig – mit „tom interview“ fortsetzen", En: "interview incomplete – continue with \"tom interview\""},
}

// statusOptions are the options of tom status.
type statusOptions struct {
	JSON bool
}

func newStatusCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &statusOptions{}
	cmd := &cobra.Command{
		Use:   "status",
		Short: statusMsg.Get(lang, "status_short"),
		Long:  statusMsg.Get(lang, "status_long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStatus(g, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, statusMsg.Get(lang, "status_flag_json"))
	return cmd
}

// runStatus loads the answers file read-only and reports how current it is;
// the exit code carries the state.
func runStatus(g *Globals, opts *statusOptions) error {
	c, err := g.Catalog()
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	path := g.FilePath()
	f, _, err := model.Load(path, c)
	if err != nil {
		lang := g.Lang(nil)
		if errors.Is(err, fs.ErrNotExist) {
			err = errors.New(statusMsg.Get(lang, "status_missing", path))
		}
		if opts.JSON {
			msg := err.Error()
			var le *model.LoadError
			if errors.As(err, &le) {
				msg = le.Format(lang)
			}
			if werr := writeStatusJSON(g, statusJSON{File: path, State: "unreadable", ExitCode: ExitStatusUnreadable, Sections: []statusSectionJSON{}, DueItems: []statusDueJSON{}, Error: &msg}); werr != nil {
				return werr
			}
		}
		return &ExitError{Code: ExitStatusUnreadable, Err: err}
	}
	lang := g.Lang(f)
	r := model.Status(c, f, g.Today())
	code := statusExitCode(r.State)
	if opts.JSON {
		if err := writeStatusJSON(g, statusToJSON(path, c, f, r, code, lang)); err != nil {
			return err
		}
	} else {
		if err := writeReport(g, statusDocument(r, lang), "text"); err != nil {
			return err
		}
	}
	if code == ExitOK {
		return nil
	}
	return &ExitError{Code: code}
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
	}
	return ExitOK
}

// statusDocument is the report for people: the state as label/value rows,
// the completeness of each section as a table, the due items as a list.
func statusDocument(r model.StatusReport, l model.Lang) *render.Document {
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
	doc := &render.Document{Lang: l}
	doc.Blocks = append(doc.Blocks, &render.KeyValue{Rows: []render.KV{
		{Key: statusMsg.Get(l, "status_org"), Value: orDash(model.TerminalLine(r.Organisation))},
		{Key: statusMsg.Get(l, "status_stand"), Value: stand},
		{Key: statusMsg.Get(l, "status_last"), Value: last},
		{Key: statusMsg.Get(l, "status_next"), Value: next},
		{Key: statusMsg.Get(l, "status_open"), Value: fmt.Sprint(r.OpenItems)},
		{Key: statusMsg.Get(l, "status_state"), Value: statusMsg.Get(l, "status_"+string(r.State))},
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
		for _, d := range r.Due {
			list.Items = append(list.Items, render.ListItem{Text: model.TerminalLine(model.DescribeDue(d, l))})
		}
		doc.Blocks = append(doc.Blocks, &render.Paragraph{Style: render.StyleLabel, Runs: []render.Run{{Text: statusMsg.Get(l, "status_due")}}}, list)
	}
	return doc
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
	ExitCode             int                 `json:"exit_code"`
	Organisation         *string             `json:"organisation"`
	Stand                *string             `json:"stand"`
	Version              *string             `json:"version"`
	Catalog              *model.CatalogRef   `json:"catalog"`
	Complete             bool                `json:"complete"`
	Sections             []statusSectionJSON `json:"sections"`
	OpenItems            int                 `json:"open_items"`
	DueItems             []statusDueJSON     `json:"due_items"`
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
		ExitCode:             code,
		Organisation:         str(r.Organisation),
		Stand:                str(r.Stand),
		Version:              str(r.Version),
		Catalog:              &model.CatalogRef{ID: c.ID, Version: c.Version},
		Complete:             r.Complete,
		Sections:             []statusSectionJSON{},
		OpenItems:            r.OpenItems,
		DueItems:             []statusDueJSON{},
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
	for _, d := range r.Due {
		j := statusDueJSON{Kind: d.Kind, Section: d.Section.ID, ID: d.ID, Date: d.Date, Due: d.DueOn, Overdue: d.Overdue, Text: model.DescribeDue(d, l)}
		if d.Kind == model.DueCheck {
			j.Record, j.Field = str(d.Record), str(d.Field.ID)
		}
		out.DueItems = append(out.DueItems, j)
	}
	return out
}

func writeStatusJSON(g *Globals, v statusJSON) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return g.writeJSON(buf.Bytes())
}
