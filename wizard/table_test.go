package wizard

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/tom-dsgvo/tom/model"
)

// TestTableFits walks every measures table of the real catalogue (every
// measure shown) at 80x24 and 60x20, row by row from top to bottom: the
// screen is exactly the window, no line is wider, and the row under the
// cursor is on the screen whole: its number, the start of its label and
// its status word at the end. Every row is seen.
func TestTableFits(t *testing.T) {
	c := realCatalog(t)
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		f := everythingOn(c)
		d := newDriver(t, c, f, model.De)
		d.m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		tables := 0
		for _, s := range d.m.view.Sections() {
			if len(d.m.view.Measures(s)) == 0 {
				continue
			}
			d.m.enterSection(s, +1)
			for i := 0; d.m.tbl == nil; i++ {
				if i > 50 {
					t.Fatalf("%s: no table", s.ID)
				}
				d.m.move(+1)
			}
			tables++
			rows := d.m.tbl.rows
			// Give the rows every status in turn, so that the widest words
			// are on the screen too.
			keys := []string{"u", "g", "n", "b", "k"}
			for i := range rows {
				d.press(keys[i%len(keys)])
			}
			d.press("home")
			for i, mm := range rows {
				if i > 0 {
					d.press("down")
				}
				where := fmt.Sprintf("%dx%d %s row %d", size[0], size[1], s.ID, i+1)
				checkScreen(t, d, where, size[0], size[1])
				line := screenLine(d.screen(), fmt.Sprintf("> %*d ", len(fmt.Sprint(len(rows))), i+1))
				if line == "" {
					t.Fatalf("%s: the cursor row is not on the screen:\n%s", where, d.screen())
				}
				label := []rune(mm.Label.De)
				if !strings.Contains(line, string(label[:min(len(label), 12)])) {
					t.Fatalf("%s: row %q lacks its label %q", where, line, mm.Label.De)
				}
				if word := d.m.statusWord(mm); !strings.HasSuffix(line, word) {
					t.Fatalf("%s: row %q does not end in its status %q", where, line, word)
				}
			}
		}
		if tables < 10 {
			t.Fatalf("only %d tables walked", tables)
		}
	}
}

// tableAt starts the wizard on the small catalogue's measures table
// (server and notebook: all four measures apply).
func tableAt(t *testing.T, lang model.Lang) *driver {
	t.Helper()
	c := smallCatalog(t)
	f := model.NewFile(c, lang)
	f.Set("org.name", model.String("Muster GmbH"))
	f.Set("infra.server", model.Bool(true))
	f.Set("infra.server_kind", model.String("vserver"))
	f.Set("infra.devices", model.List("notebook"))
	f.Progress.Done = []string{"org", "infra"}
	f.Progress.Step = "access_system"
	d := newDriver(t, c, f, lang)
	if d.m.tbl == nil {
		t.Fatalf("not on the table:\n%s", d.screen())
	}
	return d
}

// TestTableKeys sets each status with its key (German and English letters
// in either language), clears one, cycles one with Space, and checks the
// words on the screen and the answers in the file.
func TestTableKeys(t *testing.T) {
	for _, tc := range []struct {
		lang  model.Lang
		keys  []string
		words []string
	}{
		{model.De, []string{"u", "g", "n", "b"}, []string{"umgesetzt", "geplant", "nicht anwendbar", "bewusst nicht umgesetzt"}},
		{model.En, []string{"i", "p", "n", "d"}, []string{"implemented", "planned", "not applicable", "deliberately not implemented"}},
		{model.En, []string{"u", "g", "n", "b"}, []string{"implemented", "planned", "not applicable", "deliberately not implemented"}},
		{model.De, []string{"i", "p", "n", "d"}, []string{"umgesetzt", "geplant", "nicht anwendbar", "bewusst nicht umgesetzt"}},
	} {
		d := tableAt(t, tc.lang)
		d.press(tc.keys...)
		s := d.screen()
		for i, mm := range d.m.tbl.rows {
			if l := screenLine(s, mm.Label.In(tc.lang)); !strings.HasSuffix(l, tc.words[i]) {
				t.Fatalf("%s %v: row %d %q, want the word %q:\n%s", tc.lang, tc.keys, i+1, l, tc.words[i], s)
			}
		}
		want := []string{model.StatusImplemented, model.StatusPlanned, model.StatusNotApplicable, model.StatusDeclined}
		for i, mm := range d.m.tbl.rows {
			if got := d.m.f.Measures[mm.ID].Status; got != want[i] {
				t.Fatalf("%s %v: %s has %q, want %q", tc.lang, tc.keys, mm.ID, got, want[i])
			}
		}
	}
	// Unclear by its key; "-" clears; Space cycles from none to the first.
	d := tableAt(t, model.De)
	rows := d.m.tbl.rows
	d.press("k")
	eq(t, "unclear", d.m.f.Measures[rows[0].ID].Status, model.StatusUnclear)
	d.press("up", "-")
	if _, ok := d.m.f.Measures[rows[0].ID]; ok {
		t.Fatalf("cleared row kept its answer: %+v", d.m.f.Measures[rows[0].ID])
	}
	d.press("space")
	eq(t, "cycled", d.m.f.Measures[rows[0].ID].Status, model.StatusImplemented)
	d.press("space")
	eq(t, "cycled twice", d.m.f.Measures[rows[0].ID].Status, model.StatusPlanned)
	// The legend names the keys in the language of the interview.
	d.expect("u umgesetzt · g geplant · n nicht anwendbar", "a alle ohne Angabe: zu klären")
	tableAt(t, model.En).expect("i implemented · p planned · n not applicable", "c to be clarified", "a all without status: to be clarified")
}

