package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	bm "charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tom-dsgvo/tom/model"
)

// Config configures a Server.
type Config struct {
	HostKey     gossh.Signer  // see HostKey
	AccessPath  string        // the access file, read again whenever it changes
	IdleTimeout time.Duration // a session without input this long is saved and ended; 0: never
	MaxSessions int           // sessions at once; 0: no limit
	// Log receives one line per session (and per refused connection); nil
	// discards them.
	Log io.Writer
	// LangFor returns the language of the messages a session about the
	// answers file gets before its command runs; nil means German.
	LangFor func(file string) model.Lang
	// Run runs the session's command and returns its exit status. It must
	// return soon after s.Stop is closed, with what was entered saved.
	Run func(s *Session) int
	// Now is the clock of the log; nil means time.Now.
	Now func() time.Time
}

// Session is one client's session, as Config.Run gets it.
type Session struct {
	Command string // CmdInterview, CmdReview or CmdStatus
	File    string // the key's answers file
	Comment string // the key's comment: who is answering
	In      io.Reader
	Out     io.Writer
	Err     io.Writer
	// Env holds the client's terminal settings (TERM, NO_COLOR, COLORTERM);
	// nothing else of the client's environment is passed on.
	Env []string
	// Program gives a full-screen program the session's terminal: input,
	// output, window size, environment and the colour profile of the
	// client's TERM. Resize delivers new window sizes.
	Program []tea.ProgramOption
	Resize  <-chan tea.WindowSizeMsg
	// Stop is closed when the session must end: the connection dropped, it
	// was idle too long, or the server stops.
	Stop <-chan struct{}
	// Result, set by Config.Run, is what happened for the access log
	// ("locked", "error") when the exit status does not tell.
	Result string
}

// Server is the SSH server of tom serve.
type Server struct {
	cfg  Config
	ssh  *ssh.Server
	quit chan struct{} // closed by Shutdown
	wg   sync.WaitGroup

	mu       sync.Mutex
	open     map[string]holder // answers files open in a session, by path
	sessions int
	conns    int // connections open, logged in or not
	access   *Access
	accStamp string // size and time of the access file read

	logMu sync.Mutex
}

// holder says who has an answers file open.
type holder struct {
	comment, remote string
	since           time.Time
}

// envKept lists the client's environment variables a session sees.
var envKept = []string{"NO_COLOR", "COLORTERM", "CLICOLOR", "CLICOLOR_FORCE"}

// New returns a server for cfg. It reads the access file once, so that a
// broken one is reported at the start.
func New(cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.LangFor == nil {
		cfg.LangFor = func(string) model.Lang { return model.De }
	}
	s := &Server{cfg: cfg, quit: make(chan struct{}), open: map[string]holder{}}
	if _, err := s.loadAccess(); err != nil {
		return nil, err
	}
	s.ssh = &ssh.Server{
		Version:          "tom",
		HostSigners:      []ssh.Signer{cfg.HostKey},
		Handler:          s.handle,
		PublicKeyHandler: s.auth,
		// No password or keyboard-interactive handler: public keys only.
		// No forwarding callbacks and only the "session" channel: no
		// port, agent or X11 forwarding. No subsystems (SFTP).
		SessionRequestCallback: func(_ ssh.Session, kind string) bool {
			return kind == "shell" || kind == "exec"
		},
		// The session channel without agent forwarding: the library would
		// accept the request (and then never use it); it is refused here.
		ChannelHandlers: map[string]ssh.ChannelHandler{
			"session": func(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
				ssh.DefaultSessionHandler(srv, conn, noAgent{ch}, ctx)
			},
		},
		HandshakeTimeout: 30 * time.Second,
		// A connection with no traffic at all (ssh -N) ends a little after
		// a session would; a session ends itself first, saved and told.
		IdleTimeout: connIdle(cfg.IdleTimeout),
		// Connections that have not logged in yet are bounded too.
		ConnCallback: func(_ ssh.Context, conn net.Conn) net.Conn {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.conns >= s.maxConns() {
				return nil
			}
			s.conns++
			return conn
		},
		ConnectionCloseCallback: func(net.Conn) {
			s.mu.Lock()
			s.conns--
			s.mu.Unlock()
		},
		ConnectionFailedCallback: func(conn net.Conn, err error) {
			s.logf("-", conn.RemoteAddr().String(), "-", "-", "denied", "error="+strconv.Quote(err.Error()))
		},
	}
	return s, nil
}

