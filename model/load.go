package model

import (
	"bytes"
	"cmp"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	json "github.com/goccy/go-json"
)

// MaxFileSize is the largest answers file tom reads (32 MiB: about 30,000
// service providers).
const MaxFileSize = 32 << 20

// Migration reports what loading an answers file made with an older catalogue
// version changed. Renamed answers moved to their new IDs; removed ones were
// kept under "retired" in the file and are listed here.
type Migration struct {
	From, To string
	Renamed  map[string]string // old ID -> new ID
	Removed  []string          // IDs the catalogue no longer has
	New      []string          // question and measure IDs added since From (own since, else the section's)
}

// Empty reports whether nothing changed.
func (m *Migration) Empty() bool {
	return m == nil || (len(m.Renamed) == 0 && len(m.Removed) == 0 && len(m.New) == 0 && m.From == m.To)
}

// Load reads, migrates and validates the answers file at path against
// catalogue c. It never writes. A missing file returns an error satisfying
// errors.Is(err, os.ErrNotExist).
func Load(path string, c *Catalog) (*File, *Migration, error) {
	d, err := Read(path)
	if err != nil {
		return nil, nil, err
	}
	return d.Check(c)
}

// Decoded is an answers file read and decoded, not yet checked against a
// catalogue: the part of loading that needs none, so that the catalogue
// can be loaded meanwhile. Check finishes loading it, once.
type Decoded struct {
	name string
	f    *File
	pos  *positions // of the full reader, else made from text on a problem
	text *fileText
	err  error // what decoding found wrong, reported by Check
}

// fileText is an answers file's content: the string the fast reader reads
// (decodeAnswersText) and, made when first needed, the bytes the full
// reader and the positions of problems read.
type fileText struct {
	s string
	b []byte
}

func (t *fileText) bytes() []byte {
	if t.b == nil {
		t.b = []byte(t.s)
	}
	return t.b
}

// positions maps the file's pointers to positions (on first use).
func (t *fileText) positions() *positions { return &positions{data: t.bytes()} }

// Read reads and decodes the answers file at path. Read and then Check is
// Load: an error reading the file comes from Read, every problem with its
// content from Check, as Load reports them.
func Read(path string) (*Decoded, error) {
	text, err := readUserText(path)
	if err != nil {
		return nil, err
	}
	return decode(path, &fileText{s: text}, true), nil
}

// Check migrates and validates the decoded file against catalogue c and
// returns it, or the problems decoding found.
func (d *Decoded) Check(c *Catalog) (*File, *Migration, error) {
	return d.CheckThen(c, nil)
}

// CheckThen is Check that also runs then on the migrated file, on a
// goroutine of its own while the file is validated; then must only read
// the file and c. What then did counts only when CheckThen returns no
// error: it may run on a file that turns out not to be valid (should it
// panic on one, the panic is dropped; on a valid file then runs again).
func (d *Decoded) CheckThen(c *Catalog, then func(f *File)) (*File, *Migration, error) {
	if d.err != nil {
		return nil, nil, d.err
	}
	f := d.f
	mig, probs := migrate(f, c)
	var done chan bool // true when then ran to its end
	if then != nil && len(probs) == 0 {
		// Validate writes to the file only to make an empty list of a
		// register a list of records: done first, it writes nothing.
		emptyRegisters(c, f)
		done = make(chan bool, 1)
		go func() {
			ok := false
			defer func() {
				if !ok {
					_ = recover()
				}
				done <- ok
			}()
			then(f)
			ok = true
		}()
	}
	probs = append(probs, Validate(c, f)...)
	if done != nil && !<-done && len(probs) == 0 {
		then(f) // it failed on a valid file: as if run after Check
	}
	if len(probs) > 0 {
		if d.pos == nil {
			d.pos = d.text.positions()
		}
		return nil, nil, &LoadError{File: d.name, Problems: d.pos.place(probs)}
	}
	return f, mig, nil
}

// Parse decodes, migrates and validates answers-file data; name is used in
// error messages. Errors are *LoadError with positions.
func Parse(name string, data []byte, c *Catalog) (*File, *Migration, error) {
	return parse(name, data, c, true)
}

// parse is Parse; fast lets a plain file be read by decodeAnswersFile
// (tests compare both ways).
func parse(name string, data []byte, c *Catalog, fast bool) (*File, *Migration, error) {
	return decode(name, &fileText{s: string(data), b: data}, fast).Check(c)
}

