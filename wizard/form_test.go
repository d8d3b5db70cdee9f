package wizard

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tom-dsgvo/tom/model"
)

// The kinds the shipped catalogue's records do not use yet: a textarea
// (new lines, paste) and a multiple choice (cursor, Space, numbers).
func TestRecordFormTextareaAndMulti(t *testing.T) {
	opt := func(id, de string) *model.Option { return &model.Option{ID: id, Label: model.Text{De: de, En: de}} }
	q := &model.Question{ID: "things", Kind: model.KindRecords, Fields: []*model.Field{
		{ID: "notes", Kind: model.KindTextarea, Label: model.Text{De: "Notizen", En: "Notes"}},
		{ID: "tags", Kind: model.KindMultiChoice, Label: model.Text{De: "Merkmale", En: "Tags"},
			Options: []*model.Option{opt("a", "Alpha"), opt("b", "Beta"), opt("c", "Gamma")}},
	}}
	f := newRecordForm(q, model.Record{"id": model.String("t1")}, "", model.De)
	send := func(keys ...string) {
		for _, k := range keys {
			f.key(keyMsg(k))
		}
	}
	send("a", "alt+enter", "b")
	f.paste("x\r\ny")
	if got := f.rec["notes"].Str(); got != "a\nbx\ny" {
		t.Fatalf("textarea = %q", got)
	}
	if v := f.view(60, 12); !containsAll(v, "> Notizen", "a", "bx") {
		t.Fatalf("textarea view:\n%s", v)
	}
	send("tab", "down", "space")
	eq(t, "after Space on Beta", f.rec["tags"].List(), []string{"b"})
	send("3")
	eq(t, "after 3", f.rec["tags"].List(), []string{"b", "c"})
	send("space") // the cursor is on Gamma now
	eq(t, "after Space on Gamma", f.rec["tags"].List(), []string{"b"})
	if v := f.view(60, 12); !containsAll(v, "> Merkmale", "1 [ ] Alpha", "2 [x] Beta", "3 [ ] Gamma") {
		t.Fatalf("multi view:\n%s", v)
	}
	if f.key(keyMsg("ctrl+s")) != formSaved {
		t.Fatal("not saved")
	}
	eq(t, "saved", f.saved(), model.Record{"id": model.String("t1"), "notes": model.String("a\nbx\ny"), "tags": model.List("b")})
}

// containsAll reports whether s, without escape codes, holds every one of want.
func containsAll(s string, want ...string) bool {
	s = ansi.Strip(s)
	for _, w := range want {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// Ctrl+C in the middle of a form keeps what was typed (the valid values):
// nothing typed is lost.
func TestRecordFormDraftKeptOnQuit(t *testing.T) {
	c := smallCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress.Step = "providers"
	d := newDriver(t, c, f, model.De)
	d.press("enter").typ("Halb GmbH").press("tab").typ("kein-at")
	d.press("ctrl+c")
	eq(t, "kept", d.answer("providers"), []any{map[string]any{"id": "r1", "name": "Halb GmbH"}})
}

// TestFormTextScrollsByHalves: typing a name longer than the field, the
// line scrolls sideways by half its width when the cursor reaches the edge,
// not by one cell per key: between those jumps a key changes at most two
// cells of the field (the letter and the cursor), so the terminal gets a few
// bytes instead of the line again.
func TestFormTextScrollsByHalves(t *testing.T) {
	c := smallCatalog(t)
	d := newDriver(t, c, eighteenProviders(c, model.De), model.De)
	d.press("n")
	if !d.m.formOpen() {
		t.Fatalf("no form:\n%s", d.screen())
	}
	field := func() []rune {
		lines := strings.Split(d.screen(), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "> Name") && i+1 < len(lines) {
				return []rune(strings.TrimRight(lines[i+1], " "))
			}
		}
		t.Fatalf("no name field:\n%s", d.screen())
		return nil
	}
	text := []rune(strings.Repeat("Bäckerei Müller-Lüdenscheidt GmbH & Co. KG, Gunzenhausen; ", 3))
	jumps := 0
	for i, r := range text {
		before := field()
		d.typ(string(r))
		after := field()
		changed := 0
		for j := range max(len(before), len(after)) {
			if j >= len(before) || j >= len(after) || before[j] != after[j] {
				changed++
			}
		}
		if changed > 2 {
			jumps++
		}
		if !strings.HasSuffix(string(after), strings.TrimRight(string(text[max(0, i-10):i+1]), " ")) {
			t.Fatalf("key %d: the field does not end with what was typed last:\n%s", i, string(after))
		}
	}
	// 177 letters in a field of about 76 cells: the first jump at the
	// edge, then one every 38 letters or so.
	if jumps > len(text)/30 {
		t.Fatalf("the field shifted on %d of %d keys", jumps, len(text))
	}
	if got := d.m.rec.form.inputs[0].(*textInput).text; string(got) != string(text) {
		t.Fatalf("field holds %q", string(got))
	}
}

// TestQuestionTextScrollsByHalves: a one-line text question (the business
// name) scrolls sideways by half its width as the record form's fields do,
// not one cell per key; Ctrl+W and Alt+B work on words as in huh's input;
// what is typed is the answer.
func TestQuestionTextScrollsByHalves(t *testing.T) {
	c := smallCatalog(t)
	d := newDriver(t, c, nil, model.De)
	d.expect("Name des Unternehmens")
	field := func() []rune {
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.HasPrefix(l, "┃ > ") {
				return []rune(strings.TrimRight(l, " "))
			}
		}
		t.Fatalf("no text field:\n%s", d.screen())
		return nil
	}
	text := []rune(strings.Repeat("Bäckerei Müller-Lüdenscheidt GmbH & Co. KG, Gunzenhausen; ", 3))
	jumps := 0
	for _, r := range text {
		before := field()
		d.typ(string(r))
		after := field()
		changed := 0
		for j := range max(len(before), len(after)) {
			if j >= len(before) || j >= len(after) || before[j] != after[j] {
				changed++
			}
		}
		if changed > 2 {
			jumps++
		}
	}
	if jumps > len(text)/30 {
		t.Fatalf("the field shifted on %d of %d keys", jumps, len(text))
	}
	d.press("ctrl+w", "ctrl+w").typ("Ende")
	d.press("alt+b").typ("x ")
	d.press("enter")
	want := strings.TrimSuffix(string(text), "KG, Gunzenhausen; ") + "x Ende"
	if got := d.m.f.Get("org.name").Str(); got != want {
		t.Fatalf("org.name = %q, want %q", got, want)
	}
}
