package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

const smallSupport = `{
 "families": [
  {"id": "windows", "names": ["windows", "win"], "unless": ["server"],
   "editions": [{"id": "ltsc", "words": ["ltsc"]}]},
  {"id": "macos", "names": ["macos", "mac os x"]},
  {"id": "debian", "names": ["debian"], "codenamesNeedFamily": true}
 ],
 "entries": [
  {"id": "w10", "family": "windows", "name": "Windows 10", "version": "10", "end": "2025-10-14",
   "extended": [{"label": {"de": "ESU", "en": "ESU"}, "end": "2027-10", "source": ["https://example.org/esu"], "checked": "2026-12-06"}],
   "source": ["https://example.org/w10"], "checked": "2026-12-06"},
  {"id": "w10-22h2", "family": "windows", "name": "Windows 10 22H2", "version": "10", "release": "22H2", "end": "2025-10-14",
   "source": ["https://example.org/w10"], "checked": "2026-12-06"},
  {"id": "w10-ltsc", "family": "windows", "name": "Windows 10 LTSC 2021", "version": "10", "edition": "ltsc", "release": "2021", "end": "2027-01-12",
   "source": ["https://example.org/ltsc"], "checked": "2026-12-06"},
  {"id": "w8", "family": "windows", "name": "Windows 8", "version": "8", "end": "2016-01-12", "source": ["https://example.org/w8"], "checked": "2026-12-06"},
  {"id": "w81", "family": "windows", "name": "Windows 8.1", "version": "8.1", "end": "2023-01-10", "source": ["https://example.org/w81"], "checked": "2026-12-06"},
  {"id": "mac12", "family": "macos", "name": "macOS 12", "version": "12", "codenames": ["monterey"], "unsupportedSince": "2024-09-16",
   "lastUpdate": {"version": "12.7.6", "date": "2024-07-29"}, "source": ["https://example.org/mac"], "checked": "2026-12-06"},
  {"id": "mac15", "family": "macos", "name": "macOS 15", "version": "15", "codenames": ["sequoia"], "source": ["https://example.org/mac"], "checked": "2026-12-06"},
  {"id": "mac1011", "family": "macos", "name": "OS X 10.11", "version": "10.11", "codenames": ["el capitan"], "unsupportedSince": "2018-12-01", "source": ["https://example.org/mac"], "checked": "2026-12-06"},
  {"id": "deb12", "family": "debian", "name": "Debian 12", "version": "12", "codenames": ["bookworm"], "end": "2026-07", "source": ["https://example.org/deb"], "checked": "2026-12-06"}
 ]
}`

func smallTable(t *testing.T) *SupportTable {
	t.Helper()
	tab, err := ParseSupportTable("small.json", []byte(smallSupport))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(DateLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSupportLookup(t *testing.T) {
	tab := smallTable(t)
	for in, want := range map[string]string{
		"Windows 10":                "w10",
		"win10 pro":                 "w10",
		"WIN 10 22h2":               "w10-22h2",
		"Windows 10 Pro 21H2":       "w10", // release not in the table: the version's entry
		"Windows 10 LTSC 2021":      "w10-ltsc",
		"Windows 8.1":               "w81",
		"Win8":                      "w8",
		"macOS 12.7.6":              "mac12",
		"Monterey":                  "mac12",
		"macOS Monterey (12.7)":     "mac12",
		"Mac OS X El Capitan":       "mac1011",
		"el capitan":                "mac1011",
		"macOS 10.11.6":             "mac1011",
		"Debian 12":                 "deb12",
		"Debian GNU/Linux bookworm": "deb12",
	} {
		if e, ok := tab.Lookup(in); !ok || e.ID != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, e.ID, ok, want)
		}
	}
	for _, in := range []string{
		"", "   ", "Windows", "Windows 7", "Windows 10 LTSC", "Windows Server 10",
		"bookworm", "Debian 13", "macOS 12 Sequoia", "Windows 10 and macOS 12",
		"Sequoia Monterey", "windows10server", "Linux",
	} {
		if e, ok := tab.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want no match", in, e.ID)
		}
	}
	var nilTable *SupportTable
	if _, ok := nilTable.Lookup("Windows 10"); ok {
		t.Error("nil table matched")
	}
}

