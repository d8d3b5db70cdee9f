package render

import (
	"bytes"
	"testing"

	"github.com/tom-dsgvo/tom/model"
)

// TestHTMLAsOneTemplate: WriteHTML, which writes most blocks itself and
// runs html/template for the head, cover, contents, chart, signature and
// foot, gives byte for byte what the single template did (writeHTMLRef):
// the sample in both languages and as the annex, branded, with hostile text
// in every field, with 60 providers (a landscape register), and a document
// of every block kind with hostile texts and a page layout left open.
func TestHTMLAsOneTemplate(t *testing.T) {
	docs := map[string]*Document{}
	c, f := loadSample(t)
	for _, l := range []model.Lang{model.De, model.En} {
		docs["sample "+string(l)] = Build(c, f, l)
		docs["annex "+string(l)] = BuildProfile(c, f, l, nil, ProfileAnnex)
	}
	docs["branded"] = brandedSample(t)
	hc, hf, all := hostileFile(t)
	docs["hostile"] = Build(hc, hf, model.De)
	pc, pf := manyProviders(t, 60)
	docs["60 providers"] = Build(pc, pf, model.De)
	var blocks []Block
	for i, s := range all {
		blocks = append(blocks,
			&Heading{Level: 1 + i%3, Number: s, Text: s, ID: s},
			&Paragraph{Style: s, Runs: []Run{{Text: s, Bold: true}, {Text: s, Italic: true}, {Text: s}}},
			&Checklist{Items: []CheckItem{{Mark: MarkOpen, Text: s, Tag: s, Detail: s}, {Mark: MarkNA, Text: s}}},
			&List{Items: []ListItem{{Text: s, Level: i % 3, Mark: s}, {Text: s}}},
			&Table{Header: []string{s, "b"}, Rows: [][]string{{s, s}, {"", s}}},
			&KeyValue{Title: s, Rows: []KV{{s, s}, {"k", ""}}},
			&Records{Fields: []string{s}, Empty: s},
			&Records{Fields: []string{s, "b", "c", "d", "e", "f"}, Rows: [][]string{{s, s, "", s, "x", s}}, Columns: []Column{{Fields: []int{0, 1}, Width: 0.5}, {Fields: []int{2, 3, 4, 5}, Width: 0.4}}, Quiet: make([]bool, 6), Dash: "–", Nr: s},
			&PageBreak{},
			&PageLayout{Landscape: i%2 == 0},
		)
	}
	blocks = append(blocks, &Signature{Intro: all[0], Place: KV{all[1], all[2]}, Name: KV{all[3], ""}}, &PageLayout{Landscape: true})
	docs["every block"] = &Document{Lang: model.De, Title: all[0], Org: all[1], Blocks: blocks}
	for name, d := range docs {
		want, err := writeHTMLRef(d)
		if err != nil {
			t.Fatalf("%s: reference: %v", name, err)
		}
		got, err := WriteHTML(d)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: differs at byte %d:\ngot  %q\nwant %q", name, i, got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
		}
	}
}
