package scan

import (
	"sort"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// ev makes evidence from a file line or a value read; the text is cleaned
// and shortened at once, so that JSON output carries no terminal escapes.
func ev(p string, line int, value string) Evidence {
	return Evidence{Path: p, Line: line, Value: clean(strings.TrimSpace(value))}
}

// evNote makes evidence that explains something about a path.
func evNote(p string, key string, args ...any) Evidence {
	return Evidence{Path: p, Note: note(key, args...)}
}

// evLineNote makes evidence of a file line with an explanation.
func evLineNote(p string, line int, value, key string, args ...any) Evidence {
	e := ev(p, line, value)
	e.Note = note(key, args...)
	return e
}

// readEvidence says why p could not be read (or that it does not exist).
func readEvidence(p string, err error) Evidence {
	return Evidence{Path: p, Note: reasonNote(reason(err))}
}

// day is a stored date (YYYY-MM-DD) as a message argument: each language
// writes it its own way (28.11.2026, 28 November 2026).
type day string

// msg returns message key in both languages, formatted with args. String
// arguments (often read from the scanned system) are cleaned first; days
// are written in each language's way and texts in each language.
func msg(key string, args ...any) model.Text {
	in := func(l model.Lang) []any {
		out := make([]any, len(args))
		for i, a := range args {
			switch v := a.(type) {
			case string:
				out[i] = clean(v)
			case day:
				out[i] = model.FormatSupportDate(string(v), l)
			case model.Text:
				out[i] = v.In(l)
			default:
				out[i] = a
			}
		}
		return out
	}
	return model.Text{De: scanMsg.Get(model.De, key, in(model.De)...), En: scanMsg.Get(model.En, key, in(model.En)...)}
}

// note is msg as a pointer, for Evidence.Note.
func note(key string, args ...any) *model.Text {
	t := msg(key, args...)
	return &t
}

// title returns the title of a finding ID: the message "t_<id>", where the
// ID's part after ":" (the object) is left out.
func title(id string) model.Text {
	base, _, _ := strings.Cut(id, ":")
	return msg("t_" + base)
}

// reasonNote translates a read-failure reason into both languages.
func reasonNote(r string) *model.Text {
	switch r {
	case "not found":
		return note("ev_not_found")
	case "permission denied":
		return note("ev_permission")
	case errLoop.Error():
		return note("ev_loop")
	case errEscape.Error():
		return note("ev_escape")
	case errIsDir.Error():
		return note("ev_is_dir")
	case errNotRegular.Error():
		return note("ev_not_regular")
	case errTooMany.Error():
		return note("ev_too_many", maxDirEntries)
	}
	return note("ev_unreadable", r)
}

// sortedKeys returns the keys of m in sorted order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lines splits file data into lines without their line ends.
func lines(data []byte) []string {
	return strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
}

// stripComment removes a "#" comment and surrounding space.
func stripComment(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// existence checks that p exists without reading it (for files that may hold
// secrets) and returns the evidence either way.
func (s *scanner) existence(p string) (Evidence, bool) {
	if _, err := s.fs.Stat(p); err != nil {
		return readEvidence(p, err), false
	}
	return evNote(p, "ev_present"), true
}
