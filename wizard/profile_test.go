package wizard

import (
	"bytes"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// TestColorProfile checks the colour detection that skips `tmux info`:
// outside tmux it equals colorprofile.Detect; inside tmux NO_COLOR, TERM=dumb
// and a non-terminal output keep their meaning, and a colour terminal gets at
// least 256 colours.
func TestColorProfile(t *testing.T) {
	var out bytes.Buffer
	outside := [][]string{
		{"TERM=xterm-256color"},
		{"TERM=xterm-256color", "TTY_FORCE=1"},
		{"TERM=xterm", "TTY_FORCE=1", "NO_COLOR=1"},
		{"TERM=dumb", "TTY_FORCE=1"},
		{"TERM=xterm", "TTY_FORCE=1", "COLORTERM=truecolor"},
		{"TTY_FORCE=1"},
	}
	for _, env := range outside {
		if got, want := colorProfile(&out, env), colorprofile.Detect(&out, env); got != want {
			t.Errorf("%v: got %v, want %v (as Detect)", env, got, want)
		}
	}
	const tmux = "TMUX=/tmp/tmux-0/default,1,0"
	inside := []struct {
		env  []string
		want colorprofile.Profile
	}{
		{[]string{tmux, "TERM=tmux-256color", "TTY_FORCE=1"}, colorprofile.ANSI256},
		{[]string{tmux, "TERM=screen", "TTY_FORCE=1"}, colorprofile.ANSI256},
		{[]string{tmux, "TERM=tmux-256color", "TTY_FORCE=1", "COLORTERM=truecolor"}, colorprofile.ANSI256}, // colorprofile ignores COLORTERM under tmux
		{[]string{tmux, "TERM=tmux-256color", "TTY_FORCE=1", "NO_COLOR=1"}, colorprofile.ASCII},
		{[]string{tmux, "TERM=dumb", "TTY_FORCE=1"}, colorprofile.NoTTY},
		{[]string{tmux, "TERM=tmux-256color"}, colorprofile.NoTTY}, // output not a terminal
	}
	for _, c := range inside {
		if got := colorProfile(&out, c.env); got != c.want {
			t.Errorf("%v: got %v, want %v", c.env, got, c.want)
		}
	}
}
