package wizard

import (
	"errors"
	"fmt"
	"io"

	"github.com/tom-dsgvo/tom/model"
)

// scanStart runs before the first step: it offers the scan on a new
// interview (LineOptions.OfferScan) and runs it on yes, or reports the scan
// the caller ran before (tom interview --scan). The answer is saved with
// progress at cur, so a declined offer is not made again. When the input
// ends or the user quits at the offer, it saves and returns stop with what
// RunLine returns; any other command counts as no.
func (r *lineRunner) scanStart(cur *model.Section) (stop bool, err error) {
	l := r.o.Lang
	if r.o.ScanSummary != nil {
		r.p.out.line(scanResultText(*r.o.ScanSummary, r.o.Today, l))
		return false, nil
	}
	if !r.o.OfferScan || r.o.Scan == nil || cur == nil {
		return false, nil
	}
	r.p.out.line("")
	yes, err := r.p.Confirm(scanMsg.Get(l, "offer_title")+" "+scanMsg.Get(l, "offer_prompt"),
		scanMsg.Get(l, "offer_body")+" "+scanMsg.Get(l, "offer_later"), true)
	var cmd LineCommand
	switch {
	case errors.Is(err, io.EOF):
		return true, r.stop(cur, "eof")
	case errors.As(err, &cmd) && cmd == LineQuit:
		return true, r.stop(cur, "quit")
	case errors.As(err, &cmd):
		yes = false
	case err != nil:
		return true, err
	}
	r.o.File.Progress.Step = cur.ID
	switch {
	case !yes:
		r.p.out.line(scanMsg.Get(l, "declined"))
	default:
		sum, serr := r.o.Scan(r.o.File)
		if serr != nil {
			r.p.out.line(scanMsg.Get(l, "scan_failed", serr))
		} else {
			r.p.out.line(scanResultText(sum, r.o.Today, l))
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
	mark := detectMark(r.o.File, id, r.o.Lang)
	if mark == "" {
		return ""
	}
	return scanMsg.Get(r.o.Lang, "line_mark", mark)
}

// scanHelp returns the help lines with the evidence of measure number n.
func (r *lineRunner) scanHelp(n int, id string) []string {
	head, lines := detectEvidence(r.o.File, id, r.o.Lang)
	if head == "" {
		return nil
	}
	out := []string{scanMsg.Get(r.o.Lang, "line_evidence", n, head)}
	for _, e := range lines {
		out = append(out, fmt.Sprintf("   %s", e))
	}
	return out
}

// scanHint explains the marks once under a measure list that has any.
func (r *lineRunner) scanHint(ms []*model.Measure) {
	for _, m := range ms {
		if _, ok := detection(r.o.File, m.ID); ok {
			r.p.out.line(scanMsg.Get(r.o.Lang, "line_hint"))
			return
		}
	}
}
