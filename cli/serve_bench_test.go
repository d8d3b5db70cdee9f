package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tom-dsgvo/tom/serve"
)

// benchServer starts an in-process tom serve (small catalogue) with n
// client keys, each for its own answers file, and returns its address, the
// clients' configurations and a channel that gets one value per access log
// line (one per ended session).
func benchServer(b testing.TB, n int) (addr string, cfgs []*gossh.ClientConfig, ended <-chan struct{}, srv *serve.Server, dir string) {
	b.Helper()
	dir = b.TempDir()
	host, _, err := serve.HostKey(filepath.Join(dir, "host_key"))
	if err != nil {
		b.Fatal(err)
	}
	a := &serve.Access{Path: filepath.Join(dir, "access")}
	for i := 0; i < n; i++ {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		signer, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			b.Fatal(err)
		}
		a.Add(&serve.Entry{Key: signer.PublicKey(), Comment: fmt.Sprintf("bench-%d", i), File: fmt.Sprintf("kunde-%d.json", i)})
		cfgs = append(cfgs, &gossh.ClientConfig{
			User:            "kunde",
			Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
			HostKeyCallback: gossh.FixedHostKey(host.PublicKey()),
		})
	}
	if err := a.Save(); err != nil {
		b.Fatal(err)
	}
	g, _, _ := testGlobals(time.Now())
	g.CatalogPath, _ = filepath.Abs(smallCatalogPath)
	o := &ServeOptions{Globals: g}
	lines := make(chan struct{}, 1000)
	srv, err = serve.New(serve.Config{HostKey: host, AccessPath: a.Path, Run: o.runSession, Log: lineSignal(lines)})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := serve.Listen("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Shutdown(context.Background()) })
	return ln.Addr().String(), cfgs, lines, srv, dir
}

// lineSignal is an access log that signals each line written.
type lineSignal chan struct{}

func (l lineSignal) Write(p []byte) (int, error) {
	l <- struct{}{}
	return len(p), nil
}

// firstFrame connects, asks for an 80x24 terminal and the interview, and
// waits for the first question; it returns the open client.
func firstFrame(b testing.TB, addr string, cfg *gossh.ClientConfig) (*gossh.Client, *syncBuffer, io.WriteCloser) {
	c, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		b.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		b.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		b.Fatal(err)
	}
	out, _ := s.StdoutPipe()
	in, _ := s.StdinPipe()
	var errs bytes.Buffer
	s.Stderr = &errs
	if err := s.Shell(); err != nil {
		b.Fatal(err)
	}
	var got bytes.Buffer
	buf := make([]byte, 4096)
	for !strings.Contains(got.String(), "Name des Unternehmens") {
		n, err := out.Read(buf)
		if err != nil {
			b.Fatalf("no first frame: %v\n%q\n%s", err, got.String(), errs.String())
		}
		got.Write(buf[:n])
	}
	rest := &syncBuffer{}
	go io.Copy(rest, out)
	return c, rest, in
}

// BenchmarkServeFirstFrame measures one SSH session of tom serve, in
// process: connect, log in with a key, open a terminal, run the interview
// up to its first frame, hang up (the session saves and releases the
// file). B/op counts client and server together.
func BenchmarkServeFirstFrame(b *testing.B) {
	addr, cfgs, ended, _, _ := benchServer(b, 1)
	b.ReportAllocs()
	for b.Loop() {
		c, _, _ := firstFrame(b, addr, cfgs[0])
		c.Close()
		<-ended // the dropped session has saved and released the file
	}
}

// BenchmarkServeSessionMemory opens 20 sessions at once (each at its first
// frame) and reports the live heap per open session; client and server run
// in one process, so the client's share is in it too.
func BenchmarkServeSessionMemory(b *testing.B) {
	const n = 20
	addr, cfgs, ended, _, _ := benchServer(b, n)
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var clients []*gossh.Client
		for _, cfg := range cfgs {
			c, _, _ := firstFrame(b, addr, cfg)
			clients = append(clients, c)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/n/1024, "heap-KB/session")
		for _, c := range clients {
			c.Close()
		}
		for range clients {
			<-ended
		}
	}
}

// TestServeShutdownSaves (in process, so that -race sees server and
// sessions together): three sessions with text typed into the first
// question; Shutdown saves every one and ends them.
func TestServeShutdownSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("runs SSH sessions")
	}
	addr, cfgs, ended, srv, dir := benchServer(t, 3)
	var outs []*syncBuffer
	for i, cfg := range cfgs {
		c, out, in := firstFrame(t, addr, cfg)
		defer c.Close()
		fmt.Fprintf(in, "Firma %d", i)
		outs = append(outs, out)
	}
	// Wait until each session has shown the typed text (the screen
	// changed) and then gone quiet.
	for _, out := range outs {
		last, still := "", 0
		waitText(t, "session", func() string {
			now := out.String()
			if now != "" && now == last {
				still++
			} else {
				last, still = now, 0
			}
			if still >= 15 {
				return "quiet"
			}
			return ""
		}, "quiet")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	for range cfgs {
		<-ended
	}
	for i := range cfgs {
		f := filepath.Join(dir, fmt.Sprintf("kunde-%d.json", i))
		data, err := os.ReadFile(f)
		if err != nil || !strings.Contains(string(data), fmt.Sprintf(`"org.name": "Firma %d"`, i)) {
			t.Errorf("%s after shutdown: %v\n%s", f, err, data)
		}
	}
}
