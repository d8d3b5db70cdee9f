// Package serve runs the interview over SSH (tom serve): an SSH server that
// lets each client key in the access file run the interview, review or
// status of exactly one answers file, and nothing else.
package serve

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tom-dsgvo/tom/model"
)

// The commands a key may be allowed to run.
const (
	CmdInterview = "interview"
	CmdReview    = "review"
	CmdStatus    = "status"
)

// Commands lists the commands a key may be allowed to run, in the order a
// session offers them.
var Commands = []string{CmdInterview, CmdReview, CmdStatus}

// The options of an access file line, before the key.
const (
	optFile  = "tom-file"
	optAllow = "tom-allow"
)

// Entry is one key of the access file.
type Entry struct {
	Key     gossh.PublicKey
	Comment string   // names the client in the log
	File    string   // the answers file as written; relative to the access file's folder
	Allow   []string // the commands the key may run (see Commands)
	Line    int      // where the entry is in the access file (1-based); 0 when new
}

// Fingerprint returns the key's SHA256 fingerprint as OpenSSH prints it.
func (e *Entry) Fingerprint() string { return gossh.FingerprintSHA256(e.Key) }

// Allows reports whether the key may run command cmd.
func (e *Entry) Allows(cmd string) bool { return slices.Contains(e.Allow, cmd) }

// line returns the entry as a line of the access file.
func (e *Entry) line() string {
	key := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(e.Key)))
	return optFile + `="` + e.File + `",` + optAllow + `="` + strings.Join(e.Allow, ",") + `" ` + key + " " + e.Comment
}

// Access is the access file: which key may run what on which answers file.
// Its lines are authorized_keys lines with two options before the key:
//
//	tom-file="clients/kunde-01.json",tom-allow="interview,review" ssh-ed25519 AAAA… kunde-01
//
// Empty lines and lines starting with # are kept as they are.
type Access struct {
	Path    string
	Entries []*Entry
	lines   []string // the file's lines, comments included
}

// Problem is one problem of an access file, at a line (1-based; 0 when the
// problem is not about a line).
type Problem struct {
	Line int
	Key  string
	Args []any
}

// Error reports problems of the access file at Path, in either language.
type Error struct {
	Path     string
	Problems []Problem
	Err      error // an underlying error (os.ErrNotExist for a missing file)
}

func (e *Error) Error() string { return e.Format(model.De) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Format returns the problems in language l, one a line.
func (e *Error) Format(l model.Lang) string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		msg := Msg.Get(l, p.Key, p.Args...)
		if p.Line > 0 {
			msg = Msg.Get(l, "at_line", e.Path, p.Line, msg)
		}
		b.WriteString(msg)
	}
	return b.String()
}

// errorf returns an Error with one problem.
func errorf(path string, line int, key string, args ...any) *Error {
	return &Error{Path: path, Problems: []Problem{{Line: line, Key: key, Args: args}}}
}

// LoadAccess reads the access file at path. A missing file gives an error
// satisfying errors.Is(err, fs.ErrNotExist); problems of its lines are
// reported together, each with its line number, as an *Error.
func LoadAccess(path string) (*Access, error) {
	data, err := model.ReadUserFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		e := errorf(path, 0, "access_missing", path)
		e.Err = fs.ErrNotExist
		return nil, e
	}
	if err != nil {
		return nil, err
	}
	// Whoever may write the file may let any key in.
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o022 != 0 {
		return nil, errorf(path, 0, "access_mode", path, st.Mode().Perm(), path)
	}
	return ParseAccess(path, data)
}

// LoadOrNewAccess is LoadAccess, but a missing file gives an empty Access
// (tom serve keys add creates it).
func LoadOrNewAccess(path string) (*Access, error) {
	a, err := LoadAccess(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Access{Path: path}, nil
	}
	return a, err
}

