package questionnaires

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestShippedParsedOnce: Standard and OSSupport decode the embedded JSON once
// (ParseShippedCatalog, ParseShippedSupportTable), without the generic pass
// that finds repeated keys. That is sound only while the full readers accept
// the same data and read the same values, which this test checks.
func TestShippedParsedOnce(t *testing.T) {
	full, err := model.ParseCatalog(StandardName, standard)
	if err != nil {
		t.Fatalf("ParseCatalog on the shipped catalogue:\n%v", err)
	}
	fast, err := model.ParseShippedCatalog(StandardName, standard)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full, fast) {
		t.Error("ParseShippedCatalog reads the shipped catalogue differently from ParseCatalog")
	}
	fullT, err := model.ParseSupportTable(OSSupportName, osSupport)
	if err != nil {
		t.Fatalf("ParseSupportTable on the shipped table:\n%v", err)
	}
	fastT, err := model.ParseShippedSupportTable(OSSupportName, osSupport)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fullT, fastT) {
		t.Error("ParseShippedSupportTable reads the shipped table differently from ParseSupportTable")
	}
}

// TestShippedFallsBack: data that fails the single decode or the checks gets
// ParseCatalog's and ParseSupportTable's positioned problems. (Repeated and
// unknown keys pass the single decode: TestShippedParsedOnce keeps them out
// of the shipped data.)
func TestShippedFallsBack(t *testing.T) {
	for name, data := range map[string][]byte{
		"syntax":      standard[:len(standard)/2],
		"wrong type":  bytes.Replace(standard, []byte(`"version": "`), []byte(`"version": 1, "x": "`), 1),
		"bad version": bytes.Replace(standard, []byte(`"version": "`), []byte(`"version": "x`), 1),
	} {
		_, want := model.ParseCatalog("x.json", data)
		_, got := model.ParseShippedCatalog("x.json", data)
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("catalogue, %s: ParseShippedCatalog says %v, ParseCatalog %v", name, got, want)
		}
	}
	for name, data := range map[string][]byte{
		"syntax":     osSupport[:len(osSupport)/2],
		"wrong type": bytes.Replace(osSupport, []byte(`"id": "windows"`), []byte(`"id": 7`), 1),
		"bad id":     bytes.Replace(osSupport, []byte(`"id": "windows"`), []byte(`"id": "Win dows"`), 1),
	} {
		_, want := model.ParseSupportTable("x.json", data)
		_, got := model.ParseShippedSupportTable("x.json", data)
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("support table, %s: ParseShippedSupportTable says %v, ParseSupportTable %v", name, got, want)
		}
	}
}
