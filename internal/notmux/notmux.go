// Package notmux keeps Lip Gloss's colour detection at start-up from running
// `tmux info` inside tmux. Lip Gloss builds its package variable Writer with
// colorprofile.NewWriter(os.Stdout, os.Environ()) while the program is
// initialised; inside tmux, with standard output a terminal, that runs `tmux
// info` as a subprocess (10 to 40 ms on this machine) for every command,
// though tom never writes through that Writer (the full-screen interview
// detects its own profile, see wizard.colorProfile).
//
// This package hides TMUX while the packages are initialised, and main calls
// Restore before anything else. The Go specification initialises the packages
// in the order of their import paths, each as soon as its imports are
// ("Package initialization"); this one imports only os, so it comes before
// os/exec and every package that imports it, Lip Gloss included.
package notmux

import "os"

// tmux is the TMUX variable the process started with; set tells whether it
// was set at all.
var tmux, set = os.LookupEnv("TMUX")

func init() {
	if set {
		os.Unsetenv("TMUX")
	}
}

// Restore sets TMUX again as the process found it.
func Restore() {
	if set {
		os.Setenv("TMUX", tmux)
	}
}
