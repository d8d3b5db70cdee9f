package scan

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestGolden scans every fixture tree and compares the JSON report with its
// golden file.
func TestGolden(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			r := Scan(Options{Root: copyTree(t, name), Today: testToday, Catalog: stdCat()})
			checkGolden(t, name, reportJSON(t, r))
		})
	}
}

// want is what one finding must say.
type want struct {
	result      Result
	measures    []string
	contradicts []string
	evidence    string // a substring of the English evidence
}

func checkFindings(t *testing.T, r *Report, wants map[string]want) {
	t.Helper()
	got := byID(r)
	for id, w := range wants {
		f, ok := got[id]
		if !ok {
			t.Errorf("%s: no finding", id)
			continue
		}
		if f.Result != w.result {
			t.Errorf("%s: result %s, want %s (%s)", id, f.Result, w.result, f.EvidenceText(model.En))
		}
		if !reflect.DeepEqual(f.Measures, w.measures) {
			t.Errorf("%s: measures %v, want %v", id, f.Measures, w.measures)
		}
		if !reflect.DeepEqual(f.Contradicts, w.contradicts) {
			t.Errorf("%s: contradicts %v, want %v", id, f.Contradicts, w.contradicts)
		}
		if ev := f.EvidenceText(model.En); !strings.Contains(ev, w.evidence) {
			t.Errorf("%s: evidence %q lacks %q", id, ev, w.evidence)
		}
	}
}

// ms returns the shipped catalogue's measures for checks ks.
func ms(ks ...string) []string {
	if len(ks) == 0 {
		return nil
	}
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = mid(k)
	}
	return out
}

func TestDebianGood(t *testing.T) {
	r := Scan(Options{Root: copyTree(t, "debian-good"), Today: testToday, Catalog: stdCat()})
	checkFindings(t, r, map[string]want{
		"system.supported":               {Missing, nil, ms(chkSupportedOS), "regular security updates ended on 11 July 2026"},
		"disk.encryption":                {OK, ms(chkDiskServer), nil, "/sys/block/dm-0/dm/uuid: CRYPT-LUKS2-"},
		"disk.swap":                      {OK, ms(chkSwapEncrypted), nil, "/etc/crypttab:3: cryptswap /dev/vda3 /dev/urandom"},
		"ssh.password_auth":              {OK, nil, nil, "/etc/ssh/sshd_config.d/50-hardening.conf:2: PasswordAuthentication no"},
		"ssh.root_login":                 {OK, ms(chkSSHNoRoot), nil, "50-hardening.conf:3: PermitRootLogin no"},
		"ssh.key_only":                   {OK, ms(chkSSHKeysOnly), nil, "PubkeyAuthentication yes"},
		"ssh.match":                      {OK, nil, nil, "/etc/ssh/sshd_config:16: Match User sftponly"},
		"updates.auto":                   {OK, ms(chkAutoUpdates), nil, `/etc/apt/apt.conf.d/20auto-upgrades:2: APT::Periodic::Unattended-Upgrade "1";`},
		"firewall.active":                {OK, ms(chkFirewall), nil, "/etc/ufw/ufw.conf:5: ENABLED=yes"},
		"firewall.fail2ban":              {OK, ms(chkFail2ban), nil, "jail sshd enabled"},
		"backup.scheduled":               {OK, ms(chkBackupAutomatic, chkBackupEncrypted, chkBackupOffsite, chkBackupVersions), nil, "restic: /usr/bin/restic backup"},
		"backup.job:restic-backup.timer": {OK, nil, nil, "last ran on 27 November 2026"},
		"tls.web":                        {OK, ms(chkTLSWeb), nil, "certbot.timer: enabled"},
		"tls.cert:example.org":           {OK, nil, nil, "valid until 31 December 2099"},
		"mail.smtpd_tls":                 {OK, ms(chkStartTLS), nil, "smtpd_tls_security_level=may"},
		"mail.smtp_tls":                  {OK, ms(chkStartTLS), nil, "smtp_tls_security_level=may"},
		"mail.submission_tls":            {OK, ms(chkTLSMail), nil, "master.cf:4: submission"},
		"mail.dovecot_tls":               {OK, ms(chkTLSMail), nil, "/etc/dovecot/conf.d/10-ssl.conf:4: ssl = required"},
		"time.sync":                      {OK, ms(chkTimeSync), nil, "sysinit.target.wants/systemd-timesyncd.service: enabled"},
		"logs.persistent":                {OK, ms(chkLogging, chkAccessLogging), nil, "Storage=persistent"},
		"logs.retention":                 {OK, ms(chkLogRetention), nil, "MaxRetentionSec=3month"},
		"accounts.sudo":                  {OK, nil, nil, "group sudo: alice"},
	})
	for _, f := range r.Findings {
		// Debian 12's regular security support ended before testToday.
		if f.ID != "system.supported" && len(f.Contradicts) > 0 || f.Result == Unreadable {
			t.Errorf("%s on a well-kept server: %s %v", f.ID, f.Result, f.Contradicts)
		}
	}
	var names []string
	for _, a := range r.Accounts {
		names = append(names, a.Name+" "+a.Password+" "+sudoWord(a.Sudo))
	}
	if want := []string{"alice set sudo", "bob locked sudo"}; !reflect.DeepEqual(names, want) {
		t.Errorf("accounts = %v, want %v (carol is locked without keys, root has no password)", names, want)
	}
	if a := r.Accounts[0]; a.Keys != 2 || !reflect.DeepEqual(a.KeyFiles, []string{"/home/alice/.ssh/authorized_keys"}) {
		t.Errorf("alice's keys: %d %v", a.Keys, a.KeyFiles)
	}
	if len(r.Certificates) != 1 || r.Certificates[0].NotAfter != "2099-12-31" || len(r.Certificates[0].DNSNames) != 3 {
		t.Errorf("certificates = %+v", r.Certificates)
	}
}

