package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// DueWords gives DescribeDue's sentence for every kind of due item, named
// or not, with and without dates, in both languages, also when the same
// form is used again with other names and dates, and when a name, a date or
// a catalogue text holds what marks a gap.
func TestDueWordsAsDescribeDue(t *testing.T) {
	sec := &Section{ID: "s", Title: Text{De: "Zugang", En: "Access"}}
	nul := &Section{ID: "n", Title: Text{De: "Zu\x00\x01gang", En: "Ac\x00cess"}}
	fd := &Field{ID: "checked", Label: Text{De: "AV-Vertrag geprüft am", En: "Agreement checked on"}}
	fdNul := &Field{ID: "checked", Label: Text{De: "geprüft\x00\x03", En: "checked\x00"}}
	label := Text{De: "Dienstleister", En: "Service provider"}
	names := []string{"Collmex GmbH", "", "Strato  AG", "Name\x00\x01 mit Marke", "%s %d %[2]s", "„zitiert“",
		strings.Repeat("sehr langer Name ", 10), " Leerzeichen ", "Zeile\nzwei"}
	dates := [][2]string{{"", ""}, {"2025-07-15", "2026-07-15"}, {"2025-08-30", "2026-08-30"}, {"15.07.2025", "bad"}, {"2025-02-30", ""}}
	var items []DueItem
	for _, kind := range []string{DueCheck, DueTest, DueMeasure, DueOwnMeasure} {
		for _, s := range []*Section{sec, nul, nil} {
			for _, f := range []*Field{fd, fdNul} {
				for i, n := range names {
					for _, d := range dates {
						for _, over := range []bool{true, false} {
							lb := label
							if kind != DueCheck {
								lb = Text{De: n + " Maßnahme", En: n + " measure"}
							}
							items = append(items, DueItem{Kind: kind, Section: s, ID: "providers", Label: lb, Record: "r" + string(rune('a'+i)),
								Name: n, Field: f, Date: d[0], DueOn: d[1], Months: 12 + i%2, Overdue: over})
						}
					}
				}
			}
		}
	}
	for _, l := range []Lang{De, En} {
		w := NewDueWords(l)
		for pass := range 2 { // the second pass finds every form made
			for _, it := range items {
				if got, want := w.Describe(it), DescribeDue(it, l); got != want {
					t.Fatalf("%s pass %d, %+v:\ngot  %q\nwant %q", l, pass, it, got, want)
				}
			}
		}
	}
	// The checks of one register, named and dated, share one form.
	w := NewDueWords(De)
	for i, n := range names[2:] {
		it := DueItem{Kind: DueCheck, Section: sec, ID: "providers", Label: label, Record: "r" + n, Name: n, Field: fd,
			Date: dates[1+i%2][0], DueOn: dates[1+i%2][1], Months: 12, Overdue: true}
		if got, want := w.Describe(it), DescribeDue(it, De); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	if len(w.forms) != 1 || w.forms[DueItem{Kind: DueCheck, Section: sec, ID: "providers", Label: label, Record: "x", Name: "x", Field: fd,
		Date: "x", DueOn: "x", Months: 12, Overdue: true}].parts == nil {
		t.Errorf("%d forms for one register's checks: %+v", len(w.forms), w.forms)
	}
}

// onLineShort reports exactly the texts shorten leaves as they are: one line
// of words between single spaces, at most maxValueRunes runes.
func FuzzOnLineShort(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u2028b", "\xff", "ä ö", strings.Repeat("x", maxValueRunes), strings.Repeat("ä", maxValueRunes+1)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ") == s && utf8.RuneCountInString(s) <= maxValueRunes
		if got := onLineShort(s); got != want {
			t.Errorf("onLineShort(%q) = %v, want %v", s, got, want)
		}
		if onLineShort(s) && shorten(s) != s {
			t.Errorf("shorten(%q) = %q", s, shorten(s))
		}
	})
}

// DueEach passes the items Due lists, in the same order, for many due
// checks of a register before and after other items.
func TestDueEachAsDue(t *testing.T) {
	c := rvSmall(t)
	f := rvBase(c)
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2026-03-31"}
	f.OwnMeasures = []OwnMeasure{{ID: "own1", Section: "access_system", Text: "Bildschirmsperre", Type: Technical, MeasureAnswer: MeasureAnswer{Status: StatusPlanned, Due: "2026-08-14"}}}
	var recs []Record
	for i := range 300 {
		recs = append(recs, rvProvider(fmt.Sprintf("r%d", i), fmt.Sprintf("P %d", i), i%3 != 0, []string{"2025-07-15", "2025-08-30", "2025-09-16", ""}[i%4]))
	}
	f.Set("providers", Records(recs...))
	for _, today := range []string{"2026-08-15", "2027-08-15", "bad"} {
		want := Due(c, f, today)
		var got []DueItem
		DueEach(c, f, today, func(it DueItem) { got = append(got, it) })
		if !slices.Equal(got, want) || today != "bad" && len(want) < 100 {
			t.Errorf("%s: DueEach gave %d items, Due %d", today, len(got), len(want))
		}
		if n := len(Dated(c, f, today)); today != "bad" && n < len(want) {
			t.Errorf("%s: Dated %d items, fewer than Due's %d", today, n, len(want))
		}
	}
}