// TestTableRestUnclear: a marks every row without status "zu klären" and
// leaves the others; nothing more is asked for them.
func TestTableRestUnclear(t *testing.T) {
	d := tableAt(t, model.De)
	rows := d.m.tbl.rows
	d.press("u", "down", "u").expect("Stand der Maßnahmen (4, 2 ohne Angabe):")
	d.press("a").expect("2 Maßnahmen ohne Angabe auf „zu klären“ gesetzt.", "Stand der Maßnahmen (4):")
	got := []string{}
	for _, mm := range rows {
		got = append(got, d.m.f.Measures[mm.ID].Status)
	}
	eq(t, "statuses", got, []string{"implemented", "unclear", "implemented", "unclear"})
	d.press("enter").expect("Eigene Maßnahmen")
	eq(t, "saved", d.measure(rows[1].ID), map[string]any{"status": "unclear"})
}

// TestTableFollowUps: after the table exactly the rows that need more are
// asked, in row order: the date of the planned one, the reason of the one
// not applicable, reason and risk owner of the declined one; a row whose
// answer is complete and was not changed is not asked again (the yearly
// review's "unchanged"), one set again is (its stored value the default).
func TestTableFollowUps(t *testing.T) {
	d := tableAt(t, model.De)
	d.press("g", "u", "n", "b", "enter")
	d.expect("Bis wann ist „Anmeldung nur mit persönlichem Passwort“ geplant?").typ("30.06.2027").press("enter")
	d.expect("Warum ist „SSH-Anmeldung am Server nur mit Schlüssel“ nicht anwendbar?").typ("kein SSH").press("enter")
	d.expect("Warum wird „Festplattenverschlüsselung auf Notebooks“").typ("keine Daten").press("enter")
	d.expect("Wer hat das Risiko ohne „Festplattenverschlüsselung").typ("Inhaberin").press("enter")
	d.expect("Eigene Maßnahmen")
	eq(t, "planned", d.measure("access_system.passwords"), map[string]any{"status": "planned", "due": "2027-06-30"})
	eq(t, "na", d.measure("access_system.ssh_keys_only"), map[string]any{"status": "not_applicable", "reason": "kein SSH"})
	eq(t, "declined", d.measure("access_system.disk_notebook"),
		map[string]any{"status": "declined", "reason": "keine Daten", "accepted_by": "Inhaberin"})

	// Again, as next year: the table unchanged asks nothing.
	g := tableAt(t, model.De)
	for id, a := range d.m.f.Measures {
		g.m.f.Measures[id] = a
	}
	g.m.enterSection(g.m.sec, +1)
	g.press("enter").expect("Eigene Maßnahmen")
	// Changing one row asks only that row, with the old values kept where
	// they still fit: declined → not applicable keeps the reason.
	g.press("esc").expect("Stand der Maßnahmen (4):")
	g.toRow("Festplattenverschlüsselung").press("n", "enter")
	g.expect("Warum ist „Festplattenverschlüsselung auf Notebooks“", "keine Daten").press("enter")
	g.expect("Eigene Maßnahmen")
	eq(t, "changed", g.measure("access_system.disk_notebook"), map[string]any{"status": "not_applicable", "reason": "keine Daten"})
}

