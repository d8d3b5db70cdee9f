package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/tom-dsgvo/tom/model"
)

// manMsg holds the strings of tom man, and the section headings of the pages
// (cobra's generator writes them in English; they are replaced by these).
var manMsg = model.Messages{
	"man_short":  {De: "Handbuchseiten (man) für alle Befehle in ein Verzeichnis schreiben", En: "Write manual pages (man) for every command into a folder"},
	"man_long":   {De: "Schreibt eine Handbuchseite je Befehl (tom.1, tom-render.1, …) in der gewählten Sprache in VERZEICHNIS; es wird angelegt, wenn es fehlt.\nAnsehen ohne Installation: man -l VERZEICHNIS/tom.1", En: "Writes one manual page per command (tom.1, tom-render.1, …) in the chosen language into DIR, creating it when missing.\nRead one without installing: man -l DIR/tom.1"},
	"man_use":    {De: "man VERZEICHNIS", En: "man DIR"},
	"man_manual": {De: "tom-Handbuch", En: "tom manual"},
	// cobra appends " [flags]" to every synopsis.
	"man_flags": {De: "[Optionen]", En: "[flags]"},
	"man_wrote": {De: "%d Handbuchseiten in %s geschrieben", En: "wrote %d manual pages to %s"},
	"man_mkdir": {De: "%s: Verzeichnis kann nicht angelegt werden: %v", En: "%s: cannot create the folder: %v"},
	"man_write": {De: "%s: kann nicht geschrieben werden: %v", En: "%s: cannot be written: %v"},
	"man_args":  {De: "tom man braucht genau ein Verzeichnis, z. B. tom man ./man", En: "tom man needs exactly one folder, e.g. tom man ./man"},
	// Section headings, keyed by cobra's English heading.
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
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return errors.New(manMsg.Get(lang, "man_mkdir", opts.Dir, err))
	}
	ver, _, _ := buildVersion()
	date := g.Today()
	root.DisableAutoGenTag = true
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
		page, err := manPage(c, lang, date, "tom "+ver)
		if err != nil {
			return err
		}
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

// manTH matches the title line cobra writes (its date is an English month).
var manTH = regexp.MustCompile(`(?m)^\.TH .*$`)

// manSH matches a section heading.
var manSH = regexp.MustCompile(`(?m)^\.SH (.*)$`)

// manPage renders one command's page in lang, dated date (YYYY-MM-DD).
func manPage(c *cobra.Command, lang model.Lang, date, source string) ([]byte, error) {
	var buf bytes.Buffer
	if err := doc.GenMan(c, &doc.GenManHeader{Section: "1", Source: source}, &buf); err != nil {
		return nil, err
	}
	title := strings.ToUpper(strings.ReplaceAll(c.CommandPath(), " ", "\\-"))
	th := fmt.Sprintf(`.TH "%s" "1" "%s" "%s" "%s"`, title, date, source, manMsg.Get(lang, "man_manual"))
	out := manTH.ReplaceAllLiteral(buf.Bytes(), []byte(th))
	out = bytes.ReplaceAll(out, []byte(" [flags]"+`\fP`), []byte(" "+manMsg.Get(lang, "man_flags")+`\fP`))
	out = manSH.ReplaceAllFunc(out, func(line []byte) []byte {
		h := strings.Trim(strings.TrimPrefix(string(line), ".SH "), `"`)
		if _, ok := manMsg["man_h_"+h]; !ok {
			return line
		}
		return []byte(".SH " + roffArg(manMsg.Get(lang, "man_h_"+h)))
	})
	return out, nil
}

// roffArg quotes a macro argument for roff when it has spaces.
func roffArg(s string) string {
	if strings.Contains(s, " ") {
		return `"` + s + `"`
	}
	return s
}
