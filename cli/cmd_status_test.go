package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	json "github.com/goccy/go-json"

	"github.com/tom-dsgvo/tom/model"
)

func rvFixture(name string) string { return filepath.Join("..", "testdata", "review", name) }

func TestStatusExitCodes(t *testing.T) {
	cases := []struct {
		file  string
		code  int
		state string // a line of the German text output
	}{
		{"status-11m-nothing-due.json", ExitOK, "Zustand:          aktuell"},
		{"status-11.5m-nothing-due.json", ExitStatusDueSoon, "Zustand:          Überprüfung bald fällig"},
		// The same dates with a planned measure and a contract check due:
		// the items are the state, whether the review is near or not.
		{"status-11m.json", ExitStatusItemsDue, "Zustand:          Punkte fällig – mit „tom review"},
		{"status-11.5m.json", ExitStatusItemsDue, "Zustand:          Punkte fällig – mit „tom review"},
		{"status-13m.json", ExitStatusOverdue, "Zustand:          Überprüfung überfällig"},
		{"status-incomplete.json", ExitStatusIncomplete, "Zustand:          Befragung unvollständig"},
	}
	for _, tc := range cases {
		code, out, errOut := rvRun("status", "--catalog", rvCatalogPath, "-f", rvFixture(tc.file))
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d\n%s%s", tc.file, code, tc.code, out, errOut)
		}
		if !strings.Contains(out, tc.state) {
			t.Errorf("%s: no %q in\n%s", tc.file, tc.state, out)
		}
		if errOut != "" {
			t.Errorf("%s: stderr %q", tc.file, errOut)
		}
	}
}

