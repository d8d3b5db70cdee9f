package model

import (
	"sort"
	"strings"
)

// Detection results.
const (
	DetectSupports    = "supports"
	DetectContradicts = "contradicts"
)

// ScanFinding is one finding of a system scan as the model needs it: which
// catalogue measures it supports or contradicts, and the evidence in the
// answers file's language. The scan package converts its findings to this.
type ScanFinding struct {
	ID          string
	Measures    []string
	Contradicts []string
	Evidence    string
}

// What ApplyScan did with one measure.
const (
	// ScanPrefilled: unanswered, the scan supports it; status set to implemented.
	ScanPrefilled = "prefilled"
	// ScanConfirmed: stated implemented, the scan supports it.
	ScanConfirmed = "confirmed"
	// ScanDiffers: stated planned, not applicable or unclear, but the scan
	// finds it in place.
	ScanDiffers = "differs"
	// ScanContradicted: stated implemented, the scan finds it not in place.
	// The answer stays; the contradiction becomes an open item.
	ScanContradicted = "contradicted"
	// ScanNotInPlace: not stated implemented (or unanswered), and the scan
	// finds it not in place. Nothing is filled in.
	ScanNotInPlace = "not_in_place"
)

// ScanItem is what ApplyScan did with one measure, for the interview to ask
// the user to confirm or correct.
type ScanItem struct {
	Measure  string
	Kind     string // ScanPrefilled, ScanConfirmed, ScanDiffers, ScanContradicted, ScanNotInPlace
	Result   string // DetectSupports or DetectContradicts
	Status   string // the measure's status after ApplyScan ("" when unanswered)
	Evidence string
	Findings []string // IDs of the findings behind it
}

// ScanSummary is the outcome of ApplyScan.
type ScanSummary struct {
	Items   []ScanItem // in catalogue order
	Unknown []string   // measure IDs named by findings but not in the catalogue
	Dropped []string   // measures detected by an earlier scan that this scan no longer names
}

// NeedsConfirmation returns the items the user should confirm or correct:
// everything except measures that were already stated and are confirmed.
func (s ScanSummary) NeedsConfirmation() []ScanItem {
	var out []ScanItem
	for _, it := range s.Items {
		if it.Kind != ScanConfirmed {
			out = append(out, it)
		}
	}
	return out
}

// ApplyScan records the findings of one system scan in f, dated today:
//
//   - every catalogue measure a finding names gets f.Detected[id] with result
//     "supports" or "contradicts" (a contradiction wins when findings
//     disagree) and the evidence of the findings with that result;
//   - a measure the user has not answered yet and the scan supports is
//     pre-filled as implemented;
//   - a user's answer is never changed: a stated "implemented" the scan
//     contradicts stays, and View.OpenItems lists the contradiction;
//   - one scan describes one system: detections of an earlier scan for
//     measures this scan no longer names are removed (reported as Dropped).
//
// Measures are pre-filled whether or not they apply yet (the interview may
// offer the scan before the questions that decide it); View.Prune removes
// what turns out not to apply, and View.PrefillDetected fills a measure in
// again from f.Detected once it applies.
//
// Measures the catalogue does not know are skipped and reported as Unknown.
func ApplyScan(c *Catalog, f *File, today string, findings []ScanFinding) ScanSummary {
	type acc struct {
		supports, contradicts     []string // evidence
		supportIDs, contradictIDs []string // finding IDs
	}
	per := map[string]*acc{}
	get := func(id string) *acc {
		a := per[id]
		if a == nil {
			a = &acc{}
			per[id] = a
		}
		return a
	}
	for _, fd := range findings {
		for _, m := range fd.Measures {
			a := get(m)
			a.supports = appendUnique(a.supports, fd.Evidence)
			a.supportIDs = append(a.supportIDs, fd.ID)
		}
		for _, m := range fd.Contradicts {
			a := get(m)
			a.contradicts = appendUnique(a.contradicts, fd.Evidence)
			a.contradictIDs = append(a.contradictIDs, fd.ID)
		}
	}
	var sum ScanSummary
	for id := range f.Detected {
		if _, named := per[id]; !named && c.Measure(id) != nil {
			delete(f.Detected, id)
			sum.Dropped = append(sum.Dropped, id)
		}
	}
	sort.Strings(sum.Dropped)
	if f.Measures == nil {
		f.Measures = map[string]MeasureAnswer{}
	}
	for id, a := range per {
		if c.Measure(id) == nil {
			sum.Unknown = append(sum.Unknown, id)
			continue
		}
		it := ScanItem{Measure: id}
		d := Detection{Date: today}
		if len(a.contradicts) > 0 {
			d.Result, d.Evidence = DetectContradicts, strings.Join(a.contradicts, "; ")
			it.Findings = a.contradictIDs
		} else {
			d.Result, d.Evidence = DetectSupports, strings.Join(a.supports, "; ")
			it.Findings = a.supportIDs
		}
		if f.Detected == nil {
			f.Detected = map[string]Detection{}
		}
		f.Detected[id] = d
		it.Result, it.Evidence = d.Result, d.Evidence
		ans, answered := f.Measures[id]
		answered = answered && ans.Status != ""
		switch {
		case d.Result == DetectSupports && !answered:
			ans.Status = StatusImplemented
			f.Measures[id] = ans
			it.Kind = ScanPrefilled
		case d.Result == DetectSupports && ans.Status == StatusImplemented:
			it.Kind = ScanConfirmed
		case d.Result == DetectSupports:
			it.Kind = ScanDiffers
		case ans.Status == StatusImplemented:
			it.Kind = ScanContradicted
		default:
			it.Kind = ScanNotInPlace
		}
		if answered || it.Kind == ScanPrefilled {
			it.Status = f.Measures[id].Status
		}
		sum.Items = append(sum.Items, it)
	}
	sort.Strings(sum.Unknown)
	sort.Slice(sum.Items, func(i, j int) bool {
		return measureOrder(c, sum.Items[i].Measure) < measureOrder(c, sum.Items[j].Measure)
	})
	return sum
}

// measureOrder is a measure's position in the catalogue.
func measureOrder(c *Catalog, id string) int {
	n := 0
	for _, s := range c.Sections {
		for _, m := range s.Measures {
			if m.ID == id {
				return n
			}
			n++
		}
	}
	return n
}

func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// PrefillDetected sets every applying measure that is unanswered and that a
// scan supports (f.Detected) to implemented, and returns their IDs in
// catalogue order. The interview calls it when it enters a section, so that
// detections made before the section applied are not lost to Prune.
func (v View) PrefillDetected() []string {
	var out []string
	for _, s := range v.Sections() {
		for _, m := range v.Measures(s) {
			d, ok := v.F.Detected[m.ID]
			if !ok || d.Result != DetectSupports {
				continue
			}
			if a, answered := v.F.Measures[m.ID]; answered && a.Status != "" {
				continue
			}
			if v.F.Measures == nil {
				v.F.Measures = map[string]MeasureAnswer{}
			}
			a := v.F.Measures[m.ID]
			a.Status = StatusImplemented
			v.F.Measures[m.ID] = a
			out = append(out, m.ID)
		}
	}
	return out
}
