package model

import (
	"net/mail"
	"strings"
	"unicode"
)

// CheckEmail reports whether s looks like a single e-mail address.
func CheckEmail(s string) bool {
	s, at, ok := emailShape(s)
	if !ok {
		return false
	}
	if dotAtoms(s[:at]) && dotAtoms(s[at+1:]) {
		// What net/mail accepts as itself, without its allocations.
		return true
	}
	return mailAddress(s)
}

// emailShape is CheckEmail's first look: s trimmed, one @ with something
// before it, a dotted domain after it, nothing that separates addresses.
// at is the @'s place.
func emailShape(s string) (trimmed string, at int, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\r\n<>,;\"") {
		return s, 0, false
	}
	at = strings.LastIndexByte(s, '@')
	if at < 1 || strings.Count(s, "@") != 1 {
		return s, 0, false
	}
	dom := s[at+1:]
	if !strings.Contains(dom, ".") || strings.HasPrefix(dom, ".") || strings.HasSuffix(dom, ".") || strings.Contains(dom, "..") {
		return s, 0, false
	}
	return s, at, true
}

// mailAddress reports whether net/mail reads s as exactly that address.
func mailAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s
}

// dotAtoms reports whether s is an RFC 5322 dot-atom of ASCII characters:
// atoms of printable characters other than specials, joined by single dots.
// net/mail reads local@domain made of two of them as that address.
func dotAtoms(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			if s[i-1] == '.' {
				return false
			}
		case c < '!' || c > '~' || strings.IndexByte(`()<>[]:;@\,"`, c) >= 0:
			return false
		}
	}
	return true
}

// CheckURL reports whether s is an http(s) address or a bare host name such as
// www.example.de (optionally with a path).
func CheckURL(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\r\n<>\"") {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(low, p) {
			s = s[len(p):]
			break
		}
	}
	host := s
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	if !strings.Contains(host, ".") || strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".") || strings.Contains(host, "..") {
		return false
	}
	for _, r := range host {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// CheckPhone reports whether s looks like a phone number: digits, spaces and
// + ( ) / - . only, with at least five digits. A trailing "*" (a footnote mark
// seen in real documents) is tolerated.
func CheckPhone(s string) bool {
	s = strings.TrimSuffix(strings.TrimSpace(s), "*")
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +()/-.", r):
		default:
			return false
		}
	}
	return digits >= 5
}
