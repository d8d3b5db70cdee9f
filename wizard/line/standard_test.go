package line

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// genLineStandard regenerates testdata/line/standard-full.in (the piped
// answers for a full interview of the shipped catalogue) by answering the
// prompts as a small web agency would. Run it after the catalogue changed:
//
//	go test ./wizard/ -run TestLineGenerateStandardScript -gen-line-standard
var genLineStandard = flag.Bool("gen-line-standard", false, "rewrite testdata/line/standard-full.in from the shipped catalogue")

func lineStandardCatalog(t testing.TB) *model.Catalog {
	return lineCatalog(t, "../../questionnaires/tom-standard.json")
}

// lineAgency answers by question title: a web agency with a rented root
// server, as in the 2018 example document. A slice is a multi-line answer.
var lineAgency = map[string]any{
	"Name des Unternehmens (Verantwortlicher)": "Webagentur Müller & Söhne GmbH",
	"Anschrift":                             []string{"Königstraße 12", "70173 Stuttgart"},
	"Ansprechpartner für Datenschutzfragen": "Jörg Müller",
	"E-Mail-Adresse":                        "info@mueller-webagentur.de",
	"Telefon":                               "+49 711 2345678",
	"Website":                               "www.mueller-webagentur.de",
	"Geltungsbereich: Welche Verarbeitungen umfasst das Dokument?":                               []string{"Kundenverwaltung, Buchhaltung, Hosting der Kundenwebsites", "und E-Mail-Dienste (Preise in €)"},
	"Ist ein Datenschutzbeauftragter benannt?":                                                   "n",
	"Für wen verarbeiten Sie personenbezogene Daten?":                                            "3",
	"Welche Arten personenbezogener Daten verarbeiten Sie?":                                      "1 2 3 5 9",
	"Über wie viele Menschen haben Sie Daten, ungefähr?":                                         "3",
	"Schutzbedarf Vertraulichkeit: Was wäre, wenn Unbefugte die Daten sähen?":                    "",
	"Schutzbedarf Integrität: Was wäre, wenn Daten unbemerkt falsch wären?":                      "",
	"Schutzbedarf Verfügbarkeit: Was wäre, wenn die Daten tagelang fehlten oder verloren wären?": "",
	"Auskunft erteilt von":                                    "Jörg Müller",
	"Ort der Unterschrift":                                    "Stuttgart",
	"Name der unterzeichnenden Person":                        "Jörg Müller",
	"Funktion der unterzeichnenden Person":                    "Geschäftsführer",
	"Welche Art von Server?":                                  "1",
	"Betriebssystem des Servers":                              "Debian 12",
	"Verwaltungsoberfläche (Control Panel) des Servers":       "2",
	"Wie viele Personen arbeiten im Unternehmen?":             "2",
	"Welche Arten von Geräten werden für die Arbeit genutzt?": "1 2 3",
	"Wo liegen die Datensicherungen?":                         "2 3",
	"Wie oft werden die wichtigsten Daten gesichert?":         "2",
	"Wo werden die Postfächer betrieben?":                     "1",
	"Anbieter bzw. Server":                                    "eigener Root-Server bei Hetzner",
	"Transportverschlüsselung des Mailservers":                "1, 2",
	"Genutzte Zugriffsarten":                                  "1 3 4",
	"E-Mail-Programme und Geräte":                             []string{"Thunderbird auf den Büro-PCs", "K-9 Mail auf den Smartphones"},
	"Inhaltsverschlüsselung vertraulicher E-Mails":            "1",
	"Geschäftliche E-Mail-Adressen":                           []string{"info@mueller-webagentur.de", "buchhaltung@mueller-webagentur.de"},
	"Verschlüsselung des WLANs":                               "2",
	"Router bzw. Firewall":                                    "FRITZ!Box 7590",
	"Ist das Netz in getrennte Bereiche aufgeteilt?":          "n",
	"Zugriff von außen auf das Firmennetz":                    "2",
}

