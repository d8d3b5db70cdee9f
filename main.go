// Command tom interviews a business about its security measures under
// Art. 32 GDPR, keeps the answers in a JSON file and writes the TOM document.
package main

import (
	"os"
	"runtime/debug"
	"time"

	"golang.org/x/term"

	"github.com/tom-dsgvo/tom/cli"
	"github.com/tom-dsgvo/tom/internal/notmux"
)

func main() {
	notmux.Restore()
	// A run is short and allocates several times what it keeps (decoded
	// JSON, the document): collecting at 5× the live heap instead of Go's 2×
	// saves most collections of a small run; past 1 GiB the limit makes the
	// collector keep the heap near it. GOGC and GOMEMLIMIT still decide.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
	g := &cli.Globals{
		In:     os.Stdin,
		Out:    os.Stdout,
		Err:    os.Stderr,
		Getenv: os.Getenv,
		Now:    time.Now,
		StdinIsTerminal: func() bool {
			return term.IsTerminal(int(os.Stdin.Fd()))
		},
	}
	os.Exit(cli.Run(g, os.Args[1:]))
}
