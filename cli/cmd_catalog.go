package cli

import (
	"bytes"
	"fmt"
	"strings"

	json "github.com/goccy/go-json"
	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
	"github.com/tom-dsgvo/tom/render"
)

// catalogMsg holds the strings of tom catalog.
var catalogMsg = model.Messages{
	"catalog_short":       {De: "Fragenkatalog anzeigen (alle Fragen und Maßnahmen)", En: "Print the catalogue (every question and measure)"},
	"catalog_long":        {De: "Gibt den Fragenkatalog in der gewählten Sprache aus: als lesbare Gliederung (text), als Markdown (md) oder als JSON-Quelle (json).", En: "Prints the catalogue in the chosen language: as a readable outline (text), as Markdown (md) or as its JSON source (json)."},
	"catalog_flag_format": {De: "Ausgabeformat: text, json oder md", En: "output format: text, json or md"},
	"catalog_flag_check":  {De: "die Katalogdatei DATEI prüfen (auch eine Erweiterung mit \"extends\"): Probleme mit Zeile und Spalte, Exit-Code 1", En: "check the catalogue file FILE (an overlay with \"extends\" too): problems with line and column, exit code 1"},
	"catalog_check_ok":    {De: "%s ist gültig: Katalog %s, Version %s – %s", En: "%s is valid: catalogue %s, version %s – %s"},
	"catalog_bad_format":  {De: "unbekanntes Format %q (text, json oder md)", En: "unknown format %q (text, json or md)"},
	"catalog_id":          {De: "Katalog %s, Version %s", En: "Catalogue %s, version %s"},
	"catalog_goal":        {De: "Ziel: %s", En: "Goal: %s"},
	"catalog_when":        {De: "nur wenn %s", En: "only if %s"},
	"catalog_required":    {De: "Pflichtangabe", En: "required"},
	"catalog_options":     {De: "Optionen:", En: "Options:"},
	"catalog_fields":      {De: "Felder je Eintrag (%s):", En: "Fields of each entry (%s):"},
	"catalog_param":       {De: "Parameter %s: %s (%s)", En: "parameter %s: %s (%s)"},
	"catalog_measures":    {De: "Maßnahmen (T = technisch, O = organisatorisch):", En: "Measures (T = technical, O = organisational):"},
	"catalog_counts":      {De: "%d Abschnitte, %d Fragen, %d Maßnahmen (%d technisch, %d organisatorisch)", En: "%d sections, %d questions, %d measures (%d technical, %d organisational)"},
	"catalog_crypto":      {De: "Verschlüsselung", En: "encryption"},
	"catalog_pseudo":      {De: "Pseudonymisierung", En: "pseudonymisation"},
	"catalog_since":       {De: "seit %s", En: "since %s"},
	"section_general":     {De: "allgemein", En: "general"},
	"section_control":     {De: "Maßnahmen", En: "measures"},
	"section_register":    {De: "Verzeichnis", En: "register"},
	"kind_yesno":          {De: "Ja/Nein", En: "yes/no"},
	"kind_choice":         {De: "Auswahl", En: "choice"},
	"kind_multichoice":    {De: "Mehrfachauswahl", En: "multiple choice"},
	"kind_text":           {De: "Text", En: "text"},
	"kind_textarea":       {De: "mehrzeiliger Text", En: "multi-line text"},
	"kind_date":           {De: "Datum", En: "date"},
	"kind_email":          {De: "E-Mail", En: "e-mail"},
	"kind_url":            {De: "Web-Adresse", En: "web address"},
	"kind_phone":          {De: "Telefon", En: "phone"},
	"kind_records":        {De: "Liste von Einträgen", En: "list of entries"},
	"cond_yes":            {De: "ja", En: "yes"},
	"cond_no":             {De: "nein", En: "no"},
	"cond_equals":         {De: "%s = %s", En: "%s = %s"},
	"cond_in":             {De: "%s ist eines von %s", En: "%s is one of %s"},
	"cond_includes":       {De: "%s enthält %s", En: "%s includes %s"},
	"cond_answered":       {De: "%s beantwortet", En: "%s answered"},
	"cond_unanswered":     {De: "%s nicht beantwortet", En: "%s not answered"},
	"cond_and":            {De: " und ", En: " and "},
	"cond_or":             {De: " oder ", En: " or "},
	"cond_not":            {De: "nicht (%s)", En: "not (%s)"},
}

// catalogOptions are the options of tom catalog.
type catalogOptions struct {
	*Globals // I/O, clock, global flags

	Format string
	Check  string // --check FILE: check this catalogue file and say so
}

func newCatalogCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &catalogOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: catalogMsg.Get(lang, "catalog_short"),
		Long:  catalogMsg.Get(lang, "catalog_long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCatalog(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", catalogMsg.Get(lang, "catalog_flag_format"))
	cmd.Flags().StringVar(&opts.Check, "check", "", catalogMsg.Get(lang, "catalog_flag_check"))
	return cmd
}

