package line

import (
	"strings"

	"github.com/tom-dsgvo/tom/model"
	"github.com/tom-dsgvo/tom/wizard/scanning"
)

// offerAccounts asks once per run, on the people records question, whether
// to take over the server's login accounts found by a scan of this session
// (Options.Accounts) that are not listed yet. On yes it adds one entry
// each, as the full-screen list does, and saves. Commands and the end of
// input at the question are returned like at any other prompt.
func (r *lineRunner) offerAccounts(q *model.Question) error {
	if !scanning.TakesAccounts(q) || r.o.Accounts == nil || r.accountsAsked {
		return nil
	}
	l := r.o.Lang
	accts := r.o.Accounts()
	recs := r.o.File.Get(q.ID).Records()
	missing := scanning.NewAccounts(q, recs, accts)
	if len(missing) == 0 {
		return nil
	}
	names := make([]string, len(missing))
	for i, a := range missing {
		names[i] = model.TerminalLine(a.Name)
	}
	yes, err := r.p.Confirm(lineMsg.Get(l, "acct_offer", strings.Join(names, ", ")), lineMsg.Get(l, "acct_help"), true)
	if err != nil {
		return err
	}
	r.accountsAsked = true
	if !yes {
		r.say("acct_declined")
		return nil
	}
	next, added := scanning.AddAccounts(q, recs, accts, r.s.IDs().Record, l)
	r.setRecords(q, next)
	if err := r.save(); err != nil {
		return err
	}
	r.sayCount("acct_added", added)
	return nil
}