// lineAgencyRecords are the entries of each list, by the list's item name.
var lineAgencyRecords = map[string][]map[string]any{
	"Dienstleister": {
		// From the provider directory, found by "Hetzner" (lineDirSearch):
		// name, address, e-mail, website, category, access and processor
		// come from there; the rest is typed.
		{lineDirSearch: "Hetzner", "Telefon": "+49 (0)9831 505-0*",
			"Leistung für das Unternehmen": []string{"Angemieteter Root-Server für Websites, Webshops und E-Mail"},
			"AV-Vertrag geschlossen am":    "20.05.2018", "TOM des Dienstleisters zuletzt geprüft am": "2018-05-20",
			"Land der Verarbeitung": "Deutschland", "Verarbeitung außerhalb von EU/EWR?": "n"},
		{"Name bzw. Firma": "Collmex GmbH", "Anschrift": []string{"Lilienstr. 37", "66119 Saarbrücken"},
			"E-Mail": "service@collmex.de", "Website": "www.collmex.de",
			"Leistung für das Unternehmen": []string{"Buchhaltungs- und Steuersoftware im Browser"},
			"Kategorie":                    "2", "Auftragsverarbeiter nach Art. 28 DSGVO?": "ja", "Unterauftragsverarbeiter für Ihre Auftraggeber?": "n", "AV-Vertrag geschlossen am": "15.05.2018",
			"Verarbeitung außerhalb von EU/EWR?": "nein"},
	},
	"Person": {
		{"Name": "Jörg Müller", "Funktion oder Aufgabe": "Geschäftsführer", "Art der Tätigkeit": "1",
			"Administrativer Zugang (Admin/Root)?": "j", "Auf Vertraulichkeit verpflichtet am": "01.06.2018"},
		{"Name": "Anna Weiß", "Funktion oder Aufgabe": "Buchhaltung", "Administrativer Zugang (Admin/Root)?": "n"},
	},
	"Gerät": {
		{"Bezeichnung": "Büro-PC Empfang", "Geräteart": "1", "Betriebssystem": "Windows 11", "Sicherheitsupdates automatisch?": "j"},
	},
	"Dienst": {
		{"Dienst": "Nextcloud", "Anbieter": "Hetzner Online GmbH", "Zweck der Nutzung": []string{"Projektdateien mit Kunden teilen"},
			"Personenbezogene Daten betroffen?": "j", "Vor dem Hochladen selbst verschlüsselt?": "n", "Speicherort (Land oder Region)": "Deutschland"},
	},
	"Speicherort": {
		{"Speicherort": "Aktenschrank Büro", "Gespeicherte Daten": []string{"Verträge und Rechnungen"}, "Verschlüsselt gespeichert?": "n"},
	},
}

// lineStepIs reports whether the step the output is in has title.
func lineStepIs(lines []string, title string) bool {
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "Schritt ") {
			return strings.Contains(lines[i], ": "+title+" –") || strings.HasSuffix(lines[i], ": "+title)
		}
	}
	return false
}

// lineParamPrompt is the prompt of a measure's follow-up not answered
// above: a parameter.
var lineParamPrompt = regexp.MustCompile(`^  \d+\) .+ – `)

// lineDirSearch, in an entry of lineAgencyRecords, is the text that finds
// it in the provider directory; the first match is taken.
const lineDirSearch = "_directory_search"

// lineOffered reports whether prompt tail offers text as the text given
// before ("[= übernimmt: „text“]"), which "=" takes.
func lineOffered(tail, text string) bool {
	return strings.Contains(tail, "übernimmt: „"+text+"“]")
}

// lineTypeOrTake answers text, or "=" when the prompt offers it.
func lineTypeOrTake(tail, text string) string {
	if lineOffered(tail, text) {
		return "="
	}
	return text
}

// lineResponder is an input that answers the prompt the output ends with,
// one line per Read – bufio asks for more only after it has used a line.
type lineResponder struct {
	t        testing.TB
	out      *bytes.Buffer
	script   []string
	more     []string       // continuation lines of a multi-line answer
	record   map[string]any // the entry being typed
	pending  map[string]int // entries added so far, by item name
	statuses int            // measures given a status so far
	owned    bool           // an own measure was added
	optRe    *regexp.Regexp // an option or list line
}

func (r *lineResponder) Read(p []byte) (int, error) {
	out := r.out.String()
	if strings.Contains(out, "Ungültig") {
		r.t.Fatalf("the generated answers were refused:\n%s", out[max(0, len(out)-2000):])
	}
	if strings.Contains(out, "Fertig:") || len(r.script) > 5000 {
		return 0, io.EOF
	}
	ans := r.answer(out)
	r.script = append(r.script, ans)
	return copy(p, ans+"\n"), nil
}

