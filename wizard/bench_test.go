package wizard

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// largestTick returns the control section of the real catalogue with the most
// measures.
func largestTick(c *model.Catalog) *model.Section {
	var best *model.Section
	for _, s := range c.Sections {
		if best == nil || len(s.Measures) > len(best.Measures) {
			best = s
		}
	}
	return best
}

// BenchmarkKeystroke measures one key press (Update + View) on the largest
// step of the real catalogue: the measures table of its biggest measure
// section (BenchmarkKeystrokeTable has more kinds of keys and sizes).
func BenchmarkKeystroke(b *testing.B) {
	c, err := realCatalogB()
	if err != nil {
		b.Fatal(err)
	}
	f := model.NewFile(c, model.De)
	f.Progress.Step = largestTick(c).ID
	benchKeystrokes(b, c, f)
}

// BenchmarkKeystrokeTable measures one key press (Update + View) on the
// measures table of the real catalogue's biggest measure section: moving
// down and up (ten each), and setting a status (which redraws the rows).
func BenchmarkKeystrokeTable(b *testing.B) {
	c, err := realCatalogB()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		b.Run(fmt.Sprintf("move-%dx%d", size[0], size[1]), func(b *testing.B) {
			f := model.NewFile(c, model.De)
			f.Progress.Step = largestTick(c).ID
			benchKeys(b, c, f, size, func(i int) tea.KeyPressMsg {
				if i/10%2 == 1 {
					return tea.KeyPressMsg{Code: tea.KeyUp}
				}
				return tea.KeyPressMsg{Code: tea.KeyDown}
			})
		})
		b.Run(fmt.Sprintf("status-%dx%d", size[0], size[1]), func(b *testing.B) {
			f := model.NewFile(c, model.De)
			f.Progress.Step = largestTick(c).ID
			keys := []rune("ugnbk")
			benchKeys(b, c, f, size, func(i int) tea.KeyPressMsg {
				if i%8 == 7 {
					return tea.KeyPressMsg{Code: tea.KeyHome} // back to the top, over and over
				}
				r := keys[i%len(keys)]
				return tea.KeyPressMsg{Code: r, Text: string(r)}
			})
		})
	}
}

// benchKeys starts the wizard on f at the given size and times key presses
// (Update + View), key(i) giving the i-th.
func benchKeys(b *testing.B, c *model.Catalog, f *model.File, size [2]int, key func(int) tea.KeyPressMsg) {
	b.Helper()
	m := New(Options{Catalog: c, File: f, Lang: model.De, Save: func(*model.File) error { return nil }})
	m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
	if m.tbl == nil {
		b.Fatal("the wizard does not start on the measures table")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		m.Update(key(i))
		_ = m.View()
	}
}

// benchKeystrokes starts the wizard on f at 80x24 and times key presses
// (Update + View): ten down, ten up, and so on.
func benchKeystrokes(b *testing.B, c *model.Catalog, f *model.File) {
	b.Helper()
	m := New(Options{Catalog: c, File: f, Lang: model.De, Save: func(*model.File) error { return nil }})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		k := down
		if i/10%2 == 1 {
			k = up
		}
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkFirstFrame measures start-up to the first frame: the model built
// on the real catalogue and its first View.
func BenchmarkFirstFrame(b *testing.B) {
	c, err := realCatalogB()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for range b.N {
		f := model.NewFile(c, model.De)
		m := New(Options{Catalog: c, File: f, Lang: model.De, Save: func(*model.File) error { return nil }})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
	}
}

// BenchmarkFirstFrameWithCatalogue includes parsing the embedded catalogue.
func BenchmarkFirstFrameWithCatalogue(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		c, err := realCatalogB()
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Catalog: c, File: model.NewFile(c, model.De), Lang: model.De, Save: func(*model.File) error { return nil }})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
	}
}

