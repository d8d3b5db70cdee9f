package render

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestParamsPrinted: an implemented measure's parameters are printed with
// it, a missing one as missing and as an open item; the register of tests
// lists each implemented test with interval, date, by whom, result and when
// it is next due, a test never done as due now.
func TestParamsPrinted(t *testing.T) {
	c, f := loadSample(t)
	for _, tc := range []struct {
		l    model.Lang
		want []string
	}{
		{model.De, []string{
			"Automatische Bildschirmsperre nach kurzer Inaktivität\\\n  *Inaktivität bis zur Sperre: 10 Minuten*",
			"*Maximale Ausfallzeit (RTO): 24 Stunden · Maximaler Datenverlust (RPO): fehlt*",
			"| Angaben fehlen | Rasche Wiederherstellbarkeit | Maximale Ausfallzeit und maximaler Datenverlust festgelegt |  | fehlt: Maximaler Datenverlust (RPO) |",
			"Prüfungen der Wirksamkeit",
			"| Regelmäßige Testwiederherstellung einzelner Dateien | 3 Monate | 15.09.2026 | Jörg Krüger | Kundendatenbank aus der Storage Box zurückgeholt; vollständig und lesbar | 15.12.2026 |",
			"| Stichproben, ob Daten nach Ablauf ihrer Frist tatsächlich gelöscht sind | 12 Monate | noch nie | — | — | jetzt |",
		}},
		{model.En, []string{
			"*Inactivity before the lock: 10 minutes*",
			"| Regular test restores of individual files | 3 months | 15 September 2026 | Jörg Krüger |",
		}},
	} {
		data, err := Write(Build(c, f, tc.l), "md")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s: the document lacks\n%s", tc.l, w)
			}
		}
	}
	// Not implemented: no parameters, no row in the register.
	a := f.Measures["access_system.screen_lock"]
	f.Measures["access_system.screen_lock"] = a.WithStatus(model.StatusPlanned)
	f.Measures["availability.backup_restore_test"] = model.MeasureAnswer{Status: model.StatusUnclear}
	data, _ := Write(Build(c, f, model.De), "md")
	for _, w := range []string{"Inaktivität bis zur Sperre", "| Regelmäßige Testwiederherstellung einzelner Dateien | 3 Monate"} {
		if strings.Contains(string(data), w) {
			t.Errorf("printed for a measure not implemented: %s", w)
		}
	}
}
