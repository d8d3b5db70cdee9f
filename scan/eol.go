package scan

import (
	"strconv"
	"strings"
	"time"

	"github.com/tom-dsgvo/tom/model"
)

// supportEnds are the last days of vendor security support by distribution
// (os-release ID) and VERSION_ID: Debian including Debian LTS, Ubuntu
// standard support (Ubuntu Pro/ESM extends it for subscribers), RHEL and
// its rebuilds. Ubuntu interim releases are computed (nine months).
var supportEnds = map[string]map[string]string{
	"debian": {"8": "2020-06-30", "9": "2022-06-30", "10": "2024-06-30", "11": "2026-08-31", "12": "2028-06-30", "13": "2030-06-30"},
	"ubuntu": {"14.04": "2019-04-30", "16.04": "2021-04-30", "18.04": "2023-05-31", "20.04": "2025-05-31", "22.04": "2027-04-30", "24.04": "2029-04-30"},
	"rhel":   {"7": "2024-06-30", "8": "2029-05-31", "9": "2032-05-31"},
	"centos": {"6": "2020-11-30", "7": "2024-06-30", "8": "2021-12-31", "9": "2027-05-31"},
}

// rhelLike are IDs that follow RHEL's support dates.
var rhelLike = map[string]bool{"rhel": true, "rocky": true, "almalinux": true, "ol": true}

// warnDays is how early the end of support is reported as a gap.
const warnDays = 90

// supported judges whether the distribution still gets security updates.
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
	key := id
	major := strings.SplitN(ver, ".", 2)[0]
	if rhelLike[id] {
		key = "rhel"
	}
	end := ""
	switch key {
	case "ubuntu":
		end = supportEnds[key][ver]
		if end == "" {
			end = ubuntuInterimEnd(ver)
		}
	default:
		end = supportEnds[key][major]
	}
	if end == "" {
		f.Result = Unknown
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_eol_unknown")})
		s.add(f)
		return
	}
	t, _ := time.Parse(model.DateLayout, end)
	days := int(t.Sub(s.today).Hours() / 24)
	switch {
	case days < 0:
		f.Result = Missing
		f.Contradicts = []string{chkSupportedOS}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_eol_past", day(end))})
		if id == "ubuntu" {
			f.Evidence = append(f.Evidence, Evidence{Note: note("ev_eol_esm")})
		}
	case days <= warnDays:
		f.Result = Weak
		f.Measures = []string{chkSupportedOS}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_eol_soon", day(end), days)})
	default:
		f.Result = OK
		f.Measures = []string{chkSupportedOS}
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_eol_until", day(end))})
	}
	s.add(f)
}

// ubuntuInterimEnd returns the end of support of an interim release
// ("24.10"): nine months after its release month, at the month's end.
func ubuntuInterimEnd(ver string) string {
	y, m, ok := strings.Cut(ver, ".")
	if !ok {
		return ""
	}
	yy, err1 := strconv.Atoi(y)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || mm < 1 || mm > 12 || yy < 4 || yy > 99 {
		return ""
	}
	first := time.Date(2000+yy, time.Month(mm)+10, 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, -1).Format(model.DateLayout)
}
