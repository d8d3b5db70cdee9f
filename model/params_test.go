package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func intp(n int) *int { return &n }

// minutesParam is a typical integer parameter.
func minutesParam() *Param {
	return &Param{ID: "minutes", Kind: KindInteger, Label: Text{"Inaktivität bis zur Sperre", "Inactivity before the lock"},
		Unit: Text{"Minuten", "minutes"}, UnitOne: Text{"Minute", "minute"}, Min: intp(1), Max: intp(60)}
}

// testParams are the four parameters of a test of effectiveness.
func testParams() []*Param {
	return []*Param{
		{ID: "last_done", Kind: KindDate, Role: RoleTestDate, Label: Text{"Zuletzt", "Last"}},
		{ID: "interval", Kind: KindInteger, Role: RoleTestInterval, Label: Text{"Turnus", "Interval"}, Unit: Text{"Monate", "months"}, Min: intp(1)},
		{ID: "by", Kind: KindText, Role: RoleTestBy, Label: Text{"Durch", "By"}},
		{ID: "result", Kind: KindText, Role: RoleTestResult, Label: Text{"Ergebnis", "Result"}},
	}
}

// paramCatalog is the small catalogue with a screen-lock parameter on
// access_system.policy and a test on access_system.passwords.
func paramCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := ParseCatalog("params.json", mutatedCatalog(t, func(c *Catalog) {
		measure(c, "access_system.policy").Params = []*Param{minutesParam()}
		measure(c, "access_system.passwords").Params = testParams()
	}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCatalogParamProblems(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params func() []*Param
		want   string
	}{
		{"bad id", func() []*Param { p := minutesParam(); p.ID = "Minutes"; return []*Param{p} },
			`/sections/2/measures/1/params/0/id: parameter ID "Minutes" is not valid`},
		{"reserved id", func() []*Param { p := minutesParam(); p.ID = "note"; return []*Param{p} },
			`/sections/2/measures/1/params/0/id: parameter ID "note" is reserved (not possible: status, due, reason, accepted_by, note)`},
		{"twice", func() []*Param { return []*Param{minutesParam(), minutesParam()} },
			`/sections/2/measures/1/params/1/id: ID "minutes" is already taken`},
		{"unknown kind", func() []*Param {
			p := minutesParam()
			p.Kind = "number"
			p.Unit, p.UnitOne, p.Min, p.Max = Text{}, Text{}, nil, nil
			return []*Param{p}
		},
			`/sections/2/measures/1/params/0/kind: kind "number" is not valid for a parameter (integer, choice, text, date)`},
		{"label missing", func() []*Param { p := minutesParam(); p.Label.En = ""; return []*Param{p} },
			`/sections/2/measures/1/params/0/label: English text missing`},
		{"min above max", func() []*Param { p := minutesParam(); p.Min = intp(90); return []*Param{p} },
			`/sections/2/measures/1/params/0/max: min 90 is greater than max 60`},
		{"unit on a text", func() []*Param {
			return []*Param{{ID: "tool", Kind: KindText, Label: Text{"W", "T"}, Unit: Text{"x", "x"}}}
		}, `/sections/2/measures/1/params/0/unit: "unit" is for integers only`},
		{"choice without options", func() []*Param { return []*Param{{ID: "freq", Kind: KindChoice, Label: Text{"H", "F"}}} },
			`/sections/2/measures/1/params/0: options missing`},
		{"unknown role", func() []*Param { p := minutesParam(); p.Role = "test_minutes"; return []*Param{p} },
			`/sections/2/measures/1/params/0/role: unknown parameter role "test_minutes" (known: test_by, test_date, test_interval, test_result)`},
		{"role on the wrong kind", func() []*Param { p := minutesParam(); p.Role = RoleTestDate; return []*Param{p} },
			`/sections/2/measures/1/params/0/role: role test_date needs kind date, not integer`},
		{"test role without a date", func() []*Param { return testParams()[1:] },
			`/sections/2/measures/1/params: test roles need a parameter with the role test_date`},
		{"role twice", func() []*Param {
			ps := testParams()
			ps[3].Role = RoleTestBy
			return ps
		}, `/sections/2/measures/1/params/3/role: role test_by is already given to "by"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCatalog("broken.json", mutatedCatalog(t, func(c *Catalog) { measure(c, "access_system.policy").Params = tc.params() }))
			if err == nil {
				t.Fatal("accepted")
			}
			for _, line := range strings.Split(ErrorIn(err, En), "\n") {
				if strings.HasPrefix(rolePos.ReplaceAllString(line, "broken.json: "), "broken.json: "+tc.want) {
					return
				}
			}
			t.Errorf("problems:\n%v\nwant a line starting\nbroken.json: %s", ErrorIn(err, En), tc.want)
		})
	}
}

// A parameter problem in the shipped catalogue names its line and column,
// in German and in English.
func TestCatalogParamProblemHasPosition(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "questionnaires", "tom-standard.json"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	old := `"kind": "integer"`
	i := strings.Index(src, old)
	if i < 0 {
		t.Fatal("the shipped catalogue has no integer parameter")
	}
	line := 1 + strings.Count(src[:i], "\n")
	col := i - strings.LastIndex(src[:i], "\n") + len(`"kind": `)
	_, err = ParseCatalog("cat.json", []byte(strings.Replace(src, old, `"kind": "number"`, 1)))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("%T %v", err, err)
	}
	at := fmt.Sprintf("cat.json:%d:%d: ", line, col)
	if got := le.Format(De); !strings.HasPrefix(got, at) || !strings.Contains(got, `/params/0/kind: Art "number" ungültig für einen Parameter (integer, choice, text, date)`) {
		t.Errorf("German:\n%s\nwant %s…", got, at)
	}
	if got := le.Format(En); !strings.HasPrefix(got, at) || !strings.Contains(got, `kind "number" is not valid for a parameter`) {
		t.Errorf("English:\n%s\nwant %s…", got, at)
	}
}

func TestCheckParam(t *testing.T) {
	p := minutesParam()
	for _, tc := range []struct{ in, out, key string }{
		{" 10 ", "10", ""},
		{"+5", "5", ""},
		{"", "", ""},
		{"0", "", "param_range"},
		{"61", "", "param_range"},
		{"zehn", "", "param_not_integer"},
		{"1.5", "", "param_not_integer"},
		{"-0", "", "param_not_integer"},
	} {
		out, key, _ := CheckParam(p, tc.in)
		if key != tc.key || (key == "" && out != tc.out) {
			t.Errorf("CheckParam(%q) = %q, %q; want %q, %q", tc.in, out, key, tc.out, tc.key)
		}
	}
	_, key, args := CheckParam(p, "61")
	if got := Msg.Get(De, key, args...); got != "61 liegt außerhalb des Bereichs 1–60" {
		t.Errorf("German range message %q", got)
	}
	d := &Param{ID: "d", Kind: KindDate}
	if out, key, _ := CheckParam(d, "1.2.2026"); out != "2026-02-01" || key != "" {
		t.Errorf("date %q %q", out, key)
	}
	ch := &Param{ID: "f", Kind: KindChoice, Options: []*Option{{ID: "daily"}, {ID: "weekly"}}}
	if _, key, args := CheckParam(ch, "hourly"); key != "param_option" || Msg.Get(En, key, args...) != `unknown choice "hourly" (possible: daily, weekly)` {
		t.Errorf("choice %q %v", key, args)
	}
	tx := &Param{ID: "t", Kind: KindText}
	if _, key, _ := CheckParam(tx, "a\x1bb"); key == "" {
		t.Error("a control character in a text accepted")
	}
}

func TestParamText(t *testing.T) {
	p := minutesParam()
	for _, tc := range []struct {
		v    string
		l    Lang
		want string
	}{{"10", De, "10 Minuten"}, {"1", De, "1 Minute"}, {"1", En, "1 minute"}, {"", De, ""}} {
		if got := ParamText(p, tc.v, tc.l); got != tc.want {
			t.Errorf("ParamText(%q, %s) = %q, want %q", tc.v, tc.l, got, tc.want)
		}
	}
	if got := ParamRange(p, De); got != "1–60 Minuten" {
		t.Errorf("ParamRange %q", got)
	}
}

// Stored values are checked against the declared kind and range, at their
// place; a value missing is no error.
func TestValidateParams(t *testing.T) {
	c := paramCatalog(t)
	f := NewFile(c, De)
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented, Params: map[string]string{"minutes": "600", "colour": "blue"}}
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented, Params: map[string]string{"last_done": "1.2.2026", "interval": "x"}}
	got := map[string]string{}
	for _, p := range Validate(c, f) {
		got[p.Pointer] = p.Message(En)
	}
	want := map[string]string{
		"/measures/access_system.policy/params/minutes":      "600 is outside the range 1–60",
		"/measures/access_system.policy/params/colour":       `unknown parameter "colour" of measure access_system.policy`,
		"/measures/access_system.passwords/params/last_done": "not in the stored form (YYYY-MM-DD)",
		"/measures/access_system.passwords/params/interval":  "not a whole number",
	}
	for p, msg := range want {
		if got[p] != msg {
			t.Errorf("%s: got %q, want %q", p, got[p], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems %v", got)
	}
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented}
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented, Params: map[string]string{"last_done": "2026-02-01", "interval": "6"}}
	if ps := Validate(c, f); len(ps) != 0 {
		t.Errorf("valid parameters refused: %v", ps)
	}
}

// Parameters are read from the file as strings, a whole number also as a
// JSON number; they survive a save and a load.
func TestParamsLoadAndSave(t *testing.T) {
	c := paramCatalog(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "tom.json")
	src := `{"schema": 1, "catalog": {"id": "` + c.ID + `", "version": "` + c.Version + `"}, "answers": {},
 "measures": {"access_system.policy": {"status": "implemented", "params": {"minutes": 10}}}}`
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	f, _, err := Load(path, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Measures["access_system.policy"].Params["minutes"]; got != "10" {
		t.Fatalf("minutes = %q", got)
	}
	if err := Save(path, f); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"params": {`) || !strings.Contains(string(data), `"minutes": "10"`) {
		t.Errorf("saved:\n%s", data)
	}
	bad := strings.Replace(src, `"minutes": 10`, `"minutes": 99`, 1)
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err = Load(path, c)
	if err == nil || !strings.Contains(ErrorIn(err, De), "/measures/access_system.policy/params/minutes: 99 liegt außerhalb des Bereichs 1–60") ||
		!strings.Contains(ErrorIn(err, De), "tom.json:2:") {
		t.Errorf("out of range accepted or placed wrong: %v", err)
	}
}

// An implemented measure with a parameter left empty is an open item; a
// planned one is not; a test never done is a due item instead.
func TestOpenItemsParams(t *testing.T) {
	c := paramCatalog(t)
	f := NewFile(c, De)
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented}
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented}
	kinds := func() map[string]string {
		out := map[string]string{}
		for _, it := range (View{C: c, F: f}).OpenItems() {
			if it.Kind == OpenParams {
				var ids []string
				for _, p := range it.Params {
					ids = append(ids, p.ID)
				}
				out[it.ID] = strings.Join(ids, ",")
			}
		}
		return out
	}
	if got := kinds(); len(got) != 1 || got["access_system.policy"] != "minutes" {
		t.Errorf("open parameters %v, want only the policy's minutes", got)
	}
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented, Params: map[string]string{"last_done": "2026-01-10"}}
	if got := kinds(); got["access_system.passwords"] != "by,result" {
		t.Errorf("a test done lacks %q, want by,result (an interval is never missing)", got["access_system.passwords"])
	}
	f.Measures["access_system.policy"] = MeasureAnswer{Status: StatusPlanned, Due: "2027-01-01"}
	if got := kinds(); got["access_system.policy"] != "" {
		t.Errorf("a planned measure's parameters are open: %v", got)
	}
}

