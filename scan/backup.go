package scan

import (
	"path"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/tom-dsgvo/tom/model"
)

// BackupJob is a scheduled job that runs a backup tool.
type BackupJob struct {
	Tool      string `json:"tool"`               // restic, borg, …
	Via       string `json:"via"`                // "timer" or "cron"
	Unit      string `json:"unit,omitempty"`     // the timer
	Path      string `json:"path"`               // file holding the command
	Line      int    `json:"line"`               // its line
	Command   string `json:"command"`            // the command, secrets masked
	Schedule  string `json:"schedule,omitempty"` // OnCalendar or the cron fields
	Enabled   bool   `json:"enabled"`
	LastRun   string `json:"last_run,omitempty"` // date of the timer's stamp file
	Encrypted bool   `json:"encrypted"`          // the tool encrypts the backup
	Offsite   bool   `json:"offsite"`            // the target is another machine
	Versions  bool   `json:"versions"`           // the tool keeps several generations
}

// versionedTools keep several backup generations by design.
var versionedTools = map[string]bool{"restic": true, "borg": true, "borgmatic": true, "duplicity": true, "rsnapshot": true, "rdiff-backup": true, "plesk": true}

// backupTools maps a program name to the tool it belongs to.
var backupTools = map[string]string{
	"restic": "restic", "borg": "borg", "borgmatic": "borgmatic", "borgbackup": "borg",
	"duplicity": "duplicity", "duply": "duplicity", "rsync": "rsync", "rsnapshot": "rsnapshot",
	"rdiff-backup": "rdiff-backup", "rclone": "rclone", "pmm-ras": "plesk", "pleskbackup": "plesk",
	"backupmng": "plesk-scheduler", "backup_manager": "plesk",
}

// backups looks for systemd timers and cron entries that run a backup tool.
func (s *scanner) backups() {
	s.backupTimers()
	s.backupCron()
	jobs := s.rep.Backups
	f := Finding{ID: "backup.scheduled", Area: "backup"}
	real := 0
	enc, off, ver := false, false, false
	for i, j := range jobs {
		id := "backup.job:" + j.Path
		if j.Unit != "" {
			id = "backup.job:" + j.Unit
		}
		jf := Finding{ID: id, Area: "backup", Result: OK}
		jf.Evidence = append(jf.Evidence, ev(j.Path, j.Line, j.Command))
		if j.Schedule != "" {
			jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_schedule", j.Schedule)})
		}
		switch {
		case j.Tool == "plesk-scheduler":
			jf.Result = Unknown
			jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_plesk_scheduler")})
		case !j.Enabled:
			jf.Result = Weak
			jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_timer_not_enabled")})
		case j.Via == "timer" && j.LastRun == "":
			jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_last_run_unknown")})
		}
		if j.LastRun != "" {
			jf.Evidence = append(jf.Evidence, evNote("/var/lib/systemd/timers/stamp-"+j.Unit, "ev_last_run", day(j.LastRun)))
			if old := s.stale(j); old > 0 {
				jf.Result = Weak
				jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_stale", old)})
			}
		}
		if j.Encrypted {
			jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_backup_encrypted", j.Tool)})
		}
		if j.Offsite {
			jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_backup_offsite")})
		}
		if j.Versions {
			jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_backup_versions", j.Tool)})
		}
		jf.Title = msg("t_backup.job", j.Tool)
		s.add(jf)
		jobs[i] = j
		if jf.Result == OK {
			real++
			enc = enc || j.Encrypted
			off = off || j.Offsite
			ver = ver || j.Versions
		}
		f.Evidence = append(f.Evidence, ev(j.Path, j.Line, j.Tool+": "+j.Command))
	}
	switch {
	case real > 0:
		f.Result = OK
		f.Measures = []string{chkBackupAutomatic}
		if enc {
			f.Measures = append(f.Measures, chkBackupEncrypted)
		}
		if off {
			f.Measures = append(f.Measures, chkBackupOffsite)
		}
		if ver {
			f.Measures = append(f.Measures, chkBackupVersions)
		}
	case len(jobs) > 0:
		f.Result = Weak
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_backup_weak")})
	default:
		f.Result = Missing
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_backup_none")})
	}
	if len(jobs) == 0 && s.fs.Exists("/usr/local/psa/version") {
		f.Result = Unknown
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_plesk_backup")})
	}
	s.add(f)
}

// stale returns how many days a timer's last run lies beyond twice its
// schedule (0 when recent enough or unknown).
func (s *scanner) stale(j BackupJob) int {
	t, err := time.Parse(model.DateLayout, j.LastRun)
	if err != nil {
		return 0
	}
	days := int(s.today.Sub(t).Hours() / 24)
	limit := 8
	switch strings.ToLower(j.Schedule) {
	case "weekly":
		limit = 15
	case "monthly":
		limit = 62
	case "hourly":
		limit = 2
	}
	if days > limit {
		return days
	}
	return 0
}

