package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
	"github.com/tom-dsgvo/tom/scan"
	"github.com/tom-dsgvo/tom/wizard"
	"github.com/tom-dsgvo/tom/wizard/line"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// interviewMsg holds the interview command's strings.
var interviewMsg = model.Messages{
	"short":          {De: "Befragung durchführen (Standard ohne Befehl)", En: "Run the interview (the default without a command)"},
	"long":           {De: "Führt durch die Fragen des Katalogs und speichert die Antworten nach jedem Schritt in der Antwortdatei (Standard: ./tom.json, wird angelegt). Vollbild im Terminal; --accessible, ACCESSIBLE=1 oder TERM=dumb wählen die Zeilenmodus-Befragung für Screenreader, einfache Terminals und umgeleitete Eingaben. --scan prüft zuerst diesen Server (nur lesend, wie tom scan) und belegt die gefundenen Maßnahmen als „erhoben“ vor; --scan-root VERZ prüft ein anderes Verzeichnis. Unter Linux bietet eine neue Befragung die Prüfung als ersten Schritt an.\n\nStrg+C, ein Signal oder das Ende der Eingabe (Zeilenmodus) speichern das Eingegebene; der nächste Aufruf setzt fort.\n\nExit-Codes:\n  0  die Befragung ist vollständig\n  1  noch nicht vollständig (unterbrochen: gespeichert, tom interview setzt fort) oder ein Fehler (Datei ungültig, keine Eingabe vom Terminal …)\n  2  falsche Optionen oder Argumente", En: "Walks through the catalogue's questions and saves the answers to the answers file after every step (default ./tom.json, created when missing). Full screen in the terminal; --accessible, ACCESSIBLE=1 or TERM=dumb choose the line-mode interview for screen readers, simple terminals and piped input. --scan first checks this server (read-only, like tom scan) and pre-fills the measures it finds, marked \"detected\"; --scan-root DIR checks another folder. On Linux a new interview offers the check as its first step.\n\nCtrl+C, a signal or the end of input (line mode) save what was entered; the next call resumes.\n\nExit codes:\n  0  the interview is complete\n  1  not complete yet (stopped: saved, tom interview resumes) or an error (invalid file, input not a terminal …)\n  2  bad options or arguments"},
	"flag_access":    {De: "Zeilenmodus: einfache Zeilen ohne Steuerzeichen (Screenreader, TERM=dumb, umgeleitete Eingabe)", En: "line mode: plain lines without escape sequences (screen readers, TERM=dumb, piped input)"},
	"no_tty":         {De: "die Eingabe ist kein Terminal. Für umgeleitete Eingaben, Screenreader oder einfache Terminals: %s --accessible", En: "input is not a terminal. For piped input, screen readers or simple terminals use: %s --accessible"},
	"flag_scan":      {De: "diesen Server zuerst prüfen (nur lesend, wie tom scan) und die gefundenen Maßnahmen vorbelegen", En: "scan this server first (read-only, like tom scan) and pre-fill the measures it finds"},
	"flag_scan_root": {De: "Wurzelverzeichnis des zu prüfenden Systems (ein eingehängtes Abbild)", En: "root folder of the system to scan (a mounted image)"},
}

// interviewOptions are the interview command's flags.
type interviewOptions struct {
	*Globals // I/O, clock, global flags

	Accessible bool
	Scan       bool   // scan before the interview and pre-fill
	ScanRoot   string // root of the scanned system ("/")
}

func newInterviewCmd(g *Globals, lang model.Lang) *cobra.Command {
	o := &interviewOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "interview",
		Short: interviewMsg.Get(lang, "short"),
		Long:  interviewMsg.Get(lang, "long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInterview(o)
		},
	}
	cmd.Flags().BoolVar(&o.Accessible, "accessible", false, interviewMsg.Get(lang, "flag_access"))
	cmd.Flags().BoolVar(&o.Scan, "scan", false, interviewMsg.Get(lang, "flag_scan"))
	cmd.Flags().StringVar(&o.ScanRoot, "scan-root", "/", interviewMsg.Get(lang, "flag_scan_root"))
	return cmd
}

