package scan

import "testing"

// TestRockyRPM: an RPM system (Rocky Linux 9) with LUKS under LVM,
// dnf-automatic applying security updates, firewalld, chronyd, an SSH
// drop-in that wins over the main file (Include at the top), and sudo
// through the wheel group.
func TestRockyRPM(t *testing.T) {
	r := Scan(Options{Root: copyTree(t, "rocky-rpm"), Today: testToday, Catalog: stdCat()})
	checkFindings(t, r, map[string]want{
		"system.os":           {OK, nil, nil, `PRETTY_NAME="Rocky Linux 9.4 (Blue Onyx)"`},
		"disk.encryption":     {OK, ms(chkDiskServer), nil, "CRYPT-LUKS2-"},
		"disk.swap":           {OK, ms(chkSwapEncrypted), nil, "swap defaults 0 0 — encrypted"},
		"ssh.password_auth":   {OK, nil, nil, "/etc/ssh/sshd_config.d/40-hardening.conf:1: PasswordAuthentication no"},
		"ssh.root_login":      {OK, ms(chkSSHNoRoot), nil, "40-hardening.conf:2: PermitRootLogin no"},
		"ssh.key_only":        {OK, ms(chkSSHKeysOnly), nil, "PasswordAuthentication no"},
		"updates.auto":        {OK, ms(chkAutoUpdates), nil, "/etc/dnf/automatic.conf:6: apply_updates = yes"},
		"firewall.active":     {OK, ms(chkFirewall), nil, "multi-user.target.wants/firewalld.service: enabled"},
		"firewall.fail2ban":   {Missing, nil, ms(chkFail2ban), "/etc/fail2ban: not found"},
		"time.sync":           {OK, ms(chkTimeSync), nil, "chronyd.service: enabled"},
		"accounts.sudo":       {OK, nil, nil, "ALL — group wheel: mara"},
		"accounts.login":      {OK, nil, nil, "mara uid=1000 /bin/bash"},
		"backup.scheduled":    {Missing, nil, nil, "no timer or cron entry"},
		"ssh.kbd_interactive": {OK, nil, nil, "KbdInteractiveAuthentication no"},
	})
	// fstab names the swap /dev/mapper/rl-swap, /proc/swaps /dev/dm-2: the
	// chain down to the LUKS device is one proof, shown once.
	n := 0
	for _, e := range byID(r)["disk.swap"].Evidence {
		if e.Path == "/sys/block/dm-0/dm/uuid" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("disk.swap shows the LUKS device %d times, want once", n)
	}
	if _, ok := byID(r)["ssh.match"]; ok {
		t.Error("no Match block in this tree, yet a Match finding")
	}
}

// TestSSHDMatchAndIncludeGlobs: Include globs (one matching nothing, one
// nested in a drop-in), a non-.conf file in the drop-in folder that must not
// count, and Match blocks that turn passwords and root login back on for
// some connections.
func TestSSHDMatchAndIncludeGlobs(t *testing.T) {
	r := Scan(Options{Root: copyTree(t, "sshd-match"), Today: testToday, Catalog: stdCat()})
	checkFindings(t, r, map[string]want{
		"ssh.config":        {OK, nil, nil, "/etc/ssh/nested/30-pubkey.conf: read"},
		"ssh.password_auth": {Weak, nil, nil, "/etc/ssh/sshd_config:10: PasswordAuthentication yes — exception in a Match block"},
		"ssh.root_login":    {Weak, nil, ms(chkSSHNoRoot), "/etc/ssh/sshd_config:12: PermitRootLogin prohibit-password — exception in a Match block"},
		// AuthenticationMethods publickey holds for every connection, the
		// Match block's PasswordAuthentication yes cannot undo it.
		"ssh.key_only": {OK, ms(chkSSHKeysOnly), nil, "/etc/ssh/nested/30-pubkey.conf:2: AuthenticationMethods publickey"},
		"ssh.match":    {Weak, nil, nil, "Match User deploy — applies only to matching connections (1 setting)"},
	})
	for _, e := range byID(r)["ssh.config"].Evidence {
		if e.Path == "/etc/ssh/sshd_config.d/README" {
			t.Error("README in sshd_config.d was read as configuration")
		}
	}
}