func TestBare(t *testing.T) {
	r := Scan(Options{Root: copyTree(t, "bare"), Today: testToday, Catalog: stdCat()})
	checkFindings(t, r, map[string]want{
		"disk.encryption":   {Missing, nil, ms(chkDiskServer), "/etc/crypttab: not found"},
		"disk.swap":         {Missing, nil, ms(chkSwapEncrypted), "/swapfile"},
		"ssh.password_auth": {Weak, nil, nil, "PasswordAuthentication not set, OpenSSH default: yes"},
		"ssh.root_login":    {Weak, nil, ms(chkSSHNoRoot), "PermitRootLogin not set, OpenSSH default: prohibit-password"},
		"ssh.key_only":      {Missing, nil, ms(chkSSHKeysOnly), "password login is possible"},
		"updates.auto":      {Missing, nil, ms(chkAutoUpdates), "package unattended-upgrades not installed"},
		"firewall.active":   {Missing, nil, ms(chkFirewall), "/etc/ufw/ufw.conf: not found"},
		"firewall.fail2ban": {Missing, nil, ms(chkFail2ban), "fail2ban not installed"},
		"backup.scheduled":  {Missing, nil, nil, "no timer or cron entry"},
		"tls.web":           {NotFound, nil, nil, "/etc/letsencrypt/live: not found"},
		"mail.postfix":      {NotFound, nil, nil, "/etc/postfix/main.cf: not found"},
		"time.sync":         {Missing, nil, ms(chkTimeSync), "neither systemd-timesyncd"},
		"logs.persistent":   {Weak, nil, ms(chkLogging, chkAccessLogging), "Storage not set"},
		"accounts.login":    {OK, nil, nil, "debian uid=1000 /bin/bash — password set, 0 SSH keys, sudo"},
	})
}

func TestNeglected(t *testing.T) {
	r := Scan(Options{Root: copyTree(t, "debian-neglected"), Today: testToday, Catalog: stdCat()})
	checkFindings(t, r, map[string]want{
		"system.supported":          {Missing, nil, ms(chkSupportedOS), "regular security updates ended at the end of May 2025; Expanded Security Maintenance (ESM) with Ubuntu Pro until the end of April 2030"},
		"disk.swap":                 {Missing, nil, ms(chkSwapEncrypted), "/dev/sda2 — unencrypted partition"},
		"ssh.root_login":            {Missing, nil, ms(chkSSHNoRoot), "/etc/ssh/sshd_config:3: PermitRootLogin yes"},
		"ssh.key_only":              {Missing, nil, ms(chkSSHKeysOnly), "/etc/ssh/sshd_config:4: PasswordAuthentication yes"},
		"ssh.kbd_interactive":       {OK, nil, nil, "ChallengeResponseAuthentication no"},
		"updates.auto":              {Weak, nil, ms(chkAutoUpdates), `APT::Periodic::Unattended-Upgrade "0";`},
		"firewall.active":           {Weak, nil, ms(chkFirewall), "/etc/ufw/ufw.conf:1: ENABLED=no"},
		"firewall.fail2ban":         {Missing, nil, ms(chkFail2ban), "Status: deinstall ok config-files"},
		"backup.scheduled":          {OK, ms(chkBackupAutomatic, chkBackupOffsite, chkBackupVersions), nil, "borg: BORG_PASSPHRASE=*** borg create"},
		"tls.cert:old.example.com":  {Weak, nil, nil, "expired on 1 January 2025"},
		"tls.cert:shop.example.com": {Weak, nil, nil, "expires soon: 5 December 2026 (7 days left)"},
		"tls.web":                   {Weak, nil, ms(chkTLSWeb), "no automatic renewal"},
		"mail.smtpd_tls":            {Missing, nil, ms(chkStartTLS), "smtpd_tls_security_level = none"},
		"mail.smtp_tls":             {Missing, nil, ms(chkStartTLS), "smtp_tls_security_level not set"},
		"mail.submission_tls":       {Weak, nil, ms(chkTLSMail), "login possible unencrypted too"},
		"panel.detected":            {OK, nil, nil, "/etc/psa/.psa.shadow: present (holds credentials, not read)"},
		"accounts.login":            {Weak, nil, nil, "temp uid=1001 /bin/sh — EMPTY password"},
		"accounts.sudo":             {OK, nil, nil, "temp ALL=(ALL) NOPASSWD: ALL — user temp"},
	})
	// The rsync job runs from a script called by root's crontab.
	var jobs []string
	for _, j := range r.Backups {
		jobs = append(jobs, j.Tool+" "+j.Path)
	}
	if want := []string{"borg /etc/cron.d/borg", "rsync /usr/local/bin/db-dump.sh"}; !reflect.DeepEqual(jobs, want) {
		t.Errorf("backup jobs = %v, want %v", jobs, want)
	}
	for _, a := range r.Accounts {
		if a.Name == "old" {
			t.Error("an expired account is listed as able to log in")
		}
	}
}

