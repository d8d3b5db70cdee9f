package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// driver runs the real wizard model with key messages, as the terminal
// would send them, and reads back the file it saves.
type driver struct {
	t     *testing.T
	m     *Model
	c     *model.Catalog
	path  string
	saves int
}

func realCatalogB() (*model.Catalog, error) { return questionnaires.Standard() }

// newDriver starts the wizard on f (a new file when nil) at 80x24.
func newDriver(t *testing.T, c *model.Catalog, f *model.File, lang model.Lang) *driver {
	t.Helper()
	if f == nil {
		f = model.NewFile(c, lang)
	}
	d := &driver{t: t, c: c, path: filepath.Join(t.TempDir(), "tom.json")}
	d.m = New(Options{
		Catalog: c, File: f, Path: d.path, Lang: lang, Today: "2026-11-28", User: "tester",
		Save: func(f *model.File) error {
			d.saves++
			return model.Save(d.path, f)
		},
	})
	d.m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return d
}

// key turns a key name into the message the terminal would produce.
func keyMsg(name string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"alt+enter": {Code: tea.KeyEnter, Mod: tea.ModAlt},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"space":     {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace},
		"delete":    {Code: tea.KeyDelete},
		"f1":        {Code: tea.KeyF1},
	}
	if k, ok := named[name]; ok {
		return k
	}
	if c, ok := strings.CutPrefix(name, "alt+"); ok && len([]rune(c)) == 1 {
		return tea.KeyPressMsg{Code: []rune(c)[0], Mod: tea.ModAlt}
	}
	if c, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(c)[0], Mod: tea.ModCtrl}
	}
	r := []rune(name)
	if len(r) != 1 {
		panic("unknown key " + name)
	}
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// press sends named keys.
func (d *driver) press(names ...string) *driver {
	d.t.Helper()
	for _, n := range names {
		d.m.Update(keyMsg(n))
	}
	return d
}

// typ types text rune by rune.
func (d *driver) typ(s string) *driver {
	for _, r := range s {
		d.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return d
}

// toRow moves the measures table's cursor to the row whose label holds s.
func (d *driver) toRow(s string) *driver {
	d.t.Helper()
	t := d.m.tbl
	if t == nil {
		d.t.Fatalf("no measures table on the screen:\n%s", d.screen())
	}
	d.press("home")
	for i, mm := range t.rows {
		if strings.Contains(mm.Label.In(d.m.lang), s) {
			for range i {
				d.press("down")
			}
			return d
		}
	}
	d.t.Fatalf("no row %q:\n%s", s, d.screen())
	return d
}

// screen is the current screen without escape codes.
func (d *driver) screen() string { return ansi.Strip(d.m.Render()) }

// expect fails unless the screen shows every one of want.
func (d *driver) expect(want ...string) *driver {
	d.t.Helper()
	s := d.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			d.t.Fatalf("screen does not show %q:\n%s", w, s)
		}
	}
	return d
}

// saved reads the file as saved, as plain JSON data.
func (d *driver) saved() map[string]any {
	d.t.Helper()
	data, err := os.ReadFile(d.path)
	if err != nil {
		d.t.Fatalf("read saved file: %v", err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		d.t.Fatalf("saved file is not JSON: %v", err)
	}
	if _, _, err := model.Parse(d.path, data, d.c); err != nil {
		d.t.Fatalf("saved file does not load: %v\n%s", err, data)
	}
	return out
}

// answer returns answers/<id> of the saved file.
func (d *driver) answer(id string) any {
	d.t.Helper()
	return d.saved()["answers"].(map[string]any)[id]
}

// measure returns measures/<id> of the saved file (nil when absent).
func (d *driver) measure(id string) map[string]any {
	d.t.Helper()
	m, _ := d.saved()["measures"].(map[string]any)[id].(map[string]any)
	return m
}

// progress returns the saved progress object.
func (d *driver) progress() map[string]any {
	d.t.Helper()
	p, _ := d.saved()["progress"].(map[string]any)
	return p
}

func eq(t *testing.T, what string, got, want any) {
	t.Helper()
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Fatalf("%s: got %s, want %s", what, gj, wj)
	}
}

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
