package wizard

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/line"
)

// twinToday is the date of the twin test's history entries.
const twinToday = "2026-03-15"

// twinStep is one answer of the twin test's script, given the way each front
// end takes it: the keys of the full screen and the lines of line mode.
type twinStep struct {
	what string   // the answer, for people reading the script
	keys []string // full screen: key names; "=text" types text
	line []string // line mode: input lines
}

// twinScript is one set of answers to the small catalogue from start to end.
var twinScript = []twinStep{
	{"organisation name", []string{"=Bäckerei Süß", "enter"}, []string{"Bäckerei Süß"}},
	{"no address", []string{"enter"}, []string{""}},
	{"e-mail", []string{"=info@baeckerei.de", "enter"}, []string{"info@baeckerei.de"}},
	{"no date", []string{"enter"}, []string{""}},
	{"no own server", []string{"n"}, []string{"nein"}},
	{"devices: PC", []string{"space", "enter"}, []string{"1"}},
	{"both measures implemented", []string{"u", "u", "enter"}, []string{"u 1-2", ""}},
	{"no own measure", []string{"end", "enter"}, []string{"n"}},
	{"add a provider", []string{"enter"}, []string{"a"}},
	{"its name", []string{"=Hoster GmbH", "tab"}, []string{"Hoster GmbH"}},
	{"no e-mail", []string{"tab"}, []string{""}},
	{"category hosting", []string{"1"}, []string{"1"}}, // a number chooses and moves on
	{"no processor", []string{"n"}, []string{"nein"}},
	{"save the provider", []string{"ctrl+s"}, nil},
	{"list done", []string{"end", "enter"}, []string{""}},
}

// twinFullScreen gives steps to the full-screen wizard on f and returns the
// saved file's bytes after the user leaves with Ctrl+C.
func twinFullScreen(t *testing.T, c *model.Catalog, f *model.File, steps []twinStep) []byte {
	t.Helper()
	return twinFullScreenWith(t, c, f, steps, nil)
}

