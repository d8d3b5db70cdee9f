package scan

import (
	"path"
	"strings"
)

// sshdMaxDepth is how deeply Include may nest (OpenSSH allows 16).
const sshdMaxDepth = 16

// sshdMaxFiles caps how many files (counting repeats) one configuration may
// pull in, so that files including themselves several times cannot make the
// scan's work grow exponentially.
const sshdMaxFiles = 256

// fileReader is what the sshd_config parser needs from the file system, so
// that the fuzz test can run it on memory.
type fileReader interface {
	ReadFile(p string) ([]byte, bool, error)
	GlobAll(pattern string) ([]string, error)
}

// sshdSetting is one keyword line of sshd_config.
type sshdSetting struct {
	Key  string   // keyword, lower case
	Args []string // arguments as written
	Path string
	Line int
	Text string // the line as written, trimmed
}

// Value returns the first argument in lower case ("" without arguments).
func (s sshdSetting) Value() string {
	if len(s.Args) == 0 {
		return ""
	}
	return strings.ToLower(s.Args[0])
}

func (s sshdSetting) evidence() Evidence { return ev(s.Path, s.Line, s.Text) }

// sshdMatch is a Match block that is not "Match all": its settings apply
// only to some connections.
type sshdMatch struct {
	Criteria string
	Path     string
	Line     int
	Settings []sshdSetting
}

// sshdConfig is the parsed server configuration with OpenSSH's rules: the
// first value seen for a keyword wins; Include expands glob patterns in
// sorted order (relative paths below /etc/ssh) at the place it appears;
// lines after a Match line belong to that block until the next Match (an
// included file's Match does not leak back into the including file).
type sshdConfig struct {
	Main     string
	Found    bool  // the main file exists
	MainErr  error // why the main file could not be read
	Files    []string
	Global   map[string]sshdSetting // first value outside Match blocks
	MatchAll map[string]sshdSetting // first value inside "Match all" blocks
	Matches  []*sshdMatch
	Problems []Evidence // includes that could not be read, too deep nesting
	// Cut says why the configuration was not read whole (a limit, an
	// unreadable include, a file cut at the read limit). Since the first
	// value seen wins, an unread part can change any setting: nothing can
	// be judged then.
	Cut []Evidence
}

// cut records that reading stopped short, and why (each reason once).
func (c *sshdConfig) cut(e Evidence) {
	for _, old := range c.Cut {
		if old.Path == e.Path && old.Line == e.Line && old.Value == e.Value && *old.Note == *e.Note {
			return
		}
	}
	c.Problems = append(c.Problems, e)
	c.Cut = append(c.Cut, e)
}

// parseSSHD reads the server configuration starting at main.
func parseSSHD(r fileReader, main string) *sshdConfig {
	c := &sshdConfig{Main: main, Global: map[string]sshdSetting{}, MatchAll: map[string]sshdSetting{}}
	data, truncated, err := r.ReadFile(main)
	if err != nil {
		c.Found = !isNotFound(err)
		c.MainErr = err
		return c
	}
	c.Found = true
	if truncated {
		c.cut(evNote(main, "ev_truncated"))
	}
	st := &sshdState{}
	c.parse(r, main, data, st, 0)
	return c
}

// sshdState is where the parser stands: outside any Match block, in a
// "Match all" block, or in another Match block.
type sshdState struct {
	all   bool
	match *sshdMatch
}

func (c *sshdConfig) parse(r fileReader, name string, data []byte, st *sshdState, depth int) {
	c.Files = append(c.Files, name)
	for i, raw := range strings.Split(string(data), "\n") {
		key, args, ok := splitSSHDLine(raw)
		if !ok {
			continue
		}
		set := sshdSetting{Key: key, Args: args, Path: name, Line: i + 1, Text: strings.TrimSpace(raw)}
		switch key {
		case "match":
			if len(args) == 1 && strings.EqualFold(args[0], "all") {
				*st = sshdState{all: true}
				continue
			}
			m := &sshdMatch{Criteria: strings.Join(args, " "), Path: name, Line: i + 1}
			c.Matches = append(c.Matches, m)
			*st = sshdState{match: m}
			continue
		case "include":
			c.include(r, set, st, depth)
			continue
		case "challengeresponseauthentication":
			set.Key = "kbdinteractiveauthentication" // an alias since OpenSSH 8.7
		}
		switch {
		case st.match != nil:
			st.match.Settings = append(st.match.Settings, set)
		case st.all:
			if _, seen := c.MatchAll[set.Key]; !seen {
				c.MatchAll[set.Key] = set
			}
		default:
			if _, seen := c.Global[set.Key]; !seen {
				c.Global[set.Key] = set
			}
		}
	}
}

