package render

import (
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestMarkdownRecordsAsTables: the Markdown writer writes each register cell
// by cell exactly as it writes the tables mdRecordTables lays out (which
// cleans every cell again), for every register of the sample with many
// providers, of the sample with hostile texts (also as the annex), and a
// register with empty cells, a dash and markup in its texts.
func TestMarkdownRecordsAsTables(t *testing.T) {
	c, f := manyProviders(t, 30)
	hc, hf, _ := hostileFile(t)
	var regs []*Records
	for _, d := range []*Document{Build(c, f, model.De), Build(hc, hf, model.De), BuildProfile(hc, hf, model.De, nil, ProfileAnnex)} {
		for _, bl := range d.Blocks {
			if r, ok := bl.(*Records); ok && len(r.Rows) > 0 {
				regs = append(regs, r)
			}
		}
	}
	regs = append(regs, &Records{
		Fields: []string{"Name", "| Pipe", "Leer", "Mehr", "a", "b", "c", "d", "e", "f"},
		Rows: [][]string{
			{"# Kopf", "x|y", "", "1. eins", "*", "_", "<b>", "&amp;", " lead", "g"},
			{"b\nc", "—", "", "", "", "", "", "", "", "h"},
			{"kurz"},
		},
		Nr: "Nr.", Dash: "—",
	})
	if len(regs) < 3 {
		t.Fatalf("the sample has %d registers with records, want at least 3", len(regs))
	}
	for _, r := range regs {
		got, want := &mdWriter{}, &mdWriter{}
		got.records(r)
		for _, tb := range mdRecordTables(r) {
			want.table(tb)
		}
		if got.b.String() != want.b.String() {
			t.Errorf("register %q:\ngot  %q\nwant %q", r.Fields, got.b.String(), want.b.String())
		}
	}
}

// TestRecordsCleaned: a register the builder marks as cleaned holds only
// cells (and a dash) that clean leaves as they are, with hostile texts in
// every field, in the document and in the annex.
func TestRecordsCleaned(t *testing.T) {
	c, f, _ := hostileFile(t)
	n := 0
	for _, d := range []*Document{Build(c, f, model.De), BuildProfile(c, f, model.En, nil, ProfileAnnex)} {
		for _, bl := range d.Blocks {
			r, ok := bl.(*Records)
			if !ok || !r.cleaned {
				continue
			}
			n++
			if clean(r.Dash) != r.Dash {
				t.Errorf("dash %q is not clean", r.Dash)
			}
			for _, row := range r.Rows {
				for _, c := range row {
					if clean(c) != c {
						t.Errorf("cell %q is not clean", c)
					}
				}
			}
		}
	}
	if n < 3 {
		t.Fatalf("%d registers marked as cleaned, want at least 3", n)
	}
}
