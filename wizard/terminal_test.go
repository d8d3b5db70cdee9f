package wizard

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/tom-dsgvo/tom/model"
)

// lockedBuffer is an output another goroutine writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestRunOnTerminal runs the full-screen interview on an injected terminal,
// as tom serve does for an SSH session: input, output, window size and
// colour profile come from the terminal, a resize arrives on its channel,
// and closing Stop saves the half-finished step (as SIGHUP does) and ends
// the run.
func TestRunOnTerminal(t *testing.T) {
	c := smallCatalog(t)
	path := filepath.Join(t.TempDir(), "tom.json")
	in, typing := io.Pipe()
	out := &lockedBuffer{}
	resize := make(chan tea.WindowSizeMsg, 1)
	stop := make(chan struct{})
	var mu sync.Mutex
	saves := 0
	o := Options{
		Catalog: c, File: model.NewFile(c, model.De), Path: path, Lang: model.De, Today: "2026-11-28",
		Save: func(f *model.File) error {
			mu.Lock()
			saves++
			mu.Unlock()
			return model.Save(path, f)
		},
	}
	term := Terminal{
		Options: []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(60, 20), tea.WithColorProfile(colorprofile.Ascii)},
		Resize:  resize,
		Stop:    stop,
	}
	type ended struct {
		res Result
		err error
	}
	done := make(chan ended, 1)
	go func() {
		res, err := RunOn(o, term)
		done <- ended{res, err}
	}()
	wait := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("never: %s\n%q", what, out.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	wait("first frame", func() bool { return strings.Contains(out.String(), "Name des Unternehmens") })
	io.WriteString(typing, "Bäckerei Süß\r")
	wait("the name saved", func() bool { mu.Lock(); defer mu.Unlock(); return saves > 0 })
	resize <- tea.WindowSizeMsg{Width: 100, Height: 30}
	io.WriteString(typing, "Hauptstr")
	// The renderer sends changed cells only ("Hau", later "ptstr"): wait
	// for the second field and then until the output settles.
	wait("second field", func() bool { return strings.Contains(ansi.Strip(out.String()), "Anschrift") })
	last, still := "", 0
	wait("output settled", func() bool {
		now := out.String()
		if now == last {
			still++
		} else {
			last, still = now, 0
		}
		return still >= 30
	})

	close(stop)
	var e ended
	select {
	case e = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("RunOn did not return after Stop")
	}
	if e.err != nil || e.res.Signal != syscall.SIGHUP || e.res.Complete {
		t.Fatalf("result %+v, %v", e.res, e.err)
	}
	f, _, err := model.Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Get("org.name").Str(); got != "Bäckerei Süß" {
		t.Errorf("org.name = %q", got)
	}
	if got := f.Get("org.address").Str(); got != "Hauptstr" {
		t.Errorf("half-typed org.address = %q, want it saved", got)
	}
	if f.Progress.Question != "org.address" {
		t.Errorf("progress %+v", f.Progress)
	}
	if strings.Contains(out.String(), "\x1b[38;") {
		t.Error("colour sent to an Ascii terminal")
	}
}

// TestLazyModel: the wizard of a local run is built by the program's first
// message (the colour profile or the window's size, which come at once) and
// then shows the same frame as one built before the program started; before
// that the alternate screen stays empty.
func TestLazyModel(t *testing.T) {
	c := smallCatalog(t)
	o := Options{Catalog: c, File: model.NewFile(c, model.De), Lang: model.De, Save: func(*model.File) error { return nil }}
	built := 0
	l := &lazyModel{build: func() *Model { built++; return New(o) }}
	if v := l.View(); v.Content != "" || !v.AltScreen || built != 0 {
		t.Fatalf("before any message: built %d, view %+v", built, v)
	}
	l.Update(tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
	l.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	want := New(o)
	want.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if got := l.View(); built != 1 || got.Content != want.View().Content || !strings.Contains(got.Content, "Name des Unternehmens") {
		t.Fatalf("built %d times; frame:\n%s", built, got.Content)
	}
}
