package line

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// updateLine rewrites the line-mode golden files instead of comparing.
var updateLine = flag.Bool("update-line", false, "rewrite testdata/line golden files")

const lineToday = "2026-03-15"

func lineCatalog(t testing.TB, path string) *model.Catalog {
	t.Helper()
	c, err := model.LoadCatalogFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func lineSmallCatalog(t testing.TB) *model.Catalog {
	return lineCatalog(t, "../../testdata/small-catalog.json")
}

func lineFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../testdata/line", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lineGolden compares got with testdata/line/name (or rewrites it).
func lineGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("../../testdata/line", name)
	if *updateLine {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// lineCapWriter fails once more than max bytes were written, so that a
// prompter stuck in a loop ends with a write error instead of hanging.
type lineCapWriter struct {
	buf bytes.Buffer
	max int
}

var errLineTooMuch = errors.New("test: too much output (endless loop?)")

func (w *lineCapWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.max {
		return 0, errLineTooMuch
	}
	return w.buf.Write(p)
}

// lineEOFReader counts reads after the end of its data.
type lineEOFReader struct {
	r        io.Reader
	afterEOF int
}

func (r *lineEOFReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err == io.EOF {
		r.afterEOF++
	}
	return n, err
}

type lineRun struct {
	err  error
	out  string
	file *model.File
	data []byte // the saved file
	path string
	in   *lineEOFReader
}

// runLineTest runs Run on f (nil: a new file) with input and returns
// the result and the saved file.
func runLineTest(t testing.TB, c *model.Catalog, f *model.File, path, input string, lang model.Lang) lineRun {
	t.Helper()
	if f == nil {
		f = model.NewFile(c, lang)
	}
	if path == "" {
		path = filepath.Join(t.TempDir(), "tom.json")
	}
	out := &lineCapWriter{max: 4 << 20}
	in := &lineEOFReader{r: strings.NewReader(input)}
	err := Run(Options{Catalog: c, File: f, Path: path, Lang: lang, In: in, Out: out, Today: lineToday, Next: func(sub string) string { return "tom " + sub + " -f " + path },
		Directory: lineDirectory(c)})
	data, rerr := os.ReadFile(path)
	if rerr != nil {
		t.Fatalf("the file was not saved: %v", rerr)
	}
	if errors.Is(err, errLineTooMuch) {
		t.Fatalf("endless loop: %v", err)
	}
	if in.afterEOF > 1 {
		t.Errorf("input read %d times after its end", in.afterEOF)
	}
	return lineRun{err: err, out: out.buf.String(), file: f, data: data, path: path, in: in}
}

func lineNoEscape(t *testing.T, out string) {
	t.Helper()
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		t.Errorf("output holds an escape byte at %d: %q", i, out[max(0, i-40):min(len(out), i+40)])
	}
	if strings.Contains(out, "\u009b") {
		t.Error("output holds a C1 CSI")
	}
}

func lineWantAll(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

// lineLoad reads a saved file back through the real loader (so the file is
// valid) under catalogue c.
func lineLoad(t testing.TB, c *model.Catalog, path string) *model.File {
	t.Helper()
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatalf("saved file does not load: %v", err)
	}
	return f
}

func TestLineFullInterviewSmall(t *testing.T) {
	c := lineSmallCatalog(t)
	res := runLineTest(t, c, nil, "", lineFixture(t, "small-full.in"), model.De)
	if res.err != nil {
		t.Fatalf("Run: %v\n%s", res.err, res.out)
	}
	lineGolden(t, "small-full.json", res.data)
	lineGolden(t, "small-full.out", []byte(strings.ReplaceAll(res.out, res.path, "TOM.json")))
	lineNoEscape(t, res.out)
	lineWantAll(t, res.out,
		"Schritt 1 von 4: Organisation – Wer ist verantwortlich?",
		"Schritt 3 von 4: Zugangskontrolle",
		"Name des Unternehmens (Pflichtangabe):",
		"Ungültig: keine gültige E-Mail-Adresse. Bitte noch einmal.",
		"Ungültig: kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT). Bitte noch einmal.",
		"Ungültig: bitte j (ja) oder n (nein) eingeben.",
		"Hilfe: Mehrfachauswahl.",
		"  1) PC",
		"Fertig: Alle Schritte sind beantwortet",
		"tom render -f "+res.path,
	)
	if strings.Contains(res.out, "Welche Art von Server?") {
		t.Error("the server kind was asked although there is no server")
	}
	if strings.Contains(res.out, "SSH-Anmeldung") {
		t.Error("the SSH measure was offered although there is no server")
	}
	if info, err := os.Stat(res.path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("file mode: %v %v", info.Mode(), err)
	}
	f := lineLoad(t, c, res.path)
	if !(model.View{C: c, F: f}).Complete() {
		t.Error("the interview is not complete after the full run")
	}
	if len(f.History) != 1 || f.History[0].Kind != model.HistoryInterview || f.History[0].Date != lineToday {
		t.Errorf("history: %+v", f.History)
	}
}

// A second run that only presses Enter keeps every answer: the file is
// byte-identical (the history entry is only added on the first completion).
func TestLineDefaultsKept(t *testing.T) {
	c := lineSmallCatalog(t)
	first := runLineTest(t, c, nil, "", lineFixture(t, "small-full.in"), model.De)
	if first.err != nil {
		t.Fatal(first.err)
	}
	f := lineLoad(t, c, first.path)
	second := runLineTest(t, c, f, first.path, strings.Repeat("\n", 60), model.De)
	if second.err != nil {
		t.Fatalf("second run: %v\n%s", second.err, second.out)
	}
	if !bytes.Equal(first.data, second.data) {
		t.Errorf("re-run with Enter changed the file:\n%s\n---\n%s", first.data, second.data)
	}
	lineWantAll(t, second.out,
		"Name des Unternehmens [bisher: Bäckerei Öztürk & Süß €] (Enter übernimmt):",
		"Datum der Erhebung (TT.MM.JJJJ) [bisher: 15.03.2026] (Enter übernimmt):",
		"Betreiben Sie einen eigenen oder gemieteten Server? (j/n) [bisher: Nein] (Enter übernimmt):",
		"[bisher: 1) PC, 2) Notebook]",
		"Enter allein beendet [bisher: umgesetzt 1; geplant 2; nicht anwendbar 3] (Enter übernimmt):",
		"Dienstleister: 3 Einträge",
		"  2) Steuerbüro Weiß · kanzlei@weiss-steuer.de · Sonstiges",
	)
}

// A file that is not complete keeps its progress on an Enter-only run too,
// and an answer that is unset stays unset.
func TestLineDefaultsPartialFile(t *testing.T) {
	c := lineSmallCatalog(t)
	first := runLineTest(t, c, nil, "", "Firma Süß\n\n\n\n", model.De)
	if !errors.Is(first.err, ErrIncomplete) {
		t.Fatalf("err = %v", first.err)
	}
	f := lineLoad(t, c, first.path)
	second := runLineTest(t, c, f, first.path, "", model.De)
	if !errors.Is(second.err, ErrIncomplete) {
		t.Fatalf("err = %v", second.err)
	}
	if !bytes.Equal(first.data, second.data) {
		t.Errorf("an empty run changed the file:\n%s\n---\n%s", first.data, second.data)
	}
}

func TestLineEOFInTheMiddle(t *testing.T) {
	c := lineSmallCatalog(t)
	input := "Bäckerei Öztürk\n\n\n\nja\n" // org done, infra.server answered, then EOF
	res := runLineTest(t, c, nil, "", input, model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v, want ErrIncomplete", res.err)
	}
	lineNoEscape(t, res.out)
	lineWantAll(t, res.out, "Eingabe zu Ende: Das Interview ist unvollständig.", "Schritt 2 von 4 weiter: IT-Umgebung.")
	f := lineLoad(t, c, res.path)
	if f.Progress.Step != "infra" || strings.Join(f.Progress.Done, ",") != "org" || len(f.Progress.Skipped) != 0 {
		t.Errorf("progress = %+v", f.Progress)
	}
	if f.Get("org.name").Str() != "Bäckerei Öztürk" {
		t.Errorf("org.name = %q", f.Get("org.name").Str())
	}
	if b, ok := f.Get("infra.server").Bool(); !ok || !b {
		t.Errorf("infra.server not saved: %v", f.Get("infra.server").Any())
	}
	if len(f.History) != 0 || f.Progress.Completed != "" {
		t.Error("an incomplete interview got a history entry")
	}

	// Resuming starts at the saved step and says so.
	again := runLineTest(t, c, f, res.path, "", model.De)
	lineWantAll(t, again.out, "Fortsetzung bei Schritt 2 von 4: IT-Umgebung.")
	if strings.Contains(again.out, "Name des Unternehmens") {
		t.Error("resume asked the first step again")
	}
}

func TestLineEmptyInput(t *testing.T) {
	c := lineSmallCatalog(t)
	res := runLineTest(t, c, nil, "", "", model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v", res.err)
	}
	lineWantAll(t, res.out, "Schritt 1 von 4 weiter: Organisation.")
	f := lineLoad(t, c, res.path)
	if f.Progress.Step != "org" || len(f.Answers) != 0 {
		t.Errorf("progress %+v answers %v", f.Progress, f.Answers)
	}
}

// Invalid input followed by the end of input stops instead of asking again
// and again: every prompt type is driven into EOF after a bad answer.
func TestLineInvalidThenEOF(t *testing.T) {
	c := lineSmallCatalog(t)
	for _, input := range []string{
		"\n",                                  // required name missing, then EOF
		"X\n\nkein@\n",                        // bad e-mail
		"X\n\n\n32.1.2026",                    // bad date, no final newline
		"X\n\n\n\nvielleicht\n",               // bad yes/no
		"X\n\n\n\nn\n9\n",                     // bad multichoice
		"X\n\n\n\nn\n-\nu 7\n",                // bad measure numbers
		"X\n\n\n\nn\n-\nu 2-1\n",              // a range backwards
		"X\n\n\n\nn\n-\n1\n",                  // numbers without a status
		"X\n\n\n\nn\n-\nu\n",                  // a status without numbers
		"X\n\n\n\nn\n-\nalle\n",               // all without a status
		"X\n\n\n\nn\n-\ng 1\n\n31.31.2026\n",  // bad due date
		"X\n\n\n\nn\n-\nx 1\n",                // bad status
		"X\n\n\n\nn\n-\nu alle\n\nj\n\n",      // own measure without text
		"X\n\n\n\nn\n-\nu alle\n\nj\nT\n9\n",  // bad own type
		"X\n\n\n\nn\n-\nu alle\n\nn\nz\n",     // bad records command
		"X\n\n\n\nn\n-\nu alle\n\nn\nb 7\n",   // no such record
		"X\n\n\n\nn\n-\nu alle\n\nn\na\n\n",   // record without its required name
		"X\n\n\n\nn\n-\nu alle\n\nn\na\nN\nx", // bad record e-mail
		"?\n?\n?\n",                           // help only
	} {
		res := runLineTest(t, c, nil, "", input, model.De)
		if !errors.Is(res.err, ErrIncomplete) {
			t.Errorf("%q: err = %v", input, res.err)
		}
		if !strings.Contains(res.out, "Eingabe zu Ende") {
			t.Errorf("%q: no end-of-input message:\n%s", input, res.out)
		}
		if !strings.HasPrefix(input, "?") && !strings.Contains(res.out, "Ungültig") {
			t.Errorf("%q: the bad answer was not reported:\n%s", input, res.out)
		}
		if strings.Count(res.out, "Ungültig") > 3 {
			t.Errorf("%q: asked again after the end of input:\n%s", input, res.out)
		}
	}
}

func TestLineEnglish(t *testing.T) {
	c := lineSmallCatalog(t)
	res := runLineTest(t, c, nil, "", "Smith & Co\n\nbad\n", model.En)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v", res.err)
	}
	lineNoEscape(t, res.out)
	lineWantAll(t, res.out,
		"tom – interview in line mode.",
		"At any prompt: ? shows help, :skip puts the step off, :back goes to the previous step, :quit saves and stops.",
		"Step 1 of 4: Organisation – Who is responsible?",
		"Name of the business (required):",
		"Address (several lines allowed, an empty line ends):",
		"Not valid: not a valid e-mail address. Please try again.",
		"End of input: the interview is incomplete.",
	)
	for _, de := range []string{"Schritt", "bisher", "Pflichtangabe", "Ungültig", "Eingabe"} {
		if strings.Contains(res.out, de) {
			t.Errorf("English output holds German %q", de)
		}
	}
	// yes/no takes both languages, whatever the interface language is.
	res = runLineTest(t, c, nil, "", "X\n\n\n\nja\n", model.En)
	if b, _ := res.file.Get("infra.server").Bool(); !b {
		t.Error("ja not accepted in English mode")
	}
	res = runLineTest(t, c, nil, "", "X\n\n\n\nyes\n", model.De)
	if b, _ := res.file.Get("infra.server").Bool(); !b {
		t.Error("yes not accepted in German mode")
	}
}

