package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	json "github.com/goccy/go-json"
)

// statusClients copies the status fixtures to short names in a temporary
// folder and makes it the working directory: k1 current, k2 overdue, k3 due
// soon, k4 incomplete, k5 items due (review not), bad invalid JSON; the
// catalogue as cat.json.
func statusClients(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range map[string]string{"cat": "catalog-1.1.json", "k1": "status-11m-nothing-due.json", "k2": "status-13m.json", "k3": "status-11.5m-nothing-due.json", "k4": "status-incomplete.json", "k5": "status-11m.json", "bad": "status-invalid.json"} {
		data, err := os.ReadFile(rvFixture(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".json"), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return "cat.json"
}

// Several files: one row per file, the most urgent first, the exit code of
// the worst state; an unreadable file is reported and the others shown.
func TestStatusManyTable(t *testing.T) {
	cat := statusClients(t)
	code, out, errOut := rvRun("status", "--catalog", cat, "k1.json", "k2.json", "k3.json", "k4.json")
	if code != ExitStatusIncomplete {
		t.Errorf("exit %d, want %d (incomplete is the worst)\n%s%s", code, ExitStatusIncomplete, out, errOut)
	}
	if errOut != "" {
		t.Errorf("stderr %q", errOut)
	}
	header := strings.SplitN(out, "\n", 2)[0]
	for _, col := range []string{"Organisation", "Datei", "Zustand", "Tage", "Offen"} {
		if !strings.Contains(header, col) {
			t.Errorf("header %q lacks %q", header, col)
		}
	}
	last := -1
	for _, name := range []string{"k4.json", "k2.json", "k3.json", "k1.json"} {
		i := strings.Index(out, name)
		if i <= last {
			t.Errorf("%s not in urgency order (incomplete, overdue, due soon, current):\n%s", name, out)
		}
		last = i
	}
	if strings.Count(out, "Muster") != 3 || !strings.Contains(out, "Halbfertig KG") || strings.Contains(out, "tom review") || strings.Contains(out, "tom interview") {
		t.Errorf("want every organisation and no hints:\n%s", out)
	}
	if !strings.Contains(out, " -31 ") || !strings.Contains(out, " 31 ") {
		t.Errorf("days until the review (31 overdue, 31 left) missing:\n%s", out)
	}

	// Without the incomplete one, the overdue file decides the exit code.
	if code, out, _ := rvRun("status", "--catalog", cat, "k1.json", "k2.json", "k3.json"); code != ExitStatusOverdue {
		t.Errorf("exit %d, want %d\n%s", code, ExitStatusOverdue, out)
	}
	if code, out, _ := rvRun("status", "--catalog", cat, "k1.json", "k3.json"); code != ExitStatusDueSoon {
		t.Errorf("exit %d, want %d\n%s", code, ExitStatusDueSoon, out)
	}
	// Items due rank below an overdue review and above a review due soon.
	code, out, _ = rvRun("status", "--catalog", cat, "k1.json", "k3.json", "k5.json")
	if code != ExitStatusItemsDue || !(strings.Index(out, "k5.json") < strings.Index(out, "k3.json") && strings.Index(out, "k3.json") < strings.Index(out, "k1.json")) {
		t.Errorf("exit %d, want %d, order k5 k3 k1\n%s", code, ExitStatusItemsDue, out)
	}
	if code, out, _ := rvRun("status", "--catalog", cat, "k2.json", "k5.json"); code != ExitStatusOverdue {
		t.Errorf("exit %d, want %d\n%s", code, ExitStatusOverdue, out)
	}
	// Only current files: 0, and one file as an argument is a table too.
	if code, out, _ := rvRun("status", "--catalog", cat, "k1.json"); code != ExitOK || !strings.Contains(out, "Datei") {
		t.Errorf("exit %d, want 0 and a table\n%s", code, out)
	}
}

func TestStatusManyUnreadable(t *testing.T) {
	cat := statusClients(t)
	code, out, errOut := rvRun("status", "--catalog", cat, "k1.json", "bad.json", "fehlt.json")
	if code != ExitStatusUnreadable {
		t.Errorf("exit %d, want %d", code, ExitStatusUnreadable)
	}
	for _, want := range []string{"bad.json:3:3: kein gültiges JSON", "fehlt.json: Datei nicht gefunden", "2 von 3 Antwortdateien konnten nicht gelesen werden"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	out = strings.Join(strings.Fields(out), " ") // the table wraps long names
	if !strings.Contains(out, "Muster Webdesign") || strings.Count(out, "unlesbar") != 2 {
		t.Errorf("the readable file is not shown, or the unreadable ones not listed:\n%s", out)
	}
	// The unreadable ones come first.
	if strings.Index(out, "unlesbar") > strings.Index(out, "Muster Webdesign") {
		t.Errorf("unreadable files not first:\n%s", out)
	}
}

func TestStatusManyJSON(t *testing.T) {
	cat := statusClients(t)
	code, out, _ := rvRun("status", "--json", "--catalog", cat, "k1.json", "k2.json", "bad.json", "k3.json", "k4.json")
	if code != ExitStatusUnreadable {
		t.Errorf("exit %d", code)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got) != 5 {
		t.Fatalf("%d objects", len(got))
	}
	wantState := []string{"unreadable", "incomplete", "overdue", "due_soon", "current"}
	for i, o := range got {
		if o["state"] != wantState[i] {
			t.Errorf("object %d: state %v, want %s", i, o["state"], wantState[i])
		}
	}
	// Each object is the one tom status --json prints for that file alone.
	_, single, _ := rvRun("status", "--json", "--catalog", cat, "-f", "k2.json")
	var one map[string]any
	if err := json.Unmarshal([]byte(single), &one); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(one)
	b, _ := json.Marshal(got[2])
	if string(a) != string(b) {
		t.Errorf("array object differs from the single-file object:\n%s\n%s", b, a)
	}
}

// The state line of one file names the command with the options given.
func TestStatusHintRepeatsFlags(t *testing.T) {
	cat := statusClients(t)
	_, out, _ := rvRun("status", "--catalog", cat, "-f", "k2.json")
	want := "mit „tom review -f k2.json --catalog cat.json“ durchgehen"
	if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		t.Errorf("no %q in\n%s", want, out)
	}
}
