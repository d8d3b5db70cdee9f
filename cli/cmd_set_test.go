package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// newSetFile creates an empty answers file under the shipped catalogue.
func newSetFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tom.json")
	if code, _, errs := cliRun(nil, "init", "-f", path, "--org", "Bäckerei Korn"); code != 0 {
		t.Fatal(errs)
	}
	return path
}

func loadSetFile(t *testing.T, path string) *model.File {
	t.Helper()
	c, err := questionnaires.Standard()
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSetEveryKind sets one value of every question and field kind, a
// new record and measures, and reads each back with tom get.
func TestSetEveryKind(t *testing.T) {
	path := newSetFile(t)
	args := []string{"set", "-f", path,
		"org.dpo=ja",                                            // yesno
		"org.dpo_name=Eva Berg",                                 // text, asked once org.dpo holds
		"org.address=Hauptstr. 1\n12345 Ort",                    // textarea
		"org.email=info@korn.de",                                // email
		"org.web=www.korn.de",                                   // url
		"org.phone=+49 30 123456",                               // phone
		"infra.staff=up_to_9",                                   // choice
		"email.transport=starttls, dane",                        // multichoice
		"email.protocols=-",                                     // multichoice: none
		"people=-",                                              // records: none
		"providers/+h.name=Hetzner Online GmbH",                 // new record
		"providers/+h.avv_signed=20.05.2018",                    // date field
		"providers/+h.processor=ja",                             // yes/no field
		"providers/+b.name=Bank", "providers/+b.processor=nein", // a second new record
		"measure.transfer.tls=planned@31.03.2027",   // status with date
		"measure.input.logging=declined",            // status …
		"measure.input.logging.reason=zu teuer",     // … reason
		"measure.input.logging.accepted_by=Inhaber", // … who accepted the risk
		"measure.access_system.personal_accounts=umgesetzt",
		"measure.access_system.personal_accounts.note=seit 2020",
	}
	code, out, errs := cliRun(nil, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	wantAll(t, out, "neuer Eintrag providers/+h → providers/r1", "neuer Eintrag providers/+b → providers/r2", "(21 Angaben)")
	for id, want := range map[string]string{
		"org.dpo":                      "true",
		"org.dpo_name":                 "Eva Berg",
		"org.address":                  "Hauptstr. 1\n12345 Ort",
		"org.email":                    "info@korn.de",
		"org.web":                      "www.korn.de",
		"org.phone":                    "+49 30 123456",
		"infra.staff":                  "up_to_9",
		"email.transport":              "starttls,dane",
		"email.protocols":              "-",
		"people":                       "[]",
		"providers/r1.avv_signed":      "2018-05-20",
		"providers/r2.processor":       "false",
		"providers/r2.name":            "Bank",
		"measure.transfer.tls":         "planned@2027-03-31",
		"measure.input.logging":        "declined",
		"measure.input.logging.reason": "zu teuer",
		"measure.access_system.personal_accounts.note": "seit 2020",
	} {
		code, out, errs := cliRun(nil, "get", "-f", path, id)
		if code != 0 || out != want+"\n" {
			t.Errorf("get %s: exit %d, %q (%s), want %q", id, code, out, errs, want)
		}
	}
	for id, want := range map[string]string{
		"org.dpo":                 "Ja",
		"infra.staff":             "Bis zu 9 Personen",
		"providers/r1.avv_signed": "20.05.2018",
		"measure.transfer.tls":    "geplant (bis 31.03.2027)",
		"email.protocols":         "keine",
	} {
		code, out, _ := cliRun(nil, "get", "-f", path, "--words", id)
		if code != 0 || !strings.HasPrefix(out, want) {
			t.Errorf("get --words %s: exit %d, %q, want %q", id, code, out, want)
		}
	}
	if code, _, errs := cliRun(nil, "get", "-f", path, "org.sign_place"); code != 1 || !strings.Contains(errs, "keine Antwort") {
		t.Errorf("unset answer: exit %d, %q", code, errs)
	}
	if code, _, errs := cliRun(nil, "get", "-f", path, "org.nope"); code != 1 || !strings.Contains(errs, "unbekannte ID") {
		t.Errorf("unknown ID: exit %d, %q", code, errs)
	}
	// An empty value removes the answer; an existing record is addressed by its ID.
	if code, _, errs := cliRun(nil, "set", "-f", path, "org.web=", "providers/r1.processor=", "providers/r2.name=Postbank"); code != 0 {
		t.Fatal(errs)
	}
	f := loadSetFile(t, path)
	if f.Get("org.web").IsSet() || f.Get("providers").Records()[0]["processor"].IsSet() || f.Get("providers").Records()[1]["name"].Str() != "Postbank" {
		t.Errorf("after removal: %v", f.Answers)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

// TestSetRefusesAndKeepsFile: every error names the argument and its
// reason, exits 1, and leaves the file byte for byte as it was, even
// when the other values of the call are good.
func TestSetRefusesAndKeepsFile(t *testing.T) {
	path := newSetFile(t)
	if code, _, errs := cliRun(nil, "set", "-f", path, "providers/+a.name=A", "infra.server=ja"); code != 0 {
		t.Fatal(errs)
	}
	before := readFile(t, path)
	for _, tc := range []struct {
		arg, want string
	}{
		{"kein-gleich", "erwartet ID=WERT"},
		{"=x", "erwartet ID=WERT"},
		{"org.nope=1", `unbekannte Frage oder Maßnahme "org.nope"`},
		{"org.email=kein-at", "keine gültige E-Mail-Adresse"},
		{"org.web=nicht eine url", "keine gültige"},
		{"org.phone=12", "Telefon"},
		{"org.dpo=vielleicht", "ja oder nein erwartet"},
		{"infra.staff=viele", `unbekannte Option "viele"`},
		{"email.transport=starttls,smoke", `unbekannte Option "smoke"`},
		{"org.dpo_name=Eva", "wird nach den übrigen Antworten nicht gefragt"}, // org.dpo unset
		{"org.name=a\x1b[31m", "Steuerzeichen"},
		{"providers=-", "hat Einträge"},
		{"providers=x", "ist eine Liste"},
		{"org.name/r1.name=x", "keine Liste von Einträgen"},
		{"providers/r99.name=x", `hat keinen Eintrag "r99"`},
		{"providers/r1.nope=x", `hat kein Feld "nope"`},
		{"providers/r1=x", "erwartet ID=WERT"},
		{"providers/+.name=x", "nach + nur Buchstaben"},
		{"providers/r1.avv_signed=31.02.2020", "kein gültiges Datum"},
		{"providers/r1.category=ufo", `unbekannte Option "ufo"`},
		{"providers/r1.safeguard=dpf", "nicht gefragt"}, // only with third_country
		{"measure.nope.x=planned", "unbekannte Frage oder Maßnahme"},
		{"measure.transfer.tls=fertig", `unbekannter Status "fertig"`},
		{"measure.transfer.tls=planned", "braucht ein Datum"},
		{"measure.transfer.tls=planned@morgen", "kein gültiges Datum"},
		{"measure.transfer.tls=not_applicable", "braucht eine Begründung"},
		{"measure.transfer.tls.reason=x", "hat keinen Status"},
		{"measure.transfer.tls.colour=x", `unbekannte Angabe "colour"`},
		{"measure.access_physical.alarm=implemented", "nicht gefragt"}, // no premises
	} {
		code, out, errs := cliRun(nil, "set", "-f", path, "org.sign_place=Berlin", tc.arg)
		if code != 1 || out != "" {
			t.Errorf("%q: exit %d, out %q", tc.arg, code, out)
		}
		if !strings.Contains(errs, "nichts gespeichert: Argument 2: ") || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: message %q lacks position or %q", tc.arg, errs, tc.want)
		}
		if !bytes.Equal(before, readFile(t, path)) {
			t.Fatalf("%q: file changed", tc.arg)
		}
	}
	// In English on request.
	_, _, errs := cliRun(nil, "--lang", "en", "set", "-f", path, "org.email=x")
	if !strings.Contains(errs, "nothing saved: argument 1: org.email=x: not a valid e-mail address") {
		t.Errorf("English: %q", errs)
	}
	if code, _, errs := cliRun(nil, "set", "-f", path); code != 2 || !strings.Contains(errs, "nichts zu setzen") {
		t.Errorf("no arguments: exit %d, %q", code, errs)
	}
	missing := filepath.Join(t.TempDir(), "fehlt.json")
	if code, _, _ := cliRun(nil, "set", "-f", missing, "org.name=x"); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("tom set created a missing file")
	}
}

// TestSetFrom reads a flat JSON object and refuses a bad one by its key.
func TestSetFrom(t *testing.T) {
	path := newSetFile(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "answers.json")
	os.WriteFile(good, []byte(`{"org.dpo": true, "org.dpo_name": "Eva", "email.transport": ["starttls", "dane"], "email.protocols": [], "measure.transfer.tls": "implemented"}`), 0o600)
	if code, _, errs := cliRun(nil, "set", "-f", path, "--from", good, "infra.staff=owner_only"); code != 0 {
		t.Fatal(errs)
	}
	f := loadSetFile(t, path)
	if b, _ := f.Get("org.dpo").Bool(); !b || f.Get("org.dpo_name").Str() != "Eva" || len(f.Get("email.transport").List()) != 2 ||
		!f.Get("email.protocols").IsSet() || f.Measures["transfer.tls"].Status != model.StatusImplemented || f.Get("infra.staff").Str() != "owner_only" {
		t.Errorf("answers %v measures %v", f.Answers, f.Measures)
	}
	before := readFile(t, path)
	for name, tc := range map[string]struct{ data, want string }{
		"bad value":  {`{"org.name": "Neu", "org.email": "x"}`, "bad.json, org.email: keine gültige E-Mail-Adresse"},
		"number":     {`{"org.name": 5}`, "org.name: Wert muss Text"},
		"not object": {`["org.name"]`, "erwartet ein JSON-Objekt"},
		"broken":     {`{"org.name": `, "erwartet ein JSON-Objekt"},
	} {
		bad := filepath.Join(dir, "bad.json")
		os.WriteFile(bad, []byte(tc.data), 0o600)
		code, _, errs := cliRun(nil, "set", "-f", path, "--from", bad)
		if code != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, %q lacks %q", name, code, errs, tc.want)
		}
		if !bytes.Equal(before, readFile(t, path)) {
			t.Fatalf("%s: file changed", name)
		}
	}
}

// TestSetRecordsHistory: a completed file gets one history entry holding
// the changes, as the interview writes it (model.Session).
func TestSetRecordsHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	os.WriteFile(path, []byte(e2eFixture(t, "sample/tom.json")), 0o600)
	n := len(loadSetFile(t, path).History)
	code, _, errs := cliRun(map[string]string{"TOM_TODAY": "2026-12-01"}, "set", "-f", path, "providers/hetzner.phone=+49 30 999999", "providers/+n.name=Neu GmbH")
	if code != 0 {
		t.Fatal(errs)
	}
	f := loadSetFile(t, path)
	if len(f.History) != n+1 {
		t.Fatalf("history %d entries, want %d", len(f.History), n+1)
	}
	e := f.History[n]
	if e.Date != "2026-12-01" || e.Summary != "Antworten per Skript geändert (tom set)" || len(e.Changes) == 0 {
		t.Errorf("entry %+v", e)
	}
	var paths []string
	for _, c := range e.Changes {
		paths = append(paths, c.Path)
	}
	wantAll(t, strings.Join(paths, " "), "answers/providers/hetzner/phone", "answers/providers/r1")
}
