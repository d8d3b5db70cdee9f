package model

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"testing"

	json "github.com/goccy/go-json"
)

// encoderMarshal is how Marshal wrote a file before fileWriter: the JSON
// encoder over the File, each Value through its MarshalJSON. Marshal must
// give the same bytes.
func encoderMarshal(f *File) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	g := *f
	if g.Answers == nil {
		g.Answers = map[string]Value{}
	}
	if g.Measures == nil {
		g.Measures = map[string]MeasureAnswer{}
	}
	if err := enc.Encode(&g); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sameAsEncoder fails t when Marshal and encoderMarshal differ on f,
// showing where.
func sameAsEncoder(t testing.TB, name string, f *File) {
	t.Helper()
	want, werr := encoderMarshal(f)
	got, gerr := Marshal(f)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%s: Marshal error %v, encoder error %v", name, gerr, werr)
	}
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-80)
	t.Fatalf("%s: Marshal differs from the encoder at byte %d:\n got: %q\nwant: %q", name, i,
		got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)])
}

// oddStrings are strings whose escaping differs between encoders.
var oddStrings = []string{
	"",
	"plain",
	"Bäckerei Öztürk & Söhne <GmbH>",
	"\x00\x01\x07\b\t\n\v\f\r\x0e\x1f\x7f",
	"quote \" backslash \\ slash /",
	"line\u2028separator\u2029paragraph",
	"bad \xff utf8 \xc3 \xe2\x82 \xed\xa0\x80 surrogate",
	"emoji 😀👩‍👩‍👧 flag 🇩🇪",
	"<script>alert('x')</script>&amp;",
	"\ufffd replacement \ufeff bom \u200b zwsp",
	"tab\tand\r\nnewline",
}

// oddFile is a file using odd as every string it holds (keys too), with
// every shape of value and plain data.
func oddFile(c *Catalog, odd string) *File {
	f := sampleFile(c)
	f.Language = Lang(odd)
	f.ProtectionLevel = odd
	f.Catalog.Version = odd
	f.Set("org.name", String(odd))
	f.Set(odd, String(odd))
	f.Set("k"+odd, List(odd, "", odd))
	f.Answers["nil_list"] = Value{kind: vList, ref: &valueRef{}}
	f.Set("empty_list", List())
	f.Set("no_records", Records())
	f.Set("yes", Bool(true))
	f.Set("no", Bool(false))
	f.Answers["unset"] = Value{}
	f.Set("providers", Records(
		Record{"id": String(odd), odd: String(odd), "b": Bool(false), "l": List(odd), "e": List(), "u": Value{}},
		Record{},
		Record{"nested": Records(Record{"id": String("n"), "x": String(odd)}, Record{})},
	))
	f.Measures[odd] = MeasureAnswer{Status: odd, Due: odd, Reason: odd, AcceptedBy: odd, Note: odd, Params: map[string]string{odd: odd, "a": "", "z": odd}}
	f.Measures["empty"] = MeasureAnswer{}
	f.Measures["no_params"] = MeasureAnswer{Status: StatusPlanned, Params: map[string]string{}}
	f.OwnMeasures = append(f.OwnMeasures, OwnMeasure{ID: odd, Section: odd, Text: odd, Type: odd, MeasureAnswer: MeasureAnswer{Status: odd, Params: map[string]string{"p": odd}}}, OwnMeasure{})
	f.Detected = map[string]Detection{odd: {Date: odd, Result: odd, Evidence: odd}, "x": {}}
	f.Retired = map[string]any{
		odd: odd, "n": 3.25, "i": float64(12), "big": 1e21, "small": 1e-7, "neg": math.Copysign(0, -1),
		"nil": nil, "t": true, "list": []any{odd, 1.5, []any{}, map[string]any{}, nil},
		"map": map[string]any{odd: []any{map[string]any{"k": odd, "f": 2.0}}},
		"num": json.Number("42"),
	}
	f.Progress = Progress{Step: odd, Question: odd, Done: []string{odd, "a"}, Skipped: []string{odd}, Completed: odd}
	f.Review.IntervalMonths = -3
	f.History = []HistoryEntry{
		{Date: odd, By: odd, Kind: odd, Version: odd},
		{Date: "2026-01-01", By: "x", Kind: HistoryReview, Version: "1.1", Summary: odd, StillDue: []string{odd, "b"}, Changes: []Change{
			{Path: odd},
			{Path: "answers/a", Old: odd, New: []any{odd, map[string]any{odd: odd, "n": 7.0}}},
			{Path: "answers/b", Old: map[string]any{"x": []any{}, "y": map[string]any{}}, New: false},
			{Path: "answers/c", New: 0.1},
		}},
	}
	return f
}

