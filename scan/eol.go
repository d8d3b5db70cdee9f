package scan

import (
	"strings"
)

// supported judges whether the distribution still gets regular security
// updates, by the shipped support table (Options.Support): the same dates
// and the same "ends soon" rule as the plausibility rules. Extended
// programmes (Debian LTS, Ubuntu Pro) are named but never make an ended
// release count as supported.
func (s *scanner) supported() {
	f := Finding{ID: "system.supported", Area: "system"}
	p := "/etc/os-release"
	data, _, err := s.fs.ReadFile(p)
	if err != nil {
		p = "/usr/lib/os-release"
		data, _, _ = s.fs.ReadFile(p) // neither file: no data, judged below
	}
	vals := map[string]iniLine{}
	for i, l := range lines(data) {
		k, v, ok := strings.Cut(l, "=")
		if ok {
			vals[k] = iniLine{Key: k, Value: strings.Trim(v, `"'`), Path: p, Line: i + 1, Text: l}
		}
	}
	id, ver := vals["ID"].Value, vals["VERSION_ID"].Value
	if id == "" || ver == "" {
		f.Result = Unknown
		f.Evidence = []Evidence{evNote(p, "ev_no_version")}
		s.add(f)
		return
	}
	f.Evidence = []Evidence{ev(p, vals["ID"].Line, vals["ID"].Text), ev(p, vals["VERSION_ID"].Line, vals["VERSION_ID"].Text)}
	e, ok := s.support.Lookup(id + " " + ver)
	end, hasEnd := e.EndDate()
	past, soon := e.Status(s.today)
	switch {
	case !ok || !hasEnd && !past:
		f.Result = Unknown
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_eol_unknown")})
		s.add(f)
		return
	case past && !hasEnd:
		f.Result = Missing
		f.Contradicts = []string{chkSupportedOS}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_eol_unsupported", day(e.UnsupportedSince))})
	case past:
		f.Result = Missing
		f.Contradicts = []string{chkSupportedOS}
		f.Evidence = append(f.Evidence, Evidence{Note: note(dateKey("ev_eol_past", e.End), day(e.End))})
	case soon:
		f.Result = Weak
		f.Measures = []string{chkSupportedOS}
		days := int(end.Sub(s.today).Hours() / 24)
		f.Evidence = append(f.Evidence, Evidence{Note: note(dateKey("ev_eol_soon", e.End), day(e.End), days)})
	default:
		f.Result = OK
		f.Measures = []string{chkSupportedOS}
		f.Evidence = append(f.Evidence, Evidence{Note: note(dateKey("ev_eol_until", e.End), day(e.End))})
	}
	for _, x := range e.Extended {
		key := "ev_eol_ext"
		if xe, err := x.EndDate(); err == nil && s.today.After(xe) {
			key = "ev_eol_ext_ended"
		}
		f.Evidence = append(f.Evidence, Evidence{Note: note(dateKey(key, x.End), x.Label, day(x.End))})
	}
	s.add(f)
}

// dateKey returns the message key for a support table date: key itself for
// a full date, key+"_month" for a month-only one ("2025-05"), whose wording
// says "end of May 2025" rather than a day the vendor did not name.
func dateKey(key, date string) string {
	if len(date) == len("2006-01") {
		return key + "_month"
	}
	return key
}
