package scan

import "strings"

// updates reports whether security updates install themselves:
// unattended-upgrades on Debian and Ubuntu, dnf-automatic (or yum-cron) on
// RPM systems.
func (s *scanner) updates() {
	f := Finding{ID: "updates.auto", Area: "updates"}
	switch {
	case s.isDebian():
		s.unattended(&f)
	case s.isRPM():
		s.dnfAutomatic(&f)
	default:
		f.Result = Unknown
		f.Evidence = []Evidence{evNote(dpkgStatus, "ev_not_found"), evNote("/var/lib/rpm", "ev_not_found"), {Note: note("ev_no_pkg_manager")}}
	}
	s.add(f)
}

func (s *scanner) unattended(f *Finding) {
	e, inst := s.installed("unattended-upgrades")
	f.Evidence = append(f.Evidence, e)
	if !inst {
		f.Result = Missing
		f.Contradicts = []string{chkAutoUpdates}
		return
	}
	cfg := s.aptConfig()
	enabled := false
	if v, ok := cfg["apt::periodic::unattended-upgrade"]; ok {
		f.Evidence = append(f.Evidence, ev(v.Path, v.Line, v.Text))
		enabled = aptOn(v.Value)
	} else {
		f.Evidence = append(f.Evidence, evNote("/etc/apt/apt.conf.d/20auto-upgrades", "ev_apt_unset", "APT::Periodic::Unattended-Upgrade"))
	}
	if v, ok := cfg["apt::periodic::enable"]; ok && !aptOn(v.Value) {
		f.Evidence = append(f.Evidence, ev(v.Path, v.Line, v.Text))
		enabled = false
	}
	if me, masked := s.masked("apt-daily-upgrade.timer"); masked {
		f.Evidence = append(f.Evidence, me)
		enabled = false
	} else if te, on := s.enabled("apt-daily-upgrade.timer", "timers.target"); on {
		f.Evidence = append(f.Evidence, te)
	}
	if enabled {
		f.Result = OK
		f.Measures = []string{chkAutoUpdates}
		return
	}
	f.Result = Weak
	f.Contradicts = []string{chkAutoUpdates}
	f.Evidence = append(f.Evidence, Evidence{Note: note("ev_installed_not_enabled")})
}

// aptOn reports whether an APT::Periodic value switches the job on: a
// number of days above zero or "always".
func aptOn(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	switch v {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// dnfAutomatic judges dnf-automatic (dnf 4 and 5) and yum-cron.
func (s *scanner) dnfAutomatic(f *Finding) {
	type tool struct {
		conf, section, key string
		applyTimer         string   // applies whatever the config says
		timers             []string // apply only with apply_updates = yes
		service            bool     // yum-cron is a service, not a timer
	}
	tools := []tool{
		{conf: "/etc/dnf/automatic.conf", section: "commands", key: "apply_updates", applyTimer: "dnf-automatic-install.timer", timers: []string{"dnf-automatic.timer"}},
		{conf: "/etc/dnf/dnf5-plugins/automatic.conf", section: "commands", key: "apply_updates", applyTimer: "dnf5-automatic-install.timer", timers: []string{"dnf5-automatic.timer"}},
		{conf: "/etc/yum/yum-cron.conf", section: "commands", key: "apply_updates", timers: []string{"yum-cron.service"}, service: true},
	}
	seen := false
	for _, t := range tools {
		data, _, err := s.fs.ReadFile(t.conf)
		if err != nil {
			if !isNotFound(err) {
				f.Evidence = append(f.Evidence, readEvidence(t.conf, err))
			}
			continue
		}
		seen = true
		apply := false
		for _, l := range parseINI(t.conf, data) {
			if l.Section == t.section && l.Key == t.key {
				apply = iniYes(l.Value)
				f.Evidence = append(f.Evidence, ev(l.Path, l.Line, l.Text))
			}
		}
		if t.applyTimer != "" {
			if e, on := s.enabled(t.applyTimer, "timers.target"); on {
				f.Evidence = append(f.Evidence, e)
				f.Result, f.Measures = OK, []string{chkAutoUpdates}
				return
			}
		}
		for _, tm := range t.timers {
			targets := []string{"timers.target"}
			if t.service {
				targets = serviceTargets
			}
			e, on := s.enabled(tm, targets...)
			f.Evidence = append(f.Evidence, e)
			if on && apply {
				f.Result, f.Measures = OK, []string{chkAutoUpdates}
				return
			}
		}
	}
	if !seen {
		f.Result = Missing
		f.Contradicts = []string{chkAutoUpdates}
		f.Evidence = append(f.Evidence, evNote("/etc/dnf/automatic.conf", "ev_not_found"))
		return
	}
	f.Result = Weak
	f.Contradicts = []string{chkAutoUpdates}
	f.Evidence = append(f.Evidence, Evidence{Note: note("ev_installed_not_enabled")})
}

// iniYes reports whether an INI boolean is true.
func iniYes(v string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`)) {
	case "yes", "true", "1", "on":
		return true
	}
	return false
}
