package wizard

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/tom-dsgvo/tom/model"
)

// everythingOn answers every yes/no with yes and ticks every option, so that
// every conditional question, measure and field of the catalogue is shown.
func everythingOn(c *model.Catalog) *model.File {
	f := model.NewFile(c, model.De)
	for _, s := range c.Sections {
		for _, q := range s.Questions {
			switch q.Kind {
			case model.KindYesNo:
				f.Set(q.ID, model.Bool(true))
			case model.KindMultiChoice:
				ids := make([]string, len(q.Options))
				for i, o := range q.Options {
					ids[i] = o.ID
				}
				f.Set(q.ID, model.List(ids...))
			}
		}
	}
	return f
}

// checkScreen fails unless the screen is exactly w x h and, when the form is
// a list, every option is reachable: all shown when they fit, else the last
// one shown after End.
func checkScreen(t *testing.T, d *driver, where string, w, h int) {
	t.Helper()
	s := d.screen()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Fatalf("%s: %d lines, want %d:\n%s", where, len(lines), h, s)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Fatalf("%s: line %d is %d cells wide:\n%s", where, i+1, ansi.StringWidth(l), s)
		}
	}
}

// TestEveryScreenFits walks every item of the real catalogue (everything
// shown) at 80x24 and 60x20 and checks the size and that no option list is
// clipped: every option of a list appears, scrolling where the list is taller
// than the screen.
func TestEveryScreenFits(t *testing.T) {
	c := realCatalog(t)
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		f := everythingOn(c)
		d := newDriver(t, c, f, model.De)
		d.m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, s := range d.m.view.Sections() {
			d.m.enterSection(s, +1)
			for i, it := range d.m.items {
				if !it.visible() {
					continue
				}
				d.m.show(i)
				where := it.id
				checkScreen(t, d, where, size[0], size[1])
				if it.records != nil {
					d.press("n")
					form := d.m.rec.form
					for i, fd := range form.fields {
						if fd.Kind == model.KindYesNo {
							form.focus = i
							d.press("j")
						}
					}
					for fi, fd := range form.fields {
						if !form.visible(fi) {
							continue
						}
						form.focus = fi
						checkScreen(t, d, where+"/"+fd.ID, size[0], size[1])
						checkFocusWhole(t, d, where+"/"+fd.ID, fd)
						checkOptions(t, d, where+"/"+fd.ID, fd.Options)
					}
					d.press("esc", "j")
					continue
				}
				checkOptions(t, d, where, listOptions(c, d.m, it))
			}
		}
	}
}

// checkFocusWhole fails unless the focused field of the record form is on
// the screen with its label, the form's legend included.
func checkFocusWhole(t *testing.T, d *driver, where string, fd *model.Field) {
	t.Helper()
	s := d.screen()
	label := []rune(fd.Label.In(model.De))
	if !strings.Contains(s, "> "+string(label[:min(len(label), 20)])) || !strings.Contains(s, "* = Pflichtangabe") {
		t.Fatalf("%s: the focused field is not shown whole:\n%s", where, s)
	}
}

// listOptions returns the options the item's list shows (nil for other kinds).
func listOptions(c *model.Catalog, m *Model, it *item) []*model.Option {
	if q := c.Question(it.id); q != nil {
		return q.Options
	}
	// The measures table has its own test (TestTableFits).
	return nil
}

// checkOptions fails if an option of the list on the screen cannot be seen:
// a list that fits shows all at once; a longer one shows them between its top
// and its bottom, scrolling down.
func checkOptions(t *testing.T, d *driver, where string, opts []*model.Option) {
	t.Helper()
	if len(opts) == 0 {
		return
	}
	// A list that fits the body shows every option at once, unscrolled.
	if _, h := d.m.bodySize(); len(opts)+4 <= h {
		first := d.screen()
		for _, o := range opts {
			label := []rune(o.Label.In(model.De))
			if !strings.Contains(first, string(label[:min(len(label), 30)])) {
				t.Fatalf("%s: list fits but option %q is not shown:\n%s", where, o.Label.De, first)
			}
		}
	}
	// Otherwise walking down the list shows every option; the screen is
	// read every eight steps (a window shows more than eight options).
	seen := map[string]bool{}
	d.press("home")
	for i := range len(opts) + 8 {
		if i > 0 {
			d.press("down")
		}
		if i%8 != 0 {
			continue
		}
		s := d.screen()
		for _, o := range opts {
			label := []rune(o.Label.In(model.De))
			if strings.Contains(s, string(label[:min(len(label), 30)])) {
				seen[o.ID] = true
			}
		}
	}
	for _, o := range opts {
		if !seen[o.ID] {
			t.Fatalf("%s: option %q never shown:\n%s", where, o.Label.De, d.screen())
		}
	}
}

