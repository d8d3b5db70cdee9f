package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/serve"
)

// serveEnv is a running tom serve and what an OpenSSH client needs to reach it.
type serveEnv struct {
	t          *testing.T
	dir        string
	port       string
	knownHosts string
	log        string
	cmd        *exec.Cmd
	out        *syncBuffer // the server's standard output
}

// syncBuffer collects output written by another goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitText waits until read() holds every one of want, and returns it.
func waitText(t *testing.T, what string, read func() string, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		s := read()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(s, w)
		}
		if ok {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never showed %q:\n%s", what, want, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// clientKey makes an ed25519 key pair with OpenSSH's ssh-keygen.
func clientKey(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	return path
}

// startServe starts tom serve on a free loopback port with args added and
// waits until it listens; the host key goes into known_hosts, so that the
// client checks it strictly.
func startServe(t *testing.T, dir string, args ...string) *serveEnv {
	t.Helper()
	bin := tomBinary(t)
	catalog, _ := filepath.Abs(smallCatalogPath)
	e := &serveEnv{t: t, dir: dir, log: filepath.Join(dir, "access.log"), out: &syncBuffer{}}
	hostKey := filepath.Join(dir, "host_key")
	all := append([]string{"serve", "--listen", "127.0.0.1:0", "--access", filepath.Join(dir, "access"),
		"--host-key", hostKey, "--log", e.log, "--catalog", catalog}, args...)
	e.cmd = exec.Command(bin, all...)
	e.cmd.Dir = dir
	e.cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH"), "TOM_TODAY=2026-11-28"}
	e.cmd.Stdout, e.cmd.Stderr = e.out, e.out
	if err := e.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		e.cmd.Process.Kill()
		e.cmd.Wait()
	})
	out := waitText(t, "tom serve", e.out.String, "lauscht auf 127.0.0.1:")
	m := regexp.MustCompile(`lauscht auf 127\.0\.0\.1:(\d+)`).FindStringSubmatch(out)
	e.port = m[1]
	// The fingerprint printed is the one OpenSSH computes.
	fp, err := exec.Command("ssh-keygen", "-lf", hostKey).Output()
	if err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(string(fp)); len(f) < 2 || !strings.Contains(out, "ED25519 "+f[1]) {
		t.Fatalf("fingerprint printed:\n%s\nssh-keygen -lf: %s", out, fp)
	}
	pub, err := exec.Command("ssh-keygen", "-y", "-f", hostKey).Output()
	if err != nil {
		t.Fatal(err)
	}
	e.knownHosts = filepath.Join(dir, "known_hosts")
	os.WriteFile(e.knownHosts, []byte("[127.0.0.1]:"+e.port+" "+string(pub)), 0o600)
	return e
}

// ssh returns an OpenSSH client command with key and extra args.
func (e *serveEnv) ssh(key string, args ...string) *exec.Cmd {
	base := []string{"-F", "/dev/null", "-p", e.port, "-o", "UserKnownHostsFile=" + e.knownHosts,
		"-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
		"-o", "LogLevel=ERROR", "-i", key}
	c := exec.Command("ssh", append(base, args...)...)
	c.Env = []string{"HOME=" + e.dir, "PATH=" + os.Getenv("PATH"), "TERM=xterm-256color"}
	return c
}

// sshLine is the same client as a shell command line (for tmux).
func (e *serveEnv) sshLine(key string, args ...string) string {
	c := e.ssh(key, args...)
	return "TERM=xterm-256color exec " + strings.Join(c.Args, " ")
}

// logText returns the access log.
func (e *serveEnv) logText() string {
	data, _ := os.ReadFile(e.log)
	return string(data)
}

// run runs c and returns its output and exit code.
func run(t *testing.T, c *exec.Cmd) (stdout, stderr string, code int) {
	t.Helper()
	var o, er bytes.Buffer
	c.Stdout, c.Stderr = &o, &er
	if c.Stdin == nil {
		c.Stdin = strings.NewReader("")
	}
	err := c.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.String(), er.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), er.String(), 0
}

// addKey writes the access file entry of key for file through tom serve keys add.
func addKey(t *testing.T, dir, key, file string, allow string) {
	t.Helper()
	out, code := runTomBin(t, "", nil, "serve", "keys", "add", key+".pub", "--access", filepath.Join(dir, "access"), "-f", filepath.Join(dir, file), "--allow", allow)
	if code != 0 {
		t.Fatalf("keys add: %s", out)
	}
}

