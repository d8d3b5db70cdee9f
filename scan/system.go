package scan

import (
	"strings"
)

// system reports the distribution, the host name and whether the system
// runs in a container.
func (s *scanner) system() {
	f := Finding{ID: "system.os", Area: "system", Result: OK}
	var firstErr error
	for _, p := range []string{"/etc/os-release", "/usr/lib/os-release"} {
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		for i, l := range lines(data) {
			if strings.HasPrefix(l, "PRETTY_NAME=") {
				f.Evidence = append(f.Evidence, ev(p, i+1, l))
			}
		}
		break
	}
	if data, _, err := s.fs.ReadFile("/etc/hostname"); err == nil {
		if h := strings.TrimSpace(string(data)); h != "" {
			f.Evidence = append(f.Evidence, ev("/etc/hostname", 1, h))
		}
	}
	if len(f.Evidence) == 0 {
		f.Result = Unknown
		f.Evidence = append(f.Evidence, readEvidence("/etc/os-release", firstErr))
	}
	s.add(f)

	if data, _, err := s.fs.ReadFile("/run/systemd/container"); err == nil {
		s.container = strings.TrimSpace(string(data))
		s.add(Finding{ID: "system.container", Area: "system", Result: OK, Evidence: []Evidence{ev("/run/systemd/container", 1, s.container)}})
	} else if s.fs.IsFile("/.dockerenv") {
		s.container = "docker"
		s.add(Finding{ID: "system.container", Area: "system", Result: OK, Evidence: []Evidence{evNote("/.dockerenv", "ev_present")}})
	} else if s.fs.Exists("/proc/vz") && !s.fs.Exists("/proc/bc") {
		s.container = "openvz"
		s.add(Finding{ID: "system.container", Area: "system", Result: OK, Evidence: []Evidence{evNote("/proc/vz", "ev_openvz")}})
	}
}

// panels reports hosting control panels. Files that hold secrets (Plesk's
// database password, ISPConfig's configuration) are only checked for
// existence, never read.
func (s *scanner) panels() {
	f := Finding{ID: "panel.detected", Area: "panel"}
	version := func(p, name string) bool {
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			return false
		}
		v := strings.TrimSpace(strings.SplitN(string(data), "\n", 2)[0])
		f.Evidence = append(f.Evidence, ev(p, 1, name+" "+v))
		return true
	}
	secret := func(p string) bool {
		if e, ok := s.existence(p); ok {
			e.Note = note("ev_secret_exists")
			f.Evidence = append(f.Evidence, e)
			return true
		}
		return false
	}
	if !version("/usr/local/psa/version", "Plesk") {
		version("/opt/psa/version", "Plesk")
	}
	secret("/etc/psa/.psa.shadow")
	if !version("/usr/local/cpanel/version", "cPanel") {
		secret("/usr/local/cpanel/cpanel")
	}
	version("/etc/webmin/version", "Webmin")
	secret("/usr/local/ispconfig/server/lib/config.inc.php")
	if len(f.Evidence) > 0 {
		f.Result = OK
	} else {
		f.Result = NotFound
		f.Evidence = append(f.Evidence, evNote("/usr/local/psa/version", "ev_not_found"), Evidence{Note: note("ev_no_panel")})
	}
	s.add(f)
}

// timeSync reports clock synchronisation: systemd-timesyncd, chrony, ntpd
// (classic and NTPsec) or OpenNTPD, enabled to start at boot.
func (s *scanner) timeSync() {
	f := Finding{ID: "time.sync", Area: "time"}
	type daemon struct {
		confs    []string
		services []string
	}
	daemons := []daemon{
		{[]string{"/etc/systemd/timesyncd.conf"}, []string{"systemd-timesyncd.service"}},
		{[]string{"/etc/chrony/chrony.conf", "/etc/chrony.conf"}, []string{"chrony.service", "chronyd.service"}},
		{[]string{"/etc/ntpsec/ntp.conf", "/etc/ntp.conf"}, []string{"ntpsec.service", "ntp.service", "ntpd.service"}},
		{[]string{"/etc/openntpd/ntpd.conf"}, []string{"openntpd.service"}},
	}
	on, present := false, false
	for _, d := range daemons {
		conf := ""
		for _, c := range d.confs {
			if s.fs.IsFile(c) {
				conf = c
				break
			}
		}
		var enabled []Evidence
		for _, svc := range d.services {
			if e, ok := s.enabled(svc, serviceTargets...); ok {
				enabled = append(enabled, e)
			} else if _, masked := s.masked(svc); masked {
				f.Evidence = append(f.Evidence, e)
			}
		}
		if conf == "" && len(enabled) == 0 {
			continue
		}
		present = true
		if conf != "" {
			f.Evidence = append(f.Evidence, s.ntpServers(conf)...)
		}
		if len(enabled) > 0 {
			on = true
			f.Evidence = append(f.Evidence, enabled...)
		} else {
			f.Evidence = append(f.Evidence, evNote("/etc/systemd/system/multi-user.target.wants/"+d.services[0], "ev_not_enabled"))
		}
	}
	switch {
	case on:
		f.Result = OK
		f.Measures = []string{chkTimeSync}
	case s.container != "":
		f.Result = Unknown
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_container_time", s.container)})
	case present:
		f.Result = Weak
		f.Contradicts = []string{chkTimeSync}
	default:
		f.Result = Missing
		f.Contradicts = []string{chkTimeSync}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_no_timesync")})
	}
	s.add(f)
}

// ntpServers returns the server lines of a time daemon's configuration, or
// the file itself when it names none (timesyncd then uses its built-in pool).
func (s *scanner) ntpServers(p string) []Evidence {
	data, _, err := s.fs.ReadFile(p)
	if err != nil {
		return []Evidence{readEvidence(p, err)}
	}
	var out []Evidence
	for i, l := range lines(data) {
		t := stripComment(l)
		k := strings.ToLower(strings.Fields(t + " x")[0])
		if k == "server" || k == "pool" || k == "servers" || strings.HasPrefix(k, "ntp=") || strings.HasPrefix(k, "fallbackntp=") {
			out = append(out, ev(p, i+1, l))
			if len(out) == 3 {
				break
			}
		}
	}
	if len(out) == 0 {
		out = append(out, evNote(p, "ev_present"))
	}
	return out
}
