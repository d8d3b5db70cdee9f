package model

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sameParse checks that the fast and the full reader agree on data: the same
// problems in the same words and places, or the same file and migration.
func sameParse(t *testing.T, name string, data []byte, c *Catalog) {
	t.Helper()
	f1, m1, err1 := parse(name, data, c, true)
	f2, m2, err2 := parse(name, data, c, false)
	switch {
	case (err1 == nil) != (err2 == nil):
		t.Fatalf("%s: fast reader says %v, full reader %v", name, err1, err2)
	case err1 != nil:
		for _, l := range []Lang{De, En} {
			le1, _ := err1.(*LoadError)
			le2, _ := err2.(*LoadError)
			if le1 == nil || le2 == nil || le1.Format(l) != le2.Format(l) {
				t.Fatalf("%s: fast reader says\n%v\nfull reader\n%v", name, err1, err2)
			}
		}
	case !reflect.DeepEqual(f1, f2) || !reflect.DeepEqual(m1, m2):
		t.Fatalf("%s: the fast and the full reader read different files", name)
	}
}

// TestFastLoadSameAsFull: every answers file in testdata, and mutations of
// the sample that the fast reader must leave to the full one (nulls, numbers,
// repeated keys, escapes, a byte order mark, cut-off files), read the same
// with the fast reader as with the full one.
func TestFastLoadSameAsFull(t *testing.T) {
	c := loadShippedCatalog(t)
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*", "*.json"))
	fast := 0
	for _, path := range append(files, more...) {
		data, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(data, []byte(`"answers"`)) {
			continue
		}
		sameParse(t, path, data, c)
		if _, _, ok := decodeAnswersFile(data); ok {
			fast++
		}
	}
	if fast < 10 {
		t.Errorf("the fast reader took only %d testdata files", fast)
	}
	sample, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "tom.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := decodeAnswersFile(sample); !ok {
		t.Fatal("the fast reader does not take the sample")
	}
	// Places where a value begins: after `": `.
	var starts []int
	for i := 0; i+3 < len(sample); i++ {
		if sample[i] == '"' && sample[i+1] == ':' && sample[i+2] == ' ' {
			starts = append(starts, i+3)
		}
	}
	inserts := []string{`null, "x": `, `1, "y": `, `"\u00e4\ud83d\ude00\n\"\\\/", "z": `, `"\ud800", "z": `, `"\ud83dx", "z": `,
		`[], "l": `, `[1], "l": `, `[{}], "l": `, `{}, "o": `, `[[]], "l": `, `"a\x01", "c": `, `true, "b": `, `"dup": 1, "dup": `,
		`"\t", "t": `, `[{"a": [{}]}], "r": `, `[{"a": null}], "r": `, `[{"a": "x", "a": "y"}], "r": `, `"\q", "q": `}
	r := rand.New(rand.NewSource(16))
	for i := range 300 {
		var data []byte
		switch k := r.Intn(10); {
		case k < 7:
			at := starts[r.Intn(len(starts))]
			data = append(append(append([]byte{}, sample[:at]...), inserts[r.Intn(len(inserts))]...), sample[at:]...)
		case k == 7:
			data = sample[:r.Intn(len(sample))]
		case k == 8:
			data = append([]byte("\xef\xbb\xbf"), sample...)
		default:
			data = bytes.Replace(sample, []byte(`"`), []byte(`"\u00`+fmt.Sprintf("%02x", 0x41+r.Intn(26))), r.Intn(40)+1)
		}
		sameParse(t, fmt.Sprintf("mutation %d", i), data, c)
	}
}

// loadShippedCatalog reads the shipped catalogue from its source file.
func loadShippedCatalog(t *testing.T) *Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseCatalog("tom-standard.json", data)
	if err != nil {
		t.Fatal(strings.TrimSpace(err.Error()))
	}
	return c
}

// TestFastLoadRecordDupKey: a key repeated in a record makes the fast
// reader give up, so that the full one reports it where it stands.
func TestFastLoadRecordDupKey(t *testing.T) {
	for _, rec := range []string{`{"id": "a", "name": "x", "name": "y"}`, `{"id": "a", "id": "b"}`, `{"name": "x", "id": "a", "name": "x"}`} {
		data := []byte(`{"schema": 1, "catalog": {"id": "tom-small", "version": "1.0.0"}, "answers": {"providers": [{"id": "z"}, ` + rec + `]}}`)
		if _, _, ok := decodeAnswersFile(data); ok {
			t.Errorf("%s: read by the fast reader", rec)
		}
		_, _, err := Parse("x.json", data, smallCatalog(t))
		if err == nil || !strings.Contains(err.Error(), "doppelt") {
			t.Errorf("%s: %v", rec, err)
		}
	}
}

// plainLenSlow is plainLen one byte at a time.
func plainLenSlow(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return len(s)
}

// TestPlainLen compares plainLen with the byte loop on strings made of the
// bytes around each boundary, at every position within a word.
func TestPlainLen(t *testing.T) {
	edge := []byte{0, 0x1f, 0x20, 0x21, '"', '\\', 'a', 0x7f, 0x80, 0x9f, 0xa0, 0xff}
	r := rand.New(rand.NewSource(1))
	for n := range 2000 {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = 'a' + byte(r.Intn(26))
			if r.Intn(12) == 0 {
				b[i] = edge[r.Intn(len(edge))]
			}
		}
		s := string(b)
		if got, want := plainLen(s), plainLenSlow(s); got != want {
			t.Fatalf("case %d: plainLen(%q) = %d, want %d", n, s, got, want)
		}
	}
}

func FuzzPlainLen(f *testing.F) {
	f.Add("abcdefgh\x1fijk")
	f.Add("ÄÖÜ äöü \"x")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := plainLen(s), plainLenSlow(s); got != want {
			t.Fatalf("plainLen(%q) = %d, want %d", s, got, want)
		}
	})
}
