package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"tom/model"
	"tom/wizard"
)

// interviewMsg holds the interview command's strings.
var interviewMsg = model.Messages{
	"short":       {De: "Befragung durchführen (Standard ohne Befehl)", En: "Run the interview (the default without a command)"},
	"long":        {De: "Führt durch die Fragen des Katalogs und speichert die Antworten nach jedem Schritt in der Antwortdatei (Standard: ./tom.json, wird angelegt). Vollbild im Terminal; --accessible, ACCESSIBLE=1 oder TERM=dumb wählen die Zeilenmodus-Befragung für Screenreader, einfache Terminals und umgeleitete Eingaben.", En: "Walks through the catalogue's questions and saves the answers to the answers file after every step (default ./tom.json, created when missing). Full screen in the terminal; --accessible, ACCESSIBLE=1 or TERM=dumb choose the line-mode interview for screen readers, simple terminals and piped input."},
	"flag_access": {De: "Zeilenmodus: einfache Zeilen ohne Steuerzeichen (Screenreader, TERM=dumb, umgeleitete Eingabe)", En: "line mode: plain lines without escape sequences (screen readers, TERM=dumb, piped input)"},
	"no_tty":      {De: "die Eingabe ist kein Terminal. Für umgeleitete Eingaben, Screenreader oder einfache Terminals: tom interview --accessible", En: "input is not a terminal. For piped input, screen readers or simple terminals use: tom interview --accessible"},
	"migrated":    {De: "%s: mit Katalog-Version %s beantwortet, jetzt %s; neue Fragen: %d, umbenannt: %d, entfernt: %d", En: "%s: answered with catalogue version %s, now %s; new questions: %d, renamed: %d, removed: %d"},
}

// interviewOptions are the interview command's flags.
type interviewOptions struct {
	Accessible bool
}

func newInterviewCmd(g *Globals, lang model.Lang) *cobra.Command {
	o := &interviewOptions{}
	cmd := &cobra.Command{
		Use:   "interview",
		Short: interviewMsg.Get(lang, "short"),
		Long:  interviewMsg.Get(lang, "long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInterview(g, o)
		},
	}
	cmd.Flags().BoolVar(&o.Accessible, "accessible", false, interviewMsg.Get(lang, "flag_access"))
	return cmd
}

// lineModeWanted reports whether the line mode was asked for: --accessible,
// ACCESSIBLE set (to anything but 0/false) or TERM=dumb.
func lineModeWanted(g *Globals, o *interviewOptions) bool {
	if o.Accessible || g.Getenv("TERM") == "dumb" {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(g.Getenv("ACCESSIBLE"))) {
	case "", "0", "false", "no":
		return false
	}
	return true
}

// runInterview loads (or creates) the answers file, holds its lock for the
// whole session and runs the line mode or the full-screen wizard.
func runInterview(g *Globals, o *interviewOptions) error {
	if err := g.CheckLang(); err != nil {
		return err
	}
	line := lineModeWanted(g, o)
	if !line && !g.StdinIsTerminal() {
		return &ExitError{Code: ExitFailure, Err: errors.New(interviewMsg.Get(g.Lang(nil), "no_tty"))}
	}
	cat, err := g.Catalog()
	if err != nil {
		return err
	}
	path := g.FilePath()
	lock, err := model.AcquireLock(path)
	if err != nil {
		return err
	}
	defer lock.Release()

	f, mig, err := model.Load(path, cat)
	switch {
	case errors.Is(err, os.ErrNotExist):
		f = model.NewFile(cat, g.Lang(nil))
	case err != nil:
		// Refused with its positioned problems; the file is never touched.
		return err
	}
	lang := g.Lang(f)
	if !mig.Empty() {
		fmt.Fprintln(g.Err, interviewMsg.Get(lang, "migrated", path, mig.From, mig.To, len(mig.New), len(mig.Renamed), len(mig.Removed)))
	}

	if line {
		err := wizard.RunLine(wizard.LineOptions{
			Catalog: cat, File: f, Path: path, Lang: lang,
			In: g.In, Out: g.Out, Today: g.Today(),
		})
		if errors.Is(err, wizard.ErrIncomplete) {
			return &ExitError{Code: ExitFailure}
		}
		return err
	}

	wo := wizard.Options{
		Catalog: cat, File: f, Path: path, Lang: lang, Today: g.Today(),
		User: g.Getenv("USER"),
	}
	if g.In != os.Stdin {
		wo.In = g.In
	}
	if g.Out != os.Stdout {
		wo.Out = g.Out
	}
	res, err := wizard.Run(wo)
	if err != nil {
		return err
	}
	switch {
	case res.Signal != nil:
		return &ExitError{Code: ExitFailure, Err: errors.New(wizard.Msg.Get(lang, "exit_signal", res.Signal, path))}
	case res.Complete:
		fmt.Fprintln(g.Out, wizard.Msg.Get(lang, "exit_complete", path))
	default:
		fmt.Fprintln(g.Out, wizard.Msg.Get(lang, "exit_saved", path))
	}
	return nil
}
