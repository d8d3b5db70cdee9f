package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestSetGetParams: tom set stores a measure's parameters as the interview
// checks them, tom get reads them stored and in words; a value that does
// not fit, or a parameter of a measure not implemented, is refused with
// the reason and the file left as it was.
func TestSetGetParams(t *testing.T) {
	path := newSetFile(t)
	code, _, errs := cliRun(nil, "set", "-f", path,
		"measure.access_system.screen_lock=umgesetzt",
		"measure.access_system.screen_lock.minutes=10",
		"measure.availability.backup_restore_test=implemented",
		"measure.availability.backup_restore_test.last_done=15.09.2026",
		"measure.availability.backup_restore_test.interval=3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, tc := range []struct{ id, raw, words string }{
		{"measure.access_system.screen_lock.minutes", "10", "10 Minuten"},
		{"measure.availability.backup_restore_test.last_done", "2026-09-15", "15.09.2026"},
		{"measure.availability.backup_restore_test.interval", "3", "3 Monate"},
	} {
		if code, out, errs := cliRun(nil, "get", "-f", path, tc.id); code != 0 || out != tc.raw+"\n" {
			t.Errorf("get %s: exit %d, %q (%s), want %q", tc.id, code, out, errs, tc.raw)
		}
		if code, out, _ := cliRun(nil, "get", "-f", path, "--words", tc.id); code != 0 || out != tc.words+"\n" {
			t.Errorf("get --words %s: exit %d, %q, want %q", tc.id, code, out, tc.words)
		}
	}
	before := readFile(t, path)
	for _, tc := range []struct{ arg, msg string }{
		{"measure.access_system.screen_lock.minutes=0", "0 liegt außerhalb des Bereichs 1–120"},
		{"measure.access_system.screen_lock.minutes=zehn", "keine ganze Zahl"},
		{"measure.access_system.screen_lock.seconds=5", `unbekannte Angabe "seconds" zu einer Maßnahme (möglich: status, due, reason, accepted_by, note, minutes)`},
		{"measure.access_system.login_lockout.attempts=5", "Maßnahme access_system.login_lockout ist nicht umgesetzt"},
	} {
		code, _, errs := cliRun(nil, "set", "-f", path, tc.arg)
		if code != ExitFailure || !strings.Contains(errs, tc.msg) {
			t.Errorf("%s: exit %d, %q, want %q", tc.arg, code, errs, tc.msg)
		}
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("a refused tom set changed the file")
	}
	// Another status drops the parameters.
	if code, _, errs := cliRun(nil, "set", "-f", path, "measure.access_system.screen_lock=planned@31.03.2027"); code != 0 {
		t.Fatal(errs)
	}
	if code, out, _ := cliRun(nil, "get", "-f", path, "measure.access_system.screen_lock.minutes"); code != 1 {
		t.Errorf("the parameter outlived its status: exit %d %q", code, out)
	}
}

// TestValidateParamsPosition: a stored value out of range is an error of
// tom validate at its line and column, in German and English.
func TestValidateParamsPosition(t *testing.T) {
	path := newSetFile(t)
	if code, _, errs := cliRun(nil, "set", "-f", path, "measure.access_system.screen_lock=implemented",
		"measure.access_system.screen_lock.minutes=10"); code != 0 {
		t.Fatal(errs)
	}
	data := readFile(t, path)
	bad := bytes.Replace(data, []byte(`"minutes": "10"`), []byte(`"minutes": "600"`), 1)
	if bytes.Equal(bad, data) {
		t.Fatalf("no minutes in\n%s", data)
	}
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(bad, []byte(`"600"`))
	line := 1 + bytes.Count(bad[:i], []byte("\n"))
	at := ":" + strconv.Itoa(line) + ":"
	code, out, errs := cliRun(nil, "validate", "-f", path)
	if code == 0 || !strings.Contains(out+errs, at) || !strings.Contains(out+errs, "/measures/access_system.screen_lock/params/minutes: 600 liegt außerhalb des Bereichs 1–120") {
		t.Errorf("German: exit %d\n%s%s", code, out, errs)
	}
	_, out, errs = cliRun(map[string]string{"TOM_LANG": "en"}, "validate", "-f", path)
	if !strings.Contains(out+errs, "600 is outside the range 1–120") {
		t.Errorf("English:\n%s%s", out, errs)
	}
}

// TestStatusDueTest: an implemented test never done is a due item of tom
// status (kind "test"), worded as never done.
func TestStatusDueTest(t *testing.T) {
	path := newSetFile(t)
	if code, _, errs := cliRun(nil, "set", "-f", path, "measure.access_data.rights_review=implemented"); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ := cliRun(nil, "status", "--json", "-f", path)
	var st struct {
		DueItems []struct {
			Kind, ID, Text string
		} `json:"due_items"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	found := false
	for _, d := range st.DueItems {
		if d.Kind == "test" && d.ID == "access_data.rights_review" && strings.Contains(d.Text, "noch nie durchgeführt") {
			found = true
		}
	}
	if !found {
		t.Errorf("no due test in\n%s", out)
	}
	if code, _, errs := cliRun(nil, "set", "-f", path, "measure.access_data.rights_review.last_done=01.11.2026"); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ = cliRun(nil, "status", "--json", "-f", path)
	if strings.Contains(out, `"kind": "test"`) {
		t.Errorf("a test done last month is due:\n%s", out)
	}
}
