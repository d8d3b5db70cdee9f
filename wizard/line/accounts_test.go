package line

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// runLineAccounts runs line mode on f, starting at the people step, with the
// scan of testdata/scan/debian-good offered first; the scan fills the
// accounts the people list offers, as tom interview does. withAccounts
// false leaves Options.Accounts unset.
func runLineAccounts(t *testing.T, c *model.Catalog, f *model.File, input string, l model.Lang, withAccounts bool) (string, string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tom.json")
	f.Progress = model.Progress{Step: "people"}
	var accts []scanning.ServerAccount
	scanFn := fixtureScan(c, "../../testdata/scan/debian-good", l)
	o := Options{Catalog: c, File: f, Path: path, Lang: l, In: strings.NewReader(input), Out: &strings.Builder{},
		Today: scanToday, OfferScan: true,
		Scan: func(f *model.File) (model.ScanSummary, error) {
			accts = fixtureAccounts(t)
			return scanFn(f)
		}}
	if withAccounts {
		o.Accounts = func() []scanning.ServerAccount { return accts }
	}
	err := Run(o)
	out := o.Out.(*strings.Builder).String()
	lineNoEscape(t, out)
	return out, path, err
}

// peopleAlice is a file whose people list already holds "Alice".
func peopleAlice(c *model.Catalog, l model.Lang) *model.File {
	f := model.NewFile(c, l)
	f.Set("people", model.Records(model.Record{"id": model.String("r1"), "name": model.String("Alice")}))
	return f
}

// TestLineAccountsTaken: after a scan of debian-good in this run, the people
// question offers the one account not listed yet (bob; Alice is there in
// other case), j adds it with admin and the login note, numbered on, saved,
// and the normal records menu follows.
func TestLineAccountsTaken(t *testing.T) {
	c := realCatalog(t)
	out, path, err := runLineAccounts(t, c, peopleAlice(c, model.De), "j\nj\n\n", model.De, true)
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("Run: %v\n%s", err, out)
	}
	lineWantAll(t, out,
		"Vom Server erhobene Konten übernehmen (bob)? (j/n, Enter = ja) j\n",
		"1 Konto vom Server übernommen – mit b N lassen sich Name und Funktion ergänzen.",
		"Person: 2 Einträge",
		"  1) Alice\n",
		"  2) bob · ",
		"a = neu anlegen",
	)
	if strings.Index(out, "1 Konto vom Server") > strings.Index(out, "a = neu anlegen") {
		t.Errorf("the records menu came before the offer:\n%s", out)
	}
	eq(t, "people", savedJSON(t, path)["answers"].(map[string]any)["people"], []any{
		map[string]any{"id": "r1", "name": "Alice"},
		map[string]any{"id": "r2", "name": "bob", "admin": true, "notes": "Vom Server erhoben: Anmeldung per SSH-Schlüssel"},
	})
}

// TestLineAccountsDeclined: n adds nothing, says so, and goes on to the menu.
func TestLineAccountsDeclined(t *testing.T) {
	c := realCatalog(t)
	f := peopleAlice(c, model.De)
	out, _, err := runLineAccounts(t, c, f, "j\nn\n\n", model.De, true)
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("Run: %v\n%s", err, out)
	}
	lineWantAll(t, out, "(bob)? (j/n, Enter = ja) n\n", "Keine Konten vom Server übernommen.", "Person: 1 Eintrag")
	if recs := f.Get("people").Records(); len(recs) != 1 || recs[0]["name"].Str() != "Alice" {
		t.Errorf("declining changed the list: %v", f.Get("people").Any())
	}
}

// TestLineAccountsNoQuestion: no question without accounts (no Accounts
// function, or no scan run yet) and none when every account is listed
// already, whatever the case of the names.
func TestLineAccountsNoQuestion(t *testing.T) {
	c := realCatalog(t)
	for name, tc := range map[string]struct {
		f          *model.File
		input      string
		withAccts  bool
		wantPeople int
	}{
		"no accounts function": {peopleAlice(c, model.De), "j\n\n", false, 1},
		"no scan in this run":  {peopleAlice(c, model.De), "n\n\n", true, 1},
		"all listed": {func() *model.File {
			f := model.NewFile(c, model.De)
			f.Set("people", model.Records(
				model.Record{"id": model.String("r1"), "name": model.String("ALICE")},
				model.Record{"id": model.String("r2"), "name": model.String(" Bob ")}))
			return f
		}(), "j\n\n", true, 2},
	} {
		out, _, err := runLineAccounts(t, c, tc.f, tc.input, model.De, tc.withAccts)
		if !errors.Is(err, ErrIncomplete) {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		if strings.Contains(out, "Konten") || strings.Contains(out, "Konto") {
			t.Errorf("%s: accounts offered:\n%s", name, out)
		}
		if !strings.Contains(out, "a = neu anlegen") {
			t.Errorf("%s: no records menu:\n%s", name, out)
		}
		if n := len(tc.f.Get("people").Records()); n != tc.wantPeople {
			t.Errorf("%s: %d entries, want %d", name, n, tc.wantPeople)
		}
	}
}

// TestLineAccountsEnglish: on an empty list both accounts are offered and
// taken with Enter, alice with password and key.
func TestLineAccountsEnglish(t *testing.T) {
	c := realCatalog(t)
	f := model.NewFile(c, model.En)
	out, _, err := runLineAccounts(t, c, f, "y\n\n\n", model.En, true)
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("Run: %v\n%s", err, out)
	}
	lineWantAll(t, out,
		"Take over the accounts detected on the server (alice, bob)? (y/n, Enter = yes)",
		"2 accounts taken from the server – e N completes name and role.",
		"Person: 2 entries",
		"a = add",
	)
	recs := f.Get("people").Records()
	if len(recs) != 2 || recs[0].ID() != "r1" || recs[0]["name"].Str() != "alice" || !recs[0]["admin"].Equal(model.Bool(true)) ||
		recs[0]["notes"].Str() != "Detected on the server: login by password and SSH key" ||
		recs[1]["notes"].Str() != "Detected on the server: login by SSH key" {
		t.Errorf("people = %v", f.Get("people").Any())
	}
}

// TestLineAccountsOncePerRun: after an answer the offer is not made again
// in the same run when the people question comes round once more, and the
// help at the offer explains it.
func TestLineAccountsOncePerRun(t *testing.T) {
	c := realCatalog(t)
	f := peopleAlice(c, model.De)
	accts := fixtureAccounts(t)
	var out strings.Builder
	r := newLineRunner(Options{Catalog: c, File: f, Lang: model.De, In: strings.NewReader("?\nn\n\n\n"), Out: &out,
		Accounts: func() []scanning.ServerAccount { return accts }})
	q := c.Question("people")
	for i := range 2 {
		if err := r.records(q); err != nil {
			t.Fatalf("pass %d: %v\n%s", i+1, err, out.String())
		}
	}
	if err := r.records(q); !errors.Is(err, io.EOF) {
		t.Fatalf("third pass: %v", err)
	}
	_, after, ok := strings.Cut(out.String(), "Keine Konten vom Server übernommen.")
	if !ok || strings.Contains(after, "übernehmen (") || strings.Count(after, "Personen mit Zugriff") != 2 {
		t.Errorf("offered again after the answer:\n%s", out.String())
	}
	lineWantAll(t, out.String(), "als Administrator gekennzeichnet, wenn es sudo verwenden darf")
	if len(f.Get("people").Records()) != 1 {
		t.Errorf("people = %v", f.Get("people").Any())
	}
}
