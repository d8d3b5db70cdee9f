package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// The interactive lines: what a user of the full-screen interview waits for
// and what their terminal receives. The binary runs in a tmux server of its
// own at 80x24; tmux pipe-pane hands every byte the program writes to the
// pane to this process through a FIFO, stamped when it arrives.

// interactive holds what the interactive lines need of a binary.
type interactive struct {
	bin     string
	src     string // source tree for the in-process benchmarks ("" = none)
	first   string // answers file resumed for the first frame
	list    string // resumed on the provider register of many entries
	text    string // resumed on the business-name question (a text field)
	marker  string // the last word of the first frame
	markerN int    // how often marker occurs in the first frame
}

// pane is one tmux server with one 80x24 pane running a command that waits
// for a line on the FIFO start before it runs tom.
type pane struct {
	dir, sock string
	start     string // the FIFO the pane's command waits on

	mu     sync.Mutex
	buf    []byte
	stamps []stamp
	got    chan struct{} // a chunk arrived (capacity 1)
	closed chan struct{} // the output FIFO was opened by tmux
}

// stamp says when the output was len bytes long.
type stamp struct {
	len int
	at  time.Time
}

// tmuxConf makes tmux panes report a common 256-colour TERM, as users'
// configurations do.
const tmuxConf = "set -g default-terminal tmux-256color\nset -g status off\n"

// newPane starts a tmux server in dir running bin on the answers file, its
// output piped to this process; tom itself starts at go().
func newPane(dir, bin, file string) (*pane, error) {
	p := &pane{dir: dir, sock: filepath.Join(dir, "sock"), start: filepath.Join(dir, "start"), got: make(chan struct{}, 1), closed: make(chan struct{})}
	out := filepath.Join(dir, "out")
	for _, f := range []string{p.start, out} {
		if b, err := exec.Command("mkfifo", "-m", "600", f).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("mkfifo %s: %v %s", f, err, b)
		}
	}
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte(tmuxConf), 0o600); err != nil {
		return nil, err
	}
	if err := p.tmux("-f", conf, "new-session", "-d", "-s", "b", "-x", "80", "-y", "24",
		"sh", "-c", `read x < "$0"; exec "$1" interview -f "$2"`, p.start, bin, file); err != nil {
		return nil, err
	}
	opened := make(chan *os.File, 1)
	go func() {
		f, err := os.Open(out) // returns once tmux's cat has opened it
		if err != nil {
			close(opened)
			return
		}
		opened <- f
		p.read(f)
	}()
	if err := p.tmux("pipe-pane", "-O", "-t", "b", "cat > '"+out+"'"); err != nil {
		p.kill()
		return nil, err
	}
	select {
	case f := <-opened:
		if f == nil {
			p.kill()
			return nil, errors.New("cannot read the pane's output")
		}
	case <-time.After(5 * time.Second):
		p.kill()
		return nil, errors.New("tmux pipe-pane did not start")
	}
	return p, nil
}

func (p *pane) tmux(args ...string) error {
	cmd := exec.Command("tmux", append([]string{"-S", p.sock}, args...)...)
	cmd.Env = append(os.Environ(), "TMUX=")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("tmux %s: %v %s", strings.Join(args, " "), err, b)
	}
	return nil
}