// TestMarshalMatchesEncoder: Marshal writes byte for byte what the JSON
// encoder writes, for the shipped sample, for the sample with 1,000
// service providers, for empty files and for files full of odd strings.
func TestMarshalMatchesEncoder(t *testing.T) {
	std, err := LoadCatalogFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		t.Fatal(err)
	}
	sample, _, err := Load(filepath.Join("..", "testdata", "sample", "tom.json"), std)
	if err != nil {
		t.Fatal(err)
	}
	sameAsEncoder(t, "sample", sample)
	sameAsEncoder(t, "sample, 1,000 providers", withProviders(t, sample, 1000))
	sameAsEncoder(t, "new file", NewFile(std, De))
	sameAsEncoder(t, "zero file", &File{})

	c := smallCatalog(t)
	for i, odd := range oddStrings {
		sameAsEncoder(t, fmt.Sprintf("odd string %d %q", i, odd), oddFile(c, odd))
	}
	// Every byte value, alone and in a run.
	for b := range 256 {
		s := string([]byte{byte(b)})
		sameAsEncoder(t, fmt.Sprintf("byte %#x", b), oddFile(c, s+"a"+s+s))
	}
	// Lists whose records have other fields each, few and many.
	for _, fields := range []int{3, 40} {
		recs := make([]Record, 30)
		for i := range recs {
			recs[i] = Record{"id": String(fmt.Sprint(i))}
			for j := range fields {
				recs[i][fmt.Sprintf("f%d", (i*7+j*3)%100)] = String(fmt.Sprint(j))
			}
		}
		f := sampleFile(c)
		f.Set("providers", Records(recs...))
		sameAsEncoder(t, fmt.Sprintf("records of %d fields", fields), f)
	}
	// Deep indentation.
	deep := any("x")
	for range 40 {
		deep = []any{map[string]any{"d": deep, "n": 1.0}}
	}
	f := sampleFile(c)
	f.Retired = map[string]any{"deep": deep}
	sameAsEncoder(t, "deep", f)
}

// withProviders is f with its longest record list grown to n records.
func withProviders(t testing.TB, f *File, n int) *File {
	t.Helper()
	var list string
	for id, v := range f.Answers {
		if len(v.Records()) > len(f.Get(list).Records()) {
			list = id
		}
	}
	src := f.Get(list).Records()
	if len(src) == 0 {
		t.Fatal("the file has no records")
	}
	g := f.Clone()
	recs := make([]Record, n)
	for i := range recs {
		r := src[i%len(src)].Clone()
		r["id"] = String(fmt.Sprintf("p%05d", i))
		recs[i] = r
	}
	g.Set(list, Records(recs...))
	return g
}

// FuzzMarshalMatchesEncoder: whatever strings a file holds, Marshal writes
// what the JSON encoder writes.
func FuzzMarshalMatchesEncoder(f *testing.F) {
	for _, s := range oddStrings {
		f.Add(s, "k")
	}
	c := smallCatalog(f)
	f.Fuzz(func(t *testing.T, odd, key string) {
		file := oddFile(c, odd)
		file.Set(key, Records(Record{key: String(odd), "id": String(key)}))
		file.Measures[key] = MeasureAnswer{Status: key, Params: map[string]string{key: odd}}
		file.Retired[key] = []any{key, odd}
		sameAsEncoder(t, "fuzzed", file)
	})
}