// decode decodes answers-file text and converts it into a File; problems
// found on the way are kept for Check.
func decode(name string, text *fileText, fast bool) *Decoded {
	fail := func(ps ...Problem) *Decoded {
		return &Decoded{name: name, err: &LoadError{File: name, Problems: ps}}
	}
	var (
		obj     map[string]any
		answers map[string]Value // read by decodeAnswersFile, else nil
		pos     *positions
		probs   []Problem
	)
	if fast {
		obj, answers, fast = decodeAnswersText(text.s)
	}
	if !fast {
		if obj, pos, probs = decodeObject(text.bytes()); obj == nil {
			return fail(probs...)
		}
	}
	place := func(ps []Problem) []Problem {
		if pos == nil { // read by decodeAnswersText: no byte order mark
			pos = text.positions()
		}
		return pos.place(ps)
	}
	// The schema version decides everything else: check it first.
	sv, ok := obj["schema"].(float64)
	switch {
	case obj["schema"] == nil:
		probs = append(probs, Problem{Pointer: "", Key: "missing", Args: []any{"schema"}})
		return fail(place(probs)...)
	case !ok || sv != math.Trunc(sv) || sv < 1:
		shown, _ := marshalPlain(obj["schema"]) // "1" must not look like 1
		probs = append(probs, Problem{Pointer: "/schema", Key: "schema_bad", Args: []any{string(shown)}})
		return fail(place(probs)...)
	case sv > SchemaVersion:
		probs = append(probs, Problem{Pointer: "/schema", Key: "schema_newer", Args: []any{int(sv), SchemaVersion}})
		return fail(place(probs)...)
	}
	f, convProbs := fileFromAny(obj, answers)
	probs = append(probs, convProbs...)
	if len(probs) > 0 {
		return fail(place(probs)...)
	}
	return &Decoded{name: name, f: f, pos: pos, text: text}
}

// decodeObject decodes data as one JSON object and maps its pointers to
// positions. A problem that stops reading (size, encoding, syntax, not an
// object) comes back positioned, with obj nil; repeated keys come back
// positioned, with obj set.
func decodeObject(data []byte) (obj map[string]any, pos *positions, probs []Problem) {
	if len(data) > MaxFileSize {
		return nil, nil, []Problem{{Key: "too_large", Args: []any{len(data), MaxFileSize}, Line: 1, Col: 1}}
	}
	// A UTF-8 byte order mark (Windows editors write one) is not content.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, []Problem{{Key: "empty_file", Line: 1, Col: 1}}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		l, col := lineCol(data, off)
		return nil, nil, []Problem{{Key: "not_utf8", Line: l, Col: col}}
	}
	var root any
	if err := json.Unmarshal(data, &root); err != nil {
		return nil, nil, []Problem{syntaxProblem(data, err)}
	}
	obj, ok := root.(map[string]any)
	if !ok {
		return nil, nil, []Problem{{Key: "not_object", Line: 1, Col: 1}}
	}
	// Positions are needed only to report a problem; a repeated key is
	// one, and only then is the document scanned now.
	pos = &positions{data: data}
	if membersDiffer(data, root) {
		pos.scan()
	}
	offs := make([]int, len(pos.dups))
	for i, d := range pos.dups {
		offs[i] = d.off
	}
	for i, lc := range lineCols(data, offs) {
		d := pos.dups[i]
		probs = append(probs, Problem{Pointer: d.ptr, Key: "dup_key", Args: []any{lastToken(d.ptr)}, Line: lc[0], Col: lc[1]})
	}
	return obj, pos, probs
}

// place gives every problem without a position the position of its pointer
// (or of its nearest ancestor) and sorts the problems by position.
func (p *positions) place(ps []Problem) []Problem {
	if len(ps) == 0 {
		return ps
	}
	p.scan()
	var idx, offs []int
	for i := range ps {
		if ps[i].Line == 0 {
			off := p.offset(ps[i].Pointer)
			if at, ok := p.at[ps[i].Pointer]; ok && ps[i].char > 0 {
				off = stringCharOffset(p.data, at, ps[i].char-1)
			}
			idx = append(idx, i)
			offs = append(offs, off)
		}
	}
	for j, lc := range lineCols(p.data, offs) {
		ps[idx[j]].Line, ps[idx[j]].Col = lc[0], lc[1]
	}
	sortProblems(ps)
	return ps
}