// backupTimers finds enabled (or defined) timers whose service runs a
// backup tool.
func (s *scanner) backupTimers() {
	timers := map[string]bool{} // name -> enabled
	names, _ := s.fs.ReadDir("/etc/systemd/system")
	for _, n := range names {
		if strings.HasSuffix(n, ".timer") {
			timers[n] = timers[n] || false
		}
		if strings.HasSuffix(n, ".wants") {
			sub, _ := s.fs.ReadDir("/etc/systemd/system/" + n)
			for _, t := range sub {
				if strings.HasSuffix(t, ".timer") {
					timers[t] = true
				}
			}
		}
	}
	for _, name := range sortedKeys(timers) {
		if _, masked := s.masked(name); masked {
			continue
		}
		tu := s.findUnit(name)
		if tu == nil {
			continue
		}
		svcName := strings.TrimSuffix(name, ".timer") + ".service"
		if l, ok := tu.Get("Timer", "Unit"); ok {
			svcName = l.Value
		}
		su := s.findUnit(svcName)
		if su == nil {
			continue
		}
		schedule := ""
		if l, ok := tu.Get("Timer", "OnCalendar"); ok {
			schedule = l.Value
		} else if l, ok := tu.Get("Timer", "OnUnitActiveSec"); ok {
			schedule = "every " + l.Value
		}
		env := ""
		for _, l := range su.All("Service", "Environment") {
			env += " " + l.Value
		}
		for _, l := range su.All("Service", "ExecStart") {
			cmd := strings.TrimLeft(l.Value, "-@:+!")
			tool, at, atLine, atCmd := s.toolIn(cmd, l.Path, l.Line, 0)
			if tool == "" {
				continue
			}
			j := BackupJob{Tool: tool, Via: "timer", Unit: name, Path: at, Line: atLine, Command: redact(atCmd), Schedule: schedule, Enabled: timers[name]}
			if mt, ok := s.fs.ModTime("/var/lib/systemd/timers/stamp-" + name); ok {
				j.LastRun = mt.UTC().Format(model.DateLayout)
			}
			j.Encrypted, j.Offsite = judgeBackup(tool, atCmd+env)
			j.Versions = versionedTools[tool]
			s.rep.Backups = append(s.rep.Backups, j)
			break
		}
	}
}

// backupCron finds cron entries (and cron.daily-style scripts) that run a
// backup tool.
func (s *scanner) backupCron() {
	tables := []struct {
		pattern string
		user    bool // system crontab with a user field
	}{
		{"/etc/crontab", true},
		{"/etc/cron.d/*", true},
		{"/var/spool/cron/crontabs/*", false},
		{"/var/spool/cron/*", false},
	}
	for _, t := range tables {
		for _, p := range s.fs.Glob(t.pattern) {
			if s.fs.IsDir(p) {
				continue // /var/spool/cron holds folders too (crontabs, atjobs)
			}
			data, _, err := s.fs.ReadFile(p)
			if err != nil {
				continue
			}
			for i, l := range lines(data) {
				sched, cmd, ok := splitCron(l, t.user)
				if !ok {
					continue
				}
				tool, at, atLine, atCmd := s.toolIn(cmd, p, i+1, 0)
				if tool == "" {
					continue
				}
				j := BackupJob{Tool: tool, Via: "cron", Path: at, Line: atLine, Command: redact(atCmd), Schedule: sched, Enabled: true}
				if at != p {
					j.Schedule = sched + " (" + p + ":" + itoa(i+1) + ")"
				}
				j.Encrypted, j.Offsite = judgeBackup(tool, atCmd)
				j.Versions = versionedTools[tool]
				s.rep.Backups = append(s.rep.Backups, j)
			}
		}
	}
	for _, period := range []string{"hourly", "daily", "weekly", "monthly"} {
		for _, p := range s.fs.Glob("/etc/cron." + period + "/*") {
			if !s.fs.IsFile(p) {
				continue
			}
			tool, at, atLine, atCmd := s.toolInScript(p, 0)
			if tool == "" {
				continue
			}
			j := BackupJob{Tool: tool, Via: "cron", Path: at, Line: atLine, Command: redact(atCmd), Schedule: period, Enabled: true}
			j.Encrypted, j.Offsite = judgeBackup(tool, atCmd)
			j.Versions = versionedTools[tool]
			s.rep.Backups = append(s.rep.Backups, j)
		}
	}
}

