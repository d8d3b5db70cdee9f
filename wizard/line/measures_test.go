package line

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// tableFile is the small catalogue's file at its measures step, with a
// server and a notebook: four measures.
func tableFile(t *testing.T, lang model.Lang) (*model.Catalog, *model.File) {
	t.Helper()
	c := smallCatalog(t)
	f := model.NewFile(c, lang)
	f.Set("org.name", model.String("Muster GmbH"))
	f.Set("infra.server", model.Bool(true))
	f.Set("infra.server_kind", model.String("vserver"))
	f.Set("infra.devices", model.List("notebook"))
	f.Progress.Done = []string{"org", "infra"}
	f.Progress.Step = "access_system"
	return c, f
}

func tableStatuses(f *model.File) []string {
	var out []string
	for _, id := range []string{"access_system.passwords", "access_system.policy", "access_system.ssh_keys_only", "access_system.disk_notebook"} {
		out = append(out, f.Measures[id].Status)
	}
	return out
}

// TestLineTableSyntax: letters with numbers and ranges, "alle", numbers
// right after the letter, the other language's letters, several lines.
func TestLineTableSyntax(t *testing.T) {
	for _, tc := range []struct {
		lang  model.Lang
		input string
		want  []string
	}{
		{model.De, "u1-2,4 k alle\n\n", []string{"implemented", "implemented", "unclear", "implemented"}},
		{model.De, "u 1\nk 2-3\nu 4\n\n", []string{"implemented", "unclear", "unclear", "implemented"}},
		{model.De, "i 1-2 c 3, 4\n\n", []string{"implemented", "implemented", "unclear", "unclear"}},
		{model.En, "i 1 c all\n\n", []string{"implemented", "unclear", "unclear", "unclear"}},
		{model.En, "U 1-3 K ALLE\n\n", []string{"implemented", "implemented", "implemented", "unclear"}},
		{model.De, "k alle\nu 2\n\n", []string{"unclear", "implemented", "unclear", "unclear"}},
	} {
		c, f := tableFile(t, tc.lang)
		res := runLineTest(t, c, f, "", tc.input, tc.lang)
		if strings.Contains(res.out, "Ungültig") || strings.Contains(res.out, "Not valid") {
			t.Errorf("%q refused:\n%s", tc.input, res.out)
		}
		eq(t, tc.input, tableStatuses(res.file), tc.want)
	}
}

// TestLineTableRefused: a line that does not fit is refused as a whole,
// with the reason, and nothing of it is stored; the next line counts.
func TestLineTableRefused(t *testing.T) {
	for _, tc := range []struct {
		line, msg string
	}{
		{"3", "„3“: erst den Stand als Buchstaben angeben, z. B. „u 3“"},
		{"alle", "„alle“: erst den Stand als Buchstaben angeben, z. B. „k alle“"},
		{"u", "„u“: für welche Nummern? z. B. „u 1-3“ oder „u alle“"},
		{"u 5", "„5“ ist keine der Nummern 1 bis 4"},
		{"u 3-1", "„3-1“ ist keine der Nummern 1 bis 4"},
		{"u 1 x 2", "„x“ ist weder ein Stand-Buchstabe noch eine der Nummern 1 bis 4"},
		{"umgesetzt 1", "„umgesetzt“ ist weder ein Stand-Buchstabe noch eine der Nummern 1 bis 4"},
		{"u 1 +9", "„+9“ ist keine der Nummern 1 bis 4"},
		{"u 1 + 2", "„+“ ist keine der Nummern 1 bis 4"},
	} {
		c, f := tableFile(t, model.De)
		res := runLineTest(t, c, f, "", tc.line+"\nk alle\n\n", model.De)
		if !strings.Contains(res.out, "Ungültig: "+tc.msg+". Bitte noch einmal.") {
			t.Errorf("%q: no message %q:\n%s", tc.line, tc.msg, res.out)
		}
		eq(t, tc.line, tableStatuses(res.file), []string{"unclear", "unclear", "unclear", "unclear"})
	}
	// English words.
	c, f := tableFile(t, model.En)
	res := runLineTest(t, c, f, "", "4\nc all\n\n", model.En)
	if !strings.Contains(res.out, "Not valid: “4”: give the status as a letter first, e.g. “i 4”. Please try again.") {
		t.Errorf("English refusal:\n%s", res.out)
	}
}