// TestE2EServe drives tom serve with the real OpenSSH client over
// 127.0.0.1: refusals, an interview dropped mid-step and resumed, the lock
// between two sessions, and a graceful SIGTERM.
func TestE2EServe(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"ssh", "ssh-keygen", "sftp", "tmux"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s is not installed", p)
		}
	}
	dir := t.TempDir()
	kunde := clientKey(t, dir, "kunde")
	fremd := clientKey(t, dir, "fremd")
	leser := clientKey(t, dir, "leser")
	addKey(t, dir, kunde, "kunde.json", "interview")
	addKey(t, dir, leser, "kunde.json", "status")
	e := startServe(t, dir)
	path := filepath.Join(dir, "kunde.json")

	t.Run("refused", func(t *testing.T) {
		// A key not in the access file.
		_, errs, code := run(t, e.ssh(fremd, "-tt", "kunde@127.0.0.1"))
		if code != 255 || !strings.Contains(errs, "Permission denied (publickey)") {
			t.Errorf("wrong key: %d %q", code, errs)
		}
		// A password: the server offers public keys only, nothing to type.
		c := e.ssh(kunde, "-o", "BatchMode=no", "-o", "PreferredAuthentications=password,keyboard-interactive", "-o", "NumberOfPasswordPrompts=1", "kunde@127.0.0.1")
		_, errs, code = run(t, c)
		if code != 255 || !strings.Contains(errs, "Permission denied (publickey)") {
			t.Errorf("password: %d %q", code, errs)
		}
		// A command other than the interview.
		out, errs, code := run(t, e.ssh(kunde, "kunde@127.0.0.1", "ls", "/"))
		if code != 1 || out != "" || !strings.Contains(errs, `"ls /" ist nicht erlaubt`) {
			t.Errorf("ssh host ls: %d %q %q", code, out, errs)
		}
		// A command the key may not run.
		_, errs, code = run(t, e.ssh(kunde, "kunde@127.0.0.1", "status"))
		if code != 1 || !strings.Contains(errs, `Hier gibt es nur die Befragung: interview. "status" ist nicht erlaubt.`) {
			t.Errorf("status without permission: %d %q", code, errs)
		}
		// X11 forwarding is refused.
		c = e.ssh(kunde, "-X", "kunde@127.0.0.1", "status")
		c.Env = append(c.Env, "DISPLAY=:0")
		_, errs, _ = run(t, c)
		if !strings.Contains(errs, "X11 forwarding request failed") {
			t.Errorf("-X: %q", errs)
		}
		// The interview needs a terminal.
		_, errs, code = run(t, e.ssh(kunde, "-T", "kunde@127.0.0.1"))
		if code != 1 || !strings.Contains(errs, "ssh -t") {
			t.Errorf("no terminal: %d %q", code, errs)
		}
		// SFTP, as the sftp program and as ssh -s.
		_, errs, code = run(t, exec.Command("sftp", "-F", "/dev/null", "-P", e.port, "-o", "UserKnownHostsFile="+e.knownHosts, "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-i", kunde, "kunde@127.0.0.1"))
		if code == 0 || !strings.Contains(errs, "subsystem request failed") {
			t.Errorf("sftp: %d %q", code, errs)
		}
		_, errs, code = run(t, e.ssh(kunde, "-s", "kunde@127.0.0.1", "sftp"))
		if code == 0 || !strings.Contains(errs, "subsystem request failed") {
			t.Errorf("ssh -s sftp: %d %q", code, errs)
		}
		// Remote forwarding is refused when asked.
		_, errs, code = run(t, e.ssh(kunde, "-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:9", "kunde@127.0.0.1"))
		if code != 255 || !strings.Contains(errs, "remote port forwarding failed") {
			t.Errorf("-R: %d %q", code, errs)
		}
		// Local forwarding: the tunnel opens on the client, but the server
		// refuses every channel through it.
		t.Run("local forwarding", func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			lport := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
			ln.Close()
			c := e.ssh(kunde, "-N", "-L", "127.0.0.1:"+lport+":127.0.0.1:"+e.port, "kunde@127.0.0.1")
			for i, a := range c.Args {
				if a == "LogLevel=ERROR" {
					c.Args[i] = "LogLevel=INFO" // to see the refusal
				}
			}
			errs := &syncBuffer{}
			c.Stderr = errs
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { c.Process.Kill(); c.Wait() }()
			var conn net.Conn
			deadline := time.Now().Add(waitLimit)
			for conn == nil {
				conn, err = net.Dial("tcp", "127.0.0.1:"+lport)
				if err != nil && time.Now().After(deadline) {
					t.Fatalf("tunnel never opened: %v", err)
				}
				time.Sleep(20 * time.Millisecond)
			}
			conn.SetReadDeadline(time.Now().Add(waitLimit))
			got, err := io.ReadAll(conn)
			conn.Close()
			if len(got) != 0 || err != nil {
				t.Errorf("read %q through the tunnel (%v); want it closed at once", got, err)
			}
			waitText(t, "ssh -L", errs.String, "open failed: unknown channel type")
		})
		if _, err := os.Stat(path); err == nil {
			t.Error("a refused session created the answers file")
		}
	})

	t.Run("interview, drop, resume, lock", func(t *testing.T) {
		tm := &tmuxTerm{t: t, socket: filepath.Join(t.TempDir(), "tmux"), session: "serve"}
		defer tm.kill()
		tm.gen++
		open := func() int {
			tm.tmux("new-session", "-d", "-s", tm.session, "-x", "80", "-y", "24", e.sshLine(kunde, "-t", "kunde@127.0.0.1"))
			pid, err := strconv.Atoi(strings.TrimSpace(tm.tmux("display", "-p", "-t", tm.session, "#{pane_pid}")))
			if err != nil {
				t.Fatal(err)
			}
			return pid
		}
		pid := open()
		tm.waitFor("Schritt 1 von 4 · Organisation", "Name des Unternehmens")
		tm.typ("Bäckerei Öztürk & Süß")
		tm.keys("Enter")
		tm.waitFor("Anschrift")
		tm.typ("Königstraße 7")
		tm.keys("Enter")
		tm.waitFor("E-Mail")
		tm.typ("info@example.org")
		tm.keys("Enter")
		tm.waitFor("Datum der Erhebung")
		tm.typ("28.11.2026")
		tm.keys("Enter")
		tm.waitFor("Schritt 2 von 4", "Betreiben Sie")
		tm.smallStepsTwoThree()

		// A second session on the same file is told who has it open.
		_, errs, code := run(t, e.ssh(kunde, "-tt", "kunde@127.0.0.1"))
		if code != 1 || !strings.Contains(errs, "kunde.json ist gerade in einer anderen Sitzung geöffnet (kunde von 127.0.0.1:") {
			t.Errorf("second session: %d %q", code, errs)
		}

		// The connection drops in the middle of the step: the client dies.
		client, err := os.FindProcess(pid)
		if err != nil {
			t.Fatal(err)
		}
		if err := client.Kill(); err != nil {
			t.Fatal(err)
		}
		waitText(t, "access log", e.logText, "result=dropped")
		f := loadJSON(t, path)
		ans := f["answers"].(map[string]any)
		if ans["org.name"] != "Bäckerei Öztürk & Süß" || ans["infra.server_kind"] != "vserver" {
			t.Fatalf("answers after the drop: %v", ans)
		}
		ms := f["measures"].(map[string]any)
		if p := ms["access_system.policy"].(map[string]any); p["status"] != "planned" || p["due"] != "2026-12-31" {
			t.Fatalf("half-finished step not saved: %#v", p)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("answers file mode %v %v", st.Mode(), err)
		}

		// Reconnecting resumes at the question with the typed text.
		tm.kill()
		tm.gen++
		open()
		tm.waitFor("Schritt 3 von 4 · Zugangskontrolle", "Willkommen zurück", "Bis wann", "> 31.12.2026")
		// The client's window changes size: the screen is laid out again.
		tm.tmux("resize-window", "-t", tm.session, "-x", "60", "-y", "20")
		tm.waitFor("Strg+O Übersicht ·…", "> 31.12.2026")
		tm.keys("C-c")
		waitText(t, "access log", e.logText, "result=stopped")
	})

	t.Run("status", func(t *testing.T) {
		// A key allowed the status only gets it without asking.
		out, _, code := run(t, e.ssh(leser, "kunde@127.0.0.1"))
		if code != ExitStatusIncomplete || !strings.Contains(out, "Organisation:     Bäckerei Öztürk & Süß") || !strings.Contains(out, "ssh (erneut verbinden)") || strings.Contains(out, "tom interview") {
			t.Errorf("status: %d %q", code, out)
		}
	})

	t.Run("log", func(t *testing.T) {
		log := e.logText()
		for _, want := range []string{
			`key="-" remote=127.0.0.1:`, // the wrong key
			`key="kunde" remote=127.0.0.1:`,
			`command="ls /" result=refused`,
			`command="interview" result=no-terminal`,
			`command="interview" result=locked`,
			`command="interview" result=dropped`,
			`command="interview" result=stopped exit=1`,
			`key="leser" remote=127.0.0.1:`,
			`command="status" result=shown exit=5`,
		} {
			if !strings.Contains(log, want) {
				t.Errorf("access log lacks %q:\n%s", want, log)
			}
		}
		if !strings.Contains(log, `file="`+path+`"`) {
			t.Errorf("access log lacks the file:\n%s", log)
		}
	})
}

