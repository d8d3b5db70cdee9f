package line

import (
	"os"
	"os/signal"
	"syscall"
)

// watchSignals returns a channel that is closed when a signal arrives on
// sigs, or — when sigs is nil — when the process gets SIGINT, SIGTERM or
// SIGHUP, so that line mode saves and ends like the full screen. release
// stops listening.
func watchSignals(sigs <-chan os.Signal) (stop <-chan struct{}, release func()) {
	own := sigs == nil
	var ch chan os.Signal
	if own {
		ch = make(chan os.Signal, 1)
		signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
		sigs = ch
	}
	done := make(chan struct{})
	quit := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			close(done)
		case <-quit:
		}
	}()
	return done, func() {
		if own {
			signal.Stop(ch)
		}
		close(quit)
	}
}
