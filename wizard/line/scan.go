package line

import (
	"errors"
	"fmt"
	"io"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// scanStart runs before the first step: it offers the scan on a new
// interview (Options.OfferScan) and runs it on yes, or reports the scan
// the caller ran before (tom interview --scan). The answer is saved with
// progress at cur, so a declined offer is not made again. When the input
// ends or the user quits at the offer, it saves and returns stop with what
// Run returns; any other command counts as no.
func (r *lineRunner) scanStart(cur *model.Section) (stop bool, err error) {
	l := r.o.Lang
	if r.o.ScanSummary != nil {
		r.p.out.line(scanning.ResultText(*r.o.ScanSummary, r.o.Today, l))
		return false, nil
	}
	if !r.o.OfferScan || r.o.Scan == nil || cur == nil {
		return false, nil
	}
	r.p.out.line("")
	yes, err := r.p.Confirm(scanning.Msg.Get(l, "offer_title")+" "+scanning.Msg.Get(l, "offer_prompt"),
		scanning.Msg.Get(l, "offer_body")+" "+scanning.Msg.Get(l, "offer_later"), true)
	var cmd Command
	switch {
	case errors.Is(err, io.EOF):
		return true, r.stop(cur, "eof")
	case errors.As(err, &cmd) && cmd == Quit:
		return true, r.stop(cur, "quit")
	case errors.As(err, &cmd):
		yes = false
	case err != nil:
		return true, err
	}
	r.o.File.Progress.Step = cur.ID
	switch {
	case !yes:
		r.p.out.line(scanning.Msg.Get(l, "declined"))
	default:
		sum, serr := r.o.Scan(r.o.File)
		if serr != nil {
			r.p.out.line(scanning.Msg.Get(l, "scan_failed", serr))
		} else {
			r.p.out.line(scanning.ResultText(sum, r.o.Today, l))
		}
	}
	if err := r.save(); err != nil {
		return true, err
	}
	return false, nil
}

// scanMark is what the measure list appends to a detected measure:
// ", erhoben" or ", Prüfung widerspricht" ("" when nothing was detected).
func (r *lineRunner) scanMark(id string) string {
	mark := scanning.Mark(r.o.File, id, r.o.Lang)
	if mark == "" {
		return ""
	}
	return scanning.Msg.Get(r.o.Lang, "line_mark", mark)
}

// scanHelp returns the help lines with the evidence of measure number n.
func (r *lineRunner) scanHelp(n int, id string) []string {
	head, lines := scanning.Evidence(r.o.File, id, r.o.Lang)
	if head == "" {
		return nil
	}
	out := []string{scanning.Msg.Get(r.o.Lang, "line_evidence", n, head)}
	for _, e := range lines {
		out = append(out, fmt.Sprintf("   %s", e))
	}
	return out
}

// scanHint explains the marks once under a measure list that has any.
func (r *lineRunner) scanHint(ms []*model.Measure) {
	for _, m := range ms {
		if _, ok := scanning.Detected(r.o.File, m.ID); ok {
			r.p.out.line(scanning.Msg.Get(r.o.Lang, "line_hint"))
			return
		}
	}
}
