package questionnaires

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/internal/tapegen"
	"github.com/tom-dsgvo/tom/model"
)

var updateTapes = flag.Bool("update-tapes", false, "write the tapes of the shipped data again")

// tapeConfig has the types of model's tape decoder (model's
// tapeDecoderConfig): a tape of other types has another fingerprint and
// is not read (model's TestShippedTapes fails).
func tapeConfig() tapegen.Config {
	return tapegen.Config{
		Package: "model", PkgPath: reflect.TypeFor[model.Catalog]().PkgPath(),
		Roots: []reflect.Type{reflect.TypeFor[model.Catalog](), reflect.TypeFor[model.SupportTable]()},
	}
}

// TestShippedTapesFresh: the tapes are those of the shipped data as
// json.Unmarshal decodes it now (go generate ./questionnaires writes them).
func TestShippedTapesFresh(t *testing.T) {
	var c model.Catalog
	if err := json.Unmarshal([]byte(standard), &c); err != nil {
		t.Fatal(err)
	}
	var st model.SupportTable
	if err := json.Unmarshal([]byte(osSupport), &st); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		file, text string
		v          any
	}{{"tom-standard.tape", standard, &c}, {"os-support.tape", osSupport, &st}} {
		tape, err := tapegen.EncodeTape(tapeConfig(), f.v, f.text)
		if err != nil {
			t.Fatal(err)
		}
		if *updateTapes {
			if err := os.WriteFile(f.file, tape, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		have, err := os.ReadFile(f.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(have, tape) {
			t.Errorf("%s is stale: run go generate ./questionnaires", f.file)
		}
	}
}
