package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/questionnaires"
)

// bench1000 writes the sample with 1,000 service providers (the sample's
// own repeated under new IDs and names) for the shipped catalogue and
// returns its path.
func bench1000(b *testing.B) string {
	b.Helper()
	c, err := questionnaires.Standard()
	if err != nil {
		b.Fatal(err)
	}
	f, _, err := model.Load(filepath.Join("..", "testdata", "sample", "tom.json"), c)
	if err != nil {
		b.Fatal(err)
	}
	q := c.QuestionByRole(model.RoleProviderRegister)
	if q == nil {
		b.Fatal("no provider register")
	}
	src := f.Get(q.ID).Records()
	recs := make([]model.Record, 1000)
	for i := range recs {
		r := src[i%len(src)].Clone()
		r["id"] = model.String(fmt.Sprintf("p%05d", i))
		recs[i] = r
	}
	f.Set(q.ID, model.Records(recs...))
	path := filepath.Join(b.TempDir(), "tom.json")
	if err := model.Save(path, f); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchCommand runs a tom command in-process, as the binary does (the
// shipped catalogue is read at every run, as in a new process).
func benchCommand(b *testing.B, args ...string) {
	g := &Globals{
		In: strings.NewReader(""), Out: io.Discard, Err: io.Discard,
		Getenv: func(k string) string {
			if k == "TOM_TODAY" {
				return "2026-12-07"
			}
			return ""
		},
		Now:             time.Now,
		StdinIsTerminal: func() bool { return false },
	}
	if code := Run(g, args); code != 0 && (args[0] != "status" || code == ExitStatusUnreadable) {
		b.Fatalf("%v: exit %d", args, code)
	}
}

// BenchmarkValidateStandard1000: tom validate on the sample with 1,000
// service providers, the real catalogue.
func BenchmarkValidateStandard1000(b *testing.B) {
	path := bench1000(b)
	b.ReportAllocs()
	for b.Loop() {
		benchCommand(b, "validate", "-f", path)
	}
}

// BenchmarkStatusStandard1000: tom status on that file.
func BenchmarkStatusStandard1000(b *testing.B) {
	path := bench1000(b)
	b.ReportAllocs()
	for b.Loop() {
		benchCommand(b, "status", "-f", path)
	}
}

// BenchmarkRenderStandard1000: tom render on that file, one format at a
// time, written to a temporary folder (as the user runs it, with fsync).
func BenchmarkRenderStandard1000(b *testing.B) {
	path := bench1000(b)
	for _, format := range []string{"md", "html", "docx", "pdf"} {
		b.Run(format, func(b *testing.B) {
			out := b.TempDir()
			b.ReportAllocs()
			for b.Loop() {
				benchCommand(b, "render", "-f", path, "--format", format, "-o", out+string(filepath.Separator), "--force")
			}
		})
	}
}

// BenchmarkCommandTree: making the command tree, which every run does.
func BenchmarkCommandTree(b *testing.B) {
	g := &Globals{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now, StdinIsTerminal: func() bool { return false }}
	b.ReportAllocs()
	for b.Loop() {
		newRootCmd(g, model.De)
	}
}
