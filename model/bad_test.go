package model

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the .err golden files of testdata/bad")

// loadNoPanic loads path and turns a panic into a test failure.
func loadNoPanic(t *testing.T, path string, c *Catalog) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Load panicked: %v", r)
		}
	}()
	_, _, err = Load(path, c)
	return err
}

// badOutput is the error text a golden file holds: the German lines, then
// the English ones, with the file named by its base name.
func badOutput(err error) string {
	var le *LoadError
	if !errors.As(err, &le) {
		return fmt.Sprintf("not a *LoadError: %v\n", err)
	}
	named := *le
	named.File = filepath.Base(le.File)
	return named.Format(De) + "\n--- en ---\n" + named.Format(En) + "\n"
}

// TestBadFiles loads every file in testdata/bad against the small catalogue:
// each must fail with exactly its golden error, without a panic, and be left
// byte for byte and mode for mode as it was.
func TestBadFiles(t *testing.T) {
	c := smallCatalog(t)
	files, err := filepath.Glob(filepath.Join("..", "testdata", "bad", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 24 {
		t.Fatalf("only %d bad files", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			st1, _ := os.Stat(path)
			lerr := loadNoPanic(t, path, c)
			if lerr == nil {
				t.Fatal("loaded without error")
			}
			got := badOutput(lerr)
			for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				if line != "--- en ---" && !strings.HasPrefix(line, filepath.Base(path)+":") {
					t.Errorf("line does not start with the file name: %q", line)
				}
			}
			golden := strings.TrimSuffix(path, ".json") + ".err"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./model -update)", err)
			}
			if got != string(want) {
				t.Errorf("error output\n%s\nwant (%s)\n%s", got, golden, want)
			}
			after, _ := os.ReadFile(path)
			st2, _ := os.Stat(path)
			if !bytes.Equal(before, after) || st1.Mode() != st2.Mode() || !st1.ModTime().Equal(st2.ModTime()) {
				t.Error("the file changed")
			}
		})
	}
}

// TestHugeFile generates a file over MaxFileSize (not committed: 32 MiB).
func TestHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(fh, `{"schema": 1, "catalog": {"id": "tom-small", "version": "1.0.0"}, "answers": {"org.address": "`)
	chunk := bytes.Repeat([]byte("Hauptstraße 1 "), 1<<16)
	for n := 0; n <= MaxFileSize; n += len(chunk) {
		fh.Write(chunk)
	}
	fmt.Fprint(fh, `"}}`)
	fh.Close()
	st1, _ := os.Stat(path)
	lerr := loadNoPanic(t, path, smallCatalog(t))
	want := fmt.Sprintf("huge.json:1:1: die Datei ist zu groß (%d Bytes, höchstens %d)", st1.Size(), MaxFileSize)
	if got := strings.SplitN(badOutput(lerr), "\n", 2)[0]; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	st2, _ := os.Stat(path)
	if st2.Size() != st1.Size() || !st2.ModTime().Equal(st1.ModTime()) {
		t.Error("the file changed")
	}
}

// TestManyProblemsCapped: a file with thousands of problems lists the first
// MaxListed, in file order and at their places, then says how many more
// there are, in both languages.
func TestManyProblemsCapped(t *testing.T) {
	c := smallCatalog(t)
	data := manyProblems(5000)
	col := func(key string) int { // the column of key's value (ASCII line)
		return bytes.Index(data, []byte(`"`+key+`": `)) + len(key) + 5
	}
	_, _, err := Parse("many.json", data, c)
	var le *LoadError
	if !errors.As(err, &le) || len(le.Problems) != 5000 {
		t.Fatalf("%v", err)
	}
	for lang, more := range map[Lang]string{De: "many.json: … und 4900 weitere Probleme", En: "many.json: … and 4900 more problems"} {
		lines := strings.Split(le.Format(lang), "\n")
		if len(lines) != MaxListed+1 || lines[MaxListed] != more {
			t.Fatalf("%s: %d lines, last %q", lang, len(lines), lines[len(lines)-1])
		}
		if want := fmt.Sprintf("many.json:1:%d: /unbekannt_0: ", col("unbekannt_0")); !strings.HasPrefix(lines[0], want) {
			t.Errorf("first line %q, want prefix %q", lines[0], want)
		}
		if want := fmt.Sprintf("many.json:1:%d: /unbekannt_99: ", col("unbekannt_99")); !strings.HasPrefix(lines[99], want) {
			t.Errorf("line 100 %q, want prefix %q", lines[99], want)
		}
	}
}
