package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tom-dsgvo/tom/model"
)

// manMsg holds the strings of tom man, and the section headings of the pages.
var manMsg = model.Messages{
	"man_short":  {De: "Handbuchseiten (man) für alle Befehle in ein Verzeichnis schreiben", En: "Write manual pages (man) for every command into a folder"},
	"man_long":   {De: "Schreibt eine Handbuchseite je Befehl (tom.1, tom-render.1, …) in der gewählten Sprache in VERZEICHNIS; es wird angelegt, wenn es fehlt.\nAnsehen ohne Installation: man -l VERZEICHNIS/tom.1", En: "Writes one manual page per command (tom.1, tom-render.1, …) in the chosen language into DIR, creating it when missing.\nRead one without installing: man -l DIR/tom.1"},
	"man_use":    {De: "man VERZEICHNIS", En: "man DIR"},
	"man_manual": {De: "tom-Handbuch", En: "tom manual"},
	// cobra appends " [flags]" to every synopsis; the page says this instead.
	"man_flags": {De: "[Optionen]", En: "[flags]"},
	"man_wrote": {De: "%d Handbuchseiten in %s geschrieben", En: "wrote %d manual pages to %s"},
	"man_mkdir": {De: "%s: Verzeichnis kann nicht angelegt werden: %v", En: "%s: cannot create the folder: %v"},
	"man_write": {De: "%s: kann nicht geschrieben werden: %v", En: "%s: cannot be written: %v"},
	"man_args":  {De: "tom man braucht genau ein Verzeichnis, z. B. tom man ./man", En: "tom man needs exactly one folder, e.g. tom man ./man"},
	// Section headings, keyed by the English heading of man-pages(7).
	"man_h_NAME":        {De: "BEZEICHNUNG", En: "NAME"},
	"man_h_SYNOPSIS":    {De: "ÜBERSICHT", En: "SYNOPSIS"},
	"man_h_DESCRIPTION": {De: "BESCHREIBUNG", En: "DESCRIPTION"},
	"man_h_OPTIONS":     {De: "OPTIONEN", En: "OPTIONS"},
	"man_h_OPTIONS INHERITED FROM PARENT COMMANDS": {De: "GLOBALE OPTIONEN", En: "GLOBAL OPTIONS"},
	"man_h_EXAMPLE":  {De: "BEISPIEL", En: "EXAMPLE"},
	"man_h_SEE ALSO": {De: "SIEHE AUCH", En: "SEE ALSO"},
}

// manOptions are the options of tom man.
type manOptions struct {
	*Globals // I/O, clock, global flags

	Dir  string
	Root *cobra.Command // the command tree to document
	Lang model.Lang
}

func newManCmd(g *Globals, lang model.Lang) *cobra.Command {
	opts := &manOptions{Globals: g, Lang: lang}
	return &cobra.Command{
		Use:   manMsg.Get(lang, "man_use"),
		Short: manMsg.Get(lang, "man_short"),
		Long:  manMsg.Get(lang, "man_long"),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(manMsg.Get(lang, "man_args"))}
			}
			return nil
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir, opts.Root = args[0], cmd.Root()
			return runMan(opts)
		},
	}
}

// runMan writes a page for root and every available command below it.
func runMan(opts *manOptions) error {
	g, root, lang := opts.Globals, opts.Root, opts.Lang
	localizeFlags(root, lang)
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return errors.New(manMsg.Get(lang, "man_mkdir", opts.Dir, err))
	}
	ver, _, _ := buildVersion()
	date := g.Today()
	n := 0
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
				continue
			}
			if err := walk(sub); err != nil {
				return err
			}
		}
		page := manPage(c, lang, date, "tom "+ver)
		path := filepath.Join(opts.Dir, strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")
		if err := os.WriteFile(path, page, 0o644); err != nil {
			return errors.New(manMsg.Get(lang, "man_write", path, err))
		}
		n++
		return nil
	}
	if err := walk(root); err != nil {
		return err
	}
	fmt.Fprintln(g.text(), manMsg.Get(lang, "man_wrote", n, opts.Dir))
	return nil
}

