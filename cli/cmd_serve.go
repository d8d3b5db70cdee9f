package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	json "github.com/goccy/go-json"
	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/serve"
	"github.com/tom-dsgvo/tom/wizard"
)

// serveMsg holds the strings of tom serve.
var serveMsg = model.Messages{
	"short": {De: "die Befragung über SSH anbieten (ohne Shell-Zugang für den Kunden)", En: "offer the interview over SSH (no shell account for the client)"},
	"long": {De: `Startet einen SSH-Server, über den Kunden ihre Befragung selbst ausfüllen:
  ssh -p 2222 kunde@berater.example
Jeder Schlüssel in der Zugangsdatei gehört zu genau einer Antwortdatei und darf nur die
dort erlaubten Befehle (interview, review, status) ausführen – keine Shell, keine anderen
Befehle, keine Weiterleitungen, kein SFTP, keine Passwörter. Ohne Befehl startet der erste
erlaubte; „ssh … review“ wählt einen anderen.

Der Host-Schlüssel wird beim ersten Start angelegt (ed25519, Rechte 0600); sein
Fingerabdruck wird ausgegeben, damit der Kunde ihn beim ersten Verbinden prüfen kann.
Eine Antwortdatei ist immer nur in einer Sitzung offen. Bricht die Verbindung ab, nach der
Leerlaufzeit oder bei SIGTERM wird das Eingegebene gespeichert; beim nächsten Verbinden geht
es an derselben Frage weiter. Je Sitzung schreibt tom eine Zeile ins Zugangsprotokoll.`,
		En: `Starts an SSH server through which clients fill in their interview themselves:
  ssh -p 2222 client@consultant.example
Each key in the access file belongs to exactly one answers file and may run only the
commands allowed there (interview, review, status) – no shell, no other commands, no
forwarding, no SFTP, no passwords. Without a command the first allowed one starts;
"ssh … review" picks another.

The host key is created on the first start (ed25519, mode 0600); its fingerprint is
printed so that the client can check it on the first connection. An answers file is open
in one session at a time. When the connection drops, after the idle time or on SIGTERM,
what was entered is saved; the next connection resumes at the same question. tom writes
one line per session to the access log.`},
	"flag_listen":   {De: "Adresse und Port (nur 127.0.0.1, solange nichts anderes angegeben ist)", En: "address and port (only 127.0.0.1 unless told otherwise)"},
	"flag_access":   {De: "Zugangsdatei: Schlüssel → Antwortdatei und erlaubte Befehle", En: "access file: key → answers file and allowed commands"},
	"flag_host_key": {De: "Host-Schlüssel (wird beim ersten Start angelegt)", En: "host key (created on the first start)"},
	"flag_idle":     {De: "Sitzung ohne Eingabe nach dieser Zeit speichern und beenden (0: nie)", En: "save and end a session without input after this time (0: never)"},
	"flag_max":      {De: "höchstens so viele Sitzungen gleichzeitig", En: "at most this many sessions at once"},
	"flag_log":      {De: "Zugangsprotokoll an diese Datei anhängen (Standard: Standardfehlerausgabe)", En: "append the access log to this file (default: standard error)"},
	"host_created":  {De: "Host-Schlüssel angelegt: %s", En: "host key created: %s"},
	"host_fp":       {De: "Fingerabdruck des Host-Schlüssels (dem Kunden mitteilen): ED25519 %s", En: "host key fingerprint (pass it on to the client): ED25519 %s"},
	"listening":     {De: "tom serve lauscht auf %s (%d Schlüssel in %s); Ende mit Strg+C oder SIGTERM", En: "tom serve is listening on %s (%d keys in %s); stop with Ctrl+C or SIGTERM"},
	"stopping":      {De: "tom serve wird beendet; offene Sitzungen speichern …", En: "tom serve is stopping; open sessions are saving …"},
	"stopped":       {De: "tom serve beendet", En: "tom serve stopped"},
	"bad_idle":      {De: "--idle-timeout darf nicht negativ sein", En: "--idle-timeout must not be negative"},
	"bad_max":       {De: "--max-sessions muss mindestens 1 sein", En: "--max-sessions must be at least 1"},
	"log_failed":    {De: "Zugangsprotokoll %s: %s", En: "access log %s: %s"},

	"keys_short":        {De: "Schlüssel der Zugangsdatei verwalten", En: "manage the keys of the access file"},
	"keys_add_short":    {De: "einen öffentlichen Schlüssel für eine Antwortdatei (-f) eintragen", En: "add a public key for an answers file (-f)"},
	"keys_list_short":   {De: "die eingetragenen Schlüssel zeigen", En: "list the keys"},
	"keys_remove_short": {De: "einen Schlüssel austragen (Kommentar oder Fingerabdruck)", En: "remove a key (comment or fingerprint)"},
	"flag_allow":        {De: "erlaubte Befehle: interview, review, status", En: "allowed commands: interview, review, status"},
	"flag_comment":      {De: "Kommentar (wer der Kunde ist); Standard: der Kommentar des Schlüssels", En: "comment (who the client is); default: the key's comment"},
	"key_read":          {De: "kein öffentlicher Schlüssel in %s (eine Zeile wie in authorized_keys oder id_ed25519.pub)", En: "no public key in %s (one line as in authorized_keys or id_ed25519.pub)"},
	"key_added":         {De: "eingetragen: %s (%s) für %s, erlaubt: %s", En: "added %s (%s) for %s, allowed: %s"},
	"key_removed":       {De: "ausgetragen: %s (%s) für %s", En: "removed %s (%s) for %s"},
	"keys_none":         {De: "keine Schlüssel in %s", En: "no keys in %s"},
	"col_comment":       {De: "KOMMENTAR", En: "COMMENT"},
	"col_fingerprint":   {De: "FINGERABDRUCK", En: "FINGERPRINT"},
	"col_file":          {De: "ANTWORTDATEI", En: "ANSWERS FILE"},
	"col_allow":         {De: "ERLAUBT", En: "ALLOWED"},

	"locked_local":    {De: "Ihre Antworten werden gerade von Ihrer Beratung bearbeitet (seit %s). Bitte später wieder verbinden.", En: "Your consultant is working on your answers just now (since %s). Please connect again later."},
	"remote_render":   {De: "Ihre Beratung", En: "your consultant"},
	"remote_again":    {De: "ssh (erneut verbinden)", En: "ssh (connect again)"},
	"remote_command":  {De: "ssh -t … %s (erneut verbinden)", En: "ssh -t … %s (connect again)"},
	"remote_complete": {De: "Die Befragung ist vollständig und gespeichert. Vielen Dank!", En: "The interview is complete and saved. Thank you!"},
	"remote_saved":    {De: "Gespeichert. Beim nächsten Verbinden geht es an derselben Stelle weiter.", En: "Saved. The next connection resumes at the same place."},
	"remote_reviewed": {De: "Die Überprüfung ist abgeschlossen und gespeichert. Vielen Dank!", En: "The review is finished and saved. Thank you!"},
}