func TestStatusTextContent(t *testing.T) {
	code, out, _ := rvRun("status", "--catalog", rvCatalogPath, "-f", rvFixture("status-11m.json"))
	if code != ExitStatusItemsDue {
		t.Fatal(code)
	}
	for _, want := range []string{
		"Organisation:     Muster Webdesign GmbH\n",
		"Stand:            15.09.2025 (Version 1.1)\n",
		"Letzte Prüfung:   15.09.2025 (Überprüfung)\n",
		"Nächste Prüfung:  15.09.2026 (in 31 Tagen)\n",
		"Offene Punkte:    2\n",
		"\nVollständigkeit:\nAbschnitt         Erledigt            Antworten\n",
		"Zugangskontrolle  [##########] 100 %  5/5\n",
		"  - Zugangskontrolle: „Zwei-Faktor-Anmeldung“ ist seit 31.03.2026 fällig\n",
		"  - Dienstleister „Strato AG“: AV-Vertrag zuletzt geprüft am 25.05.2018 – älter\n    als 12 Monate, bitte prüfen\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if utf8.RuneCountInString(l) > 80 {
			t.Errorf("line over 80 columns: %q", l)
		}
	}
	// English, and the incomplete bars.
	code, out, _ = rvRun("status", "--lang", "en", "--catalog", rvCatalogPath, "-f", rvFixture("status-incomplete.json"))
	if code != ExitStatusIncomplete || !strings.Contains(out, "State:         interview incomplete") ||
		!strings.Contains(out, "System access control  [###.......] 33 %   1/3") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestStatusUnreadable(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ name, file, msg string }{
		{"invalid JSON", rvFixture("status-invalid.json"), "status-invalid.json:3:3: kein gültiges JSON"},
		{"missing file", filepath.Join(dir, "fehlt.json"), "fehlt.json: Datei nicht gefunden"},
	}
	for _, tc := range cases {
		code, out, errOut := rvRun("status", "--catalog", rvCatalogPath, "-f", tc.file)
		if code != ExitStatusUnreadable || out != "" || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%s: exit %d out %q err %q", tc.name, code, out, errOut)
		}
	}
	// A file that parses but fails validation (made with another catalogue).
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte(`{"schema": 1, "catalog": {"id": "tom-other", "version": "1.0.0"}, "answers": {}, "measures": {}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := rvRun("status", "--catalog", rvCatalogPath, "-f", other)
	if code != ExitStatusUnreadable || !strings.Contains(errOut, "/catalog/id") {
		t.Errorf("other catalogue: exit %d, %q", code, errOut)
	}
	// Usage errors stay 2, a missing catalogue is a general failure.
	if code, _, _ := rvRun("status", "--no-such-flag"); code != ExitUsage {
		t.Errorf("bad flag: exit %d", code)
	}
	if code, _, _ := rvRun("status", "--catalog", filepath.Join(dir, "none.json"), "-f", other); code != ExitFailure {
		t.Errorf("missing catalogue: exit %d", code)
	}
}

func TestStatusJSON(t *testing.T) {
	code, out, _ := rvRun("status", "--json", "--catalog", rvCatalogPath, "-f", rvFixture("status-11.5m.json"))
	if code != ExitStatusItemsDue {
		t.Fatal(code)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	keys := []string{"catalog", "complete", "days_until_review", "due_items", "error", "exit_code", "file", "findings", "last_review", "last_review_kind", "next_review", "open_items", "organisation", "review_interval_months", "review_state", "sections", "stand", "state", "version"}
	var have []string
	for k := range got {
		have = append(have, k)
	}
	if len(have) != len(keys) {
		t.Fatalf("keys %v, want %v", have, keys)
	}
	for _, k := range keys {
		if _, ok := got[k]; !ok {
			t.Errorf("key %s missing", k)
		}
	}
	want := map[string]any{
		"state": "items_due", "review_state": "due_soon", "exit_code": float64(8), "organisation": "Muster Webdesign GmbH", "stand": "2025-08-30",
		"version": "1.1", "complete": true, "open_items": float64(2), "last_review": "2025-08-30", "last_review_kind": "review",
		"next_review": "2026-08-30", "days_until_review": float64(15), "review_interval_months": float64(12), "error": nil,
	}
	for k, v := range want {
		if !reflect.DeepEqual(got[k], v) {
			t.Errorf("%s = %#v, want %#v", k, got[k], v)
		}
	}
	secs := got["sections"].([]any)
	if len(secs) != 5 || secs[2].(map[string]any)["id"] != "access_system" || secs[2].(map[string]any)["percent"] != float64(100) {
		t.Errorf("sections %v", secs)
	}
	due := got["due_items"].([]any)
	if len(due) != 2 || due[1].(map[string]any)["field"] != "avv_signed" || due[1].(map[string]any)["record"] != "r2" {
		t.Errorf("due_items %v", due)
	}
	// The same input gives the same bytes.
	_, again, _ := rvRun("status", "--json", "--catalog", rvCatalogPath, "-f", rvFixture("status-11.5m.json"))
	if again != out {
		t.Error("--json output not stable")
	}
	// Unreadable: still one JSON object on stdout, the message on stderr.
	code, out, errOut := rvRun("status", "--json", "--catalog", rvCatalogPath, "-f", rvFixture("status-invalid.json"))
	got = nil
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitStatusUnreadable || got["state"] != "unreadable" || got["exit_code"] != float64(6) || errOut == "" {
		t.Fatalf("exit %d err %v\n%s", code, err, out)
	}
	if msg, _ := got["error"].(string); !strings.Contains(msg, ":3:3:") || strings.HasPrefix(msg, "tom:") {
		t.Errorf("error %q", msg)
	}
}

func TestStatusNeverWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	data, err := os.ReadFile(rvFixture("status-13m.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	g, _, _ := rvGlobals(map[string]string{"TOM_TODAY": rvToday, "TOM_FILE": path})
	if code := Run(g, []string{"status", "--catalog", rvCatalogPath}); code != ExitStatusOverdue {
		t.Fatal(code)
	}
	after, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(after) != string(data) || len(entries) != 1 {
		t.Fatalf("status touched the folder: %d entries", len(entries))
	}
	// TOM_TODAY moves "today": a day after the due date, overdue by 397 days.
	g, out, _ := rvGlobals(map[string]string{"TOM_TODAY": "16.08.2027", "TOM_FILE": path})
	if code := Run(g, []string{"status", "--catalog", rvCatalogPath, "--lang", "en"}); code != ExitStatusOverdue || !strings.Contains(out.String(), "15 July 2026 (397 days overdue)") {
		t.Fatalf("%d\n%s", code, out)
	}
}

// A line break in the organisation's name cannot put a line of its own
// into tom status (the review date forged), and no control character gets
// through, even when the file got past validation.
func TestStatusNoForgedLine(t *testing.T) {
	var out bytes.Buffer
	g := &Globals{Out: &out}
	r := model.StatusReport{Organisation: "Muster GmbH\nNächste Prüfung: 01.01.2099\x1b[2J", Version: "1.1\n\u202e", Stand: "2026-01-01", State: model.ReviewCurrent}
	if err := writeReport(g, statusDocument(r, model.De, nil), "text"); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Nächste Prüfung: 01.01.2099") {
			t.Errorf("forged line %q in\n%s", l, out.String())
		}
	}
	if !strings.Contains(out.String(), `Muster GmbH\nNächste Prüfung: 01.01.2099`) {
		t.Errorf("the name is not shown on one line:\n%s", out.String())
	}
	for _, r := range out.String() {
		if r != '\n' && (r < 0x20 || r == 0x202e) {
			t.Fatalf("raw %U in\n%s", r, out.String())
		}
	}
}

// runStatus reads the date from the injected clock: the same file is due
// soon on one day and overdue a month later.
func TestRunStatusUsesInjectedClock(t *testing.T) {
	for _, tc := range []struct {
		day  time.Time
		code int
		want string
	}{
		{time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC), ExitStatusDueSoon, "(in 14 Tagen)"},
		{time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC), ExitStatusOverdue, "(seit 16 Tagen überfällig)"},
	} {
		g, out, _ := testGlobals(tc.day)
		g.File, g.CatalogPath = rvFixture("status-11m-nothing-due.json"), rvCatalogPath
		err := runStatus(&statusOptions{Globals: g})
		if exitCode(err) != tc.code || !strings.Contains(out.String(), tc.want) {
			t.Errorf("%s: exit %d (%v), want %d and %q:\n%s", tc.day.Format("2006-01-02"), exitCode(err), err, tc.code, tc.want, out)
		}
	}
}

// tom status counts the findings of the plausibility rules, lists them, and
// gives them in --json with rule, severity, section and end-of-support date.
func TestStatusFindings(t *testing.T) {
	env := map[string]string{"TOM_TODAY": "2026-12-06", "TERM": "dumb"}
	sample := filepath.Join("..", "testdata", "sample", "tom.json")
	g, out, _ := rvGlobals(env)
	Run(g, []string{"status", "-f", sample})
	flat := strings.Join(strings.Fields(out.String()), " ")
	for _, w := range []string{"Befunde: 5 Widersprüche, 10 Hinweise", "Widersprüche und Hinweise: - Widerspruch: „Verschlüsselte Datenträger auf dem Server“"} {
		if !strings.Contains(flat, w) {
			t.Errorf("lacks %q:\n%s", w, out)
		}
	}
	g, out, _ = rvGlobals(env)
	Run(g, []string{"status", "--json", "-f", sample})
	var got struct {
		Findings []struct {
			Rule, Severity, Text string
			Section, Date        *string
		} `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, fd := range got.Findings {
		if fd.Rule == "supported_os_unsupported" {
			found = true
			if fd.Severity != "contradiction" || fd.Section == nil || *fd.Section != "access_system" || fd.Date == nil || *fd.Date != "2025-10-14" {
				t.Errorf("%+v", fd)
			}
		}
	}
	if !found || len(got.Findings) != 15 {
		t.Errorf("%d findings, supported_os_unsupported among them: %v", len(got.Findings), found)
	}
}

