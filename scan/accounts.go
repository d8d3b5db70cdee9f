package scan

import (
	"path"
	"strconv"
	"strings"
)

// Account is a user who can log in, for the register of people with access.
type Account struct {
	Name     string   `json:"name"`
	UID      int      `json:"uid"`
	Home     string   `json:"home"`
	Shell    string   `json:"shell"`
	Password string   `json:"password"` // set, locked, empty, expired, unknown
	Keys     int      `json:"keys"`     // public keys in authorized_keys files
	KeyFiles []string `json:"key_files,omitempty"`
	Sudo     bool     `json:"sudo"`
	SudoVia  []string `json:"sudo_via,omitempty"` // "group sudo", "/etc/sudoers.d/x:1"
	Line     int      `json:"line"`               // line in /etc/passwd
}

// noLoginShells are shells that refuse an interactive login.
var noLoginShells = map[string]bool{"nologin": true, "false": true, "sync": true, "shutdown": true, "halt": true}

// sudoGroups are the groups Debian, Ubuntu and RHEL grant sudo by default.
var sudoGroups = []string{"sudo", "wheel", "admin"}

// accounts lists the accounts that can log in and who has sudo. Password
// hashes are only classified (set, locked, empty), never copied.
func (s *scanner) accounts() {
	f := Finding{ID: "accounts.login", Area: "accounts"}
	data, _, err := s.fs.ReadFile("/etc/passwd")
	if err != nil {
		f.Result = Unreadable
		if isNotFound(err) {
			f.Result = NotFound
		}
		f.Evidence = []Evidence{readEvidence("/etc/passwd", err)}
		s.add(f)
		return
	}
	shadow, shadowErr := s.shadow()
	groups, gidName := s.groups()
	grants, sudoersErr := s.sudoers()
	var sudoEv []Evidence
	weak := false
	type user struct {
		name, home, shell string
		uid, gid, line    int
	}
	var users []user
	for i, l := range lines(data) {
		p := strings.Split(l, ":")
		if len(p) < 7 || strings.HasPrefix(p[0], "#") || strings.HasPrefix(p[0], "+") || strings.HasPrefix(p[0], "-") {
			continue
		}
		uid, _ := strconv.Atoi(p[2])
		gid, _ := strconv.Atoi(p[3])
		users = append(users, user{p[0], p[5], p[6], uid, gid, i + 1})
	}
	for _, u := range users {
		shell := u.shell
		if shell == "" {
			shell = "/bin/sh"
		}
		if noLoginShells[path.Base(shell)] {
			continue
		}
		a := Account{Name: u.name, UID: u.uid, Home: u.home, Shell: shell, Line: u.line, Password: "unknown"}
		if shadowErr == nil {
			a.Password = shadow[u.name]
			if a.Password == "" {
				a.Password = "locked" // no shadow entry: no password login
			}
		}
		a.KeyFiles, a.Keys = s.authorizedKeys(u.name, u.home)
		// sudo through a group (secondary or primary) or a user rule.
		for _, g := range sortedKeys(grants.groups) {
			if contains(groups[g], u.name) || gidName[u.gid] == g {
				a.Sudo = true
				a.SudoVia = append(a.SudoVia, "group "+g)
			}
		}
		for _, r := range grants.users[u.name] {
			a.Sudo = true
			a.SudoVia = append(a.SudoVia, r.Path+":"+strconv.Itoa(r.Line))
		}
		if u.uid == 0 {
			a.Sudo = true
		}
		if (a.Password == "locked" && a.Keys == 0) || a.Password == "expired" {
			continue // cannot log in: no password and no key, or expired
		}
		if a.Password == "empty" {
			weak = true
		}
		s.rep.Accounts = append(s.rep.Accounts, a)
		f.Evidence = append(f.Evidence, Evidence{
			Path: "/etc/passwd", Line: a.Line, Value: clean(a.Name + " uid=" + strconv.Itoa(a.UID) + " " + a.Shell),
			Note: note("ev_account_"+a.Password, a.Keys, sudoWord(a.Sudo)),
		})
	}
	f.Result = OK
	if weak {
		f.Result = Weak
	}
	if len(s.rep.Accounts) == 0 {
		f.Evidence = append(f.Evidence, evNote("/etc/passwd", "ev_no_login"))
	}
	if shadowErr != nil {
		f.Evidence = append(f.Evidence, readEvidence("/etc/shadow", shadowErr))
	}
	s.add(f)

	sf := Finding{ID: "accounts.sudo", Area: "accounts", Result: OK}
	for _, g := range sortedKeys(grants.groups) {
		r := grants.groups[g]
		members := append([]string{}, groups[g]...)
		for _, u := range users {
			if gidName[u.gid] == g && !contains(members, u.name) {
				members = append(members, u.name)
			}
		}
		sudoEv = append(sudoEv, evLineNote(r.Path, r.Line, r.Text, "ev_sudo_group", g, strings.Join(members, ", ")))
	}
	for _, n := range sortedKeys(grants.users) {
		for _, r := range grants.users[n] {
			sudoEv = append(sudoEv, evLineNote(r.Path, r.Line, r.Text, "ev_sudo_user", n))
		}
	}
	sf.Evidence = sudoEv
	switch {
	case sudoersErr != nil && isNotFound(sudoersErr):
		sf.Result = NotFound
		sf.Evidence = []Evidence{evNote("/etc/sudoers", "ev_no_sudo")}
	case sudoersErr != nil:
		sf.Result = Unknown
		sf.Evidence = append(sf.Evidence, Evidence{Path: "/etc/sudoers", Note: note("ev_sudoers_unreadable", strings.Join(sudoGroups, ", "))})
	}
	s.add(sf)
}

