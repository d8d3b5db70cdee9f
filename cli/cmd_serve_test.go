package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/serve"
)

// testPubKey is an ed25519 public key line as in id_ed25519.pub.
const testPubKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrr1cQkLbAad+XFgkrm4pY93hKT2Cf/zqELFPgbTaO8 kunde-01@laptop\n"

func TestServeKeysAddListRemove(t *testing.T) {
	dir := t.TempDir()
	access := filepath.Join(dir, "access")
	pub := filepath.Join(dir, "k.pub")
	os.WriteFile(pub, []byte(testPubKey), 0o644)

	code, out, errs := cliRun(nil, "serve", "keys", "add", pub, "--access", access, "-f", filepath.Join(dir, "clients", "kunde-01.json"), "--allow", "interview,status")
	if code != 0 {
		t.Fatalf("add: %d %s", code, errs)
	}
	wantAll(t, out, "eingetragen: kunde-01@laptop (SHA256:y9WtJcd14eKW9UM2j4mohsbVDFJxAULL/4wMGEvCus8)", "erlaubt: interview, status")
	data := string(readFile(t, access))
	if !strings.HasPrefix(data, `tom-file="clients/kunde-01.json",tom-allow="interview,status" ssh-ed25519 `) {
		t.Errorf("access file:\n%s", data)
	}
	if st, _ := os.Stat(access); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode())
	}

	// The same key for another file: refused, file untouched.
	code, _, errs = cliRun(nil, "serve", "keys", "add", pub, "--access", access, "-f", "other.json", "--lang", "en")
	if code != 1 || !strings.Contains(errs, "this key is already in "+access+", line 1 (for clients/kunde-01.json)") {
		t.Errorf("second add: %d %q", code, errs)
	}
	if string(readFile(t, access)) != data {
		t.Error("a refused add changed the access file")
	}
	// A key on standard input with a comment of its own.
	var g = func(in string, args ...string) (int, string, string) {
		t.Helper()
		return cliRunIn(in, args...)
	}
	other := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILuNNz924fJnTWZJn9pIXvAdolhVxQvvWyBMac2Fq6lB\n"
	if code, _, errs := g(other, "serve", "keys", "add", "-", "--access", access, "-f", "b.json", "--comment", "Kunde B"); code != 0 {
		t.Fatalf("add from stdin: %d %s", code, errs)
	}
	code, out, _ = cliRun(nil, "serve", "keys", "list", "--access", access, "--lang", "en")
	wantAll(t, out, "COMMENT", "FINGERPRINT", "kunde-01@laptop", "clients/kunde-01.json", "interview,status", "Kunde B", "b.json")
	if code != 0 {
		t.Errorf("list: %d", code)
	}
	if code, out, errs := cliRun(nil, "serve", "keys", "remove", "kunde-01@laptop", "--access", access); code != 0 || !strings.Contains(out, "ausgetragen: kunde-01@laptop") {
		t.Errorf("remove: %d %q %q", code, out, errs)
	}
	if code, _, errs := cliRun(nil, "serve", "keys", "remove", "kunde-01@laptop", "--access", access); code != 1 || !strings.Contains(errs, "kein Schlüssel mit dem Kommentar oder Fingerabdruck") {
		t.Errorf("remove again: %d %q", code, errs)
	}
	if strings.Contains(string(readFile(t, access)), "kunde-01") {
		t.Error("removed key still in the file")
	}
	// Not a key.
	os.WriteFile(pub, []byte("hello\n"), 0o644)
	if code, _, errs := cliRun(nil, "serve", "keys", "add", pub, "--access", access, "-f", "x.json"); code != 1 || !strings.Contains(errs, "kein öffentlicher Schlüssel in") {
		t.Errorf("junk key: %d %q", code, errs)
	}
}

func TestServeKeysBadAccessFile(t *testing.T) {
	access := filepath.Join(t.TempDir(), "access")
	os.WriteFile(access, []byte("# ok\n"+`tom-file="a.json",tom-allow="shell" `+testPubKey+"garbage line\n"), 0o600)
	code, _, errs := cliRun(nil, "serve", "keys", "list", "--access", access)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	wantAll(t, errs, access+", Zeile 2: unbekannter Befehl \"shell\"", access+", Zeile 3: kein öffentlicher Schlüssel")
	_, _, errs = cliRun(nil, "serve", "--access", access, "--lang", "en", "--host-key", filepath.Join(filepath.Dir(access), "hk"))
	wantAll(t, errs, access+", line 2: unknown command \"shell\"", access+", line 3: not a public key")
	code, _, errs = cliRun(nil, "serve", "keys", "list", "--access", access+".missing", "--lang", "en")
	if code != 1 || !strings.Contains(errs, "does not exist; add keys with tom serve keys add") {
		t.Errorf("missing: %d %q", code, errs)
	}
}

// cliRunIn is cliRun with input on standard input.
func cliRunIn(in string, args ...string) (int, string, string) {
	var out, errb strings.Builder
	g := &Globals{
		In: strings.NewReader(in), Out: &out, Err: &errb,
		Getenv:          func(string) string { return "" },
		Now:             time.Now,
		StdinIsTerminal: func() bool { return false },
	}
	code := Run(g, args)
	return code, out.String(), errb.String()
}

// TestServeFileLang: messages before a session's command runs (the file is
// open elsewhere, too many sessions) are in the answers file's language
// unless --lang says otherwise.
func TestServeFileLang(t *testing.T) {
	dir := t.TempDir()
	en := filepath.Join(dir, "en.json")
	os.WriteFile(en, []byte(`{"schema": 1, "language": "en"}`), 0o600)
	g, _, _ := testGlobals(time.Now())
	o := &ServeOptions{Globals: g}
	if l := o.fileLang(en); l != "en" {
		t.Errorf("English file: %q", l)
	}
	if l := o.fileLang(filepath.Join(dir, "missing.json")); l != "de" {
		t.Errorf("missing file: %q, want the default", l)
	}
	g.LangFlag = "de"
	if l := o.fileLang(en); l != "de" {
		t.Errorf("--lang de: %q", l)
	}
}

// TestServeSessionLockedLocally: a file open in a tom on the consultant's
// machine tells the client to come back later, and the log says locked.
func TestServeSessionLockedLocally(t *testing.T) {
	file := filepath.Join(t.TempDir(), "kunde.json")
	lock, err := model.AcquireLock(file)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	g, _, _ := testGlobals(time.Now())
	o := &ServeOptions{Globals: g}
	var out, errs strings.Builder
	s := &serve.Session{Command: serve.CmdInterview, File: file, Comment: "kunde", In: strings.NewReader(""), Out: &out, Err: &errs, Stop: make(chan struct{})}
	if code := o.runSession(s); code != 1 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(errs.String(), "Ihre Antworten werden gerade von Ihrer Beratung bearbeitet (seit ") || s.Result != "locked" {
		t.Errorf("message %q, result %q", errs.String(), s.Result)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("the refused session wrote the answers file")
	}
}