// Defaults of tom serve.
const (
	serveListen  = "127.0.0.1:2222"
	serveAccess  = "tom_access"
	serveHostKey = "tom_host_ed25519_key"
)

// ServeOptions are the options of tom serve.
type ServeOptions struct {
	*Globals

	Listen      string
	Access      string
	HostKey     string
	IdleTimeout time.Duration
	MaxSessions int
	LogFile     string
	// Stop, when set, stands in for SIGINT/SIGTERM (tests): closing it
	// shuts the server down.
	Stop <-chan struct{}
	// Ready, when set, is called with the address once the server listens.
	Ready func(addr string)
}

// ServeKeysOptions are the options of tom serve keys add|list|remove.
type ServeKeysOptions struct {
	*Globals

	Access  string
	Key     string   // add: the public key file, "-" for standard input; remove: comment or fingerprint
	Allow   []string // add
	Comment string   // add
}

func newServeCmd(g *Globals, lang model.Lang) *cobra.Command {
	o := &ServeOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: serveMsg.Get(lang, "short"),
		Long:  serveMsg.Get(lang, "long"),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runServe(o)
		},
	}
	cmd.PersistentFlags().StringVar(&o.Access, "access", serveAccess, serveMsg.Get(lang, "flag_access"))
	cmd.Flags().StringVar(&o.Listen, "listen", serveListen, serveMsg.Get(lang, "flag_listen"))
	cmd.Flags().StringVar(&o.HostKey, "host-key", serveHostKey, serveMsg.Get(lang, "flag_host_key"))
	cmd.Flags().DurationVar(&o.IdleTimeout, "idle-timeout", 30*time.Minute, serveMsg.Get(lang, "flag_idle"))
	cmd.Flags().IntVar(&o.MaxSessions, "max-sessions", 20, serveMsg.Get(lang, "flag_max"))
	cmd.Flags().StringVar(&o.LogFile, "log", "", serveMsg.Get(lang, "flag_log"))

	keys := &cobra.Command{Use: "keys", Short: serveMsg.Get(lang, "keys_short"), Args: cobra.NoArgs}
	ko := &ServeKeysOptions{Globals: g}
	access := func() { ko.Access = o.Access }
	add := &cobra.Command{
		Use:   "add SCHLÜSSELDATEI|- -f ANTWORTDATEI",
		Short: serveMsg.Get(lang, "keys_add_short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			access()
			ko.Key = args[0]
			return runServeKeysAdd(ko)
		},
	}
	if lang == model.En {
		add.Use = "add KEYFILE|- -f ANSWERS-FILE"
	}
	add.Flags().StringSliceVar(&ko.Allow, "allow", []string{serve.CmdInterview}, serveMsg.Get(lang, "flag_allow"))
	add.Flags().StringVar(&ko.Comment, "comment", "", serveMsg.Get(lang, "flag_comment"))
	list := &cobra.Command{
		Use:   "list",
		Short: serveMsg.Get(lang, "keys_list_short"),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			access()
			return runServeKeysList(ko)
		},
	}
	remove := &cobra.Command{
		Use:   "remove KOMMENTAR|FINGERABDRUCK",
		Short: serveMsg.Get(lang, "keys_remove_short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			access()
			ko.Key = args[0]
			return runServeKeysRemove(ko)
		},
	}
	if lang == model.En {
		remove.Use = "remove COMMENT|FINGERPRINT"
	}
	keys.AddCommand(add, list, remove)
	cmd.AddCommand(keys)
	return cmd
}

