package wizard

import (
	"strings"
	"testing"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// TestPeopleFromServerAccounts: on the people list, with the accounts of a
// scan of debian-good at hand, the key s adds every account not yet listed
// (alice, with password and key, and bob, key only; both with sudo), keeps
// an entry already there, numbers them on, and offers nothing more after.
func TestPeopleFromServerAccounts(t *testing.T) {
	for _, tc := range []struct {
		lang                  model.Lang
		offer, added, aliceNt string
	}{
		{model.De, "s: 1 Konto vom Server übernehmen", "1 Konto vom Server übernommen",
			"Vom Server erhoben: Anmeldung per Passwort und SSH-Schlüssel"},
		{model.En, "s: take 1 account from the server", "1 account taken from the server",
			"Detected on the server: login by password and SSH key"},
	} {
		c := realCatalog(t)
		f := model.NewFile(c, tc.lang)
		f.Set("people", model.Records(model.Record{"id": model.String("r1"), "name": model.String("Alice")}))
		f.Progress = model.Progress{Step: "people", Question: "people"}
		accts := fixtureAccounts(t)
		d := newDriver(t, c, f, tc.lang)
		d.m.o.Accounts = func() []scanning.ServerAccount { return accts }
		d.m.enterSection(c.Section("people"), +1) // rebuild the list with the accounts
		d.expect("1. Alice", tc.offer)
		d.press("s").expect(tc.added, "2. bob")
		eq(t, "people", d.answer("people"), []any{
			map[string]any{"id": "r1", "name": "Alice"},
			map[string]any{"id": "r2", "name": "bob", "admin": true, "notes": map[model.Lang]string{
				model.De: "Vom Server erhoben: Anmeldung per SSH-Schlüssel",
				model.En: "Detected on the server: login by SSH key"}[tc.lang]},
		})
		d.press("s") // nothing left to take over
		if n := len(d.answer("people").([]any)); n != 2 {
			t.Fatalf("a second s added entries: %d", n)
		}
		// The new entry opens for editing like any other.
		d.press("enter").expect("bob")

		// A fresh list takes both, alice with password and key.
		recs, n := scanning.AddAccounts(c.Question("people"), nil, accts, model.NewIDs(model.NewFile(c, tc.lang)).Record, tc.lang)
		if n != 2 || recs[0]["notes"].Str() != tc.aliceNt || recs[0].ID() != "r1" || recs[1].ID() != "r2" {
			t.Errorf("fresh list: %d %+v", n, recs)
		}
	}
}

// TestPeopleNoAccountsNoOffer: without a scan in this session the people
// list shows no offer and s does nothing.
func TestPeopleNoAccountsNoOffer(t *testing.T) {
	c := realCatalog(t)
	f := model.NewFile(c, model.De)
	f.Progress = model.Progress{Step: "people"}
	d := newDriver(t, c, f, model.De)
	d.expect("Personen mit Zugriff", "Noch keine Einträge").press("s")
	if v := d.m.f.Get("people"); !v.Empty() {
		t.Fatalf("s without accounts changed the list: %v", v.Any())
	}
	if s := d.screen(); strings.Contains(s, "vom Server") {
		t.Fatalf("offer shown without accounts:\n%s", s)
	}
}
