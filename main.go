// Command tom interviews a business about its security measures under
// Art. 32 GDPR, keeps the answers in a JSON file and writes the TOM document.
package main

import (
	"os"
	"time"

	"golang.org/x/term"

	"github.com/tom-dsgvo/tom/cli"
)

func main() {
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