// runCatalog prints the catalogue in the requested format.
func runCatalog(opts *catalogOptions) error {
	g := opts.Globals
	lang := g.Lang(nil)
	switch opts.Format {
	case "text", "md", "json":
	default:
		return usageError{fmt.Errorf("%s", catalogMsg.Get(lang, "catalog_bad_format", opts.Format))}
	}
	if opts.Check != "" {
		c, err := questionnaires.Load(opts.Check)
		if err != nil {
			return &ExitError{Code: ExitFailure, Err: err}
		}
		fmt.Fprintln(g.text(), catalogMsg.Get(lang, "catalog_check_ok", opts.Check, c.ID, c.Version, countCatalog(c).line(lang)))
		return nil
	}
	c, err := g.Catalog()
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	switch opts.Format {
	case "json":
		data := questionnaires.StandardJSON()
		if cs, _ := g.catalogSetting(g.FilePath()); cs.Value != "" && !questionnaires.IsShippedID(cs.Value) {
			if data, err = catalogJSON(c); err != nil {
				return err
			}
		}
		return g.writeJSON(data)
	}
	return writeReport(g, catalogDocument(c, lang), opts.Format)
}

// catalogJSON re-encodes a loaded catalogue: indented, no HTML escaping.
func catalogJSON(c *model.Catalog) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// catalogCounts counts sections, questions and measures by type.
type catalogCounts struct {
	Sections, Questions, Measures, Technical, Organisational int
}

func countCatalog(c *model.Catalog) catalogCounts {
	n := catalogCounts{Sections: len(c.Sections)}
	for _, s := range c.Sections {
		n.Questions += len(s.Questions)
		for _, m := range s.Measures {
			n.Measures++
			if m.Type == model.Technical {
				n.Technical++
			} else {
				n.Organisational++
			}
		}
	}
	return n
}

func (n catalogCounts) line(lang model.Lang) string {
	return catalogMsg.Get(lang, "catalog_counts", n.Sections, n.Questions, n.Measures, n.Technical, n.Organisational)
}

// typeMark is the one-letter marker of a measure type in the user's language.
func typeMark(m *model.Measure) string {
	if m.Type == model.Technical {
		return "T"
	}
	return "O"
}

// questionMeta lists a question's ID, kind and flags, joined by " · ".
func questionMeta(id, kind string, required bool, when *model.Condition, since string, lang model.Lang) string {
	parts := []string{id, catalogMsg.Get(lang, "kind_"+kind)}
	if required {
		parts = append(parts, catalogMsg.Get(lang, "catalog_required"))
	}
	if when != nil {
		parts = append(parts, catalogMsg.Get(lang, "catalog_when", condText(when, lang)))
	}
	if since != "" {
		parts = append(parts, catalogMsg.Get(lang, "catalog_since", since))
	}
	return strings.Join(parts, " · ")
}

func measureMeta(m *model.Measure, lang model.Lang) string {
	parts := []string{m.ID}
	if m.Crypto {
		parts = append(parts, catalogMsg.Get(lang, "catalog_crypto"))
	}
	if m.Pseudo {
		parts = append(parts, catalogMsg.Get(lang, "catalog_pseudo"))
	}
	if m.When != nil {
		parts = append(parts, catalogMsg.Get(lang, "catalog_when", condText(m.When, lang)))
	}
	if m.Since != "" {
		parts = append(parts, catalogMsg.Get(lang, "catalog_since", m.Since))
	}
	return strings.Join(parts, " · ")
}

// condText spells a condition for people, by question and option IDs.
func condText(c *model.Condition, lang model.Lang) string {
	join := func(subs []*model.Condition, sep string) string {
		parts := make([]string, 0, len(subs))
		for _, s := range subs {
			t := condText(s, lang)
			if len(s.All)+len(s.Any) > 0 {
				t = "(" + t + ")"
			}
			parts = append(parts, t)
		}
		return strings.Join(parts, catalogMsg.Get(lang, sep))
	}
	switch {
	case c == nil:
		return ""
	case len(c.All) > 0:
		return join(c.All, "cond_and")
	case len(c.Any) > 0:
		return join(c.Any, "cond_or")
	case c.Not != nil:
		return catalogMsg.Get(lang, "cond_not", condText(c.Not, lang))
	}
	id := c.Question
	if id == "" {
		id = c.Field
	}
	switch {
	case c.Answered != nil && *c.Answered:
		return catalogMsg.Get(lang, "cond_answered", id)
	case c.Answered != nil:
		return catalogMsg.Get(lang, "cond_unanswered", id)
	case len(c.In) > 0:
		return catalogMsg.Get(lang, "cond_in", id, strings.Join(c.In, ", "))
	case c.Includes != "":
		return catalogMsg.Get(lang, "cond_includes", id, c.Includes)
	}
	switch v := c.Equals.(type) {
	case bool:
		if v {
			return catalogMsg.Get(lang, "cond_equals", id, catalogMsg.Get(lang, "cond_yes"))
		}
		return catalogMsg.Get(lang, "cond_equals", id, catalogMsg.Get(lang, "cond_no"))
	default:
		return catalogMsg.Get(lang, "cond_equals", id, fmt.Sprint(v))
	}
}