// read collects the pane's output until the FIFO closes.
func (p *pane) read(f *os.File) {
	defer f.Close()
	defer close(p.closed)
	chunk := make([]byte, 64<<10)
	for {
		n, err := f.Read(chunk)
		if n > 0 {
			now := time.Now()
			p.mu.Lock()
			p.buf = append(p.buf, chunk[:n]...)
			p.stamps = append(p.stamps, stamp{len(p.buf), now})
			p.mu.Unlock()
			select {
			case p.got <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// goNow lets the pane's command run tom and returns when it did.
func (p *pane) goNow() (time.Time, error) {
	f, err := os.OpenFile(p.start, os.O_WRONLY, 0)
	if err != nil {
		return time.Time{}, err
	}
	t0 := time.Now()
	_, err = f.Write([]byte("\n"))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return t0, err
}

// waitText waits until the output, escape sequences removed, holds word n
// times and returns when the chunk that completed it arrived.
func (p *pane) waitText(word string, n int, limit time.Duration) (time.Time, error) {
	deadline := time.After(limit)
	for {
		p.mu.Lock()
		// The text grows chunk by chunk: find the first stamp at which it
		// holds the word n times.
		if strings.Count(ansi.Strip(string(p.buf)), word) >= n {
			for _, s := range p.stamps {
				if strings.Count(ansi.Strip(string(p.buf[:s.len])), word) >= n {
					p.mu.Unlock()
					return s.at, nil
				}
			}
		}
		p.mu.Unlock()
		select {
		case <-p.got:
		case <-deadline:
			return time.Time{}, fmt.Errorf("%q did not appear %d times within %s", word, n, limit)
		}
	}
}

// settle waits until output has arrived after from bytes and then none for
// quiet (or none at all within limit) and returns the output's size.
func (p *pane) settle(from int, quiet, limit time.Duration) int {
	end := time.Now().Add(limit)
	for {
		p.mu.Lock()
		n := len(p.buf)
		var last time.Time
		if len(p.stamps) > 0 {
			last = p.stamps[len(p.stamps)-1].at
		}
		p.mu.Unlock()
		now := time.Now()
		if n > from && now.Sub(last) >= quiet {
			return n
		}
		if n == from && now.After(end) {
			return n
		}
		select {
		case <-p.got:
		case <-time.After(quiet / 4):
		}
	}
}

// screen is the pane's text.
func (p *pane) screen() (string, error) {
	cmd := exec.Command("tmux", "-S", p.sock, "capture-pane", "-p", "-t", "b")
	cmd.Env = append(os.Environ(), "TMUX=")
	b, err := cmd.Output()
	return string(b), err
}

func (p *pane) keys(k ...string) error {
	return p.tmux(append([]string{"send-keys", "-t", "b"}, k...)...)
}

func (p *pane) kill() {
	_ = p.tmux("kill-server")
	select {
	case <-p.closed:
	case <-time.After(2 * time.Second):
	}
}

// copyFile gives each run a fresh copy of the fixture (tom saves on exit).
func copyFile(src, dir string) (string, error) {
	b, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, filepath.Base(src))
	return dst, os.WriteFile(dst, b, 0o600)
}

// calibrate runs in.bin once on in.first and takes the last word of the
// screen it shows as the mark of a complete first frame.
func calibrate(tmp string, in *interactive) error {
	dir, err := os.MkdirTemp(tmp, "cal-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file, err := copyFile(in.first, dir)
	if err != nil {
		return err
	}
	p, err := newPane(dir, in.bin, file)
	if err != nil {
		return err
	}
	defer p.kill()
	if _, err := p.goNow(); err != nil {
		return err
	}
	p.settle(0, 500*time.Millisecond, 5*time.Second)
	s, err := p.screen()
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimRight(s, " \n"), "\n")
	last := strings.Fields(lines[len(lines)-1])
	if len(last) == 0 {
		return fmt.Errorf("%s shows nothing:\n%s", in.bin, s)
	}
	in.marker = last[len(last)-1]
	in.markerN = strings.Count(s, in.marker)
	return nil
}

// firstFrame times one start of in.bin: from the moment the pane's command
// is let go to the arrival of the first frame's last word; and the CPU time
// tom had used by then (all its threads), which a busy machine does not
// inflate.
func firstFrame(tmp string, in *interactive) (wall, cpu time.Duration, err error) {
	dir, err := os.MkdirTemp(tmp, "ff-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(dir)
	file, err := copyFile(in.first, dir)
	if err != nil {
		return 0, 0, err
	}
	p, err := newPane(dir, in.bin, file)
	if err != nil {
		return 0, 0, err
	}
	defer p.kill()
	pid, err := p.pid()
	if err != nil {
		return 0, 0, err
	}
	t0, err := p.goNow()
	if err != nil {
		return 0, 0, err
	}
	at, err := p.waitText(in.marker, in.markerN, 10*time.Second)
	if err != nil {
		return 0, 0, fmt.Errorf("%s first frame: %v", in.bin, err)
	}
	return at.Sub(t0), cpuTime(pid), nil
}

// pid is the process ID of the pane's command (sh, which becomes tom).
func (p *pane) pid() (int, error) {
	cmd := exec.Command("tmux", "-S", p.sock, "display-message", "-p", "-t", "b", "#{pane_pid}")
	cmd.Env = append(os.Environ(), "TMUX=")
	b, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("tmux display-message: %v", err)
	}
	return strconv.Atoi(strings.TrimSpace(string(b)))
}

// cpuTime is the time all threads of process pid ran on a CPU so far
// (/proc/PID/task/*/schedstat, in ns; 0 where there is none).
func cpuTime(pid int) time.Duration {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var sum time.Duration
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue
		}
		if f := strings.Fields(string(b)); len(f) > 0 {
			n, _ := strconv.ParseInt(f[0], 10, 64)
			sum += time.Duration(n)
		}
	}
	return sum
}

// keyBytes runs in.bin on file, presses the setup keys, and then presses key
// n times, returning the bytes written to the terminal for each.
func keyBytes(tmp, bin, file string, setup [][]string, key func(int) []string, n int) ([]int, error) {
	dir, err := os.MkdirTemp(tmp, "kb-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	file, err = copyFile(file, dir)
	if err != nil {
		return nil, err
	}
	p, err := newPane(dir, bin, file)
	if err != nil {
		return nil, err
	}
	defer p.kill()
	if _, err := p.goNow(); err != nil {
		return nil, err
	}
	const quiet, limit = 150 * time.Millisecond, 600 * time.Millisecond
	at := p.settle(0, 400*time.Millisecond, 5*time.Second)
	for _, k := range setup {
		if err := p.keys(k...); err != nil {
			return nil, err
		}
		at = p.settle(at, 400*time.Millisecond, 2*time.Second)
	}
	out := make([]int, n)
	for i := range out {
		if err := p.keys(key(i)...); err != nil {
			return nil, err
		}
		next := p.settle(at, quiet, limit)
		out[i], at = next-at, next
	}
	return out, nil
}

// benchNs runs the named in-process benchmarks in the source tree src and
// returns the median ns/op of each.
func benchNs(src, pattern string, count int) (map[string]float64, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", pattern, "-benchtime", "300ms", "-count", strconv.Itoa(count), "./wizard/")
	cmd.Dir = src
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go test -bench in %s: %v\n%s", src, err, out.Bytes())
	}
	re := regexp.MustCompile(`^(Benchmark\S+?)(-\d+)?\s+\d+\s+([\d.]+) ns/op`)
	all := map[string][]float64{}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			v, _ := strconv.ParseFloat(m[3], 64)
			all[m[1]] = append(all[m[1]], v)
		}
	}
	res := map[string]float64{}
	for k, v := range all {
		slices.Sort(v)
		res[k] = v[len(v)/2]
	}
	return res, nil
}