// serveErr wraps an error of the serve package for the user's language.
func serveErr(err error) error {
	if err == nil {
		return nil
	}
	return &ExitError{Code: ExitFailure, Err: err}
}

// runServeKeysAdd adds a key for the answers file of -f.
func runServeKeysAdd(o *ServeKeysOptions) error {
	g := o.Globals
	lang := g.Lang(nil)
	var data []byte
	var err error
	if o.Key == "-" {
		data, err = io.ReadAll(io.LimitReader(g.In, 64<<10))
	} else {
		data, err = model.ReadUserFile(o.Key)
	}
	if err != nil {
		return serveErr(err)
	}
	key, comment, ok := serve.ParsePublicKey(data)
	if !ok {
		return serveErr(errors.New(serveMsg.Get(lang, "key_read", o.Key)))
	}
	if o.Comment != "" {
		comment = o.Comment
	}
	a, err := serve.LoadOrNewAccess(o.Access)
	if err != nil {
		return serveErr(err)
	}
	e := &serve.Entry{Key: key, Comment: comment, File: relativeTo(o.Access, g.FilePath()), Allow: o.Allow}
	if err := a.Add(e); err != nil {
		return serveErr(err)
	}
	if err := a.Save(); err != nil {
		return serveErr(err)
	}
	fmt.Fprintln(g.text(), serveMsg.Get(lang, "key_added", e.Comment, e.Fingerprint(), a.AnswersPath(e), strings.Join(e.Allow, ", ")))
	return nil
}