// TestLineTableFollowUps: after the table, what the statuses need, row by
// row; an unchanged complete row is not asked again, a row set again is,
// with its value as the default.
func TestLineTableFollowUps(t *testing.T) {
	c, f := tableFile(t, model.De)
	res := runLineTest(t, c, f, "", "g 1 n 2 b 3 u 4\n\n31.12.2026\nzu klein\nkein SSH\nInhaberin\nn\n", model.De)
	lineWantAll(t, res.out,
		"  1) Anmeldung nur mit persönlichem Passwort – Geplant bis (TT.MM.JJJJ) (Pflichtangabe): 31.12.2026",
		"  2) Schriftliche Passwortrichtlinie – Warum nicht anwendbar? (Pflichtangabe): zu klein",
		"  3) SSH-Anmeldung am Server nur mit Schlüssel – Warum bewusst nicht umgesetzt? (Pflichtangabe): kein SSH",
		"  3) SSH-Anmeldung am Server nur mit Schlüssel – Wer hat das Risiko übernommen? (Name, Funktion) (Pflichtangabe): Inhaberin",
	)
	if strings.Contains(res.out, "4) Festplattenverschlüsselung auf Notebooks –") {
		t.Errorf("the implemented row was asked more:\n%s", res.out)
	}
	g := res.file
	g.Progress.Step = "access_system"
	g.Progress.Done = []string{"org", "infra"}
	// Unchanged: Enter asks nothing more.
	again := runLineTest(t, c, g, res.path, "\nn\n", model.De)
	if strings.Contains(again.out, " – Geplant bis") || strings.Contains(again.out, "Ungültig") {
		t.Errorf("the unchanged table asked again:\n%s", again.out)
	}
	// The declined row made not applicable: its reason is the default.
	g = again.file
	g.Progress.Step = "access_system"
	third := runLineTest(t, c, g, res.path, "n 3\n\n\nn\n", model.De)
	lineWantAll(t, third.out, "3) SSH-Anmeldung am Server nur mit Schlüssel – Warum nicht anwendbar? [bisher: kein SSH] (Enter übernimmt):")
	if got := third.file.Measures["access_system.ssh_keys_only"]; !got.Equal(model.MeasureAnswer{Status: model.StatusNotApplicable, Reason: "kein SSH"}) {
		t.Errorf("ssh = %+v", got)
	}
}

// TestLineSuggestsPreviousText: a reason, a risk owner or a note typed for
// one measure is offered for the next of its kind; "=" alone takes it, an
// empty line takes nothing (a required reason is asked again).
func TestLineSuggestsPreviousText(t *testing.T) {
	c, f := tableFile(t, model.De)
	in := "n 1-2 b 3-4 +1-2\n\n" +
		"kein Bedarf\n" + // reason 1
		"\n=\n" + // reason 2: Enter refused, = takes it
		"zu teuer\nInhaberin\n" + // declined 3
		"=\n=\n" + // declined 4
		"Hoster fragen\n=\n" // notes 1, 2
	res := runLineTest(t, c, f, "", in, model.De)
	for _, want := range []string{"[= übernimmt: „kein Bedarf“]", "[= übernimmt: „zu teuer“]",
		"[= übernimmt: „Inhaberin“]", "[= übernimmt: „Hoster fragen“]"} {
		if !strings.Contains(res.out, want) {
			t.Errorf("no offer %s:\n%s", want, res.out)
		}
	}
	if n := strings.Count(res.out, "übernimmt: „kein Bedarf“"); n != 2 {
		// Twice for row 2 (asked again after Enter), never for the declined rows.
		t.Errorf("the reason offered %d times, want 2:\n%s", n, res.out)
	}
	m := res.file.Measures
	eq(t, "reasons", []string{m["access_system.passwords"].Reason, m["access_system.policy"].Reason,
		m["access_system.ssh_keys_only"].Reason, m["access_system.disk_notebook"].Reason},
		[]string{"kein Bedarf", "kein Bedarf", "zu teuer", "zu teuer"})
	eq(t, "accepted", m["access_system.disk_notebook"].AcceptedBy, "Inhaberin")
	eq(t, "notes", []string{m["access_system.passwords"].Note, m["access_system.policy"].Note}, []string{"Hoster fragen", "Hoster fragen"})
}
