package model

import (
	"os"
	"testing"
)

func TestSmallCatalogLoads(t *testing.T) {
	data, err := os.ReadFile("../testdata/small-catalog.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseCatalog("small-catalog.json", data)
	if err != nil {
		t.Fatal(err)
	}
	f := NewFile(c, De)
	f.Set("org.name", String("Bäckerei Öztürk & Söhne <GmbH>"))
	f.Set("infra.server", Bool(true))
	f.Set("infra.server_kind", String("rented_root"))
	f.Set("providers", Records(Record{"id": String("r1"), "name": String("Hetzner"), "processor": Bool(true), "avv_signed": String("2018-05-20")}))
	f.Measures["access_system.ssh_keys_only"] = MeasureAnswer{Status: StatusImplemented}
	data1, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	g, _, err := Parse("x.json", data1, c)
	if err != nil {
		t.Fatalf("%v\n%s", err, data1)
	}
	data2, _ := Marshal(g)
	if string(data1) != string(data2) {
		t.Fatalf("not stable:\n%s\n%s", data1, data2)
	}
	t.Logf("%s", data1)
	f.Set("infra.server", Bool(false))
	removed := View{c, f}.Prune()
	if len(removed) != 2 {
		t.Fatalf("pruned %v", removed)
	}
}