// relativeTo returns file as the access file at access names it: relative
// to the access file's folder where possible.
func relativeTo(access, file string) string {
	absFile, err1 := filepath.Abs(file)
	absDir, err2 := filepath.Abs(filepath.Dir(access))
	if err1 != nil || err2 != nil {
		return file
	}
	if rel, err := filepath.Rel(absDir, absFile); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return absFile
}

// runServeKeysList lists the keys: comment, fingerprint, file, commands.
func runServeKeysList(o *ServeKeysOptions) error {
	g := o.Globals
	lang := g.Lang(nil)
	a, err := serve.LoadAccess(o.Access)
	if err != nil {
		return serveErr(err)
	}
	out := g.text()
	if len(a.Entries) == 0 {
		fmt.Fprintln(out, serveMsg.Get(lang, "keys_none", o.Access))
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", serveMsg.Get(lang, "col_comment"), serveMsg.Get(lang, "col_fingerprint"), serveMsg.Get(lang, "col_file"), serveMsg.Get(lang, "col_allow"))
	for _, e := range a.Entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Comment, e.Fingerprint(), e.File, strings.Join(e.Allow, ","))
	}
	return tw.Flush()
}

// runServeKeysRemove removes the key named by comment or fingerprint.
func runServeKeysRemove(o *ServeKeysOptions) error {
	g := o.Globals
	a, err := serve.LoadAccess(o.Access)
	if err != nil {
		return serveErr(err)
	}
	e, err := a.Remove(o.Key)
	if err != nil {
		return serveErr(err)
	}
	if err := a.Save(); err != nil {
		return serveErr(err)
	}
	fmt.Fprintln(g.text(), serveMsg.Get(g.Lang(nil), "key_removed", e.Comment, e.Fingerprint(), a.AnswersPath(e)))
	return nil
}

// runServe runs the SSH server until SIGINT or SIGTERM (or o.Stop), then
// lets every session save and end.
func runServe(o *ServeOptions) error {
	g := o.Globals
	lang := g.Lang(nil)
	switch {
	case o.IdleTimeout < 0:
		return usageError{errors.New(serveMsg.Get(lang, "bad_idle"))}
	case o.MaxSessions < 1:
		return usageError{errors.New(serveMsg.Get(lang, "bad_max"))}
	}
	logw := g.Err
	if o.LogFile != "" {
		fh, err := os.OpenFile(o.LogFile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			return &ExitError{Code: ExitFailure, Err: errors.New(serveMsg.Get(lang, "log_failed", o.LogFile, err))}
		}
		defer fh.Close()
		logw = fh
	}
	key, created, err := serve.HostKey(o.HostKey)
	if err != nil {
		return serveErr(err)
	}
	out := g.text()
	if created {
		fmt.Fprintln(out, serveMsg.Get(lang, "host_created", o.HostKey))
	}
	fmt.Fprintln(out, serveMsg.Get(lang, "host_fp", serve.Fingerprint(key.PublicKey())))
	srv, err := serve.New(serve.Config{
		HostKey: key, AccessPath: o.Access,
		IdleTimeout: o.IdleTimeout, MaxSessions: o.MaxSessions,
		Log: model.TerminalWriter(logw), Now: g.Now,
		LangFor: o.fileLang,
		Run:     o.runSession,
	})
	if err != nil {
		return serveErr(err)
	}
	ln, err := serve.Listen(o.Listen)
	if err != nil {
		return serveErr(err)
	}
	a, _ := serve.LoadAccess(o.Access)
	n := 0
	if a != nil {
		n = len(a.Entries)
	}
	fmt.Fprintln(out, serveMsg.Get(lang, "listening", ln.Addr(), n, o.Access))
	if o.Ready != nil {
		o.Ready(ln.Addr().String())
	}

	stop := o.Stop
	if stop == nil {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
		defer signal.Stop(sigs)
		ch := make(chan struct{})
		go func() { <-sigs; close(ch) }()
		stop = ch
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return serveErr(err)
	case <-stop:
	}
	fmt.Fprintln(out, serveMsg.Get(lang, "stopping"))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(ctx)
	<-served
	fmt.Fprintln(out, serveMsg.Get(lang, "stopped"))
	return serveErr(err)
}

