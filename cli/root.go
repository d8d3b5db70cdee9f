// Package cli is tom's command line. Each command is one file, cmd_NAME.go,
// beside its test: newNAMECmd wires the flags with cobra into NAMEOptions,
// which embeds *Globals (standard input and output, environment, clock,
// global flags, all injected), and runNAME(opts) does the work, so tests
// call it without cobra or a terminal. Errors carry their exit code
// (ExitError) or are usage errors (usageError, exit 2); Run prints them in
// the user's language. Text for the terminal goes through g.text() or
// g.writeJSON, which show control characters visibly. Reports (catalog,
// status, diff) are render.Documents written by render's writers. Tests that
// run the built binary are the e2e_*_test.go files.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/render"
	"github.com/tom-dsgvo/tom/serve"
	"github.com/tom-dsgvo/tom/wizard"
	"github.com/tom-dsgvo/tom/workspace"
)

// Globals is what every command gets: the global flags and the process's I/O,
// injected so that commands run in tests without a terminal.
type Globals struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
	Now    func() time.Time
	// StdinIsTerminal reports whether In is an interactive terminal.
	StdinIsTerminal func() bool

	// Terminal, when set, is a client's terminal over SSH (tom serve): the
	// full-screen interview and review run on it, never the line mode, and
	// nothing scans this machine for the client.
	Terminal *wizard.Terminal

	// Signals, when set, stands in for the process's SIGINT, SIGTERM and
	// SIGHUP in commands that stop cleanly on them (tests send on it).
	Signals <-chan os.Signal

	File        string // --file/-f, TOM_FILE, default ./tom.json
	LangFlag    string // --lang
	CatalogPath string // --catalog

	wsCache  map[string]wsResult       // tom.toml by folder of an answers file
	catCache map[string]*model.Catalog // catalogues by catalogSetting value
}

// Exit codes shared by all commands. status uses its own documented set.
const (
	ExitOK      = 0
	ExitFailure = 1 // the command ran and found a problem (invalid file, …)
	ExitUsage   = 2 // bad flags or arguments
)

// ExitError carries an exit code with an error message.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return ""
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// Run executes tom with args and returns the exit code.
func Run(g *Globals, args []string) int {
	// Nothing written to standard error is obeyed by the terminal: messages
	// quote file names, JSON keys and values.
	safe := *g
	safe.Err = model.TerminalWriter(g.Err)
	g = &safe
	lang := g.preLang(args)
	root := newRootCmd(g, lang)
	if len(args) > 0 && strings.HasPrefix(args[0], cobra.ShellCompRequestCmd) {
		// The shell asks what to complete: flags' descriptions and values.
		localizeFlags(root, lang)
		registerCompletions(root, lang)
	}
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil && ee.Err.Error() != "" {
			fmt.Fprintln(g.Err, g.formatErr(ee.Err, lang))
		}
	} else if u := (usageError{}); errors.As(err, &u) {
		fmt.Fprintln(g.Err, "tom: "+usageText(root, u.error, lang))
	} else {
		fmt.Fprintln(g.Err, g.formatErr(err, lang))
	}
	return exitCode(err)
}

// exitCode is the exit code err stands for: an ExitError's code, ExitUsage
// for a usageError, ExitFailure for any other error, ExitOK for nil.
func exitCode(err error) int {
	var ee *ExitError
	var u usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.Code
	case errors.As(err, &u):
		return ExitUsage
	}
	return ExitFailure
}

// formatErr renders an error in the user's language where the error knows how.
func (g *Globals) formatErr(err error, l model.Lang) string {
	var le *model.LoadError
	if errors.As(err, &le) {
		return le.Format(l)
	}
	var lk *model.LockedError
	if errors.As(err, &lk) {
		return lk.Format(l)
	}
	var fe *model.FileError
	if errors.As(err, &fe) {
		return "tom: " + fe.Format(l)
	}
	var we *workspace.Error
	if errors.As(err, &we) {
		return "tom: " + we.Format(l)
	}
	var se *serve.Error
	if errors.As(err, &se) {
		return "tom: " + se.Format(l)
	}
	return "tom: " + err.Error()
}

// usageError marks an error as a usage error (exit 2): a bad flag, flag
// value or argument. Cobra's own flag and argument errors are wrapped in it
// where they arise (the flag error function and usageArgs); nothing looks at
// an error's text to decide.
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// usageArgs makes the argument validator of c and of every command below it
// return a usageError.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

// preLang finds the interface language before flags are parsed, so that help
// texts come out in it: --lang, else TOM_LANG, else the locale (envLang).
func (g *Globals) preLang(args []string) model.Lang {
	val := ""
	for i, a := range args {
		if a == "--" {
			break
		}
		if strings.HasPrefix(a, "--lang=") {
			val = strings.TrimPrefix(a, "--lang=")
		} else if a == "--lang" && i+1 < len(args) {
			val = args[i+1]
		}
	}
	if val == "" {
		return envLang(g.Getenv)
	}
	l, err := model.ParseLang(val)
	if err != nil {
		return envLang(g.Getenv)
	}
	return l
}