func (c *sshdConfig) include(r fileReader, set sshdSetting, st *sshdState, depth int) {
	if depth+1 > sshdMaxDepth {
		c.cut(Evidence{Path: set.Path, Line: set.Line, Value: clean(set.Text), Note: note("ev_include_depth", sshdMaxDepth)})
		return
	}
	for _, pat := range set.Args {
		if !strings.HasPrefix(pat, "/") {
			pat = path.Join("/etc/ssh", pat)
		}
		// The names are all read and sorted before any file is chosen,
		// so that the files read are the ones sshd reads first.
		paths, err := r.GlobAll(pat)
		if err != nil {
			c.cut(Evidence{Path: set.Path, Line: set.Line, Value: clean(set.Text), Note: reasonNote(reason(err))})
		}
		for _, p := range paths {
			if len(c.Files) >= sshdMaxFiles {
				c.cut(Evidence{Path: set.Path, Line: set.Line, Value: clean(set.Text), Note: note("ev_include_many", sshdMaxFiles)})
				return
			}
			data, truncated, err := r.ReadFile(p)
			if err != nil {
				if isNotFound(err) {
					c.Problems = append(c.Problems, readEvidence(p, err))
				} else {
					c.cut(readEvidence(p, err))
				}
				continue
			}
			if truncated {
				c.cut(evNote(p, "ev_truncated"))
			}
			saved := *st
			c.parse(r, p, data, st, depth+1)
			*st = saved
		}
	}
}

// splitSSHDLine splits one line the way sshd does: the keyword ends at
// white space or "=", arguments are separated by white space, double quotes
// group, and an unquoted argument starting with "#" ends the line.
func splitSSHDLine(line string) (string, []string, bool) {
	s := strings.TrimLeft(line, " \t\r")
	if s == "" || s[0] == '#' {
		return "", nil, false
	}
	i := strings.IndexAny(s, " \t\r=")
	if i < 0 {
		return strings.ToLower(s), nil, true
	}
	key := strings.ToLower(s[:i])
	rest := strings.TrimLeft(s[i:], " \t\r")
	if strings.HasPrefix(rest, "=") {
		rest = strings.TrimLeft(rest[1:], " \t\r")
	}
	if key == "" {
		return "", nil, false
	}
	var args []string
	for rest != "" {
		if rest[0] == '#' {
			break
		}
		var arg string
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				arg, rest = rest[1:], ""
			} else {
				arg, rest = rest[1:1+end], rest[2+end:]
			}
		} else {
			end := strings.IndexAny(rest, " \t\r")
			if end < 0 {
				arg, rest = rest, ""
			} else {
				arg, rest = rest[:end], rest[end:]
			}
		}
		args = append(args, arg)
		rest = strings.TrimLeft(rest, " \t\r")
	}
	return key, args, true
}

// sshdDefaults are OpenSSH's compiled-in defaults for the keywords the scan
// judges.
var sshdDefaults = map[string]string{
	"passwordauthentication":       "yes",
	"kbdinteractiveauthentication": "yes",
	"permitrootlogin":              "prohibit-password",
	"pubkeyauthentication":         "yes",
	"usepam":                       "no",
	"authenticationmethods":        "any",
	"authorizedkeysfile":           ".ssh/authorized_keys .ssh/authorized_keys2",
}