func sudoWord(b bool) string {
	if b {
		return "sudo"
	}
	return "-"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// shadow classifies each account's password: set, locked, empty or expired.
func (s *scanner) shadow() (map[string]string, error) {
	data, _, err := s.fs.ReadFile("/etc/shadow")
	if err != nil {
		return nil, err
	}
	days := int(s.today.Unix() / 86400)
	out := map[string]string{}
	for _, l := range lines(data) {
		p := strings.Split(l, ":")
		if len(p) < 2 {
			continue
		}
		h := p[1]
		state := "set"
		switch {
		case h == "":
			state = "empty"
		case strings.HasPrefix(h, "!") || strings.HasPrefix(h, "*"):
			state = "locked"
		}
		if len(p) > 7 && p[7] != "" {
			if exp, err := strconv.Atoi(p[7]); err == nil && exp <= days {
				state = "expired"
			}
		}
		out[p[0]] = state
	}
	return out, nil
}

// groups reads /etc/group: members by group name, group names by GID.
func (s *scanner) groups() (map[string][]string, map[int]string) {
	data, _, _ := s.fs.ReadFile("/etc/group")
	members := map[string][]string{}
	names := map[int]string{}
	for _, l := range lines(data) {
		p := strings.Split(l, ":")
		if len(p) < 4 {
			continue
		}
		gid, err := strconv.Atoi(p[2])
		if err == nil {
			names[gid] = p[0]
		}
		for _, m := range strings.Split(p[3], ",") {
			if m = strings.TrimSpace(m); m != "" {
				members[p[0]] = append(members[p[0]], m)
			}
		}
	}
	return members, names
}

// authorizedKeys counts the public keys a user may log in with, in the files
// sshd's AuthorizedKeysFile names (%h, %u and %% expanded; relative paths
// below the home folder).
func (s *scanner) authorizedKeys(user, home string) ([]string, int) {
	var pats []string
	if s.sshCfg != nil {
		pats = s.sshCfg.EffectiveArgs("authorizedkeysfile")
	} else {
		pats = strings.Fields(sshdDefaults["authorizedkeysfile"])
	}
	var files []string
	n := 0
	for _, p := range pats {
		if strings.EqualFold(p, "none") {
			continue
		}
		p = strings.NewReplacer("%%", "%", "%h", home, "%u", user).Replace(p)
		if !strings.HasPrefix(p, "/") {
			p = path.Join(home, p)
		}
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			continue
		}
		k := 0
		for _, l := range lines(data) {
			if t := strings.TrimSpace(l); t != "" && t[0] != '#' {
				k++
			}
		}
		if k > 0 {
			files = append(files, p)
			n += k
		}
	}
	return files, n
}

