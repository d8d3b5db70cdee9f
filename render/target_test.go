package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// riskFile is a business of issue 11: its risk answers, the stated needs,
// every applying measure implemented except the given statuses, and every
// section gone through.
func riskFile(c *model.Catalog, role, people string, kinds []string, needs [3]string, statuses map[string]model.MeasureAnswer) *model.File {
	f := model.NewFile(c, model.De)
	f.Set("org.name", model.String("Muster"))
	f.Set("risk.role", model.String(role))
	f.Set("risk.data_kinds", model.List(kinds...))
	f.Set("risk.people", model.String(people))
	for i, id := range []string{"risk.confidentiality", "risk.integrity", "risk.availability"} {
		f.Set(id, model.String(needs[i]))
	}
	f.Set("infra.premises", model.Bool(true))
	f.Set("infra.server", model.Bool(false))
	v := model.View{C: c, F: f}
	for _, s := range v.Sections() {
		for _, m := range v.Measures(s) {
			if a, ok := statuses[m.ID]; ok {
				if a.Status != "" {
					f.Measures[m.ID] = a
				}
			} else {
				f.Measures[m.ID] = model.MeasureAnswer{Status: model.StatusImplemented}
			}
		}
		f.Progress.Done = append(f.Progress.Done, s.ID)
	}
	return f
}

// riskBusinesses are the bakery (normal), the physiotherapy practice
// (health data: confidentiality sehr hoch) and the web agency hosting shops
// (processor: hoch).
func riskBusinesses(c *model.Catalog) map[string]*model.File {
	return map[string]*model.File{
		"bakery": riskFile(c, model.BusinessController, "up_to_1000", []string{"customers", "employees", "applicants"},
			[3]string{model.LevelNormal, model.LevelNormal, model.LevelNormal}, map[string]model.MeasureAnswer{
				"access_physical.alarm":          {},
				"dp_management.training":         {Status: model.StatusPlanned, Due: "2027-03-31"},
				"access_system.password_manager": {Status: model.StatusUnclear},
			}),
		"physio": riskFile(c, model.BusinessController, "up_to_1000", []string{"customers", "employees", "special"},
			[3]string{model.LevelVeryHigh, model.LevelHigh, model.LevelNormal}, map[string]model.MeasureAnswer{
				"crypto.email_content":          {Status: model.StatusUnclear},
				"access_physical.alarm_service": {Status: model.StatusDeclined, Reason: "Praxis im Ärztehaus mit Pförtner", AcceptedBy: "Inhaberin"},
				"incident.detection":            {},
			}),
		"agency": riskFile(c, model.BusinessProcessor, "up_to_10000", []string{"customers", "employees", "payment"},
			[3]string{model.LevelHigh, model.LevelHigh, model.LevelHigh}, map[string]model.MeasureAnswer{
				"evaluation.vuln_scans":         {Status: model.StatusPlanned, Due: "2027-06-30"},
				"availability.backup_immutable": {Status: model.StatusUnclear},
			}),
	}
}

// chapter cuts the chapter "Soll und Ist" out of a Markdown document.
func chapter(t *testing.T, md string) string {
	t.Helper()
	i := strings.Index(md, "## 3 Soll und Ist")
	if i < 0 {
		t.Fatal("no chapter Soll und Ist")
	}
	j := strings.Index(md[i+3:], "\n## ")
	return md[i : i+3+j+1]
}

// The three businesses' target-vs-actual chapters, as goldens: the level
// and why, the counts, the chart, the measures not implemented.
func TestTargetActualGoldens(t *testing.T) {
	c := standardCatalog(t)
	for name, f := range riskBusinesses(c) {
		d := Build(c, f, model.De)
		md, err := Write(d, "md")
		if err != nil {
			t.Fatal(err)
		}
		got := chapter(t, string(md))
		path := filepath.Join("testdata", "golden", "target."+name+".de.md")
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./render -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from the golden file (run go test ./render -update and review)", path)
		}
	}
}

// The chapter says the level, lists exactly the expected measures not
// implemented, and leaves out measures not expected at the level.
func TestTargetActualLists(t *testing.T) {
	c := standardCatalog(t)
	fs := riskBusinesses(c)
	for _, tc := range []struct {
		name     string
		want     []string
		wantNone []string
	}{
		{"bakery", []string{"Schutzniveau: normal.", "Passwortmanager für Zugangsdaten", "Regelmäßige Schulung und Sensibilisierung"},
			[]string{"Alarmanlage (Einbruchmeldeanlage)"}},
		{"physio", []string{"Schutzniveau: sehr hoch.", "Gesundheitsdaten oder andere besondere Kategorien (Art. 9 DSGVO)",
			"Inhaltsverschlüsselung vertraulicher E-Mails", "Technische Erkennung von Angriffen und Auffälligkeiten",
			"Alarmanlage mit Aufschaltung auf einen Wachdienst", "Praxis im Ärztehaus mit Pförtner"}, nil},
		{"agency", []string{"Schutzniveau: hoch.", "Nur im Auftrag unserer Kunden (Auftragsverarbeiter)",
			"Eine Sicherung ist vor Löschen und Überschreiben geschützt"},
			[]string{"Alarmanlage mit Aufschaltung auf einen Wachdienst"}},
	} {
		md, err := Write(Build(c, fs[tc.name], model.De), "md")
		if err != nil {
			t.Fatal(err)
		}
		ch := chapter(t, string(md))
		for _, w := range tc.want {
			if !strings.Contains(ch, w) {
				t.Errorf("%s: chapter lacks %q", tc.name, w)
			}
		}
		for _, w := range tc.wantNone {
			if strings.Contains(ch, w) {
				t.Errorf("%s: chapter names %q, which is not expected at its level", tc.name, w)
			}
		}
	}
}

// The chart's numbers are in every format: pdftotext of the PDF, the DOCX
// XML (with the shaded cells of the bars), the HTML (with the bars).
func TestTargetActualChart(t *testing.T) {
	c := standardCatalog(t)
	f := riskBusinesses(c)["physio"]
	v := model.View{C: c, F: f}
	var want []string
	for _, tl := range v.TargetActual() {
		if tl.Expected > 0 {
			want = append(want, fmt.Sprintf("%d von %d umgesetzt, %d geplant, %d offen", tl.Implemented, tl.Expected, tl.Planned, tl.Open))
		}
	}
	if len(want) < 4 {
		t.Fatalf("%d headings with expected measures", len(want))
	}
	d := Build(c, f, model.De)
	pdf, err := Write(d, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfPages(t, pdf), "\n")
	docx, err := Write(d, "docx")
	if err != nil {
		t.Fatal(err)
	}
	xml := docxParts(t, docx)["word/document.xml"]
	html, err := Write(d, "html")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), w) {
			t.Errorf("pdftotext lacks %q", w)
		}
		if !strings.Contains(xml, w) {
			t.Errorf("DOCX lacks %q", w)
		}
		if !strings.Contains(string(html), w) {
			t.Errorf("HTML lacks %q", w)
		}
	}
	if !strings.Contains(xml, `w:fill="2E7D32"`) || !strings.Contains(xml, `w:fill="C62828"`) {
		t.Error("DOCX bars: no shaded cells for implemented and open")
	}
	if !strings.Contains(string(html), `<div class="bar-row">`) || !strings.Contains(string(html), `<span class="s0" style="width:`) {
		t.Error("HTML bars missing")
	}
}
