package questionnaires

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
)

func shippedSupport(t *testing.T) *model.SupportTable {
	t.Helper()
	tab, err := OSSupport()
	if err != nil {
		t.Fatalf("shipped support table does not load:\n%v", err)
	}
	return tab
}

func day(s string) time.Time {
	d, err := time.Parse(model.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestOSSupportSources holds every shipped entry to the rule "facts need
// sources": an https source, a checked date, valid dates, and at least one
// date or an honest "no announced end" for the families that publish none.
func TestOSSupportSources(t *testing.T) {
	tab := shippedSupport(t)
	if len(tab.Entries) < 60 {
		t.Errorf("%d entries, want the full table (at least 60)", len(tab.Entries))
	}
	families := map[string]int{}
	for _, e := range tab.Entries {
		families[e.Family]++
		if len(e.Source) == 0 {
			t.Errorf("%s: no source", e.ID)
		}
		for _, s := range e.Source {
			if u, err := url.Parse(s); err != nil || u.Scheme != "https" || u.Host == "" {
				t.Errorf("%s: source %q is not an https address", e.ID, s)
			}
		}
		if _, err := time.Parse(model.DateLayout, e.Checked); err != nil {
			t.Errorf("%s: checked %q: %v", e.ID, e.Checked, err)
		}
		if e.End != "" {
			if _, ok := e.EndDate(); !ok {
				t.Errorf("%s: end %q is not a date", e.ID, e.End)
			}
		}
		if e.UnsupportedSince != "" {
			if _, err := time.Parse(model.DateLayout, e.UnsupportedSince); err != nil {
				t.Errorf("%s: unsupportedSince %q: %v", e.ID, e.UnsupportedSince, err)
			}
		}
		switch e.Family {
		case "windows", "windows-server", "centos", "debian", "ubuntu", "rhel", "rocky", "almalinux":
			if e.End == "" {
				t.Errorf("%s: the vendor announces ends, but the entry has none", e.ID)
			}
		case "macos", "ios", "ipados", "android":
			if e.End != "" {
				t.Errorf("%s: the vendor announces no end, but the entry has one", e.ID)
			}
		}
		for _, x := range e.Extended {
			if _, err := x.EndDate(); err != nil || len(x.Source) == 0 || x.Checked == "" {
				t.Errorf("%s: extension %q needs an end, a source and a checked date", e.ID, x.Label.En)
			}
		}
	}
	for _, f := range []string{"windows", "windows-server", "centos", "macos", "ios", "ipados", "android", "debian", "ubuntu", "rhel", "rocky", "almalinux"} {
		if families[f] == 0 {
			t.Errorf("family %s has no entries", f)
		}
	}
}

// TestOSSupportOwnNames: every entry is found under its own display name, so
// no entry is shadowed by another.
func TestOSSupportOwnNames(t *testing.T) {
	tab := shippedSupport(t)
	for _, e := range tab.Entries {
		got, ok := tab.Lookup(e.Name)
		if !ok || got.ID != e.ID {
			t.Errorf("Lookup(%q) = %q, %v; want %q", e.Name, got.ID, ok, e.ID)
		}
	}
}

// TestOSSupportLookup checks several spellings per family against the shipped
// dates, and names that must not match anything.
func TestOSSupportLookup(t *testing.T) {
	tab := shippedSupport(t)
	for _, tc := range []struct {
		in, id, end string
	}{
		// Windows
		{"Windows 7 Pro", "windows-7", "2020-01-14"},
		{"Microsoft Windows 7 Professional SP1 64-bit", "windows-7", "2020-01-14"},
		{"Win7", "windows-7", "2020-01-14"},
		{"Windows 8.1 Pro", "windows-8.1", "2023-01-10"},
		{"Win 8", "windows-8", "2016-01-12"},
		{"Windows XP", "windows-xp", "2014-04-08"},
		{"Win10", "windows-10", "2025-10-14"},
		{"Windows 10 Pro", "windows-10", "2025-10-14"},
		{"Win 10 22H2", "windows-10-22h2", "2025-10-14"},
		{"Windows 10 Home, Version 21H2", "windows-10-21h2", "2023-06-13"},
		{"Windows 10 Enterprise 21H2", "windows-10-21h2-enterprise", "2024-06-11"},
		{"Windows 10 Enterprise LTSC 2021", "windows-10-ltsc-2021", "2027-01-12"},
		{"Windows 11 Pro 23H2", "windows-11-23h2", "2025-11-11"},
		{"Win11 24H2", "windows-11-24h2", "2026-10-13"},
		{"Windows 11 Education 24H2", "windows-11-24h2-enterprise", "2027-10-12"},
		{"windows-11-25h2", "windows-11-25h2", "2027-10-12"},
		// Debian
		{"Debian 11 (bullseye)", "debian-11", "2024-08-14"},
		{"Debian GNU/Linux 12.8", "debian-12", "2026-07-11"},
		{"debian bookworm", "debian-12", "2026-07-11"},
		{"Debian 13", "debian-13", "2028-08-09"},
		// Ubuntu
		{"Ubuntu 20.04 LTS", "ubuntu-20.04", "2025-05"},
		{"Ubuntu Server 22.04.4 LTS", "ubuntu-22.04", "2027-04"},
		{"ubuntu jammy", "ubuntu-22.04", "2027-04"},
		{"Ubuntu 24.04", "ubuntu-24.04", "2029-05"},
		// RHEL, Rocky, Alma
		{"Rocky Linux 8", "rocky-8", "2029-05-31"},
		{"Rocky 9.4", "rocky-9", "2032-05-31"},
		{"RHEL 7.9", "rhel-7", "2024-06-30"},
		{"Red Hat Enterprise Linux 9", "rhel-9", "2032-05-31"},
		{"AlmaLinux 9.4", "almalinux-9", "2032-05-31"},
		{"Alma Linux 8", "almalinux-8", "2029-05-31"},
		// Windows Server and CentOS Linux
		{"Windows Server 2012 R2", "windows-server-2012-r2", "2023-10-10"},
		{"Windows Server 2012", "windows-server-2012", "2023-10-10"},
		{"Microsoft Windows Server 2019 Standard", "windows-server-2019", "2029-01-09"},
		{"Win Server 2016", "windows-server-2016", "2027-01-12"},
		{"Windows Server 2008 R2 SP1", "windows-server-2008-r2", "2020-01-14"},
		{"CentOS 7.9", "centos-7", "2024-06-30"},
		{"CentOS Linux 8", "centos-8", "2021-12-31"},
		// The reference business's devices (tom-example-2018.txt)
		{"Windows 10 Home Notebook-PC", "windows-10", "2025-10-14"},
		{"Windows 7 Pro Desktop-PC", "windows-7", "2020-01-14"},
	} {
		e, ok := tab.Lookup(tc.in)
		if !ok || e.ID != tc.id || e.End != tc.end {
			t.Errorf("Lookup(%q) = %q end %q, %v; want %q end %q", tc.in, e.ID, e.End, ok, tc.id, tc.end)
		}
	}
	// Families without announced ends: matched, past only when recorded so.
	today := day("2026-12-06")
	for _, tc := range []struct {
		in, id string
		past   bool
	}{
		{"macOS 12", "macos-12", true},
		{"Monterey", "macos-12", true},
		{"macOS Monterey 12.7.4", "macos-12", true},
		{"MacBook Pro (macOS 13 Ventura)", "macos-13", true},
		{"OS X El Capitan", "macos-10.11", true},
		{"Mac OS X 10.6.8", "macos-10.6", true},
		{"macOS 10.15.7", "macos-10.15", true},
		{"macOS Sequoia", "macos-15", false},
		{"macOS 26", "macos-26", false},
		{"iOS 15", "ios-15", false},
		{"iPhone 11 mit iOS 17.6", "ios-17", true},
		{"iOS 14.8", "ios-14", true},
		{"iPadOS 17", "ipados-17", false},
		{"iPadOS 14", "ipados-14", true},
		{"Android 12", "android-12", true},
		{"Android 12L", "android-12.1", true},
		{"Android 8", "android-8.0", true},
		{"Android 14 (Samsung One UI 6)", "android-14", false},
	} {
		e, ok := tab.Lookup(tc.in)
		if !ok || e.ID != tc.id {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.in, e.ID, ok, tc.id)
			continue
		}
		if past, soon := e.Status(today); past != tc.past || soon {
			t.Errorf("%q on %s: past %v soon %v, want past %v, never soon", tc.in, today.Format(model.DateLayout), past, soon, tc.past)
		}
	}
	for _, in := range []string{
		"", "Linux", "Windows", "Windows 11", "Windows 11 Pro", "Windows 11 26H2",
		"Windows 10 LTSC", "Server 2019", "Windows Server 2030", "Windows Server",
		"CentOS Stream 8", "CentOS Stream 9", "Apple iMac", "Linuxsystem", "Ubuntu 23.10", "Ubuntu", "bullseye", "Debian 11 bookworm",
		"Windows 10 / Ubuntu 22.04", "Cisco IOS 15", "macOS", "Mac Pro 2019",
		"Android", "Fedora 40", "iPadOS 12", "Windows 95",
	} {
		if e, ok := tab.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want no match", in, e.ID)
		}
	}
}

