package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// tom man writes one page per available command, in the chosen language,
// dated from the injected clock.
func TestManPagesPerCommandInLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang              string
		want, notWant     []string
		renderShort, root string
	}{
		{"de", []string{".SH BESCHREIBUNG", ".SH OPTIONEN", `.SH "GLOBALE OPTIONEN"`, `"2026-11-28"`, `"tom-Handbuch"`}, []string{".SH DESCRIPTION", ".SH NAME", "Dec 2026", "Auto generated"}, "TOM-Dokument erstellen", ""},
		{"en", []string{".SH DESCRIPTION", ".SH OPTIONS", `.SH "GLOBAL OPTIONS"`, `"2026-11-28"`, `"tom manual"`}, []string{".SH BESCHREIBUNG", "Auto generated"}, "Write the TOM document", ""},
	} {
		dir := filepath.Join(t.TempDir(), "man", "sub")
		code, out, errs := cliRun(nil, "man", "--lang", tc.lang, dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.lang, code, errs)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		for _, want := range []string{"tom.1", "tom-render.1", "tom-status.1", "tom-man.1", "tom-completion-bash.1"} {
			if !slices.Contains(names, want) {
				t.Errorf("%s: no %s among %v", tc.lang, want, names)
			}
		}
		if slices.Contains(names, "tom-help.1") {
			t.Errorf("%s: a page for help", tc.lang)
		}
		if !strings.Contains(out, dir) {
			t.Errorf("%s: output %q does not name the folder", tc.lang, out)
		}
		page := string(readFile(t, filepath.Join(dir, "tom-render.1")))
		if !strings.HasPrefix(page, ".nh\n.TH \"TOM\\-RENDER\" \"1\"") {
			t.Errorf("%s: title line:\n%.120s", tc.lang, page)
		}
		for _, w := range append(tc.want, tc.renderShort) {
			if !strings.Contains(page, w) {
				t.Errorf("%s: tom-render.1 lacks %q", tc.lang, w)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(page, w) {
				t.Errorf("%s: tom-render.1 has %q", tc.lang, w)
			}
		}
	}
}

func TestManNeedsOneFolder(t *testing.T) {
	for _, args := range [][]string{{"man"}, {"man", "a", "b"}} {
		code, _, errs := cliRun(nil, args...)
		if code != ExitUsage || !strings.Contains(errs, "tom man ./man") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	// A folder that cannot be made is a failure that names it.
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := cliRun(nil, "man", filepath.Join(file, "x"))
	if code != ExitFailure || !strings.Contains(errs, file) {
		t.Errorf("exit %d, %q", code, errs)
	}
}

// The page of a made-up command shows every part in roff: escaped
// backslashes and line-leading periods, paragraphs, options with their
// defaults, inherited options, example and related pages.
func TestManPageRoff(t *testing.T) {
	root := &cobra.Command{Use: "tom", Short: "root"}
	root.PersistentFlags().String("file", "", `answers file`)
	sub := &cobra.Command{
		Use:     "demo ARG",
		Short:   `make a \ demo`,
		Long:    "First line\n.second line\n\n  Another paragraph\n  indented",
		Example: "  tom demo x\n'quoted",
		Run:     func(*cobra.Command, []string) {},
	}
	sub.Flags().BoolP("all", "a", false, "every one")
	sub.Flags().Int("n", 3, "how many")
	sub.Flags().String("hidden", "", "not shown")
	if err := sub.Flags().MarkHidden("hidden"); err != nil {
		t.Fatal(err)
	}
	root.AddCommand(sub)
	page := manPage(sub, "en", "2026-11-28", "tom 1.0")
	want := `.nh
.TH "TOM\-DEMO" "1" "2026-11-28" "tom 1.0" "tom manual"

.SH NAME
tom-demo - make a \\ demo


.SH SYNOPSIS
\fBtom demo ARG [flags]\fP


.SH DESCRIPTION
First line
\&.second line

.PP
Another paragraph
  indented


.SH OPTIONS
\fB-a\fP, \fB--all\fP[=false]
	every one

.PP
\fB-h\fP, \fB--help\fP[=false]
	help for demo

.PP
\fB--n\fP=3
	how many


.SH "GLOBAL OPTIONS"
\fB--file\fP=""
	answers file


.SH EXAMPLE
.EX
  tom demo x
\&'quoted
.EE


.SH "SEE ALSO"
\fBtom(1)\fP
`
	if string(page) != want {
		t.Errorf("page:\n%s\nwant:\n%s", page, want)
	}
}