// longName is typed into the text field: varied letters, as a real name
// (the same letter over and over changes only a cell or two when the text
// scrolls).
const longName = " Bäckerei und Konditorei Müller-Lüdenscheidt GmbH & Co. KG, Zweigniederlassung Gunzenhausen"

// median and maximum of xs.
func medMax(xs []int) (int, int) {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2], s[len(s)-1]
}

// runInteractive prints the interactive lines for ins[0] (and ins[1], the
// base, interleaved).
func runInteractive(w io.Writer, tmp string, ins []*interactive, runs, keys int) error {
	if _, err := exec.LookPath("tmux"); err != nil {
		fmt.Fprintln(w, "interactive lines skipped: tmux is not installed")
		return nil
	}
	fmt.Fprintf(w, "\nfull-screen interview at 80x24 (tmux %s)\n", tmuxVersion())
	head := fmt.Sprintf("%-52s %14s %10s", "what the user does", "now", "target")
	if len(ins) > 1 {
		head += fmt.Sprintf("      %14s %7s", "base", "×")
	}
	fmt.Fprintln(w, head)
	row := func(name, now string, ok bool, target, base string, ratio float64) {
		mark := "ok"
		switch {
		case now == "—" || target == "":
			mark = ""
		case !ok:
			mark = "OVER"
		}
		s := fmt.Sprintf("%-52s %14s %10s %-4s", name, now, target, mark)
		if len(ins) > 1 {
			r := "—"
			if ratio > 0 {
				r = fmt.Sprintf("%.2f", ratio)
			}
			s += fmt.Sprintf("  %14s %7s", base, r)
		}
		fmt.Fprintln(w, s)
	}

	// In-process: Update + View of one key press.
	ns := make([]map[string]float64, len(ins))
	for i, in := range ins {
		if in.src == "" {
			continue
		}
		var err error
		if ns[i], err = benchNs(in.src, `^BenchmarkKeystroke$|^BenchmarkKeystrokeProviders$/^10000$`, 5); err != nil {
			return err
		}
	}
	ms := func(i int, name string) (float64, string) {
		if ns[i] == nil || ns[i][name] == 0 {
			return 0, "—"
		}
		v := ns[i][name] / 1e6
		return v, fmt.Sprintf("%.3f ms", v)
	}
	for _, l := range []struct{ name, bench string }{
		{"keystroke on the largest tick list (in-process)", "BenchmarkKeystroke"},
		{"keystroke, provider list of 10,000 (in-process)", "BenchmarkKeystrokeProviders/10000"},
	} {
		v, s := ms(0, l.bench)
		var bs string
		var ratio float64
		if len(ins) > 1 {
			var bv float64
			bv, bs = ms(1, l.bench)
			if bv > 0 && v > 0 {
				ratio = v / bv
			}
		}
		row(l.name, s, v > 0 && v <= 0.5, "0.5 ms", bs, ratio)
	}

	// Bytes per key press, as the terminal receives them.
	for _, l := range []struct {
		name   string
		file   func(*interactive) string
		setup  [][]string
		key    func(int) []string
		target int
	}{
		{"bytes per ↓, provider list of 1,000 (median / max)", func(in *interactive) string { return in.list }, [][]string{{"Home"}}, func(int) []string { return []string{"Down"} }, 64},
		// The field holds the business name; a long name typed after it
		// makes it scroll sideways before the measured letters are typed.
		{"bytes per letter, text field scrolled (median / max)", func(in *interactive) string { return in.text }, [][]string{{"End"}, {"-l", longName}},
			func(i int) []string { return []string{"-l", string([]rune(longName)[i%len([]rune(longName))])} }, 40},
	} {
		var res [][]int
		for _, in := range ins {
			b, err := keyBytes(tmp, in.bin, l.file(in), l.setup, l.key, keys)
			if err != nil {
				return err
			}
			res = append(res, b)
		}
		med, mx := medMax(res[0])
		var bs string
		var ratio float64
		if len(ins) > 1 {
			bmed, bmx := medMax(res[1])
			bs = fmt.Sprintf("%d / %d B", bmed, bmx)
			if bmed > 0 {
				ratio = float64(med) / float64(bmed)
			}
		}
		row(l.name, fmt.Sprintf("%d / %d B", med, mx), med <= l.target, fmt.Sprintf("%d B", l.target), bs, ratio)
	}

	// First frame: from tom's start in the pane to its last word arriving.
	for _, in := range ins {
		if err := calibrate(tmp, in); err != nil {
			return err
		}
	}
	times := make([][]time.Duration, len(ins))
	cpus := make([][]time.Duration, len(ins))
	for range runs {
		for i, in := range ins {
			d, c, err := firstFrame(tmp, in)
			if err != nil {
				return err
			}
			times[i] = append(times[i], d)
			cpus[i] = append(cpus[i], c)
		}
	}
	med := func(d []time.Duration) time.Duration {
		s := slices.Clone(d)
		slices.Sort(s)
		return s[len(s)/2]
	}
	f0 := med(times[0])
	var bs string
	var ratio float64
	if len(ins) > 1 {
		f1 := med(times[1])
		bs, ratio = round(f1), float64(f0)/float64(f1)
	}
	row("first frame, resumed file of 1,000 providers", round(f0), f0 <= 30*time.Millisecond, "30ms", bs, ratio)
	// The CPU tom used until then: sh's read and the start (exec, Go's
	// runtime) included; the wait for the renderer's tick is not.
	c0 := med(cpus[0])
	bs, ratio = "", 0
	if len(ins) > 1 {
		c1 := med(cpus[1])
		bs, ratio = round(c1), float64(c0)/float64(c1)
	}
	row("  its CPU time (all threads) until then", round(c0), true, "", bs, ratio)
	return nil
}

func tmuxVersion() string {
	b, err := exec.Command("tmux", "-V").Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(strings.TrimPrefix(string(b), "tmux "))
}
