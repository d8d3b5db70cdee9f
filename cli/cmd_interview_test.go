package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard"
)

// TestInterviewNeedsTerminal: without a terminal and without line mode, tom
// refuses, names --accessible, exits non-zero and creates no file.
func TestInterviewNeedsTerminal(t *testing.T) {
	for _, args := range [][]string{{"interview"}, {}} {
		path := filepath.Join(t.TempDir(), "tom.json")
		args = append(args, "--catalog", smallCatalogPath, "--file", path)
		code, _, errOut := cliRun(map[string]string{"TERM": "xterm"}, args...)
		if code == 0 {
			t.Fatalf("%v: exit 0 without a terminal", args)
		}
		if !strings.Contains(errOut, "--accessible") {
			t.Fatalf("%v: message does not name --accessible: %q", args, errOut)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Fatalf("%v: file created although refused", args)
		}
	}
	code, _, errOut := cliRun(map[string]string{"TERM": "xterm"}, "interview", "--lang", "en", "--catalog", smallCatalogPath, "--file", filepath.Join(t.TempDir(), "x.json"))
	if code == 0 || !strings.Contains(errOut, "input is not a terminal") {
		t.Fatalf("English message: %d %q", code, errOut)
	}
}

// TestInterviewRefusesBadFile: a file that does not load is reported with its
// position and never overwritten.
func TestInterviewRefusesBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	bad := []byte("{\n  \"schema\": 1,\n  \"answers\": {\"org.name\": 5}\n}\n")
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cliRun(map[string]string{}, "interview", "--accessible", "--catalog", smallCatalogPath, "--file", path)
	if code == 0 {
		t.Fatal("exit 0 on a bad file")
	}
	if !strings.Contains(errOut, path+":3:") {
		t.Fatalf("error without position: %q", errOut)
	}
	if got := readFile(t, path); string(got) != string(bad) {
		t.Fatalf("bad file was rewritten:\n%s", got)
	}
}

// TestInterviewLineModeChosen: TERM=dumb and ACCESSIBLE=1 pick the line mode
// (no terminal needed); end of input stops it non-zero after saving.
func TestInterviewLineModeChosen(t *testing.T) {
	for _, env := range []map[string]string{{"TERM": "dumb"}, {"ACCESSIBLE": "1", "TERM": "xterm"}} {
		path := filepath.Join(t.TempDir(), "tom.json")
		code, out, errOut := cliRun(env, "interview", "--catalog", smallCatalogPath, "--file", path)
		if code == 0 {
			t.Fatalf("%v: exit 0 although input ended", env)
		}
		if strings.Contains(errOut, "--accessible") {
			t.Fatalf("%v: refused as if no line mode: %q", env, errOut)
		}
		if strings.ContainsRune(out+errOut, 0x1b) {
			t.Fatalf("%v: escape byte in line mode", env)
		}
	}
}

// TestInterviewMessagesComplete: every string of the command and the wizard
// exists in German and English with the same arguments.
func TestInterviewMessagesComplete(t *testing.T) {
	for name, table := range map[string]model.Messages{"interview": interviewMsg, "wizard": wizard.Msg} {
		for k, v := range table {
			if v.De == "" || v.En == "" {
				t.Errorf("%s %s: a language is missing", name, k)
			}
			if strings.Count(v.De, "%") != strings.Count(v.En, "%") {
				t.Errorf("%s %s: different arguments", name, k)
			}
		}
	}
}

// TestInterviewScanBadRoot: --scan with a missing --scan-root fails before
// anything is written.
func TestInterviewScanBadRoot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.json")
	code, _, errOut := cliRun(map[string]string{"TERM": "dumb"}, "interview", "--scan", "--scan-root", filepath.Join(t.TempDir(), "nope"),
		"-f", path, "--catalog", scanCatalogPath)
	if code != ExitFailure || !strings.Contains(errOut, "--scan-root") {
		t.Fatalf("exit %d: %q", code, errOut)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("file written: %v", err)
	}
}
