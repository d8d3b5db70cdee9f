package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/wizard/review"
)

// TestE2EReviewTmux reviews story-2025 with the real binary in tmux at
// 80x24: the two due items are left open, the MFA measure is ticked as
// implemented in its step, every other step
// confirmed; the history entry is checked in the JSON and tom diff --since
// tells the change. Once in colour and once with NO_COLOR=1.
func TestE2EReviewTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := tomBinary(t)
	catalog, err := filepath.Abs(rvCatalogPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, noColor := range []bool{false, true} {
		t.Run(fmt.Sprintf("NO_COLOR=%v", noColor), func(t *testing.T) {
			path := rvCopy(t, "../testdata/review/story-2025.json")
			dir := filepath.Dir(path)
			env := "TERM=xterm-256color TOM_TODAY=" + rvToday
			if noColor {
				env += " NO_COLOR=1"
			}
			tm := &tmuxTerm{t: t, socket: filepath.Join(t.TempDir(), "tmux"), session: fmt.Sprintf("r%v", noColor)}
			defer tm.kill()
			tm.start(dir, fmt.Sprintf("env %s %s review --catalog %s", env, bin, catalog))
			tm.waitFor("Jährliche Überprüfung: Muster Webdesign GmbH", "Fällig (2):", "Strato AG")
			tm.keys("Enter")
			// The due items come first; both are left open without a note.
			for _, n := range []string{"1", "2"} {
				tm.waitFor("Fällig "+n+" von 2", "[e]rledigt, [n]eues Datum, [o]ffen")
				tm.keys("Enter")
				tm.waitFor("Notiz (Enter = keine):")
				tm.keys("Enter")
			}
			tm.waitFor("Schritt 1 von 5 · Organisation", "Enter/u unverändert")
			tm.keys("u")
			tm.waitFor("Schritt 2 von 5 · IT-Umgebung")
			tm.keys("u")
			tm.waitFor("fällig seit 31.03.2026!")
			tm.keys("b")
			// Last year's statuses are the defaults; one key changes the MFA.
			tm.waitFor("Stand der Maßnahmen (5):", "geplant (bis 31.03.2026)")
			tm.keys("Down", "Down", "Down", "Down", "u", "Enter")
			tm.waitFor("Anmerkung zu „Schriftliche Passwortrichtlinie“") // it has a note
			tm.keys("Enter")
			tm.waitFor("Eigene Maßnahmen")
			tm.keys("Down", "Enter")
			tm.waitFor("Änderungen bisher: 1", "✓ Zwei-Faktor-Anmeldung")
			if noColor {
				if s := tm.screen(true); strings.Contains(s, "38;") || strings.Contains(s, "38:") {
					t.Fatalf("colour on screen with NO_COLOR")
				}
			}
			tm.keys("u")
			tm.waitFor("Dienstleister 1 von 2: Collmex GmbH")
			tm.keys("u")
			tm.waitFor("Dienstleister 2 von 2: Strato AG", "älter als 12 Monate")
			tm.keys("u")
			tm.waitFor("Gibt es neue Einträge?")
			tm.keys("n")
			tm.waitFor("Gerät 1 von 2")
			tm.keys("u")
			tm.waitFor("Gerät 2 von 2")
			tm.keys("u")
			tm.waitFor("Gibt es neue Einträge?")
			tm.keys("n")
			tm.waitFor("Wer hat die Überprüfung durchgeführt?", "Erika Muster")
			tm.keys("Enter")
			tm.waitFor("Kurze Zusammenfassung")
			tm.typ("2FA eingeführt")
			tm.keys("Enter")
			tm.waitFor("Überprüfung abgeschlossen – Version 1.1 vom 15.08.2026", "Änderungen (1):", "tom render")
			tm.keys("Enter")
			tm.waitFor("EXIT=0")
			waitGone(t, path+".lock")

			f := loadJSON(t, path)
			hist := f["history"].([]any)
			if len(hist) != 2 {
				t.Fatalf("history has %d entries", len(hist))
			}
			e := hist[1].(map[string]any)
			if e["kind"] != "review" || e["version"] != "1.1" || e["by"] != "Erika Muster" || e["summary"] != "2FA eingeführt" || e["date"] != rvToday {
				t.Fatalf("entry %v", e)
			}
			ch := e["changes"].([]any)
			if len(ch) != 1 || ch[0].(map[string]any)["path"] != "measures/access_system.mfa" {
				t.Fatalf("changes %v", ch)
			}
			if _, err := os.Stat(review.StartPath(path)); !os.IsNotExist(err) {
				t.Fatalf("start copy left behind")
			}
			out, _ := exec.Command(bin, "diff", "--since", rvToday, "--catalog", catalog, "-f", path).CombinedOutput()
			if !strings.Contains(string(out), "„Zwei-Faktor-Anmeldung“: geplant (bis 31.03.2026) → umgesetzt") {
				t.Fatalf("tom diff --since:\n%s", out)
			}
		})
	}
}