// A test is due when never done, or once its interval has passed since it
// was last done; tom status counts it like the other due items.
func TestDueTests(t *testing.T) {
	c := paramCatalog(t)
	f := NewFile(c, De)
	set := func(p map[string]string) {
		f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented, Params: p}
	}
	tests := func(today string) []DueItem {
		var out []DueItem
		for _, d := range Due(c, f, today) {
			if d.Kind == DueTest {
				out = append(out, d)
			}
		}
		return out
	}
	set(nil)
	if ds := tests("2026-12-01"); len(ds) != 1 || !ds[0].Overdue || ds[0].Date != "" || ds[0].Months != 12 {
		t.Fatalf("never done: %+v", ds)
	} else if got := DescribeDue(ds[0], De); !strings.Contains(got, "noch nie durchgeführt") {
		t.Errorf("German %q", got)
	}
	set(map[string]string{"last_done": "2026-06-01", "interval": "3"})
	if ds := tests("2026-08-01"); len(ds) != 0 {
		t.Errorf("due a month before its date: %+v", ds)
	}
	if ds := tests("2026-08-15"); len(ds) != 1 || ds[0].Overdue || ds[0].DueOn != "2026-09-01" {
		t.Errorf("soon: %+v", ds)
	}
	ds := tests("2026-09-02")
	if len(ds) != 1 || !ds[0].Overdue {
		t.Fatalf("overdue: %+v", ds)
	}
	if got := DescribeDue(ds[0], En); got != `Access control: test “Password rules” – last done on 1 June 2026, due since 1 September 2026 (every 3 months)` &&
		!strings.Contains(got, "last done on 1 June 2026, due since 1 September 2026 (every 3 months)") {
		t.Errorf("English %q", got)
	}
	set(map[string]string{"last_done": "2025-06-01"}) // no interval: the review interval
	f.Review.IntervalMonths = 6
	if ds := tests("2025-12-02"); len(ds) != 1 || ds[0].Months != 6 || !ds[0].Overdue {
		t.Errorf("review interval: %+v", ds)
	}
	f.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusPlanned, Due: "2030-01-01"}
	if ds := tests("2026-12-01"); len(ds) != 0 {
		t.Errorf("a planned test is due as a test: %+v", ds)
	}
	// The review settles it: done now sets the test date to today.
	set(nil)
	rs := StartReview(c, f, nil)
	if err := rs.SettleDue(tests("2026-12-01")[0], DueDoneNow, "", "", "2026-12-01"); err != nil {
		t.Fatal(err)
	}
	if got := f.Measures["access_system.passwords"].Params["last_done"]; got != "2026-12-01" {
		t.Errorf("after the review the test date is %q", got)
	}
	if ds := tests("2026-12-01"); len(ds) != 0 {
		t.Errorf("still due after the review: %+v", ds)
	}
}

