package scan

import "sort"

// Catalogue measure IDs the scan supports or contradicts.
const (
	mSSHKeysOnly     = "access_system.ssh_keys_only"
	mSSHNoRoot       = "access_system.ssh_no_root"
	mAutoUpdates     = "access_system.auto_updates"
	mFirewall        = "access_system.firewall"
	mFail2ban        = "access_system.fail2ban"
	mDiskServer      = "crypto.disk_server"
	mSwapEncrypted   = "crypto.swap_encrypted"
	mTLSWeb          = "crypto.tls_web"
	mStartTLS        = "transfer.starttls"
	mTLSMail         = "transfer.tls_mail"
	mBackupAutomatic = "availability.backup_automatic"
	mBackupEncrypted = "availability.backup_encrypted"
	mBackupOffsite   = "availability.backup_offsite"
	mLogging         = "input.logging"
	mLogRetention    = "input.log_retention"
	mTimeSync        = "evaluation.time_sync"
	mSupportedOS     = "access_system.supported_os"
	mBackupVersions  = "availability.backup_versions"
	mCentralLog      = "input.central_log"
	mAccessLogging   = "access_data.access_logging"
)

// MeasureIDs lists every catalogue measure ID a finding can name, sorted.
func MeasureIDs() []string {
	ids := []string{
		mSSHKeysOnly, mSSHNoRoot, mAutoUpdates, mFirewall, mFail2ban,
		mDiskServer, mSwapEncrypted, mTLSWeb, mStartTLS, mTLSMail,
		mBackupAutomatic, mBackupEncrypted, mBackupOffsite,
		mLogging, mLogRetention, mTimeSync,
		mSupportedOS, mBackupVersions, mCentralLog, mAccessLogging,
	}
	sort.Strings(ids)
	return ids
}
