package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// lineToday is the date the line-mode goldens in testdata/line were made on.
const lineToday = "2026-03-15"

// The built binary in line mode: TERM=dumb, --accessible and ACCESSIBLE=1
// with piped answers give the same file as the unit test, never an escape
// byte, and a non-zero exit code when the input ends early.
func TestLineEndToEnd(t *testing.T) {
	full := e2eFixture(t, "line/small-full.in")
	want, err := os.ReadFile("../testdata/line/small-full.json")
	if err != nil {
		t.Fatal(err)
	}
	c := e2eCatalog(t, smallCatalogPath)
	for _, tc := range []struct {
		name string
		env  []string
		args []string
	}{
		{"TERM=dumb", []string{"TERM=dumb", "TOM_TODAY=" + lineToday}, nil},
		{"--accessible", []string{"TERM=xterm-256color"}, []string{"--accessible"}},
		{"ACCESSIBLE=1", []string{"TERM=xterm-256color", "ACCESSIBLE=1"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tom.json")
			args := append([]string{"interview", "-f", path, "--catalog", smallCatalogPath}, tc.args...)
			out, code := runTomBin(t, declineScan(full), append(tc.env, "TOM_TODAY="+lineToday), args...)
			if code != 0 {
				t.Fatalf("exit code %d\n%s", code, out)
			}
			noRawControl(t, "output", out)
			wantAll(t, out, "Schritt 1 von 4: Organisation", "tom render -f "+path)
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("saved file differs from testdata/line/small-full.json:\n%s", got)
			}

			// Early end of input: non-zero, saved, resumable.
			path = filepath.Join(t.TempDir(), "tom.json")
			args = append([]string{"interview", "-f", path, "--catalog", smallCatalogPath}, tc.args...)
			out, code = runTomBin(t, declineScan("Bäckerei Öztürk\n\n\n\nja\n"), append(tc.env, "TOM_TODAY="+lineToday), args...)
			if code == 0 {
				t.Errorf("exit code 0 after early end of input\n%s", out)
			}
			noRawControl(t, "output", out)
			wantAll(t, out, "Das Interview ist unvollständig")
			f, _, err := model.Load(path, c)
			if err != nil {
				t.Fatal(err)
			}
			if f.Progress.Step != "infra" || f.Get("org.name").Str() != "Bäckerei Öztürk" {
				t.Errorf("saved progress %+v, org.name %q", f.Progress, f.Get("org.name").Str())
			}
		})
	}

	// English, chosen with --lang.
	path := filepath.Join(t.TempDir(), "tom.json")
	out, code := runTomBin(t, declineScan("Smith & Co\n"), []string{"TERM=dumb", "TOM_TODAY=" + lineToday}, "interview", "-f", path, "--catalog", smallCatalogPath, "--lang", "en")
	if code == 0 {
		t.Error("exit code 0 after early end of input")
	}
	wantAll(t, out, "Step 1 of 4: Organisation", "End of input: the interview is incomplete.")
}
