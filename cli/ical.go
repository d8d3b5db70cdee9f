package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tom-dsgvo/tom/model"
)

// icalEvent is one all-day event of the calendar tom status --ical writes.
type icalEvent struct {
	UID         string
	Date        string // YYYY-MM-DD
	Summary     string
	Description string
}

// icalUID is a stable event ID made from what identifies the item (the
// organisation, the kind of item, its IDs), not from its date: a calendar
// that imports the file again moves the event instead of doubling it.
func icalUID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:16]) + "@tom-dsgvo"
}

// writeICal writes events as an iCalendar (RFC 5545): CRLF line ends, lines
// folded at 75 octets without splitting a character, TEXT values escaped,
// DTSTAMP from stamp (the injected clock).
func writeICal(w io.Writer, stamp time.Time, version string, events []icalEvent) error {
	var b strings.Builder
	line := func(s string) { b.WriteString(icalFold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//tom-dsgvo//tom " + icalText(version) + "//DE")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	ts := stamp.UTC().Format("20060102T150405Z")
	for _, e := range events {
		d, err := model.DateOf(e.Date)
		if err != nil {
			continue
		}
		line("BEGIN:VEVENT")
		line("UID:" + e.UID)
		line("DTSTAMP:" + ts)
		line("DTSTART;VALUE=DATE:" + d.Format("20060102"))
		line("DTEND;VALUE=DATE:" + d.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + icalText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + icalText(e.Description))
		}
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

// icalText escapes a TEXT value: backslash, semicolon, comma and line
// breaks; other control characters, which TEXT does not allow, become spaces.
func icalText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icalFold ends a content line with CRLF, folding it into lines of at most
// 75 octets; each continuation starts with a space.
func icalFold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s + "\r\n")
	return b.String()
}