// BenchmarkKeystrokeProviders measures one key press (Update + View) on the
// list screen of the real catalogue's provider register holding n entries;
// the cost per key should not grow with n.
func BenchmarkKeystrokeProviders(b *testing.B) {
	c, err := realCatalogB()
	if err != nil {
		b.Fatal(err)
	}
	q := c.QuestionByRole(model.RoleProviderRegister)
	if q == nil {
		b.Fatal("the real catalogue has no provider register")
	}
	for _, n := range []int{100, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f := model.NewFile(c, model.De)
			recs := make([]model.Record, n)
			for i := range recs {
				r := model.Record{"id": model.String(fmt.Sprintf("p%05d", i))}
				for _, fd := range q.Fields {
					switch {
					case fd.Kind == model.KindText:
						r[fd.ID] = model.String(fmt.Sprintf("Anbieter %d", i))
					case fd.Kind == model.KindChoice && len(fd.Options) > 0:
						r[fd.ID] = model.String(fd.Options[0].ID)
					}
				}
				recs[i] = r
			}
			f.Set(q.ID, model.Records(recs...))
			f.Progress.Step = q.ID
			benchKeystrokes(b, c, f)
		})
	}
}

// BenchmarkKeystrokeRecordForm measures one key press (Update + View) in the
// one-page form of a new provider of the real catalogue at 80x24: typing in
// the name field, and moving through all fields with Tab.
func BenchmarkKeystrokeRecordForm(b *testing.B) {
	c, err := realCatalogB()
	if err != nil {
		b.Fatal(err)
	}
	q := c.QuestionByRole(model.RoleProviderRegister)
	for _, k := range []struct {
		name string
		msg  tea.KeyPressMsg
	}{
		{"type", tea.KeyPressMsg{Code: 'a', Text: "a"}},
		{"tab", tea.KeyPressMsg{Code: tea.KeyTab}},
	} {
		b.Run(k.name, func(b *testing.B) {
			f := model.NewFile(c, model.De)
			f.Progress.Step = q.ID
			m := New(Options{Catalog: c, File: f, Lang: model.De, Save: func(*model.File) error { return nil }})
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			m.Update(tea.KeyPressMsg{Code: 'n', Text: "n"})
			if !m.formOpen() {
				b.Fatal("no form")
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if k.name == "type" && i%200 == 0 {
					m.rec.form.inputs[m.rec.form.focus] = newTextInput(m.rec.form.fields[m.rec.form.focus], m.rec.form.rec, model.De)
				}
				m.Update(k.msg)
				_ = m.View()
			}
		})
	}
}

// BenchmarkKeystrokeDirectory measures one key press (Update + View) on the
// directory picker of a new provider at 80x24, with the shipped directory
// and one of 10,000 entries: typing a name letter by letter and deleting it
// again. The cost per key should not grow with the directory.
func BenchmarkKeystrokeDirectory(b *testing.B) {
	c, err := realCatalogB()
	if err != nil {
		b.Fatal(err)
	}
	shipped, err := questionnaires.Providers(c)
	if err != nil {
		b.Fatal(err)
	}
	q := shipped.Question
	big := &model.Directory{Question: q}
	cats := q.FieldByRole(model.RoleCategory).Options
	cities := []string{"Berlin", "München", "Köln", "Düsseldorf", "Gunzenhausen", "Nürnberg"}
	for i := range 10000 {
		big.Entries = append(big.Entries, &model.DirectoryEntry{
			ID:      fmt.Sprintf("p%05d", i),
			Address: model.Address{Street: "Hauptstr. 1", Postcode: "10115", City: cities[i%len(cities)], Country: "DE"},
			Fields: model.Record{
				"name":     model.String(fmt.Sprintf("Anbieter %05d GmbH", i)),
				"category": model.String(cats[i%len(cats)].ID),
			},
		})
	}
	word := []rune("anbieter 0999")
	for _, tc := range []struct {
		name string
		dir  *model.Directory
	}{{"shipped", shipped}, {"10000", big}} {
		b.Run(tc.name, func(b *testing.B) {
			f := model.NewFile(c, model.De)
			f.Progress.Step = "providers"
			m := New(Options{Catalog: c, File: f, Lang: model.De, Directory: tc.dir, Save: func(*model.File) error { return nil }})
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}) // add: the directory
			if !m.picking() {
				b.Fatal("no directory picker")
			}
			back := tea.KeyPressMsg{Code: tea.KeyBackspace}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				k := back
				if j := i % (2 * len(word)); j < len(word) {
					k = tea.KeyPressMsg{Code: word[j], Text: string(word[j])}
				}
				m.Update(k)
				_ = m.View()
			}
		})
	}
}