// A current file with findings exits 7, and in a list of files it ranks
// below a due review.
func TestStatusRank(t *testing.T) {
	if statusRank(ExitStatusFindings) >= statusRank(ExitStatusDueSoon) || statusRank(ExitStatusFindings) <= statusRank(ExitOK) {
		t.Error("findings must rank between current and due soon")
	}
	if statusExitCode(model.ReviewFindings) != ExitStatusFindings {
		t.Error("exit code")
	}
}

// TestStatusSeveralFilesKeepsNames: the overview of three files named
// kunde-01.json … at 80 columns shows each file name and date whole.
func TestStatusSeveralFilesKeepsNames(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "tom.json")) // before Chdir
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, n := range []string{"kunde-01.json", "kunde-02.json", "kunde-03.json"} {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, sample, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, n)
	}
	t.Chdir(dir)
	_, out, errOut := rvRun(append([]string{"status"}, files...)...)
	for _, n := range []string{"kunde-01.json", "kunde-02.json", "kunde-03.json", "28.11.2027"} {
		if !strings.Contains(out, n) {
			t.Errorf("%q broken or missing in\n%s%s", n, out, errOut)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("line of %d runes: %q", n, l)
		}
	}
}

// tom status prints the target-vs-actual overview of the document: the
// level, the counts per heading and the chart with its numbers.
func TestStatusTargetActual(t *testing.T) {
	env := map[string]string{"TOM_TODAY": "2026-12-06", "TERM": "dumb"}
	sample := filepath.Join("..", "testdata", "sample", "tom.json")
	g, out, _ := rvGlobals(env)
	Run(g, []string{"status", "-f", sample})
	flat := strings.Join(strings.Fields(out.String()), " ")
	for _, w := range []string{"Soll und Ist:", "Schutzniveau: hoch.", "Vertraulichkeit: ██", "von 59 umgesetzt", "█ umgesetzt, ▓ geplant, ░ offen"} {
		if !strings.Contains(flat, w) {
			t.Errorf("lacks %q:\n%s", w, out)
		}
	}
	g, out, _ = rvGlobals(env)
	Run(g, []string{"status", "--lang", "en", "-f", sample})
	if !strings.Contains(out.String(), "Target and actual:") || !strings.Contains(out.String(), "Protection level: high.") {
		t.Errorf("English overview:\n%s", out)
	}
}
