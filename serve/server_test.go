package serve

import (
	"bufio"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestConnectionLimit: connections that have not logged in are bounded
// (twice the sessions, at least 10); one more is closed before the SSH
// greeting, and a place frees when one goes.
func TestConnectionLimit(t *testing.T) {
	dir := t.TempDir()
	a := &Access{Path: filepath.Join(dir, "access")}
	a.Add(&Entry{Key: newKey(t), Comment: "x", File: "x.json"})
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	key, _, err := HostKey(filepath.Join(dir, "host_key"))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{HostKey: key, AccessPath: a.Path, MaxSessions: 1, Run: func(*Session) int { return 0 }})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	greeting := func(c net.Conn) string {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		line, _ := bufio.NewReader(c).ReadString('\n')
		return line
	}
	var open []net.Conn
	for i := 0; i < 10; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if g := greeting(c); !strings.HasPrefix(g, "SSH-2.0-tom") {
			t.Fatalf("connection %d: greeting %q", i, g)
		}
		open = append(open, c)
	}
	extra, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	if g := greeting(extra); g != "" {
		t.Errorf("connection over the limit greeted: %q", g)
	}
	open[0].Close()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		g := greeting(c)
		c.Close()
		if strings.HasPrefix(g, "SSH-2.0-tom") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no place freed after a connection closed")
		}
		time.Sleep(20 * time.Millisecond)
	}

	// Shutdown does not wait for connections that never log in (the
	// library's own Shutdown would, until their handshake timeout).
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if err := <-served; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// TestNewRefusesBrokenAccessFile: the server does not start with a broken
// or missing access file.
func TestNewRefusesBrokenAccessFile(t *testing.T) {
	dir := t.TempDir()
	key, _, _ := HostKey(filepath.Join(dir, "host_key"))
	path := filepath.Join(dir, "access")
	if _, err := New(Config{HostKey: key, AccessPath: path}); err == nil {
		t.Error("started without an access file")
	}
	os.WriteFile(path, []byte("junk\n"), 0o600)
	if _, err := New(Config{HostKey: key, AccessPath: path}); err == nil || !strings.Contains(err.Error(), "Zeile 1") {
		t.Errorf("broken access file: %v", err)
	}
}

// TestAllowRequestBoundsEnv: agent forwarding is refused, the environment a
// client sends is capped in number and size, everything else passes.
func TestAllowRequestBoundsEnv(t *testing.T) {
	envs := 0
	if allowRequest("auth-agent-req@openssh.com", 0, &envs) {
		t.Error("agent forwarding passed")
	}
	if allowRequest("env", maxEnvPayload+1, &envs) || envs != 0 {
		t.Errorf("oversized env passed (count %d)", envs)
	}
	for i := 0; i < maxEnvRequests; i++ {
		if !allowRequest("env", 20, &envs) {
			t.Fatalf("env %d refused", i)
		}
	}
	if allowRequest("env", 20, &envs) {
		t.Errorf("env %d passed", maxEnvRequests+1)
	}
	for _, kind := range []string{"pty-req", "shell", "exec", "window-change"} {
		if !allowRequest(kind, 100, &envs) {
			t.Errorf("%s refused", kind)
		}
	}
}