// One rule for the follow-up questions of a measure answer: the
// parameters only when implemented, after the parts of the statuses; a new
// status drops them; an unchanged measure is asked only what is missing.
func TestFollowUpsParams(t *testing.T) {
	c := paramCatalog(t)
	m := c.Measure("access_system.policy")
	parts := func(fus []FollowUp) string {
		var out []string
		for _, fu := range fus {
			out = append(out, fu.Part)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ status, want string }{
		{StatusImplemented, "params/minutes"},
		{StatusPlanned, "due"},
		{StatusDeclined, "reason accepted_by"},
		{StatusUnclear, ""},
	} {
		if got := parts(FollowUps(m, MeasureAnswer{Status: tc.status})); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.status, got, tc.want)
		}
	}
	if got := parts(FollowUpParts(m)); got != "due reason accepted_by params/minutes" {
		t.Errorf("FollowUpParts %q", got)
	}
	a := MeasureAnswer{Status: StatusImplemented, Note: "n"}
	a.SetPart(ParamPart("minutes"), "10")
	if a.Part(ParamPart("minutes")) != "10" {
		t.Fatalf("%+v", a)
	}
	if got := parts(AskFollowUps(m, a, false)); got != "" {
		t.Errorf("an unchanged measure with its parameter is asked %q", got)
	}
	if got := parts(AskFollowUps(m, a, true)); got != "params/minutes" {
		t.Errorf("a changed measure is asked %q", got)
	}
	if b := a.WithStatus(StatusImplemented); b.Params["minutes"] != "10" {
		t.Errorf("implemented again loses its parameter: %+v", b)
	}
	if b := a.WithStatus(StatusPlanned); b.Params != nil || b.Note != "n" {
		t.Errorf("planned keeps %+v", b)
	}
	// A test's interval is never missing, so never asked again.
	tm := c.Measure("access_system.passwords")
	done := MeasureAnswer{Status: StatusImplemented, Params: map[string]string{"last_done": "2026-01-10", "by": "A", "result": "ok"}}
	if got := parts(AskFollowUps(tm, done, false)); got != "" {
		t.Errorf("the empty interval is asked again: %q", got)
	}
	if title := FollowUpTitle(FollowUps(m, a)[0], De); title != "Inaktivität bis zur Sperre (1–60 Minuten)" {
		t.Errorf("title %q", title)
	}
}