// Listen listens on addr (host:port) for Serve. It is the only place tom
// opens a network socket, and only when tom serve is asked to.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, errorf("", 0, "listen_failed", addr, err.Error())
	}
	return ln, nil
}

// Serve answers connections on ln until Shutdown. It returns nil after a
// Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections, ends every session (each saves what
// was entered, as on a dropped connection) and waits until they are done or
// ctx ends; then it closes what is left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
	s.mu.Unlock()
	// Close the listeners only: with its context done, the library's
	// Shutdown does not wait for the connections.
	now, cancel := context.WithCancel(context.Background())
	cancel()
	s.ssh.Shutdown(now)
	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	s.ssh.Close() // connections without a session (logging in, refused)
	return err
}

// loadAccess returns the access file, read again when it changed.
func (s *Server) loadAccess() (*Access, error) {
	st, err := os.Stat(s.cfg.AccessPath)
	if err != nil {
		_, err = LoadAccess(s.cfg.AccessPath)
		return nil, err
	}
	stamp := strconv.FormatInt(st.Size(), 10) + " " + st.ModTime().String()
	s.mu.Lock()
	if s.access != nil && stamp == s.accStamp {
		a := s.access
		s.mu.Unlock()
		return a, nil
	}
	s.mu.Unlock()
	a, err := LoadAccess(s.cfg.AccessPath)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.access, s.accStamp = a, stamp
	s.mu.Unlock()
	return a, nil
}

// entry returns the access entry of key and the access file it is in.
func (s *Server) entry(key ssh.PublicKey) (*Access, *Entry) {
	if key == nil {
		return nil, nil
	}
	a, err := s.loadAccess()
	if err != nil {
		s.logf("-", "-", s.cfg.AccessPath, "-", "access-file", "error="+strconv.Quote(model.ErrorIn(err, model.En)))
		return nil, nil
	}
	return a, a.Find(key)
}

// auth lets in the keys of the access file, and no others.
func (s *Server) auth(_ ssh.Context, key ssh.PublicKey) bool {
	_, e := s.entry(key)
	return e != nil
}

// pick returns the command a session runs: the one asked for (ssh host
// review), else the first the key may run.
func pick(e *Entry, args []string) (string, bool) {
	if len(args) == 0 {
		for _, c := range Commands {
			if e.Allows(c) {
				return c, true
			}
		}
		return "", false
	}
	if len(args) == 1 && e.Allows(args[0]) {
		return args[0], true
	}
	return "", false
}

