package cli

import (
	"strings"
	"testing"
)

func TestVersionCommand(t *testing.T) {
	code, out, _ := cliRun(nil, "version")
	for _, want := range []string{"tom dev\n", "Go: go1.", "Katalog: tom-standard ", "Schema der Antwortdatei: 1"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("version lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = cliRun(nil, "version", "--lang", "en", "--catalog", smallCatalogPath)
	if !strings.Contains(out, "catalogue: tom-small 1.0.0") {
		t.Errorf("English version:\n%s", out)
	}
	_, out, _ = cliRun(nil, "version", "--catalog", "/nonexistent/cat.json")
	if !strings.Contains(out, "Katalog: fehlerhaft") {
		t.Errorf("broken catalogue not reported:\n%s", out)
	}
}
