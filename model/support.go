package model

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	json "github.com/goccy/go-json"
)

// SupportSoonMonths is how many months before the end of security support an
// operating system counts as ending soon.
const SupportSoonMonths = 6

// supportMaxInput bounds how much of a free-text OS name Lookup reads; OS
// names are short, and the bound keeps matching cheap on any input.
const supportMaxInput = 256

// SupportTable is the shipped table of operating systems and the end of their
// security support (questionnaires/os-support.json, described in FORMAT.md).
// Build it with ParseSupportTable; Lookup matches free-text OS names.
type SupportTable struct {
	Families []SupportFamily `json:"families"`
	Entries  []SupportEntry  `json:"entries"`

	fams     map[string]*SupportFamily
	byFamily map[string][]int     // entry indexes per family
	byCode   map[string][]codeRef // codenames by their first word
}

// codeRef is one codename, as words, and its entry's index.
type codeRef struct {
	words []string
	entry int
}

// SupportFamily is one operating-system family (Windows, macOS, Debian, …)
// and the words that name it in free text.
type SupportFamily struct {
	ID string `json:"id"`
	// Names are the phrases that name the family ("mac os x", "win").
	Names []string `json:"names"`
	// Unless lists words that make a name belong to a product the table does
	// not cover ("server" for Windows): such a name matches nothing.
	Unless []string `json:"unless,omitempty"`
	// Editions are checked in order; the first whose word occurs wins.
	Editions []SupportEdition `json:"editions,omitempty"`
	// CodenamesNeedFamily: the family's codenames count only beside a family
	// name ("Debian bullseye", not "bullseye" alone).
	CodenamesNeedFamily bool `json:"codenamesNeedFamily,omitempty"`

	names [][]string
}

// SupportEdition is an edition with its own support dates (Windows
// Enterprise, LTSC) and the words that name it.
type SupportEdition struct {
	ID    string   `json:"id"`
	Words []string `json:"words"`
}

// SupportEntry is one operating-system version and the end of its security
// support. At most one of End and UnsupportedSince is set; an entry with
// neither has no announced end.
type SupportEntry struct {
	ID      string `json:"id"`
	Family  string `json:"family"`
	Name    string `json:"name"`
	Version string `json:"version"`
	// Aliases are further spellings of Version ("12l" for Android 12.1).
	Aliases []string `json:"aliases,omitempty"`
	// Release and Edition narrow an entry within its version (Windows 11 23H2,
	// Enterprise).
	Release   string   `json:"release,omitempty"`
	Edition   string   `json:"edition,omitempty"`
	Codenames []string `json:"codenames,omitempty"`
	// End is the announced end of security support: YYYY-MM-DD, or YYYY-MM
	// when the vendor names only the month (then the month's last day counts).
	End string `json:"end,omitempty"`
	// UnsupportedSince is set when the vendor announces no end (Apple,
	// Android) and the source records the version as no longer receiving
	// security updates since this date.
	UnsupportedSince string         `json:"unsupportedSince,omitempty"`
	LastUpdate       *SupportUpdate `json:"lastUpdate,omitempty"`
	// Extended lists paid or separately enrolled extensions (ESU, ESM, LTS,
	// ELS); they never change Status.
	Extended []SupportExtension `json:"extended,omitempty"`
	Source   []string           `json:"source"`
	Checked  string             `json:"checked"`
}

// SupportUpdate is the last update a version received.
type SupportUpdate struct {
	Version string `json:"version"`
	Date    string `json:"date"`
}

// SupportExtension is an extended support programme and its end.
type SupportExtension struct {
	Label   Text     `json:"label"`
	End     string   `json:"end"`
	Source  []string `json:"source"`
	Checked string   `json:"checked"`
}

// EndDate returns the last day of announced security support; ok is false
// when the entry has no announced end.
func (e SupportEntry) EndDate() (end time.Time, ok bool) {
	if e.End == "" {
		return time.Time{}, false
	}
	t, err := supportDate(e.End)
	return t, err == nil
}

// Status reports whether security support has ended by today (past) or ends
// within SupportSoonMonths of it (soon). An entry without an announced end
// is past when the source records it as unsupported, and never soon.
func (e SupportEntry) Status(today time.Time) (past, soon bool) {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	if end, ok := e.EndDate(); ok {
		if day.After(end) {
			return true, false
		}
		return false, !day.Before(end.AddDate(0, -SupportSoonMonths, 0))
	}
	if e.UnsupportedSince != "" {
		since, err := parseDate(e.UnsupportedSince)
		return err == nil && !day.Before(since), false
	}
	return false, false
}

// EndDate returns the last day of the extension.
func (x SupportExtension) EndDate() (time.Time, error) { return supportDate(x.End) }

