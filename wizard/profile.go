package wizard

import (
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"
)

// colorProfile returns the colour profile colorprofile.Detect would return
// for out and env, without running `tmux info` as a subprocess inside tmux
// (which delays the first frame). Inside tmux it takes what Detect assumes
// when tmux does not report RGB: at least 256 colours. A terminal that
// reports RGB is still raised to true colour by Bubble Tea's own capability
// query. NO_COLOR, CLICOLOR(_FORCE), TTY_FORCE and TERM=dumb behave as in
// Detect, which decides them.
func colorProfile(out io.Writer, env []string) colorprofile.Profile {
	inTmux := false
	rest := make([]string, 0, len(env))
	vars := make(map[string]string, 4)
	for _, e := range env {
		k, v, _ := strings.Cut(e, "=")
		switch k {
		case "TMUX":
			inTmux = v != ""
			continue
		case "TERM", "NO_COLOR", "TTY_FORCE":
			vars[k] = v
		}
		rest = append(rest, e)
	}
	p := colorprofile.Detect(out, rest)
	if !inTmux {
		return p
	}
	// Detect consults tmux only for a terminal that is not dumb and has
	// colour allowed; then the result is at least 256 colours.
	forced, _ := strconv.ParseBool(vars["TTY_FORCE"])
	noColor, _ := strconv.ParseBool(vars["NO_COLOR"])
	t, hasTerm := vars["TERM"]
	f, isFile := out.(interface{ Fd() uintptr })
	tty := forced || (isFile && term.IsTerminal(int(f.Fd())))
	if tty && hasTerm && t != "dumb" && !noColor {
		p = max(p, colorprofile.ANSI256)
	}
	return p
}
