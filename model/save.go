package model

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	json "github.com/goccy/go-json"
)

// Marshal returns the answers file as saved: indented with two spaces, keys
// in a fixed order (struct fields as declared, map keys sorted), no HTML
// escaping, one trailing newline. The same File always gives the same bytes.
func Marshal(f *File) ([]byte, error) {
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

// Save writes f to path atomically: a temporary file in the same folder,
// written, synced and renamed over the old one, then the folder synced. The
// file gets mode 0600 (it holds names, addresses and phone numbers). A crash
// at any point leaves either the old or the new file, never a torn one.
func Save(path string, f *File) error {
	data, err := Marshal(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return WriteFileAtomic(path, data, 0o600)
}

// WriteFileAtomic writes data to path through a temporary file and a rename.
func WriteFileAtomic(path string, data []byte, mode os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
