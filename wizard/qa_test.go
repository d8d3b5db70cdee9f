package wizard

import (
	"testing"

	"tom/model"
)

// startAt opens the wizard on the real catalogue at section id of a new file.
func startAt(t *testing.T, id string, lang model.Lang) *driver {
	t.Helper()
	c := realCatalog(t)
	f := model.NewFile(c, lang)
	f.Progress.Step = id
	return newDriver(t, c, f, lang)
}

// A long record name must not push "Teil n von m" off the title line.
func TestRecordTitleKeepsPartWithLongName(t *testing.T) {
	d := startAt(t, "providers", model.De)
	d.press("n").typ("Haufe-Lexware GmbH & Co. KG, ein Unternehmen der Haufe Group, Freiburg").press("enter")
	d.expect("Teil 2 von")
}
