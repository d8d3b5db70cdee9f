package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSaveIsStableAndPrivate(t *testing.T) {
	c := smallCatalog(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	// An existing, world-readable file must come out 0600.
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, sampleFile(c)); err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, mig, err := Load(path, c)
	if err != nil {
		t.Fatalf("load saved file: %v", err)
	}
	if !mig.Empty() {
		t.Errorf("same catalogue version migrated: %+v", mig)
	}
	if err := Save(path, f); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(path)
	if !bytes.Equal(first, second) {
		t.Fatalf("re-save changed the bytes:\n%s\n---\n%s", first, second)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only tom.json", names)
	}
	s := string(first)
	for _, want := range []string{`"Bäckerei Öztürk & Söhne <GmbH>"`, `"Steuerbüro \"Klein\""`, `"Hauptstraße 1\n12345 Musterstadt"`, "\n  \"schema\": 1,\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("saved file lacks %s", want)
		}
	}
	for _, bad := range []string{`\u0026`, `\u003c`, `\u003e`, `\u00e4`} {
		if strings.Contains(s, bad) {
			t.Errorf("saved file escapes %s", bad)
		}
	}
	if !strings.HasSuffix(s, "}\n") || strings.HasSuffix(s, "\n\n") {
		t.Error("saved file must end in exactly one newline")
	}
}

// TestMarshalOrder proves keys come out in a fixed order whatever the map
// insertion order was.
func TestMarshalOrder(t *testing.T) {
	c := smallCatalog(t)
	a := sampleFile(c)
	b := NewFile(c, De)
	keys := []string{"providers", "org.date", "infra.devices", "org.name", "infra.server_kind", "org.email", "infra.server", "org.address"}
	for _, k := range keys {
		b.Answers[k] = a.Answers[k]
	}
	for _, k := range []string{"access_system.ssh_keys_only", "access_system.disk_notebook", "access_system.policy", "access_system.passwords"} {
		b.Measures[k] = a.Measures[k]
	}
	b.OwnMeasures, b.Progress, b.Review = a.OwnMeasures, a.Progress, a.Review
	da, _ := Marshal(a)
	db, _ := Marshal(b)
	if !bytes.Equal(da, db) {
		t.Fatalf("order depends on insertion:\n%s\n%s", da, db)
	}
	if i, j := bytes.Index(da, []byte(`"infra.devices"`)), bytes.Index(da, []byte(`"org.address"`)); i < 0 || i > j {
		t.Error("answers not sorted by key")
	}
	// Record fields are sorted too.
	prev := -1
	for _, k := range []string{`"avv_signed"`, `"category"`, `"id": "p1"`, `"name": "Hetzner`, `"processor"`} {
		i := bytes.Index(da, []byte(k))
		if i < prev {
			t.Errorf("record field %s out of order:\n%s", k, da)
		}
		prev = i
	}
}

func TestSaveFailsWithoutFolder(t *testing.T) {
	c := smallCatalog(t)
	path := filepath.Join(t.TempDir(), "missing", "tom.json")
	if err := Save(path, NewFile(c, De)); err == nil {
		t.Fatal("Save into a missing folder succeeded")
	}
}
