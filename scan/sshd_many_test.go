package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSSHDManyDropIns: with 10,000 drop-ins the first one (in sorted order,
// the one OpenSSH reads first) turns passwords on. The scan cannot read them
// all, so it must not claim key-only login: the finding is unknown, names
// the limit and supports no measure.
func TestSSHDManyDropIns(t *testing.T) {
	root := t.TempDir()
	d := filepath.Join(root, "etc", "ssh", "sshd_config.d")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	main := "Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin no\n"
	if err := os.WriteFile(filepath.Join(root, "etc/ssh/sshd_config"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	// Created last, so that in directory order it is rarely among the first.
	for i := 9999; i >= 1; i-- {
		if err := os.WriteFile(filepath.Join(d, fmt.Sprintf("%05d-x.conf", i)), []byte("# nothing\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(d, "00000-first.conf"), []byte("PasswordAuthentication yes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := byID(Scan(Options{Root: root, Today: testToday, Catalog: stdCat()}))
	for _, id := range []string{"ssh.password_auth", "ssh.key_only", "ssh.root_login", "ssh.kbd_interactive", "ssh.pubkey_auth"} {
		f, ok := r[id]
		if !ok {
			t.Errorf("%s: no finding", id)
			continue
		}
		if f.Result != Unknown {
			t.Errorf("%s: result %s, want %s (the reading was cut short)", id, f.Result, Unknown)
		}
		if len(f.Measures) > 0 {
			t.Errorf("%s: supports %v although the configuration was not read whole", id, f.Measures)
		}
		if txt := f.EvidenceText("en"); !containsAll(txt, "256") {
			t.Errorf("%s: evidence does not name the limit: %s", id, txt)
		}
	}
	// Without the cut, the same main file does support key-only login: the
	// check above is not vacuous.
	if err := os.RemoveAll(d); err != nil {
		t.Fatal(err)
	}
	if k := byID(Scan(Options{Root: root, Today: testToday, Catalog: stdCat()}))["ssh.key_only"]; k.Result != OK || len(k.Measures) == 0 {
		t.Fatalf("without drop-ins: ssh.key_only %s %v, want ok supporting a measure", k.Result, k.Measures)
	}
	// The file OpenSSH reads first is read first.
	if txt := r["ssh.config"].EvidenceText("en"); !containsAll(txt, "00000-first.conf") {
		t.Errorf("the first drop-in in sorted order was not read: %.300s", txt)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
