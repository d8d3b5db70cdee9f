package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// icalEventProps is one parsed VEVENT: property name (with parameters) →
// unescaped value.
type icalEventProps map[string]string

// parseICal reads an iCalendar back as RFC 5545 describes it: CRLF line
// ends, no line over 75 octets, folded lines joined, TEXT unescaped. It
// fails the test on any breach and returns the calendar's own properties and
// its events.
func parseICal(t *testing.T, data string) (map[string]string, []icalEventProps) {
	t.Helper()
	if !strings.HasSuffix(data, "\r\n") {
		t.Fatalf("does not end with CRLF: %q", data[max(0, len(data)-20):])
	}
	raw := strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n")
	var lines []string
	for _, l := range raw {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("bare CR or LF in %q", l)
		}
		if strings.HasPrefix(l, " ") {
			if len(lines) == 0 {
				t.Fatal("continuation line first")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	unescape := strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`)
	cal := map[string]string{}
	var events []icalEventProps
	var cur icalEventProps
	depth := 0
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon in %q", l)
		}
		switch {
		case l == "BEGIN:VCALENDAR":
			depth++
		case l == "END:VCALENDAR":
			depth--
		case l == "BEGIN:VEVENT":
			cur = icalEventProps{}
		case l == "END:VEVENT":
			events = append(events, cur)
			cur = nil
		case cur != nil:
			cur[name] = unescape.Replace(value)
		default:
			cal[name] = value
		}
	}
	if depth != 0 || lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Fatalf("not one VCALENDAR: %q … %q", lines[0], lines[len(lines)-1])
	}
	return cal, events
}

func TestStatusICal(t *testing.T) {
	code, out, errOut := rvRun("status", "--ical", "--catalog", rvCatalogPath, "-f", rvFixture("status-11m.json"))
	if code != ExitOK || errOut != "" {
		t.Fatalf("exit %d, %s", code, errOut)
	}
	cal, events := parseICal(t, out)
	if cal["VERSION"] != "2.0" || !strings.HasPrefix(cal["PRODID"], "-//tom-dsgvo//tom ") {
		t.Errorf("calendar properties %v", cal)
	}
	// The next review, the planned measure (overdue since 31.03.2026) and
	// the contract of 2018 (check due 25.05.2019).
	byDate := map[string]icalEventProps{}
	uids := map[string]bool{}
	for _, e := range events {
		for _, p := range []string{"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"} {
			if e[p] == "" {
				t.Errorf("event without %s: %v", p, e)
			}
		}
		// rvGlobals' clock (2031-01-01 12:00 UTC), not TOM_TODAY.
		if e["DTSTAMP"] != "20310101T120000Z" {
			t.Errorf("DTSTAMP %q, want the injected clock's 20310101T120000Z", e["DTSTAMP"])
		}
		if uids[e["UID"]] {
			t.Errorf("UID %s twice", e["UID"])
		}
		uids[e["UID"]] = true
		byDate[e["DTSTART;VALUE=DATE"]] = e
	}
	if len(events) != 3 {
		t.Fatalf("%d events, want 3: %v", len(events), events)
	}
	if e := byDate["20260915"]; !strings.Contains(e["SUMMARY"], "TOM-Überprüfung fällig: Muster Webdesign GmbH") || e["DTEND;VALUE=DATE"] != "20260916" {
		t.Errorf("review event %v", e)
	}
	if e := byDate["20260331"]; !strings.Contains(e["SUMMARY"], "„Zwei-Faktor-Anmeldung“ ist seit 31.03.2026 fällig") || !strings.Contains(e["DESCRIPTION"], "\nAntwortdatei: ") {
		t.Errorf("measure event %v", e)
	}
	if e := byDate["20190525"]; !strings.Contains(e["SUMMARY"], "Dienstleister „Strato AG“: AV-Vertrag") || !strings.Contains(e["SUMMARY"], "25.05.2018") {
		t.Errorf("check event %v", e)
	}

	// UIDs are stable: another day, another clock, a moved date — the same
	// UIDs; far-off dates are in the calendar too.
	g, outB, _ := rvGlobals(map[string]string{"TOM_TODAY": "2026-01-02"})
	g.Now = func() time.Time { return time.Date(2026, 1, 2, 8, 30, 0, 0, time.UTC) }
	moved := filepath.Join(t.TempDir(), "moved.json")
	data, err := os.ReadFile(rvFixture("status-11m.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(moved, []byte(strings.Replace(string(data), `"due": "2026-03-31"`, `"due": "2027-06-30"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := Run(g, []string{"status", "--ical", "--lang", "en", "--catalog", rvCatalogPath, "-f", moved}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	_, again := parseICal(t, outB.String())
	if len(again) != 3 {
		t.Fatalf("%d events", len(again))
	}
	for _, e := range again {
		if !uids[e["UID"]] {
			t.Errorf("UID %s changed: %v", e["UID"], e)
		}
		if e["DTSTAMP"] != "20260102T083000Z" {
			t.Errorf("DTSTAMP %q", e["DTSTAMP"])
		}
		if e["DTSTART;VALUE=DATE"] == "20270630" && !strings.Contains(e["SUMMARY"], "is due on 30 June 2027") {
			t.Errorf("moved measure in English: %v", e)
		}
	}
}

func TestStatusICalNotWithJSON(t *testing.T) {
	code, out, errOut := rvRun("status", "--ical", "--json", "--catalog", rvCatalogPath, "-f", rvFixture("status-11m.json"))
	if code != ExitUsage || out != "" || !strings.Contains(errOut, "--json und --ical") {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
}

// Folding keeps characters whole and escaping survives the round trip.
func TestICalFoldAndEscape(t *testing.T) {
	long := strings.Repeat("Überprüfung; Maßnahme, \\ Zeile\n", 6) + "\x1b[31m"
	var b strings.Builder
	if err := writeICal(&b, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "v1", []icalEvent{{UID: "x@y", Date: "2026-02-03", Summary: long, Description: "ä"}}); err != nil {
		t.Fatal(err)
	}
	_, events := parseICal(t, b.String())
	want := strings.Repeat("Überprüfung; Maßnahme, \\ Zeile\n", 6) + " [31m"
	if len(events) != 1 || events[0]["SUMMARY"] != want {
		t.Errorf("summary %q, want %q", events[0]["SUMMARY"], want)
	}
	if !strings.Contains(b.String(), "\r\n ") {
		t.Error("a long line was not folded")
	}
}
