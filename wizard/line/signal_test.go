package line

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitOutput waits until out holds want (bounded: a safety net, not a timing).
func waitOutput(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("output never showed %q:\n%s", want, out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A signal while line mode waits for input — here in the middle of a
// multi-line answer — saves what was typed, says so and where to resume,
// and ends as incomplete; the interview and the review alike.
func TestLineSignalSaves(t *testing.T) {
	c := smallCatalog(t)
	for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		pr, pw := io.Pipe()
		sigs := make(chan os.Signal, 1)
		out := &syncBuffer{}
		path := filepath.Join(t.TempDir(), "tom.json")
		done := make(chan error, 1)
		go func() {
			done <- Run(Options{Catalog: c, File: model.NewFile(c, model.De), Path: path, Lang: model.De,
				In: pr, Out: out, Today: lineToday, Signals: sigs})
		}()
		io.WriteString(pw, "Firma\nHauptstr. 1\n50667 Köln\n")
		waitOutput(t, out, "50667 Köln")
		sigs <- sig
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: line mode did not end", sig)
		}
		pw.Close()
		if !errors.Is(err, ErrIncomplete) {
			t.Fatalf("%v: err = %v", sig, err)
		}
		if !strings.Contains(out.String(), "Abgebrochen durch ein Signal; gespeichert in "+path+". Beim nächsten Aufruf von tom interview geht es bei Schritt 1 von 4 weiter: Organisation.") {
			t.Errorf("%v: no saved message:\n%s", sig, out.String())
		}
		f := lineLoad(t, c, path)
		if got := f.Get("org.address").Str(); got != "Hauptstr. 1\n50667 Köln" {
			t.Errorf("%v: the multi-line answer being typed was lost: %q", sig, got)
		}
		if f.Get("org.name").Str() != "Firma" || f.Progress.Step != "org" {
			t.Errorf("%v: saved %+v", sig, f.Progress)
		}
	}
}

// The line-mode review on a signal saves the edits so far, says so, writes
// no history entry and can be resumed, like at the end of input.
func TestReviewLineSignalSaves(t *testing.T) {
	c := rvCatalog(t)
	f, mig, path := rvFile(t, c, "story-2025.json")
	s, resumed, err := review.Begin(c, f, mig, path)
	if err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	sigs := make(chan os.Signal, 1)
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		_, err := RunReview(review.Options{Session: s, Path: path, Lang: model.De, Today: rvToday, Resumed: resumed,
			In: pr, Out: out, Signals: sigs})
		done <- err
	}()
	// The new MFA measure first: "no, not unchanged", then implemented.
	io.WriteString(pw, lineDueOpen+"\n\nn\nu 5\n")
	waitOutput(t, out, "u 5")
	sigs <- syscall.SIGHUP
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the review did not end")
	}
	pw.Close()
	if !errors.Is(err, review.ErrIncomplete) {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	lineWantAll(t, out.String(), "Abgebrochen durch ein Signal", "kein Verlaufseintrag", "tom review setzt fort")
	g := rvLoad(t, c, path)
	if len(g.History) != 1 || g.Measures["access_system.mfa"].Status != model.StatusImplemented {
		t.Errorf("after the signal: %d entries, mfa %+v", len(g.History), g.Measures["access_system.mfa"])
	}
	if _, err := os.Stat(review.StartPath(path)); err != nil {
		t.Errorf("start copy missing, the review cannot resume: %v", err)
	}
}
