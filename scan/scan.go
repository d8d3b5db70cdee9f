// Package scan reads the security-relevant facts off a Linux system: disk
// encryption, SSH settings, automatic updates, firewall, backups, TLS
// certificates, mail transport encryption, control panels, time
// synchronisation, log retention and the accounts that can log in.
//
// The scan only reads. It opens files read-only, runs no command, opens no
// network connection, follows symbolic links only inside the scanned root,
// reads at most Options.MaxRead bytes of any file and never reads the content
// of files that hold secrets (it only checks that they exist). A file it
// cannot read is reported and the scan carries on; a missing file is a
// finding, never a failure.
package scan

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tom-dsgvo/tom/model"
)

// DefaultMaxRead is how many bytes of any one file the scan reads by default.
const DefaultMaxRead = 1 << 20

// Options configure a scan.
type Options struct {
	// Root is the host directory the scanned system is rooted at ("/" when
	// empty): a mounted image or a test fixture.
	Root string
	// Today is the date expiry is measured against (now when zero).
	Today time.Time
	// MaxRead is the most bytes read of any file (DefaultMaxRead when 0).
	MaxRead int64
	// Open, when set, is called around opening each file (see OpenFunc);
	// tests record reads and inject failures through it.
	Open OpenFunc
	// Catalog ties the scan's checks to measures (their "scan" key); the
	// findings name those measures. Without it findings name no measures.
	Catalog *model.Catalog
	// Support is the table of operating-system support ends the scan judges
	// the scanned release by; when nil, the catalogue's table
	// (Catalog.Support) is used. Without either the end of support is
	// reported as unknown.
	Support *model.SupportTable
}

// Result is what a finding says about the thing it checked.
type Result string

// Finding results.
const (
	OK         Result = "ok"         // in place
	Weak       Result = "weak"       // in place, but with a gap
	Missing    Result = "missing"    // not in place
	Unknown    Result = "unknown"    // could not be decided from files
	NotFound   Result = "notfound"   // the software or file is not there
	Unreadable Result = "unreadable" // a file could not be read
)

// Finding is one fact read off the system.
type Finding struct {
	// ID is stable, e.g. "ssh.password_auth"; per-object findings append the
	// object ("tls.cert:example.org").
	ID string `json:"id"`
	// Area groups findings for display (see Areas).
	Area   string     `json:"area"`
	Title  model.Text `json:"title"`
	Result Result     `json:"result"`
	// Evidence is what was read, where.
	Evidence []Evidence `json:"evidence"`
	// Measures are catalogue measure IDs this finding supports. The checks
	// name them; Scan turns checks into the catalogue's measure IDs.
	Measures []string `json:"measures,omitempty"`
	// Contradicts are catalogue measure IDs this finding contradicts.
	Contradicts []string `json:"contradicts,omitempty"`
}

// Evidence is one piece of proof: a file and line with the text found there,
// a value read, or a note (such as "not found").
type Evidence struct {
	Path  string      `json:"path,omitempty"`
	Line  int         `json:"line,omitempty"`
	Value string      `json:"value,omitempty"`
	Note  *model.Text `json:"note,omitempty"`
}

// Report is the result of one scan.
type Report struct {
	Root         string        `json:"root"`
	Date         string        `json:"date"`
	Findings     []Finding     `json:"findings"`
	Accounts     []Account     `json:"accounts"`
	Certificates []Certificate `json:"certificates"`
	Backups      []BackupJob   `json:"backups"`
}

// Areas lists the finding areas in display order.
var Areas = []string{"system", "disk", "ssh", "updates", "firewall", "backup", "tls", "mail", "panel", "time", "logs", "accounts", "scan"}

// Available reports whether a scan of the running system makes sense here
// (tom runs on Linux), for offering the scan in the interview.
func Available() bool { return runtime.GOOS == "linux" }

// CheckRoot reports whether dir can be scanned: it must exist and be a
// folder. The error is one of ErrRootMissing, ErrRootNotDir, ErrRootUnreadable.
func CheckRoot(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ErrRootMissing
	case err != nil:
		return ErrRootUnreadable
	case !fi.IsDir():
		return ErrRootNotDir
	}
	return nil
}

// The reasons CheckRoot gives; callers word them for the user.
var (
	ErrRootMissing    = errors.New("scan root does not exist")
	ErrRootNotDir     = errors.New("scan root is not a directory")
	ErrRootUnreadable = errors.New("scan root cannot be read")
)

