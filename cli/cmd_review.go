package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard"
	"github.com/tom-dsgvo/tom/wizard/line"
	"github.com/tom-dsgvo/tom/wizard/review"
)

// reviewOptions are the review command's flags.
type reviewOptions struct {
	*Globals // I/O, clock, global flags

	Accessible bool
}

func newReviewCmd(g *Globals, lang model.Lang) *cobra.Command {
	o := &reviewOptions{Globals: g}
	cmd := &cobra.Command{
		Use:   "review",
		Short: review.Msg.Get(lang, "short"),
		Long:  review.Msg.Get(lang, "long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReview(o)
		},
	}
	cmd.Flags().BoolVar(&o.Accessible, "accessible", false, review.Msg.Get(lang, "flag_accessible"))
	return cmd
}

// runReview loads the answers file under its lock, refuses one that is
// invalid or whose interview was never completed, and runs the review in
// line mode or full screen. The history entry is written only when the
// reviewer finishes; an interrupted review keeps its edits and resumes.
func runReview(o *reviewOptions) error {
	g := o.Globals
	lineMode := lineModeWanted(g, o.Accessible) && g.Terminal == nil
	if !lineMode && !g.StdinIsTerminal() {
		return &ExitError{Code: ExitFailure, Err: errors.New(review.Msg.Get(g.Lang(nil), "no_tty", nextCommand(g, "review")))}
	}
	cat, err := g.Catalog()
	if err != nil {
		return err
	}
	es, err := g.openForEdit(cat, false)
	if errors.Is(err, os.ErrNotExist) {
		return &ExitError{Code: ExitFailure, Err: errors.New(review.Msg.Get(g.Lang(nil), "no_file", g.FilePath(), nextCommand(g, "interview")))}
	}
	if err != nil {
		return err // positioned problems; the file is never touched
	}
	defer es.Close()
	f, mig, path := es.File, es.Mig, es.Path
	lang := g.Lang(f)
	if !review.IsCompleted(f) {
		return &ExitError{Code: ExitFailure, Err: errors.New(review.Msg.Get(lang, "not_completed", path, nextCommand(g, "interview")))}
	}
	s, resumed, err := review.Begin(cat, f, mig, path)
	if err != nil {
		return err
	}
	dir, err := interviewDirectory(g, s.C, lang)
	if err != nil {
		return err
	}
	ro := review.Options{
		Session: s, Path: path, Lang: lang, Today: g.Today(),
		User: g.Getenv("USER"), Resumed: resumed, Next: g.nextFunc(), Directory: dir,
	}

	var res review.Result
	if lineMode {
		ro.In, ro.Out = g.In, g.Out
		_, err = line.RunReview(ro)
		if errors.Is(err, review.ErrIncomplete) {
			return &ExitError{Code: ExitFailure}
		}
		return err
	}
	if g.In != os.Stdin {
		ro.In = g.In
	}
	if g.Out != os.Stdout {
		ro.Out = g.Out
	}
	if g.Terminal != nil {
		res, err = wizard.RunReviewOn(ro, *g.Terminal)
	} else {
		res, err = wizard.RunReview(ro)
	}
	if err != nil {
		return err
	}
	return reviewEnd(g, lang, path, res)
}

// reviewEnd prints the one line that says how the full-screen review ended
// and returns the exit status: 0 when the review was finished (its history
// entry written), 1 (without a further message) when the reviewer or a
// signal stopped it before: the edits are saved and tom review resumes, but
// a script must not take it for a finished review.
func reviewEnd(g *Globals, lang model.Lang, path string, res review.Result) error {
	if g.Terminal != nil {
		return remoteEnd(g, lang, res.Finished, "remote_reviewed")
	}
	if res.Finished {
		fmt.Fprintln(g.text(), review.Msg.Get(lang, "exit_done", res.Entry.Version, len(res.Entry.Changes), path, nextCommand(g, "render")))
		return nil
	}
	fmt.Fprintln(g.text(), review.Msg.Get(lang, "exit_stopped", path, nextCommand(g, "review")))
	return &ExitError{Code: ExitFailure}
}
