package model

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	json "github.com/goccy/go-json"
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
// ParseShippedCatalog and ParseShippedSupportTable as they were before the
// generated decoder: json.Unmarshal, else the full reader.
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

// TestShippedDecoderAsUnmarshal: the generated decoder reads the shipped
// catalogue and support table (no fallback), into what json.Unmarshal
// makes of them, and so do ParseShippedCatalog and ParseShippedSupportTable
// with the indexes (unexported maps included) and the table set.
func TestShippedDecoderAsUnmarshal(t *testing.T) {
	catData, tableData := shippedFiles(t)
	var fast, want Catalog
	if !decodeShippedCatalog(catData, &fast) {
		t.Fatal("the generated decoder gives up on the shipped catalogue")
	}
	if err := json.Unmarshal([]byte(catData), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&fast, &want) {
		t.Fatal("the generated decoder reads the shipped catalogue differently from json.Unmarshal")
	}
	var fastT, wantT SupportTable
	if !decodeShippedSupportTable(tableData, &fastT) {
		t.Fatal("the generated decoder gives up on the shipped support table")
	}
	if err := json.Unmarshal([]byte(tableData), &wantT); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&fastT, &wantT) {
		t.Fatal("the generated decoder reads the shipped support table differently from json.Unmarshal")
	}

	c, err := ParseShippedCatalog("tom-standard.json", catData, "")
	if err != nil {
		t.Fatal(err)
	}
	wc, err := parseShippedCatalogUnmarshal("tom-standard.json", catData)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.questions) == 0 || len(c.qroles) == 0 || len(c.owner) == 0 {
		t.Fatal("ParseShippedCatalog does not index the catalogue")
	}
	if !reflect.DeepEqual(c, wc) {
		t.Error("ParseShippedCatalog: the catalogue and its indexes differ from json.Unmarshal's")
	}
	st, err := ParseShippedSupportTable("os-support.json", tableData, "")
	if err != nil {
		t.Fatal(err)
	}
	wst, err := parseShippedSupportTableUnmarshal("os-support.json", tableData)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.fams) == 0 || len(st.byCode) == 0 {
		t.Fatal("ParseShippedSupportTable does not index the table")
	}
	if !reflect.DeepEqual(st, wst) {
		t.Error("ParseShippedSupportTable: the table and its indexes differ from json.Unmarshal's")
	}
	c.SetSupport(st)
	wc.SetSupport(wst)
	if !reflect.DeepEqual(c, wc) {
		t.Error("with the support table set, the catalogues differ")
	}
}

// TestShippedDecoderGivesUp: on data it does not read exactly as
// json.Unmarshal, the generated decoder gives up, and ParseShippedCatalog
// and ParseShippedSupportTable give what they gave before it: the same
// catalogue, or the same error.
func TestShippedDecoderGivesUp(t *testing.T) {
	catData, tableData := shippedFiles(t)
	deep := `{"id": "x", "rules": [{"id": "r", "if": ` + strings.Repeat(`{"not": `, 300) + `{}` + strings.Repeat(`}`, 300) + `}]}`
	for name, data := range map[string]string{
		"unknown key":        strings.Replace(catData, `"version": "`, `"versions": 1, "version": "`, 1),
		"key in other case":  strings.Replace(catData, `"version": "`, `"Version": "`, 1),
		"repeated key":       strings.Replace(catData, `"version": "`, `"version": "0.0.1", "version": "`, 1),
		"repeated map key":   `{"id": "x", "renamed": {"a": "b", "a": "c"}}`,
		"repeated any key":   `{"rules": [{"id": "r", "if": {"question": "q", "equals": {"a": 1, "a": 2}}}]}`,
		"escaped key":        strings.Replace(catData, `"version": "`, `"versio\u006e": "`, 1),
		"wrong type":         strings.Replace(catData, `"version": "`, `"version": 1, "x": "`, 1),
		"number for string":  strings.Replace(catData, `"id": "tom-standard"`, `"id": 7`, 1),
		"string for bool":    `{"sections": [{"id": "s", "questions": [{"id": "q", "required": "yes"}]}]}`,
		"null string":        strings.Replace(catData, `"id": "tom-standard"`, `"id": null`, 1),
		"null pointer":       `{"sections": [{"id": "s", "when": null}]}`,
		"null element":       `{"sections": [null]}`,
		"fraction for int":   `{"sections": [{"id": "s", "measures": [{"id": "m", "params": [{"id": "p", "min": 1.5}]}]}]}`,
		"exponent for int":   `{"sections": [{"id": "s", "measures": [{"id": "m", "params": [{"id": "p", "min": 1e2}]}]}]}`,
		"float out of range": `{"sections": [{"id": "s", "questions": [{"id": "q", "columns": [{"width": 1e999}]}]}]}`,
		"invalid UTF-8":      strings.Replace(catData, `"tom-standard"`, "\"tom-\xffstandard\"", 1),
		"unpaired surrogate": strings.Replace(catData, `"tom-standard"`, `"tom-\ud800standard"`, 1),
		"byte order mark":    "\xef\xbb\xbf" + catData,
		"trailing data":      catData + "{}",
		"syntax":             catData[:len(catData)/2],
		"too deep":           deep,
	} {
		var c Catalog
		if decodeShippedCatalog(data, &c) {
			t.Errorf("catalogue, %s: the generated decoder does not give up", name)
		}
		want, wantErr := parseShippedCatalogUnmarshal("x.json", data)
		got, err := ParseShippedCatalog("x.json", data, "")
		if !reflect.DeepEqual(got, want) || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Errorf("catalogue, %s: ParseShippedCatalog gives %v, %v; before: %v, %v", name, got != nil, err, want != nil, wantErr)
		}
	}
	for name, data := range map[string]string{
		"unknown key":  strings.Replace(tableData, `"id": "windows"`, `"id": "windows", "x": 1`, 1),
		"repeated key": strings.Replace(tableData, `"id": "windows"`, `"id": "windows", "id": "win"`, 1),
		"wrong type":   strings.Replace(tableData, `"id": "windows"`, `"id": 7`, 1),
		"null list":    strings.Replace(tableData, `"families": [`, `"families": null, "x": [`, 1),
		"syntax":       tableData[:len(tableData)/2],
	} {
		var st SupportTable
		if decodeShippedSupportTable(data, &st) {
			t.Errorf("support table, %s: the generated decoder does not give up", name)
		}
		want, wantErr := parseShippedSupportTableUnmarshal("x.json", data)
		got, err := ParseShippedSupportTable("x.json", data, "")
		if !reflect.DeepEqual(got, want) || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Errorf("support table, %s: ParseShippedSupportTable gives %v, %v; before: %v, %v", name, got != nil, err, want != nil, wantErr)
		}
	}
}

