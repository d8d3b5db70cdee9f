package scan

import (
	"path"
	"strings"
)

const postfixMain = "/etc/postfix/main.cf"

// postfixParam is one parameter of main.cf.
type postfixParam struct {
	Value string
	Line  int
	Text  string
}

// parsePostfix reads main.cf: "name = value", continuation lines start with
// white space, "#" starts a comment line; the last definition wins.
func parsePostfix(data []byte) map[string]postfixParam {
	out := map[string]postfixParam{}
	name := ""
	for i, l := range lines(data) {
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' {
			continue
		}
		if (l[0] == ' ' || l[0] == '\t') && name != "" {
			p := out[name]
			p.Value = strings.TrimSpace(p.Value + " " + t)
			out[name] = p
			continue
		}
		k, v, ok := strings.Cut(t, "=")
		if !ok {
			name = ""
			continue
		}
		name = strings.TrimSpace(k)
		out[name] = postfixParam{Value: strings.TrimSpace(v), Line: i + 1, Text: l}
	}
	return out
}

// mail judges transport encryption of Postfix (SMTP) and Dovecot (IMAP/POP3).
func (s *scanner) mail() {
	s.postfix()
	s.dovecot()
}

func (s *scanner) postfix() {
	data, _, err := s.fs.ReadFile(postfixMain)
	if err != nil {
		res := NotFound
		if !isNotFound(err) {
			res = Unreadable
		}
		s.add(Finding{ID: "mail.postfix", Area: "mail", Result: res, Evidence: []Evidence{readEvidence(postfixMain, err)}})
		return
	}
	cf := parsePostfix(data)

	// Incoming: smtpd_tls_security_level, or the legacy smtpd_use_tls /
	// smtpd_enforce_tls.
	in := Finding{ID: "mail.smtpd_tls", Area: "mail"}
	level := tlsLevel(cf, "smtpd", &in)
	switch level {
	case "may", "encrypt":
		in.Result = OK
		in.Measures = []string{chkStartTLS}
		cert := ""
		if p, ok := cf["smtpd_tls_chain_files"]; ok && p.Value != "" {
			cert = strings.Fields(strings.ReplaceAll(p.Value, ",", " "))[0]
		} else if p, ok := cf["smtpd_tls_cert_file"]; ok {
			cert = p.Value
		}
		switch {
		case cert == "":
			in.Result, in.Measures = Weak, nil
			in.Contradicts = []string{chkStartTLS}
			in.Evidence = append(in.Evidence, evNote(postfixMain, "ev_postfix_nocert"))
		case strings.Contains(cert, "$"):
			in.Evidence = append(in.Evidence, Evidence{Value: cert, Note: note("ev_cert_variable")})
		default:
			// Only the file's existence is checked: it may hold the key too.
			e, ok := s.existence(cert)
			in.Evidence = append(in.Evidence, e)
			if !ok {
				in.Result, in.Measures = Weak, nil
				in.Contradicts = []string{chkStartTLS}
			} else if strings.Contains(cert, "snakeoil") {
				in.Evidence = append(in.Evidence, Evidence{Note: note("ev_snakeoil")})
			}
		}
	default:
		in.Result = Missing
		in.Contradicts = []string{chkStartTLS}
		in.Evidence = append(in.Evidence, Evidence{Note: note("ev_smtpd_plain")})
	}
	s.add(in)

	out := Finding{ID: "mail.smtp_tls", Area: "mail"}
	level = tlsLevel(cf, "smtp", &out)
	switch level {
	case "may", "encrypt", "dane", "dane-only", "fingerprint", "verify", "secure":
		out.Result = OK
		out.Measures = []string{chkStartTLS}
	default:
		out.Result = Missing
		out.Contradicts = []string{chkStartTLS}
		out.Evidence = append(out.Evidence, Evidence{Note: note("ev_smtp_plain")})
	}
	s.add(out)
	s.submission(cf)
}

// submission judges whether mail programs can log in to Postfix only over
// encrypted connections: every service that accepts SASL logins (the main
// smtpd, submission, submissions/smtps in master.cf) must use wrapper mode,
// security level encrypt or smtpd_tls_auth_only = yes.
func (s *scanner) submission(cf map[string]postfixParam) {
	const master = "/etc/postfix/master.cf"
	type service struct {
		name string
		line int
		text string
		opts map[string]string
	}
	var services []*service
	data, _, _ := s.fs.ReadFile(master)
	for i, l := range lines(data) {
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' {
			continue
		}
		if l[0] == ' ' || l[0] == '\t' {
			if len(services) > 0 && strings.HasPrefix(t, "-o") {
				kv := strings.TrimSpace(strings.TrimPrefix(t, "-o"))
				if k, v, ok := strings.Cut(kv, "="); ok {
					services[len(services)-1].opts[strings.TrimSpace(k)] = strings.TrimSpace(v)
				}
			}
			continue
		}
		f := strings.Fields(t)
		if len(f) >= 8 && f[7] == "smtpd" && f[1] == "inet" {
			services = append(services, &service{name: f[0], line: i + 1, text: l, opts: map[string]string{}})
		}
	}
	if len(services) == 0 {
		services = []*service{{name: "smtp", opts: map[string]string{}}}
	}
	get := func(sv *service, k string) string {
		if v, ok := sv.opts[k]; ok {
			return strings.ToLower(v)
		}
		return strings.ToLower(cf[k].Value)
	}
	f := Finding{ID: "mail.submission_tls", Area: "mail"}
	logins, plain := 0, 0
	for _, sv := range services {
		if !iniYes(get(sv, "smtpd_sasl_auth_enable")) {
			continue
		}
		logins++
		e := ev(postfixMain, cf["smtpd_sasl_auth_enable"].Line, cf["smtpd_sasl_auth_enable"].Text)
		if sv.line > 0 {
			e = ev(master, sv.line, sv.text)
		}
		if iniYes(get(sv, "smtpd_tls_wrappermode")) || get(sv, "smtpd_tls_security_level") == "encrypt" || iniYes(get(sv, "smtpd_tls_auth_only")) {
			e.Note = note("ev_login_encrypted")
		} else {
			plain++
			e.Note = note("ev_login_plain")
		}
		f.Evidence = append(f.Evidence, e)
	}
	if logins == 0 {
		return // Postfix takes no logins from mail programs here
	}
	if plain == 0 {
		f.Result, f.Measures = OK, []string{chkTLSMail}
	} else {
		f.Result, f.Contradicts = Weak, []string{chkTLSMail}
	}
	s.add(f)
}

