package cli

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestOldCatalogueVersionStatusAndValidate: the sample business as answered
// with catalogue 1.1.0 (before the risk and processor sections) under the
// shipped catalogue 1.2.0. tom validate accepts it and names the new
// questions and measures; tom status calls the interview incomplete (the risk
// section's questions are unanswered) and names no catalogue version; neither
// writes the file.
func TestOldCatalogueVersionStatusAndValidate(t *testing.T) {
	path := rvFixture("sample-1.1.0.json")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := rvRun("validate", "-f", path)
	if code != 0 || !strings.Contains(out, "gültig (Katalog tom-standard 1.2.0)") ||
		!strings.Contains(out, "mit Katalog-Version 1.1.0 beantwortet; beim nächsten Speichern wird die Datei auf Version 1.2.0 umgestellt.") ||
		!strings.Contains(out, "neu im Katalog: risk.role, risk.data_kinds,") ||
		!strings.Contains(out, "processor_role.return_deletion\n") {
		t.Errorf("validate: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = rvRun("status", "-f", path)
	if code != ExitStatusIncomplete || !strings.Contains(out, "Zustand:          Befragung unvollständig") ||
		!regexp.MustCompile(`\nDaten und Schutzbedarf +\[\.{10}\] 0 % +0/6\n`).MatchString(out) || strings.Contains(out, "1.2.0") || errOut != "" {
		t.Errorf("status: exit %d\n%s%s", code, out, errOut)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the fixture was written")
	}
}
