package wizard

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tom-dsgvo/tom/model"
)

// eighteenProviders is a file of the small catalogue resumed on its list of
// 18 service providers.
func eighteenProviders(c *model.Catalog, lang model.Lang) *model.File {
	f := model.NewFile(c, lang)
	recs := make([]model.Record, 18)
	for i := range recs {
		recs[i] = model.Record{"id": model.String(fmt.Sprintf("r%d", i+1)), "name": model.String(fmt.Sprintf("Anbieter %02d", i+1))}
	}
	f.Set("providers", model.Records(recs...))
	f.Progress.Step = "providers"
	return f
}

// listCounts reads the records list off the screen: the numbers in the
// "↑ n" and "↓ n" hints (-1 when absent) and how many list rows are shown.
func listCounts(t *testing.T, screen, more string) (above, below, shown int) {
	t.Helper()
	above, below = -1, -1
	up := regexp.MustCompile(`^↑ (\d+) ` + more + `$`)
	down := regexp.MustCompile(`^↓ (\d+) ` + more + `$`)
	row := regexp.MustCompile(`^(> |  )(\d+\. Anbieter|\+ |Fertig|Done)`)
	for _, l := range strings.Split(screen, "\n") {
		l = strings.TrimRight(l, " ")
		if m := up.FindStringSubmatch(l); m != nil {
			above, _ = strconv.Atoi(m[1])
		} else if m := down.FindStringSubmatch(l); m != nil {
			below, _ = strconv.Atoi(m[1])
		} else if row.MatchString(l) {
			shown++
		}
	}
	return above, below, shown
}

// TestRecordsListShowsHiddenEntries: a list of 18 providers at 80x24 does not
// fit; the rows hidden above and below are counted in "↑ n weitere" / "↓ n
// weitere" lines, hints and rows together account for every row, and the
// spare line under the list is used.
func TestRecordsListShowsHiddenEntries(t *testing.T) {
	c := smallCatalog(t)
	for _, tc := range []struct {
		lang       model.Lang
		more, done string
	}{{model.De, "weitere", "Fertig – weiter"}, {model.En, "more", "Done – continue"}} {
		d := newDriver(t, c, eighteenProviders(c, tc.lang), tc.lang)
		total := 18 + 2                                     // the providers, "add" and "done"
		wantShown := 24 - headerLines - footerLines - 4 - 1 // title, blank, blank, status; one hint

		// The cursor starts on "done": the top of the list is hidden.
		d.expect("> " + tc.done)
		checkScreen(t, d, "bottom", 80, 24)
		above, below, shown := listCounts(t, d.screen(), tc.more)
		if below != -1 || above < 1 || above+shown != total || shown != wantShown {
			t.Fatalf("%s bottom: above %d, below %d, shown %d (want %d):\n%s", tc.lang, above, below, shown, wantShown, d.screen())
		}

		d.press("home").expect("> 1. Anbieter 01")
		above, below, shown = listCounts(t, d.screen(), tc.more)
		if above != -1 || below < 1 || below+shown != total || shown != wantShown {
			t.Fatalf("%s top: above %d, below %d, shown %d:\n%s", tc.lang, above, below, shown, d.screen())
		}

	}
}

// TestListWindowMiddle: wherever the cursor is in a long list, moving down,
// up, or jumping there with a window kept or new, the cursor row is
// visible, and hints and rows account for every row within h lines.
func TestListWindowMiddle(t *testing.T) {
	rows := make([]string, 40)
	for i := range rows {
		rows[i] = fmt.Sprintf("%d. Anbieter", i+1)
	}
	row := func(i int) string { return rows[i] }
	var cursors []int
	for c := range rows {
		cursors = append(cursors, c)
	}
	for c := range rows {
		cursors = append(cursors, len(rows)-1-c)
	}
	cursors = append(cursors, 0, 39, 20, 3, 36, 19)
	top := 0
	for k, cursor := range cursors {
		if k == len(cursors)-1 {
			top = 0 // a window of its own
		}
		out := strings.Split(ansi.Strip(listWindowAt(&top, len(rows), row, cursor, 10, 60, model.De)), "\n")
		if len(out) != 10 {
			t.Fatalf("cursor %d: %d lines, want 10", cursor, len(out))
		}
		above, below, shown := listCounts(t, strings.Join(out, "\n"), "weitere")
		above, below = max(above, 0), max(below, 0)
		if above+below+shown != len(rows) || !strings.Contains(strings.Join(out, "\n"), fmt.Sprintf("> %d. Anbieter", cursor+1)) {
			t.Fatalf("cursor %d: above %d, below %d, shown %d:\n%s", cursor, above, below, shown, strings.Join(out, "\n"))
		}
	}
}

