package scan

import (
	"path"
	"strings"
)

// cryptEntry is one line of /etc/crypttab.
type cryptEntry struct {
	Name, Device, Key string
	Options           []string
	Line              int
	Text              string
}

// randomKey reports whether the entry gets a new random key at every boot
// (swap or /tmp), which is how swap is usually encrypted.
func (c cryptEntry) randomKey() bool {
	if c.Key == "/dev/urandom" || c.Key == "/dev/random" {
		return true
	}
	for _, o := range c.Options {
		if o == "swap" || o == "tmp" || strings.HasPrefix(o, "tmp=") {
			return true
		}
	}
	return false
}

// fstabEntry is one line of /etc/fstab.
type fstabEntry struct {
	Spec, File, Type string
	Line             int
	Text             string
}

// dmDevice is a device-mapper device seen under /sys/block.
type dmDevice struct {
	Block string // dm-0
	Name  string // the /dev/mapper name
	UUID  string
	Path  string // the uuid file read
}

func (d dmDevice) crypt() bool { return strings.HasPrefix(d.UUID, "CRYPT-") }

// storage is what the scan knows about block devices.
type storage struct {
	crypttab    []cryptEntry
	crypttabErr error
	fstab       []fstabEntry
	fstabErr    error
	dm          map[string]dmDevice // by block name (dm-0)
	dmByName    map[string]dmDevice // by mapper name
	sysBlock    bool                // /sys/block could be listed
}

func (s *scanner) readStorage() *storage {
	st := &storage{dm: map[string]dmDevice{}, dmByName: map[string]dmDevice{}}
	data, _, err := s.fs.ReadFile("/etc/crypttab")
	st.crypttabErr = err
	for i, l := range lines(data) {
		f := strings.Fields(stripComment(l))
		if len(f) < 2 {
			continue
		}
		e := cryptEntry{Name: f[0], Device: f[1], Line: i + 1, Text: l}
		if len(f) > 2 {
			e.Key = f[2]
		}
		if len(f) > 3 {
			e.Options = strings.Split(f[3], ",")
		}
		st.crypttab = append(st.crypttab, e)
	}
	data, _, err = s.fs.ReadFile("/etc/fstab")
	st.fstabErr = err
	for i, l := range lines(data) {
		f := strings.Fields(stripComment(l))
		if len(f) < 3 {
			continue
		}
		st.fstab = append(st.fstab, fstabEntry{Spec: f[0], File: f[1], Type: f[2], Line: i + 1, Text: l})
	}
	names, err := s.fs.ReadDir("/sys/block")
	st.sysBlock = err == nil
	for _, n := range names {
		if !strings.HasPrefix(n, "dm-") {
			continue
		}
		p := "/sys/block/" + n + "/dm/uuid"
		uuid, _, err := s.fs.ReadFile(p)
		if err != nil {
			continue
		}
		name, _, _ := s.fs.ReadFile("/sys/block/" + n + "/dm/name")
		d := dmDevice{Block: n, Name: strings.TrimSpace(string(name)), UUID: strings.TrimSpace(string(uuid)), Path: p}
		st.dm[n] = d
		if d.Name != "" {
			st.dmByName[d.Name] = d
		}
	}
	return st
}

