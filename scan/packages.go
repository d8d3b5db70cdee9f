package scan

import (
	"strings"
)

const dpkgStatus = "/var/lib/dpkg/status"

// dpkgDB is what /var/lib/dpkg/status says about installed packages.
type dpkgDB struct {
	found     bool
	truncated bool
	pkgs      map[string]dpkgPkg
}

type dpkgPkg struct {
	Status string
	Line   int // line of the Status field
}

// dpkg parses the dpkg status file once per scan.
func (s *scanner) dpkg() *dpkgDB {
	if s.dpkgDB != nil {
		return s.dpkgDB
	}
	db := &dpkgDB{pkgs: map[string]dpkgPkg{}}
	data, trunc, err := s.fs.ReadFile(dpkgStatus)
	db.found, db.truncated = err == nil, trunc
	name := ""
	for i, l := range lines(data) {
		switch {
		case l == "":
			name = ""
		case strings.HasPrefix(l, "Package:"):
			name = strings.TrimSpace(strings.TrimPrefix(l, "Package:"))
		case strings.HasPrefix(l, "Status:") && name != "":
			db.pkgs[name] = dpkgPkg{Status: strings.TrimSpace(strings.TrimPrefix(l, "Status:")), Line: i + 1}
		}
	}
	s.dpkgDB = db
	return db
}

// installed reports whether the Debian package is installed, with evidence:
// the Status line of /var/lib/dpkg/status, or (when that file was too large
// to read whole) the package's file list under /var/lib/dpkg/info.
func (s *scanner) installed(pkg string) (Evidence, bool) {
	db := s.dpkg()
	if p, ok := db.pkgs[pkg]; ok {
		inst := strings.HasSuffix(p.Status, " installed")
		return ev(dpkgStatus, p.Line, "Package: "+pkg+", Status: "+p.Status), inst
	}
	if db.truncated || !db.found {
		for _, p := range s.fs.Glob("/var/lib/dpkg/info/" + pkg + ".list") {
			return evNote(p, "ev_present"), true
		}
		for _, p := range s.fs.Glob("/var/lib/dpkg/info/" + pkg + ":*.list") {
			return evNote(p, "ev_present"), true
		}
	}
	if !db.found {
		return evNote(dpkgStatus, "ev_not_found"), false
	}
	return evNote(dpkgStatus, "ev_pkg_absent", pkg), false
}

// isDebian reports whether the system uses dpkg.
func (s *scanner) isDebian() bool { return s.dpkg().found || s.fs.IsDir("/var/lib/dpkg/info") }

// isRPM reports whether the system uses RPM packages.
func (s *scanner) isRPM() bool {
	for _, p := range []string{"/var/lib/rpm", "/usr/lib/sysimage/rpm", "/etc/dnf", "/etc/yum.conf", "/etc/redhat-release"} {
		if s.fs.Exists(p) {
			return true
		}
	}
	return false
}

// aptValue is one assignment in the APT configuration.
type aptValue struct {
	Value string
	Path  string
	Line  int
	Text  string
}

// aptConfig reads the APT configuration as APT does: the files in
// /etc/apt/apt.conf.d in name order (names of letters, digits, "_", "-" and
// ".", without an extension or ending in ".conf"), then /etc/apt/apt.conf.
// A later assignment overrides an earlier one. Keys are lower-cased.
func (s *scanner) aptConfig() map[string]aptValue {
	out := map[string]aptValue{}
	var files []string
	names, _ := s.fs.ReadDir("/etc/apt/apt.conf.d")
	for _, n := range names {
		if aptPartName(n) {
			files = append(files, "/etc/apt/apt.conf.d/"+n)
		}
	}
	files = append(files, "/etc/apt/apt.conf")
	for _, p := range files {
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			continue
		}
		parseAPT(p, data, out)
	}
	return out
}

func aptPartName(n string) bool {
	for _, r := range n {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return false
		}
	}
	return !strings.Contains(n, ".") || strings.HasSuffix(n, ".conf")
}

// parseAPT adds the scalar assignments of one apt.conf file to out. It
// understands "A::B "v";", nested "A { B "v"; };", comments (//, /* */, #)
// and skips list items and #clear / #include directives.
func parseAPT(p string, data []byte, out map[string]aptValue) {
	type tok struct {
		s    string
		str  bool
		line int
	}
	var toks []tok
	src := string(data)
	line := 1
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				end = len(src) - i - 2
			}
			line += strings.Count(src[i:i+2+end], "\n")
			i += end + 4
		case c == '#':
			// #clear and #include are directives up to ";"; other "#" lines are comments.
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '{' || c == '}' || c == ';':
			toks = append(toks, tok{s: string(c), line: line})
			i++
		case c == '"':
			end := strings.IndexByte(src[i+1:], '"')
			if end < 0 {
				end = len(src) - i - 1
			}
			toks = append(toks, tok{s: src[i+1 : i+1+end], str: true, line: line})
			line += strings.Count(src[i+1:i+1+end], "\n")
			i += end + 2
		default:
			j := i
			for j < len(src) && !strings.ContainsRune(" \t\r\n{};\"", rune(src[j])) {
				j++
			}
			toks = append(toks, tok{s: src[i:j], line: line})
			i = j
		}
	}
	srcLines := lines(data)
	var scope []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.s == "}" && !t.str:
			if len(scope) > 0 {
				scope = scope[:len(scope)-1]
			}
		case t.s == ";" && !t.str:
		case !t.str:
			name := t.s
			if i+1 < len(toks) && toks[i+1].s == "{" && !toks[i+1].str {
				scope = append(scope, name)
				i++
				continue
			}
			if i+1 < len(toks) && (toks[i+1].str || toks[i+1].s != ";") && toks[i+1].s != "}" {
				key := strings.ToLower(strings.Join(append(append([]string{}, scope...), name), "::"))
				text := ""
				if t.line-1 < len(srcLines) {
					text = srcLines[t.line-1]
				}
				out[key] = aptValue{Value: toks[i+1].s, Path: p, Line: t.line, Text: text}
				i++
			}
		}
	}
}
