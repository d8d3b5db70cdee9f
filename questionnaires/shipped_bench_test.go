package questionnaires

import "testing"

// BenchmarkIsShippedID: telling a catalogue reference from a file name
// reads only the shipped catalogue's ID and version.
func BenchmarkIsShippedID(b *testing.B) {
	for b.Loop() {
		if !IsShippedID("tom-standard@1") {
			b.Fatal("the shipped ID is not recognised")
		}
	}
}
