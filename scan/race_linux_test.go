//go:build linux

package scan

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/sys/unix"
)

// TestScanRaceStaysInRoot swaps a folder of the scanned tree with a symbolic
// link to a folder outside the root, as fast as the kernel allows, while
// 2,000 scans run. No scan may read the outside file: its marker must never
// appear in a report.
func TestScanRaceStaysInRoot(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 scans")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	outside := filepath.Join(dir, "outside")
	for _, d := range []string{filepath.Join(root, "etc", "ssh"), filepath.Join(outside, "ssh")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	const marker = "OUTSIDE-MARKER"
	if err := os.WriteFile(filepath.Join(root, "etc/ssh/sshd_config"), []byte("PermitRootLogin no\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "ssh/sshd_config"), []byte("PermitRootLogin yes # "+marker+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The link's target is an absolute host path: resolved inside the root
	// (as the scan does) it leads nowhere; followed by the kernel it leads out.
	alt := filepath.Join(root, "etc", "ssh.alt")
	if err := os.Symlink(filepath.Join(outside, "ssh"), alt); err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(root, "etc", "ssh")

	var stop atomic.Bool
	var swaps atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			if err := unix.Renameat2(unix.AT_FDCWD, real, unix.AT_FDCWD, alt, unix.RENAME_EXCHANGE); err != nil {
				t.Errorf("swap: %v", err)
				return
			}
			swaps.Add(1)
		}
	}()
	const scans = 2000
	outsideReads := 0
	var buf bytes.Buffer
	for i := 0; i < scans; i++ {
		r := Scan(Options{Root: root, Today: testToday})
		buf.Reset()
		if err := WriteJSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(buf.Bytes(), []byte(marker)) {
			outsideReads++
		}
	}
	stop.Store(true)
	wg.Wait()
	if swaps.Load() < scans {
		t.Fatalf("only %d swaps during %d scans: the race was not exercised", swaps.Load(), scans)
	}
	if outsideReads > 0 {
		t.Errorf("%d of %d scans read a file outside the root", outsideReads, scans)
	}
}
