package scanning

import (
	"strings"

	"github.com/tom-dsgvo/tom/model"
)

// ServerAccount is an account that can log in to the scanned server, as the
// scan found it: the basis of the "people with access" register. The caller
// fills it from its scan (the wizard has no scan code of its own).
type ServerAccount struct {
	Name     string
	Sudo     bool   // may act as root (sudo group or sudoers entry)
	Password string // "set", "locked", "empty", "expired" or "unknown"
	Keys     int    // SSH public keys in its authorized_keys files
}

// AccountsFunc returns the login accounts of the scan run in this session
// (nil while there is none).
type AccountsFunc func() []ServerAccount

// AccountMsg holds the strings of taking accounts over from the server.
var AccountMsg = model.Messages{
	"offer":     {De: "s: %d Konten vom Server übernehmen", En: "s: take %d accounts from the server"},
	"offer_one": {De: "s: %d Konto vom Server übernehmen", En: "s: take %d account from the server"},
	"added":     {De: "%d Konten vom Server übernommen – bitte Namen und Funktion ergänzen.", En: "%d accounts taken from the server – please complete names and roles."},
	"added_one": {De: "%d Konto vom Server übernommen – bitte Namen und Funktion ergänzen.", En: "%d account taken from the server – please complete name and role."},
	"note":      {De: "Vom Server erhoben: Anmeldung per %s", En: "Detected on the server: login by %s"},
	"note_none": {De: "Vom Server erhoben: Konto ohne Passwort und ohne SSH-Schlüssel", En: "Detected on the server: account without password and without SSH key"},
	"password":  {De: "Passwort", En: "password"},
	"key":       {De: "SSH-Schlüssel", En: "SSH key"},
	"and":       {De: " und ", En: " and "},
}

// takesAccounts reports whether the server's accounts are offered on records
// question q: the catalogue's people register, whose records have a name.
func TakesAccounts(q *model.Question) bool {
	return q.Role == model.RolePeopleRegister && q.FieldByRole(model.RoleRecordName) != nil
}

// newAccounts returns the accounts not yet in recs of q (by name, ignoring case).
func NewAccounts(q *model.Question, recs []model.Record, accts []ServerAccount) []ServerAccount {
	name := q.FieldByRole(model.RoleRecordName).ID
	have := map[string]bool{}
	for _, r := range recs {
		have[strings.ToLower(strings.TrimSpace(r[name].Str()))] = true
	}
	var out []ServerAccount
	for _, a := range accts {
		k := strings.ToLower(strings.TrimSpace(a.Name))
		if k == "" || have[k] {
			continue
		}
		have[k] = true
		out = append(out, a)
	}
	return out
}

// accountRecord is the entry of q for account a: its name, administrator when
// it has sudo, and a note in language l on how it logs in (each where the
// catalogue marks such a field).
func accountRecord(q *model.Question, id string, a ServerAccount, l model.Lang) model.Record {
	var how []string
	if a.Password == "set" || a.Password == "empty" {
		how = append(how, AccountMsg.Get(l, "password"))
	}
	if a.Keys > 0 {
		how = append(how, AccountMsg.Get(l, "key"))
	}
	note := AccountMsg.Get(l, "note_none")
	if len(how) > 0 {
		note = AccountMsg.Get(l, "note", strings.Join(how, AccountMsg.Get(l, "and")))
	}
	r := model.Record{"id": model.String(id), q.FieldByRole(model.RoleRecordName).ID: model.String(model.TerminalLine(a.Name))}
	if fd := q.FieldByRole(model.RoleRecordNotes); fd != nil {
		r[fd.ID] = model.String(note)
	}
	if fd := q.FieldByRole(model.RoleAdministrator); fd != nil && a.Sudo {
		r[fd.ID] = model.Bool(true)
	}
	return r
}

// addAccounts appends an entry of q for every account of accts not yet in
// recs, numbering them with newID, and returns the list and how many were added.
func AddAccounts(q *model.Question, recs []model.Record, accts []ServerAccount, newID func() string, l model.Lang) ([]model.Record, int) {
	add := NewAccounts(q, recs, accts)
	for _, a := range add {
		recs = append(recs, accountRecord(q, newID(), a, l))
	}
	return recs, len(add)
}
