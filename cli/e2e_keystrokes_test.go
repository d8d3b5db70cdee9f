package cli

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
	"github.com/tom-dsgvo/tom/scan"
)

// The keystroke-counting tests enter the reference business (the web agency
// of the 2018 example document, /work/shared/reference/tom-example-2018.txt,
// as testdata/line/standard-full.in answers it) through the built binary
// and check that the file holds the facts of testdata/keystrokes/facts.json.
//
// How keys are counted: every character of typed text is one key, and every
// special key (Enter, an arrow, Space, Tab, Esc, a Ctrl chord) is one key;
// the count is what the test sends, nothing estimated.
//
// The ceilings are the counts measured last (raise them only by what new
// questions cost, and say so in the commit): line mode 1,626 since "="
// takes the text given before for the same kind of measure part
// (model.Suggestions) or the contact person's name offered for the
// respondent, the signatory and the first person, and Hetzner comes from
// the provider directory (2,272 before). The targets of issue 12 are 1,500 keys (full screen) and 2,000
// (line mode).
const (
	lineKeysCeiling = 1626
	lineKeysTarget  = 2000
)

var updateKeyFacts = flag.Bool("update-keystroke-facts", false, "rewrite testdata/keystrokes/facts.json from the line-mode run")

// countLineKeys counts the keys of piped line-mode input: each character,
// and the newline that ends each line as one Enter.
func countLineKeys(input string) int { return utf8.RuneCountInString(input) }