// encrypted says whether a block device (as named in fstab or /proc/swaps)
// is encrypted: "yes", "no" or "unknown", with the evidence that decided it.
func (s *scanner) encrypted(st *storage, dev string, depth int) (string, []Evidence) {
	if depth > 8 {
		return "unknown", nil
	}
	switch {
	case strings.HasPrefix(dev, "UUID="), strings.HasPrefix(dev, "LABEL="), strings.HasPrefix(dev, "PARTUUID="), strings.HasPrefix(dev, "PARTLABEL="):
		kind, val, _ := strings.Cut(dev, "=")
		link := "/dev/disk/by-" + strings.ToLower(kind) + "/" + strings.Trim(val, `"`)
		if t, ok := s.fs.Link(link); ok {
			return s.encrypted(st, "/dev/"+path.Base(t), depth+1)
		}
		return "unknown", nil
	case strings.HasPrefix(dev, "/dev/zram"):
		return "yes", []Evidence{{Value: dev, Note: note("ev_zram")}}
	case strings.HasPrefix(dev, "/dev/mapper/"):
		name := strings.TrimPrefix(dev, "/dev/mapper/")
		for _, c := range st.crypttab {
			if c.Name == name {
				return "yes", []Evidence{ev("/etc/crypttab", c.Line, c.Text)}
			}
		}
		if d, ok := st.dmByName[name]; ok {
			return s.dmEncrypted(st, d, depth)
		}
		return "unknown", nil
	case strings.HasPrefix(dev, "/dev/dm-"):
		if d, ok := st.dm[path.Base(dev)]; ok {
			return s.dmEncrypted(st, d, depth)
		}
		return "unknown", nil
	case strings.HasPrefix(dev, "/dev/sd"), strings.HasPrefix(dev, "/dev/vd"), strings.HasPrefix(dev, "/dev/xvd"),
		strings.HasPrefix(dev, "/dev/hd"), strings.HasPrefix(dev, "/dev/nvme"), strings.HasPrefix(dev, "/dev/mmcblk"):
		return "no", []Evidence{{Value: dev, Note: note("ev_plain_partition")}}
	}
	return "unknown", nil
}

// dmEncrypted follows a device-mapper device down its slaves (LVM on LUKS).
func (s *scanner) dmEncrypted(st *storage, d dmDevice, depth int) (string, []Evidence) {
	if d.crypt() {
		return "yes", []Evidence{ev(d.Path, 0, d.UUID)}
	}
	slaves, err := s.fs.ReadDir("/sys/block/" + d.Block + "/slaves")
	if err != nil || len(slaves) == 0 {
		return "unknown", nil
	}
	all := "yes"
	var evs []Evidence
	for _, sl := range slaves {
		r, e := s.encrypted(st, "/dev/"+sl, depth+1)
		evs = append(evs, e...)
		if r != "yes" {
			all = r
		}
	}
	if all == "yes" {
		evs = append([]Evidence{ev(d.Path, 0, d.UUID)}, evs...)
	}
	return all, evs
}

// disk reports encrypted volumes and encrypted swap.
func (s *scanner) disk() {
	st := s.readStorage()
	f := Finding{ID: "disk.encryption", Area: "disk"}
	volumes := 0
	switch {
	case st.crypttabErr != nil:
		f.Evidence = append(f.Evidence, readEvidence("/etc/crypttab", st.crypttabErr))
	case len(st.crypttab) == 0:
		f.Evidence = append(f.Evidence, evNote("/etc/crypttab", "ev_no_entries"))
	}
	for _, c := range st.crypttab {
		if c.randomKey() {
			continue
		}
		volumes++
		f.Evidence = append(f.Evidence, ev("/etc/crypttab", c.Line, c.Text))
	}
	active := 0
	for _, b := range sortedKeys(st.dm) {
		if d := st.dm[b]; d.crypt() {
			active++
			f.Evidence = append(f.Evidence, ev(d.Path, 0, d.UUID))
		}
	}
	if active == 0 {
		key := "ev_no_dm_crypt"
		if !st.sysBlock {
			key = "ev_no_sys_block"
		}
		f.Evidence = append(f.Evidence, evNote("/sys/block", key))
	}
	switch {
	case volumes+active == 0 && s.container != "":
		f.Result = Unknown
		f.Evidence = append(f.Evidence, Evidence{Note: note("ev_container_host", s.container)})
	case volumes+active == 0:
		f.Result = Missing
		f.Contradicts = []string{chkDiskServer}
	default:
		f.Result = OK
		f.Measures = []string{chkDiskServer}
		for _, e := range st.fstab {
			if e.File != "/" {
				continue
			}
			r, _ := s.encrypted(st, e.Spec, 0)
			switch r {
			case "yes":
				f.Evidence = append(f.Evidence, evLineNote("/etc/fstab", e.Line, e.Text, "ev_root_encrypted"))
			case "no":
				f.Result = Weak
				f.Evidence = append(f.Evidence, evLineNote("/etc/fstab", e.Line, e.Text, "ev_root_plain"))
			}
		}
	}
	s.add(f)
	s.swap(st)
}

