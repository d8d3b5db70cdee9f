package model

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/internal/jsondecgen"
)

// shippedTapes reads the tapes of the shipped catalogue and support table.
func shippedTapes(t testing.TB) (catalog, table string) {
	t.Helper()
	c, err := os.ReadFile(filepath.Join("..", "questionnaires", "tom-standard.tape"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.ReadFile(filepath.Join("..", "questionnaires", "os-support.tape"))
	if err != nil {
		t.Fatal(err)
	}
	return string(c), string(s)
}

// TestShippedTapes: the shipped tapes are read (they fit the types and the
// data) into what json.Unmarshal makes of the data, and ParseShippedCatalog
// and ParseShippedSupportTable with them give the catalogue and table of
// the old path, indexes (unexported maps) included, also with the table set.
func TestShippedTapes(t *testing.T) {
	catData, tableData := shippedFiles(t)
	catTape, tableTape := shippedTapes(t)
	var c, want Catalog
	if !decodeTapeCatalog(catTape, catData, &c) {
		t.Fatal("the catalogue's tape is not read: go generate ./questionnaires")
	}
	if err := json.Unmarshal([]byte(catData), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&c, &want) {
		t.Fatal("the catalogue's tape differs from json.Unmarshal's catalogue")
	}
	var st, wantT SupportTable
	if !decodeTapeSupportTable(tableTape, tableData, &st) {
		t.Fatal("the support table's tape is not read: go generate ./questionnaires")
	}
	if err := json.Unmarshal([]byte(tableData), &wantT); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&st, &wantT) {
		t.Fatal("the support table's tape differs from json.Unmarshal's table")
	}

	pc, err := ParseShippedCatalog("tom-standard.json", catData, catTape)
	if err != nil {
		t.Fatal(err)
	}
	oc, err := parseShippedCatalogUnmarshal("tom-standard.json", catData)
	if err != nil {
		t.Fatal(err)
	}
	pt, err := ParseShippedSupportTable("os-support.json", tableData, tableTape)
	if err != nil {
		t.Fatal(err)
	}
	ot, err := parseShippedSupportTableUnmarshal("os-support.json", tableData)
	if err != nil {
		t.Fatal(err)
	}
	if len(pc.questions) == 0 || len(pt.byCode) == 0 {
		t.Fatal("not indexed")
	}
	if !reflect.DeepEqual(pc, oc) || !reflect.DeepEqual(pt, ot) {
		t.Fatal("from the tapes, the catalogue or table and their indexes differ from the old path's")
	}
	pc.SetSupport(pt)
	oc.SetSupport(ot)
	if !reflect.DeepEqual(pc, oc) {
		t.Error("with the support table set, the catalogues differ")
	}
}

// TestShippedTapeNotUsed: a tape that does not fit (other data of the same
// length, other types, cut short, longer) is not read, and
// ParseShippedCatalog gives the old path's catalogue or error.
func TestShippedTapeNotUsed(t *testing.T) {
	catData, _ := shippedFiles(t)
	catTape, tableTape := shippedTapes(t)
	sameLength := strings.Replace(catData, `"version": "1.`, `"versiom": "1.`, 1)
	otherTypes := []byte(catTape)
	otherTypes[4] ^= 1 // the fingerprint's first byte
	for name, c := range map[string]struct{ data, tape string }{
		"data changed, same length": {sameLength, catTape},
		"data shorter":              {catData[:len(catData)-1], catTape},
		"other types":               {catData, string(otherTypes)},
		"tape cut short":            {catData, catTape[:len(catTape)-1]},
		"tape longer":               {catData, catTape + "\x00"},
		"the table's tape":          {catData, tableTape},
		"no tape":                   {catData, ""},
	} {
		var got Catalog
		if decodeTapeCatalog(c.tape, c.data, &got) {
			t.Errorf("%s: the tape is read", name)
		}
		want, wantErr := parseShippedCatalogUnmarshal("x.json", c.data)
		pc, err := ParseShippedCatalog("x.json", c.data, c.tape)
		if !reflect.DeepEqual(pc, want) || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Errorf("%s: ParseShippedCatalog gives %v, %v; before: %v, %v", name, pc != nil, err, want != nil, wantErr)
		}
	}
}

