package textsum

import (
	"os"
	"testing"
)

// TestSum: a change of one byte anywhere, or of the length, changes the sum.
func TestSum(t *testing.T) {
	data, err := os.ReadFile("../../questionnaires/tom-standard.json")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data[:4099])
	sum := Sum(text)
	if Sum(text) != sum {
		t.Fatal("not the same sum twice")
	}
	b := []byte(text)
	for i := range b {
		b[i] ^= 0x20
		if Sum(string(b)) == sum {
			t.Errorf("byte %d changed: the same sum", i)
		}
		b[i] ^= 0x20
	}
	if Sum(text[:len(text)-1]) == sum || Sum(text+" ") == sum || Sum("") == Sum("\x00") {
		t.Error("another length: the same sum")
	}
}

func BenchmarkSum(b *testing.B) {
	data, err := os.ReadFile("../../questionnaires/tom-standard.json")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sum(text)
	}
}