// syntaxProblem words a decoder error for data in plain words, with the
// position of the offending character.
func syntaxProblem(data []byte, err error) Problem {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te) && strings.HasPrefix(te.Value, "number"):
		// A number out of range (1e400): point at it, say it plainly.
		l, col := lineCol(data, numberStart(data, int(te.Offset)))
		return Problem{Key: "bad_number", Line: l, Col: col}
	case !errors.As(err, &se) || strings.Contains(se.Error(), "unexpected end"):
		l, col := lineCol(data, len(data))
		return Problem{Pointer: syntaxPointer(data, len(data)-1), Key: "syntax_eof", Line: l, Col: col}
	}
	// The decoder's offset is just past the offending byte; point at the
	// start of the character that byte belongs to.
	off := min(max(int(se.Offset)-1, 0), len(data)-1)
	for off > 0 && !utf8.RuneStart(data[off]) {
		off--
	}
	r, _ := utf8.DecodeRune(data[off:])
	key := "syntax_char"
	switch msg := se.Error(); {
	case strings.Contains(msg, "after top-level value"):
		key = "syntax_after"
	case strings.Contains(msg, "in string literal"):
		key = "syntax_in_string"
	case strings.Contains(msg, "in string escape code"):
		key = "syntax_escape"
	}
	l, col := lineCol(data, off)
	return Problem{Pointer: syntaxPointer(data, off), Key: key, Args: []any{strconv.QuoteRune(r)}, Line: l, Col: col}
}

// numberStart returns the offset where the number ending at or before off
// begins (the decoder reports the offset after the number).
func numberStart(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	for off > 0 && !bytes.ContainsRune([]byte("0123456789+-.eE"), rune(data[off-1])) {
		off--
	}
	for off > 0 && bytes.ContainsRune([]byte("0123456789+-.eE"), rune(data[off-1])) {
		off--
	}
	return off
}

