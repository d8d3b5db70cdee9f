package scan

import (
	"path"
	"strings"
)

// unitDirs are where systemd looks for unit files, in order of precedence.
var unitDirs = []string{"/etc/systemd/system", "/run/systemd/system", "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"}

// wantsBases are the folders whose *.wants/ links enable units (the
// administrator's, then vendor presets that some distributions ship enabled).
var wantsBases = []string{"/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"}

// iniLine is one "key=value" line of a systemd unit or another INI file.
type iniLine struct {
	Section, Key, Value string
	Path                string
	Line                int
	Text                string
}

// parseINI reads INI-style data: [sections], key=value (or key = value),
// "#" and ";" comments, backslash continuation lines. Keys keep their case.
func parseINI(p string, data []byte) []iniLine {
	var out []iniLine
	section := ""
	ls := lines(data)
	for i := 0; i < len(ls); i++ {
		start := i
		l := strings.TrimSpace(ls[i])
		for strings.HasSuffix(l, "\\") && i+1 < len(ls) {
			i++
			l = strings.TrimSuffix(l, "\\") + " " + strings.TrimSpace(ls[i])
		}
		if l == "" || l[0] == '#' || l[0] == ';' {
			continue
		}
		if l[0] == '[' {
			section = strings.Trim(l, "[] ")
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		out = append(out, iniLine{Section: section, Key: strings.TrimSpace(k), Value: strings.TrimSpace(v), Path: p, Line: start + 1, Text: ls[start]})
	}
	return out
}

// unit is a parsed systemd unit file.
type unit struct {
	Name  string
	Path  string
	Lines []iniLine
}

// Get returns the last value of key in section (systemd: later wins).
func (u *unit) Get(section, key string) (iniLine, bool) {
	var found iniLine
	ok := false
	for _, l := range u.Lines {
		if l.Section == section && l.Key == key {
			found, ok = l, true
		}
	}
	return found, ok
}

// All returns every value of key in section (ExecStart may repeat; an
// empty assignment resets the list).
func (u *unit) All(section, key string) []iniLine {
	var out []iniLine
	for _, l := range u.Lines {
		if l.Section == section && l.Key == key {
			if l.Value == "" {
				out = nil
				continue
			}
			out = append(out, l)
		}
	}
	return out
}

// findUnit returns the unit file for name from the first unit folder that
// has it (a template instance "a@b.timer" falls back to "a@.timer").
// Drop-ins are not merged: the checks need only the main file.
func (s *scanner) findUnit(name string) *unit {
	names := []string{name}
	if at := strings.IndexByte(name, '@'); at > 0 {
		names = append(names, name[:at+1]+path.Ext(name))
	}
	for _, n := range names {
		for _, d := range unitDirs {
			p := d + "/" + n
			data, _, err := s.fs.ReadFile(p)
			if err != nil {
				continue
			}
			if len(strings.TrimSpace(string(data))) == 0 {
				return nil // an empty unit file is a mask
			}
			return &unit{Name: name, Path: p, Lines: parseINI(p, data)}
		}
	}
	return nil
}

// masked reports whether unit name is masked (linked to /dev/null).
func (s *scanner) masked(name string) (Evidence, bool) {
	for _, d := range []string{"/etc/systemd/system", "/run/systemd/system"} {
		p := d + "/" + name
		if t, ok := s.fs.Link(p); ok && t == "/dev/null" {
			return evNote(p, "ev_masked"), true
		}
	}
	return Evidence{}, false
}

// enabled reports whether unit name is enabled: a link or file for it in one
// of the targets' .wants folders, and not masked. The evidence names the
// link or the mask.
func (s *scanner) enabled(name string, targets ...string) (Evidence, bool) {
	if e, ok := s.masked(name); ok {
		return e, false
	}
	for _, base := range wantsBases {
		for _, t := range targets {
			p := base + "/" + t + ".wants/" + name
			if s.fs.Exists(p) {
				return evNote(p, "ev_enabled"), true
			}
		}
	}
	return evNote("/etc/systemd/system/"+targets[0]+".wants/"+name, "ev_not_enabled"), false
}

// serviceTargets are the targets services are usually enabled for.
var serviceTargets = []string{"multi-user.target", "sysinit.target", "graphical.target", "network-online.target"}