// manPage renders one command's page in lang, dated date (YYYY-MM-DD):
// name, synopsis, description, the command's own and the inherited options,
// example and the related pages, in roff for man(7).
func manPage(c *cobra.Command, lang model.Lang, date, source string) []byte {
	c.InitDefaultHelpCmd()
	c.InitDefaultHelpFlag()
	var w roffWriter
	title := strings.ToUpper(strings.ReplaceAll(c.CommandPath(), " ", "\\-"))
	fmt.Fprintf(&w.buf, ".nh\n.TH \"%s\" \"1\" \"%s\" \"%s\" \"%s\"", title, date, source, manMsg.Get(lang, "man_manual"))
	dashed := strings.ReplaceAll(c.CommandPath(), " ", "-")

	w.heading(manMsg.Get(lang, "man_h_NAME"))
	w.para()
	w.text(dashed + " - " + c.Short)
	w.endPara()

	w.heading(manMsg.Get(lang, "man_h_SYNOPSIS"))
	w.para()
	use := c.UseLine()
	if u, ok := strings.CutSuffix(use, " [flags]"); ok {
		use = u + " " + manMsg.Get(lang, "man_flags")
	}
	w.bold(use)
	w.endPara()

	w.heading(manMsg.Get(lang, "man_h_DESCRIPTION"))
	desc := c.Long
	if desc == "" {
		desc = c.Short
	}
	// Paragraphs are separated by an empty line; a paragraph's first line
	// starts at the margin.
	for para := range strings.SplitSeq(desc, "\n\n") {
		if para = strings.TrimLeft(strings.Trim(para, "\n"), " "); para == "" {
			continue
		}
		w.para()
		w.text(para)
		w.endPara()
	}

	if flags := c.NonInheritedFlags(); flags.HasAvailableFlags() {
		w.heading(manMsg.Get(lang, "man_h_OPTIONS"))
		w.flags(flags)
	}
	if flags := c.InheritedFlags(); flags.HasAvailableFlags() {
		w.heading(manMsg.Get(lang, "man_h_OPTIONS INHERITED FROM PARENT COMMANDS"))
		w.flags(flags)
	}
	if c.Example != "" {
		w.heading(manMsg.Get(lang, "man_h_EXAMPLE"))
		w.buf.WriteString("\n.EX\n")
		w.text(c.Example + "\n")
		w.buf.WriteString(".EE\n")
	}

	var also []string
	if c.HasParent() {
		also = append(also, strings.ReplaceAll(c.Parent().CommandPath(), " ", "-"))
	}
	children := slices.Clone(c.Commands())
	slices.SortStableFunc(children, func(a, b *cobra.Command) int { return strings.Compare(a.Name(), b.Name()) })
	for _, sub := range children {
		if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
			also = append(also, dashed+"-"+sub.Name())
		}
	}
	if len(also) > 0 {
		w.heading(manMsg.Get(lang, "man_h_SEE ALSO"))
		w.para()
		for i, page := range also {
			if i > 0 {
				w.text(", ")
			}
			w.bold(page + "(1)")
		}
		w.endPara()
	}
	return w.buf.Bytes()
}

// roffWriter writes the parts of a manual page in roff.
type roffWriter struct {
	buf   bytes.Buffer
	first bool // no paragraph yet in this section
}

// heading starts a section.
func (w *roffWriter) heading(h string) {
	w.buf.WriteString("\n\n.SH ")
	w.buf.WriteString(roffArg(h))
	w.first = true
}

// para starts a paragraph: the first of a section follows its heading, the
// others are separated by .PP.
func (w *roffWriter) para() {
	if w.first {
		w.buf.WriteByte('\n')
	} else {
		w.buf.WriteString("\n.PP\n")
	}
	w.first = false
}

// endPara ends a paragraph.
func (w *roffWriter) endPara() {
	w.buf.WriteByte('\n')
}

// flags writes one paragraph per visible flag: its names in bold, its
// default and, indented by a tab, what it does.
func (w *roffWriter) flags(flags *pflag.FlagSet) {
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Deprecated != "" || f.Hidden {
			return
		}
		w.para()
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			w.bold("-" + f.Shorthand)
			w.text(", ")
		}
		w.bold("--" + f.Name)
		def := f.DefValue
		if f.Value.Type() == "string" {
			def = strconv.Quote(def)
		}
		if f.NoOptDefVal != "" {
			w.text("[=" + def + "]")
		} else {
			w.text("=" + def)
		}
		w.text("\n\t" + f.Usage)
		w.endPara()
	})
}

// bold writes s in bold.
func (w *roffWriter) bold(s string) {
	w.buf.WriteString(`\fB`)
	w.text(s)
	w.buf.WriteString(`\fP`)
}

// text writes s with roff's special characters escaped: a backslash, and a
// period or apostrophe that would start a line as a request.
func (w *roffWriter) text(s string) {
	for line := range strings.SplitAfterSeq(s, "\n") {
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
			w.buf.WriteString(`\&`)
		}
		w.buf.WriteString(strings.ReplaceAll(line, `\`, `\\`))
	}
}

// roffArg quotes a macro argument for roff when it has spaces.
func roffArg(s string) string {
	if strings.Contains(s, " ") {
		return `"` + s + `"`
	}
	return s
}