// Scan looks at the system rooted at opts.Root and returns what it found. It
// never fails: what it cannot read is reported as findings.
func Scan(opts Options) *Report {
	root := opts.Root
	if root == "" {
		root = "/"
	}
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	maxRead := opts.MaxRead
	if maxRead <= 0 {
		maxRead = DefaultMaxRead
	}
	support := opts.Support
	if support == nil && opts.Catalog != nil {
		support = opts.Catalog.Support()
	}
	rfs := newRootFS(root, maxRead, opts.Open)
	defer rfs.Close()
	s := &scanner{
		fs:      rfs,
		today:   time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC),
		checks:  checkIndex(opts.Catalog),
		support: support,
		rep: &Report{
			Root:         root,
			Date:         today.Format(model.DateLayout),
			Accounts:     []Account{},
			Certificates: []Certificate{},
			Backups:      []BackupJob{},
		},
	}
	s.system()
	s.supported()
	s.disk()
	s.ssh()
	s.updates()
	s.firewall()
	s.fail2ban()
	s.backups()
	s.tls()
	s.mail()
	s.panels()
	s.timeSync()
	s.logs()
	s.accounts()
	s.unreadable()
	return s.rep
}

// scanner carries one scan's state.
type scanner struct {
	fs        *rootFS
	today     time.Time
	checks    map[string][]string // check -> catalogue measure IDs
	support   *model.SupportTable // OS support ends; nil: unknown
	rep       *Report
	sshCfg    *sshdConfig // set by ssh(), used by accounts()
	container string      // container kind when the system runs in one, from system()
	dpkgDB    *dpkgDB     // parsed once, see dpkg()
}

// add records finding f, whose Measures and Contradicts name checks, with the
// catalogue's measures in their place.
func (s *scanner) add(f Finding) {
	f.Measures, f.Contradicts = s.measuresOf(f.Measures), s.measuresOf(f.Contradicts)
	if f.Evidence == nil {
		f.Evidence = []Evidence{}
	}
	if f.Title.IsZero() {
		f.Title = title(f.ID)
	}
	s.rep.Findings = append(s.rep.Findings, f)
}

// unreadable adds one finding per path the scan could not read.
func (s *scanner) unreadable() {
	for _, p := range sortedKeys(s.fs.unreadable) {
		s.add(Finding{
			ID:       "unreadable:" + p,
			Area:     "scan",
			Title:    msg("t_unreadable"),
			Result:   Unreadable,
			Evidence: []Evidence{{Path: p, Note: reasonNote(s.fs.unreadable[p])}},
		})
	}
}

// ForModel converts the findings for model.ApplyScan, with evidence written
// in language l. Findings that neither support nor contradict a measure are
// left out.
func (r *Report) ForModel(l model.Lang) []model.ScanFinding {
	var out []model.ScanFinding
	for _, f := range r.Findings {
		if len(f.Measures) == 0 && len(f.Contradicts) == 0 {
			continue
		}
		out = append(out, model.ScanFinding{
			ID:          f.ID,
			Measures:    append([]string(nil), f.Measures...),
			Contradicts: append([]string(nil), f.Contradicts...),
			Evidence:    f.EvidenceText(l),
		})
	}
	return out
}

// EvidenceText joins the finding's evidence into one line in language l.
func (f Finding) EvidenceText(l model.Lang) string {
	parts := make([]string, 0, len(f.Evidence))
	for _, e := range f.Evidence {
		parts = append(parts, e.String(l))
	}
	return strings.Join(parts, "; ")
}

// String renders the evidence in language l: "path:line: value — note".
// Text read from the scanned system is cleaned of control characters.
func (e Evidence) String(l model.Lang) string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(clean(e.Path))
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
	}
	if e.Value != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(clean(e.Value))
	}
	if e.Note != nil {
		switch {
		case b.Len() > 0 && e.Value != "":
			b.WriteString(" — ")
		case b.Len() > 0:
			b.WriteString(": ")
		}
		b.WriteString(e.Note.In(l))
	}
	return b.String()
}

// maxValue is the longest value quoted in evidence.
const maxValue = 160

// clean makes text read from the scanned system safe to print: cut to
// maxValue runes, on one line, control and bidi characters shown visibly
// (model.TerminalLine).
func clean(s string) string {
	if utf8.RuneCountInString(s) > maxValue {
		s = string([]rune(s)[:maxValue]) + "…"
	}
	return model.TerminalLine(strings.ReplaceAll(s, "\t", " "))
}
