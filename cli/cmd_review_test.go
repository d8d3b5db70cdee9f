package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// rvCopy copies a file into a temporary folder (mode 0600) and returns the
// new path.
func rvCopy(t *testing.T, src string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tom.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReviewRefuses: an interview never completed, an invalid file (with its
// position, never overwritten), a missing file, and a non-terminal input
// without line mode are refused with a clear message.
func TestReviewRefuses(t *testing.T) {
	incomplete := rvCopy(t, "../testdata/review/status-incomplete.json")
	code, _, errOut := rvRun("review", "--accessible", "--catalog", rvCatalogPath, "-f", incomplete)
	if code != ExitFailure || !strings.Contains(errOut, "noch nicht abgeschlossen") || !strings.Contains(errOut, "tom interview") {
		t.Errorf("incomplete: code %d, %q", code, errOut)
	}
	invalid := rvCopy(t, "../testdata/review/status-invalid.json")
	before := readFile(t, invalid)
	code, _, errOut = rvRun("review", "--accessible", "--catalog", rvCatalogPath, "-f", invalid)
	if code != ExitFailure || !strings.Contains(errOut, ":3:") || string(readFile(t, invalid)) != string(before) {
		t.Errorf("invalid: code %d, %q", code, errOut)
	}
	code, _, errOut = rvRun("review", "--accessible", "--catalog", rvCatalogPath, "-f", filepath.Join(t.TempDir(), "none.json"))
	if code != ExitFailure || !strings.Contains(errOut, "keine Antwortdatei") {
		t.Errorf("missing: code %d, %q", code, errOut)
	}
	story := rvCopy(t, "../testdata/review/story-2025.json")
	code, _, errOut = rvRun("review", "--lang", "en", "--catalog", rvCatalogPath, "-f", story)
	if code != ExitFailure || !strings.Contains(errOut, "tom review -f "+story+" --catalog "+rvCatalogPath+" --accessible") {
		t.Errorf("no terminal: code %d, %q", code, errOut)
	}
}

// TestReviewLineCommand runs tom review in line mode (TERM=dumb) with piped
// input through the CLI: every step unchanged gives exit 0 and one entry;
// input ending early gives exit 1 and no entry.
func TestReviewLineCommand(t *testing.T) {
	path := rvCopy(t, "../testdata/review/story-2025.json")
	g, out, errb := rvGlobals(map[string]string{"TOM_TODAY": rvToday, "TERM": "dumb"})
	g.In = strings.NewReader(strings.Repeat("\n", 15)) // two due items left open, then every step
	if code := Run(g, []string{"review", "--catalog", rvCatalogPath, "-f", path}); code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errb)
	}
	f, _, err := model.Load(path, rvLoadCatalog(t))
	if err != nil || len(f.History) != 2 || f.History[1].Kind != model.HistoryReview {
		t.Fatalf("history after review: %v %+v", err, f.History)
	}
	path = rvCopy(t, "../testdata/review/story-2025.json")
	g, out, _ = rvGlobals(map[string]string{"TOM_TODAY": rvToday, "ACCESSIBLE": "1"})
	g.In = strings.NewReader("\n\n")
	if code := Run(g, []string{"review", "--catalog", rvCatalogPath, "-f", path}); code != ExitFailure {
		t.Fatalf("exit %d after early end of input\n%s", code, out)
	}
	if f, _, _ := model.Load(path, rvLoadCatalog(t)); len(f.History) != 1 {
		t.Fatalf("a history entry was written on EOF: %+v", f.History)
	}
}

// storyResponder answers the line-mode review's prompts like a user who
// re-reviews a year-old file: a new provider, the graphics PC replaced by a
// new one, desktop disk encryption now implemented; everything else is
// confirmed unchanged with Enter.
type storyResponder struct {
	cryptoTicks string // the status line for the crypto step
	transcript  strings.Builder
	adding      string // the list an entry is being added to ("" none)
	addedName   bool
	added       map[string]bool
	step        string
	record      string
}

