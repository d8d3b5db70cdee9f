package model

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// DirectorySchema is the version of the provider-directory format this tom
// reads and writes.
const DirectorySchema = 1

// Directory is a list of common service providers whose facts fill a new
// record of the provider register (the records question with role
// provider_register). Entries are in file order.
type Directory struct {
	// Question is the register the entries fill.
	Question *Question
	Entries  []*DirectoryEntry
}

// DirectoryEntry is one provider of a directory.
type DirectoryEntry struct {
	ID      string
	Address Address
	// Fields holds the record's values by field ID, as in an answers file.
	// The field with role record_address is not among them: it is made from Address.
	Fields Record
	// Brands are other names the provider is known by (a product or web
	// address such as "mailbox.org"); search finds the entry by them too.
	Brands  []string
	Source  []string // URLs of the imprint or register the facts were read in
	Checked string   // YYYY-MM-DD, when the facts were last read
	Origin  string   // the file the entry came from
}

// Address is a postal address; Country is an ISO 3166-1 alpha-2 code.
type Address struct {
	Street   string `json:"street"`
	Postcode string `json:"postcode"`
	City     string `json:"city"`
	Country  string `json:"country"`
}

// Name returns the entry's name: the value of the field with role
// record_name, else the entry's ID.
func (d *Directory) Name(e *DirectoryEntry) string {
	if f := d.Question.FieldByRole(RoleRecordName); f != nil {
		return e.Fields[f.ID].Str()
	}
	return e.ID
}

// Category returns the option of the entry's category (the field with role
// category), or nil.
func (d *Directory) Category(e *DirectoryEntry) *Option {
	f := d.Question.FieldByRole(RoleCategory)
	if f == nil {
		return nil
	}
	return f.Option(e.Fields[f.ID].Str())
}

// Format returns the address as it is written on a letter, one line each for
// street, postcode and city, and country (named in language l).
func (a Address) Format(l Lang) string {
	return a.Street + "\n" + a.Postcode + " " + a.City + "\n" + CountryName(a.Country, l)
}

// CountryName names the country with ISO code code in language l; an
// unknown code is returned as it is.
func CountryName(code string, l Lang) string {
	if _, ok := countryNames[code]; !ok {
		return code
	}
	return countryNames.Get(l, code)
}

// countryNames names the countries directory entries may be in.
var countryNames = Messages{
	"AT": {De: "Österreich", En: "Austria"},
	"BE": {De: "Belgien", En: "Belgium"},
	"CH": {De: "Schweiz", En: "Switzerland"},
	"CZ": {De: "Tschechien", En: "Czechia"},
	"DE": {De: "Deutschland", En: "Germany"},
	"DK": {De: "Dänemark", En: "Denmark"},
	"EE": {De: "Estland", En: "Estonia"},
	"ES": {De: "Spanien", En: "Spain"},
	"FI": {De: "Finnland", En: "Finland"},
	"FR": {De: "Frankreich", En: "France"},
	"GB": {De: "Vereinigtes Königreich", En: "United Kingdom"},
	"HU": {De: "Ungarn", En: "Hungary"},
	"IE": {De: "Irland", En: "Ireland"},
	"IT": {De: "Italien", En: "Italy"},
	"LI": {De: "Liechtenstein", En: "Liechtenstein"},
	"LT": {De: "Litauen", En: "Lithuania"},
	"LU": {De: "Luxemburg", En: "Luxembourg"},
	"NL": {De: "Niederlande", En: "Netherlands"},
	"NO": {De: "Norwegen", En: "Norway"},
	"NZ": {De: "Neuseeland", En: "New Zealand"},
	"PL": {De: "Polen", En: "Poland"},
	"SE": {De: "Schweden", En: "Sweden"},
	"US": {De: "Vereinigte Staaten", En: "United States"},
}