// tapeOf returns the tape of v decoded from text.
func tapeOf(t testing.TB, v any, text string) string {
	tape, err := jsondecgen.EncodeTape(shippedDecoderConfig(), v, text)
	if err != nil {
		t.Fatal(err)
	}
	return string(tape)
}

// TestTapeRoundTrip: a tape reads back into the value it was written from,
// with what the shipped data does not have (escapes, so strings that are
// not in the text as they are; numbers; any values; nil and empty lists).
func TestTapeRoundTrip(t *testing.T) {
	for _, data := range []string{
		`{}`,
		`{"id": "a\"b\\c\/d\u00e4\ud83d\ude00", "groups": [], "sections": [null], "renamed": {}, "removed": []}`,
		`{"renamed": {"b": "a", "a": "b"}, "sections": [{"id": "s", "annex": false, "questions": [{"id": "q", "columns": [{"fields": ["a"], "width": -1.5e-3}]}],
		  "measures": [{"id": "m", "params": [{"id": "p", "min": -12, "max": 123456789012345678}]}]}]}`,
		`{"rules": [{"id": "r", "if": {"all": [{"question": "q", "equals": [1, "a", [], {}, {"k": [null, false, true]}]}, {"not": {"expected_gap": true}}]}}]}`,
	} {
		var want Catalog
		if err := json.Unmarshal([]byte(data), &want); err != nil {
			t.Fatal(err)
		}
		var got Catalog
		if !decodeTapeCatalog(tapeOf(t, &want, data), data, &got) {
			t.Errorf("%s: the tape is not read", data)
			continue
		}
		if !reflect.DeepEqual(&got, &want) {
			t.Errorf("%s: read back as %+v", data, got)
		}
	}
}

// FuzzTape: a tape of what json.Unmarshal decodes reads back into it, and
// reading any bytes as a tape, or a tape with bytes changed after its
// header, does not panic.
func FuzzTape(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "testdata", "small-catalog.json")); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"id":"x","renamed":{"a":"b"},"sections":[{"id":"s","kind":"control","measures":[{"id":"m","params":[{"id":"p","min":1}]}]}],"rules":[{"id":"r","if":{"question":"q","equals":[1,"a",{"b":null}]}}]}`))
	f.Add([]byte(`{"families":[{"id":"w","names":["win"],"editions":[{"id":"e","words":["ent"]}]}],"entries":[{"id":"w10","family":"w","lastUpdate":{"version":"1","date":"2020-01-01"},"extended":[{"label":{"de":"a","en":"b"},"end":"2030"}],"source":[]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		text := string(data)
		var c Catalog
		decodeTapeCatalog(text, text, &c)
		var st SupportTable
		decodeTapeSupportTable(text, text, &st)
		var want Catalog
		if json.Unmarshal(data, &want) == nil {
			tape := tapeOf(t, &want, text)
			var got Catalog
			if !decodeTapeCatalog(tape, text, &got) || !reflect.DeepEqual(&got, &want) {
				t.Fatalf("the catalogue's tape does not read back: %+v", got)
			}
			// The header is the magic, two uvarints of at most 5 bytes and the sum.
			if b := []byte(tape); len(b) > 22 {
				for i := 0; i+1 < len(data) && i < 8; i += 2 {
					b[22+int(data[i])*(len(b)-22)/256] ^= data[i+1]
				}
				var c Catalog
				decodeTapeCatalog(string(b), text, &c)
			}
		}
		var wantT SupportTable
		if json.Unmarshal(data, &wantT) == nil {
			var got SupportTable
			if !decodeTapeSupportTable(tapeOf(t, &wantT, text), text, &got) || !reflect.DeepEqual(&got, &wantT) {
				t.Fatalf("the table's tape does not read back: %+v", got)
			}
		}
	})
}
