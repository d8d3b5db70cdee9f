package scan

import (
	"path"
	"strconv"
	"strings"
)

// journaldConf returns the [Journal] settings in systemd's order: the main
// file, then drop-ins of all folders sorted by file name (a drop-in in /etc
// replaces one of the same name elsewhere); later values win.
func (s *scanner) journaldConf() map[string]iniLine {
	files := []string{"/etc/systemd/journald.conf"}
	byName := map[string]string{}
	for _, d := range []string{"/usr/lib/systemd/journald.conf.d", "/usr/local/lib/systemd/journald.conf.d", "/run/systemd/journald.conf.d", "/etc/systemd/journald.conf.d"} {
		for _, p := range s.fs.Glob(d + "/*.conf") {
			byName[path.Base(p)] = p
		}
	}
	for _, n := range sortedKeys(byName) {
		files = append(files, byName[n])
	}
	out := map[string]iniLine{}
	for _, p := range files {
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			continue
		}
		for _, l := range parseINI(p, data) {
			if l.Section == "Journal" {
				out[l.Key] = l
			}
		}
	}
	return out
}

// logs reports whether logs survive a reboot and how long they are kept.
func (s *scanner) logs() {
	jc := s.journaldConf()
	jf := Finding{ID: "logs.journald", Area: "logs"}
	storage := "auto"
	if l, ok := jc["Storage"]; ok {
		storage = strings.ToLower(l.Value)
		jf.Evidence = append(jf.Evidence, ev(l.Path, l.Line, l.Text))
	} else {
		jf.Evidence = append(jf.Evidence, evNote("/etc/systemd/journald.conf", "ev_journald_default", "Storage", "auto"))
	}
	persistent := false
	switch storage {
	case "persistent":
		persistent = true
	case "auto":
		if s.fs.IsDir("/var/log/journal") {
			persistent = true
			jf.Evidence = append(jf.Evidence, evNote("/var/log/journal", "ev_journal_dir"))
		} else {
			jf.Evidence = append(jf.Evidence, evNote("/var/log/journal", "ev_journal_nodir"))
		}
	}
	if persistent {
		jf.Result = OK
	} else {
		jf.Result = Weak
		jf.Evidence = append(jf.Evidence, Evidence{Note: note("ev_journal_volatile")})
	}
	s.add(jf)

	sys := Finding{ID: "logs.syslog", Area: "logs"}
	syslogOn := false
	for _, d := range []struct{ conf, svc string }{{"/etc/rsyslog.conf", "rsyslog.service"}, {"/etc/syslog-ng/syslog-ng.conf", "syslog-ng.service"}} {
		if !s.fs.IsFile(d.conf) {
			continue
		}
		e, on := s.enabled(d.svc, serviceTargets...)
		sys.Evidence = append(sys.Evidence, evNote(d.conf, "ev_present"), e)
		syslogOn = syslogOn || on
	}
	switch {
	case syslogOn:
		sys.Result = OK
	case len(sys.Evidence) > 0:
		sys.Result = Weak
	default:
		sys.Result = NotFound
		sys.Evidence = append(sys.Evidence, evNote("/etc/rsyslog.conf", "ev_not_found"))
	}
	s.add(sys)

	kept := Finding{ID: "logs.persistent", Area: "logs"}
	kept.Evidence = append(kept.Evidence, jf.Evidence[0])
	if len(sys.Evidence) > 0 {
		kept.Evidence = append(kept.Evidence, sys.Evidence[len(sys.Evidence)-1])
	}
	if persistent || syslogOn {
		kept.Result = OK
		kept.Measures = []string{chkLogging, chkAccessLogging}
	} else {
		kept.Result = Weak
		kept.Contradicts = []string{chkLogging, chkAccessLogging}
		kept.Evidence = append(kept.Evidence, Evidence{Note: note("ev_logs_lost")})
	}
	s.add(kept)

	s.remoteLogs()

	// Retention is defined when every persistent log has a limit in time:
	// the journal MaxRetentionSec, syslog files a logrotate rule.
	ret := Finding{ID: "logs.retention", Area: "logs"}
	maxRet := false
	for _, k := range []string{"MaxRetentionSec", "MaxFileSec", "SystemMaxUse"} {
		if l, ok := jc[k]; ok {
			ret.Evidence = append(ret.Evidence, ev(l.Path, l.Line, l.Text))
			if k == "MaxRetentionSec" && l.Value != "0" && l.Value != "" {
				maxRet = true
			}
		}
	}
	if persistent && !maxRet {
		ret.Evidence = append(ret.Evidence, evNote("/etc/systemd/journald.conf", "ev_journal_size_only"))
	}
	rotated := false
	if syslogOn {
		var evs []Evidence
		evs, rotated = s.logrotate()
		ret.Evidence = append(ret.Evidence, evs...)
	}
	switch {
	case !persistent && !syslogOn:
		ret.Result = Unknown
		ret.Evidence = append(ret.Evidence, Evidence{Note: note("ev_logs_lost")})
	case (!persistent || maxRet) && (!syslogOn || rotated):
		ret.Result = OK
		ret.Measures = []string{chkLogRetention}
	default:
		ret.Result = Weak
	}
	s.add(ret)
}

