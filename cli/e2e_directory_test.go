package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	json "github.com/goccy/go-json"
)

// TestE2EDirectoryTmux adds a provider from the shipped directory in the
// real binary at 80x24: Enter on "add", four letters, Enter on the match,
// Ctrl+S – seven keys for a provider with address, contact and category.
func TestE2EDirectoryTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := tomBinary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	// A new file of the shipped catalogue, at its provider register.
	if out, err := exec.Command(bin, "init", "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("tom init: %v\n%s", err, out)
	}
	f := loadJSON(t, path)
	f["progress"] = map[string]any{"step": "providers"}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := fmt.Sprintf("env TERM=xterm-256color TOM_TODAY=2026-11-28 USER=tester %s interview -f %s", bin, path)
	tm := &tmuxTerm{t: t, socket: filepath.Join(t.TempDir(), "tmux"), session: "dir"}
	defer tm.kill()
	tm.start(dir, cmd)
	tm.waitFor("Dienstleister und Auftragsverarbeiter", "+ Dienstleister hinzufügen")
	tm.keys("Enter")
	tm.waitFor("Treffer im Anbieterverzeichnis", "> + Neu: Dienstleister")
	tm.typ("hetz")
	tm.waitFor("1 Treffer", "> Hetzner Online GmbH · Hosting und Rechenzentrum · Gunzenhausen")
	tm.keys("Enter")
	tm.waitFor("Name bzw. Firma *: Hetzner Online GmbH", "> Telefon", "Strg+S speichern")
	tm.keys("C-s")
	tm.waitFor("1. Hetzner Online GmbH")
	tm.keys("C-c")
	tm.waitFor("EXIT=1")
	waitGone(t, path+".lock")
	recs := loadJSON(t, path)["answers"].(map[string]any)["providers"].([]any)
	r := recs[0].(map[string]any)
	if r["name"] != "Hetzner Online GmbH" || r["address"] != "Industriestr. 25\n91710 Gunzenhausen\nDeutschland" ||
		r["category"] != "hosting" || r["processor"] != true || len(recs) != 1 {
		t.Fatalf("provider: %#v", recs)
	}
}