func (r *lineResponder) answer(out string) string {
	lines := strings.Split(out, "\n")
	tail := lines[len(lines)-1]
	switch {
	case strings.HasSuffix(tail, "weiter: "):
		if len(r.more) == 0 {
			return ""
		}
		s := r.more[0]
		r.more = r.more[1:]
		return s
	case strings.HasPrefix(tail, "Stand setzen"):
		// All but the last two measures implemented; the last two in turn
		// not applicable, to be clarified (with a note), planned.
		// The measure lines follow the list's heading; hints may follow them.
		n, head := 0, len(lines)-1
		for head > 0 && !strings.HasPrefix(lines[head], "Maßnahmen in diesem Schritt:") {
			head--
		}
		for i := head + 1; i < len(lines) && r.optRe.MatchString(lines[i]); i++ {
			n++
		}
		if lineStepIs(lines, "Auftragsverarbeitung für Kunden") {
			// The reference business has every processor duty in place
			// (the facts); the turn of the statuses goes on as elsewhere.
			r.statuses += 2
			return fmt.Sprintf("u 1-%d", n)
		}
		var parts []string
		switch {
		case n-2 > 1:
			parts = append(parts, fmt.Sprintf("u 1-%d", n-2))
		case n-2 == 1:
			parts = append(parts, "u 1")
		}
		var notes []string
		for i := max(1, n-1); i <= n; i++ {
			r.statuses++
			switch r.statuses % 3 {
			case 1:
				parts = append(parts, fmt.Sprintf("n %d", i))
			case 2:
				parts = append(parts, fmt.Sprintf("k %d", i))
				notes = append(notes, fmt.Sprintf("+%d", i))
			default:
				parts = append(parts, fmt.Sprintf("g %d", i))
			}
		}
		return strings.Join(append(parts, notes...), " ")
	case strings.HasPrefix(tail, "Weitere Angaben"):
		return ""
	case strings.Contains(tail, " – Geplant bis"):
		return lineTypeOrTake(tail, "31.12.2026")
	case strings.Contains(tail, " – Warum nicht anwendbar?"):
		return lineTypeOrTake(tail, "Trifft auf unseren Betrieb nicht zu")
	case strings.HasPrefix(tail, "  Anmerkung zu "):
		return lineTypeOrTake(tail, "Mit dem Hoster klären")
	case lineParamPrompt.MatchString(tail):
		return "" // the reference business leaves the parameters open
	case strings.Contains(tail, "Im Anbieterverzeichnis suchen"):
		search, _ := r.record[lineDirSearch].(string)
		return search
	case strings.Contains(tail, "Nummer wählen, neu suchen"):
		return "1"
	case strings.Contains(tail, "Angaben jetzt prüfen und ergänzen?"):
		return "j"
	case strings.HasPrefix(tail, "Eigene Maßnahme hinzufügen?"):
		if r.owned {
			return "n"
		}
		r.owned = true
		return "j"
	case strings.HasPrefix(tail, "  Beschreibung der Maßnahme"):
		return "Schlüsselbuch für alle Büroschlüssel geführt"
	case strings.HasPrefix(tail, "  Art: 1 technisch"):
		return "2"
	case strings.HasPrefix(tail, "  Stand: 1 geplant"):
		return "4"
	case strings.Contains(tail, " – a = neu anlegen,"):
		item := tail[:strings.Index(tail, " – a = neu anlegen,")]
		entries := lineAgencyRecords[item]
		if r.pending[item] < len(entries) {
			r.record = entries[r.pending[item]]
			r.pending[item]++
			return "a"
		}
		r.record = nil
		return ""
	}
	title := linePromptTitle(lines)
	table := lineAgency
	if strings.HasPrefix(tail, "  ") && r.record != nil {
		table = r.record
	}
	switch v := table[title].(type) {
	case string:
		return lineTypeOrTake(tail, v)
	case []string:
		r.more = append([]string{}, v[1:]...)
		return v[0]
	}
	if _, fromDir := table[lineDirSearch]; fromDir && strings.Contains(tail, "[bisher: ") {
		return "" // filled from the directory: Enter keeps it
	}
	switch {
	case strings.Contains(tail, "(j/n)"):
		return "j"
	case strings.Contains(tail, "(TT.MM.JJJJ)"):
		return "01.03.2024"
	}
	return ""
}

// linePromptTitle finds the question a prompt belongs to: for a numbered
// choice the line above its options, else the prompt without its hints.
func linePromptTitle(lines []string) string {
	tail := strings.TrimSpace(lines[len(lines)-1])
	if strings.HasPrefix(tail, "Nummer") {
		i := len(lines) - 2
		for i > 0 && regexp.MustCompile(`^\s+\d+\) `).MatchString(lines[i]) {
			i--
		}
		return strings.TrimSpace(lines[i])
	}
	tail = strings.TrimSuffix(tail, ":")
	for _, cut := range []string{" (Pflichtangabe)", " (TT.MM.JJJJ)", " (j/n)", " (mehrere Zeilen", " [bisher", " [= übernimmt"} {
		if i := strings.Index(tail, cut); i >= 0 {
			tail = tail[:i]
		}
	}
	return strings.TrimSpace(tail)
}