// Lang returns the language for a command: --lang, else the answers file's
// language (f may be nil), else TOM_LANG, else the workspace's (tom.toml),
// else the locale (localeLang).
func (g *Globals) Lang(f *model.File) model.Lang {
	if g.LangFlag != "" {
		if l, err := model.ParseLang(g.LangFlag); err == nil {
			return l
		}
	}
	if f != nil && f.Language != "" {
		return f.Language
	}
	if l, err := model.ParseLang(g.langSetting(g.FilePath()).Value); err == nil {
		return l
	}
	return model.De
}

// CheckLang validates --lang.
func (g *Globals) CheckLang() error {
	if g.LangFlag == "" {
		return nil
	}
	if _, err := model.ParseLang(g.LangFlag); err != nil {
		return usageError{errors.New("--lang: " + model.Msg.Get(g.Lang(nil), "bad_lang", g.LangFlag))}
	}
	return nil
}

// Catalog loads the catalogue of the answers file (FilePath): --catalog,
// else TOM_CATALOG, else the workspace's (tom.toml), else the shipped one.
func (g *Globals) Catalog() (*model.Catalog, error) {
	return g.CatalogFor(g.FilePath())
}

// FilePath returns the answers file path: --file, else TOM_FILE, else tom.json.
func (g *Globals) FilePath() string {
	if g.File != "" {
		return g.File
	}
	if f := g.Getenv("TOM_FILE"); f != "" {
		return f
	}
	return "tom.json"
}

// Today returns today's date as stored (YYYY-MM-DD). TOM_TODAY overrides the
// clock, for tests and for back-dating a document on purpose.
func (g *Globals) Today() string {
	if t := g.Getenv("TOM_TODAY"); t != "" {
		if d, err := model.ParseDate(t); err == nil {
			return d
		}
	}
	return g.Now().Format(model.DateLayout)
}

func newRootCmd(g *Globals, lang model.Lang) *cobra.Command {
	root := &cobra.Command{
		Use:           "tom",
		Short:         cliMsg.Get(lang, "root_short"),
		Long:          cliMsg.Get(lang, "root_long"),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
	}
	// Set before the completion command is made: it keeps the writer it sees.
	root.SetIn(g.In)
	// cobra's help, usage and completion scripts: text, and it may quote
	// what the user typed (tom help TOPIC)
	root.SetOut(model.TerminalWriter(g.Out))
	root.SetErr(g.Err)
	root.PersistentFlags().StringVarP(&g.File, "file", "f", "", cliMsg.Get(lang, "flag_file"))
	root.PersistentFlags().StringVar(&g.LangFlag, "lang", "", cliMsg.Get(lang, "flag_lang"))
	root.PersistentFlags().StringVar(&g.CatalogPath, "catalog", "", cliMsg.Get(lang, "flag_catalog"))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	// --lang is checked once here, before any command runs.
	root.PersistentPreRunE = func(*cobra.Command, []string) error { return g.checkEnv() }

	interview := newInterviewCmd(g, lang)
	root.RunE = interview.RunE
	root.Flags().AddFlagSet(interview.LocalFlags())
	root.AddCommand(
		interview,
		newInitCmd(g, lang),
		newValidateCmd(g, lang),
		newCatalogCmd(g, lang),
		newSchemaCmd(g, lang),
		newVersionCmd(g, lang),
		newRenderCmd(g, lang),
		newReviewCmd(g, lang),
		newStatusCmd(g, lang),
		newDiffCmd(g, lang),
		newScanCmd(g, lang),
		newProvidersCmd(g, lang),
		newSetCmd(g, lang),
		newGetCmd(g, lang),
		newManCmd(g, lang),
		newWorkspaceCmd(g, lang),
		newServeCmd(g, lang),
	)
	addVersionFlag(root, g, lang)
	localizeHelp(root, lang)
	usageArgs(root)
	localizeCompletion(root, lang)
	localizeHelpCmd(root, lang)
	return root
}

// writeReport writes a command's report (catalog, status, diff) to the
// standard output in format "text" or "md", through render's writers.
func writeReport(g *Globals, d *render.Document, format string) error {
	var out []byte
	if format == "md" {
		out = render.WriteMarkdown(d)
	} else {
		out = render.WriteText(d)
	}
	_, err := g.text().Write(out)
	return err
}

// text returns standard output for text: whatever a file or catalogue
// holds, no control or bidi character reaches the terminal raw
// (model.TerminalSafe). The full-screen interview writes to g.Out itself.
func (g *Globals) text() io.Writer { return model.TerminalWriter(g.Out) }

// writeJSON writes encoded JSON to standard output with the characters a
// terminal would obey escaped (model.JSONTerminalSafe); the value it
// decodes to is unchanged.
func (g *Globals) writeJSON(data []byte) error {
	_, err := g.Out.Write(model.JSONTerminalSafe(data))
	return err
}