// twinFullScreenWith is twinFullScreen with provider directory dir.
func twinFullScreenWith(t *testing.T, c *model.Catalog, f *model.File, steps []twinStep, dir *model.Directory) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tom.json")
	m := New(Options{Catalog: c, File: f, Path: path, Lang: model.De, Today: twinToday, User: "tester", Directory: dir})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, st := range steps {
		for _, k := range st.keys {
			if text, ok := strings.CutPrefix(k, "="); ok {
				for _, r := range text {
					m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
				}
				continue
			}
			m.Update(keyMsg(k))
		}
	}
	m.Update(keyMsg("ctrl+c"))
	if err := m.Flush(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// twinLine gives steps to line mode on f and returns the saved file's bytes.
func twinLine(t *testing.T, c *model.Catalog, f *model.File, steps []twinStep) ([]byte, string, error) {
	t.Helper()
	return twinLineWith(t, c, f, steps, nil)
}

// twinLineWith is twinLine with provider directory dir.
func twinLineWith(t *testing.T, c *model.Catalog, f *model.File, steps []twinStep, dir *model.Directory) ([]byte, string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tom.json")
	var in strings.Builder
	for _, st := range steps {
		for _, l := range st.line {
			in.WriteString(l + "\n")
		}
	}
	var out bytes.Buffer
	err := line.Run(line.Options{Catalog: c, File: f, Path: path, Lang: model.De, In: strings.NewReader(in.String()), Out: &out,
		Today: twinToday, User: "tester", Directory: dir})
	data, rerr := os.ReadFile(path)
	if rerr != nil {
		t.Fatal(rerr)
	}
	return data, out.String(), err
}

func TestTwinFresh(t *testing.T) {
	c := smallCatalog(t)
	full := twinFullScreen(t, c, model.NewFile(c, model.De), twinScript)
	lineData, out, err := twinLine(t, c, model.NewFile(c, model.De), twinScript)
	if err != nil && !errors.Is(err, line.ErrIncomplete) {
		t.Fatal(err)
	}
	if !bytes.Equal(full, lineData) {
		t.Fatalf("files differ:\n--- full screen\n%s\n--- line mode\n%s\n--- line output\n%s", full, lineData, out)
	}
}

// The same answers resumed: both front ends start from the file the full
// screen saved when the user left after the second step.
func TestTwinResumed(t *testing.T) {
	c := smallCatalog(t)
	part := twinFullScreen(t, c, model.NewFile(c, model.De), twinScript[:6])
	load := func() *model.File {
		f, _, err := model.Parse("part.json", part, c)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	if f := load(); f.Progress.Step != "access_system" {
		t.Fatalf("the partial file stops at %q", f.Progress.Step)
	}
	full := twinFullScreen(t, c, load(), twinScript[6:])
	lineData, out, err := twinLine(t, c, load(), twinScript[6:])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(full, lineData) {
		t.Fatalf("files differ:\n--- full screen\n%s\n--- line mode\n%s\n--- line output\n%s", full, lineData, out)
	}
}

// Skip then jump back: the second step is put off, the rest answered; then
// the user goes back to it, answers it and leaves at once. Both front ends
// write the same file, and it is complete.
func TestTwinSkipThenJumpBack(t *testing.T) {
	c := smallCatalog(t)
	rest := append([]twinStep{{"put infra off", []string{"ctrl+s"}, []string{":später"}}}, twinScript[6:]...)
	first := append(append([]twinStep{}, twinScript[:4]...), rest...)
	back := []twinStep{
		{"back to infra", []string{"ctrl+o", "home", "down", "enter"}, nil},
		twinScript[4], twinScript[5],
		{"leave", nil, []string{":ende"}},
	}

	// Full screen: one session.
	fullFile := model.NewFile(c, model.De)
	full := twinFullScreen(t, c, fullFile, append(first, back...))

	// Line mode: the first run ends with infra open, the second resumes there.
	lf := model.NewFile(c, model.De)
	part, out, err := twinLine(t, c, lf, first)
	if !errors.Is(err, line.ErrIncomplete) {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	g, _, perr := model.Parse("part.json", part, c)
	if perr != nil {
		t.Fatal(perr)
	}
	lineData, out, err := twinLine(t, c, g, back)
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	if !bytes.Equal(full, lineData) {
		t.Fatalf("files differ:\n--- full screen\n%s\n--- line mode\n%s\n--- line output\n%s", full, lineData, out)
	}
	f, _, perr := model.Parse("twin.json", full, c)
	if perr != nil {
		t.Fatal(perr)
	}
	if st := model.Status(c, f, twinToday); !st.Complete || st.State == model.ReviewIncomplete || f.Stand() == "" {
		t.Errorf("not complete after the jump back: %+v", st)
	}
}

// A provider taken from the directory: both front ends write the same file
// (the real catalogue, from its provider register on).
func TestTwinDirectory(t *testing.T) {
	c := realCatalog(t)
	dir := shippedDirectory(t, c)
	steps := []twinStep{
		{"add a provider", []string{"enter"}, []string{"a"}},
		{"search the directory", []string{"=strato"}, []string{"strato"}},
		{"take the best match", []string{"enter"}, []string{"1"}},
		{"save it as filled", []string{"ctrl+s"}, []string{""}},
		{"add another", []string{"end", "up", "enter"}, []string{"a"}},
		{"not in the directory", []string{"=Eigener Dienst", "enter"}, []string{"Eigener Dienst", "0"}},
		{"named as searched, completed", []string{"end", "= GmbH", "ctrl+s"}, append([]string{"Eigener Dienst GmbH"}, make([]string, 17)...)},
		{"add a third", []string{"end", "up", "enter"}, []string{"a"}},
		{"named as searched", []string{"=Büro Süß", "enter", "ctrl+s"}, append([]string{"Büro Süß", ""}, make([]string, 18)...)},
		{"list done", []string{"end", "enter"}, []string{""}},
	}
	start := func() *model.File {
		f := model.NewFile(c, model.De)
		f.Progress.Step = "providers"
		return f
	}
	full := twinFullScreenWith(t, c, start(), steps, dir)
	lineData, out, err := twinLineWith(t, c, start(), steps, dir)
	if err != nil && !errors.Is(err, line.ErrIncomplete) {
		t.Fatal(err)
	}
	if !bytes.Equal(full, lineData) {
		t.Fatalf("files differ:\n--- full screen\n%s\n--- line mode\n%s\n--- line output\n%s", full, lineData, out)
	}
	if !bytes.Contains(full, []byte("STRATO AG")) || !bytes.Contains(full, []byte(`"Eigener Dienst GmbH"`)) || !bytes.Contains(full, []byte(`"Büro Süß"`)) {
		t.Fatalf("the providers are missing:\n%s", full)
	}
}

// twinTable answers the measures table of the small catalogue with a
// server and a notebook (four measures): every status, the rest "zu
// klären", a note, and what the statuses need.
var twinTable = []twinStep{
	{"server yes", []string{"j"}, []string{"ja"}},
	{"a virtual server", []string{"down", "enter"}, []string{"2"}},
	{"devices: PC and notebook", []string{"space", "down", "space", "enter"}, []string{"1 2"}},
	{"planned, declined, rest unclear, not applicable with a note",
		[]string{"g", "b", "down", "n", "a", "ctrl+n", "enter"}, []string{"g 1 b 2 n 4 k alle +4", ""}},
	{"due date", []string{"=30.06.2027", "enter"}, []string{"30.06.2027"}},
	{"why declined", []string{"=zu klein für eine Richtlinie", "enter"}, []string{"zu klein für eine Richtlinie"}},
	{"who accepted", []string{"=Inhaberin", "enter"}, []string{"Inhaberin"}},
	{"why not applicable", []string{"=kein Notebook mit Kundendaten", "enter"}, []string{"kein Notebook mit Kundendaten"}},
	{"the note", []string{"=nur im Büro", "enter"}, []string{"nur im Büro"}},
	{"no own measure", []string{"end", "enter"}, []string{"n"}},
}

// TestTwinTable: the measures table and its follow-ups give the same file
// in both front ends.
func TestTwinTable(t *testing.T) {
	c := smallCatalog(t)
	steps := append(append([]twinStep{}, twinScript[:4]...), twinTable...)
	full := twinFullScreen(t, c, model.NewFile(c, model.De), steps)
	lineData, out, err := twinLine(t, c, model.NewFile(c, model.De), steps)
	if err != nil && !errors.Is(err, line.ErrIncomplete) {
		t.Fatal(err)
	}
	if !bytes.Equal(full, lineData) {
		t.Fatalf("files differ:\n--- full screen\n%s\n--- line mode\n%s\n--- line output\n%s", full, lineData, out)
	}
	f, _, perr := model.Parse("twin.json", full, c)
	if perr != nil {
		t.Fatal(perr)
	}
	want := map[string]model.MeasureAnswer{
		"access_system.passwords":     {Status: model.StatusPlanned, Due: "2027-06-30"},
		"access_system.policy":        {Status: model.StatusDeclined, Reason: "zu klein für eine Richtlinie", AcceptedBy: "Inhaberin"},
		"access_system.ssh_keys_only": {Status: model.StatusUnclear},
		"access_system.disk_notebook": {Status: model.StatusNotApplicable, Reason: "kein Notebook mit Kundendaten", Note: "nur im Büro"},
	}
	for id, w := range want {
		if got := f.Measures[id]; !got.Equal(w) {
			t.Errorf("%s = %+v, want %+v", id, got, w)
		}
	}
}

// TestTwinSuggestion: the text given before for the same kind of part,
// taken with → in full screen and "=" in line mode, gives the same file.
func TestTwinSuggestion(t *testing.T) {
	c := smallCatalog(t)
	steps := append(append([]twinStep{}, twinScript[:4]...), twinTable[:3]...)
	steps = append(steps,
		twinStep{"two not applicable, two declined", []string{"n", "n", "b", "b", "enter"}, []string{"n 1-2 b 3-4", ""}},
		twinStep{"why not applicable", []string{"=kein Bedarf", "enter"}, []string{"kein Bedarf"}},
		twinStep{"the same again", []string{"right", "enter"}, []string{"="}},
		twinStep{"why declined", []string{"=zu teuer", "enter"}, []string{"zu teuer"}},
		twinStep{"who accepted", []string{"=Inhaberin", "enter"}, []string{"Inhaberin"}},
		twinStep{"the same reason again", []string{"right", "enter"}, []string{"="}},
		twinStep{"the same person again", []string{"right", "enter"}, []string{"="}},
		twinStep{"no own measure", []string{"end", "enter"}, []string{"n"}},
	)
	full := twinFullScreen(t, c, model.NewFile(c, model.De), steps)
	lineData, out, err := twinLine(t, c, model.NewFile(c, model.De), steps)
	if err != nil && !errors.Is(err, line.ErrIncomplete) {
		t.Fatal(err)
	}
	if !bytes.Equal(full, lineData) {
		t.Fatalf("files differ:\n--- full screen\n%s\n--- line mode\n%s\n--- line output\n%s", full, lineData, out)
	}
	f, _, perr := model.Parse("twin.json", full, c)
	if perr != nil {
		t.Fatal(perr)
	}
	want := map[string]model.MeasureAnswer{
		"access_system.passwords":     {Status: model.StatusNotApplicable, Reason: "kein Bedarf"},
		"access_system.policy":        {Status: model.StatusNotApplicable, Reason: "kein Bedarf"},
		"access_system.ssh_keys_only": {Status: model.StatusDeclined, Reason: "zu teuer", AcceptedBy: "Inhaberin"},
		"access_system.disk_notebook": {Status: model.StatusDeclined, Reason: "zu teuer", AcceptedBy: "Inhaberin"},
	}
	for id, w := range want {
		if got := f.Measures[id]; !got.Equal(w) {
			t.Errorf("%s = %+v, want %+v", id, got, w)
		}
	}
}
