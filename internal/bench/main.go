// Command bench measures what a user waits for (make bench): whole-process
// times of the built tom binary on a 1,000-provider answers file made from
// the sample with the real catalogue, and a batch of client files in every
// format. Each line is the median of repeated runs, as wall time and as CPU
// time (user + system, which a busy machine does not inflate), with the
// target beside it. With -base, a second binary is run interleaved with the
// first and the ratio new/base is printed.
//
// The interactive lines (interactive.go) run the full-screen interview in
// tmux at 80x24 and count the bytes the terminal receives per key press and
// the time to the first frame; the keystroke lines are the in-process
// benchmarks of the wizard package (go test -bench in -src / -base-src).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// recordsID and orgID are the answers the fixture varies (see the flags);
// recordsStep and orgStep are their sections, where the interactive lines
// resume the interview.
var recordsID, orgID, recordsStep, orgStep string

func main() {
	bin := flag.String("bin", "./tom", "the tom binary to measure")
	base := flag.String("base", "", "a second tom binary to compare with, run interleaved")
	sample := flag.String("sample", "testdata/sample/tom.json", "answers file the fixture is made from")
	baseSample := flag.String("base-sample", "", "answers file the base binary's fixture is made from (default -sample), for a base whose catalogue differs")
	runs := flag.Int("n", 15, "runs per line (median)")
	providers := flag.Int("size", 1000, "records in the fixture's provider register")
	clients := flag.Int("clients", 500, "answers files in the batch line (0 skips it)")
	batchRuns := flag.Int("batch-n", 1, "runs of the batch line")
	inter := flag.Bool("interactive", true, "measure the full-screen interview too (in tmux, and its in-process benchmarks)")
	onlyInter := flag.Bool("interactive-only", false, "measure only the full-screen interview")
	keys := flag.Int("keys", 50, "key presses per bytes-per-keystroke line")
	src := flag.String("src", ".", "source tree of -bin, for the in-process keystroke benchmarks (\"\" skips them)")
	baseSrc := flag.String("base-src", "", "source tree of -base, for its in-process keystroke benchmarks")
	// The answers that are repeated and varied; named here as flags because
	// they are the sample's, not the program's.
	flag.StringVar(&recordsID, "records", "", "answer ID of the record list that is repeated (default: the shipped catalogue's provider register)")
	flag.StringVar(&orgID, "org", "", "answer ID of the business name varied per client (default: the shipped catalogue's organisation name)")
	writeFixture := flag.String("write-fixture", "", "only write the -size fixture to this file (for profiling by hand) and exit")
	flag.Parse()
	if err := defaultIDs(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	if *writeFixture != "" {
		data, err := fixture(*sample, *providers)
		if err == nil {
			err = os.WriteFile(*writeFixture, data, 0o600)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if *baseSample == "" {
		*baseSample = *sample
	}
	o := options{bin: *bin, base: *base, samples: []string{*sample, *baseSample}, runs: *runs, providers: *providers,
		clients: *clients, batchRuns: *batchRuns, whole: !*onlyInter, interactive: *inter || *onlyInter, keys: *keys,
		srcs: []string{*src, *baseSrc}}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// defaultIDs fills the answer IDs not given as flags from the shipped
// catalogue's roles.
func defaultIDs() error {
	c, err := questionnaires.Load("")
	if err != nil {
		return err
	}
	for _, d := range []struct {
		id   *string
		role string
	}{{&recordsID, model.RoleProviderRegister}, {&orgID, model.RoleOrganisationName}} {
		if *d.id != "" {
			continue
		}
		q := c.QuestionByRole(d.role)
		if q == nil {
			return fmt.Errorf("the shipped catalogue has no question with role %s", d.role)
		}
		*d.id = q.ID
	}
	for _, d := range []struct{ step, id *string }{{&recordsStep, &recordsID}, {&orgStep, &orgID}} {
		sec := c.SectionOf(*d.id)
		if sec == nil {
			return fmt.Errorf("the shipped catalogue has no question %s", *d.id)
		}
		*d.step = sec.ID
	}
	return nil
}

// options are the flags of a run.
type options struct {
	bin, base          string
	samples, srcs      []string // of bin and base
	runs, providers    int
	clients, batchRuns int
	whole, interactive bool
	keys               int
}

// line is one row of the table.
type line struct {
	name   string
	args   []string // after the binary; "{file}", "{dir}" and "{out}" are replaced
	target time.Duration
	batch  bool
	report bool // exit codes 3 to 5 and 7 report the file's state, not a failure
}

func run(o options) error {
	bin, base, samples, runs, providers, clients, batchRuns := o.bin, o.base, o.samples, o.runs, o.providers, o.clients, o.batchRuns
	tmp, err := os.MkdirTemp("", "tom-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bins := []string{bin}
	if base != "" {
		bins = append(bins, base)
	}
	if !o.whole {
		clients = 0
	}
	// Each binary gets its fixture: the 1,000-provider file and the clients.
	files := make([]string, len(bins))
	dirs := make([]string, len(bins))
	for bi, b := range bins {
		files[bi], dirs[bi], err = makeFixtures(filepath.Join(tmp, fmt.Sprint(bi)), samples[bi], providers, clients)
		if err != nil {
			return err
		}
		if out, err := exec.Command(b, "validate", "-f", files[bi]).CombinedOutput(); err != nil {
			return fmt.Errorf("%s validate on the fixture: %v\n%s", b, err, out)
		}
	}
	lines := []line{
		{name: "tom render --format md", args: []string{"render", "{file}", "--format", "md", "--out", "{out}/"}, target: 15 * time.Millisecond},
		{name: "tom render --format html", args: []string{"render", "{file}", "--format", "html", "--out", "{out}/"}, target: 20 * time.Millisecond},
		{name: "tom render --format docx", args: []string{"render", "{file}", "--format", "docx", "--out", "{out}/"}, target: 35 * time.Millisecond},
		{name: "tom render --format pdf", args: []string{"render", "{file}", "--format", "pdf", "--out", "{out}/"}, target: 60 * time.Millisecond},
		{name: "tom validate", args: []string{"validate", "-f", "{file}"}, target: 12 * time.Millisecond},
		{name: "tom status", args: []string{"status", "-f", "{file}"}, target: 15 * time.Millisecond, report: true},
	}
	if !o.whole {
		lines = nil
	}
	if clients > 0 {
		lines = append(lines, line{name: fmt.Sprintf("batch: %d clients, all formats", clients), args: []string{"render", "{dir}/*", "--format", "all", "--out", "{out}/"}, target: 8 * time.Second, batch: true})
	}
	fmt.Printf("tom: %d providers, real catalogue; median of %d runs (batch: %d)\n", providers, runs, batchRuns)
	fmt.Printf("load average before: %s\n", loadAvg())
	if len(lines) > 0 {
		head := fmt.Sprintf("%-38s %10s %10s %7s %10s", "what the user runs", "wall", "cpu", "cpu %", "target")
		if base != "" {
			head += fmt.Sprintf("  %10s %10s %7s %7s", "base wall", "base cpu", "wall ×", "cpu ×")
		}
		fmt.Println(head)
	}
	for _, l := range lines {
		n := runs
		if l.batch {
			n = batchRuns
		}
		res := make([][]sample2, len(bins))
		for range n {
			for bi, b := range bins {
				s, err := timeRun(b, l, files[bi], dirs[bi], tmp)
				if err != nil {
					return err
				}
				res[bi] = append(res[bi], s)
			}
		}
		w, c := medians(res[0])
		mark := "ok"
		if w > l.target {
			mark = "OVER"
		}
		row := fmt.Sprintf("%-38s %10s %10s %6.0f%% %10s %-4s", l.name, round(w), round(c), 100*float64(c)/float64(w), round(l.target), mark)
		if base != "" {
			bw, bc := medians(res[1])
			row += fmt.Sprintf("%10s %10s %7.2f %7.2f", round(bw), round(bc), float64(w)/float64(bw), float64(c)/float64(bc))
		}
		fmt.Println(row)
	}
	if o.interactive {
		var ins []*interactive
		for bi, b := range bins {
			in := &interactive{bin: b, src: o.srcs[bi], first: files[bi]}
			if in.list, err = resumeAt(files[bi], recordsStep, "list"); err != nil {
				return err
			}
			if in.text, err = resumeAt(files[bi], orgStep, "text"); err != nil {
				return err
			}
			ins = append(ins, in)
		}
		if err := runInteractive(os.Stdout, tmp, ins, runs, o.keys); err != nil {
			return err
		}
	}
	fmt.Printf("load average after: %s\n", loadAvg())
	return nil
}

// resumeAt writes beside file a copy (named after name) whose interview
// resumes at section step.
func resumeAt(file, step, name string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		return "", fmt.Errorf("%s: %v", file, err)
	}
	p, _ := f["progress"].(map[string]any)
	if p == nil {
		p = map[string]any{}
		f["progress"] = p
	}
	p["step"] = step
	if done, ok := p["done"].([]any); ok {
		p["done"] = slices.DeleteFunc(done, func(v any) bool { return v == step })
	}
	delete(p, "completed")
	out, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return "", err
	}
	dir := filepath.Join(filepath.Dir(file), name)
	if err := os.Mkdir(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, filepath.Base(file))
	return path, os.WriteFile(path, out, 0o600)
}

// sample2 is one timed run.
type sample2 struct{ wall, cpu time.Duration }

func timeRun(bin string, l line, file, dir, tmp string) (sample2, error) {
	out, err := os.MkdirTemp(tmp, "out-")
	if err != nil {
		return sample2{}, err
	}
	defer os.RemoveAll(out)
	var args []string
	for _, a := range l.args {
		a = strings.NewReplacer("{file}", file, "{out}", out).Replace(a)
		if a == "{dir}/*" {
			m, err := filepath.Glob(filepath.Join(dir, "*.json"))
			if err != nil {
				return sample2{}, err
			}
			args = append(args, m...)
			continue
		}
		args = append(args, a)
	}
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if errors.As(err, &exit) && l.report && slices.Contains([]int{3, 4, 5, 7}, exit.ExitCode()) {
		err = nil
	}
	if err != nil {
		return sample2{}, fmt.Errorf("%s %s: %v\n%s", bin, l.name, err, stderr.Bytes())
	}
	return sample2{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}, nil
}

func medians(s []sample2) (wall, cpu time.Duration) {
	w := make([]time.Duration, len(s))
	c := make([]time.Duration, len(s))
	for i := range s {
		w[i], c[i] = s[i].wall, s[i].cpu
	}
	slices.Sort(w)
	slices.Sort(c)
	return w[len(w)/2], c[len(c)/2]
}

func round(d time.Duration) string {
	if d >= time.Second {
		return d.Round(10 * time.Millisecond).String()
	}
	return d.Round(100 * time.Microsecond).String()
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// makeFixtures writes, in the new folder dir, the answers file with the
// given number of providers made from sample, and a folder with that many
// client files, each the sample with its own business name.
func makeFixtures(dir, sample string, providers, clients int) (file, clientDir string, err error) {
	if err := os.Mkdir(dir, 0o700); err != nil {
		return "", "", err
	}
	data, err := fixture(sample, providers)
	if err != nil {
		return "", "", err
	}
	file = filepath.Join(dir, "tom.json")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		return "", "", err
	}
	clientDir = filepath.Join(dir, "clients")
	if err := os.Mkdir(clientDir, 0o700); err != nil {
		return "", "", err
	}
	small, err := fixture(sample, 0)
	if err != nil {
		return "", "", err
	}
	for i := range clients {
		d := bytes.Replace(small, []byte(`"`+orgID+`": "`), fmt.Appendf(nil, `"%s": "Kunde %04d `, orgID, i), 1)
		if err := os.WriteFile(filepath.Join(clientDir, fmt.Sprintf("kunde%04d.json", i)), d, 0o600); err != nil {
			return "", "", err
		}
	}
	return file, clientDir, nil
}

// fixture is the sample answers file with n service providers, made by
// repeating the sample's providers with their own IDs and names (n = 0
// keeps the sample's own).
func fixture(sample string, n int) ([]byte, error) {
	data, err := os.ReadFile(sample)
	if err != nil {
		return nil, err
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %v", sample, err)
	}
	if n > 0 {
		answers, _ := f["answers"].(map[string]any)
		if answers == nil {
			return nil, errors.New(sample + ": no answers")
		}
		src, _ := answers[recordsID].([]any)
		if len(src) == 0 {
			return nil, errors.New(sample + ": no providers to repeat")
		}
		recs := make([]any, n)
		for i := range recs {
			r := map[string]any{}
			for k, v := range src[i%len(src)].(map[string]any) {
				r[k] = v
			}
			r["id"] = fmt.Sprintf("p%05d", i)
			if name, ok := r["name"].(string); ok {
				r["name"] = fmt.Sprintf("%s (%d)", name, i)
			}
			recs[i] = r
		}
		answers[recordsID] = recs
	}
	return json.MarshalIndent(f, "", "  ")
}