func lastToken(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

// fileFromAny converts decoded JSON into a File, collecting shape problems;
// answers, when not nil, are the answers already converted.
func fileFromAny(obj map[string]any, answers map[string]Value) (*File, []Problem) {
	var probs []Problem
	bad := func(p, key string, args ...any) { probs = append(probs, Problem{Pointer: p, Key: key, Args: args}) }
	str := func(p string, x any) string {
		if x == nil {
			return ""
		}
		s, ok := x.(string)
		if !ok {
			bad(p, "want_string")
		}
		return s
	}
	object := func(p string, x any) map[string]any {
		if x == nil {
			return nil
		}
		m, ok := x.(map[string]any)
		if !ok {
			bad(p, "want_object")
		}
		return m
	}
	array := func(p string, x any) []any {
		if x == nil {
			return nil
		}
		a, ok := x.([]any)
		if !ok {
			bad(p, "want_array")
		}
		return a
	}
	strs := func(p string, x any) []string {
		var out []string
		for i, e := range array(p, x) {
			out = append(out, str(ptr(p, i), e))
		}
		return out
	}
	known := func(p string, m map[string]any, keys ...string) {
		for k := range m {
			found := false
			for _, want := range keys {
				if k == want {
					found = true
					break
				}
			}
			if !found {
				bad(ptr(p, k), "unknown_key", k)
			}
		}
	}
	// params reads a measure answer's parameter values: strings, or a
	// whole number written as a JSON number (kept as its digits).
	params := func(p string, x any) map[string]string {
		var out map[string]string
		for k, v := range object(p, x) {
			s := ""
			switch v := v.(type) {
			case float64:
				if v != float64(int64(v)) || v > 1e15 || v < -1e15 {
					bad(ptr(p, k), "want_string")
					continue
				}
				s = strconv.FormatInt(int64(v), 10)
			default:
				s = str(ptr(p, k), v)
			}
			if s == "" {
				continue
			}
			if out == nil {
				out = map[string]string{}
			}
			out[k] = s
		}
		return out
	}
	// member is str for member key of the object m at p: its pointer is
	// built only for a problem.
	member := func(p string, m map[string]any, key string) string {
		x := m[key]
		if s, ok := x.(string); ok || x == nil {
			return s
		}
		return str(ptr(p, key), x)
	}
	measure := func(p string, m map[string]any) MeasureAnswer {
		a := MeasureAnswer{
			Status:     member(p, m, "status"),
			Due:        member(p, m, "due"),
			Reason:     member(p, m, "reason"),
			AcceptedBy: member(p, m, "accepted_by"),
			Note:       member(p, m, "note"),
		}
		if x := m["params"]; x != nil {
			a.Params = params(ptr(p, "params"), x)
		}
		return a
	}

	f := &File{Schema: SchemaVersion, Answers: map[string]Value{}, Measures: map[string]MeasureAnswer{}}
	known("", obj, "schema", "catalog", "language", "protection_level", "answers", "measures", "own_measures", "detected", "retired", "progress", "review", "history")
	cat := object("/catalog", obj["catalog"])
	known("/catalog", cat, "id", "version")
	f.Catalog.ID = str("/catalog/id", cat["id"])
	f.Catalog.Version = str("/catalog/version", cat["version"])
	switch {
	case obj["catalog"] == nil || f.Catalog.ID == "":
		bad("/catalog", "missing", "catalog.id")
	case f.Catalog.Version == "":
		bad("/catalog/version", "missing", "catalog.version")
	}
	if l := str("/language", obj["language"]); l != "" {
		if l != string(De) && l != string(En) {
			bad("/language", "bad_lang", l)
		}
		f.Language = Lang(l)
	}
	if lv := str("/protection_level", obj["protection_level"]); lv != "" {
		if LevelRank(lv) < 0 {
			bad("/protection_level", "bad_level", lv, strings.Join(Levels, ", "))
		}
		f.ProtectionLevel = lv
	}
	if answers != nil {
		f.Answers = answers // obj["answers"] is nil then
	}
	for k, x := range object("/answers", obj["answers"]) {
		v, ok := valueFromAny(x)
		if !ok {
			bad(ptr("/answers", k), "bad_answer")
			continue
		}
		if v.IsSet() {
			f.Answers[k] = v
		}
	}
	for k, x := range object("/measures", obj["measures"]) {
		p := ptr("/measures", k)
		m := object(p, x)
		if m == nil {
			continue
		}
		known(p, m, "status", "due", "reason", "accepted_by", "note", "params")
		f.Measures[k] = measure(p, m)
	}
	for i, x := range array("/own_measures", obj["own_measures"]) {
		p := ptr("/own_measures", i)
		m := object(p, x)
		if m == nil {
			continue
		}
		known(p, m, "id", "section", "text", "type", "status", "due", "reason", "accepted_by", "note", "params")
		f.OwnMeasures = append(f.OwnMeasures, OwnMeasure{
			ID:            str(ptr(p, "id"), m["id"]),
			Section:       str(ptr(p, "section"), m["section"]),
			Text:          str(ptr(p, "text"), m["text"]),
			Type:          str(ptr(p, "type"), m["type"]),
			MeasureAnswer: measure(p, m),
		})
	}
	for k, x := range object("/detected", obj["detected"]) {
		p := ptr("/detected", k)
		m := object(p, x)
		if m == nil {
			continue
		}
		known(p, m, "date", "result", "evidence")
		if f.Detected == nil {
			f.Detected = map[string]Detection{}
		}
		f.Detected[k] = Detection{Date: str(ptr(p, "date"), m["date"]), Result: str(ptr(p, "result"), m["result"]), Evidence: str(ptr(p, "evidence"), m["evidence"])}
	}
	if r := object("/retired", obj["retired"]); len(r) > 0 {
		f.Retired = r
	}
	pr := object("/progress", obj["progress"])
	known("/progress", pr, "step", "question", "done", "skipped", "completed")
	f.Progress = Progress{
		Step:      str("/progress/step", pr["step"]),
		Question:  str("/progress/question", pr["question"]),
		Done:      strs("/progress/done", pr["done"]),
		Skipped:   strs("/progress/skipped", pr["skipped"]),
		Completed: str("/progress/completed", pr["completed"]),
	}
	rv := object("/review", obj["review"])
	known("/review", rv, "interval_months")
	if x, ok := rv["interval_months"]; ok {
		n, isNum := x.(float64)
		if !isNum || n != math.Trunc(n) || n < 1 || n > 120 {
			bad("/review/interval_months", "want_int")
		} else {
			f.Review.IntervalMonths = int(n)
		}
	}
	for i, x := range array("/history", obj["history"]) {
		p := ptr("/history", i)
		m := object(p, x)
		if m == nil {
			continue
		}
		known(p, m, "date", "by", "kind", "version", "summary", "changes", "still_due")
		e := HistoryEntry{
			Date:    str(ptr(p, "date"), m["date"]),
			By:      str(ptr(p, "by"), m["by"]),
			Kind:    str(ptr(p, "kind"), m["kind"]),
			Version: str(ptr(p, "version"), m["version"]),
			Summary: str(ptr(p, "summary"), m["summary"]),
		}
		for j, cx := range array(ptr(p, "changes"), m["changes"]) {
			cp := ptr(p, "changes", j)
			cm := object(cp, cx)
			if cm == nil {
				continue
			}
			known(cp, cm, "path", "old", "new")
			e.Changes = append(e.Changes, Change{Path: str(ptr(cp, "path"), cm["path"]), Old: cm["old"], New: cm["new"]})
		}
		for j, sx := range array(ptr(p, "still_due"), m["still_due"]) {
			e.StillDue = append(e.StillDue, str(ptr(p, "still_due", j), sx))
		}
		f.History = append(f.History, e)
	}
	return f, probs
}

// migrate moves answers of renamed IDs, retires answers of removed IDs and
// records the catalogue version the file now follows.
func migrate(f *File, c *Catalog) (*Migration, []Problem) {
	if f.Catalog.ID != c.ID {
		return nil, []Problem{{Pointer: "/catalog/id", Key: "catalog_other", Args: []any{f.Catalog.ID, c.ID}}}
	}
	if CompareVersions(f.Catalog.Version, c.Version) > 0 {
		return nil, []Problem{{Pointer: "/catalog/version", Key: "catalog_newer", Args: []any{f.Catalog.Version, c.Version}}}
	}
	m := &Migration{From: f.Catalog.Version, To: c.Version, Renamed: map[string]string{}}
	// At the same version only what the catalogue removed is retired (an
	// overlay's hidden items: the answers files made before stay valid).
	if f.Catalog.Version == c.Version && len(c.Removed) == 0 {
		return m, nil
	}
	resolve := func(id string) string {
		for i := 0; i < 10; i++ { // follow chains of renames
			nu, ok := c.Renamed[id]
			if !ok {
				break
			}
			id = nu
		}
		return id
	}
	retire := func(id string, v any) {
		if f.Retired == nil {
			f.Retired = map[string]any{}
		}
		f.Retired[id] = v
		m.Removed = append(m.Removed, id)
	}
	for id, v := range f.Answers {
		if c.Question(id) != nil {
			continue
		}
		if nu := resolve(id); c.Question(nu) != nil {
			delete(f.Answers, id)
			f.Answers[nu] = v
			m.Renamed[id] = nu
		} else if isRemoved(c, id) {
			delete(f.Answers, id)
			retire(id, v.Any())
		}
	}
	for id, a := range f.Measures {
		if c.Measure(id) != nil {
			continue
		}
		if nu := resolve(id); c.Measure(nu) != nil {
			delete(f.Measures, id)
			f.Measures[nu] = a
			m.Renamed[id] = nu
		} else if isRemoved(c, id) {
			delete(f.Measures, id)
			old := map[string]any{"status": a.Status, "due": a.Due, "reason": a.Reason, "note": a.Note}
			if a.AcceptedBy != "" {
				old["accepted_by"] = a.AcceptedBy
			}
			if pm, ok := measureAny(a, true).(map[string]any)["params"]; ok {
				old["params"] = pm
			}
			retire(id, old)
		}
	}
	newer := func(since string) bool { return since != "" && CompareVersions(since, f.Catalog.Version) > 0 }
	for _, s := range c.Sections {
		// A question or measure without its own since is as new as its section.
		for _, q := range s.Questions {
			if newer(cmp.Or(q.Since, s.Since)) {
				m.New = append(m.New, q.ID)
			}
		}
		for _, ms := range s.Measures {
			if newer(cmp.Or(ms.Since, s.Since)) {
				m.New = append(m.New, ms.ID)
			}
		}
	}
	slices.Sort(m.Removed)
	f.Catalog.Version = c.Version
	return m, nil
}

func isRemoved(c *Catalog, id string) bool {
	for _, r := range c.Removed {
		if r == id {
			return true
		}
	}
	return false
}
