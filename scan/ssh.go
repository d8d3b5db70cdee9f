package scan

// sshdMain is where the OpenSSH server reads its configuration.
const sshdMain = "/etc/ssh/sshd_config"

// ssh judges the OpenSSH server: password login, keyboard-interactive login,
// public keys, root login and the key-only verdict.
func (s *scanner) ssh() {
	c := parseSSHD(s.fs, sshdMain)
	if c.MainErr != nil {
		res := NotFound
		if c.Found {
			res = Unreadable
		}
		evs := []Evidence{readEvidence(sshdMain, c.MainErr)}
		if s.fs.IsFile("/usr/sbin/sshd") {
			evs = append(evs, evNote("/usr/sbin/sshd", "ev_present"))
		}
		s.add(Finding{ID: "ssh.config", Area: "ssh", Result: res, Evidence: evs})
		return
	}
	s.sshCfg = c
	files := make([]Evidence, 0, len(c.Files))
	seen := map[string]bool{}
	for _, f := range c.Files {
		if !seen[f] {
			seen[f] = true
			files = append(files, evNote(f, "ev_read"))
		}
	}
	files = append(files, c.Problems...)
	res := OK
	if len(c.Cut) > 0 {
		res = Unknown
	}
	s.add(Finding{ID: "ssh.config", Area: "ssh", Result: res, Evidence: files})
	// judged adds a finding that judges a setting. When the configuration
	// was not read whole, any setting may differ from what was read: the
	// finding is unknown, says why and supports or contradicts nothing.
	judged := func(f Finding) {
		if len(c.Cut) > 0 {
			f.Result, f.Measures, f.Contradicts = Unknown, nil, nil
			f.Evidence = append(f.Evidence, c.Cut...)
			f.Evidence = append(f.Evidence, Evidence{Note: note("ev_sshd_cut")})
		}
		s.add(f)
	}

	v := c.judge()
	setting := func(key string) Evidence {
		e := c.Effective(key)
		if e.Set != nil {
			return e.Set.evidence()
		}
		return evNote(sshdMain, "ev_sshd_default", sshdNames[key], e.Value)
	}

	pw := c.Effective("passwordauthentication")
	res = OK
	if sshdYes(pw.Value) {
		res = Weak
	}
	pwEv := []Evidence{setting("passwordauthentication")}
	// A Match block that turns passwords back on for some connections is
	// an exception to "passwords off" and must be shown with it.
	for _, b := range c.Matches {
		for _, set := range b.Settings {
			if set.Key == "passwordauthentication" && sshdYes(set.Value()) {
				pwEv = append(pwEv, evLineNote(set.Path, set.Line, set.Text, "ev_match_override"))
				res = Weak
				break
			}
		}
	}
	judged(Finding{ID: "ssh.password_auth", Area: "ssh", Result: res, Evidence: pwEv})

	kbd := c.Effective("kbdinteractiveauthentication")
	pam := c.Effective("usepam")
	kev := []Evidence{setting("kbdinteractiveauthentication"), setting("usepam")}
	res = OK
	if sshdYes(kbd.Value) {
		if sshdYes(pam.Value) {
			res = Weak
			kev = append(kev, Evidence{Note: note("ev_kbd_pam")})
		} else {
			kev = append(kev, Evidence{Note: note("ev_kbd_nopam")})
		}
	}
	judged(Finding{ID: "ssh.kbd_interactive", Area: "ssh", Result: res, Evidence: kev})

	res = OK
	if !v.Pubkey {
		res = Weak
	}
	judged(Finding{ID: "ssh.pubkey_auth", Area: "ssh", Result: res, Evidence: []Evidence{setting("pubkeyauthentication")}})

	root := Finding{ID: "ssh.root_login", Area: "ssh", Evidence: []Evidence{setting("permitrootlogin")}}
	switch v.RootLogin {
	case "no":
		root.Result = OK
		root.Measures = []string{chkSSHNoRoot}
		for _, g := range v.RootGaps {
			root.Evidence = append(root.Evidence, evLineNote(g.Path, g.Line, g.Text, "ev_match_override"))
		}
		if len(v.RootGaps) > 0 {
			root.Result, root.Measures, root.Contradicts = Weak, nil, []string{chkSSHNoRoot}
		}
	case "forced-commands-only":
		root.Result = Weak
		root.Evidence = append(root.Evidence, Evidence{Note: note("ev_root_forced")})
	case "prohibit-password":
		root.Result = Weak
		root.Contradicts = []string{chkSSHNoRoot}
		root.Evidence = append(root.Evidence, Evidence{Note: note("ev_root_key")})
	default:
		root.Result = Missing
		root.Contradicts = []string{chkSSHNoRoot}
		root.Evidence = append(root.Evidence, Evidence{Note: note("ev_root_yes")})
	}
	judged(root)

	keyOnly := Finding{ID: "ssh.key_only", Area: "ssh"}
	if v.KeysRequired {
		keyOnly.Evidence = append(keyOnly.Evidence, setting("authenticationmethods"))
	} else {
		keyOnly.Evidence = append(keyOnly.Evidence, setting("passwordauthentication"), setting("kbdinteractiveauthentication"), setting("pubkeyauthentication"))
	}
	switch {
	case v.KeyOnly && len(v.KeyGaps) == 0:
		keyOnly.Result = OK
		keyOnly.Measures = []string{chkSSHKeysOnly}
	case v.KeyOnly:
		keyOnly.Result = Weak
		keyOnly.Contradicts = []string{chkSSHKeysOnly}
		for _, g := range v.KeyGaps {
			keyOnly.Evidence = append(keyOnly.Evidence, evLineNote(g.Path, g.Line, g.Text, "ev_match_override"))
		}
	case !v.PasswordsPossible:
		keyOnly.Result = Weak // neither passwords nor keys: nobody logs in
		keyOnly.Evidence = append(keyOnly.Evidence, Evidence{Note: note("ev_no_method")})
	default:
		keyOnly.Result = Missing
		keyOnly.Contradicts = []string{chkSSHKeysOnly}
		keyOnly.Evidence = append(keyOnly.Evidence, Evidence{Note: note("ev_passwords_on")})
	}
	judged(keyOnly)

	if len(c.Matches) > 0 {
		m := Finding{ID: "ssh.match", Area: "ssh", Result: OK}
		for _, b := range c.Matches {
			key := "ev_match_block"
			if len(b.Settings) == 1 {
				key = "ev_match_block1"
			}
			m.Evidence = append(m.Evidence, evLineNote(b.Path, b.Line, "Match "+b.Criteria, key, len(b.Settings)))
		}
		if len(v.KeyGaps)+len(v.RootGaps) > 0 {
			m.Result = Weak
		}
		judged(m)
	}
}
