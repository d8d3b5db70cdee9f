package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tom-dsgvo/tom/model"
)

// newKey returns a fresh ed25519 public key.
func newKey(t *testing.T) gossh.PublicKey {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// authorized returns key in authorized_keys form without a comment.
func authorized(k gossh.PublicKey) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k)))
}

func TestParseAccess(t *testing.T) {
	k1, k2 := newKey(t), newKey(t)
	data := "# clients\n\n" +
		`tom-file="kunden/a.json",tom-allow="interview, review" ` + authorized(k1) + " kunde a@laptop\n" +
		`tom-file="/srv/b.json" ` + authorized(k2) + " b\r\n"
	a, err := ParseAccess("/etc/tom/access", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(a.Entries))
	}
	e := a.Find(k1)
	if e == nil || e.Comment != "kunde a@laptop" || e.File != "kunden/a.json" || e.Line != 3 {
		t.Fatalf("entry 1 = %+v", e)
	}
	if !e.Allows(CmdInterview) || !e.Allows(CmdReview) || e.Allows(CmdStatus) {
		t.Errorf("allow = %v", e.Allow)
	}
	if got := a.AnswersPath(e); got != "/etc/tom/kunden/a.json" {
		t.Errorf("answers path %q", got)
	}
	e2 := a.Find(k2)
	if e2 == nil || a.AnswersPath(e2) != "/srv/b.json" || strings.Join(e2.Allow, ",") != CmdInterview {
		t.Errorf("entry 2 = %+v (allow defaults to the interview)", e2)
	}
	if a.Find(newKey(t)) != nil {
		t.Error("an unknown key was found")
	}
	if !strings.HasPrefix(e.Fingerprint(), "SHA256:") {
		t.Errorf("fingerprint %q", e.Fingerprint())
	}
}

func TestParseAccessProblems(t *testing.T) {
	k1, k2, k3 := newKey(t), newKey(t), newKey(t)
	lines := []string{
		"# ok below",
		`tom-file="a.json" ` + authorized(k1) + " a",
		"ssh-ed25519 not-base64 x",                                     // 3 bad key
		authorized(k2) + " b",                                          // 4 no file
		`tom-file="c.json" ` + authorized(k3),                          // 5 no comment
		`tom-file="d.json",command="ls" ` + authorized(k2) + " d",      // 6 unknown option
		`tom-file="e.json",tom-allow="shell" ` + authorized(k2) + " e", // 7 unknown command
		`tom-file="f.json" ` + authorized(k1) + " again",               // 8 duplicate of line 2
		`tom-file="g.json",tom-file="h.json" ` + authorized(k2) + " g", // 9 twice
		`tom-file="g.json" ` + authorized(k2) + " g\x1b[31m",           // 10 control character
	}
	_, err := ParseAccess("access", []byte(strings.Join(lines, "\n")))
	var ae *Error
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v, want *Error", err)
	}
	want := map[int]string{3: "bad_key", 4: "no_file", 5: "no_comment", 6: "unknown_option", 7: "unknown_command", 8: "dup_key", 9: "option_twice", 10: "control_char"}
	if len(ae.Problems) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(ae.Problems), len(want), ae.Format(model.En))
	}
	for _, p := range ae.Problems {
		if want[p.Line] != p.Key {
			t.Errorf("line %d: %s, want %s", p.Line, p.Key, want[p.Line])
		}
	}
	de, en := ae.Format(model.De), ae.Format(model.En)
	for _, s := range []string{"access, Zeile 3: kein öffentlicher Schlüssel", "access, Zeile 8: derselbe Schlüssel steht schon in Zeile 2", `access, Zeile 6: unbekannte Option "command"`} {
		if !strings.Contains(de, s) {
			t.Errorf("German message lacks %q:\n%s", s, de)
		}
	}
	for _, s := range []string{"access, line 4: tom-file=", `access, line 7: unknown command "shell"`} {
		if !strings.Contains(en, s) {
			t.Errorf("English message lacks %q:\n%s", s, en)
		}
	}
	if strings.Contains(de, "\x1b") || strings.Contains(en, "\x1b") {
		t.Error("a control character reached the message")
	}
}

