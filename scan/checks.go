package scan

import (
	"sort"

	"github.com/tom-dsgvo/tom/model"
)

// Checks are what a finding can support or contradict. They are the scan's
// own names, never catalogue IDs: a catalogue ties a check to its measures
// with the measure's "scan" key (see questionnaires/FORMAT.md), and Scan
// reports the IDs of those measures.
const (
	chkSSHKeysOnly     = "ssh-keys-only"
	chkSSHNoRoot       = "ssh-no-root"
	chkAutoUpdates     = "auto-updates"
	chkFirewall        = "firewall"
	chkFail2ban        = "fail2ban"
	chkDiskServer      = "disk-encrypted"
	chkSwapEncrypted   = "swap-encrypted"
	chkTLSWeb          = "tls-web"
	chkStartTLS        = "smtp-starttls"
	chkTLSMail         = "tls-mail"
	chkBackupAutomatic = "backup-automatic"
	chkBackupEncrypted = "backup-encrypted"
	chkBackupOffsite   = "backup-offsite"
	chkLogging         = "logging"
	chkLogRetention    = "log-retention"
	chkTimeSync        = "time-sync"
	chkSupportedOS     = "supported-os"
	chkBackupVersions  = "backup-versions"
	chkCentralLog      = "central-log"
	chkAccessLogging   = "access-logging"
)

// Checks lists every check a finding can name, sorted.
func Checks() []string {
	ids := []string{chkSSHKeysOnly, chkSSHNoRoot, chkAutoUpdates, chkFirewall, chkFail2ban, chkDiskServer, chkSwapEncrypted, chkTLSWeb, chkStartTLS, chkTLSMail, chkBackupAutomatic, chkBackupEncrypted, chkBackupOffsite, chkLogging, chkLogRetention, chkTimeSync, chkSupportedOS, chkBackupVersions, chkCentralLog, chkAccessLogging}
	sort.Strings(ids)
	return ids
}

// checkIndex maps each check to the measures of c that name it, in catalogue
// order (empty when c is nil).
func checkIndex(c *model.Catalog) map[string][]string {
	idx := map[string][]string{}
	if c == nil {
		return idx
	}
	for _, s := range c.Sections {
		for _, m := range s.Measures {
			for _, k := range m.Scan {
				idx[k] = append(idx[k], m.ID)
			}
		}
	}
	return idx
}

// measuresOf returns the catalogue measures the checks name, in the order of
// the checks (nil when none).
func (s *scanner) measuresOf(checks []string) []string {
	var out []string
	for _, k := range checks {
		out = append(out, s.checks[k]...)
	}
	return out
}