// TestNoSecretsInReports checks that no report, in any format, carries a
// password hash, a passphrase from a command line or a secret file's content.
func TestNoSecretsInReports(t *testing.T) {
	for _, name := range fixtures {
		r := Scan(Options{Root: copyTree(t, name), Today: testToday, Catalog: stdCat()})
		var out bytes.Buffer
		out.Write(reportJSON(t, r))
		WriteText(&out, r, model.De, stdCat())
		WriteText(&out, r, model.En, stdCat())
		for _, secret := range []string{"fixture-secret", "fixtureSecret", "FIXTUREHASH", "$6$", "stand-in for a private key"} {
			if bytes.Contains(out.Bytes(), []byte(secret)) {
				t.Errorf("%s: report contains %q", name, secret)
			}
		}
	}
}

// TestSecretFilesNeverOpened checks that files holding secrets are at most
// checked for existence.
func TestSecretFilesNeverOpened(t *testing.T) {
	for _, name := range fixtures {
		root := copyTree(t, name)
		rec := &recorder{}
		Scan(Options{Root: root, Today: testToday, Catalog: stdCat(), Open: rec.open})
		for _, p := range rec.opened {
			rel := strings.TrimPrefix(p, root)
			if !strings.HasPrefix(p, root+"/") {
				t.Errorf("%s: opened %s outside the root", name, p)
			}
			for _, secret := range []string{"privkey.pem", ".psa.shadow", "/etc/restic/env", "config.inc.php"} {
				if strings.Contains(rel, secret) {
					t.Errorf("%s: opened secret file %s", name, rel)
				}
			}
		}
		if len(rec.opened) == 0 {
			t.Fatal("the recorder saw no file: the injected open is not used")
		}
	}
}

// TestScanChangesNothing fingerprints every fixture tree (content hashes,
// modes, sizes, modification times, link targets) before and after a scan.
func TestScanChangesNothing(t *testing.T) {
	roots := []string{}
	for _, name := range fixtures {
		roots = append(roots, copyTree(t, name), filepath.Join("..", "testdata", "scan", name))
	}
	roots = append(roots, hostileTree(t))
	for _, root := range roots {
		before := treeState(t, root)
		r := Scan(Options{Root: root, Today: testToday, Catalog: stdCat()})
		WriteText(&bytes.Buffer{}, r, model.De, stdCat())
		if d := diffStates(before, treeState(t, root)); len(d) > 0 {
			t.Errorf("scanning %s changed the tree:\n%s", root, strings.Join(d, "\n"))
		}
	}
}

// TestTextFits80Columns checks the width of the text report in both languages.
func TestTextFits80Columns(t *testing.T) {
	for _, name := range fixtures {
		r := Scan(Options{Root: copyTree(t, name), Today: testToday, Catalog: stdCat()})
		r.Root = "/"
		for _, l := range []model.Lang{model.De, model.En} {
			var b bytes.Buffer
			if err := WriteText(&b, r, l, stdCat()); err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(b.String(), "\n") {
				if n := len([]rune(line)); n > TextWidth {
					t.Errorf("%s %s line %d has %d columns: %q", name, l, i+1, n, line)
				}
			}
			if l == model.De && !strings.Contains(b.String(), "Datenträger") {
				t.Error("German report lacks the German heading")
			}
		}
	}
}