// tom init --from carries settings over to the next client, but not when a
// test was done, by whom or with what result.
func TestTemplateParams(t *testing.T) {
	c := paramCatalog(t)
	src := NewFile(c, De)
	src.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented, Params: map[string]string{"minutes": "10"}}
	src.Measures["access_system.passwords"] = MeasureAnswer{Status: StatusImplemented,
		Params: map[string]string{"last_done": "2026-01-10", "interval": "6", "by": "Eva", "result": "ok"}}
	f := Template(c, src, De)
	if got := f.Measures["access_system.policy"].Params; got["minutes"] != "10" {
		t.Errorf("setting lost: %v", got)
	}
	if got := f.Measures["access_system.passwords"].Params; len(got) != 1 || got["interval"] != "6" {
		t.Errorf("test facts carried over: %v", got)
	}
	if src.Measures["access_system.passwords"].Params["by"] != "Eva" {
		t.Error("Template changed the source file")
	}
}

// tom diff and the history word a changed parameter by its label and unit.
func TestDescribeParamChange(t *testing.T) {
	c := paramCatalog(t)
	old, nu := NewFile(c, De), NewFile(c, De)
	old.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented, Params: map[string]string{"minutes": "10"}}
	nu.Measures["access_system.policy"] = MeasureAnswer{Status: StatusImplemented, Params: map[string]string{"minutes": "1"}}
	var lines []string
	for _, sc := range DescribeChanges(c, Diff(old, nu), De) {
		lines = append(lines, sc.Lines...)
	}
	want := "„Schriftliche Passwortrichtlinie“: Inaktivität bis zur Sperre: „10 Minuten“ → „1 Minute“"
	if len(lines) != 1 || lines[0] != want {
		t.Errorf("got %q\nwant %q", lines, want)
	}
}