// TestOSSupportWindows10 pins the dates issue 10 names: general end
// 14.10.2025, consumer ESU and organisations' ESU after it.
func TestOSSupportWindows10(t *testing.T) {
	tab := shippedSupport(t)
	e, ok := tab.Lookup("Windows 10 Pro 22H2")
	if !ok || e.End != "2025-10-14" {
		t.Fatalf("Windows 10 22H2: %q end %q, %v", e.ID, e.End, ok)
	}
	if past, _ := e.Status(day("2026-12-06")); !past {
		t.Error("Windows 10 not past on 2026-12-06")
	}
	var ends []string
	for _, x := range e.Extended {
		ends = append(ends, x.End)
		if !strings.Contains(x.Label.En, "ESU") || !strings.Contains(x.Label.De, "ESU") {
			t.Errorf("extension label %+v does not name the ESU", x.Label)
		}
	}
	if strings.Join(ends, " ") != "2027-10-12 2028-10-10" {
		t.Errorf("ESU ends %v, want consumer 2027-10-12 and organisations 2028-10-10", ends)
	}
	// Windows 11 24H2 Home/Pro ends 13.10.2026: soon on 1.6.2026, past after.
	w11, _ := tab.Lookup("Windows 11 24H2")
	for _, tc := range []struct {
		today      string
		past, soon bool
	}{{"2026-04-12", false, false}, {"2026-04-13", false, true}, {"2026-10-13", false, true}, {"2026-10-14", true, false}} {
		if past, soon := w11.Status(day(tc.today)); past != tc.past || soon != tc.soon {
			t.Errorf("Windows 11 24H2 on %s: past %v soon %v, want %v %v", tc.today, past, soon, tc.past, tc.soon)
		}
	}
}

