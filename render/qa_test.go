package render

import (
	"regexp"
	"strings"
	"testing"

	"tom/model"
)

// TestHTMLRunningHeaderNotFiltered: html/template replaced the German running
// header ("… – Stand: 28.11.2026", read as a URL with a scheme) with
// "#ZgotmplZ"; the printed pages showed that instead of the title and date.
func TestHTMLRunningHeaderNotFiltered(t *testing.T) {
	for _, l := range []model.Lang{model.De, model.En} {
		out, err := WriteHTML(sampleDoc(t, l))
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if strings.Contains(s, "ZgotmplZ") {
			t.Errorf("%s: HTML holds a filtered value (#ZgotmplZ)", l)
		}
		m := regexp.MustCompile(`@top-left \{ content: ("[^"]*");`).FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("%s: no running header in the page CSS", l)
		}
		if !strings.Contains(m[1], "2026") || !strings.Contains(m[1], "TOM") {
			t.Errorf("%s: running header %s lacks the title or the date", l, m[1])
		}
	}
}

// TestCSSStringHostile: text that could end the CSS string, the rule or the
// style element is escaped; other text stays readable.
func TestCSSStringHostile(t *testing.T) {
	for _, in := range []string{
		`"; } body { display: none } /*`,
		"</style><script>alert(1)</script>",
		"a\\\"b\nc\rd\u2028e\u0000f\u202Eg",
		"Krüger & Söhne – Stand: 28.11.2026 😀",
	} {
		got := string(cssString(in))
		inner := got[1 : len(got)-1]
		if got[0] != '"' || got[len(got)-1] != '"' || strings.ContainsAny(inner, "\"<>&\n\r\u2028\u202E\x00") {
			t.Errorf("cssString(%q) = %s: not a closed, safe CSS string", in, got)
		}
	}
	if got := string(cssString("Krüger – Stand: 28.11.2026")); got != `"Krüger – Stand: 28.11.2026"` {
		t.Errorf("plain text changed: %s", got)
	}
}

// TestHTMLLandscapeUsesPageWidth: the body's screen width limit (180 mm)
// squeezed the landscape register into the left two thirds of the page.
func TestHTMLLandscapeUsesPageWidth(t *testing.T) {
	out, err := WriteHTML(sampleDoc(t, model.De))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`@media print \{ body \{ max-width: none`).Match(out) {
		t.Error("printed body keeps its screen max-width; landscape pages are not filled")
	}
}
