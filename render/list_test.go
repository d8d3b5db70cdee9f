package render

import (
	"strings"
	"testing"
)

// A report: a title (level 0), a key/value block without a title, and a
// nested list with marks, in every format.
func TestReportBlocks(t *testing.T) {
	d := &Document{Blocks: []Block{
		&Heading{Level: 0, Text: "Bericht"},
		&KeyValue{Rows: []KV{{"Organisation", "Muster GmbH"}, {"Stand", "01.02.2026"}}},
		&List{Items: []ListItem{{Text: "eins"}, {Text: "unter eins", Level: 1}, {Text: "zwei", Mark: "T"}}},
	}}
	txt := string(WriteText(d))
	wantTxt := "=======\nBericht\n=======\n\nOrganisation:  Muster GmbH\nStand:         01.02.2026\n\n  - eins\n    - unter eins\n  [T] zwei\n"
	if txt != wantTxt {
		t.Errorf("text:\n%s\nwant:\n%s", txt, wantTxt)
	}
	md := string(WriteMarkdown(d))
	wantMD := "# Bericht\n\n- **Organisation:** Muster GmbH\n- **Stand:** 01.02.2026\n\n- eins\n  - unter eins\n- **T** zwei\n"
	if md != wantMD {
		t.Errorf("markdown:\n%s\nwant:\n%s", md, wantMD)
	}
	for _, f := range []string{"html", "pdf", "docx"} {
		if _, err := Write(d, f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	h, _ := WriteHTML(d)
	if !strings.Contains(string(h), `<li class="l1">unter eins</li>`) {
		t.Errorf("html list:\n%s", h)
	}
}