// The whole small interview in English stores the same answers as in
// German (yes/no, numbers and list commands work in both languages), and no
// German interface text appears.
func TestLineEnglishFull(t *testing.T) {
	c := lineSmallCatalog(t)
	input := lineFixture(t, "small-full.in")
	de := runLineTest(t, c, nil, "", input, model.De)
	en := runLineTest(t, c, nil, "", input, model.En)
	if en.err != nil {
		t.Fatalf("Run: %v\n%s", en.err, en.out)
	}
	if d := model.Diff(de.file, en.file); len(d) > 0 {
		t.Errorf("English run stored other answers: %+v", d)
	}
	if en.file.History[0].Summary != "Interview completed" {
		t.Errorf("summary = %q", en.file.History[0].Summary)
	}
	lineNoEscape(t, en.out)
	lineWantAll(t, en.out,
		"Set the status – a letter, then numbers or ranges, e.g. “i 1-5,7 p 6 c all” (i implemented, p planned, n not applicable, d deliberately not implemented, c to be clarified; all = all without status; +3 = note on 3); Enter alone ends: u 1 g 2 n 3",
		"  Status now: implemented 1; planned 2; not applicable 3",
		"  2) Written password policy – Planned by (DD.MM.YYYY) (required):",
		"Add a measure of your own? (y/n, Enter = no):",
		"Service provider – a = add, e N = edit entry N, r N = remove entry N, Enter = done:",
		"Really remove entry 3 “Müll GmbH”? (y/n, Enter = no):",
		"Done: every step is answered",
	)
	for _, de := range []string{"Schritt", "bisher", "Pflichtangabe", "Ungültig", "Eintrag", "Maßnahme", "übernimmt", "Hilfe:", "Nummer", "geplant", "Fertig"} {
		if strings.Contains(en.out, de) {
			t.Errorf("English output holds German %q", de)
		}
	}
}