// splitCron splits a crontab line into schedule and command. Environment
// assignments and comments give ok=false.
func splitCron(l string, userField bool) (string, string, bool) {
	t := strings.TrimSpace(l)
	if t == "" || t[0] == '#' {
		return "", "", false
	}
	f := strings.Fields(t)
	n := 5
	if strings.HasPrefix(f[0], "@") {
		n = 1
	}
	if userField {
		n++
	}
	if len(f) <= n {
		return "", "", false
	}
	if n == 5 || n == 6 {
		if strings.Contains(f[0], "=") {
			return "", "", false
		}
	}
	sched := strings.Join(f[:min(len(f), 5)], " ")
	if strings.HasPrefix(f[0], "@") {
		sched = f[0]
	}
	return sched, strings.Join(f[n:], " "), true
}

// toolIn finds a backup tool in a command. When the command runs a script
// (an absolute path that is not a tool), the script is read once, one level
// deep. It returns the tool and where its command was found.
func (s *scanner) toolIn(cmd, p string, line, depth int) (string, string, int, string) {
	words := strings.Fields(cmd)
	for _, w := range words {
		w = strings.Trim(w, `"'();|&`)
		if t, ok := backupTools[path.Base(w)]; ok {
			return t, p, line, cmd
		}
	}
	if strings.Contains(cmd, "plesk bin pleskbackup") || strings.Contains(cmd, "plesk backup") {
		return "plesk", p, line, cmd
	}
	if depth > 0 {
		return "", "", 0, ""
	}
	for _, w := range words {
		if strings.Contains(w, "=") && !strings.HasPrefix(w, "/") {
			continue // VAR=value before the command
		}
		w = strings.Trim(w, `"'`)
		if strings.HasPrefix(w, "/") && !strings.HasPrefix(w, "/bin/") && !strings.HasPrefix(w, "/usr/bin/") {
			return s.toolInScript(w, depth+1)
		}
		if w == "sh" || w == "bash" || strings.HasSuffix(w, "/sh") || strings.HasSuffix(w, "/bash") || w == "nice" || w == "ionice" || strings.HasPrefix(w, "-") {
			continue
		}
		break
	}
	return "", "", 0, ""
}

// toolInScript looks for a backup tool in the lines of a script.
func (s *scanner) toolInScript(p string, depth int) (string, string, int, string) {
	data, _, err := s.fs.ReadFile(p)
	if err != nil {
		return "", "", 0, ""
	}
	for i, l := range lines(data) {
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' {
			continue
		}
		if tool, at, atLine, atCmd := s.toolIn(t, p, i+1, depth+1); tool != "" {
			return tool, at, atLine, atCmd
		}
	}
	return "", "", 0, ""
}

// remoteTarget matches a backup destination on another machine; compiled
// when first needed, not while every command starts.
var remoteTarget = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(\b(sftp|s3|b2|rest|azure|gs|swift|rclone|ssh|rsync|scp|ftp|ftps|webdav|webdavs|pexpect\+scp|boto3\+s3|gdocs|par2\+[a-z0-9]+):|[a-z0-9._-]+@[a-z0-9._-]+:|^[a-z0-9._-]+\.[a-z]{2,}:/)`)
})

// judgeBackup says whether a tool's command encrypts and whether its target
// is another machine, from the command line alone.
func judgeBackup(tool, cmd string) (encrypted, offsite bool) {
	switch tool {
	case "restic":
		encrypted = true // restic repositories are always encrypted
	case "duplicity":
		encrypted = !strings.Contains(cmd, "--no-encryption")
	}
	for _, w := range strings.Fields(cmd) {
		w = strings.Trim(w, `"'`)
		if _, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(w, "--") {
			w = v
		}
		if remoteTarget().MatchString(w) {
			offsite = true
		}
	}
	return
}

// secretPatterns are what hiding secrets in a command line looks for,
// compiled when first needed.
var secretPatterns = sync.OnceValue(func() (p struct{ assign, flag, urlUserPass, mysql *regexp.Regexp }) {
	p.assign = regexp.MustCompile(`(?i)\b([A-Z0-9_]*(PASS|SECRET|TOKEN|KEY|PWD)[A-Z0-9_]*)=("[^"]*"|'[^']*'|\S+)`)
	p.flag = regexp.MustCompile(`(?i)(--?[a-z-]*(pass|password|secret|token|key)[a-z-]*[= ])("[^"]*"|'[^']*'|\S+)`)
	p.urlUserPass = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]+):[^@\s]+@`)
	p.mysql = regexp.MustCompile(`(\s-p)(\S+)`)
	return p
})

// redact masks what could be a secret in a command line: VAR=value for
// password-like names, --password=…, user:password@ in URLs, -pSECRET.
func redact(cmd string) string {
	p := secretPatterns()
	cmd = p.assign.ReplaceAllString(cmd, "$1=***")
	cmd = p.flag.ReplaceAllString(cmd, "${1}***")
	cmd = p.urlUserPass.ReplaceAllString(cmd, "$1:***@")
	if strings.Contains(cmd, "mysql") {
		cmd = p.mysql.ReplaceAllString(cmd, "$1***")
	}
	return cmd
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