// TestTableNote: Ctrl+N on a row asks for a note after the follow-ups.
func TestTableNote(t *testing.T) {
	d := tableAt(t, model.En)
	d.press("down", "ctrl+n").expect("Note asked after the table: Written password policy")
	d.press("home", "a", "enter")
	d.expect("Note on “Written password policy”").typ("ask the IT firm").press("enter")
	eq(t, "note", d.measure("access_system.policy"), map[string]any{"status": "unclear", "note": "ask the IT firm"})
}

// TestTableHelpAndPlain: the help of the row under the cursor is shown
// below the table when there is room (80x24), not at 60x20 with the
// biggest table; without colour the status is still a word and the cursor
// row is marked with ">".
func TestTableHelpAndPlain(t *testing.T) {
	d := tableAt(t, model.De)
	d.press("down").expect("─────", "Regeln für Länge und Wechsel.")
	d.m.Update(tea.ColorProfileMsg{Profile: colorprofile.NoTTY})
	var out strings.Builder
	w := colorprofile.NewWriter(&out, []string{"TERM=dumb"})
	w.Profile = colorprofile.NoTTY
	w.Write([]byte(d.m.Render()))
	plain := out.String()
	if strings.Contains(plain, "\x1b") {
		t.Fatalf("escape codes left without colour: %q", plain)
	}
	if l := screenLine(plain, "Schriftliche Passwortrichtlinie"); !strings.HasPrefix(l, ">") || !strings.HasSuffix(l, "keine Angabe") {
		t.Fatalf("plain cursor row %q", l)
	}

	c := realCatalog(t)
	f := everythingOn(c)
	f.Progress.Step = largestTick(c).ID
	big := newDriver(t, c, f, model.De)
	if big.m.tbl == nil {
		t.Fatal("not on the table")
	}
	first := string([]rune(big.m.tbl.rows[0].Label.De)[:30])
	big.expect("───")
	if n := strings.Count(big.screen(), first); n != 2 {
		t.Fatalf("80x24: label and help title expected, %d times:\n%s", n, big.screen())
	}
	big.m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	if strings.Contains(big.screen(), "────") {
		t.Fatalf("60x20: help shown although the rows need the room:\n%s", big.screen())
	}
	checkScreen(t, big, "60x20", 60, 20)
	if got := ansi.StringWidth(screenLine(big.screen(), "↓")); got > 59 {
		t.Fatalf("scroll hint %d cells", got)
	}
}

// TestTableSuggestsPreviousText: a reason, a risk owner or a note typed for
// one measure is offered for the next of its kind, shown in the empty field
// and taken with →; Enter alone on the empty field takes nothing.
func TestTableSuggestsPreviousText(t *testing.T) {
	d := tableAt(t, model.De)
	rows := d.m.tbl.rows
	d.press("n", "n", "b", "b", "enter")
	d.expect("nicht anwendbar?")
	if strings.Contains(d.screen(), "→ übernimmt") {
		t.Fatalf("a suggestion before any text was given:\n%s", d.screen())
	}
	d.typ("kein Bedarf").press("enter")
	d.expect("→ übernimmt: kein Bedarf", "→ Vorschlag übernehmen").press("enter")
	// Not taken silently: the field is still empty and asked.
	d.expect("→ übernimmt: kein Bedarf")
	eq(t, "not taken by Enter", d.m.f.Measures[rows[1].ID].Reason, "")
	d.press("right", "enter")
	// A reason to decline is another kind: nothing offered.
	if strings.Contains(d.screen(), "→ übernimmt") {
		t.Fatalf("a not-applicable reason offered for a declined one:\n%s", d.screen())
	}
	d.typ("zu teuer").press("enter").typ("Inhaberin").press("enter")
	d.expect("→ übernimmt: zu teuer").press("right", "enter")
	d.expect("→ übernimmt: Inhaberin").press("right", "enter")
	d.expect("Eigene Maßnahmen")
	eq(t, "na 1", d.measure(rows[0].ID), map[string]any{"status": "not_applicable", "reason": "kein Bedarf"})
	eq(t, "na 2", d.measure(rows[1].ID), map[string]any{"status": "not_applicable", "reason": "kein Bedarf"})
	eq(t, "declined", d.measure(rows[3].ID), map[string]any{"status": "declined", "reason": "zu teuer", "accepted_by": "Inhaberin"})
}