// swap reports whether swap space is encrypted.
func (s *scanner) swap(st *storage) {
	f := Finding{ID: "disk.swap", Area: "disk"}
	type swapDev struct {
		dev string
		ev  Evidence
	}
	var devs []swapDev
	seen := map[string]bool{}
	for _, e := range st.fstab {
		if e.Type == "swap" && !seen[e.Spec] {
			seen[e.Spec] = true
			devs = append(devs, swapDev{e.Spec, ev("/etc/fstab", e.Line, e.Text)})
		}
	}
	data, _, err := s.fs.ReadFile("/proc/swaps")
	for i, l := range lines(data) {
		fl := strings.Fields(l)
		if i == 0 || len(fl) < 2 || seen[fl[0]] {
			continue
		}
		seen[fl[0]] = true
		devs = append(devs, swapDev{fl[0], ev("/proc/swaps", i+1, l)})
	}
	if len(devs) == 0 {
		f.Result = NotFound
		if st.fstabErr != nil {
			f.Evidence = append(f.Evidence, readEvidence("/etc/fstab", st.fstabErr))
		} else {
			f.Evidence = append(f.Evidence, evNote("/etc/fstab", "ev_no_swap"))
		}
		if err != nil {
			f.Evidence = append(f.Evidence, readEvidence("/proc/swaps", err))
		} else {
			f.Evidence = append(f.Evidence, evNote("/proc/swaps", "ev_no_swap"))
		}
		s.add(f)
		return
	}
	worst := "yes"
	none := s.noCrypto(st)
	for _, d := range devs {
		r, evs := s.encrypted(st, d.dev, 0)
		if r == "unknown" && !strings.HasPrefix(d.dev, "/dev/") && !strings.Contains(d.dev, "=") {
			// A swap file is as safe as the file system it lives on.
			r, evs = s.fileOnEncrypted(st, d.dev)
		}
		if r == "unknown" && none {
			r = "no"
			evs = append(evs, evNote("/etc/crypttab", "ev_no_crypto"))
		}
		e := d.ev
		switch r {
		case "yes":
			e.Note = note("ev_swap_encrypted")
		case "no":
			e.Note = note("ev_swap_plain")
			worst = "no"
		default:
			e.Note = note("ev_swap_unknown")
			if worst == "yes" {
				worst = "unknown"
			}
		}
		f.Evidence = append(f.Evidence, e)
		// The same device under two names (/dev/mapper/x in fstab, /dev/dm-2
		// in /proc/swaps) leads down the same chain: show each proof once.
		for _, x := range evs {
			if !hasEvidence(f.Evidence, x) {
				f.Evidence = append(f.Evidence, x)
			}
		}
	}
	switch worst {
	case "yes":
		f.Result = OK
		f.Measures = []string{chkSwapEncrypted}
	case "no":
		f.Result = Missing
		f.Contradicts = []string{chkSwapEncrypted}
	default:
		f.Result = Unknown
	}
	s.add(f)
}

// fileOnEncrypted decides whether a file lives on an encrypted file system:
// the longest fstab mount point holding it.
func (s *scanner) fileOnEncrypted(st *storage, file string) (string, []Evidence) {
	best := fstabEntry{}
	for _, e := range st.fstab {
		if e.File == "/" || file == e.File || strings.HasPrefix(file, strings.TrimSuffix(e.File, "/")+"/") {
			if len(e.File) > len(best.File) {
				best = e
			}
		}
	}
	if best.File == "" {
		return "unknown", nil
	}
	r, evs := s.encrypted(st, best.Spec, 0)
	return r, append([]Evidence{ev("/etc/fstab", best.Line, best.Text)}, evs...)
}

// noCrypto reports whether the system has no encrypted device at all: no
// crypttab entry and no active dm-crypt device (outside a container, whose
// host may encrypt).
func (s *scanner) noCrypto(st *storage) bool {
	if len(st.crypttab) > 0 || s.container != "" {
		return false
	}
	for _, d := range st.dm {
		if d.crypt() {
			return false
		}
	}
	return true
}

// hasEvidence reports whether evs already holds an entry for the same file,
// line and value with the same note.
func hasEvidence(evs []Evidence, x Evidence) bool {
	for _, e := range evs {
		if e.Path == x.Path && e.Line == x.Line && e.Value == x.Value && (e.Note == nil) == (x.Note == nil) && (e.Note == nil || *e.Note == *x.Note) {
			return true
		}
	}
	return false
}