// handle runs one session.
func (s *Server) handle(sess ssh.Session) {
	// Counted under the lock Shutdown closes quit under: no session starts
	// once Shutdown waits for them.
	s.mu.Lock()
	select {
	case <-s.quit:
		s.mu.Unlock()
		sess.Exit(1)
		return
	default:
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()
	remote := sess.RemoteAddr().String()
	a, e := s.entry(sess.PublicKey())
	if e == nil {
		s.logf("-", remote, "-", "-", "denied", `error="key no longer in the access file"`)
		sess.Exit(1)
		return
	}
	file := a.AnswersPath(e)
	lang := s.cfg.LangFor(file)
	asked := sess.RawCommand()
	refuse := func(what, msg string) {
		s.logf(e.Comment, remote, file, asked, what, "")
		fmt.Fprint(sess.Stderr(), strings.ReplaceAll(msg, "\n", "\r\n")+"\r\n")
		sess.Exit(1)
	}
	cmd, ok := pick(e, sess.Command())
	if !ok {
		refuse("refused", Msg.Get(lang, "session_only", strings.Join(e.Allow, ", "), model.TerminalSafe(sess.RawCommand())))
		return
	}
	asked = cmd
	_, winch, isPty := sess.Pty()
	if cmd != CmdStatus && !isPty {
		refuse("no-terminal", Msg.Get(lang, "session_no_pty"))
		return
	}
	if !s.takeSlot() {
		refuse("full", Msg.Get(lang, "session_full", s.cfg.MaxSessions))
		return
	}
	defer s.freeSlot()
	if cmd != CmdStatus {
		if h, busy := s.claim(file, holder{comment: e.Comment, remote: remote, since: s.cfg.Now()}); busy {
			refuse("locked", Msg.Get(lang, "session_locked", filepath.Base(file), h.comment, h.remote, h.since.Format("2006-01-02 15:04")))
			return
		}
	}
	claimed := cmd != CmdStatus
	defer func() {
		if claimed { // Run panicked
			s.unclaim(file)
		}
	}()

	start := s.cfg.Now()
	in := &activity{r: sess}
	in.touch()
	stop := make(chan struct{})
	var reason atomic.Value // why the session was stopped
	watchDone := make(chan struct{})
	defer close(watchDone)
	go s.watch(sess, in, stop, &reason, watchDone)

	run := &Session{
		Command: cmd, File: file, Comment: e.Comment,
		In: in, Out: sess, Err: sess.Stderr(),
		Env:  clientEnv(sess),
		Stop: stop,
	}
	if isPty {
		resize := make(chan tea.WindowSizeMsg, 1)
		go forwardResizes(winch, resize, watchDone)
		run.Resize = resize
		env := append(sess.Environ(), "TERM="+termOf(sess))
		run.Program = append(bm.MakeOptions(sess),
			tea.WithInput(in),
			tea.WithWindowSize(windowSize(sess)),
			tea.WithEnvironment(run.Env),
			tea.WithColorProfile(colorprofile.Env(env)))
	}
	code := s.cfg.Run(run)
	if claimed {
		// Free before the log line: whoever reads "dropped" may reconnect.
		s.unclaim(file)
		claimed = false
	}
	what := "completed"
	if code != 0 {
		what = "stopped"
	}
	if cmd == CmdStatus {
		what = "shown"
	}
	if run.Result != "" {
		what = run.Result
	}
	if r, ok := reason.Load().(string); ok {
		what = r
		switch r {
		case "idle":
			fmt.Fprint(sess.Stderr(), Msg.Get(lang, "session_idle", minutes(s.cfg.IdleTimeout))+"\r\n")
		case "shutdown":
			fmt.Fprint(sess.Stderr(), Msg.Get(lang, "session_shutdown")+"\r\n")
		}
	}
	s.logf(e.Comment, remote, file, cmd, what, fmt.Sprintf("exit=%d duration=%s", code, s.cfg.Now().Sub(start).Round(time.Second)))
	sess.Exit(code)
}

// watch closes stop when the session must end and records why.
func (s *Server) watch(sess ssh.Session, in *activity, stop chan struct{}, reason *atomic.Value, done <-chan struct{}) {
	var idle <-chan time.Time
	var timer *time.Timer
	if s.cfg.IdleTimeout > 0 {
		timer = time.NewTimer(s.cfg.IdleTimeout)
		defer timer.Stop()
		idle = timer.C
	}
	for {
		select {
		case <-done:
			return
		case <-sess.Context().Done():
			reason.Store("dropped")
		case <-s.quit:
			reason.Store("shutdown")
		case <-idle:
			if left := s.cfg.IdleTimeout - in.since(); left > 0 {
				timer.Reset(left)
				continue
			}
			reason.Store("idle")
		}
		close(stop)
		return
	}
}

// forwardResizes passes the session's window sizes on until done.
func forwardResizes(winch <-chan ssh.Window, out chan<- tea.WindowSizeMsg, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case w, ok := <-winch:
			if !ok {
				return
			}
			if w.Width <= 0 || w.Height <= 0 {
				continue // a client without a terminal of its own (ssh -tt < file)
			}
			select {
			case out <- tea.WindowSizeMsg{Width: w.Width, Height: w.Height}:
			case <-done:
				return
			}
		}
	}
}

