package model

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// withTimeout fails the test when f does not return within a few seconds
// (a FIFO would block a plain open or read for ever).
func withTimeout(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("hangs")
		return nil
	}
}

// TestUserFilesMustBeRegular: an answers file or catalogue that is a FIFO,
// a device or a folder is refused at once, naming the file and what it is.
func TestUserFilesMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	c := smallCatalog(t)
	cases := []struct{ path, de, en string }{
		{fifo, "benannte Pipe (FIFO)", "named pipe (FIFO)"},
		{"/dev/zero", "ein Gerät", "a device"},
		{dir, "ein Ordner", "a folder"},
	}
	for _, tc := range cases {
		for _, load := range []func() error{
			func() error { _, _, err := Load(tc.path, c); return err },
			func() error { _, err := LoadCatalogFile(tc.path); return err },
		} {
			err := withTimeout(t, load)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("%s: %T %v, want *FileError", tc.path, err, err)
			}
			if de, en := fe.Format(De), fe.Format(En); !strings.HasPrefix(de, tc.path+": ") || !strings.Contains(de, tc.de) || !strings.Contains(en, tc.en) {
				t.Errorf("%s: %q / %q", tc.path, de, en)
			}
		}
	}
	// A missing file still says so to errors.Is.
	if _, err := LoadCatalogFile(filepath.Join(dir, "none.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing catalogue: %v", err)
	}
}

// TestDevZeroCatalogBoundedMemory: /dev/zero as a catalogue allocates next
// to nothing (it used to read until the memory ran out).
func TestDevZeroCatalogBoundedMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	LoadCatalogFile("/dev/zero")
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("allocated %d bytes for /dev/zero", grew)
	}
}

// TestHugeCatalog: a catalogue over MaxFileSize is refused by its size
// without being read (a sparse file: nothing is written to the disk).
func TestHugeCatalog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 200<<20); err != nil {
		t.Fatal(err)
	}
	_, err := LoadCatalogFile(path)
	var le *LoadError
	if !errors.As(err, &le) || le.Problems[0].Key != "too_large" || !strings.HasPrefix(le.Format(En), path+":1:1: the file is too large") {
		t.Errorf("%v", err)
	}
}

// TestCatalogDecodeErrors: an empty catalogue, a value of the wrong type, an
// unknown key, a null document: each named with file, position and a plain
// message in both languages (not the decoder's "EOF" or Go type names).
func TestCatalogDecodeErrors(t *testing.T) {
	cases := []struct{ in, de, en string }{
		{"", "k.json:1:1: die Datei ist leer", "k.json:1:1: the file is empty"},
		{"  \n", "k.json:1:1: die Datei ist leer", "k.json:1:1: the file is empty"},
		{"null", "k.json:1:1: die Datei muss ein JSON-Objekt sein", "k.json:1:1: the file must be a JSON object"},
		{`{"id": "x", "version": 3}`, "k.json:1:24: /version: erwartet einen Text", "k.json:1:24: /version: expected a string"},
		{"{\"id\": \"x\",\n \"sections\": [{\"id\": \"a\", \"kind\": 1}]}", "k.json:2:35: /sections/0/kind: erwartet einen Text", "k.json:2:35: /sections/0/kind: expected a string"},
		{`{"id": "x", "sections": {}}`, "k.json:1:25: /sections: erwartet eine Liste", "k.json:1:25: /sections: expected an array"},
		{"{\"id\": \"x\",\n \"title\": \"T\"}", "k.json:2:11: /title: erwartet ein Objekt", "k.json:2:11: /title: expected an object"},
		{"{\"id\": \"x\",\n  \"colour\": \"blue\"}", "k.json:2:13: /colour: unbekannter Schlüssel \"colour\"", "k.json:2:13: /colour: unknown key \"colour\""},
		{"{\"id\": \"x\"} {", "k.json:1:13: kein gültiges JSON: nach dem Ende des Objekts folgt noch '{'", "k.json:1:13: not valid JSON: '{' follows the end of the object"},
	}
	for _, tc := range cases {
		_, err := ParseCatalog("k.json", []byte(tc.in))
		var le *LoadError
		if !errors.As(err, &le) {
			t.Errorf("%q: %T %v", tc.in, err, err)
			continue
		}
		if de, en := le.Format(De), le.Format(En); de != tc.de || en != tc.en {
			t.Errorf("%q:\n got %s\n     %s\nwant %s\n     %s", tc.in, de, en, tc.de, tc.en)
		}
	}
}

// TestNullCatalogVersionInAnswers: an answers file whose catalogue version is
// null or empty is refused at that place (it used to load and print "answered
// with catalogue version  ").
func TestNullCatalogVersionInAnswers(t *testing.T) {
	c := smallCatalog(t)
	for _, v := range []string{"null", `""`} {
		in := "{\n  \"schema\": 1,\n  \"catalog\": {\"id\": \"tom-small\", \"version\": " + v + "}\n}\n"
		_, _, err := Parse("a.json", []byte(in), c)
		want := `a.json:3:45: /catalog/version: Angabe "catalog.version" fehlt`
		if err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", v, err, want)
		}
	}
}