// tlsLevel returns the TLS security level of the Postfix server ("smtpd")
// or client ("smtp") side in lower case: <side>_tls_security_level, else the
// legacy <side>_enforce_tls / <side>_use_tls. It adds the lines it read to f.
func tlsLevel(cf map[string]postfixParam, side string, f *Finding) string {
	name := side + "_tls_security_level"
	p, ok := cf[name]
	if !ok {
		f.Evidence = append(f.Evidence, evNote(postfixMain, "ev_postfix_default", name))
	} else {
		f.Evidence = append(f.Evidence, ev(postfixMain, p.Line, p.Text))
	}
	if level := strings.ToLower(p.Value); level != "" {
		return level
	}
	for _, legacy := range []struct{ key, level string }{{"_enforce_tls", "encrypt"}, {"_use_tls", "may"}} {
		if p, ok := cf[side+legacy.key]; ok && iniYes(p.Value) {
			f.Evidence = append(f.Evidence, ev(postfixMain, p.Line, p.Text))
			return legacy.level
		}
	}
	return ""
}

// dovecot reads ssl = … from dovecot.conf and the files it includes (later
// values win; settings inside { } blocks are not global and are skipped).
func (s *scanner) dovecot() {
	const main = "/etc/dovecot/dovecot.conf"
	vals := map[string]postfixParam{}
	where := map[string]string{}
	var read func(p string, depth int) error
	read = func(p string, depth int) error {
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			return err
		}
		nest := 0
		for i, l := range lines(data) {
			t := stripComment(l)
			if t == "" {
				continue
			}
			if strings.HasPrefix(t, "!include") && depth < 8 {
				f := strings.Fields(t)
				if len(f) == 2 {
					pat := strings.Trim(f[1], `"`)
					if !strings.HasPrefix(pat, "/") {
						pat = path.Join(path.Dir(p), pat)
					}
					for _, inc := range s.fs.Glob(pat) {
						read(inc, depth+1)
					}
				}
				continue
			}
			if strings.HasSuffix(t, "{") {
				nest++
				continue
			}
			if t == "}" {
				if nest > 0 {
					nest--
				}
				continue
			}
			if nest > 0 {
				continue
			}
			k, v, ok := strings.Cut(t, "=")
			if !ok {
				continue
			}
			k = strings.TrimSpace(k)
			vals[k] = postfixParam{Value: strings.TrimSpace(v), Line: i + 1, Text: l}
			where[k] = p
		}
		return nil
	}
	if err := read(main, 0); err != nil {
		res := NotFound
		if !isNotFound(err) {
			res = Unreadable
		}
		s.add(Finding{ID: "mail.dovecot", Area: "mail", Result: res, Evidence: []Evidence{readEvidence(main, err)}})
		return
	}
	f := Finding{ID: "mail.dovecot_tls", Area: "mail"}
	ssl := "yes"
	if v, ok := vals["ssl"]; ok {
		ssl = strings.ToLower(v.Value)
		f.Evidence = append(f.Evidence, ev(where["ssl"], v.Line, v.Text))
	} else {
		f.Evidence = append(f.Evidence, evNote("/etc/dovecot/conf.d/10-ssl.conf", "ev_dovecot_default"))
	}
	plain := false
	for _, k := range []string{"disable_plaintext_auth", "auth_allow_cleartext"} {
		if v, ok := vals[k]; ok {
			f.Evidence = append(f.Evidence, ev(where[k], v.Line, v.Text))
			if (k == "disable_plaintext_auth" && !iniYes(v.Value)) || (k == "auth_allow_cleartext" && iniYes(v.Value)) {
				plain = true
			}
		}
	}
	switch {
	case ssl == "required":
		f.Result = OK
		f.Measures = []string{chkTLSMail}
	case ssl == "yes" && !plain:
		f.Result = OK
		f.Measures = []string{chkTLSMail}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_dovecot_yes")})
	case ssl == "yes":
		f.Result = Weak
		f.Contradicts = []string{chkTLSMail}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_dovecot_plain")})
	default:
		f.Result = Missing
		f.Contradicts = []string{chkTLSMail}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_dovecot_off")})
	}
	for _, k := range []string{"ssl_cert", "ssl_server_cert_file"} {
		if v, ok := vals[k]; ok {
			cert := strings.TrimSpace(strings.TrimPrefix(v.Value, "<"))
			e, _ := s.existence(cert)
			f.Evidence = append(f.Evidence, e)
		}
	}
	s.add(f)
}
