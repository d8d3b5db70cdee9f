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

// No format carries a raw control character from a catalogue or answers
// text: ESC, BEL, backspace and C1 CSI are dropped.
func TestWritersDropControls(t *testing.T) {
	bad := "Titel\x1b]52;c;ZXZpbA==\x07 \x1b[2J\x08\u009b1m"
	d := &Document{Title: bad, Org: bad, Blocks: []Block{
		&Heading{Level: 1, Text: bad, ID: "h"},
		&Paragraph{Runs: []Run{{Text: bad}}},
		&List{Items: []ListItem{{Text: bad}}},
		&Table{Header: []string{bad}, Rows: [][]string{{bad}}},
		&KeyValue{Title: bad, Rows: []KV{{bad, bad}}},
		&Checklist{Items: []CheckItem{{Text: bad, Tag: bad, Detail: bad}}},
	}}
	for _, f := range []string{"md", "txt", "html"} {
		out, err := Write(d, f)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range string(out) {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Errorf("%s: raw %U at %d", f, r, i)
				break
			}
		}
	}
}