func (r *storyResponder) answer(prompt string) string {
	p := strings.TrimSpace(prompt)
	switch {
	case strings.HasPrefix(p, "Unverändert?"):
		if r.step == "Pseudonymisierung und Verschlüsselung" {
			return "n"
		}
		return ""
	case strings.HasPrefix(p, "Stand setzen"):
		return r.cryptoTicks
	case strings.Contains(p, "[A/g/e]"):
		if strings.Contains(r.record, "Arbeitsplatz-PC Grafik") {
			return "e"
		}
		return ""
	case strings.Contains(p, "wirklich entfernen"):
		return "j"
	case strings.HasPrefix(p, "Gibt es neue Einträge?"):
		for _, list := range []string{"Dienstleister:", "Gerät:"} {
			if strings.HasSuffix(p, list) && !r.added[list] {
				r.added[list] = true
				r.adding, r.addedName = list, false
				return "j"
			}
		}
		return ""
	case r.adding != "" && !r.addedName && (strings.HasPrefix(p, "Name") || strings.HasPrefix(p, "Bezeichnung")):
		r.addedName = true
		if r.adding == "Dienstleister:" {
			return "Hornetsecurity GmbH"
		}
		return "Arbeitsplatz-PC Grafik 2026 (Windows 11)"
	case strings.HasPrefix(p, "Noch ein neuer Eintrag?"):
		r.adding = ""
		return ""
	case strings.HasPrefix(p, "Kurze Zusammenfassung"):
		return "Jährliche Überprüfung: Hornetsecurity neu, Grafik-PC ersetzt, Desktop-Verschlüsselung umgesetzt"
	}
	return ""
}

// promptWriter collects the review's output and hands every prompt (output
// that does not end a line) to the responder, whose answer is written to in.
type promptWriter struct {
	mu  sync.Mutex
	r   *storyResponder
	buf string
	in  *io.PipeWriter
}

func (w *promptWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.r.transcript.Write(p)
	w.buf += string(p)
	for {
		i := strings.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		line := w.buf[:i]
		w.buf = w.buf[i+1:]
		if strings.HasPrefix(line, "Schritt ") {
			if _, title, ok := strings.Cut(line, ": "); ok {
				w.r.step = title
			}
		}
		if strings.Contains(line, " von ") && strings.HasPrefix(strings.TrimSpace(line), "Gerät ") {
			w.r.record = line
		}
	}
	if strings.HasSuffix(w.buf, " ") && strings.TrimSpace(w.buf) != "" {
		answer := w.r.answer(w.buf)
		w.buf = ""
		go fmt.Fprintln(w.in, answer)
	}
	return len(p), nil
}