// Record returns a new record of the register with ID id, filled from entry
// e; the address is written in language l. The caller may change any value.
func (d *Directory) Record(e *DirectoryEntry, id string, l Lang) Record {
	r := e.Fields.Clone()
	r["id"] = String(id)
	if f := d.Question.FieldByRole(RoleRecordAddress); f != nil {
		r[f.ID] = String(e.Address.Format(l))
	}
	return r
}

// Find returns the entries whose name, brands, category label (in language l)
// or city contains text, ignoring case, accents and the spelling of umlauts (ü, u and
// ue all match), sorted by name. Blank text finds every entry.
func (d *Directory) Find(text string, l Lang) []*DirectoryEntry {
	s := d.Search(l)
	var out []*DirectoryEntry
	for _, i := range s.Find(text, nil) {
		out = append(out, s.Entry(i))
	}
	return out
}

// DirectorySearch is a directory prepared for searching in one language, as
// Find searches, fast enough to run on every key typed: the spellings of each
// entry's texts are made once, and a search for a text that extends the one
// before looks only at that search's result.
type DirectorySearch struct {
	entries []*DirectoryEntry // by name
	hay     []string          // by entry: every searched text in both spellings
}

// Search prepares d for searching in language l.
func (d *Directory) Search(l Lang) *DirectorySearch {
	s := &DirectorySearch{entries: slices.Clone(d.Entries)}
	names := make(map[*DirectoryEntry]string, len(d.Entries))
	for _, e := range s.entries {
		names[e] = foldSearch(d.Name(e), true)
	}
	slices.SortStableFunc(s.entries, func(a, b *DirectoryEntry) int { return strings.Compare(names[a], names[b]) })
	s.hay = make([]string, len(s.entries))
	for i, e := range s.entries {
		texts := append([]string{d.Name(e), e.Address.City}, e.Brands...)
		if o := d.Category(e); o != nil {
			texts = append(texts, o.Label.In(l))
		}
		var b strings.Builder
		for _, t := range texts {
			// NUL never occurs in a folded search text: it keeps two
			// texts from matching across their border.
			long, short := foldSearch(t, true), foldSearch(t, false)
			b.WriteString(long)
			b.WriteByte(0)
			if short != long {
				b.WriteString(short)
				b.WriteByte(0)
			}
		}
		s.hay[i] = b.String()
	}
	return s
}

// Len is the number of entries.
func (s *DirectorySearch) Len() int { return len(s.entries) }

// Entry returns entry i in name order.
func (s *DirectorySearch) Entry(i int) *DirectoryEntry { return s.entries[i] }

// Find returns the positions (see Entry) of the entries matching text, in
// name order. within, when not nil, is the result of a search for a text
// that text extends (see Extends): only those entries are looked at.
func (s *DirectorySearch) Find(text string, within []int) []int {
	needle := strings.ReplaceAll(foldSearch(text, true), "\x00", "")
	if within == nil && needle == "" {
		out := make([]int, len(s.hay))
		for i := range out {
			out[i] = i
		}
		return out
	}
	// One allocation: the result is never longer than what is searched.
	out := make([]int, 0, len(s.hay))
	if within != nil {
		out = make([]int, 0, len(within))
		for _, i := range within {
			if strings.Contains(s.hay[i], needle) {
				out = append(out, i)
			}
		}
		return out
	}
	for i, h := range s.hay {
		if strings.Contains(h, needle) {
			out = append(out, i)
		}
	}
	return out
}

// Extends reports whether every entry that matches text also matches prev,
// so that a search for text may start from prev's result.
func Extends(text, prev string) bool {
	return strings.HasPrefix(foldSearch(text, true), foldSearch(prev, true))
}

// foldSearch lower-cases s, spells umlauts out (ä → ae) when long is true or
// drops their dots (ä → a) when it is false, turns ß into ss, removes other
// accents and squeezes white space, so that spellings compare equal.
func foldSearch(s string, long bool) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFC.String(strings.ToLower(strings.TrimSpace(s))) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case space:
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case 'ä', 'ö', 'ü':
			b.WriteRune(map[rune]rune{'ä': 'a', 'ö': 'o', 'ü': 'u'}[r])
			if long {
				b.WriteByte('e')
			}
		case 'ß':
			b.WriteString("ss")
		default:
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(d)
				}
			}
		}
	}
	return b.String()
}

