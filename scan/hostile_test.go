package scan

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// hostileSize is the size of the sparse file in the hostile tree.
const hostileSize = 50 << 20

// hostileTree builds a tree meant to trip the scan: symbolic link loops,
// links out of the root, a 50 MB sparse file, a FIFO, a directory where a
// file belongs, Include recursion and terminal escapes in a value. Next to
// the root lies a folder "outside" whose content must never show up.
func hostileTree(t testing.TB) string {
	t.Helper()
	base := t.TempDir()
	root := filepath.Join(base, "root")
	outside := filepath.Join(base, "outside")
	write := func(p, content string) {
		t.Helper()
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(p, target string) {
		t.Helper()
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.Symlink(target, full); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(outside, 0o755)
	for _, n := range []string{"hostname", "os-release", "swaps", "fstab"} {
		os.WriteFile(filepath.Join(outside, n), []byte("PRETTY_NAME=LEAKED-OUTSIDE\n/dev/LEAKED-OUTSIDE none swap sw 0 0\n"), 0o644)
	}

	// Links: a loop of two, a link to itself, a relative escape, an absolute
	// host path (taken inside the root, where it does not exist).
	link("etc/os-release", "/etc/os-release2")
	link("etc/os-release2", "os-release")
	link("usr/lib/os-release", "os-release")
	link("etc/hostname", "../../../../../../../../"+outside+"/hostname")
	link("proc/swaps", "../../outside/swaps")
	link("etc/fstab", filepath.Join(outside, "fstab"))
	link("etc/sudoers.d", "/etc/sudoers.d")
	link("etc/systemd/system/timers.target.wants", "../../../etc/systemd/system")

	// A directory where a file belongs, and a FIFO (must not block).
	os.MkdirAll(filepath.Join(root, "etc/crypttab"), 0o755)
	os.MkdirAll(filepath.Join(root, "etc/ufw"), 0o755)
	if err := mkfifo(filepath.Join(root, "etc/ufw/ufw.conf"), 0o644); err != nil {
		t.Fatal(err)
	}

	// sshd: Include recursion and a drop-in folder that links to its parent.
	write("etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nInclude recurse.conf\nPasswordAuthentication no\n")
	write("etc/ssh/recurse.conf", "Include /etc/ssh/recurse.conf\nPermitRootLogin no\n")
	link("etc/ssh/sshd_config.d", ".")

	// A 50 MB sparse status file with one stanza at its start.
	status := filepath.Join(root, "var/lib/dpkg/status")
	os.MkdirAll(filepath.Dir(status), 0o755)
	fh, err := os.Create(status)
	if err != nil {
		t.Fatal(err)
	}
	fh.WriteString("Package: unattended-upgrades\nStatus: install ok installed\n\n")
	if err := fh.Truncate(hostileSize); err != nil {
		t.Fatal(err)
	}
	fh.Close()

	// A value with terminal escapes, a certificate that is not one.
	write("etc/postfix/main.cf", "smtpd_tls_security_level = \x1b[2J\x1b[31mmay\x07\nsmtpd_tls_cert_file = /etc/ssl/none.pem\n")
	write("etc/letsencrypt/live/evil/cert.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n")
	link("etc/letsencrypt/live/zero/cert.pem", "/dev/zero")

	// Accounts: /etc/shadow is made unreadable through the injected open
	// function; a home folder that tries to climb out of the root.
	write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\nclimber:x:1000:1000::/../../outside:/bin/bash\n")
	write("etc/shadow", "root:*:1::::::\nclimber:$6$x$FIXTUREHASH:1::::::\n")
	write("etc/sudoers", "@includedir /etc/sudoers.d\n%sudo ALL=(ALL) ALL\n")
	write("etc/group", "sudo:x:27:climber\n")
	return root
}

// hostileOpen makes /etc/shadow unreadable the way it is for a user without
// root rights, whoever runs the test.
func hostileOpen(rec *recorder) *recorder {
	rec.fail = map[string]error{"/etc/shadow": syscall.EACCES}
	return rec
}

func TestHostileGolden(t *testing.T) {
	root := hostileTree(t)
	r := Scan(Options{Root: root, Today: testToday, Catalog: stdCat(), Open: hostileOpen(&recorder{}).open})
	checkGolden(t, "hostile", reportJSON(t, r))
}

func TestHostile(t *testing.T) {
	root := hostileTree(t)
	rec := hostileOpen(&recorder{})
	const maxRead = 64 << 10
	r := Scan(Options{Root: root, Today: testToday, Catalog: stdCat(), MaxRead: maxRead, Open: rec.open})
	got := byID(r)
	unreadable := map[string]string{
		"/etc/os-release":        "symbolic link loop",
		"/etc/hostname":          "link leads out of the scanned root",
		"/proc/swaps":            "link leads out of the scanned root",
		"/etc/crypttab":          "is a directory",
		"/etc/ufw/ufw.conf":      "not a regular file",
		"/etc/shadow":            "permission denied",
		"/etc/sudoers.d":         "symbolic link loop",
		"/etc/ssh/sshd_config.d": "",
	}
	for p, why := range unreadable {
		f, ok := got["unreadable:"+p]
		if why == "" {
			continue // listed for documentation: a link to "." is a folder, not an error
		}
		if !ok {
			t.Errorf("no unreadable finding for %s", p)
			continue
		}
		if f.Result != Unreadable || !strings.Contains(f.EvidenceText(model.En), why) {
			t.Errorf("%s: %s %q, want %q", p, f.Result, f.EvidenceText(model.En), why)
		}
	}
	// The sparse file was read up to MaxRead, and its first stanza counted.
	for p, n := range rec.read {
		if n > maxRead+1 {
			t.Errorf("read %d bytes of %s, limit %d", n, p, maxRead)
		}
	}
	if u := got["updates.auto"]; !strings.Contains(u.EvidenceText(model.En), "Status: install ok installed") {
		t.Errorf("updates.auto did not read the start of the large file: %q", u.EvidenceText(model.En))
	}
	// Include recursion ends at the depth limit. The configuration was not
	// read whole (sshd itself refuses it), so no setting can be judged.
	cfg := got["ssh.config"]
	if !strings.Contains(cfg.EvidenceText(model.En), "Include nested too deeply") {
		t.Errorf("ssh.config: %q", cfg.EvidenceText(model.En))
	}
	if k := got["ssh.root_login"]; k.Result != Unknown || !strings.Contains(k.EvidenceText(model.En), "Include nested too deeply") || len(k.Measures) > 0 {
		t.Errorf("ssh.root_login = %s %v %q, want unknown naming the depth limit", k.Result, k.Measures, k.EvidenceText(model.En))
	}
	// Nothing from outside the root, no terminal escapes, no hash.
	var out bytes.Buffer
	out.Write(reportJSON(t, r))
	WriteText(&out, r, model.De, stdCat())
	for _, bad := range []string{"LEAKED", "\x1b", "\x07", "FIXTUREHASH"} {
		if bytes.Contains(out.Bytes(), []byte(bad)) {
			t.Errorf("report contains %q", bad)
		}
	}
	for _, p := range rec.opened {
		if !strings.HasPrefix(p, root+"/") {
			t.Errorf("opened %s outside the root", p)
		}
	}
	if c := got["tls.cert:evil"]; c.Result != Unknown {
		t.Errorf("tls.cert:evil = %s, want unknown (not a certificate)", c.Result)
	}
}

// TestUnreadableByPermission runs only without root rights, where chmod 000
// really stops reading (root reads anything; TestHostile covers the same
// path through the injected open function).
func TestUnreadableByPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop reading; covered by TestHostile")
	}
	root := copyTree(t, "debian-good")
	for _, p := range []string{"etc/shadow", "etc/sudoers"} {
		if err := os.Chmod(filepath.Join(root, p), 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(root, "etc/cron.d"), 0); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "etc/cron.d"), 0o755) })
	r := Scan(Options{Root: root, Today: testToday, Catalog: stdCat()})
	got := byID(r)
	for _, p := range []string{"/etc/shadow", "/etc/sudoers"} {
		if f := got["unreadable:"+p]; f.Result != Unreadable {
			t.Errorf("%s: no unreadable finding", p)
		}
	}
	if f := got["accounts.sudo"]; f.Result != Unknown {
		t.Errorf("accounts.sudo = %s, want unknown when sudoers cannot be read", f.Result)
	}
	for _, a := range r.Accounts {
		if a.Password != "unknown" {
			t.Errorf("%s: password %s without /etc/shadow", a.Name, a.Password)
		}
	}
}
