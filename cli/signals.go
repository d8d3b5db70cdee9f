package cli

import (
	"os"
	"os/signal"
	"syscall"
)

// watchSignals starts listening for SIGINT, SIGTERM and SIGHUP (or for
// g.Signals, when set). While it listens, the signals no longer end the
// process: the command asks stopped at points where it can end cleanly.
// release stops listening.
func (g *Globals) watchSignals() (stopped func() bool, release func()) {
	sigs := g.Signals
	var own chan os.Signal
	if sigs == nil {
		own = make(chan os.Signal, 1)
		signal.Notify(own, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
		sigs = own
	}
	got := false
	return func() bool {
			if !got {
				select {
				case <-sigs:
					got = true
				default:
				}
			}
			return got
		}, func() {
			if own != nil {
				signal.Stop(own)
			}
		}
}