// FormatSupportDate renders a table date for people: a full date like
// FormatDate, a month-only date as "04/2027" in German and "April 2027" in
// English.
func FormatSupportDate(s string, l Lang) string {
	if len(s) != len("2006-01") {
		return FormatDate(s, l)
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return s
	}
	if l == En {
		return fmt.Sprintf("%s %d", monthsEn[t.Month()-1], t.Year())
	}
	return t.Format("01/2006")
}

// supportDate parses YYYY-MM-DD, or YYYY-MM as the last day of that month.
func supportDate(s string) (time.Time, error) {
	if len(s) == len("2006-01") {
		t, err := time.Parse("2006-01", s)
		if err != nil || t.Year() < 1900 {
			return time.Time{}, fmt.Errorf("not a date")
		}
		return t.AddDate(0, 1, -1), nil
	}
	if len(s) != len(DateLayout) || strings.Count(s, "-") != 2 {
		return time.Time{}, fmt.Errorf("not a date")
	}
	return parseDate(s)
}

// ParseSupportTable decodes and checks a support table; source names it in
// errors. Every entry needs a known family, valid dates, at least one https
// source and a checked date; the *LoadError lists every problem at its line
// and column.
func ParseSupportTable(source string, data []byte) (*SupportTable, error) {
	obj, pos, probs := decodeObject(data)
	if obj == nil || len(probs) > 0 {
		return nil, &LoadError{File: source, Problems: probs}
	}
	data = pos.data
	var t SupportTable
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, &LoadError{File: source, Problems: []Problem{catalogDecodeProblem(pos, err)}}
	}
	if ps := t.check(); len(ps) > 0 {
		for i := range ps {
			ps[i].Line, ps[i].Col = lineCol(data, pos.offset(ps[i].Pointer))
		}
		sortProblems(ps)
		return nil, &LoadError{File: source, Problems: ps}
	}
	return &t, nil
}

var supportIDPattern = idShape{more: ".-"} // ^[a-z][a-z0-9.-]*$

// check validates the table and builds its indexes; each problem names its
// place as a JSON pointer.
func (t *SupportTable) check() []Problem {
	var probs []Problem
	bad := func(ptr, key string, args ...any) {
		probs = append(probs, Problem{Pointer: ptr, Key: key, Args: args})
	}
	t.fams = map[string]*SupportFamily{}
	for i := range t.Families {
		f := &t.Families[i]
		fp := ptr("/families", i)
		if !supportIDPattern.MatchString(f.ID) {
			bad(fp+"/id", "cat_sup_bad_id", f.ID)
		} else if t.fams[f.ID] != nil {
			bad(fp+"/id", "cat_dup_id", f.ID)
		}
		t.fams[f.ID] = f
		if len(f.Names) == 0 {
			bad(fp+"/names", "cat_sup_names_missing")
		}
		f.names = nil
		for k, n := range f.Names {
			toks := supportTokens(n)
			if len(toks) == 0 {
				bad(ptr(fp+"/names", k), "cat_sup_no_words", n)
				continue
			}
			f.names = append(f.names, toks)
		}
		// Longest names first, so that "mac os x" wins over "mac os".
		slices.SortStableFunc(f.names, func(a, b []string) int { return len(b) - len(a) })
		for k, ed := range f.Editions {
			ep := ptr(fp+"/editions", k)
			if !supportIDPattern.MatchString(ed.ID) || len(ed.Words) == 0 {
				bad(ep, "cat_sup_edition", ed.ID)
			}
			for m, w := range ed.Words {
				if !oneWord(w) {
					bad(ptr(ep+"/words", m), "cat_sup_one_word", w)
				}
			}
		}
		for k, w := range f.Unless {
			if !oneWord(w) {
				bad(ptr(fp+"/unless", k), "cat_sup_one_word", w)
			}
		}
	}
	t.byFamily = map[string][]int{}
	t.byCode = map[string][]codeRef{}
	ids := map[string]bool{}
	keys := map[string]string{}
	codenames := map[string]string{}
	for i := range t.Entries {
		e := &t.Entries[i]
		ep := ptr("/entries", i)
		if !supportIDPattern.MatchString(e.ID) {
			bad(ep+"/id", "cat_sup_bad_id", e.ID)
		} else if ids[e.ID] {
			bad(ep+"/id", "cat_dup_id", e.ID)
		}
		ids[e.ID] = true
		f := t.fams[e.Family]
		if f == nil {
			bad(ep+"/family", "cat_sup_unknown_family", e.Family)
		} else if e.Edition != "" && !slices.ContainsFunc(f.Editions, func(ed SupportEdition) bool { return ed.ID == e.Edition }) {
			bad(ep+"/edition", "cat_sup_edition_family", e.Edition, e.Family)
		}
		if strings.TrimSpace(e.Name) == "" || len(supportTokens(e.Name)) == 0 {
			bad(ep+"/name", "cat_sup_name_missing")
		}
		if !oneWord(e.Version) {
			bad(ep+"/version", "cat_sup_one_word", e.Version)
		}
		if e.Release != "" && !oneWord(strings.ToLower(e.Release)) {
			bad(ep+"/release", "cat_sup_release_word", e.Release)
		}
		key := strings.Join([]string{e.Family, e.Version, e.Edition, strings.ToLower(e.Release)}, "|")
		if other, dup := keys[key]; dup {
			bad(ep, "cat_sup_same_as", other)
		}
		keys[key] = e.ID
		t.byFamily[e.Family] = append(t.byFamily[e.Family], i)
		for k, a := range e.Aliases {
			if !oneWord(a) {
				bad(ptr(ep+"/aliases", k), "cat_sup_one_word", a)
			}
		}
		for k, c := range e.Codenames {
			cp := ptr(ep+"/codenames", k)
			toks := supportTokens(c)
			if len(toks) == 0 {
				bad(cp, "cat_sup_no_words", c)
				continue
			}
			t.byCode[toks[0]] = append(t.byCode[toks[0]], codeRef{toks, i})
			if other, dup := codenames[c]; dup && other != e.Family+"|"+e.Version {
				bad(cp, "cat_sup_codename_dup", c)
			}
			codenames[c] = e.Family + "|" + e.Version
		}
		if e.End != "" && e.UnsupportedSince != "" {
			bad(ep, "cat_sup_end_exclusive")
		}
		if e.End != "" {
			if _, err := supportDate(e.End); err != nil {
				bad(ep+"/end", "cat_sup_month_date", e.End)
			}
		}
		if e.UnsupportedSince != "" && !validStoredDate(e.UnsupportedSince) {
			bad(ep+"/unsupportedSince", "cat_sup_date", e.UnsupportedSince)
		}
		if u := e.LastUpdate; u != nil && (u.Version == "" || !validStoredDate(u.Date)) {
			bad(ep+"/lastUpdate", "cat_sup_last_update")
		}
		checkSources(ep, e.Source, e.Checked, bad)
		for j, x := range e.Extended {
			xp := ptr(ep+"/extended", j)
			if strings.TrimSpace(x.Label.De) == "" {
				bad(xp+"/label", "cat_de_missing")
			}
			if strings.TrimSpace(x.Label.En) == "" {
				bad(xp+"/label", "cat_en_missing")
			}
			if _, err := supportDate(x.End); err != nil {
				bad(xp+"/end", "cat_sup_month_date", x.End)
			}
			checkSources(xp, x.Source, x.Checked, bad)
		}
	}
	return probs
}