// fileLang returns the language of the messages a client gets before the
// session's command runs: --lang, else the answers file's language, else
// TOM_LANG or the workspace's (as Globals.Lang).
func (o *ServeOptions) fileLang(file string) model.Lang {
	g := o.sessionGlobals(nil, file)
	if o.LangFlag == "" {
		if data, err := model.ReadUserFile(file); err == nil {
			var head struct {
				Language model.Lang `json:"language"`
			}
			if json.Unmarshal(data, &head) == nil && head.Language != "" {
				if l, err := model.ParseLang(string(head.Language)); err == nil {
					return l
				}
			}
		}
	}
	return g.Lang(nil)
}

// sessionGlobals returns the Globals of a session on file: the session's
// terminal, the server's flags and environment for tom's own settings
// (TOM_CATALOG, TOM_LANG …), the client's for its terminal only.
func (o *ServeOptions) sessionGlobals(s *serve.Session, file string) *Globals {
	g := &Globals{
		In: o.In, Out: o.Out, Err: o.Err, Now: o.Now,
		StdinIsTerminal: func() bool { return true },
		File:            file, LangFlag: o.LangFlag, CatalogPath: o.CatalogPath,
		Getenv: o.Getenv,
	}
	if s == nil {
		return g
	}
	g.In, g.Out, g.Err = s.In, s.Out, s.Err
	g.Getenv = func(k string) string {
		switch k {
		case "USER":
			return s.Comment
		case "ACCESSIBLE", "TOM_FILE":
			return ""
		}
		for _, kv := range s.Env {
			if name, v, _ := strings.Cut(kv, "="); name == k {
				return v
			}
		}
		if k == "TERM" || slices.Contains([]string{"NO_COLOR", "COLORTERM", "CLICOLOR", "CLICOLOR_FORCE"}, k) {
			return ""
		}
		return o.Getenv(k)
	}
	g.Terminal = &wizard.Terminal{Options: s.Program, Resize: s.Resize, Stop: s.Stop}
	return g
}

// runSession runs one SSH session's command and returns its exit status;
// errors go to the session's standard error in the user's language.
func (o *ServeOptions) runSession(s *serve.Session) int {
	g := o.sessionGlobals(s, s.File)
	var err error
	switch s.Command {
	case serve.CmdInterview:
		err = runInterview(&interviewOptions{Globals: g})
	case serve.CmdReview:
		err = runReview(&reviewOptions{Globals: g})
	case serve.CmdStatus:
		err = runStatus(&statusOptions{Globals: g})
	}
	code := exitCode(err)
	var ee *ExitError
	if errors.As(err, &ee) {
		err = ee.Err
	}
	if err == nil || err.Error() == "" {
		return code
	}
	msg := g.formatErr(err, g.Lang(nil))
	s.Result = "error"
	var lk *model.LockedError
	if errors.As(err, &lk) {
		// Open in a tom on the consultant's machine.
		msg, s.Result = serveMsg.Get(o.fileLang(s.File), "locked_local", lk.Since), "locked"
	}
	fmt.Fprintln(model.TerminalWriter(g.Err), msg)
	return code
}

// remoteEnd is the closing line of a session over SSH: done (doneKey) or
// saved to go on with at the next connection, without the server's paths
// and commands. The exit status is as locally: 1 when not done.
func remoteEnd(g *Globals, lang model.Lang, done bool, doneKey string) error {
	if done {
		fmt.Fprintln(g.text(), serveMsg.Get(lang, doneKey))
		return nil
	}
	fmt.Fprintln(g.text(), serveMsg.Get(lang, "remote_saved"))
	return &ExitError{Code: ExitFailure}
}

// remoteNext says how a client over SSH goes on where a local user would
// be shown the command line for sub: connect again (with the command when
// it is not the interview); the document is the consultant's business.
func remoteNext(g *Globals, sub string) string {
	lang := g.Lang(nil)
	switch sub {
	case "render":
		return serveMsg.Get(lang, "remote_render")
	case serve.CmdInterview:
		return serveMsg.Get(lang, "remote_again")
	}
	return serveMsg.Get(lang, "remote_command", sub)
}