func TestLineSkipAndBack(t *testing.T) {
	c := lineSmallCatalog(t)
	// org answered; infra put off at its first prompt; in access_system go
	// back (lands in infra), answer it; then EOF in access_system.
	input := "Firma\n\n\n\n:später\n:zurück\nja\n2\n-\n"
	res := runLineTest(t, c, nil, "", input, model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v", res.err)
	}
	lineWantAll(t, res.out,
		"Schritt „IT-Umgebung“ zurückgestellt; er bleibt als offener Punkt stehen.",
		"Schritt 3 von 4: Zugangskontrolle",
	)
	if n := strings.Count(res.out, "Schritt 2 von 4: IT-Umgebung"); n != 2 {
		t.Errorf("IT-Umgebung announced %d times, want 2 (back went elsewhere)", n)
	}
	f := lineLoad(t, c, res.path)
	if f.Progress.Step != "access_system" || strings.Join(f.Progress.Done, ",") != "org,infra" || len(f.Progress.Skipped) != 0 {
		t.Errorf("progress = %+v", f.Progress)
	}
	if f.Get("infra.server_kind").Str() != "vserver" {
		t.Errorf("server kind = %v (the condition did not show it after ja)", f.Get("infra.server_kind").Any())
	}

	// Skipping stays recorded when the step is not revisited, and the
	// interview is then not complete at the end.
	input = "Firma\n\n\n\n:skip\n1\n\n\n\n\n\n"
	res = runLineTest(t, c, nil, "", input, model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v\n%s", res.err, res.out)
	}
	f = lineLoad(t, c, res.path)
	if strings.Join(f.Progress.Skipped, ",") != "infra" || strings.Join(f.Progress.Done, ",") != "org,access_system,providers" {
		t.Errorf("progress = %+v", f.Progress)
	}
	if f.Progress.Step != "infra" {
		t.Errorf("step = %q, want the first open step infra", f.Progress.Step)
	}
	lineWantAll(t, res.out, "Alle Schritte durchlaufen, aber noch offen: IT-Umgebung, Zugangskontrolle.")
	if len(f.History) != 0 {
		t.Error("history entry although steps are open")
	}

	// :zurück in the first step stays there.
	res = runLineTest(t, c, nil, "", ":back\n", model.De)
	lineWantAll(t, res.out, "Das ist bereits der erste Schritt.")
}

