package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
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
func benchServer(b *testing.B, n int) (addr string, cfgs []*gossh.ClientConfig, ended <-chan struct{}) {
	b.Helper()
	dir := b.TempDir()
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
	srv, err := serve.New(serve.Config{HostKey: host, AccessPath: a.Path, Run: o.runSession, Log: lineSignal(lines)})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := serve.Listen("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Shutdown(context.Background()) })
	return ln.Addr().String(), cfgs, lines
}

// lineSignal is an access log that signals each line written.
type lineSignal chan struct{}

func (l lineSignal) Write(p []byte) (int, error) {
	l <- struct{}{}
	return len(p), nil
}

// firstFrame connects, asks for an 80x24 terminal and the interview, and
// waits for the first question; it returns the open client.
func firstFrame(b *testing.B, addr string, cfg *gossh.ClientConfig) *gossh.Client {
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
	return c
}

// BenchmarkServeFirstFrame measures one SSH session of tom serve, in
// process: connect, log in with a key, open a terminal, run the interview
// up to its first frame, hang up (the session saves and releases the
// file). B/op counts client and server together.
func BenchmarkServeFirstFrame(b *testing.B) {
	addr, cfgs, ended := benchServer(b, 1)
	b.ReportAllocs()
	for b.Loop() {
		c := firstFrame(b, addr, cfgs[0])
		c.Close()
		<-ended // the dropped session has saved and released the file
	}
}

// BenchmarkServeSessionMemory opens 20 sessions at once (each at its first
// frame) and reports the live heap per open session; client and server run
// in one process, so the client's share is in it too.
func BenchmarkServeSessionMemory(b *testing.B) {
	const n = 20
	addr, cfgs, ended := benchServer(b, n)
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var clients []*gossh.Client
		for _, cfg := range cfgs {
			clients = append(clients, firstFrame(b, addr, cfg))
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