// sectionHeading is a section's title with its kind, group and legal basis.
func sectionHeading(c *model.Catalog, s *model.Section, lang model.Lang) string {
	h := s.Title.In(lang)
	if g := c.Group(s.Group); g != nil {
		h += " — " + g.Title.In(lang) + ", " + g.Legal.In(lang)
	}
	return h
}

// catalogDocument is the catalogue as a document: a heading per section
// and question, their IDs, kinds and conditions as small print, options,
// fields and measures as lists.
func catalogDocument(c *model.Catalog, lang model.Lang) *render.Document {
	doc := &render.Document{Lang: lang}
	add := func(b ...render.Block) { doc.Blocks = append(doc.Blocks, b...) }
	para := func(style, text string) {
		if text != "" {
			add(&render.Paragraph{Style: style, Runs: []render.Run{{Text: text}}})
		}
	}
	add(&render.Heading{Level: 0, Text: c.Title.In(lang)})
	para(render.StyleBody, catalogMsg.Get(lang, "catalog_id", c.ID, c.Version))
	for i, s := range c.Sections {
		add(&render.Heading{Level: 1, Number: fmt.Sprintf("%d.", i+1), Text: sectionHeading(c, s, lang)})
		para(render.StyleSmall, questionMetaSection(s, lang))
		if !s.Goal.IsZero() {
			add(&render.Paragraph{Runs: []render.Run{{Text: catalogMsg.Get(lang, "catalog_goal", s.Goal.In(lang)), Bold: true}}})
		}
		para(render.StyleBody, s.Help.In(lang))
		for j, q := range s.Questions {
			add(&render.Heading{Level: 2, Number: fmt.Sprintf("%d.%d", i+1, j+1), Text: q.Title.In(lang)})
			meta := questionMeta(q.ID, q.Kind, q.Required, q.When, q.Since, lang)
			if q.Kind == model.KindRecords {
				meta += " (" + q.Item.In(lang) + ")"
			}
			para(render.StyleSmall, meta)
			para(render.StyleBody, q.Help.In(lang))
			if len(q.Options) > 0 {
				para(render.StyleLabel, catalogMsg.Get(lang, "catalog_options"))
				l := &render.List{}
				for _, o := range q.Options {
					l.Items = append(l.Items, render.ListItem{Text: o.ID + ": " + o.Label.In(lang)})
				}
				add(l)
			}
			if len(q.Fields) > 0 {
				para(render.StyleLabel, catalogMsg.Get(lang, "catalog_fields", q.Item.In(lang)))
				l := &render.List{}
				for _, f := range q.Fields {
					l.Items = append(l.Items, render.ListItem{Text: f.Label.In(lang) + " [" + questionMeta(f.ID, f.Kind, f.Required, f.When, "", lang) + "]"})
					if h := f.Help.In(lang); h != "" {
						l.Items = append(l.Items, render.ListItem{Text: h, Level: 1})
					}
					if len(f.Options) > 0 {
						opts := make([]string, len(f.Options))
						for k, o := range f.Options {
							opts[k] = o.ID + " (" + o.Label.In(lang) + ")"
						}
						l.Items = append(l.Items, render.ListItem{Text: catalogMsg.Get(lang, "catalog_options") + " " + strings.Join(opts, ", "), Level: 1})
					}
				}
				add(l)
			}
		}
		if len(s.Measures) > 0 {
			para(render.StyleLabel, catalogMsg.Get(lang, "catalog_measures"))
			l := &render.List{}
			for _, m := range s.Measures {
				l.Items = append(l.Items, render.ListItem{Mark: typeMark(m), Text: m.Label.In(lang)},
					render.ListItem{Text: measureMeta(m, lang), Level: 1})
				if h := m.Help.In(lang); h != "" {
					l.Items = append(l.Items, render.ListItem{Text: h, Level: 1})
				}
				for _, p := range m.Params {
					kind := p.Kind
					if r := model.ParamRange(p, lang); r != "" {
						kind += ", " + r
					}
					if p.Role != "" {
						kind += ", " + p.Role
					}
					l.Items = append(l.Items, render.ListItem{Text: catalogMsg.Get(lang, "catalog_param", m.ID+"."+p.ID, p.Label.In(lang), kind), Level: 1})
				}
			}
			add(l)
		}
	}
	para(render.StyleBody, countCatalog(c).line(lang))
	return doc
}

// questionMetaSection is a section's ID and kind, plus its condition.
func questionMetaSection(s *model.Section, lang model.Lang) string {
	parts := []string{s.ID, catalogMsg.Get(lang, "section_"+s.Kind)}
	if s.When != nil {
		parts = append(parts, catalogMsg.Get(lang, "catalog_when", condText(s.When, lang)))
	}
	if s.Since != "" {
		parts = append(parts, catalogMsg.Get(lang, "catalog_since", s.Since))
	}
	return strings.Join(parts, " · ")
}
