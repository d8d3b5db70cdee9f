// Package scanning holds what the interview front ends (full screen and line
// mode) share about the server scan: the scan function the caller injects,
// when to offer it, the words for what it found, ticking the measures it
// supports, and the server's login accounts for the people register.
package scanning

import (
	"slices"
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// ScanFunc runs the read-only system scan and records its findings in f
// (model.ApplyScan). The interview calls it when the user accepts the offer
// to check the server; the caller (tom interview) owns the scan itself, so
// that the wizard needs no scan code and tests can inject any findings.
type ScanFunc func(f *model.File) (model.ScanSummary, error)

// OfferDue reports whether the interview should offer the scan for f:
// nothing was detected yet and the interview has not been started. An
// offer answered either way leaves progress behind, so it is asked once.
// Whether a scan makes sense on this machine at all is the caller's part.
func OfferDue(f *model.File) bool {
	p := f.Progress
	return len(f.Detected) == 0 && p.Step == "" && len(p.Done) == 0 && len(p.Skipped) == 0 && p.Completed == ""
}

// detection returns what a scan recorded for measure id, if anything.
func Detected(f *model.File, id string) (model.Detection, bool) {
	d, ok := f.Detected[id]
	return d, ok && (d.Result == model.DetectSupports || d.Result == model.DetectContradicts)
}

// detectMark is the short mark of a detected measure in language l:
// "erhoben" when the scan supports it, "Prüfung widerspricht" when the scan
// contradicts it, "" when the scan said nothing about it.
func Mark(f *model.File, id string, l model.Lang) string {
	d, ok := Detected(f, id)
	if !ok {
		return ""
	}
	return Msg.Get(l, "mark_"+d.Result)
}

// detectEvidence returns the heading and the evidence lines of a detected
// measure (nil when the scan said nothing about it). The lines are cleaned
// of control characters: the evidence comes from the scanned system or from
// a hand-edited file.
func Evidence(f *model.File, id string, l model.Lang) (string, []string) {
	d, ok := Detected(f, id)
	if !ok {
		return "", nil
	}
	head := Msg.Get(l, "evidence_"+d.Result, model.FormatDate(d.Date, l))
	var lines []string
	for _, e := range strings.Split(d.Evidence, "; ") {
		if e = strings.TrimSpace(model.TerminalLine(e)); e != "" {
			lines = append(lines, e)
		}
	}
	if len(lines) == 0 {
		lines = []string{Msg.Get(l, "evidence_none")}
	}
	return head, lines
}

// detectHelp is the evidence of a detected measure as a block for a help
// text, starting with a blank line ("" when nothing was detected).
func Help(f *model.File, id string, l model.Lang) string {
	head, lines := Evidence(f, id, l)
	if head == "" {
		return ""
	}
	return "\n\n" + head + "\n• " + strings.Join(lines, "\n• ")
}

// prefillSection ticks the measures of section s that a scan supports and
// the user has not answered, and returns their IDs. It is the per-section
// form of model.View.PrefillDetected: a measure that only applies once an
// earlier question is answered (infra.server = yes) was dropped by Prune and
// is filled in here when its section is entered. It does nothing in a section
// the user has been through already (done or put off), so that a detected
// measure the user unticked and left open stays the user's answer.
func Prefill(v model.View, s *model.Section) []string {
	p := v.F.Progress
	if len(v.F.Detected) == 0 || slices.Contains(p.Done, s.ID) || slices.Contains(p.Skipped, s.ID) {
		return nil
	}
	var out []string
	for _, m := range v.Measures(s) {
		d, ok := v.F.Detected[m.ID]
		if !ok || d.Result != model.DetectSupports {
			continue
		}
		if a, answered := v.F.Measures[m.ID]; answered && a.Status != "" {
			continue
		}
		if v.F.Measures == nil {
			v.F.Measures = map[string]model.MeasureAnswer{}
		}
		a := v.F.Measures[m.ID]
		a.Status = model.StatusImplemented
		v.F.Measures[m.ID] = a
		out = append(out, m.ID)
	}
	return out
}

// scanCounts counts the measures a scan supports and contradicts.
func Counts(sum model.ScanSummary) (supports, contradicts int) {
	for _, it := range sum.Items {
		if it.Result == model.DetectContradicts {
			contradicts++
		} else {
			supports++
		}
	}
	return supports, contradicts
}

// scanResultText says in one sentence what a scan found, for the line mode.
func ResultText(sum model.ScanSummary, date string, l model.Lang) string {
	return sentence(sum, date, l, "scan_done")
}

// scanNoticeText is scanResultText short enough for the one status line of
// the full screen at 80 columns.
func NoticeText(sum model.ScanSummary, date string, l model.Lang) string {
	return sentence(sum, date, l, "scan_done_short")
}

// scanSentence formats doneKey (or "scan_nothing") with the scan's counts.
func sentence(sum model.ScanSummary, date string, l model.Lang, doneKey string) string {
	sup, con := Counts(sum)
	if sup+con == 0 {
		return Msg.Get(l, "scan_nothing", model.FormatDate(date, l))
	}
	return Msg.Get(l, doneKey, model.FormatDate(date, l), sup, con)
}