// windowSize returns the size of the client's terminal; 80x24 when the
// client reports none.
func windowSize(sess ssh.Session) (w, h int) {
	p, _, _ := sess.Pty()
	if p.Window.Width <= 0 || p.Window.Height <= 0 {
		return 80, 24
	}
	return p.Window.Width, p.Window.Height
}

// termOf returns the client's TERM, from its pty request.
func termOf(sess ssh.Session) string {
	if p, _, ok := sess.Pty(); ok && p.Term != "" {
		return p.Term
	}
	return "dumb"
}

// clientEnv returns the client's terminal settings a session sees: TERM
// from the pty request and the colour variables of envKept.
func clientEnv(sess ssh.Session) []string {
	env := []string{"TERM=" + termOf(sess)}
	for _, kv := range sess.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		for _, want := range envKept {
			if k == want {
				env = append(env, kv)
			}
		}
	}
	return env
}

// connIdle is the idle timeout of a connection for sessions' idle timeout d.
func connIdle(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return d + time.Minute
}

// maxConns is how many connections may be open at once: twice the
// sessions, so that clients can still connect while others log in.
func (s *Server) maxConns() int {
	if s.cfg.MaxSessions <= 0 {
		return 1000
	}
	return max(2*s.cfg.MaxSessions, 10)
}

// takeSlot counts a session in, unless MaxSessions are running.
func (s *Server) takeSlot() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg.MaxSessions > 0 && s.sessions >= s.cfg.MaxSessions {
		return false
	}
	s.sessions++
	return true
}

func (s *Server) freeSlot() {
	s.mu.Lock()
	s.sessions--
	s.mu.Unlock()
}

// claim marks file open for h, or returns who has it open.
func (s *Server) claim(file string, h holder) (holder, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur, ok := s.open[file]; ok {
		return cur, true
	}
	s.open[file] = h
	return h, false
}

func (s *Server) unclaim(file string) {
	s.mu.Lock()
	delete(s.open, file)
	s.mu.Unlock()
}

// logf writes one access log line: time, key comment, remote address,
// answers file, command, what happened and a detail ("name=value").
func (s *Server) logf(comment, remote, file, cmd, what, detail string) {
	fields := []string{
		"time=" + s.cfg.Now().UTC().Format(time.RFC3339),
		"key=" + strconv.Quote(comment),
		"remote=" + remote,
		"file=" + strconv.Quote(file),
		"command=" + strconv.Quote(cmd),
		"result=" + what,
	}
	if detail != "" {
		fields = append(fields, detail)
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintln(s.cfg.Log, strings.Join(fields, " "))
}

// activity is the session's input; it notes when the client last typed.
type activity struct {
	r    io.Reader
	last atomic.Int64 // unix nanoseconds
}

func (a *activity) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.touch()
	}
	return n, err
}

func (a *activity) touch() { a.last.Store(time.Now().UnixNano()) }

// since returns how long ago the client last typed.
func (a *activity) since() time.Duration { return time.Duration(time.Now().UnixNano() - a.last.Load()) }

// minutes writes d for a message: "30 min", or seconds below a minute.
func minutes(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Seconds()))
	}
	return fmt.Sprintf("%d min", int(d.Minutes()))
}

// noAgent is a session channel whose agent forwarding requests are refused.
type noAgent struct{ gossh.NewChannel }

// Bounds on the environment a client may send: the library keeps every
// variable of every "env" request, so more, or larger, are answered "no".
const (
	maxEnvRequests = 32
	maxEnvPayload  = 1024
)

// Accept accepts the channel and passes on every request but agent
// forwarding, which is answered "no", and environment variables past
// maxEnvRequests or larger than maxEnvPayload, also answered "no".
func (n noAgent) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := n.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		envs := 0
		for r := range reqs {
			if !allowRequest(r.Type, len(r.Payload), &envs) {
				r.Reply(false, nil)
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

// allowRequest reports whether a session channel request of the given type
// and payload size is passed on; envs counts the env requests passed so far.
func allowRequest(kind string, size int, envs *int) bool {
	switch kind {
	case "auth-agent-req@openssh.com":
		return false
	case "env":
		if *envs >= maxEnvRequests || size > maxEnvPayload {
			return false
		}
		*envs++
	}
	return true
}
