package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tom-dsgvo/tom/scan"
)

// TestE2ENoTmuxSubprocess: inside tmux, with standard output a terminal, tom
// runs no `tmux` subprocess, neither while it starts (Lip Gloss's colour
// detection, see internal/notmux) nor for the full-screen interview (see
// wizard.colorProfile). A `tmux` first in PATH records every call.
func TestE2ENoTmuxSubprocess(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := tomBinary(t)
	catalog, err := filepath.Abs(smallCatalogPath)
	if err != nil {
		t.Fatal(err)
	}
	fake := t.TempDir()
	calls := filepath.Join(fake, "calls")
	script := fmt.Sprintf("#!/bin/sh\necho \"$@\" >> %s\nexit 1\n", calls)
	if err := os.WriteFile(filepath.Join(fake, "tmux"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tm := &tmuxTerm{t: t, socket: filepath.Join(t.TempDir(), "tmux"), session: "notmux"}
	defer tm.kill()
	env := fmt.Sprintf("env PATH=%s:$PATH TERM=xterm-256color TOM_TODAY=2026-11-28", fake)
	tm.start(dir, fmt.Sprintf("%s %s version && %s %s interview --catalog %s", env, bin, env, bin, catalog))
	if scan.Available() {
		tm.waitFor("Diesen Server jetzt automatisch prüfen?")
		tm.keys("n")
	}
	tm.waitFor("Schritt 1 von")
	tm.keys("C-c")
	tm.waitFor("EXIT=")
	if out, err := os.ReadFile(calls); err == nil {
		t.Errorf("tom ran tmux inside tmux:\n%s", out)
	}
}
