package model

import (
	"path/filepath"
	"reflect"
	"testing"
)

func detectCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := LoadCatalogFile(filepath.Join("..", "testdata", "small-catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestApplyScanPrefillsOnlyUnanswered(t *testing.T) {
	c := detectCatalog(t)
	f := NewFile(c, De)
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-01-01"}
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented, Note: "own words"}
	sum := ApplyScan(c, f, "2026-11-28", []ScanFinding{
		{ID: "ssh.key_only", Measures: []string{"access_system.ssh_keys_only"}, Evidence: "sshd_config:2: PasswordAuthentication no"},
		{ID: "x.policy", Measures: []string{"access_system.policy"}, Evidence: "policy found"},
		{ID: "x.pw", Measures: []string{"access_system.passwords"}, Evidence: "pw found"},
	})
	if got := f.Measures["access_system.ssh_keys_only"]; got.Status != StatusImplemented {
		t.Errorf("unanswered supported measure not pre-filled: %+v", got)
	}
	if got := f.Measures["access_system.policy"]; got.Status != StatusPlanned || got.Due != "2027-01-01" {
		t.Errorf("a planned answer was changed: %+v", got)
	}
	if got := f.Measures["access_system.passwords"]; got.Status != StatusImplemented || got.Note != "own words" {
		t.Errorf("an implemented answer was changed: %+v", got)
	}
	kinds := map[string]string{}
	for _, it := range sum.Items {
		kinds[it.Measure] = it.Kind
	}
	want := map[string]string{
		"access_system.ssh_keys_only": ScanPrefilled,
		"access_system.policy":        ScanDiffers,
		"access_system.passwords":     ScanConfirmed,
	}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("kinds = %v, want %v", kinds, want)
	}
	d := f.Detected["access_system.ssh_keys_only"]
	if d.Date != "2026-11-28" || d.Result != DetectSupports || d.Evidence != "sshd_config:2: PasswordAuthentication no" {
		t.Errorf("detection = %+v", d)
	}
	if n := len(sum.NeedsConfirmation()); n != 2 {
		t.Errorf("NeedsConfirmation = %d items, want 2 (prefilled, differs)", n)
	}
	if ps := Validate(c, f); len(ps) != 0 {
		t.Errorf("file no longer valid: %v", ps)
	}
}

func TestApplyScanContradictionKeepsAnswer(t *testing.T) {
	c := detectCatalog(t)
	f := NewFile(c, De)
	f.Answers["infra.server"] = Bool(true)
	f.Measures["access_system.ssh_keys_only"] = MeasureAnswer{Status: StatusImplemented}
	sum := ApplyScan(c, f, "2026-11-28", []ScanFinding{
		// Findings disagree: the contradiction wins and carries its evidence.
		{ID: "a", Measures: []string{"access_system.ssh_keys_only"}, Evidence: "pubkey yes"},
		{ID: "b", Contradicts: []string{"access_system.ssh_keys_only"}, Evidence: "PasswordAuthentication yes"},
		{ID: "c", Contradicts: []string{"access_system.policy"}, Evidence: "no policy"},
	})
	if f.Measures["access_system.ssh_keys_only"].Status != StatusImplemented {
		t.Fatal("the user's answer was overwritten")
	}
	d := f.Detected["access_system.ssh_keys_only"]
	if d.Result != DetectContradicts || d.Evidence != "PasswordAuthentication yes" {
		t.Errorf("detection = %+v", d)
	}
	if _, ok := f.Measures["access_system.policy"]; ok {
		t.Error("a contradicted, unanswered measure was filled in")
	}
	// Catalogue order: access_system.policy comes before ssh_keys_only.
	if len(sum.Items) != 2 || sum.Items[0].Kind != ScanNotInPlace || sum.Items[1].Kind != ScanContradicted {
		t.Errorf("items = %+v", sum.Items)
	}
	var open []string
	for _, it := range (View{C: c, F: f}).OpenItems() {
		if it.Kind == OpenContradicts {
			open = append(open, it.ID+": "+it.Note)
		}
	}
	want := []string{"access_system.policy: no policy", "access_system.ssh_keys_only: PasswordAuthentication yes"}
	if !reflect.DeepEqual(open, want) {
		t.Errorf("open contradictions = %v, want %v", open, want)
	}
}

func TestApplyScanUnknownAndDropped(t *testing.T) {
	c := detectCatalog(t)
	f := NewFile(c, En)
	f.Detected = map[string]Detection{
		"access_system.policy": {Date: "2025-01-01", Result: DetectSupports, Evidence: "old"},
	}
	sum := ApplyScan(c, f, "2026-11-28", []ScanFinding{
		{ID: "x", Measures: []string{"no.such_measure", "access_system.passwords"}, Evidence: "e"},
	})
	if !reflect.DeepEqual(sum.Unknown, []string{"no.such_measure"}) {
		t.Errorf("Unknown = %v", sum.Unknown)
	}
	if !reflect.DeepEqual(sum.Dropped, []string{"access_system.policy"}) {
		t.Errorf("Dropped = %v", sum.Dropped)
	}
	if _, ok := f.Detected["no.such_measure"]; ok {
		t.Error("an unknown measure was recorded")
	}
	if _, ok := f.Detected["access_system.policy"]; ok {
		t.Error("a stale detection was kept")
	}
	if ps := Validate(c, f); len(ps) != 0 {
		t.Errorf("file not valid: %v", ps)
	}
}

func TestPrefillDetectedAfterPrune(t *testing.T) {
	c := detectCatalog(t)
	f := NewFile(c, De)
	ApplyScan(c, f, "2026-11-28", []ScanFinding{{ID: "k", Measures: []string{"access_system.ssh_keys_only"}, Evidence: "e"}})
	v := View{C: c, F: f}
	v.Prune() // infra.server is not answered yet: the measure does not apply
	if _, ok := f.Measures["access_system.ssh_keys_only"]; ok {
		t.Fatal("Prune kept a measure that does not apply")
	}
	if got := v.PrefillDetected(); len(got) != 0 {
		t.Errorf("PrefillDetected filled a measure that does not apply: %v", got)
	}
	f.Answers["infra.server"] = Bool(true)
	if got := v.PrefillDetected(); !reflect.DeepEqual(got, []string{"access_system.ssh_keys_only"}) {
		t.Errorf("PrefillDetected = %v", got)
	}
	if f.Measures["access_system.ssh_keys_only"].Status != StatusImplemented {
		t.Error("not pre-filled")
	}
	f.Measures["access_system.ssh_keys_only"] = MeasureAnswer{Status: StatusUnclear}
	if got := v.PrefillDetected(); len(got) != 0 || f.Measures["access_system.ssh_keys_only"].Status != StatusUnclear {
		t.Error("PrefillDetected overwrote an answer")
	}
}