func TestLineQuit(t *testing.T) {
	c := lineSmallCatalog(t)
	res := runLineTest(t, c, nil, "", "Firma\n\n\n\nja\n:ende\nnever read\n", model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v", res.err)
	}
	lineWantAll(t, res.out, "Unterbrochen und gespeichert in")
	f := lineLoad(t, c, res.path)
	if f.Progress.Step != "infra" {
		t.Errorf("step = %q", f.Progress.Step)
	}
	if b, _ := f.Get("infra.server").Bool(); !b {
		t.Error("answer before :ende lost")
	}
}

// CRLF line ends and a byte-order mark give the same file as plain input.
func TestLineCRLFAndBOM(t *testing.T) {
	c := lineSmallCatalog(t)
	plain := lineFixture(t, "small-full.in")
	want := runLineTest(t, c, nil, "", plain, model.De)
	got := runLineTest(t, c, nil, "", "\uFEFF"+strings.ReplaceAll(plain, "\n", "\r\n"), model.De)
	if got.err != nil {
		t.Fatalf("err = %v\n%s", got.err, got.out)
	}
	if !bytes.Equal(want.data, got.data) {
		t.Errorf("CRLF/BOM input gave a different file:\n%s", got.data)
	}
}

// Stored text with escape sequences is shown defused, and typed control
// characters are refused.
func TestLineNoEscapeFromData(t *testing.T) {
	c := lineSmallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("org.name", model.String("\x1b[31mRot\x1b[0m \u009b2J"))
	res := runLineTest(t, c, f, "", "\n\x1b[A\n", model.De)
	lineNoEscape(t, res.out)
	lineWantAll(t, res.out, `[bisher: \x1b[31mRot\x1b[0m \u009b2J]`, "Ungültig: die Eingabe enthält Steuerzeichen")
	res = runLineTest(t, c, nil, "", "Caf\xe9\n", model.De)
	lineWantAll(t, res.out, "kein gültiges UTF-8")
	if res.file.Get("org.name").IsSet() {
		t.Error("invalid UTF-8 was stored")
	}
}