// sudoRule is one sudoers line granting rights.
type sudoRule struct {
	Path string
	Line int
	Text string
}

type sudoGrants struct {
	users  map[string][]sudoRule
	groups map[string]sudoRule
}

// sudoers reads /etc/sudoers and the files it includes (#includedir,
// @includedir, #include, @include), collecting user and %group rules and
// expanding User_Alias. When /etc/sudoers cannot be read (but exists), the
// usual sudo groups are assumed; the error says why it was not read.
func (s *scanner) sudoers() (sudoGrants, error) {
	g := sudoGrants{users: map[string][]sudoRule{}, groups: map[string]sudoRule{}}
	aliases := map[string][]string{}
	visited := map[string]bool{}
	var read func(p string, depth int) error
	read = func(p string, depth int) error {
		if visited[p] || depth > 8 {
			return nil
		}
		visited[p] = true
		data, _, err := s.fs.ReadFile(p)
		if err != nil {
			return err
		}
		ls := lines(data)
		for i := 0; i < len(ls); i++ {
			start := i
			t := strings.TrimSpace(ls[i])
			for strings.HasSuffix(t, "\\") && i+1 < len(ls) {
				i++
				t = strings.TrimSuffix(t, "\\") + " " + strings.TrimSpace(ls[i])
			}
			fields := strings.Fields(t)
			if len(fields) == 0 {
				continue
			}
			switch fields[0] {
			case "#includedir", "@includedir":
				if len(fields) > 1 {
					names, _ := s.fs.ReadDir(fields[1])
					for _, n := range names {
						if strings.Contains(n, ".") || strings.HasSuffix(n, "~") {
							continue // sudo skips these
						}
						read(path.Join(fields[1], n), depth+1)
					}
				}
				continue
			case "#include", "@include":
				if len(fields) > 1 {
					read(fields[1], depth+1)
				}
				continue
			case "User_Alias":
				def := strings.TrimSpace(strings.TrimPrefix(t, "User_Alias"))
				for _, part := range strings.Split(def, ":") {
					name, list, ok := strings.Cut(part, "=")
					if !ok {
						continue
					}
					for _, m := range strings.Split(list, ",") {
						aliases[strings.TrimSpace(name)] = append(aliases[strings.TrimSpace(name)], strings.TrimSpace(m))
					}
				}
				continue
			}
			if t[0] == '#' || strings.HasPrefix(fields[0], "Defaults") || strings.HasSuffix(fields[0], "_Alias") || !strings.Contains(t, "=") {
				continue
			}
			rule := sudoRule{Path: p, Line: start + 1, Text: ls[start]}
			// The user list is everything before the first host list.
			who := strings.Split(fields[0], ",")
			for _, w := range who {
				w = strings.TrimSpace(w)
				switch {
				case strings.HasPrefix(w, "%"):
					name := strings.TrimPrefix(w, "%")
					if _, seen := g.groups[name]; !seen {
						g.groups[name] = rule
					}
				case w == "" || strings.HasPrefix(w, "!") || strings.HasPrefix(w, "+") || strings.HasPrefix(w, "#"):
				case aliases[w] != nil:
					for _, m := range aliases[w] {
						if strings.HasPrefix(m, "%") {
							if _, seen := g.groups[m[1:]]; !seen {
								g.groups[m[1:]] = rule
							}
						} else {
							g.users[m] = append(g.users[m], rule)
						}
					}
				default:
					g.users[w] = append(g.users[w], rule)
				}
			}
		}
		return nil
	}
	err := read("/etc/sudoers", 0)
	if err != nil && !isNotFound(err) {
		for _, name := range sudoGroups {
			g.groups[name] = sudoRule{Path: "/etc/group"}
		}
	}
	return g, err
}
