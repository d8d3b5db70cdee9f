package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	json "github.com/goccy/go-json"
	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// catalogMsg holds the strings of tom catalog.
var catalogMsg = model.Messages{
	"catalog_short":       {De: "Fragenkatalog anzeigen (alle Fragen und Maßnahmen)", En: "Print the catalogue (every question and measure)"},
	"catalog_long":        {De: "Gibt den Fragenkatalog in der gewählten Sprache aus: als lesbare Gliederung (text), als Markdown (md) oder als JSON-Quelle (json).", En: "Prints the catalogue in the chosen language: as a readable outline (text), as Markdown (md) or as its JSON source (json)."},
	"catalog_flag_format": {De: "Ausgabeformat: text, json oder md", En: "output format: text, json or md"},
	"catalog_bad_format":  {De: "unbekanntes Format %q (text, json oder md)", En: "unknown format %q (text, json or md)"},
	"catalog_id":          {De: "Katalog %s, Version %s", En: "Catalogue %s, version %s"},
	"catalog_goal":        {De: "Ziel: %s", En: "Goal: %s"},
	"catalog_when":        {De: "nur wenn %s", En: "only if %s"},
	"catalog_required":    {De: "Pflichtangabe", En: "required"},
	"catalog_options":     {De: "Optionen:", En: "Options:"},
	"catalog_fields":      {De: "Felder je Eintrag (%s):", En: "Fields of each entry (%s):"},
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
	Format string
}

func newCatalogCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &catalogOptions{}
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: catalogMsg.Get(lang, "catalog_short"),
		Long:  catalogMsg.Get(lang, "catalog_long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCatalog(g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", catalogMsg.Get(lang, "catalog_flag_format"))
	return cmd
}

