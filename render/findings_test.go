package render

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestFindingsChapter: the document lists the rules' findings in their own
// chapter in every format, judged as of the document's date; the findings
// marked open_item and the due provider checks are open items too; a file
// without findings says so in plain words.
func TestFindingsChapter(t *testing.T) {
	c, f := loadSample(t)
	d := Build(c, f, model.De)
	for _, format := range Formats {
		out, err := Write(d, format)
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		switch format {
		case "pdf":
			text = strings.Join(pdfPages(t, out), "\n")
		case "docx":
			text = strings.Join(docxParagraphs(t, docxParts(t, out)["word/document.xml"]), "\n")
		}
		flat := strings.Join(strings.Fields(text), " ")
		for _, w := range []string{"Anhang: Widersprüche und Hinweise", "Widerspruch", "Root-Server bei Hetzner (Plesk)", "Prüfung fällig", "Befund"} {
			if format == "txt" {
				w, _, _ = strings.Cut(w, " ") // narrow text columns wrap between words
			}
			if !strings.Contains(flat, w) {
				t.Errorf("%s lacks %q", format, w)
			}
		}
	}
	md := string(WriteMarkdown(d))
	open := md[strings.Index(md, "Anhang: Offene Punkte"):strings.Index(md, "Anhang: Widersprüche und Hinweise")]
	for _, w := range []string{"| Befund | Zugangskontrolle | „Nur Betriebssysteme und Software mit Herstellersupport“", "| Prüfung fällig | Dienstleister und Auftragsverarbeiter | Dienstleister „Google Ireland Limited“: TOM des Dienstleisters zuletzt geprüft am – kein Datum"} {
		if !strings.Contains(open, w) {
			t.Errorf("open items lack %q", w)
		}
	}
	empty := model.NewFile(c, model.En)
	md = string(WriteMarkdown(Build(c, empty, model.En)))
	if !strings.Contains(md, "Annex: contradictions and notes") || !strings.Contains(md, "The plausibility check found no contradictions and no notes in the answers.") {
		t.Error("empty file: no findings chapter or no plain sentence")
	}
}