// logrotate reads the global rotation of /etc/logrotate.conf and the syslog
// files' own rules (logrotate.d/rsyslog), e.g. "weekly" + "rotate 4".
func (s *scanner) logrotate() ([]Evidence, bool) {
	var out []Evidence
	ok := false
	for _, p := range []string{"/etc/logrotate.conf", "/etc/logrotate.d/rsyslog", "/etc/logrotate.d/syslog"} {
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			if p == "/etc/logrotate.conf" {
				out = append(out, readEvidence(p, err))
			}
			continue
		}
		period, count, line, text := "", -1, 0, ""
		for i, l := range lines(data) {
			f := strings.Fields(stripComment(l))
			if len(f) == 0 {
				continue
			}
			switch f[0] {
			case "daily", "weekly", "monthly", "yearly":
				if period == "" {
					period = f[0]
				}
			case "rotate":
				if len(f) > 1 && count < 0 {
					if n, err := strconv.Atoi(f[1]); err == nil {
						count, line, text = n, i+1, l
					}
				}
			}
		}
		if count >= 0 {
			ok = true
			if period == "" {
				period = "weekly"
			}
			out = append(out, evLineNote(p, line, text, "ev_rotate", count, period))
		}
	}
	return out, ok
}

// remoteLogs looks for log forwarding to another system: rsyslog forwarding
// actions (@host, @@host, omfwd, omrelp) and systemd-journal-upload.
func (s *scanner) remoteLogs() {
	f := Finding{ID: "logs.remote", Area: "logs"}
	files := append([]string{"/etc/rsyslog.conf"}, s.fs.Glob("/etc/rsyslog.d/*.conf")...)
	for _, p := range files {
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			continue
		}
		for i, l := range lines(data) {
			t := stripComment(l)
			if t == "" {
				continue
			}
			fields := strings.Fields(t)
			last := fields[len(fields)-1]
			if (len(fields) >= 2 && strings.HasPrefix(last, "@")) || strings.Contains(t, "omfwd") || strings.Contains(t, "omrelp") {
				f.Evidence = append(f.Evidence, ev(p, i+1, l))
			}
		}
	}
	if e, on := s.enabled("systemd-journal-upload.service", serviceTargets...); on {
		f.Evidence = append(f.Evidence, e)
	}
	if len(f.Evidence) > 0 {
		f.Result, f.Measures = OK, []string{chkCentralLog}
	} else {
		f.Result = NotFound
		f.Evidence = []Evidence{{Note: note("ev_no_remote_logs")}}
	}
	s.add(f)
}