// keyFacts reduces an answers file to the facts the user gave: every
// answer (records without their generated IDs), every measure answer, the
// own measures without IDs. Dates of the history and the progress are not
// facts about the business.
func keyFacts(t *testing.T, f *model.File) map[string]any {
	t.Helper()
	answers := map[string]any{}
	for id, v := range f.Answers {
		if !v.IsRecords() {
			answers[id] = v.Any()
			continue
		}
		list := []map[string]any{}
		for _, r := range v.Records() {
			m := map[string]any{}
			for k, fv := range r {
				if k != "id" {
					m[k] = fv.Any()
				}
			}
			list = append(list, m)
		}
		answers[id] = list
	}
	var own []map[string]any
	for _, o := range f.OwnMeasures {
		own = append(own, map[string]any{"section": o.Section, "text": o.Text, "type": o.Type, "status": o.Status})
	}
	// A round trip through JSON makes both sides compare alike.
	data, err := json.Marshal(map[string]any{"answers": answers, "measures": f.Measures, "own_measures": own})
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkKeyFacts compares the facts of the file at path with the reference.
func checkKeyFacts(t *testing.T, path string, update bool) {
	t.Helper()
	c, err := questionnaires.Load("")
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	got := keyFacts(t, f)
	golden := filepath.Join("..", "testdata", "keystrokes", "facts.json")
	if update {
		data, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want map[string]any
	if err := json.Unmarshal(readFile(t, golden), &want); err != nil {
		t.Fatal(err)
	}
	diffFacts(t, "", want, got)
}

// diffFacts reports every path where got differs from want.
func diffFacts(t *testing.T, at string, want, got any) {
	t.Helper()
	wm, ok1 := want.(map[string]any)
	gm, ok2 := got.(map[string]any)
	if ok1 && ok2 {
		var keys []string
		for k := range wm {
			keys = append(keys, k)
		}
		for k := range gm {
			if _, ok := wm[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			diffFacts(t, at+"/"+k, wm[k], gm[k])
		}
		return
	}
	w, _ := json.Marshal(want)
	g, _ := json.Marshal(got)
	if string(w) != string(g) {
		t.Errorf("fact %s: got %s, want %s", at, g, w)
	}
}

// TestE2EKeystrokesLine pipes the reference business into tom interview in
// line mode and counts the keys.
func TestE2EKeystrokesLine(t *testing.T) {
	input := declineScan(e2eFixture(t, "line/standard-full.in"))
	keys := countLineKeys(input)
	path := filepath.Join(t.TempDir(), "tom.json")
	out, code := runTomBin(t, input, []string{"TERM=dumb", "TOM_TODAY=" + lineToday, "USER=tester"}, "interview", "-f", path)
	if code != 0 {
		t.Fatalf("exit code %d\n%s", code, out[max(0, len(out)-3000):])
	}
	if strings.Contains(out, "Ungültig") {
		t.Errorf("an answer was refused:\n%s", out[max(0, len(out)-3000):])
	}
	checkKeyFacts(t, path, *updateKeyFacts)
	t.Logf("line mode: %d keys (%d lines) for the reference business; target %d", keys, strings.Count(input, "\n"), lineKeysTarget)
	if keys > lineKeysCeiling {
		t.Errorf("line mode took %d keys, more than the %d measured before", keys, lineKeysCeiling)
	}
}

// fullKeysCeiling is the full-screen count measured when the test was
// written (see wizard's TestKeystrokesFullScreen, which makes the keys);
// the target of issue 12 is 1,500.
const (
	fullKeysCeiling = 1491 // with the texts offered taken by →, Tab leaving a list, Hetzner from the directory (2,160 before)
	fullKeysTarget  = 1500
)

// tmuxKey turns a key name of the wizard's tests into tmux's.
func tmuxKey(name string) (key string, literal bool) {
	switch name {
	case "enter":
		return "Enter", false
	case "alt+enter":
		return "M-Enter", false
	case "down", "up", "left", "right", "home", "end", "tab", "space":
		return strings.ToUpper(name[:1]) + name[1:], false
	}
	if c, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return "C-" + c, false
	}
	return name, true
}

// TestE2EKeystrokesFullScreen types the reference business into the built
// binary in tmux at 80x24: the keys of testdata/keystrokes/fullscreen.keys
// (made by wizard's TestKeystrokesFullScreen), waiting only for each step's
// header; the file must hold the facts of testdata/keystrokes/facts.json.
// When the screen never shows a step's header, the keys file is likely
// stale (wizard's TestKeystrokesFullScreen says so and how to remake it).
func TestE2EKeystrokesFullScreen(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := tomBinary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	tm := &tmuxTerm{t: t, socket: filepath.Join(t.TempDir(), "tmux"), session: "keys"}
	defer tm.kill()
	tm.start(dir, fmt.Sprintf("env TERM=xterm-256color TOM_TODAY=%s USER=tester %s interview -f %s", lineToday, bin, path))
	keys := 0
	if scan.Available() {
		tm.waitFor("Diesen Server jetzt automatisch prüfen?")
		tm.keys("n")
		keys++
	}
	// The keys between two waits go to tmux as one command list.
	var batch []string
	send := func(literal bool, k string) {
		batch = append(batch, "send-keys", "-t", tm.session)
		if literal {
			batch = append(batch, "-l")
		}
		batch = append(batch, k, ";")
	}
	flush := func() {
		if len(batch) > 0 {
			tm.tmux(batch[:len(batch)-1]...)
			batch = batch[:0]
		}
	}
	for _, l := range strings.Split(strings.TrimRight(e2eFixture(t, "keystrokes/fullscreen.keys"), "\n"), "\n") {
		kind, arg, _ := strings.Cut(l, " ")
		switch kind {
		case "wait":
			flush()
			tm.waitFor(arg)
		case "text":
			send(true, arg)
			keys += utf8.RuneCountInString(arg)
		case "key":
			k, lit := tmuxKey(arg)
			send(lit, k)
			keys++
		default:
			t.Fatalf("bad line in fullscreen.keys: %q", l)
		}
	}
	flush()
	tm.waitFor("EXIT=0")
	checkKeyFacts(t, path, false)
	t.Logf("full screen: %d keys for the reference business; target %d", keys, fullKeysTarget)
	if keys > fullKeysCeiling+1 { // +1: the answer to the scan offer on Linux
		t.Errorf("full screen took %d keys, more than the %d measured before", keys, fullKeysCeiling)
	}
}