// Removing a record's ID never hands it out again, in this run or later.
func TestLineRecordIDs(t *testing.T) {
	c := lineSmallCatalog(t)
	res := runLineTest(t, c, nil, "", lineFixture(t, "small-full.in"), model.De)
	f := lineLoad(t, c, res.path)
	var ids []string
	for _, r := range f.Get("providers").Records() {
		ids = append(ids, r.ID())
	}
	if strings.Join(ids, ",") != "r1,r2,r4" {
		t.Errorf("record IDs = %v, want r1,r2,r4 (r3 was removed)", ids)
	}
	// A later run adds r5: the history does not know r3, but r4 is the highest.
	f.Progress.Step = "providers"
	res = runLineTest(t, c, f, res.path, "a\nNeu\n\n\n\n\n", model.De)
	recs := res.file.Get("providers").Records()
	if got := recs[len(recs)-1].ID(); got != "r5" {
		t.Errorf("new record ID = %s, want r5", got)
	}
}

// Help text at a record field, the required marker, and an interrupted
// record keeps what was typed.
func TestLineRecordInterrupted(t *testing.T) {
	c := lineSmallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress.Step = "providers"
	res := runLineTest(t, c, f, "", "a\n?\nHoster Süd\nkontakt@hoster.de\n", model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v", res.err)
	}
	lineWantAll(t, res.out, "Hilfe: Firmenname.", "  Name (Pflichtangabe):")
	g := lineLoad(t, c, res.path)
	recs := g.Get("providers").Records()
	if len(recs) != 1 || recs[0].Get("name").Str() != "Hoster Süd" || recs[0].Get("email").Str() != "kontakt@hoster.de" {
		t.Errorf("records = %v", g.Get("providers").Any())
	}
}

// Changing an answer so that a later question is hidden removes the hidden
// answer, as in the full-screen mode.
func TestLineConditionPrunes(t *testing.T) {
	c := lineSmallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Set("infra.server", model.Bool(true))
	f.Set("infra.server_kind", model.String("vserver"))
	f.Measures["access_system.ssh_keys_only"] = model.MeasureAnswer{Status: model.StatusImplemented}
	f.Progress.Step = "infra"
	res := runLineTest(t, c, f, "", "nein\n\n", model.De)
	g := lineLoad(t, c, res.path)
	if g.Get("infra.server_kind").IsSet() {
		t.Error("hidden server kind kept")
	}
	if _, ok := g.Measures["access_system.ssh_keys_only"]; ok {
		t.Error("hidden SSH measure kept")
	}
}

