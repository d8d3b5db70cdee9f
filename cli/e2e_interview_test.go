package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/scan"
)

// tmuxTerm drives the built tom in a detached tmux session at 80x24 on a
// private tmux server, as a user would over SSH.
type tmuxTerm struct {
	t       *testing.T
	socket  string
	session string
	gen     int // each start gets a fresh server: a killed one may still be exiting
}

// waitLimit bounds every wait for the screen; it is a safety net against a
// hang, not a speed requirement.
const waitLimit = 15 * time.Second

func (tm *tmuxTerm) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tm.sock()}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs command in a new 80x24 session; the shell prints the exit code
// and stays, so that the last screen can still be read.
func (tm *tmuxTerm) start(dir, command string) {
	tm.t.Helper()
	tm.gen++
	tm.tmux("new-session", "-d", "-s", tm.session, "-x", "80", "-y", "24", "-c", dir,
		"sh", "-c", command+"; echo EXIT=$?; sleep 600")
}

func (tm *tmuxTerm) screen(escapes bool) string {
	args := []string{"capture-pane", "-p", "-t", tm.session}
	if escapes {
		args = append(args, "-e")
	}
	return tm.tmux(args...)
}

// waitFor waits until the screen shows every one of want.
func (tm *tmuxTerm) waitFor(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		s := tm.screen(false)
		ok := true
		for _, w := range want {
			if !strings.Contains(s, w) {
				ok = false
			}
		}
		if ok {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q:\n%s", want, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// keys sends tmux key names (Enter, Down, Space, C-c …).
func (tm *tmuxTerm) keys(k ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"send-keys", "-t", tm.session}, k...)...)
}

// typ sends text literally.
func (tm *tmuxTerm) typ(s string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", tm.session, "-l", s)
}

func (tm *tmuxTerm) kill() {
	exec.Command("tmux", "-S", tm.sock(), "kill-server").Run()
}

// sock is the socket of the current start's tmux server, in the test's
// temporary folder so that nothing is left behind in /tmp/tmux-UID.
func (tm *tmuxTerm) sock() string { return fmt.Sprintf("%s-%d", tm.socket, tm.gen) }