// Merge returns a directory with the entries of d followed by those of o; an
// entry of o replaces the entry of d with the same ID where it stands.
func (d *Directory) Merge(o *Directory) *Directory {
	out := &Directory{Question: d.Question, Entries: slices.Clone(d.Entries)}
	at := map[string]int{}
	for i, e := range out.Entries {
		at[e.ID] = i
	}
	for _, e := range o.Entries {
		if i, ok := at[e.ID]; ok {
			out.Entries[i] = e
			continue
		}
		at[e.ID] = len(out.Entries)
		out.Entries = append(out.Entries, e)
	}
	return out
}

var (
	directoryIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)
	countryPattern     = regexp.MustCompile(`^[A-Z]{2}$`)
)

// ParseDirectory decodes and checks a provider directory against catalogue
// c: every entry must be a valid record of the register with role
// provider_register, with a unique ID, a full address, at least one source
// and a checked date.
// name is used in error messages and as the entries' Origin. Errors are
// *LoadError with positions.
func ParseDirectory(name string, data []byte, c *Catalog) (*Directory, error) {
	fail := func(ps ...Problem) (*Directory, error) {
		return nil, &LoadError{File: name, Problems: ps}
	}
	q := c.QuestionByRole(RoleProviderRegister)
	if q == nil {
		return fail(Problem{Key: "dir_no_register", Args: []any{c.ID}, Line: 1, Col: 1})
	}
	obj, pos, probs := decodeObject(data)
	if obj == nil {
		return fail(probs...)
	}
	bad := func(p, key string, args ...any) { probs = append(probs, Problem{Pointer: p, Key: key, Args: args}) }
	for k := range obj {
		if k != "schema" && k != "entries" {
			bad(ptr("", k), "unknown_key", k)
		}
	}
	switch sv, ok := obj["schema"].(float64); {
	case obj["schema"] == nil:
		bad("", "missing", "schema")
	case !ok || sv != float64(int(sv)) || sv < 1:
		shown, _ := marshalPlain(obj["schema"])
		bad("/schema", "schema_bad", string(shown))
	case sv > DirectorySchema:
		bad("/schema", "schema_newer", int(sv), DirectorySchema)
	}
	list, ok := obj["entries"].([]any)
	if !ok {
		if obj["entries"] == nil {
			bad("", "missing", "entries")
		} else {
			bad("/entries", "want_array")
		}
	}
	d := &Directory{Question: q}
	seen := map[string]bool{}
	for i, raw := range list {
		p := ptr("/entries", i)
		m, ok := raw.(map[string]any)
		if !ok {
			bad(p, "want_object")
			continue
		}
		e := directoryEntry(p, m, q, bad)
		e.Origin = name
		if e.ID != "" {
			if seen[e.ID] {
				bad(ptr(p, "id"), "dup_id", e.ID)
			}
			seen[e.ID] = true
		}
		d.Entries = append(d.Entries, e)
	}
	if len(probs) > 0 {
		return fail(pos.place(probs)...)
	}
	return d, nil
}

