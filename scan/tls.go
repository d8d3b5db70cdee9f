package scan

import (
	"crypto/x509"
	"encoding/pem"
	"path"
	"strings"
	"time"

	"github.com/tom-dsgvo/tom/model"
)

// expirySoonDays is when a certificate counts as expiring soon.
const expirySoonDays = 14

// Certificate is a TLS certificate found on the system.
type Certificate struct {
	Name     string   `json:"name"` // the folder under /etc/letsencrypt/live
	Path     string   `json:"path"`
	Subject  string   `json:"subject"`
	DNSNames []string `json:"dns_names"`
	NotAfter string   `json:"not_after"` // YYYY-MM-DD
	DaysLeft int      `json:"days_left"`
	State    string   `json:"state"` // valid, expiring, expired, unparsable
}

// tls reads the Let's Encrypt certificates and their expiry.
func (s *scanner) tls() {
	const live = "/etc/letsencrypt/live"
	f := Finding{ID: "tls.web", Area: "tls"}
	dirs, err := s.fs.ReadDir(live)
	if err != nil {
		f.Result = NotFound
		if !isNotFound(err) {
			f.Result = Unreadable
		}
		f.Evidence = []Evidence{readEvidence(live, err), {Note: note("ev_certs_elsewhere")}}
		s.add(f)
		return
	}
	valid, expiring, expired := 0, 0, 0
	for _, d := range dirs {
		p := path.Join(live, d, "cert.pem")
		if !s.fs.IsDir(path.Join(live, d)) {
			continue
		}
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			continue // recorded as unreadable unless it is simply missing
		}
		c := s.parseCert(d, p, data)
		s.rep.Certificates = append(s.rep.Certificates, c)
		cf := Finding{ID: "tls.cert:" + d, Area: "tls", Title: msg("t_tls.cert", d)}
		names := strings.Join(c.DNSNames, ", ")
		if names == "" {
			names = c.Subject
		}
		switch c.State {
		case "valid":
			valid++
			cf.Result = OK
			cf.Evidence = []Evidence{evLineNote(p, 0, names, "ev_cert_valid", day(c.NotAfter), c.DaysLeft)}
		case "expiring":
			expiring++
			cf.Result = Weak
			cf.Evidence = []Evidence{evLineNote(p, 0, names, "ev_cert_expiring", day(c.NotAfter), c.DaysLeft)}
		case "expired":
			expired++
			cf.Result = Weak
			cf.Evidence = []Evidence{evLineNote(p, 0, names, "ev_cert_expired", day(c.NotAfter))}
		default:
			cf.Result = Unknown
			cf.Evidence = []Evidence{evNote(p, "ev_cert_unparsable")}
		}
		s.add(cf)
		f.Evidence = append(f.Evidence, cf.Evidence...)
	}
	renewal, renewed := s.certRenewal()
	if renewed {
		f.Evidence = append(f.Evidence, renewal)
	} else if valid+expiring+expired > 0 {
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_no_renewal")})
	}
	switch {
	case expired > 0:
		// A site serving an expired certificate is not protected, whatever
		// the other certificates say: that needs looking at.
		f.Result = Weak
		f.Contradicts = []string{chkTLSWeb}
	case valid > 0 || (expiring > 0 && renewed):
		f.Result = OK
		f.Measures = []string{chkTLSWeb}
	case expiring > 0:
		// Still encrypting today, but nothing renews it.
		f.Result = Weak
		f.Measures = []string{chkTLSWeb}
	default:
		f.Result = NotFound
		f.Evidence = append(f.Evidence, evNote(live, "ev_no_entries"), Evidence{Note: note("ev_certs_elsewhere")})
	}
	s.add(f)
}

// parseCert reads the first certificate of a PEM file. Only CERTIFICATE
// blocks are decoded; anything else in the file is skipped unread.
func (s *scanner) parseCert(name, p string, data []byte) Certificate {
	c := Certificate{Name: name, Path: p, DNSNames: []string{}, State: "unparsable"}
	for len(data) > 0 {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		x, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			break
		}
		c.Subject = x.Subject.CommonName
		c.DNSNames = append(c.DNSNames, x.DNSNames...)
		na := x.NotAfter.UTC()
		c.NotAfter = na.Format(model.DateLayout)
		day := time.Date(na.Year(), na.Month(), na.Day(), 0, 0, 0, 0, time.UTC)
		c.DaysLeft = int(day.Sub(s.today).Hours() / 24)
		switch {
		case !na.After(s.today):
			c.State = "expired"
		case c.DaysLeft <= expirySoonDays:
			c.State = "expiring"
		default:
			c.State = "valid"
		}
		break
	}
	return c
}

// certRenewal finds certbot's automatic renewal: its timer or cron file.
func (s *scanner) certRenewal() (Evidence, bool) {
	for _, t := range []string{"certbot.timer", "snap.certbot.renew.timer"} {
		if e, on := s.enabled(t, "timers.target"); on {
			return e, true
		}
	}
	if s.fs.IsFile("/etc/cron.d/certbot") {
		return evNote("/etc/cron.d/certbot", "ev_present"), true
	}
	return Evidence{}, false
}