// checkSources reports through bad what is wrong with the sources and the
// checked date of the entry at the pointer at.
func checkSources(at string, sources []string, checked string, bad catBad) {
	if len(sources) == 0 {
		bad(at+"/source", "cat_sup_source_missing")
	}
	for k, s := range sources {
		u, err := url.Parse(s)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			bad(ptr(at+"/source", k), "cat_sup_https", s)
		}
	}
	if !validStoredDate(checked) {
		bad(at+"/checked", "cat_sup_date", checked)
	}
}

// oneWord reports whether w is a single lower-case word as supportTokens
// yields it.
func oneWord(w string) bool {
	toks := supportTokens(w)
	return len(toks) == 1 && toks[0] == w
}

func validStoredDate(s string) bool {
	_, err := supportDate(s)
	return err == nil && len(s) == len(DateLayout)
}

// Lookup finds the entry a free-text OS name means ("Windows 7 Pro", "Win 10
// 22H2", "Monterey", "Ubuntu 20.04 LTS"). It never guesses: a name it cannot
// place on exactly one entry (no family, no version, two families, a version
// or release the table lacks, a codename contradicting the version) returns
// false. The entry shares its slices with the table; callers must not
// modify them.
func (t *SupportTable) Lookup(osName string) (SupportEntry, bool) {
	if t == nil || t.fams == nil {
		return SupportEntry{}, false
	}
	if len(osName) > supportMaxInput {
		osName = osName[:supportMaxInput]
	}
	toks := supportTokens(osName)
	if len(toks) == 0 {
		return SupportEntry{}, false
	}
	fam, famEnd := t.findFamily(toks)
	if fam == nil && famEnd < 0 {
		return SupportEntry{}, false // two families named
	}
	// Codenames: longest first, whole words.
	var codeVersions []string
	var codeFamily string
	for i := 0; i < len(toks); {
		n, e := t.codenameAt(toks, i, fam)
		if n == 0 {
			i++
			continue
		}
		codeFamily = e.Family
		if !slices.Contains(codeVersions, e.Version) {
			codeVersions = append(codeVersions, e.Version)
		}
		i += n
	}
	if fam == nil {
		if codeFamily == "" || len(codeVersions) != 1 {
			return SupportEntry{}, false
		}
		fam = t.fams[codeFamily]
		famEnd = 0
	}
	for _, u := range fam.Unless {
		if slices.Contains(toks, u) {
			return SupportEntry{}, false
		}
	}
	version := ""
	for j := famEnd; j < len(toks) && j < famEnd+4; j++ {
		if v := t.versionOf(fam.ID, toks[j]); v != "" {
			version = v
			break
		}
		if c := toks[j][0]; c >= '0' && c <= '9' {
			break // a number the table does not know
		}
	}
	switch {
	case version == "" && len(codeVersions) == 1:
		version = codeVersions[0]
	case version == "":
		return SupportEntry{}, false
	case len(codeVersions) > 1 || len(codeVersions) == 1 && codeVersions[0] != version:
		return SupportEntry{}, false
	}
	edition := ""
	for _, ed := range fam.Editions {
		if slices.ContainsFunc(ed.Words, func(w string) bool { return slices.Contains(toks, w) }) {
			edition = ed.ID
			break
		}
	}
	var plain *SupportEntry
	for _, i := range t.byFamily[fam.ID] {
		e := &t.Entries[i]
		if e.Version != version || e.Edition != edition {
			continue
		}
		if e.Release == "" {
			plain = e
		} else if slices.ContainsFunc(toks, func(w string) bool { return strings.EqualFold(w, e.Release) }) {
			return *e, true
		}
	}
	if plain != nil {
		return *plain, true
	}
	return SupportEntry{}, false
}

