package scan

import (
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// memFS is an in-memory fileReader for the sshd_config parser.
type memFS map[string]string

func (m memFS) ReadFile(p string) ([]byte, bool, error) {
	s, ok := m[p]
	if !ok {
		return nil, false, fs.ErrNotExist
	}
	return []byte(s), false, nil
}

func (m memFS) GlobAll(pattern string) ([]string, error) {
	var out []string
	for p := range m {
		if ok, _ := path.Match(pattern, p); ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}

func TestSSHDFirstValueWins(t *testing.T) {
	c := parseSSHD(memFS{
		"/etc/ssh/sshd_config":                 "Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\nPermitRootLogin yes\n",
		"/etc/ssh/sshd_config.d/50-cloud.conf": "PasswordAuthentication no\n",
		"/etc/ssh/sshd_config.d/10-first.conf": "PermitRootLogin=no # comment\n",
	}, sshdMain)
	pw := c.Effective("passwordauthentication")
	if pw.Value != "no" || pw.Set.Path != "/etc/ssh/sshd_config.d/50-cloud.conf" || pw.Set.Line != 1 {
		t.Errorf("PasswordAuthentication = %+v", pw)
	}
	if root := c.Effective("permitrootlogin"); root.Value != "no" || root.Set.Path != "/etc/ssh/sshd_config.d/10-first.conf" {
		t.Errorf("PermitRootLogin = %+v (drop-ins are read in name order)", root)
	}
	want := []string{"/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/10-first.conf", "/etc/ssh/sshd_config.d/50-cloud.conf"}
	if !reflect.DeepEqual(c.Files, want) {
		t.Errorf("files = %v", c.Files)
	}
}

func TestSSHDIncludeAtEndLoses(t *testing.T) {
	c := parseSSHD(memFS{
		"/etc/ssh/sshd_config":             "PasswordAuthentication yes\nInclude sshd_config.d/*.conf\n",
		"/etc/ssh/sshd_config.d/hard.conf": "PasswordAuthentication no\n",
	}, sshdMain)
	if v := c.judge(); v.KeyOnly {
		t.Error("a drop-in included after the setting must not win")
	}
}

func TestSSHDMatchBlocks(t *testing.T) {
	c := parseSSHD(memFS{
		"/etc/ssh/sshd_config": "PasswordAuthentication no\nKbdInteractiveAuthentication no\nInclude /etc/ssh/m.conf\nPermitRootLogin no\n" +
			"Match Address 10.0.0.0/8\n  PasswordAuthentication yes\n  PermitRootLogin yes\n",
		"/etc/ssh/m.conf": "Match User x\n  PubkeyAuthentication no\n",
	}, sshdMain)
	// The Match in the included file does not swallow "PermitRootLogin no".
	if v := c.Effective("permitrootlogin"); v.Default || v.Value != "no" {
		t.Errorf("PermitRootLogin = %+v", v)
	}
	v := c.judge()
	if !v.KeyOnly || len(v.KeyGaps) != 1 || len(v.RootGaps) != 1 {
		t.Errorf("verdict = %+v", v)
	}
	if len(c.Matches) != 2 {
		t.Errorf("matches = %d", len(c.Matches))
	}
}

func TestSSHDMatchAllOverrides(t *testing.T) {
	c := parseSSHD(memFS{"/etc/ssh/sshd_config": "PasswordAuthentication no\nMatch all\nPasswordAuthentication yes\n"}, sshdMain)
	if v := c.Effective("passwordauthentication"); v.Value != "yes" {
		t.Errorf("Match all did not override: %+v", v)
	}
}

func TestSSHDDefaultsAndMethods(t *testing.T) {
	cases := []struct {
		conf    string
		keyOnly bool
		root    string
	}{
		{"", false, "prohibit-password"},
		{"PasswordAuthentication no\n", true, "prohibit-password"}, // KbdInteractive yes, but without PAM (the default) no password
		{"PasswordAuthentication no\nUsePAM yes\n", false, "prohibit-password"},
		{"PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\n", true, "prohibit-password"},
		{"AuthenticationMethods publickey,password publickey,keyboard-interactive\n", true, "prohibit-password"},
		{"AuthenticationMethods publickey password\n", false, "prohibit-password"},
		{"PermitRootLogin without-password\n", false, "prohibit-password"},
		{"ChallengeResponseAuthentication yes\nPasswordAuthentication no\nUsePAM yes\n", false, "prohibit-password"},
		{"PasswordAuthentication \"no\"\nKbdInteractiveAuthentication no\nPermitRootLogin No\n", true, "no"},
	}
	for _, tc := range cases {
		v := parseSSHD(memFS{sshdMain: tc.conf}, sshdMain).judge()
		want := tc.keyOnly
		if v.KeyOnly != want || v.RootLogin != tc.root {
			t.Errorf("%q: key-only %v root %q, want %v %q", tc.conf, v.KeyOnly, v.RootLogin, want, tc.root)
		}
	}
}

func TestSplitSSHDLine(t *testing.T) {
	cases := map[string][]string{
		"PasswordAuthentication no":           {"passwordauthentication", "no"},
		"  PasswordAuthentication=no":         {"passwordauthentication", "no"},
		"PasswordAuthentication = no # why":   {"passwordauthentication", "no"},
		`AuthorizedKeysFile "/a b/%u" .ssh/x`: {"authorizedkeysfile", "/a b/%u", ".ssh/x"},
		"Match User a,b Address 10.0.0.1":     {"match", "User", "a,b", "Address", "10.0.0.1"},
	}
	for in, want := range cases {
		k, args, ok := splitSSHDLine(in)
		if got := append([]string{k}, args...); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("splitSSHDLine(%q) = %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{"", "   ", "# comment", "\t#x"} {
		if _, _, ok := splitSSHDLine(in); ok {
			t.Errorf("%q is not a keyword line", in)
		}
	}
}

// FuzzSSHDConfig feeds arbitrary text to the parser as the main file and
// as a drop-in that includes itself. It must not panic, must end, and must
// give a verdict from the known value sets.
func FuzzSSHDConfig(f *testing.F) {
	for _, s := range []string{
		"Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n",
		"Match all\nPermitRootLogin yes\n",
		"AuthenticationMethods publickey,password\n",
		"PasswordAuthentication=\"no\n",
		"Include /etc/ssh/sshd_config\n",
		"Match User x\nInclude a.conf\n",
		"\"\"\"=#\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := memFS{
			sshdMain:                           s,
			"/etc/ssh/sshd_config.d/fuzz.conf": s + "\nInclude /etc/ssh/sshd_config.d/fuzz.conf\n",
			"/etc/ssh/a.conf":                  s,
		}
		c := parseSSHD(m, sshdMain)
		v := c.judge()
		switch v.RootLogin {
		case "", "no", "yes", "prohibit-password", "forced-commands-only":
		default:
			if strings.ContainsAny(v.RootLogin, " \t") {
				t.Errorf("root login value with space: %q", v.RootLogin)
			}
		}
		if v.KeysRequired && !v.KeyOnly {
			t.Error("keys required but not key-only")
		}
		if len(c.Files) > sshdMaxFiles {
			t.Errorf("read %d files, limit %d", len(c.Files), sshdMaxFiles)
		}
		for k := range c.Global {
			if k != strings.ToLower(k) {
				t.Errorf("keyword %q not lower case", k)
			}
		}
	})
}