// TestRecordsListKeepsItsWindow: moving through a long list, a key that
// keeps the cursor within the window changes two lines of the screen, and in
// them only the cursor mark (the terminal gets a few bytes, not the list
// again); when the cursor leaves the window, the window moves so that the
// cursor is in its middle, which leaves the next keys room to move within it.
func TestRecordsListKeepsItsWindow(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	recs := make([]model.Record, 1000)
	for i := range recs {
		recs[i] = model.Record{"id": model.String(fmt.Sprintf("r%d", i+1)), "name": model.String(fmt.Sprintf("Anbieter %04d", i+1))}
	}
	f.Set("providers", model.Records(recs...))
	f.Progress.Step = "providers"
	d := newDriver(t, c, f, model.De)
	for _, dir := range []string{"down", "up"} {
		if dir == "down" {
			d.press("home")
		} else {
			d.press("end")
		}
		moves := 0
		for i := range 100 {
			before := strings.Split(d.m.Render(), "\n")
			d.press(dir)
			after := strings.Split(d.m.Render(), "\n")
			if len(before) != len(after) {
				t.Fatalf("%s %d: %d lines, then %d", dir, i, len(before), len(after))
			}
			var changed []int
			for j := range after {
				if after[j] != before[j] {
					changed = append(changed, j)
				}
			}
			if len(changed) > 2 {
				moves++
				screen := ansi.Strip(strings.Join(after, "\n"))
				// The cursor row is in the middle of the rows shown.
				var rows []string
				for _, l := range strings.Split(screen, "\n") {
					if strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "> ") {
						rows = append(rows, l)
					}
				}
				mid := -1
				for k, r := range rows {
					if strings.HasPrefix(r, "> ") {
						mid = k
					}
				}
				if mid < len(rows)/2-1 || mid > len(rows)/2+1 {
					t.Fatalf("%s %d: the window moved, cursor on row %d of %d:\n%s", dir, i, mid+1, len(rows), screen)
				}
				continue
			}
			if len(changed) != 2 {
				t.Fatalf("%s %d: %d lines changed, want 2", dir, i, len(changed))
			}
			// The row's text, escape codes and all, is the same with and
			// without the mark.
			mark := styleCursor.Render(">") + " "
			for _, j := range changed {
				b, a := before[j], after[j]
				rb, okb := strings.CutPrefix(b, "  ")
				ra, oka := strings.CutPrefix(a, mark)
				if !okb || !oka {
					rb, okb = strings.CutPrefix(b, mark)
					ra, oka = strings.CutPrefix(a, "  ")
				}
				if !okb || !oka || rb != ra {
					t.Fatalf("%s %d: line %d changed beyond the mark:\n%q\n%q", dir, i, j, b, a)
				}
			}
		}
		// 100 keys in a window of 13 rows: the window moves about every
		// sixth key, not on every key.
		if moves > 100/5 {
			t.Fatalf("%s: the window moved on %d of 100 keys", dir, moves)
		}
	}
}

// TestListWindowTiny: in one or two lines there is no room for the hints;
// the cursor row is shown wherever the cursor goes.
func TestListWindowTiny(t *testing.T) {
	row := func(i int) string { return fmt.Sprintf("%d. Anbieter", i+1) }
	for _, h := range []int{1, 2} {
		top := 0
		for _, cursor := range []int{0, 1, 2, 3, 9, 8, 7, 0, 5} {
			out := strings.Split(ansi.Strip(listWindowAt(&top, 10, row, cursor, h, 60, model.De)), "\n")
			if len(out) != h || !strings.Contains(strings.Join(out, "\n"), fmt.Sprintf("> %d. Anbieter", cursor+1)) {
				t.Fatalf("h %d, cursor %d: %q", h, cursor, out)
			}
		}
	}
}
