package questionnaires

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestShippedParsedOnce: Standard and OSSupport decode the embedded JSON once
// (ParseShippedCatalog, ParseShippedSupportTable) and only index it, without
// the generic pass that finds repeated keys and without the checks. That is
// sound only while the full readers, which check everything, accept the same
// data and read the same values, which this test checks: it is where the
// shipped data is checked.
func TestShippedParsedOnce(t *testing.T) {
	full, err := model.ParseCatalog(StandardName, []byte(standard))
	if err != nil {
		t.Fatalf("ParseCatalog on the shipped catalogue:\n%v", err)
	}
	fast, err := model.ParseShippedCatalog(StandardName, standard, standardTape)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full, fast) {
		t.Error("ParseShippedCatalog reads the shipped catalogue differently from ParseCatalog")
	}
	fullT, err := model.ParseSupportTable(OSSupportName, []byte(osSupport))
	if err != nil {
		t.Fatalf("ParseSupportTable on the shipped table:\n%v", err)
	}
	fastT, err := model.ParseShippedSupportTable(OSSupportName, osSupport, osSupportTape)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fullT, fastT) {
		t.Error("ParseShippedSupportTable reads the shipped table differently from ParseSupportTable")
	}
}

// TestShippedFallsBack: data that fails the single decode gets
// ParseCatalog's and ParseSupportTable's positioned problems. (Repeated and
// unknown keys pass the single decode, and the checks are not made again:
// TestShippedParsedOnce keeps all of these out of the shipped data.)
func TestShippedFallsBack(t *testing.T) {
	for name, data := range map[string]string{
		"syntax":     standard[:len(standard)/2],
		"wrong type": strings.Replace(standard, `"version": "`, `"version": 1, "x": "`, 1),
	} {
		_, want := model.ParseCatalog("x.json", []byte(data))
		_, got := model.ParseShippedCatalog("x.json", data, standardTape)
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("catalogue, %s: ParseShippedCatalog says %v, ParseCatalog %v", name, got, want)
		}
	}
	for name, data := range map[string]string{
		"syntax":     osSupport[:len(osSupport)/2],
		"wrong type": strings.Replace(osSupport, `"id": "windows"`, `"id": 7`, 1),
	} {
		_, want := model.ParseSupportTable("x.json", []byte(data))
		_, got := model.ParseShippedSupportTable("x.json", data, osSupportTape)
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Errorf("support table, %s: ParseShippedSupportTable says %v, ParseSupportTable %v", name, got, want)
		}
	}
}
