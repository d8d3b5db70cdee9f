package render

import (
	"bytes"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// A table or register the builder marks as cleaned holds only clean text,
// also when the catalogue's titles are not clean, and the writers that
// skip cleaning for it write the same bytes as when they clean.
func TestCleanedTablesAreClean(t *testing.T) {
	for _, unclean := range []bool{false, true} {
		c, f := manyProviders(t, 30)
		if unclean {
			for _, s := range c.Sections {
				s.Title.De = " " + s.Title.De + "\t "
			}
		}
		for _, lang := range []model.Lang{model.De, model.En} {
			d := Build(c, f, lang)
			marked := 0
			for _, bl := range d.Blocks {
				var rows [][]string
				switch x := bl.(type) {
				case *Table:
					if !x.cleaned {
						continue
					}
					rows = append(x.Rows, x.Header)
				case *Records:
					if !x.cleaned {
						continue
					}
					rows = append(x.Rows, []string{x.Dash})
				default:
					continue
				}
				marked++
				for _, row := range rows {
					for _, cell := range row {
						if !isClean(cell) {
							t.Errorf("unclean %v %s: %q in a block marked cleaned", unclean, lang, cell)
						}
					}
				}
			}
			if marked < 2 {
				t.Errorf("unclean %v %s: only %d blocks marked cleaned", unclean, lang, marked)
			}
			md, txt := WriteMarkdown(d), mustWrite(t, d, "txt")
			for _, bl := range d.Blocks {
				switch x := bl.(type) {
				case *Table:
					x.cleaned = false
				case *Records:
					x.cleaned = false
				}
			}
			if !bytes.Equal(md, WriteMarkdown(d)) || !bytes.Equal(txt, mustWrite(t, d, "txt")) {
				t.Errorf("unclean %v %s: the writers give other bytes when they clean every cell", unclean, lang)
			}
		}
	}
}

func mustWrite(t *testing.T, d *Document, format string) []byte {
	t.Helper()
	b, err := Write(d, format)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
