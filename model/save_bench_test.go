package model

import (
	"path/filepath"
	"slices"
	"testing"
)

// standardAnswers is standardFile decoded: the sample with n realistic
// service providers under the real catalogue.
func standardAnswers(b *testing.B, n int) (*Catalog, *File) {
	b.Helper()
	c, data := standardFile(b, n)
	f, _, err := Parse("bench.json", data, c)
	if err != nil {
		b.Fatal(err)
	}
	return c, f
}

// BenchmarkMarshalStandard1000: encoding the sample with 1,000 realistic
// service providers (what a save in the interview encodes).
func BenchmarkMarshalStandard1000(b *testing.B) {
	_, f := standardAnswers(b, 1000)
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := Marshal(f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkSaveStandard1000: atomic save (temp file, fsync, rename, folder
// sync) of that file.
func BenchmarkSaveStandard1000(b *testing.B) {
	_, f := standardAnswers(b, 1000)
	path := filepath.Join(b.TempDir(), "tom.json")
	b.ReportAllocs()
	for b.Loop() {
		if err := Save(path, f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewSessionStandard1000: starting a session over that file (a
// completed one: the history diff needs the state it began with).
func BenchmarkNewSessionStandard1000(b *testing.B) {
	c, f := standardAnswers(b, 1000)
	if f.Stand() == "" {
		b.Fatal("the sample is not completed")
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		NewSession(c, f, SessionOptions{Today: "2026-12-07"})
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkStartReviewStandard1000: beginning a review of the completed
// sample with 1,000 service providers (the state before it is kept for the
// history).
func BenchmarkStartReviewStandard1000(b *testing.B) {
	c, f := standardAnswers(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		StartReview(c, f, nil)
	}
}

// BenchmarkCommitStandard1000: what a session does before each save of
// that file once one provider changed (prune, protection level, history
// diff): with the other records those the session began with, and with
// copies of them (as the full-screen interview's register stores them).
func BenchmarkCommitStandard1000(b *testing.B) {
	for _, copied := range []bool{false, true} {
		name := "shared"
		if copied {
			name = "copied"
		}
		b.Run(name, func(b *testing.B) {
			c, f := standardAnswers(b, 1000)
			s := NewSession(c, f, SessionOptions{Today: "2026-12-07", User: "bench"})
			recs := slices.Clone(f.Get("providers").Records())
			if len(recs) != 1000 {
				b.Fatalf("%d providers", len(recs))
			}
			for i := range recs {
				if copied || i == 500 {
					recs[i] = recs[i].Clone()
				}
			}
			recs[500]["name"] = String("Geändert GmbH")
			s.SetRecords("providers", recs)
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				s.Commit()
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
			if e := f.LastEntry(); e == nil || len(e.Changes) != 1 {
				b.Fatalf("history entry %+v", e)
			}
		})
	}
}
