package line

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// The line-mode interview shows the plausibility rules' findings: one line
// each after the step they concern, and all of them at the end.
func TestLineFindings(t *testing.T) {
	c := lineStandardCatalog(t)
	res := runLineTest(t, c, nil, "", lineFixture(t, "standard-full.in"), model.De)
	if res.err != nil {
		t.Fatal(res.err)
	}
	lineNoEscape(t, res.out)
	end := strings.Index(res.out, "Die Plausibilitätsprüfung meldet")
	if end < 0 {
		t.Fatalf("no findings at the end:\n%s", res.out[max(0, len(res.out)-3000):])
	}
	// The end list numbers them among what is still open.
	var atEnd []string
	entry := regexp.MustCompile(`^  \d+\) ((Widerspruch|Hinweis): .*)$`)
	for _, l := range strings.Split(res.out[end:], "\n")[1:] {
		if m := entry.FindStringSubmatch(l); m != nil {
			atEnd = append(atEnd, "  ! "+m[1])
		}
	}
	if len(atEnd) == 0 {
		t.Fatal("the end names no finding")
	}
	// Each finding was shown at its step before, too.
	for _, l := range atEnd {
		if i := strings.Index(res.out, l+"\n"); i < 0 || i >= end {
			t.Errorf("not shown at its step: %q", l)
		}
		if !strings.HasPrefix(l, "  ! Widerspruch: ") && !strings.HasPrefix(l, "  ! Hinweis: ") {
			t.Errorf("line %q", l)
		}
	}
	t.Logf("%d findings, e.g. %s", len(atEnd), atEnd[0])
}