func TestSupportStatus(t *testing.T) {
	tab := smallTable(t)
	get := func(id string) SupportEntry {
		i := slices.IndexFunc(tab.Entries, func(e SupportEntry) bool { return e.ID == id })
		return tab.Entries[i]
	}
	for _, tc := range []struct {
		id, today  string
		past, soon bool
	}{
		{"w10", "2025-04-13", false, false},
		{"w10", "2025-04-14", false, true},
		{"w10", "2025-10-14", false, true}, // the last day is still supported
		{"w10", "2025-10-15", true, false},
		// Month precision: the whole month counts.
		{"deb12", "2026-01-30", false, false},
		{"deb12", "2026-01-31", false, true},
		{"deb12", "2026-07-31", false, true},
		{"deb12", "2026-08-01", true, false},
		// No announced end: past from the recorded date, never soon.
		{"mac12", "2024-09-15", false, false},
		{"mac12", "2024-09-16", true, false},
		{"mac15", "2030-01-01", false, false},
	} {
		if past, soon := get(tc.id).Status(mustDay(t, tc.today)); past != tc.past || soon != tc.soon {
			t.Errorf("%s on %s: past %v soon %v, want %v %v", tc.id, tc.today, past, soon, tc.past, tc.soon)
		}
	}
	// The time of day does not matter.
	late := time.Date(2025, 10, 14, 23, 59, 0, 0, time.FixedZone("CEST", 2*3600))
	if past, _ := get("w10").Status(late); past {
		t.Error("the last day counted as past late in the evening")
	}
	if end, ok := get("deb12").EndDate(); !ok || end.Format(DateLayout) != "2026-07-31" {
		t.Errorf("deb12 end %v %v", end, ok)
	}
	if _, ok := get("mac15").EndDate(); ok {
		t.Error("mac15 has an end date")
	}
	if x, err := get("w10").Extended[0].EndDate(); err != nil || x.Format(DateLayout) != "2027-10-31" {
		t.Errorf("ESU end %v %v", x, err)
	}
}

func TestFormatSupportDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		l    Lang
		want string
	}{
		{"2027-04", De, "04/2027"},
		{"2027-04", En, "April 2027"},
		{"2025-10-14", De, "14.10.2025"},
		{"2025-10-14", En, "14 October 2025"},
		{"2027-13", De, "2027-13"},
	} {
		if got := FormatSupportDate(tc.in, tc.l); got != tc.want {
			t.Errorf("FormatSupportDate(%q, %v) = %q, want %q", tc.in, tc.l, got, tc.want)
		}
	}
}

