package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateLayout is how dates are stored in the answers file.
const DateLayout = "2006-01-02"

// ParseDate accepts a date typed as TT.MM.JJJJ (also T.M.JJJJ) or YYYY-MM-DD and
// returns it in the stored form YYYY-MM-DD.
func ParseDate(s string) (string, error) {
	t, err := parseDate(s)
	if err != nil {
		return "", err
	}
	return t.Format(DateLayout), nil
}

// DateOf parses a stored or typed date into a time at midnight UTC.
func DateOf(s string) (time.Time, error) { return parseDate(s) }

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var d, m, y int
	var err error
	switch {
	case strings.Count(s, ".") == 2:
		p0, rest, _ := strings.Cut(s, ".")
		p1, p2, _ := strings.Cut(rest, ".")
		if d, err = atoiN(p0, 1, 2); err == nil {
			if m, err = atoiN(p1, 1, 2); err == nil {
				y, err = atoiN(p2, 4, 4)
			}
		}
	case strings.Count(s, "-") == 2:
		p0, rest, _ := strings.Cut(s, "-")
		p1, p2, _ := strings.Cut(rest, "-")
		if y, err = atoiN(p0, 4, 4); err == nil {
			if m, err = atoiN(p1, 2, 2); err == nil {
				d, err = atoiN(p2, 2, 2)
			}
		}
	default:
		err = fmt.Errorf("not a date")
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("not a date")
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m || y < 1900 || y > 2999 {
		return time.Time{}, fmt.Errorf("not a date")
	}
	return t, nil
}

func atoiN(s string, minLen, maxLen int) (int, error) {
	if len(s) < minLen || len(s) > maxLen {
		return 0, fmt.Errorf("bad length")
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("not a digit")
		}
	}
	return strconv.Atoi(s)
}

var monthsEn = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// FormatDate renders a stored date (YYYY-MM-DD) for people: 28.11.2026 in
// German, 28 November 2026 in English. An unparsable value is returned as is.
func FormatDate(s string, l Lang) string {
	t, err := parseDate(s)
	if err != nil {
		return s
	}
	// Written out by hand: documents and reports format thousands of
	// dates (the years of a stored date have four digits).
	y, m, d := t.Date()
	b := make([]byte, 0, 24)
	if l == En {
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, ' ')
		b = append(b, monthsEn[m-1]...)
		b = append(b, ' ')
		return string(strconv.AppendInt(b, int64(y), 10))
	}
	b = append(b, byte('0'+d/10), byte('0'+d%10), '.', byte('0'+m/10), byte('0'+m%10), '.')
	return string(strconv.AppendInt(b, int64(y), 10))
}

// AddMonths returns the stored date s moved by n months (clamped to the end of
// the month), in stored form.
func AddMonths(s string, n int) (string, error) {
	t, err := addMonths(s, n)
	if err != nil {
		return "", err
	}
	return t.Format(DateLayout), nil
}

// addMonths is AddMonths giving the time.
func addMonths(s string, n int) (time.Time, error) {
	t, err := parseDate(s)
	if err != nil {
		return time.Time{}, err
	}
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC), nil
}
