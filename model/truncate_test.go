package model

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseEveryTruncation cuts a valid file at every byte offset: each cut
// is refused with positioned problems (line and column inside the file),
// never a panic, and the input bytes are not touched. Syntax errors name
// the unfinished value's JSON pointer.
func TestParseEveryTruncation(t *testing.T) {
	c := smallCatalog(t)
	for _, name := range []string{"small-sample.json", "bom.json"} {
		full, err := os.ReadFile(filepath.Join("..", "testdata", "good", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := Parse(name, full, c); err != nil {
			t.Fatalf("%s: the whole file must load: %v", name, err)
		}
		crlf := bytes.ReplaceAll(full, []byte("\n"), []byte("\r\n"))
		for _, data := range [][]byte{full, crlf} {
			for n := 0; n < len(bytes.TrimRight(data, " \r\n")); n++ {
				in := bytes.Clone(data[:n])
				_, _, err := Parse(name, in, c)
				var le *LoadError
				if !errors.As(err, &le) || len(le.Problems) == 0 {
					t.Fatalf("%s cut at %d: want a LoadError, got %v", name, n, err)
				}
				if !bytes.Equal(in, data[:n]) {
					t.Fatalf("%s cut at %d: input changed", name, n)
				}
				lines := bytes.Count(in, []byte("\n")) + 1
				for _, p := range le.Problems {
					if p.Line < 1 || p.Line > lines || p.Col < 1 {
						t.Errorf("%s cut at %d: %s: position outside the file", name, n, p.Format(name, De))
					}
					if strings.HasPrefix(p.Key, "syntax") && p.Pointer != "" && !strings.HasPrefix(p.Pointer, "/") {
						t.Errorf("%s cut at %d: %s: not a JSON pointer", name, n, p.Format(name, De))
					}
				}
			}
		}
	}
}

// TestSyntaxErrorPointer: a syntax error names the value it is in.
func TestSyntaxErrorPointer(t *testing.T) {
	c := smallCatalog(t)
	cases := map[string]string{
		`{"schema": 1, "answers": {"org.name": tru}}`:              "/answers/org.name",
		`{"schema": 1, "answers": {"org.name": "Probe`:             "/answers/org.name",
		`{"schema": 1, "answers": {"providers": [{"id": "p1", "na`: "/answers/providers/0",
		"{\"schema\": 1,\n  \"answers\": {},\n":                    "",
		`{"schema": 1, "measures": {"a": {"status": 7,}}}`:         "/measures/a",
	}
	for in, want := range cases {
		_, _, err := Parse("t.json", []byte(in), c)
		var le *LoadError
		if !errors.As(err, &le) || len(le.Problems) != 1 || !strings.HasPrefix(le.Problems[0].Key, "syntax") {
			t.Fatalf("%s: want one syntax problem, got %v", in, err)
		}
		if got := le.Problems[0].Pointer; got != want {
			t.Errorf("%s: pointer %q, want %q (%s)", in, got, want, le.Error())
		}
	}
}

// TestSyntaxErrorColumn: a syntax error points at the offending character
// itself (not one past it), also at the end of a line and in a multi-byte
// character; a file that ends early points at its end.
func TestSyntaxErrorColumn(t *testing.T) {
	c := smallCatalog(t)
	cases := map[string]string{
		"x":                     "t.json:1:1: not valid JSON: unexpected character 'x'",
		`{"a":1,}`:              "t.json:1:8: not valid JSON: unexpected character '}'",
		"{\"schema\": tru\n}\n": "t.json:1:15: /schema: not valid JSON: unexpected character '\\n'",
		"{\"schema\": 1,\n \"x\": nul\n,\"y\":2}": "t.json:2:10: /x: not valid JSON: unexpected character '\\n'",
		"{\"ä\": ü}":        "t.json:1:7: /ä: not valid JSON: unexpected character 'ü'",
		"{\"a\": \"\x01\"}": "t.json:1:8: /a: not valid JSON: character '\\x01' is not allowed in a string (write a tab as \\t, a line break as \\n)",
		"{\"a\": 1}\nx":     "t.json:2:1: not valid JSON: 'x' follows the end of the object",
		"{\"a\": \"\\q\"}":  "t.json:1:9: /a: not valid JSON: invalid escape sequence with 'q' after the \\",
		"{\"a\": [1,\n":     "t.json:2:1: /a/1: not valid JSON: the file ends in the middle (a closing bracket or quote missing?)",
	}
	for in, want := range cases {
		_, _, err := Parse("t.json", []byte(in), c)
		var le *LoadError
		if !errors.As(err, &le) || len(le.Problems) != 1 {
			t.Fatalf("%q: want one problem, got %v", in, err)
		}
		if got := le.Format(En); got != want {
			t.Errorf("%q:\n got %s\nwant %s", in, got, want)
		}
	}
}