// findFamily returns the family named in toks and the index after its first
// name; fam nil with end -1 means two different families are named, nil with
// end 0 none.
func (t *SupportTable) findFamily(toks []string) (fam *SupportFamily, end int) {
	for i := 0; i < len(toks); i++ {
		best, bestLen := (*SupportFamily)(nil), 0
		for k := range t.Families {
			f := &t.Families[k]
			for _, n := range f.names {
				if len(n) > bestLen && hasPhrase(toks, i, n) {
					best, bestLen = f, len(n)
				}
			}
		}
		if best == nil {
			continue
		}
		if fam == nil {
			fam, end = best, i+bestLen
		} else if fam != best {
			return nil, -1
		}
		i += bestLen - 1
	}
	return fam, end
}

// codenameAt returns the length of the longest codename starting at toks[i]
// and its entry; a codename of a family that needs its family name counts
// only when fam is that family, and with fam set only fam's codenames count.
func (t *SupportTable) codenameAt(toks []string, i int, fam *SupportFamily) (int, *SupportEntry) {
	bestLen, best := 0, (*SupportEntry)(nil)
	for _, c := range t.byCode[toks[i]] {
		e := &t.Entries[c.entry]
		if fam != nil && e.Family != fam.ID {
			continue
		}
		if fam == nil && t.fams[e.Family].CodenamesNeedFamily {
			continue
		}
		if len(c.words) > bestLen && hasPhrase(toks, i, c.words) {
			bestLen, best = len(c.words), e
		}
	}
	return bestLen, best
}

// versionOf returns the longest version of family whose spelling tok is: the
// version itself, the version followed by ".minor…", or an alias.
func (t *SupportTable) versionOf(family, tok string) string {
	best := ""
	for _, i := range t.byFamily[family] {
		e := &t.Entries[i]
		v := e.Version
		minor := len(tok) > len(v) && tok[len(v)] == '.' && strings.HasPrefix(tok, v)
		if (tok == v || minor || slices.Contains(e.Aliases, tok)) && len(v) > len(best) {
			best = e.Version
		}
	}
	return best
}

func hasPhrase(toks []string, i int, phrase []string) bool {
	if i+len(phrase) > len(toks) {
		return false
	}
	return slices.Equal(toks[i:i+len(phrase)], phrase)
}

// supportTokens splits an OS name into lower-case words of ASCII letters,
// digits and inner dots. A word of two or more letters followed by digits is
// split before the digits ("win10" → "win", "10"); other words are kept
// ("22h2", "12l", "20.04", "r2").
//
// The words are slices of s, or of its copy in lower case when it has
// upper-case letters: the table's thousand names cost no more than that.
func supportTokens(s string) []string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			s = string(b)
			break
		}
	}
	var toks []string
	start := 0 // of the current word
	flush := func(end int) {
		if w := strings.Trim(s[start:end], "."); w != "" {
			toks = append(toks, w)
		}
		start = end
	}
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' }
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	letters := func(w string) bool {
		for i := 0; i < len(w); i++ {
			if !isLetter(w[i]) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !isDigit(c) && c != '.' {
			flush(i)
			start = i + 1
			continue
		}
		if isDigit(c) && i-start >= 2 && letters(s[start:i]) {
			flush(i)
		}
	}
	flush(len(s))
	return toks
}