// TestEveryFindingHasTitleAndEvidence checks the message table is complete.
func TestEveryFindingHasTitleAndEvidence(t *testing.T) {
	for _, name := range fixtures {
		r := Scan(Options{Root: copyTree(t, name), Today: testToday, Catalog: stdCat()})
		for _, f := range r.Findings {
			for _, l := range []model.Lang{model.De, model.En} {
				if ti := f.Title.In(l); ti == "" || strings.HasPrefix(ti, "t_") {
					t.Errorf("%s: no %s title (%q)", f.ID, l, ti)
				}
				ev := f.EvidenceText(l)
				if strings.Contains(ev, "ev_") || strings.Contains(ev, "%!") {
					t.Errorf("%s: broken %s evidence %q", f.ID, l, ev)
				}
			}
			if len(f.Evidence) == 0 {
				t.Errorf("%s: no evidence", f.ID)
			}
			for _, m := range append(append([]string{}, f.Measures...), f.Contradicts...) {
				if stdCat().Measure(m) == nil {
					t.Errorf("%s names %s, not a measure of the shipped catalogue", f.ID, m)
				}
			}
		}
	}
}

func TestRootMustExist(t *testing.T) {
	if err := CheckRoot(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("a missing root was accepted")
	}
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o600)
	if err := CheckRoot(file); err == nil {
		t.Error("a file was accepted as root")
	}
	if err := CheckRoot(t.TempDir()); err != nil {
		t.Error(err)
	}
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"BORG_PASSPHRASE=s3cret borg create x":            "BORG_PASSPHRASE=*** borg create x",
		"restic -r s3:https://user:pw@host/bucket backup": "restic -r s3:https://user:***@host/bucket backup",
		"duplicity --encrypt-key=ABCDEF /src sftp://h/x":  "duplicity --encrypt-key=*** /src sftp://h/x",
		"mysqldump -uroot -pgeheim db":                    "mysqldump -uroot -p*** db",
		"rsync -pav /a /b":                                "rsync -pav /a /b",
	}
	for in, want := range cases {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSupportedFromTable: the scan judges the release by the shipped support
// table (the rules' dates), names extended programmes, and without a table
// reports the end as unknown.
func TestSupportedFromTable(t *testing.T) {
	cases := []struct {
		osRelease string
		cat       bool
		res       Result
		de, en    string
	}{
		{"ID=debian\nVERSION_ID=\"12\"\n", true, Missing,
			"reguläre Sicherheitsupdates endeten am 11.07.2026 | Debian LTS (kostenlos, nur bestimmte Architekturen und Pakete) bis 30.06.2028",
			"regular security updates ended on 11 July 2026 | Debian LTS (free, limited architectures and packages) until 30 June 2028"},
		{"ID=debian\nVERSION_ID=\"13\"\n", true, OK, "reguläre Sicherheitsupdates bis 09.08.2028 | Debian LTS (kostenlos, nur bestimmte Architekturen und Pakete) bis 30.06.2030", ""},
		{"ID=rocky\nVERSION_ID=\"9.4\"\n", true, OK, "", ""},
		{"ID=debian\nVERSION_ID=\"12\"\n", false, Unknown, "Support-Ende dieser Version ist tom nicht bekannt", ""},
		{"ID=plan9\nVERSION_ID=\"4\"\n", true, Unknown, "Support-Ende dieser Version ist tom nicht bekannt", ""},
	}
	for _, c := range cases {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, "etc"), 0o755)
		os.WriteFile(filepath.Join(root, "etc", "os-release"), []byte(c.osRelease), 0o644)
		opts := Options{Root: root, Today: testToday}
		if c.cat {
			opts.Catalog = stdCat()
		}
		f := byID(Scan(opts))["system.supported"]
		var de, en []string
		for _, e := range f.Evidence {
			if e.Note != nil {
				de, en = append(de, e.Note.De), append(en, e.Note.En)
			}
		}
		if f.Result != c.res {
			t.Errorf("%q (catalogue %v): result %v, want %v", c.osRelease, c.cat, f.Result, c.res)
		}
		if c.de != "" && strings.Join(de, " | ") != c.de {
			t.Errorf("%q: German notes %q, want %q", c.osRelease, strings.Join(de, " | "), c.de)
		}
		if c.en != "" && strings.Join(en, " | ") != c.en {
			t.Errorf("%q: English notes %q, want %q", c.osRelease, strings.Join(en, " | "), c.en)
		}
	}
}

func BenchmarkScan(b *testing.B) {
	for _, name := range fixtures {
		root := copyTree(b, name)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Scan(Options{Root: root, Today: testToday, Catalog: stdCat()})
			}
		})
	}
	root := hostileTree(b)
	b.Run("hostile", func(b *testing.B) {
		for b.Loop() {
			Scan(Options{Root: root, Today: testToday, Catalog: stdCat()})
		}
	})
}