// runCatalog prints the catalogue in the requested format.
func runCatalog(g *Globals, opts *catalogOptions) error {
	lang := g.Lang(nil)
	switch opts.Format {
	case "text", "md", "json":
	default:
		return usageError{fmt.Errorf("%s", catalogMsg.Get(lang, "catalog_bad_format", opts.Format))}
	}
	c, err := g.Catalog()
	if err != nil {
		return &ExitError{Code: ExitFailure, Err: err}
	}
	switch opts.Format {
	case "json":
		data := questionnaires.StandardJSON()
		if g.CatalogPath != "" {
			if data, err = catalogJSON(c); err != nil {
				return err
			}
		}
		_, err = g.Out.Write(data)
		return err
	case "md":
		return writeCatalogMarkdown(g.Out, c, lang)
	}
	return writeCatalogText(g.Out, c, lang)
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
func questionMeta(id, kind string, required bool, when *model.Condition, since string, lang model.Lang, code func(string) string) string {
	parts := []string{code(id), catalogMsg.Get(lang, "kind_"+kind)}
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

func measureMeta(m *model.Measure, lang model.Lang, code func(string) string) string {
	parts := []string{code(m.ID)}
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

// writeCatalogText writes the catalogue as an indented plain-text outline.
func writeCatalogText(w io.Writer, c *model.Catalog, lang model.Lang) error {
	var b strings.Builder
	plain := func(s string) string { return s }
	line := func(indent int, s string) {
		b.WriteString(strings.Repeat(" ", indent))
		b.WriteString(s)
		b.WriteByte('\n')
	}
	para := func(indent int, s string) {
		for _, l := range wrapText(s, 80-indent) {
			line(indent, l)
		}
	}
	// hang writes prefix+s wrapped, continuation lines aligned after prefix.
	hang := func(indent int, prefix, s string) {
		pad := strings.Repeat(" ", len([]rune(prefix)))
		for k, l := range wrapText(s, 80-indent-len(pad)) {
			if k == 0 {
				line(indent, prefix+l)
			} else {
				line(indent, pad+l)
			}
		}
	}
	line(0, c.Title.In(lang))
	line(0, catalogMsg.Get(lang, "catalog_id", c.ID, c.Version))
	for i, s := range c.Sections {
		b.WriteByte('\n')
		num := fmt.Sprintf("%d.", i+1)
		line(0, num+" "+sectionHeading(c, s, lang))
		in := len(num) + 1
		meta := questionMetaSection(s, lang)
		line(in, meta)
		if !s.Goal.IsZero() {
			para(in, catalogMsg.Get(lang, "catalog_goal", s.Goal.In(lang)))
		}
		para(in, s.Help.In(lang))
		for j, q := range s.Questions {
			b.WriteByte('\n')
			qnum := fmt.Sprintf("%d.%d", i+1, j+1)
			line(in, qnum+" "+q.Title.In(lang))
			qin := in + len(qnum) + 1
			meta := questionMeta(q.ID, q.Kind, q.Required, q.When, q.Since, lang, plain)
			if q.Kind == model.KindRecords {
				meta += " (" + q.Item.In(lang) + ")"
			}
			para(qin, meta)
			para(qin, q.Help.In(lang))
			if len(q.Options) > 0 {
				line(qin, catalogMsg.Get(lang, "catalog_options"))
				for _, o := range q.Options {
					hang(qin+2, "- ", o.ID+": "+o.Label.In(lang))
				}
			}
			if len(q.Fields) > 0 {
				line(qin, catalogMsg.Get(lang, "catalog_fields", q.Item.In(lang)))
				for _, f := range q.Fields {
					hang(qin+2, "- ", f.Label.In(lang)+" ["+questionMeta(f.ID, f.Kind, f.Required, f.When, "", lang, plain)+"]")
					if h := f.Help.In(lang); h != "" {
						para(qin+4, h)
					}
					if len(f.Options) > 0 {
						opts := make([]string, len(f.Options))
						for k, o := range f.Options {
							opts[k] = o.ID + " (" + o.Label.In(lang) + ")"
						}
						para(qin+4, catalogMsg.Get(lang, "catalog_options")+" "+strings.Join(opts, ", "))
					}
				}
			}
		}
		if len(s.Measures) > 0 {
			b.WriteByte('\n')
			line(in, catalogMsg.Get(lang, "catalog_measures"))
			for _, m := range s.Measures {
				hang(in, "["+typeMark(m)+"] ", m.Label.In(lang))
				para(in+4, measureMeta(m, lang, plain))
				if h := m.Help.In(lang); h != "" {
					para(in+4, h)
				}
			}
		}
	}
	b.WriteString("\n")
	line(0, countCatalog(c).line(lang))
	_, err := io.WriteString(w, b.String())
	return err
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

// writeCatalogMarkdown writes the catalogue as a Markdown document.
func writeCatalogMarkdown(w io.Writer, c *model.Catalog, lang model.Lang) error {
	var b strings.Builder
	code := func(s string) string { return "`" + s + "`" }
	p := func(s string) {
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	p("# " + mdEscape(c.Title.In(lang)))
	p(catalogMsg.Get(lang, "catalog_id", code(c.ID), c.Version))
	for i, s := range c.Sections {
		p(fmt.Sprintf("## %d. %s", i+1, mdEscape(sectionHeading(c, s, lang))))
		meta := []string{code(s.ID), catalogMsg.Get(lang, "section_"+s.Kind)}
		if s.When != nil {
			meta = append(meta, catalogMsg.Get(lang, "catalog_when", mdEscape(condText(s.When, lang))))
		}
		p(strings.Join(meta, " · "))
		if !s.Goal.IsZero() {
			p("**" + catalogMsg.Get(lang, "catalog_goal", mdEscape(s.Goal.In(lang))) + "**")
		}
		p(mdEscape(s.Help.In(lang)))
		for j, q := range s.Questions {
			p(fmt.Sprintf("### %d.%d %s", i+1, j+1, mdEscape(q.Title.In(lang))))
			meta := questionMeta(q.ID, q.Kind, q.Required, nil, q.Since, lang, code)
			if q.When != nil {
				meta += " · " + catalogMsg.Get(lang, "catalog_when", mdEscape(condText(q.When, lang)))
			}
			if q.Kind == model.KindRecords {
				meta += " (" + mdEscape(q.Item.In(lang)) + ")"
			}
			p(meta)
			p(mdEscape(q.Help.In(lang)))
			if len(q.Options) > 0 {
				b.WriteString(catalogMsg.Get(lang, "catalog_options") + "\n\n")
				for _, o := range q.Options {
					b.WriteString("- " + code(o.ID) + " " + mdEscape(o.Label.In(lang)) + "\n")
				}
				b.WriteString("\n")
			}
			if len(q.Fields) > 0 {
				b.WriteString(catalogMsg.Get(lang, "catalog_fields", mdEscape(q.Item.In(lang))) + "\n\n")
				for _, f := range q.Fields {
					meta := questionMeta(f.ID, f.Kind, f.Required, nil, "", lang, code)
					if f.When != nil {
						meta += " · " + catalogMsg.Get(lang, "catalog_when", mdEscape(condText(f.When, lang)))
					}
					b.WriteString("- **" + mdEscape(f.Label.In(lang)) + "** (" + meta + ")")
					if h := f.Help.In(lang); h != "" {
						b.WriteString(": " + mdEscape(h))
					}
					if len(f.Options) > 0 {
						opts := make([]string, len(f.Options))
						for k, o := range f.Options {
							opts[k] = code(o.ID) + " " + mdEscape(o.Label.In(lang))
						}
						b.WriteString(" " + catalogMsg.Get(lang, "catalog_options") + " " + strings.Join(opts, ", "))
					}
					b.WriteString("\n")
				}
				b.WriteString("\n")
			}
		}
		if len(s.Measures) > 0 {
			p("**" + catalogMsg.Get(lang, "catalog_measures") + "**")
			for _, m := range s.Measures {
				meta := []string{code(m.ID)}
				if rest := measureMeta(m, lang, func(string) string { return "" }); rest != "" {
					meta = append(meta, mdEscape(strings.TrimPrefix(rest, " · ")))
				}
				b.WriteString("- **" + typeMark(m) + "** " + mdEscape(m.Label.In(lang)) + " (" + strings.Join(meta, " · ") + ")")
				if h := m.Help.In(lang); h != "" {
					b.WriteString("  \n  " + mdEscape(h))
				}
				b.WriteString("\n")
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("---\n\n")
	b.WriteString(countCatalog(c).line(lang) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape escapes the characters Markdown would read as markup.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// wrapText breaks s into lines of at most width runes at spaces; explicit
// line breaks are kept. A word longer than width gets a line of its own.
func wrapText(s string, width int) []string {
	if width < 20 {
		width = 20
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		cur, n := "", 0
		for _, w := range strings.Fields(para) {
			wl := len([]rune(w))
			switch {
			case n == 0:
				cur, n = w, wl
			case n+1+wl <= width:
				cur += " " + w
				n += 1 + wl
			default:
				out = append(out, cur)
				cur, n = w, wl
			}
		}
		out = append(out, cur)
	}
	return out
}
