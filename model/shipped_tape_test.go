package model

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/internal/tapegen"
)

// shippedFiles reads the shipped catalogue and support table.
func shippedFiles(t testing.TB) (catalog, table string) {
	t.Helper()
	c, err := os.ReadFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.ReadFile(filepath.Join("..", "questionnaires", "os-support.json"))
	if err != nil {
		t.Fatal(err)
	}
	return string(c), string(s)
}

// parseShippedCatalogUnmarshal and parseShippedSupportTableUnmarshal are
// ParseShippedCatalog and ParseShippedSupportTable without a tape:
// json.Unmarshal and the indexes, else the full reader.
func parseShippedCatalogUnmarshal(source, data string) (*Catalog, error) {
	var c Catalog
	if json.Unmarshal([]byte(data), &c) != nil {
		return ParseCatalog(source, []byte(data))
	}
	c.index()
	return &c, nil
}

func parseShippedSupportTableUnmarshal(source, data string) (*SupportTable, error) {
	var t SupportTable
	if json.Unmarshal([]byte(data), &t) != nil {
		return ParseSupportTable(source, []byte(data))
	}
	t.index()
	return &t, nil
}

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

// sameResult reports whether two results of reading a catalogue or table
// are the same: equal values (indexes included), or errors that say the same.
func sameResult[T any](got *T, err error, want *T, wantErr error) bool {
	if err != nil || wantErr != nil {
		return got == nil && want == nil && err != nil && wantErr != nil && err.Error() == wantErr.Error()
	}
	return reflect.DeepEqual(got, want)
}

// TestShippedTapeNotUsed: a tape that does not fit (a stale tape of the
// data before an edit, of other types, cut short, longer, of the other
// file) is not read, and ParseShippedCatalog and ParseShippedSupportTable
// give what json.Unmarshal and the indexes give, else the full reader's
// error; for data the full reader accepts (full), also its catalogue or
// table, so the edit is read and nothing of the stale tape is left.
func TestShippedTapeNotUsed(t *testing.T) {
	catData, tableData := shippedFiles(t)
	catTape, tableTape := shippedTapes(t)
	otherTypes := []byte(catTape)
	otherTypes[4] ^= 1 // the fingerprint's first byte
	catEdited := strings.Replace(catData, `"version": "1.2.0"`, `"version": "1.2.9"`, 1)
	var edited Catalog
	if catEdited == catData || json.Unmarshal([]byte(catEdited), &edited) != nil {
		t.Fatal("the catalogue's version is not where the test edits it")
	}
	for name, c := range map[string]struct {
		data, tape string
		full       bool
	}{
		"data edited, same length": {catEdited, catTape, true},
		"data edited, longer":      {strings.Replace(catData, `"Confidentiality"`, `"Confidentiality (edited)"`, 1), catTape, true},
		"the edited data's tape":   {catData, tapeOf(t, &edited, catEdited), true},
		"unknown key, same length": {strings.Replace(catData, `"version": "1.`, `"versiom": "1.`, 1), catTape, false},
		"data shorter":             {catData[:len(catData)-1], catTape, true},
		"wrong type":               {strings.Replace(catData, `"version": "`, `"version": 1, "x": "`, 1), catTape, true},
		"other types":              {catData, string(otherTypes), true},
		"tape cut short":           {catData, catTape[:len(catTape)-1], true},
		"tape longer":              {catData, catTape + "\x00", true},
		"the table's tape":         {catData, tableTape, true},
		"no tape":                  {catData, "", true},
	} {
		var got Catalog
		if decodeTapeCatalog(c.tape, c.data, &got) {
			t.Errorf("catalogue, %s: the tape is read", name)
		}
		pc, err := ParseShippedCatalog("x.json", c.data, c.tape)
		want, wantErr := parseShippedCatalogUnmarshal("x.json", c.data)
		if !sameResult(pc, err, want, wantErr) {
			t.Errorf("catalogue, %s: ParseShippedCatalog gives %v, %v; json.Unmarshal: %v, %v", name, pc != nil, err, want != nil, wantErr)
		}
		if c.full {
			want, wantErr := ParseCatalog("x.json", []byte(c.data))
			if !sameResult(pc, err, want, wantErr) {
				t.Errorf("catalogue, %s: ParseShippedCatalog gives %v, %v; ParseCatalog: %v, %v", name, pc != nil, err, want != nil, wantErr)
			}
		}
	}

	tableEdited := strings.Replace(tableData, `"win"`, `"wyn"`, 1)
	var editedT SupportTable
	if tableEdited == tableData || json.Unmarshal([]byte(tableEdited), &editedT) != nil {
		t.Fatal("the table's name \"win\" is not where the test edits it")
	}
	for name, c := range map[string]struct {
		data, tape string
		full       bool
	}{
		"data edited, same length": {tableEdited, tableTape, true},
		"data edited, longer":      {strings.Replace(tableData, `"win"`, `"win", "winnt"`, 1), tableTape, true},
		"the edited data's tape":   {tableData, tapeOf(t, &editedT, tableEdited), true},
		"unknown key":              {strings.Replace(tableData, `"id": "windows"`, `"id": "windows", "x": 1`, 1), tableTape, false},
		"wrong type":               {strings.Replace(tableData, `"id": "windows"`, `"id": 7`, 1), tableTape, true},
		"syntax":                   {tableData[:len(tableData)/2], tableTape, true},
		"the catalogue's tape":     {tableData, catTape, true},
		"no tape":                  {tableData, "", true},
	} {
		var got SupportTable
		if decodeTapeSupportTable(c.tape, c.data, &got) {
			t.Errorf("table, %s: the tape is read", name)
		}
		pt, err := ParseShippedSupportTable("x.json", c.data, c.tape)
		want, wantErr := parseShippedSupportTableUnmarshal("x.json", c.data)
		if !sameResult(pt, err, want, wantErr) {
			t.Errorf("table, %s: ParseShippedSupportTable gives %v, %v; json.Unmarshal: %v, %v", name, pt != nil, err, want != nil, wantErr)
		}
		if c.full {
			want, wantErr := ParseSupportTable("x.json", []byte(c.data))
			if !sameResult(pt, err, want, wantErr) {
				t.Errorf("table, %s: ParseShippedSupportTable gives %v, %v; ParseSupportTable: %v, %v", name, pt != nil, err, want != nil, wantErr)
			}
		}
	}
}

// tapeOf returns the tape of v decoded from text.
func tapeOf(t testing.TB, v any, text string) string {
	tape, err := tapegen.EncodeTape(tapeDecoderConfig(), v, text)
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
