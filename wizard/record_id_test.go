package wizard

import (
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// A new record in the full-screen interview never takes the ID of a record
// the file's history names (it would read as that record changed), nor one
// given out earlier in the session, nor one used in another list.
func TestNewRecordIDNeverReused(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("providers", model.Records(
		model.Record{"id": model.String("r1"), "name": model.String("A")},
		model.Record{"id": model.String("r2"), "name": model.String("B")},
	))
	f.History = []model.HistoryEntry{{Date: "2025-11-28", Kind: model.HistoryReview, Version: "1.1",
		Changes: []model.Change{{Path: "answers/providers/r5", Old: map[string]any{"id": "r5"}}}}}
	d := newDriver(t, c, f, model.De)
	if got := d.m.s.IDs().Record(); got != "r6" {
		t.Fatalf("first new ID %q, want r6 (r5 was removed in the history)", got)
	}
	if got := d.m.s.IDs().Record(); got != "r7" {
		t.Fatalf("second new ID %q, want r7 (r6 was given out this session)", got)
	}
}
