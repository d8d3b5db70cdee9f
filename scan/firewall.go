package scan

import (
	"path"
	"strings"
)

// firewall reports host firewalls that start at boot: ufw, nftables,
// iptables rule sets restored at boot, firewalld and csf.
func (s *scanner) firewall() {
	f := Finding{ID: "firewall.active", Area: "firewall"}
	active, present := 0, 0
	found := func(on bool, evs ...Evidence) {
		present++
		if on {
			active++
		}
		f.Evidence = append(f.Evidence, evs...)
	}

	// ufw: ENABLED=yes in ufw.conf is what starts it at boot.
	if data, _, err := s.fs.ReadFile("/etc/ufw/ufw.conf"); err == nil {
		on := false
		var e Evidence
		for i, l := range lines(data) {
			k, v, ok := strings.Cut(stripComment(l), "=")
			if ok && strings.TrimSpace(k) == "ENABLED" {
				on = strings.EqualFold(strings.Trim(strings.TrimSpace(v), `"'`), "yes")
				e = ev("/etc/ufw/ufw.conf", i+1, l)
			}
		}
		if e.Path == "" {
			e = evNote("/etc/ufw/ufw.conf", "ev_key_unset", "ENABLED")
		}
		if me, masked := s.masked("ufw.service"); masked {
			on = false
			found(false, e, me)
		} else {
			found(on, e)
		}
	}

	// nftables: a rule set in /etc/nftables.conf, loaded by nftables.service.
	if data, _, err := s.fs.ReadFile("/etc/nftables.conf"); err == nil {
		rules := s.nftRules("/etc/nftables.conf", data, 0)
		svc, on := s.enabled("nftables.service", "multi-user.target", "sysinit.target")
		var e Evidence
		if rules.count > 0 {
			e = evNote("/etc/nftables.conf", "ev_nft_rules", rules.count)
		} else {
			e = evNote("/etc/nftables.conf", "ev_nft_empty")
		}
		found(on && rules.count > 0, append([]Evidence{e}, append(rules.evidence, svc)...)...)
	}

	// iptables rule sets restored at boot.
	for _, rs := range []struct{ file, service string }{
		{"/etc/iptables/rules.v4", "netfilter-persistent.service"},
		{"/etc/iptables/rules.v6", "netfilter-persistent.service"},
		{"/etc/sysconfig/iptables", "iptables.service"},
		{"/etc/sysconfig/ip6tables", "ip6tables.service"},
	} {
		data, _, err := s.fs.ReadFile(rs.file)
		if err != nil {
			continue
		}
		n, drop := iptablesRules(data)
		svc, on := s.enabled(rs.service, "multi-user.target", "sysinit.target", "network-pre.target")
		var e Evidence
		if n > 0 || drop {
			e = evNote(rs.file, "ev_ipt_rules", n)
		} else {
			e = evNote(rs.file, "ev_ipt_empty")
		}
		found(on && (n > 0 || drop), e, svc)
	}

	// firewalld.
	if s.fs.Exists("/etc/firewalld") || s.fs.Exists("/usr/lib/firewalld") || s.fs.Exists("/usr/sbin/firewalld") {
		svc, on := s.enabled("firewalld.service", "multi-user.target", "sysinit.target")
		found(on, svc)
	}

	// csf (ConfigServer Firewall), common on hosting servers.
	if data, _, err := s.fs.ReadFile("/etc/csf/csf.conf"); err == nil {
		testing := true
		var e Evidence
		for i, l := range lines(data) {
			k, v, ok := strings.Cut(stripComment(l), "=")
			if ok && strings.TrimSpace(k) == "TESTING" {
				testing = strings.Trim(strings.TrimSpace(v), `"`) != "0"
				e = ev("/etc/csf/csf.conf", i+1, l)
			}
		}
		svc, on := s.enabled("csf.service", "multi-user.target")
		if e.Path == "" {
			e = evNote("/etc/csf/csf.conf", "ev_key_unset", "TESTING")
		}
		found(on && !testing, e, svc)
	}

	switch {
	case active > 0:
		f.Result = OK
		f.Measures = []string{chkFirewall}
	case present > 0:
		f.Result = Weak
		f.Contradicts = []string{chkFirewall}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_fw_inactive")})
	default:
		f.Result = Missing
		f.Contradicts = []string{chkFirewall}
		f.Evidence = append(f.Evidence,
			evNote("/etc/ufw/ufw.conf", "ev_not_found"),
			evNote("/etc/nftables.conf", "ev_not_found"),
			evNote("/etc/iptables/rules.v4", "ev_not_found"),
			Evidence{Note: note("ev_fw_none")})
	}
	s.add(f)
}

// nftResult counts the filtering rules of an nftables file and its includes.
type nftResult struct {
	count    int
	evidence []Evidence
}