// waitGone waits until tom has released the lock (it saves before that).
func waitGone(t *testing.T, lock string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		if _, err := os.Stat(lock); os.IsNotExist(err) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s still there: tom did not exit", lock)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func loadJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(readFile(t, path), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestE2EInterviewTmux types an interview with umlauts into the real binary
// at 80x24, drops the terminal in the middle of a step (SIGHUP), starts again,
// finds what was typed and the same step, and completes the interview. Once
// in colour and once with NO_COLOR=1.
func TestE2EInterviewTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := tomBinary(t)
	catalog, err := filepath.Abs(smallCatalogPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, noColor := range []bool{false, true} {
		t.Run(fmt.Sprintf("NO_COLOR=%v", noColor), func(t *testing.T) {
			dir := t.TempDir()
			env := "TERM=xterm-256color TOM_TODAY=2026-11-28 USER=tester"
			if noColor {
				env += " NO_COLOR=1"
			}
			cmd := fmt.Sprintf("env %s %s interview --catalog %s", env, bin, catalog)
			path := filepath.Join(dir, "tom.json")
			tm := &tmuxTerm{t: t, socket: filepath.Join(t.TempDir(), "tmux"), session: fmt.Sprintf("s%v", noColor)}
			defer tm.kill()

			// First run: step 1 and 2, and half of step 3.
			tm.start(dir, cmd)
			if scan.Available() {
				// A new interview on Linux offers the server scan first.
				tm.waitFor("Diesen Server jetzt automatisch prüfen?", "Ja, prüfen")
				tm.keys("n")
			}
			tm.waitFor("Schritt 1 von 4 · Organisation", "Name des Unternehmens")
			tm.typ("Bäckerei Öztürk & Süß – Preis 5 €")
			tm.keys("Enter")
			tm.waitFor("Anschrift")
			tm.typ("Königstraße 7")
			tm.keys("M-Enter")
			tm.typ("50667 Köln")
			tm.keys("Enter")
			tm.waitFor("E-Mail")
			tm.typ("info@bäckerei-öztürk.de")
			tm.keys("Enter")
			tm.waitFor("Datum der Erhebung")
			tm.typ("28.11.2026")
			tm.keys("Enter")
			tm.waitFor("Schritt 2 von 4", "Betreiben Sie")
			if noColor {
				// Without colour the focused button is in reverse video.
				s := tm.screen(true)
				if strings.Contains(s, "38;") || strings.Contains(s, "38:") {
					t.Fatalf("colour on screen with NO_COLOR")
				}
				if !strings.Contains(s, "\x1b[7m") && !strings.Contains(s, ";7m") {
					t.Fatalf("focused button not marked without colour:\n%q", s)
				}
			}
			tm.smallStepsTwoThree()

			// The connection drops in the middle of the step.
			tm.kill()
			waitGone(t, path+".lock")
			f := loadJSON(t, path)
			ans := f["answers"].(map[string]any)
			for id, want := range map[string]any{
				"org.name":          "Bäckerei Öztürk & Süß – Preis 5 €",
				"org.address":       "Königstraße 7\n50667 Köln",
				"org.email":         "info@bäckerei-öztürk.de",
				"org.date":          "2026-11-28",
				"infra.server_kind": "vserver",
			} {
				if ans[id] != want {
					t.Fatalf("after the drop %s = %#v, want %#v", id, ans[id], want)
				}
			}
			ms := f["measures"].(map[string]any)
			if p := ms["access_system.policy"].(map[string]any); p["status"] != "planned" || p["due"] != "2026-12-31" {
				t.Fatalf("half-finished step not saved: %#v", p)
			}
			if p := f["progress"].(map[string]any); p["step"] != "access_system" || p["question"] != "access_system.policy#due" {
				t.Fatalf("progress = %v", p)
			}

			// Second run: back at the same step and question, with the typed values.
			tm.start(dir, cmd)
			tm.waitFor("Schritt 3 von 4 · Zugangskontrolle", "Willkommen zurück", "Bis wann", "> 31.12.2026", "Teil 1 von 2")
			tm.keys("Enter")
			tm.waitFor("Eigene Maßnahmen")
			tm.keys("End", "Enter")
			tm.waitFor("Schritt 4 von 4 · Dienstleister")
			tm.keys("Enter")
			// The provider on one page: the name, Tab over the e-mail and
			// the category (left unset), n for "no processor", Ctrl+S.
			tm.waitFor("Dienstleister neu · * = Pflichtangabe", "> Name *", "Auftragsverarbeiter?: (keine Angabe)")
			tm.typ("Straße & Söhne IT – Düsseldorf")
			tm.keys("Tab", "Tab", "Tab")
			tm.waitFor("> Auftragsverarbeiter?")
			tm.keys("n")
			tm.waitFor("> [ Speichern ]")
			tm.keys("C-s")
			tm.waitFor("1. Straße & Söhne IT – Düsseldorf")
			tm.keys("End", "Enter")
			tm.waitFor("Die Befragung ist vollständig.")
			tm.keys("Enter")
			tm.waitFor("EXIT=0")
			waitGone(t, path+".lock")

			f = loadJSON(t, path)
			ms = f["measures"].(map[string]any)
			if p := ms["access_system.ssh_keys_only"].(map[string]any); p["status"] != "unclear" {
				t.Fatalf("ssh measure: %#v", p)
			}
			recs := f["answers"].(map[string]any)["providers"].([]any)
			if r := recs[0].(map[string]any); r["name"] != "Straße & Söhne IT – Düsseldorf" || r["id"] != "r1" || r["processor"] != false || r["category"] != nil {
				t.Fatalf("provider: %#v", r)
			}
			hist, _ := f["history"].([]any)
			if len(hist) != 1 || hist[0].(map[string]any)["by"] != "tester" || hist[0].(map[string]any)["date"] != "2026-11-28" {
				t.Fatalf("history: %#v", hist)
			}
			if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
				t.Fatalf("file mode: %v %v", info.Mode(), err)
			}
		})
	}
}

// smallStepsTwoThree answers step 2 of the small catalogue (a rented server,
// a PC) and its step 3's measures table (one key per row: implemented,
// planned, to be clarified), and types the planned measure's date without
// confirming it; the local and the SSH interview tests share it.
func (tm *tmuxTerm) smallStepsTwoThree() {
	tm.keys("j")
	tm.waitFor("Welche Art von Server?")
	tm.keys("Down", "Enter")
	tm.waitFor("Welche Geräte nutzen Sie?")
	tm.keys("Space")
	tm.waitFor("✓ PC")
	tm.keys("Enter")
	tm.waitFor("Schritt 3 von 4 · Zugangskontrolle", "Stand der Maßnahmen (3, 3 ohne Angabe):")
	tm.keys("u", "g", "k")
	tm.waitFor("Stand der Maßnahmen (3):", "geplant", "zu klären")
	tm.keys("Enter")
	tm.waitFor("Bis wann ist „Schriftliche Passwortrichtlinie“ geplant?")
	tm.typ("31.12.2026")
	tm.waitFor("> 31.12.2026")
}
