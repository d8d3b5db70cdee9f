package render

import (
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestMarkdownRecordsAsTables: the Markdown writer writes each register cell
// by cell exactly as it writes the tables mdRecordTables lays out, for every
// register of the sample with many providers and a register with empty
// cells, a dash and markup in its texts.
func TestMarkdownRecordsAsTables(t *testing.T) {
	c, f := manyProviders(t, 30)
	var regs []*Records
	for _, bl := range Build(c, f, model.De).Blocks {
		if r, ok := bl.(*Records); ok && len(r.Rows) > 0 {
			regs = append(regs, r)
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