// lineModeWanted reports whether the line mode was asked for: --accessible,
// ACCESSIBLE set (to anything but 0/false) or TERM=dumb.
func lineModeWanted(g *Globals, accessible bool) bool {
	if accessible || g.Getenv("TERM") == "dumb" {
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
func runInterview(o *interviewOptions) error {
	g := o.Globals
	lineMode := lineModeWanted(g, o.Accessible) && g.Terminal == nil
	if !lineMode && !g.StdinIsTerminal() {
		return &ExitError{Code: ExitFailure, Err: errors.New(interviewMsg.Get(g.Lang(nil), "no_tty", nextCommand(g, "interview")))}
	}
	if o.Scan {
		if err := scan.CheckRoot(o.ScanRoot); err != nil {
			return &ExitError{Code: ExitFailure, Err: rootError(g.Lang(nil), "--scan-root", o.ScanRoot, err)}
		}
	}
	// The catalogue, then the provider directory, load on a goroutine of
	// their own while the answers file is locked, read and decoded: the
	// first frame comes sooner.
	type catalog struct {
		c   *model.Catalog
		dir func(model.Lang) (*model.Directory, error)
		err error
	}
	catCh := make(chan catalog, 1)
	go func() {
		c, err := g.Catalog()
		if err != nil {
			catCh <- catalog{err: err}
			return
		}
		catCh <- catalog{c: c, dir: startDirectory(g, c)}
	}()
	var directory func(model.Lang) (*model.Directory, error)
	es, cat, err := g.openWithCatalog(func() (*model.Catalog, error) {
		c := <-catCh
		directory = c.dir
		return c.c, c.err
	}, true)
	if err != nil {
		return err
	}
	defer es.Close()
	f, path := es.File, es.Path
	lang := g.Lang(f)
	dir, err := directory(lang)
	if err != nil {
		return err
	}

	// The scan: run now (--scan) or offered on the first screen of a new
	// interview when tom runs on Linux.
	var accounts []scanning.ServerAccount // the login accounts of a scan run now
	runScanFn := interviewScan(g, o, cat, lang, &accounts)
	accountsFn := func() []scanning.ServerAccount { return accounts }
	var summary *model.ScanSummary
	offer := false
	if o.Scan {
		sum, err := runScanFn(f)
		if err != nil {
			return err
		}
		summary = &sum
	} else {
		offer = scan.Available() && scanning.OfferDue(f) && g.Terminal == nil
	}

	if lineMode {
		err := line.Run(line.Options{
			Catalog: cat, File: f, Path: path, Lang: lang,
			In: g.In, Out: g.Out, Today: g.Today(), User: g.Getenv("USER"),
			OfferScan: offer, Scan: runScanFn, ScanSummary: summary,
			Accounts: accountsFn, Next: g.nextFunc(), Directory: dir,
		})
		if errors.Is(err, line.ErrIncomplete) {
			return &ExitError{Code: ExitFailure}
		}
		return err
	}

	wo := wizard.Options{
		Catalog: cat, File: f, Path: path, Lang: lang, Today: g.Today(),
		User:      g.Getenv("USER"),
		OfferScan: offer, Scan: runScanFn, ScanSummary: summary,
		Accounts: accountsFn, Next: g.nextFunc(), Directory: dir,
	}
	if g.In != os.Stdin {
		wo.In = g.In
	}
	if g.Out != os.Stdout {
		wo.Out = g.Out
	}
	var res wizard.Result
	if g.Terminal != nil {
		res, err = wizard.RunOn(wo, *g.Terminal)
	} else {
		res, err = wizard.Run(wo)
	}
	if err != nil {
		return err
	}
	return interviewEnd(g, lang, path, res)
}

// interviewDirectory returns the provider directory a new provider may be
// chosen from: none when the catalogue has no provider register or the
// shipped directory does not fit it (a catalogue of one's own), else the
// shipped directory with the workspace's file; a broken file of one's own is
// an error.
func interviewDirectory(g *Globals, cat *model.Catalog, lang model.Lang) (*model.Directory, error) {
	return startDirectory(g, cat)(lang)
}

// startDirectory starts reading the directory interviewDirectory returns
// and returns the function that waits for it, wording an error in the
// answers file's language. The interview starts it before it loads the
// answers file: both take milliseconds, and the directory is read on
// another core meanwhile, which brings the first frame sooner.
func startDirectory(g *Globals, cat *model.Catalog) func(model.Lang) (*model.Directory, error) {
	if cat.QuestionByRole(model.RoleProviderRegister) == nil {
		return func(model.Lang) (*model.Directory, error) { return nil, nil }
	}
	files, err := directoryFiles(g, nil)
	if err != nil {
		return func(model.Lang) (*model.Directory, error) { return nil, err }
	}
	type result struct {
		d   *model.Directory
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := questionnaires.Providers(cat)
		if err != nil {
			done <- result{} // a catalogue the shipped directory does not fit
			return
		}
		d, err = questionnaires.MergeDirectoryFiles(d, cat, files...)
		done <- result{d, err}
	}()
	return func(lang model.Lang) (*model.Directory, error) {
		r := <-done
		if err := directoryError(lang, r.err); err != nil {
			return nil, err
		}
		return r.d, nil
	}
}

// interviewEnd prints the one line that says how the full-screen interview
// ended — what was saved and how to go on — and returns the exit status: 0
// when the interview is complete, 1 (without a further message) when the
// user or a signal (Ctrl+C, a dropped connection) stopped it before the end,
// so that a script never takes an interrupted interview for a finished one.
func interviewEnd(g *Globals, lang model.Lang, path string, res wizard.Result) error {
	if g.Terminal != nil {
		return remoteEnd(g, lang, res.Complete, "remote_complete")
	}
	if res.Complete {
		fmt.Fprintln(g.text(), wizard.Msg.Get(lang, "exit_complete", path, nextCommand(g, "render")))
		return nil
	}
	fmt.Fprintln(g.text(), wizard.Msg.Get(lang, "exit_saved", path, nextCommand(g, "interview")))
	return &ExitError{Code: ExitFailure}
}

// interviewScan returns the scan the interview runs: a read-only scan of
// o.ScanRoot, recorded in the file with model.ApplyScan (dated today, the
// evidence in the file's language) and saved at once. The login accounts it
// found go to *accounts, for the "people with access" list.
func interviewScan(g *Globals, o *interviewOptions, cat *model.Catalog, lang model.Lang, accounts *[]scanning.ServerAccount) scanning.ScanFunc {
	return func(f *model.File) (model.ScanSummary, error) {
		if err := scan.CheckRoot(o.ScanRoot); err != nil {
			return model.ScanSummary{}, rootError(lang, "--scan-root", o.ScanRoot, err)
		}
		today, err := time.Parse(model.DateLayout, g.Today())
		if err != nil {
			today = g.Now()
		}
		rep := scan.Scan(scan.Options{Root: o.ScanRoot, Today: today, Catalog: cat})
		*accounts = (*accounts)[:0]
		for _, a := range rep.Accounts {
			*accounts = append(*accounts, scanning.ServerAccount{Name: a.Name, Sudo: a.Sudo, Password: a.Password, Keys: a.Keys})
		}
		// A completed file records what the scan changed (see model.Session).
		s := model.NewSession(cat, f, model.SessionOptions{Today: g.Today(), User: g.Getenv("USER"), Origin: model.OriginScan})
		sum := model.ApplyScan(cat, f, g.Today(), rep.ForModel(lang))
		// Measures that do not apply yet are kept in f.Detected only; the
		// interview fills them in when their section is entered.
		s.Commit()
		if err := model.Save(g.FilePath(), f); err != nil {
			return sum, err
		}
		return sum, nil
	}
}