// FuzzOSSupportLookup runs the matcher on the shipped table: no panic, and a
// match is a shipped entry.
func FuzzOSSupportLookup(f *testing.F) {
	for _, s := range []string{"Windows 7 Pro", "Win10", "Win 10 22H2", "macOS 12", "Monterey", "Ubuntu 20.04 LTS",
		"Debian 11 (bullseye)", "iOS 15", "Android 12", "Rocky Linux 8", "Windows 10 Enterprise LTSC 2021", "mac os x 10.6"} {
		f.Add(s)
	}
	tab, err := OSSupport()
	if err != nil {
		f.Fatal(err)
	}
	ids := map[string]bool{}
	for _, e := range tab.Entries {
		ids[e.ID] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		if e, ok := tab.Lookup(s); ok && !ids[e.ID] {
			t.Fatalf("Lookup(%q) = %q, not a shipped entry", s, e.ID)
		}
	})
}

// BenchmarkOSSupportLookup measures one lookup of a typical device entry and
// of a long nonsense name (the input is cut at 256 bytes).
func BenchmarkOSSupportLookup(b *testing.B) {
	tab, err := OSSupport()
	if err != nil {
		b.Fatal(err)
	}
	long := strings.Repeat("Windows Monterey 10 ", 100)
	b.Run("typical", func(b *testing.B) {
		for b.Loop() {
			tab.Lookup("Windows 10 Pro 22H2")
		}
	})
	b.Run("long", func(b *testing.B) {
		for b.Loop() {
			tab.Lookup(long)
		}
	})
}
