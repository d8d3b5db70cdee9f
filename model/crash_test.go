package model

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashRecords is how many providers each version the crash child writes
// has: big enough (about 150 KiB) that kills land in the middle of writes.
const crashRecords = 1000

// crashVersion builds generation gen of the crash test's file: every record
// carries gen, so a torn mix of two versions is detectable.
func crashVersion(c *Catalog, gen int) *File {
	f := NewFile(c, De)
	f.Set("org.name", String("Generation "+strconv.Itoa(gen)))
	recs := make([]Record, crashRecords)
	for i := range recs {
		recs[i] = Record{
			"id":        String(fmt.Sprintf("p%d", i)),
			"name":      String(fmt.Sprintf("Dienstleister %d (Generation %d) & Söhne", i, gen)),
			"email":     String(fmt.Sprintf("p%d@example.de", i)),
			"processor": Bool(i%2 == 0),
		}
	}
	f.Set("providers", Records(recs...))
	return f
}

// childSaveLoop saves ever new generations of the file until killed.
func childSaveLoop(path string) int {
	c, err := LoadCatalogFile(filepath.Join("..", "testdata", "small-catalog.json"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for gen := 1; ; gen++ {
		if err := Save(path, crashVersion(c, gen)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
}

// checkCrashVersion asserts the file at path is one complete generation.
func checkCrashVersion(t *testing.T, c *Catalog, path string) int {
	t.Helper()
	f, _, err := Load(path, c)
	if err != nil {
		t.Fatalf("file damaged after SIGKILL: %v", err)
	}
	gen, err := strconv.Atoi(strings.TrimPrefix(f.Get("org.name").Str(), "Generation "))
	if err != nil {
		t.Fatalf("org.name %q", f.Get("org.name").Str())
	}
	recs := f.Get("providers").Records()
	if len(recs) != crashRecords {
		t.Fatalf("generation %d has %d records, want %d", gen, len(recs), crashRecords)
	}
	want := crashVersion(c, gen)
	a, _ := Marshal(f)
	b, _ := Marshal(want)
	if string(a) != string(b) {
		t.Fatalf("generation %d is not the version the child wrote", gen)
	}
	return gen
}

// TestSaveSurvivesSIGKILL kills a child that saves in a loop 100 times at
// random moments; after each kill the file must be one complete version.
func TestSaveSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 100 processes")
	}
	c := smallCatalog(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	if err := Save(path, crashVersion(c, 0)); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	advanced, leftovers := 0, 0
	last := 0
	for i := 0; i < 100; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=save", "TOM_CHILD_PATH="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(10+rng.IntN(80)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("child ended on its own: %v", err)
		}
		gen := checkCrashVersion(t, c, path)
		if gen != last {
			advanced++
		}
		last = gen
		st, _ := os.Stat(path)
		if st.Mode().Perm() != 0o600 {
			t.Fatalf("mode %v after kill", st.Mode().Perm())
		}
		// Temp files of a killed save may remain; they never hide the real file.
		tmps, _ := filepath.Glob(filepath.Join(dir, ".tom.json.tmp-*"))
		leftovers = len(tmps)
	}
	t.Logf("100 kills: the file advanced %d times, %d temp files were left behind", advanced, leftovers)
	if advanced == 0 {
		t.Error("the child never completed a save: the test proved nothing")
	}
	// The next save (under the lock, as every command saves) removes them
	// and says so.
	lock, err := AcquireLock(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := lock.RemovedTemps(); got != leftovers {
		t.Errorf("the lock removed %d temp files, %d were left", got, leftovers)
	}
	if leftovers > 0 && !strings.Contains(lock.RemovedNote(En, path), "removed") {
		t.Errorf("note %q", lock.RemovedNote(En, path))
	}
	if err := Save(path, crashVersion(c, last+1)); err != nil {
		t.Fatal(err)
	}
	lock.Release()
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".tom.json.tmp-*")); len(tmps) != 0 {
		t.Errorf("%d temp files left after the next save", len(tmps))
	}
}
