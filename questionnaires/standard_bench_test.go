package questionnaires

import "testing"

// BenchmarkStandard: loading the shipped catalogue and its support table,
// as every command that needs the catalogue does once (a fresh decode each
// iteration; costs paid once per process are in `tom version`'s run).
func BenchmarkStandard(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Standard(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOSSupport: loading the shipped support table alone.
func BenchmarkOSSupport(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := OSSupport(); err != nil {
			b.Fatal(err)
		}
	}
}
