package wizard

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Result says how a full-screen interview ended.
type Result struct {
	Complete bool      // every section is done
	Signal   os.Signal // the signal that ended it, nil otherwise
}

// killDelay is how long Run waits for the program to wind down after a
// signal before it stops it hard (a dropped SSH connection may block output).
const killDelay = 2 * time.Second

// Run runs the full-screen interview in the alternate screen until the user
// quits or a signal (SIGINT, SIGTERM, SIGHUP) arrives. Whatever happens, what
// was entered — including the half-finished step — is saved before Run
// returns.
func Run(o Options) (Result, error) {
	l := &lazyModel{build: func() *Model { return New(o) }}
	got, err := runProgram(l, o.In, o.Out, func() error { return l.model().Flush() })
	return Result{Complete: l.model().Complete(), Signal: got}, err
}

// lazyModel builds the wizard when the first message arrives (the window's
// size comes at once), not before the program starts: the renderer's frame
// clock starts with the program, and the first frame goes out on its first
// tick, so the model (several ms for a resumed file of 1,000 providers) is
// built while that tick is awaited instead of before.
type lazyModel struct {
	build func() *Model
	m     *Model
}

// model returns the wizard, built now if no message came.
func (l *lazyModel) model() *Model {
	if l.m == nil {
		l.m = l.build()
	}
	return l.m
}

// Init implements tea.Model.
func (l *lazyModel) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (l *lazyModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	first := l.m == nil
	m := l.model()
	var cmd tea.Cmd
	if first {
		cmd = m.Init()
	}
	_, c := m.Update(msg)
	return l, tea.Batch(cmd, c)
}

// View implements tea.Model: empty until the wizard is built.
func (l *lazyModel) View() tea.View {
	if l.m == nil {
		v := tea.NewView("")
		v.AltScreen = true
		v.WindowTitle = windowTitle
		return v
	}
	return l.m.View()
}

// Terminal is a terminal other than the process's own that a full-screen
// interview or review runs on, such as an SSH session's (tom serve).
type Terminal struct {
	// Options give the program the terminal's input, output, window size,
	// environment and colour profile.
	Options []tea.ProgramOption
	// Resize delivers the terminal's new sizes; nil if it has none.
	Resize <-chan tea.WindowSizeMsg
	// Stop is closed when the session must end (the connection dropped, it
	// was idle too long, the server stops): what was entered, the
	// half-finished step included, is saved as on SIGHUP, and Run returns.
	Stop <-chan struct{}
}

// RunOn runs the full-screen interview on terminal t instead of the
// process's own; the process's signals are left alone (t.Stop stands in for
// them). The result's Signal is syscall.SIGHUP when t.Stop ended it.
func RunOn(o Options, t Terminal) (Result, error) {
	m := New(o)
	got, err := runOn(m, t, m.Flush)
	return Result{Complete: m.Complete(), Signal: got}, err
}

// runOn runs model m on terminal t until it quits or t.Stop is closed,
// which is passed to m as a signalMsg; then flush saves m's state.
func runOn(m tea.Model, t Terminal, flush func() error) (os.Signal, error) {
	opts := append([]tea.ProgramOption{tea.WithoutSignalHandler()}, t.Options...)
	p := tea.NewProgram(m, opts...)
	var got os.Signal
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case w, ok := <-t.Resize:
				if !ok {
					t.Resize = nil
					continue
				}
				p.Send(w)
				continue
			case <-t.Stop:
				got = syscall.SIGHUP
				p.Send(signalMsg{})
				select {
				case <-time.After(killDelay):
					p.Kill()
				case <-stop:
				}
			case <-stop:
			}
			return
		}
	}()
	_, err := p.Run()
	close(stop)
	<-done
	saveErr := flush()
	if errors.Is(err, tea.ErrProgramKilled) && got != nil {
		err = nil
	}
	if err == nil {
		err = saveErr
	}
	return got, err
}

// localFPS is the frame rate of the full-screen programs on the process's
// own terminal.
const localFPS = 120

// runProgram runs model m full-screen until it quits or a signal (SIGINT,
// SIGTERM, SIGHUP) arrives, which is passed to m as a signalMsg. Then flush
// saves m's state, whatever happened. It returns the signal, if any.
func runProgram(m tea.Model, in io.Reader, out io.Writer, flush func() error) (os.Signal, error) {
	// The first frame goes out on the renderer's first tick: at 120 frames
	// a second it comes 8 ms after the start instead of 17 (a frame is drawn
	// only when the view changed, so an idle screen costs nothing more).
	// tom serve keeps Bubble Tea's 60 for its many sessions (runOn).
	opts := []tea.ProgramOption{tea.WithoutSignalHandler(), tea.WithFPS(localFPS)}
	if in != nil {
		opts = append(opts, tea.WithInput(in))
	}
	if out != nil {
		opts = append(opts, tea.WithOutput(out))
	} else {
		out = os.Stdout // Bubble Tea's default
	}
	// Detect the colour profile ourselves: Bubble Tea's detection runs
	// `tmux info` inside tmux, which delays the first frame.
	opts = append(opts, tea.WithColorProfile(colorProfile(out, os.Environ())))
	p := tea.NewProgram(m, opts...)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	var got os.Signal
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case s := <-sigs:
			got = s
			p.Send(signalMsg{})
			select {
			case <-time.After(killDelay):
				p.Kill()
			case <-stop:
			}
		case <-stop:
		}
	}()
	_, err := p.Run()
	close(stop)
	<-done
	// The program has ended: no more updates, so the state is ours to save.
	saveErr := flush()
	if errors.Is(err, tea.ErrProgramKilled) && got != nil {
		err = nil
	}
	if err == nil {
		err = saveErr
	}
	return got, err
}