// TestPlainTheme checks that without colour the focused yes/no button is
// still marked (reverse video), and that the other states keep their marks.
func TestPlainTheme(t *testing.T) {
	d := newDriver(t, smallCatalog(t), nil, model.De)
	d.m.Update(tea.ColorProfileMsg{Profile: colorprofile.Ascii})
	d.press("ctrl+s")
	raw := d.m.Render()
	plain := ansi.Strip(raw)
	if !strings.Contains(plain, "Ja") || !strings.Contains(plain, "Nein") {
		t.Fatalf("no buttons:\n%s", plain)
	}
	// Downsample as the terminal output does, then look for reverse video
	// around the focused button.
	var out strings.Builder
	w := colorprofile.NewWriter(&out, []string{"NO_COLOR=1", "TERM=xterm"})
	w.Profile = colorprofile.Ascii
	w.Write([]byte(raw))
	if !strings.Contains(out.String(), "\x1b[7") && !strings.Contains(out.String(), ";7m") && !strings.Contains(out.String(), ";7;") {
		t.Fatalf("focused button not in reverse video without colour:\n%q", out.String())
	}
	if strings.Contains(out.String(), "38;") {
		t.Fatalf("colour left in plain output: %q", out.String())
	}
	// Without the plain theme the focused button has only colour.
	d2 := newDriver(t, smallCatalog(t), nil, model.De)
	d2.press("ctrl+s")
	var out2 strings.Builder
	w2 := colorprofile.NewWriter(&out2, []string{"NO_COLOR=1"})
	w2.Profile = colorprofile.Ascii
	w2.Write([]byte(d2.m.Render()))
	if strings.Contains(out2.String(), "\x1b[7") {
		t.Fatalf("coloured theme uses reverse video; the plain test proves nothing")
	}
	// Tick marks and the overview's state marks are characters, not colours.
	d.press("j", "enter").expect("Welche Geräte").press("space").expect("✓ PC")
	d.press("ctrl+o").expect("»  1. Organisation", "○  3. Zugangskontrolle")
}

// TestZeroWindowSize: a terminal that reports no size (0x0, as a pipe or
// some serial consoles do) keeps the last layout instead of crashing.
func TestZeroWindowSize(t *testing.T) {
	c := smallCatalog(t)
	d := newDriver(t, c, nil, model.De)
	d.m.Update(tea.WindowSizeMsg{Width: 0, Height: 0})
	checkScreen(t, d, "interview after 0x0", 80, 24)
	rc := rvCatalog(t)
	f, mig, path := rvFile(t, rc, "story-2025.json")
	r := newRvDriver(t, rc, f, mig, path, model.De)
	r.m.Update(tea.WindowSizeMsg{Width: 0, Height: 0})
	r.fits()
}

// TestDateTitleKeepsFormatWhole: the title of a date field does not carry
// the date format (which wrapped as "(TT." / "MM.JJJJ)" on narrow screens);
// the placeholder shows it whole on one line.
func TestDateTitleKeepsFormatWhole(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("org.name", model.String("Muster GmbH"))
	f.Set("org.address", model.String("Hauptstr. 1"))
	f.Set("org.date", model.String("2026-11-28"))
	f.Set("infra.server", model.Bool(true))
	f.Set("infra.server_kind", model.String("vserver"))
	f.Set("infra.devices", model.List("notebook"))
	f.Progress.Done = []string{"org", "infra"}
	f.Progress.Step = "access_system"
	d := newDriver(t, c, f, model.De)
	d.m.Update(tea.WindowSizeMsg{Width: 60, Height: 24})
	d.expect("Stand der Maßnahmen").press("down", "g", "enter").expect("Bis wann")
	s := d.screen()
	if strings.Contains(s, "(TT.") {
		t.Fatalf("the title carries the date format:\n%s", s)
	}
	if !strings.Contains(s, "Datum als TT.MM.JJJJ oder JJJJ-MM-TT") {
		t.Fatalf("the placeholder does not show the format whole:\n%s", s)
	}
}