// TestShippedDecoderReads: what the generated decoder accepts beyond the
// shipped data (escapes, numbers, any values, empty lists and maps) it
// reads as json.Unmarshal does.
func TestShippedDecoderReads(t *testing.T) {
	for _, data := range []string{
		`{}`,
		` {"id": "a\"b\\c\/d\b\f\n\r\t\u00e4\ud83d\ude00", "groups": [], "sections": [], "renamed": {}, "removed": []} `,
		`{"title": {"de": "Größe", "en": "size"}, "renamed": {"a": "b", "c": "d"}, "removed": ["x", "y"]}`,
		`{"sections": [{"id": "s", "annex": false, "questions": [{"id": "q", "required": true, "columns": [{"fields": ["a"], "width": 0.25}, {"fields": [], "width": -1.5e-3}]}],
		  "measures": [{"id": "m", "params": [{"id": "p", "min": -12, "max": 0}, {"id": "p2", "max": 123456789012345678}]}]}]}`,
		`{"rules": [{"id": "r", "if": {"all": [{"question": "q", "equals": "x"}, {"question": "q", "equals": true},
		  {"question": "q", "equals": 2.5}, {"question": "q", "equals": null}, {"question": "q", "equals": [1, "a", [], {}, {"k": [null, false]}]},
		  {"register": "r", "some": {"field": "f", "answered": true}}, {"not": {"expected_gap": true}}]}}]}`,
	} {
		var fast, want Catalog
		if !decodeShippedCatalog(data, &fast) {
			t.Errorf("the generated decoder gives up on %s", data)
			continue
		}
		if err := json.Unmarshal([]byte(data), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&fast, &want) {
			t.Errorf("%s: read as %+v, json.Unmarshal reads %+v", data, fast, want)
		}
	}
}

// FuzzShippedDecoder: on any data the generated decoder does not panic,
// and what it accepts json.Unmarshal reads into the same catalogue or
// support table.
func FuzzShippedDecoder(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "testdata", "small-catalog.json")); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"id":"x","version":"1.0.0","title":{"de":"a","en":"b"},"sections":[{"id":"s","kind":"control","measures":[{"id":"m","params":[{"id":"p","min":1}]}]}],"rules":[{"id":"r","if":{"question":"q","equals":[1,"a",{"b":null}]}}]}`))
	f.Add([]byte(`{"families":[{"id":"w","names":["win"],"editions":[{"id":"e","words":["ent"]}]}],"entries":[{"id":"w10","family":"w","lastUpdate":{"version":"1","date":"2020-01-01"},"extended":[{"label":{"de":"a","en":"b"},"end":"2030"}],"source":[]}]}`))
	f.Add([]byte(`{"renamed":{"a":"b"},"removed":["\u00e4\ud83d\ude00"],"sections":[{"questions":[{"columns":[{"width":-0.5e3}]}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Catalog
		if decodeShippedCatalog(string(data), &c) {
			var want Catalog
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatalf("the generated decoder accepts what json.Unmarshal refuses: %v", err)
			}
			if !reflect.DeepEqual(&c, &want) {
				t.Fatalf("catalogue read as %+v, json.Unmarshal reads %+v", c, want)
			}
		}
		var st SupportTable
		if decodeShippedSupportTable(string(data), &st) {
			var want SupportTable
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatalf("the generated decoder accepts what json.Unmarshal refuses: %v", err)
			}
			if !reflect.DeepEqual(&st, &want) {
				t.Fatalf("support table read as %+v, json.Unmarshal reads %+v", st, want)
			}
		}
	})
}