// sshdNames are the keywords as the manual spells them, for evidence.
var sshdNames = map[string]string{
	"passwordauthentication":       "PasswordAuthentication",
	"kbdinteractiveauthentication": "KbdInteractiveAuthentication",
	"permitrootlogin":              "PermitRootLogin",
	"pubkeyauthentication":         "PubkeyAuthentication",
	"usepam":                       "UsePAM",
	"authenticationmethods":        "AuthenticationMethods",
	"authorizedkeysfile":           "AuthorizedKeysFile",
}

// sshdValue is the effective value of a keyword for every connection.
type sshdValue struct {
	Value   string
	Set     *sshdSetting // nil when the default applies
	Default bool
}

// Effective returns the value that applies to all connections: a "Match all"
// block overrides the global value; without either, OpenSSH's default.
func (c *sshdConfig) Effective(key string) sshdValue {
	if s, ok := c.MatchAll[key]; ok {
		return sshdValue{Value: s.Value(), Set: &s}
	}
	if s, ok := c.Global[key]; ok {
		return sshdValue{Value: s.Value(), Set: &s}
	}
	return sshdValue{Value: sshdDefaults[key], Default: true}
}

// EffectiveArgs returns all arguments of the effective setting (or the
// default split into words).
func (c *sshdConfig) EffectiveArgs(key string) []string {
	v := c.Effective(key)
	if v.Set != nil {
		return v.Set.Args
	}
	return strings.Fields(sshdDefaults[key])
}

// yes reports whether an sshd yes/no value means yes.
func sshdYes(v string) bool { return v == "yes" || v == "true" }

// keysRequired reports whether AuthenticationMethods makes every login need
// a public key.
func keysRequired(methods []string) bool {
	if len(methods) == 0 || (len(methods) == 1 && strings.EqualFold(methods[0], "any")) {
		return false
	}
	for _, list := range methods {
		has := false
		for _, m := range strings.Split(list, ",") {
			if strings.EqualFold(strings.SplitN(m, ":", 2)[0], "publickey") {
				has = true
			}
		}
		if !has {
			return false
		}
	}
	return true
}

// sshdVerdict is the judgement on one configuration.
type sshdVerdict struct {
	KeysRequired      bool // AuthenticationMethods demands a key
	PasswordsPossible bool // password or keyboard-interactive via PAM
	Pubkey            bool
	KeyOnly           bool
	RootLogin         string        // no, prohibit-password, forced-commands-only, yes
	KeyGaps           []sshdSetting // Match-block settings that allow passwords
	RootGaps          []sshdSetting // Match-block settings that allow root login
}

// judge decides key-only login and root login from the configuration.
func (c *sshdConfig) judge() sshdVerdict {
	var v sshdVerdict
	v.KeysRequired = keysRequired(c.EffectiveArgs("authenticationmethods"))
	pam := sshdYes(c.Effective("usepam").Value)
	pw := sshdYes(c.Effective("passwordauthentication").Value)
	kbd := sshdYes(c.Effective("kbdinteractiveauthentication").Value)
	v.PasswordsPossible = pw || (kbd && pam)
	v.Pubkey = sshdYes(c.Effective("pubkeyauthentication").Value)
	v.KeyOnly = v.KeysRequired || (!v.PasswordsPossible && v.Pubkey)
	v.RootLogin = c.Effective("permitrootlogin").Value
	if v.RootLogin == "without-password" {
		v.RootLogin = "prohibit-password"
	}
	for _, m := range c.Matches {
		for _, s := range m.Settings {
			switch s.Key {
			case "passwordauthentication":
				if sshdYes(s.Value()) && v.KeyOnly && !v.KeysRequired {
					v.KeyGaps = append(v.KeyGaps, s)
				}
			case "kbdinteractiveauthentication":
				if sshdYes(s.Value()) && pam && v.KeyOnly && !v.KeysRequired {
					v.KeyGaps = append(v.KeyGaps, s)
				}
			case "authenticationmethods":
				if v.KeysRequired && !keysRequired(s.Args) {
					v.KeyGaps = append(v.KeyGaps, s)
				}
			case "permitrootlogin":
				if s.Value() != "no" && v.RootLogin == "no" {
					v.RootGaps = append(v.RootGaps, s)
				}
			}
		}
	}
	return v
}