func TestLineGenerateStandardScript(t *testing.T) {
	if !*genLineStandard {
		t.Skip("only with -gen-line-standard")
	}
	c := lineStandardCatalog(t)
	var out bytes.Buffer
	r := &lineResponder{t: t, out: &out, pending: map[string]int{}, optRe: regexp.MustCompile(`^  \d+\) `)}
	err := Run(Options{Catalog: c, File: model.NewFile(c, model.De), Lang: model.De, In: r, Out: &out, Today: lineToday, Directory: lineDirectory(c)})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	data := strings.Join(r.script, "\n") + "\n"
	if os.Getenv("DUMP_LINE_OUT") != "" {
		_ = os.WriteFile(os.Getenv("DUMP_LINE_OUT"), out.Bytes(), 0o644)
	}
	if err := os.WriteFile("../../testdata/line/standard-full.in", []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A full piped interview of the shipped catalogue ends complete, with a
// valid file that holds the facts typed, and without an escape byte.
func TestLineFullInterviewStandard(t *testing.T) {
	c := lineStandardCatalog(t)
	input := lineFixture(t, "standard-full.in")
	res := runLineTest(t, c, nil, "", input, model.De)
	if res.err != nil {
		t.Fatalf("Run: %v\n%s", res.err, res.out[max(0, len(res.out)-3000):])
	}
	lineNoEscape(t, res.out)
	if strings.Contains(res.out, "Ungültig") {
		t.Error("an answer of the script was refused")
	}
	f := lineLoad(t, c, res.path)
	v := model.View{C: c, F: f}
	if !v.Complete() {
		t.Error("the interview is not complete")
	}
	if probs := model.Validate(c, f); len(probs) > 0 {
		t.Errorf("validation: %v", probs)
	}
	lineWantAll(t, res.out, "Schritt 1 von 25: Organisation", "Schritt 25 von 25:", "Fertig: Alle Schritte sind beantwortet")
	// Y of "Schritt X von Y" never grows as answers are given.
	steps := 0
	for _, m := range regexp.MustCompile(`Schritt \d+ von (\d+):`).FindAllStringSubmatch(res.out, -1) {
		y, _ := strconv.Atoi(m[1])
		if steps > 0 && y > steps {
			t.Errorf("Schritt … von %d after von %d", y, steps)
		}
		steps = y
	}
	if got := f.Get("org.address").Str(); got != "Königstraße 12\n70173 Stuttgart" {
		t.Errorf("org.address = %q", got)
	}
	if got := f.Get("infra.server_kind").Str(); got != "rented_root" {
		t.Errorf("infra.server_kind = %q", got)
	}
	provs := f.Get("providers").Records()
	if len(provs) != 2 || provs[0].Get("phone").Str() != "+49 (0)9831 505-0*" || provs[1].Get("avv_signed").Str() != "2018-05-15" {
		t.Errorf("providers = %v", f.Get("providers").Any())
	}
	if len(f.History) != 1 || f.History[0].By != "Jörg Müller" {
		t.Errorf("history = %+v (respondent should be org.respondent)", f.History)
	}
	if len(f.OwnMeasures) != 1 || f.OwnMeasures[0].Section != "access_physical" {
		t.Errorf("own measures = %+v", f.OwnMeasures)
	}
	if len(v.OpenItems()) == 0 {
		t.Error("planned and unclear measures should be open items")
	}

	// And the Enter-only re-run leaves it byte-identical.
	again := runLineTest(t, c, f, res.path, strings.Repeat("\n", 2000), model.De)
	if again.err != nil {
		t.Fatalf("re-run: %v", again.err)
	}
	if !bytes.Equal(res.data, again.data) {
		t.Error("Enter-only re-run changed the file")
	}
}

// End of input in each step of the shipped catalogue stops cleanly there.
func TestLineStandardEOFEverywhere(t *testing.T) {
	c := lineStandardCatalog(t)
	lines := strings.SplitAfter(lineFixture(t, "standard-full.in"), "\n")
	for cut := 0; cut < len(lines); cut += 57 {
		res := runLineTest(t, c, nil, "", strings.Join(lines[:cut], ""), model.De)
		if !errors.Is(res.err, ErrIncomplete) {
			t.Fatalf("cut after %d lines: err = %v", cut, res.err)
		}
		f := lineLoad(t, c, filepath.Clean(res.path))
		if f.Progress.Step == "" {
			t.Errorf("cut after %d lines: no progress.step saved", cut)
		}
	}
}

func BenchmarkLineFullInterviewStandard(b *testing.B) {
	lineBench(b, lineStandardCatalog(b), lineFixture(b, "standard-full.in"), "")
}