// directoryEntry converts and checks one entry at pointer p.
func directoryEntry(p string, m map[string]any, q *Question, bad func(string, string, ...any)) *DirectoryEntry {
	e := &DirectoryEntry{Fields: Record{}}
	str := func(p string, x any) string {
		s, ok := x.(string)
		switch {
		case x == nil:
			bad(p, "missing", lastToken(p))
		case !ok:
			bad(p, "want_string")
		case strings.TrimSpace(s) == "":
			bad(p, "missing", lastToken(p))
		case hasControl(s, false):
			bad(p, "control_char")
		}
		return s
	}
	for k := range m {
		switch k {
		case "id", "address", "fields", "brands", "source", "checked":
		default:
			bad(ptr(p, k), "unknown_key", k)
		}
	}
	e.ID = str(ptr(p, "id"), m["id"])
	if e.ID != "" && !directoryIDPattern.MatchString(e.ID) {
		bad(ptr(p, "id"), "dir_bad_id", e.ID)
	}
	if a, ok := m["address"].(map[string]any); ok {
		ap := ptr(p, "address")
		for k := range a {
			switch k {
			case "street", "postcode", "city", "country":
			default:
				bad(ptr(ap, k), "unknown_key", k)
			}
		}
		e.Address = Address{
			Street:   str(ptr(ap, "street"), a["street"]),
			Postcode: str(ptr(ap, "postcode"), a["postcode"]),
			City:     str(ptr(ap, "city"), a["city"]),
			Country:  str(ptr(ap, "country"), a["country"]),
		}
		if c := e.Address.Country; c != "" && (!countryPattern.MatchString(c) || countryNames[c].De == "") {
			bad(ptr(ap, "country"), "dir_bad_country", c)
		}
	} else if m["address"] == nil {
		bad(ptr(p, "address"), "missing", "address")
	} else {
		bad(ptr(p, "address"), "want_object")
	}
	switch src := m["source"].(type) {
	case []any:
		if len(src) == 0 {
			bad(ptr(p, "source"), "missing", "source")
		}
		for i, x := range src {
			sp := ptr(p, "source", i)
			if s := str(sp, x); s != "" && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
				bad(sp, "dir_bad_source", s)
			} else {
				e.Source = append(e.Source, s)
			}
		}
	case nil:
		bad(ptr(p, "source"), "missing", "source")
	default:
		bad(ptr(p, "source"), "want_array")
	}
	switch b := m["brands"].(type) {
	case nil:
	case []any:
		for i, x := range b {
			if s := str(ptr(p, "brands", i), x); s != "" {
				e.Brands = append(e.Brands, s)
			}
		}
	default:
		bad(ptr(p, "brands"), "want_array")
	}
	if s := str(ptr(p, "checked"), m["checked"]); s != "" {
		if d, err := ParseDate(s); err != nil || d != s {
			bad(ptr(p, "checked"), "dir_bad_checked", s)
		}
		e.Checked = s
	}
	fields, ok := m["fields"].(map[string]any)
	fp := ptr(p, "fields")
	switch {
	case m["fields"] == nil:
		bad(fp, "missing", "fields")
		return e
	case !ok:
		bad(fp, "want_object")
		return e
	}
	for k, x := range fields {
		kp := ptr(fp, k)
		fd := q.Field(k)
		if fd == nil {
			bad(kp, "unknown_field", k)
			continue
		}
		if fd.Role == RoleRecordAddress {
			bad(kp, "dir_address_field", k)
			continue
		}
		v, ok := valueFromAny(x)
		if !ok || !v.IsSet() {
			bad(kp, "bad_answer")
			continue
		}
		e.Fields[k] = v
		switch {
		case v.IsString() && fd.Kind == KindText && strings.ContainsAny(v.Str(), "\n\r"):
			bad(kp, "one_line")
		case v.IsString() && hasControl(v.Str(), true):
			bad(kp, "control_char")
		default:
			checkValue(kp, fd.Kind, fd.Options, v, bad)
		}
	}
	for _, fd := range q.Fields {
		v, given := e.Fields[fd.ID]
		visible := FieldVisible(fd, e.Fields)
		switch {
		case given && !visible:
			bad(ptr(fp, fd.ID), "dir_field_hidden", fd.ID)
		case fd.Required && visible && (!given || v.Empty()) && fd.Role != RoleRecordAddress:
			bad(ptr(fp, fd.ID), "dir_field_required", fd.ID)
		}
	}
	return e
}

// hasControl reports whether s holds a control character other than a line
// break (allowed where lines is true).
func hasControl(s string, lines bool) bool {
	for _, r := range s {
		if r == '\n' && lines {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}