func TestAccessAddListRemove(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "access")
	if _, err := LoadAccess(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
	a, err := LoadOrNewAccess(path)
	if err != nil {
		t.Fatal(err)
	}
	k1, k2 := newKey(t), newKey(t)
	if err := a.Add(&Entry{Key: k1, Comment: "kunde-01", File: "kunde-01.json", Allow: []string{CmdInterview, CmdStatus}}); err != nil {
		t.Fatal(err)
	}
	if err := a.Add(&Entry{Key: k2, Comment: "kunde-02", File: "kunde 02.json"}); err != nil {
		t.Fatal(err)
	}
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v; want 0600", st.Mode(), err)
	}
	// A comment kept by hand survives add and remove.
	data, _ := os.ReadFile(path)
	os.WriteFile(path, append([]byte("# Kunden von Erika\n"), data...), 0o600)

	b, err := LoadAccess(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 2 || b.Entries[0].Comment != "kunde-01" || b.Entries[1].File != "kunde 02.json" || b.Entries[1].Line != 3 {
		t.Fatalf("reloaded %+v", b.Entries)
	}
	if got := strings.Join(b.Entries[0].Allow, ","); got != "interview,status" {
		t.Errorf("allow %q", got)
	}
	// The same key again is refused, whatever the file.
	err = b.Add(&Entry{Key: k1, Comment: "other", File: "x.json"})
	var ae *Error
	if !errors.As(err, &ae) || ae.Problems[0].Key != "key_exists" || !strings.Contains(ae.Format(model.En), "line 2 (for kunde-01.json)") {
		t.Errorf("duplicate add: %v", err)
	}
	for _, bad := range []*Entry{
		{Key: newKey(t), Comment: "", File: "x.json"},
		{Key: newKey(t), Comment: "x", File: `a"b.json`},
		{Key: newKey(t), Comment: "x", File: "x.json", Allow: []string{"shell"}},
	} {
		if err := b.Add(bad); err == nil {
			t.Errorf("added %+v", bad)
		}
	}
	if _, err := b.Remove("nobody"); err == nil {
		t.Error("removed an unknown key")
	}
	gone, err := b.Remove(b.Entries[0].Fingerprint())
	if err != nil || gone.Comment != "kunde-01" {
		t.Fatalf("remove by fingerprint: %v, %v", gone, err)
	}
	if b.Entries[0].Line != 2 {
		t.Errorf("line of the entry after the removed one: %d", b.Entries[0].Line)
	}
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	c, err := LoadAccess(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Entries) != 1 || c.Find(k2) == nil || c.Find(k1) != nil {
		t.Fatalf("after remove: %+v", c.Entries)
	}
	data, _ = os.ReadFile(path)
	if !strings.HasPrefix(string(data), "# Kunden von Erika\n") {
		t.Errorf("hand-written comment lost:\n%s", data)
	}
	if _, err := c.Remove("kunde-02"); err != nil {
		t.Errorf("remove by comment: %v", err)
	}
	// A file others may write is not trusted.
	os.Chmod(path, 0o666)
	_, err = LoadAccess(path)
	if !errors.As(err, &ae) || ae.Problems[0].Key != "access_mode" || !strings.Contains(ae.Format(model.En), "chmod 600") {
		t.Errorf("world-writable access file: %v", err)
	}
	os.Chmod(path, 0o644)
	if _, err := LoadAccess(path); err != nil {
		t.Errorf("readable by others is fine: %v", err)
	}
}

func TestAccessRemoveAmbiguous(t *testing.T) {
	a := &Access{Path: "access"}
	a.Add(&Entry{Key: newKey(t), Comment: "same", File: "a.json"})
	a.Add(&Entry{Key: newKey(t), Comment: "same", File: "b.json"})
	_, err := a.Remove("same")
	var ae *Error
	if !errors.As(err, &ae) || ae.Problems[0].Key != "key_ambiguous" {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(ae.Format(model.De), "Fingerabdruck") {
		t.Error(ae.Format(model.De))
	}
}

func TestHostKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_key")
	k1, created, err := HostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created=%v err=%v", created, err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v; want 0600", st.Mode())
	}
	if k1.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("type %s", k1.PublicKey().Type())
	}
	k2, created, err := HostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created=%v err=%v", created, err)
	}
	if Fingerprint(k1.PublicKey()) != Fingerprint(k2.PublicKey()) {
		t.Error("the host key changed on the second start")
	}
	if fp := Fingerprint(k1.PublicKey()); !strings.HasPrefix(fp, "SHA256:") || strings.HasSuffix(fp, "=") {
		t.Errorf("fingerprint %q is not as OpenSSH prints it", fp)
	}
	os.Chmod(path, 0o644)
	_, _, err = HostKey(path)
	var ae *Error
	if !errors.As(err, &ae) || ae.Problems[0].Key != "host_key_mode" {
		t.Errorf("readable key: %v", err)
	}
	os.WriteFile(path, []byte("junk"), 0o600)
	if _, _, err := HostKey(path); err == nil {
		t.Error("junk accepted as host key")
	}
}