// nftRules counts rule lines inside chains (anything but the chain's "type
// … hook …" line counts; a "policy drop" counts too) and follows include
// statements inside the root.
func (s *scanner) nftRules(p string, data []byte, depth int) nftResult {
	var r nftResult
	depthBrace := 0
	inChain := false
	chainDepth := 0
	for _, l := range lines(data) {
		t := stripComment(l)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "include ") && depth < 4 {
			pat := strings.Trim(strings.TrimSpace(strings.TrimPrefix(t, "include")), `"`)
			if !strings.HasPrefix(pat, "/") {
				pat = path.Join("/etc", pat)
			}
			for _, inc := range s.fs.Glob(pat) {
				d, _, err := s.fs.ReadFile(inc)
				if err != nil {
					continue
				}
				sub := s.nftRules(inc, d, depth+1)
				r.count += sub.count
				if sub.count > 0 {
					r.evidence = append(r.evidence, evNote(inc, "ev_nft_rules", sub.count))
				}
			}
			continue
		}
		fields := strings.Fields(t)
		if len(fields) > 0 && fields[0] == "chain" {
			inChain, chainDepth = true, depthBrace+1
		} else if inChain && depthBrace == chainDepth {
			switch {
			case strings.Contains(t, "policy drop") || strings.Contains(t, "policy reject"):
				r.count++
			case strings.HasPrefix(t, "type ") || t == "}" || strings.HasPrefix(t, "policy "):
			default:
				r.count++
			}
		}
		depthBrace += strings.Count(t, "{") - strings.Count(t, "}")
		if inChain && depthBrace < chainDepth {
			inChain = false
		}
	}
	return r
}

// iptablesRules counts "-A" rules of an iptables-save file and reports
// whether a built-in chain's policy drops.
func iptablesRules(data []byte) (int, bool) {
	n, drop := 0, false
	for _, l := range lines(data) {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "-A "):
			n++
		case strings.HasPrefix(t, ":INPUT DROP"), strings.HasPrefix(t, ":INPUT REJECT"), strings.HasPrefix(t, ":FORWARD DROP"):
			drop = true
		}
	}
	return n, drop
}

// fail2ban reports whether fail2ban is installed, enabled and has jails.
func (s *scanner) fail2ban() {
	f := Finding{ID: "firewall.fail2ban", Area: "firewall"}
	installed := false
	if s.isDebian() {
		e, inst := s.installed("fail2ban")
		f.Evidence = append(f.Evidence, e)
		installed = inst
	}
	if !installed && s.fs.IsDir("/etc/fail2ban") && (s.fs.IsFile("/usr/bin/fail2ban-server") || s.fs.IsFile("/etc/fail2ban/jail.conf")) {
		installed = true
		f.Evidence = append(f.Evidence, evNote("/etc/fail2ban/jail.conf", "ev_present"))
	}
	if !installed {
		f.Result = Missing
		f.Contradicts = []string{chkFail2ban}
		if !s.isDebian() {
			f.Evidence = append(f.Evidence, evNote("/etc/fail2ban", "ev_not_found"))
		}
		s.add(f)
		return
	}
	svc, on := s.enabled("fail2ban.service", "multi-user.target")
	f.Evidence = append(f.Evidence, svc)
	jails := s.fail2banJails()
	for _, j := range sortedKeys(jails) {
		if l := jails[j]; iniYes(l.Value) {
			f.Evidence = append(f.Evidence, evLineNote(l.Path, l.Line, l.Text, "ev_jail", j))
		}
	}
	enabledJails := 0
	for _, l := range jails {
		if iniYes(l.Value) {
			enabledJails++
		}
	}
	switch {
	case on && enabledJails > 0:
		f.Result = OK
		f.Measures = []string{chkFail2ban}
	default:
		f.Result = Weak
		f.Contradicts = []string{chkFail2ban}
		if enabledJails == 0 {
			f.Evidence = append(f.Evidence, Evidence{Note: note("ev_no_jails")})
		}
	}
	s.add(f)
}

// fail2banJails returns the effective "enabled" line of every jail, read in
// fail2ban's order: jail.conf, jail.d/*.conf, jail.local, jail.d/*.local;
// later files override. The [DEFAULT] section's value applies to jails that
// set none, but only jails named in some file are counted.
func (s *scanner) fail2banJails() map[string]iniLine {
	files := []string{"/etc/fail2ban/jail.conf"}
	files = append(files, s.fs.Glob("/etc/fail2ban/jail.d/*.conf")...)
	files = append(files, "/etc/fail2ban/jail.local")
	files = append(files, s.fs.Glob("/etc/fail2ban/jail.d/*.local")...)
	jails := map[string]iniLine{}
	var def *iniLine
	named := map[string]bool{}
	for _, p := range files {
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			continue
		}
		for _, l := range parseINI(p, data) {
			if l.Section != "DEFAULT" && l.Section != "INCLUDES" && l.Section != "Definition" && l.Section != "" {
				named[l.Section] = true
			}
			if l.Key != "enabled" {
				continue
			}
			if l.Section == "DEFAULT" {
				c := l
				def = &c
				continue
			}
			jails[l.Section] = l
		}
	}
	if def != nil {
		for j := range named {
			if _, ok := jails[j]; !ok {
				jails[j] = *def
			}
		}
	}
	return jails
}