func TestSupportTokens(t *testing.T) {
	for in, want := range map[string]string{
		"Win10 Pro":            "win 10 pro",
		"Windows 10 (22H2)":    "windows 10 22h2",
		"macOS12.7.6":          "macos 12.7.6",
		"Android 12L":          "android 12l",
		"Ubuntu 20.04.6 LTS.":  "ubuntu 20.04.6 lts",
		"Debian GNU/Linux 12":  "debian gnu linux 12",
		"Betriebssystem: Würg": "betriebssystem w rg",
		"...":                  "",
		"Server 2012 R2":       "server 2012 r2",
		"iOS15.1":              "ios 15.1",
	} {
		if got := strings.Join(supportTokens(in), " "); got != want {
			t.Errorf("supportTokens(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParseSupportTableRejects: each broken table is refused with a message
// naming the entry and the problem.
func TestParseSupportTableRejects(t *testing.T) {
	entry := func(extra string) string {
		return `{"families":[{"id":"windows","names":["windows"],"editions":[{"id":"ltsc","words":["ltsc"]}]}],"entries":[{"id":"w10","family":"windows","name":"Windows 10","version":"10",` + extra + `}]}`
	}
	ok := `"end":"2025-10-14","source":["https://example.org/a"],"checked":"2026-12-06"`
	if _, err := ParseSupportTable("t.json", []byte(entry(ok))); err != nil {
		t.Fatalf("good table refused: %v", err)
	}
	for _, tc := range []struct{ data, want string }{
		{entry(`"end":"2025-10-14","checked":"2026-12-06"`), "/entries/0/source: source missing"},
		{entry(`"end":"2025-10-14","source":[],"checked":"2026-12-06"`), "source missing"},
		{entry(`"end":"2025-10-14","source":["http://example.org"],"checked":"2026-12-06"`), "not an https address"},
		{entry(`"end":"2025-10-14","source":["example.org"],"checked":"2026-12-06"`), "not an https address"},
		{entry(`"end":"2025-10-14","source":["https://example.org"]`), `/entries/0/checked: "" is not`},
		{entry(`"end":"2025-10-14","source":["https://example.org"],"checked":"6.12.2026"`), `/entries/0/checked: "6.12.2026" is not YYYY-MM-DD`},
		{entry(`"end":"2025-02-30","source":["https://example.org"],"checked":"2026-12-06"`), `/entries/0/end: "2025-02-30"`},
		{entry(`"end":"2025-13","source":["https://example.org"],"checked":"2026-12-06"`), `/entries/0/end: "2025-13"`},
		{entry(`"end":"14.10.2025","source":["https://example.org"],"checked":"2026-12-06"`), `/entries/0/end: "14.10.2025"`},
		{entry(`"end":"2025-10-14","unsupportedSince":"2025-10-14",` + `"source":["https://example.org"],"checked":"2026-12-06"`), "exclude each other"},
		{entry(`"unsupportedSince":"2025-10",` + `"source":["https://example.org"],"checked":"2026-12-06"`), "/entries/0/unsupportedSince: "},
		{entry(`"lastUpdate":{"version":"","date":"2025-10-01"},` + ok), "/entries/0/lastUpdate: lastUpdate needs"},
		{entry(`"edition":"home",` + ok), `/entries/0/edition: edition "home" is not one of family "windows"`},
		{entry(`"aliases":["Ten"],` + ok), `/entries/0/aliases/0: "Ten" must be one lower-case word`},
		{entry(`"extended":[{"label":{"de":"ESU","en":""},"end":"2027-10-12","source":["https://example.org"],"checked":"2026-12-06"}],` + ok), "/entries/0/extended/0/label: English text missing"},
		{entry(`"extended":[{"label":{"de":"ESU","en":"ESU"},"end":"2027","source":["https://example.org"],"checked":"2026-12-06"}],` + ok), `/entries/0/extended/0/end: "2027" is not`},
		{entry(`"extended":[{"label":{"de":"ESU","en":"ESU"},"end":"2027-10-12","checked":"2026-12-06"}],` + ok), "/entries/0/extended/0/source: source missing"},
		{entry(`"typo":1,` + ok), `/entries/0/typo: unknown key "typo"`},
		{strings.Replace(entry(ok), `"family":"windows"`, `"family":"dos"`, 1), `unknown family "dos"`},
		{strings.Replace(entry(ok), `"version":"10"`, `"version":"10 pro"`, 1), "must be one lower-case word"},
		{strings.Replace(entry(ok), `"id":"w10"`, `"id":"W 10"`, 1), `/entries/0/id: ID "W 10" is not valid`},
		{`{"families":[{"id":"windows","names":[]}],"entries":[]}`, "/families/0/names: names missing"},
		{`{"families":[{"id":"x","names":["x"]},{"id":"x","names":["y"]}],"entries":[]}`, `/families/1/id: ID "x" is already taken`},
		{`{"families":[{"id":"x","names":["x"],"unless":["Server"]}],"entries":[]}`, `/families/0/unless/0: "Server" must be one lower-case word`},
		{`{"families": [`, "t.json:1:15: /families: "},
	} {
		_, err := ParseSupportTable("t.json", []byte(tc.data))
		if err == nil || !strings.Contains(ErrorIn(err, En), tc.want) {
			t.Errorf("table %s\nerror %v, want it to contain %q", tc.data, err, tc.want)
		}
	}
	dup := `{"families":[{"id":"w","names":["w"]}],"entries":[` +
		`{"id":"a","family":"w","name":"w 1","version":"1","source":["https://x.org"],"checked":"2026-12-06"},` +
		`{"id":"a","family":"w","name":"w 1","version":"1","source":["https://x.org"],"checked":"2026-12-06"}]}`
	_, err := ParseSupportTable("t.json", []byte(dup))
	// German by default, English on request, each at its line and column.
	if got, want := ErrorIn(err, De), `t.json:1:152: /entries/1: gleiche Familie, Version, Ausgabe und Release wie a
t.json:1:158: /entries/1/id: ID "a" ist schon vergeben`; err == nil || got != want {
		t.Errorf("duplicate entries, German:\n%s\nwant\n%s", got, want)
	}
	if got, want := ErrorIn(err, En), `t.json:1:152: /entries/1: same family, version, edition and release as a
t.json:1:158: /entries/1/id: ID "a" is already taken`; err == nil || got != want {
		t.Errorf("duplicate entries, English:\n%s\nwant\n%s", got, want)
	}
	if err.Error() != ErrorIn(err, De) {
		t.Errorf("not German by default: %v", err)
	}
}

// FuzzSupportLookup: any OS name, however odd, neither panics nor takes
// unbounded work, and a match is an entry of the table.
func FuzzSupportLookup(f *testing.F) {
	for _, s := range []string{"Windows 7 Pro", "Win10", "Win 10 22H2", "macOS 12", "Monterey", "Ubuntu 20.04 LTS",
		"Debian 11 (bullseye)", "iOS 15", "Android 12", "Rocky Linux 8", "el capitan", "10.", "..1.", "win\x00 10", "ŵïñ 10"} {
		f.Add(s)
	}
	tab, err := ParseSupportTable("small.json", []byte(smallSupport))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := tab.Lookup(s)
		if ok && !slices.ContainsFunc(tab.Entries, func(x SupportEntry) bool { return x.ID == e.ID }) {
			t.Fatalf("Lookup(%q) returned %q, not in the table", s, e.ID)
		}
		e.Status(time.Now())
	})
}