// lineBench runs a full piped interview per iteration; path "" skips saving.
func lineBench(b *testing.B, c *model.Catalog, input, path string) {
	for b.Loop() {
		f := model.NewFile(c, model.De)
		err := Run(Options{Catalog: c, File: f, Path: path, Lang: model.De, In: strings.NewReader(input), Out: io.Discard, Today: lineToday})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLineFullInterviewSmallSaved includes the atomic save (with fsync)
// after every changed answer.
func BenchmarkLineFullInterviewSmallSaved(b *testing.B) {
	lineBench(b, lineSmallCatalog(b), lineFixture(b, "small-full.in"), filepath.Join(b.TempDir(), "tom.json"))
}

func BenchmarkLineFullInterviewSmall(b *testing.B) {
	lineBench(b, lineSmallCatalog(b), lineFixture(b, "small-full.in"), "")
}

// TestLineDeclinedAndNote: status 5 asks why and who accepted the risk;
// n<number> on the tick line asks a note for that measure, implemented or not.
func TestLineDeclinedAndNote(t *testing.T) {
	c := smallCatalog(t)
	input := "X\n\n\n\nn\n-\nu 1 b 2 +1 +2\n\nzwei Personen, mündlich geregelt\n\nInhaberin\nKeePassXC\nnur mündlich\nn\n"
	res := runLineTest(t, c, nil, "", input, model.De)
	if !errors.Is(res.err, ErrIncomplete) {
		t.Fatalf("err = %v\n%s", res.err, res.out)
	}
	for _, want := range []string{
		"Warum bewusst nicht umgesetzt? (Pflichtangabe): zwei Personen, mündlich geregelt",
		"Wer hat das Risiko übernommen? (Name, Funktion) (Pflichtangabe): \n",
		"Anmerkung zu 1) Anmeldung nur mit persönlichem Passwort",
	} {
		if !strings.Contains(res.out, want) {
			t.Errorf("output lacks %q:\n%s", want, res.out)
		}
	}
	f, _, err := model.Load(res.path, c)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Measures["access_system.passwords"], (model.MeasureAnswer{Status: model.StatusImplemented, Note: "KeePassXC"}); !got.Equal(want) {
		t.Errorf("passwords = %+v, want %+v", got, want)
	}
	want := model.MeasureAnswer{Status: model.StatusDeclined, Reason: "zwei Personen, mündlich geregelt", AcceptedBy: "Inhaberin", Note: "nur mündlich"}
	if got := f.Measures["access_system.policy"]; !got.Equal(want) {
		t.Errorf("policy = %+v, want %+v", got, want)
	}
}

// TestLineNoteRefusesOtherAnswers: a script whose lines slipped gives a
// status number or a yes/no where a note is asked; it is refused, not
// stored as the note.
func TestLineNoteRefusesOtherAnswers(t *testing.T) {
	c := smallCatalog(t)
	for _, slipped := range []string{"4", "ja", "1, 2-3", "n"} {
		input := "X\n\n\n\nn\n-\nu 1 k 2 +2\n\n" + slipped + "\nwirklich offen\n"
		res := runLineTest(t, c, nil, "", input, model.De)
		if !errors.Is(res.err, ErrIncomplete) {
			t.Fatalf("%q: err = %v\n%s", slipped, res.err, res.out)
		}
		if !strings.Contains(res.out, "„"+slipped+"“ ist keine Anmerkung") {
			t.Errorf("%q: no refusal in\n%s", slipped, res.out)
		}
		f, _, err := model.Load(res.path, c)
		if err != nil {
			t.Fatal(err)
		}
		want := model.MeasureAnswer{Status: model.StatusUnclear, Note: "wirklich offen"}
		if got := f.Measures["access_system.policy"]; !got.Equal(want) {
			t.Errorf("%q: policy = %+v, want %+v", slipped, got, want)
		}
	}
	// A note with numbers among its words is a note.
	res := runLineTest(t, c, nil, "", "X\n\n\n\nn\n-\nu 1 k 2 +2\n\nab 2027 klären\n", model.De)
	f, _, err := model.Load(res.path, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Measures["access_system.policy"].Note; got != "ab 2027 klären" {
		t.Errorf("note = %q\n%s", got, res.out)
	}
}