// TestE2EServeSessions runs 20 sessions at once on 20 files; each answers
// the first step; then SIGTERM ends the server and every session saves.
// Memory per session and the time to the first frame are logged (figures,
// not assertions). A second server shows the idle timeout and the session
// limit.
func TestE2EServeSessions(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s is not installed", p)
		}
	}
	const n = 20
	dir := t.TempDir()
	a := &serve.Access{Path: filepath.Join(dir, "access")}
	keys := make([]string, n)
	for i := range keys {
		keys[i] = clientKey(t, dir, fmt.Sprintf("k%02d", i))
		pub, _ := os.ReadFile(keys[i] + ".pub")
		k, _, ok := serve.ParsePublicKey(pub)
		if !ok {
			t.Fatal("ssh-keygen wrote no key")
		}
		if err := a.Add(&serve.Entry{Key: k, Comment: fmt.Sprintf("kunde-%02d", i), File: fmt.Sprintf("kunde-%02d.json", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	e := startServe(t, dir, "--max-sessions", "25")

	// One session alone first: the time to the first frame without load.
	lone := e.ssh(keys[0], "-tt", "kunde@127.0.0.1")
	loneOut := &syncBuffer{}
	lone.Stdout, lone.Stderr = loneOut, loneOut
	loneIn, _ := lone.StdinPipe()
	start := time.Now()
	if err := lone.Start(); err != nil {
		t.Fatal(err)
	}
	waitText(t, "lone session", loneOut.String, "Name des Unternehmens")
	loneFirst := time.Since(start)
	io.WriteString(loneIn, "\x03") // Ctrl+C: saved, ended
	lone.Wait()
	waitText(t, "access log", e.logText, "result=stopped")
	idleRSS := rss(t, e.cmd.Process.Pid)

	type client struct {
		cmd   *exec.Cmd
		in    io.WriteCloser
		out   *syncBuffer
		first time.Duration
	}
	clients := make([]*client, n)
	var wg sync.WaitGroup
	for i := range clients {
		c := &client{cmd: e.ssh(keys[i], "-tt", "kunde@127.0.0.1"), out: &syncBuffer{}}
		c.cmd.Stdout, c.cmd.Stderr = c.out, c.out
		in, err := c.cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		c.in = in
		clients[i] = c
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			if err := c.cmd.Start(); err != nil {
				t.Error(err)
				return
			}
			deadline := time.Now().Add(waitLimit)
			for !strings.Contains(c.out.String(), "Name des Unternehmens") && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			c.first = time.Since(start)
		}()
	}
	wg.Wait()
	busyRSS := rss(t, e.cmd.Process.Pid)
	var firsts []time.Duration
	for i, c := range clients {
		if !strings.Contains(c.out.String(), "Name des Unternehmens") {
			t.Fatalf("session %d never showed the first question:\n%q", i, c.out.String())
		}
		firsts = append(firsts, c.first)
		fmt.Fprintf(c.in, "Firma %02d\r", i)
	}
	// The first step: name, address, e-mail, date, then the second step.
	for _, text := range []string{"Straße 1\r", "a@example.org\r", "28.11.2026\r"} {
		time.Sleep(100 * time.Millisecond)
		for _, c := range clients {
			io.WriteString(c.in, text)
		}
	}
	for i := range clients {
		file := filepath.Join(dir, fmt.Sprintf("kunde-%02d.json", i))
		waitText(t, file, func() string { d, _ := os.ReadFile(file); return string(d) }, `"org.date": "2026-11-28"`, `"step": "infra"`)
	}
	slowest, sum := time.Duration(0), time.Duration(0)
	for _, d := range firsts {
		slowest = max(slowest, d)
		sum += d
	}
	t.Logf("one session alone: time to first frame over SSH (ssh start → first question) %v", loneFirst.Round(time.Millisecond))
	t.Logf("%d sessions: server RSS %.1f MB idle, %.1f MB with all sessions open: %.2f MB per session; time to first frame over SSH (ssh start → first question, %d clients started at once): mean %v, slowest %v",
		n, float64(idleRSS)/1024, float64(busyRSS)/1024, float64(busyRSS-idleRSS)/1024/n, n, (sum / n).Round(time.Millisecond), slowest.Round(time.Millisecond))

	// SIGTERM: every session saves and is told; the server ends cleanly.
	e.cmd.Process.Signal(syscall.SIGTERM)
	if err := e.cmd.Wait(); err != nil {
		t.Errorf("tom serve after SIGTERM: %v\n%s", err, e.out.String())
	}
	for _, c := range clients {
		c.in.Close()
		c.cmd.Wait()
		if !strings.Contains(c.out.String(), "Der Server wird beendet; das Eingegebene ist gespeichert.") {
			t.Errorf("session not told of the shutdown:\n%q", c.out.String())
		}
	}
	if got := strings.Count(e.logText(), "result=shutdown"); got != n {
		t.Errorf("%d sessions logged as saved on shutdown, want %d:\n%s", got, n, e.logText())
	}

	// A second server: one session at most, idle after a second.
	t.Run("idle and limit", func(t *testing.T) {
		e2 := startServe(t, dir, "--max-sessions", "1", "--idle-timeout", "1s")
		c := e2.ssh(keys[0], "-tt", "kunde@127.0.0.1")
		out := &syncBuffer{}
		c.Stdout, c.Stderr = out, out
		in, _ := c.StdinPipe()
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		waitText(t, "session", out.String, "Willkommen zurück")
		_, errs, code := run(t, e2.ssh(keys[1], "-tt", "kunde@127.0.0.1"))
		if code != 1 || !strings.Contains(errs, "Zu viele gleichzeitige Sitzungen (höchstens 1)") {
			t.Errorf("over the limit: %d %q", code, errs)
		}
		io.WriteString(in, "Halb getippt")
		waitText(t, "session", out.String, "Nach 1 s ohne Eingabe beendet; das Eingegebene ist gespeichert.")
		c.Wait()
		waitText(t, "access log", e2.logText, "result=idle", "result=full")
		f := loadJSON(t, filepath.Join(dir, "kunde-00.json"))
		if p := f["progress"].(map[string]any); p["step"] != "infra" {
			t.Errorf("progress after idle: %v", p)
		}
	})
}

// rss returns the resident memory of process pid in KiB.
func rss(t *testing.T, pid int) int {
	t.Helper()
	fh, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skip("no /proc: cannot measure memory")
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.Fields(rest)[0])
			return kb
		}
	}
	return 0
}

// TestE2EServeReview: a key allowed the review runs it on its completed file
// with `ssh -t host review`; Ctrl+C ends it with the remote closing line.
func TestE2EServeReview(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("ssh is not installed")
	}
	path := rvCopy(t, "../testdata/review/story-2025.json")
	dir := filepath.Dir(path)
	key := clientKey(t, dir, "webdesign")
	addKey(t, dir, key, filepath.Base(path), "interview,review")
	catalog, _ := filepath.Abs(rvCatalogPath)
	e := startServe(t, dir, "--catalog", catalog)
	c := e.ssh(key, "-tt", "kunde@127.0.0.1", "review")
	out := &syncBuffer{}
	c.Stdout, c.Stderr = out, out
	in, _ := c.StdinPipe()
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	waitText(t, "review", out.String, "Jährliche Überprüfung: Muster Webdesign GmbH")
	io.WriteString(in, "\x03")
	waitText(t, "review", out.String, "Gespeichert. Beim nächsten Verbinden geht es an derselben Stelle weiter.")
	c.Wait()
	if code := c.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit %d, want 1 (not finished)", code)
	}
	waitText(t, "access log", e.logText, `key="webdesign"`, `command="review" result=stopped exit=1`)
}