// storyFile is the sample business's file as it was a year ago: completed on
// 20.11.2025, no review since.
func storyFile(t *testing.T, c *model.Catalog) string {
	t.Helper()
	data, err := os.ReadFile("../testdata/sample/tom.json")
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := model.Parse("sample", data, c)
	if err != nil {
		t.Fatal(err)
	}
	f.History = f.History[:1]
	// The sample stops short of its last step; a year ago it was complete.
	v := model.View{C: c, F: f}
	for _, m := range v.Measures(c.Section("privacy_default")) {
		if _, ok := f.Measures[m.ID]; !ok {
			f.Measures[m.ID] = model.MeasureAnswer{Status: model.StatusImplemented}
		}
	}
	for _, s := range v.Sections() {
		if !slices.Contains(f.Progress.Done, s.ID) {
			f.Progress.Done = append(f.Progress.Done, s.ID)
		}
	}
	if !v.Complete() {
		t.Fatal("the year-old sample file is not complete")
	}
	path := filepath.Join(t.TempDir(), "tom.json")
	if err := model.Save(path, f); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReviewStoryRealCatalogue is how issue 5 is checked: a file from a year
// ago (the real catalogue) is re-reviewed as a new user would, changing a
// few facts – a new provider, a replaced PC, a measure now implemented. The
// history, tom diff and tom status must tell exactly that story.
func TestReviewStoryRealCatalogue(t *testing.T) {
	g0, _, _ := rvGlobals(nil)
	c, err := g0.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	path := storyFile(t, c)
	const today = "2026-11-25"
	env := map[string]string{"TOM_TODAY": today}

	// Before: the review is overdue.
	g, _, _ := rvGlobals(env)
	if code := Run(g, []string{"status", "-f", path}); code != ExitStatusOverdue {
		t.Fatalf("status before the review: exit %d, want %d", code, ExitStatusOverdue)
	}

	// The status line for the crypto step: the desktop disk encryption is
	// implemented now.
	before, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	var ticks []string
	for i, m := range (model.View{C: c, F: before}).Measures(c.Section("crypto")) {
		if m.ID == "crypto.disk_desktop" {
			ticks = append(ticks, fmt.Sprintf("u %d", i+1))
		}
	}
	if before.Measures["crypto.disk_desktop"].Status != model.StatusPlanned {
		t.Fatalf("sample changed: crypto.disk_desktop is %+v", before.Measures["crypto.disk_desktop"])
	}

	resp := &storyResponder{cryptoTicks: strings.Join(ticks, " "), added: map[string]bool{}}
	pr, pw := io.Pipe()
	g, _, errb := rvGlobals(env)
	g.In = bufio.NewReader(pr)
	g.Out = &promptWriter{r: resp, in: pw}
	code := Run(g, []string{"review", "--accessible", "-f", path})
	pw.Close()
	if code != ExitOK {
		t.Fatalf("review: exit %d\n%s\n%s", code, errb, resp.transcript.String())
	}
	transcript := resp.transcript.String()
	for _, want := range []string{"Fällig", "Unverändert? [J/n/?]", "Gerät 2 von 7: Arbeitsplatz-PC Grafik"} {
		if !strings.Contains(transcript, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}

	// The history: exactly one new entry with exactly the story's changes.
	after, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.History) != 2 {
		t.Fatalf("history has %d entries, want 2", len(after.History))
	}
	e := after.History[1]
	if e.Kind != model.HistoryReview || e.Version != "1.1" || e.Date != today || e.By != "Jörg Krüger" {
		t.Fatalf("entry: %+v", e)
	}
	var paths []string
	for _, ch := range e.Changes {
		paths = append(paths, ch.Path)
	}
	newID := ""
	for _, r := range after.Get("devices").Records() {
		if strings.HasPrefix(model.RecordName(c.Question("devices"), r), "Arbeitsplatz-PC Grafik 2026") {
			newID = r.ID()
		}
	}
	provID := ""
	for _, r := range after.Get("providers").Records() {
		if r["name"].Str() == "Hornetsecurity GmbH" {
			provID = r.ID()
		}
	}
	want := []string{"answers/devices/pc1", "answers/devices/" + newID, "answers/providers/" + provID, "measures/crypto.disk_desktop"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Fatalf("changes:\n got %v\nwant %v\n%s", paths, want, transcript)
	}

	// tom diff --since tells the story in words.
	g, out, _ := rvGlobals(env)
	if code := Run(g, []string{"diff", "--since", today, "-f", path}); code != ExitDiffChanged {
		t.Fatalf("diff exit %d", code)
	}
	flat := strings.Join(strings.Fields(out.String()), " ") // items wrap at 80 columns
	for _, w := range []string{"neu: „Hornetsecurity GmbH“", "entfernt: „Arbeitsplatz-PC Grafik“", "neu: „Arbeitsplatz-PC Grafik 2026 (Windows 11)“", "→ umgesetzt"} {
		if !strings.Contains(flat, w) {
			t.Errorf("tom diff --since lacks %q:\n%s", w, out)
		}
	}

	// tom status: the review is current again, last review today, next in
	// a year; the contracts of 2018 the review left alone are still due
	// (exit 8, before the findings' 7).
	g, out, _ = rvGlobals(env)
	if code := Run(g, []string{"status", "-f", path}); code != ExitStatusItemsDue || !strings.Contains(out.String(), "in 365 Tagen") {
		t.Fatalf("status after the review: exit %d\n%s", code, out)
	}
	for _, w := range []string{"25.11.2026", "25.11.2027", "Widerspruch: „Control Panel … mit 2FA“", "Befunde: 5 Widersprüche", "Punkte fällig", "Fällig oder bald fällig:"} {
		if !strings.Contains(strings.Join(strings.Fields(out.String()), " "), w) {
			t.Errorf("tom status lacks %q:\n%s", w, out)
		}
	}
}