// ParseAccess parses the access file data read from path.
func ParseAccess(path string, data []byte) (*Access, error) {
	a := &Access{Path: path}
	text := strings.TrimSuffix(string(data), "\n")
	if text != "" {
		a.lines = strings.Split(text, "\n")
	}
	var probs []Problem
	for i, raw := range a.lines {
		n := i + 1
		line := strings.TrimSpace(strings.TrimSuffix(raw, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, p := parseLine(line)
		if p != nil {
			p.Line = n
			probs = append(probs, *p)
			continue
		}
		e.Line = n
		if prev := a.find(e.Key); prev != nil {
			probs = append(probs, Problem{Line: n, Key: "dup_key", Args: []any{prev.Line}})
			continue
		}
		a.Entries = append(a.Entries, e)
	}
	if len(probs) > 0 {
		return nil, &Error{Path: path, Problems: probs}
	}
	return a, nil
}

// parseLine parses one entry line.
func parseLine(line string) (*Entry, *Problem) {
	if hasControl(line) {
		return nil, &Problem{Key: "control_char"}
	}
	key, comment, options, _, err := gossh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		return nil, &Problem{Key: "bad_key", Args: []any{firstWord(line)}}
	}
	e := &Entry{Key: key, Comment: strings.TrimSpace(comment)}
	seen := map[string]bool{}
	for _, o := range options {
		name, val, _ := strings.Cut(o, "=")
		if name != optFile && name != optAllow {
			return nil, &Problem{Key: "unknown_option", Args: []any{name}}
		}
		if seen[name] {
			return nil, &Problem{Key: "option_twice", Args: []any{name}}
		}
		seen[name] = true
		v, ok := unquote(val)
		if !ok {
			return nil, &Problem{Key: "option_quote", Args: []any{name}}
		}
		if name == optFile {
			e.File = v
			continue
		}
		for c := range strings.SplitSeq(v, ",") {
			c = strings.TrimSpace(c)
			if !slices.Contains(Commands, c) {
				return nil, &Problem{Key: "unknown_command", Args: []any{c}}
			}
			if !e.Allows(c) {
				e.Allow = append(e.Allow, c)
			}
		}
	}
	switch {
	case e.File == "":
		return nil, &Problem{Key: "no_file"}
	case e.Comment == "":
		return nil, &Problem{Key: "no_comment"}
	case !seen[optAllow]:
		e.Allow = []string{CmdInterview}
	}
	return e, nil
}

// unquote returns the text between the quotes of an option value.
func unquote(v string) (string, bool) {
	if len(v) < 3 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", false
	}
	return strings.ReplaceAll(v[1:len(v)-1], `\"`, `"`), true
}

// firstWord returns the start of a line for a message, shortened.
func firstWord(line string) string {
	w, _, _ := strings.Cut(line, " ")
	if r := []rune(w); len(r) > 24 {
		w = string(r[:24]) + "…"
	}
	return w
}

// hasControl reports whether s holds a control character other than a tab.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r != '\t' && (unicode.IsControl(r) || model.IsBidiControl(r))
	})
}

// find returns the entry of key, or nil.
func (a *Access) find(key gossh.PublicKey) *Entry {
	m := key.Marshal()
	for _, e := range a.Entries {
		if bytes.Equal(e.Key.Marshal(), m) {
			return e
		}
	}
	return nil
}

// Find returns the entry of key, or nil when the key has no access.
func (a *Access) Find(key gossh.PublicKey) *Entry { return a.find(key) }

// AnswersPath returns where e's answers file is: File, relative to the
// access file's folder unless absolute.
func (a *Access) AnswersPath(e *Entry) string {
	if filepath.IsAbs(e.File) {
		return e.File
	}
	return filepath.Join(filepath.Dir(a.Path), e.File)
}

// Add appends e as a new line. A key already in the file is refused: a key
// belongs to exactly one answers file. Allow defaults to the interview.
func (a *Access) Add(e *Entry) error {
	if prev := a.find(e.Key); prev != nil {
		return errorf(a.Path, 0, "key_exists", a.Path, prev.Line, prev.File)
	}
	if e.Comment = strings.TrimSpace(e.Comment); e.Comment == "" || hasControl(e.Comment) {
		return errorf(a.Path, 0, "comment_bad", e.Comment)
	}
	if e.File == "" || strings.ContainsAny(e.File, `"`) || hasControl(e.File) {
		return errorf(a.Path, 0, "file_bad", e.File)
	}
	for _, c := range e.Allow {
		if !slices.Contains(Commands, c) {
			return errorf(a.Path, 0, "unknown_command", c)
		}
	}
	if len(e.Allow) == 0 {
		e.Allow = []string{CmdInterview}
	}
	a.lines = append(a.lines, e.line())
	e.Line = len(a.lines)
	a.Entries = append(a.Entries, e)
	return nil
}

// Remove removes the key whose comment or fingerprint is which and returns
// it. A comment that several keys share is refused: give the fingerprint.
func (a *Access) Remove(which string) (*Entry, error) {
	var hits []*Entry
	for _, e := range a.Entries {
		if e.Fingerprint() == which || e.Comment == which {
			hits = append(hits, e)
		}
	}
	switch {
	case len(hits) == 0:
		return nil, errorf(a.Path, 0, "key_not_found", which, a.Path)
	case len(hits) > 1:
		return nil, errorf(a.Path, 0, "key_ambiguous", len(hits), which, a.Path)
	}
	gone := hits[0]
	a.lines = slices.Delete(a.lines, gone.Line-1, gone.Line)
	a.Entries = slices.DeleteFunc(a.Entries, func(e *Entry) bool { return e == gone })
	for _, e := range a.Entries {
		if e.Line > gone.Line {
			e.Line--
		}
	}
	return gone, nil
}

// Save writes the access file atomically with mode 0600 (it says who may
// reach which client's answers).
func (a *Access) Save() error {
	data := strings.Join(a.lines, "\n")
	if data != "" {
		data += "\n"
	}
	return model.WriteFileAtomic(a.Path, []byte(data), 0o600)
}

// ParsePublicKey reads one public key in authorized_keys form (as in
// id_ed25519.pub) and its comment; ok is false when data holds none.
func ParsePublicKey(data []byte) (key gossh.PublicKey, comment string, ok bool) {
	key, comment, _, _, err := gossh.ParseAuthorizedKey(data)
	return key, comment, err == nil
}
