package model

// templateDropped lists the question roles whose answers belong to one
// business (its organisation, people and contacts) and so are not taken
// over by Template.
var templateDropped = []string{
	RoleOrganisationName, RoleOrganisationAddress, RoleScope, RoleDocumentDate,
	RolePreparedBy, RoleRespondent, RoleContact, RoleSignatoryName,
	RoleSignatoryRole, RoleSigningPlace, RolePeopleRegister,
	RoleOrganisationContacts,
}

// Template returns a new file in language l under catalogue c whose answers
// are src's, as defaults for another business, without what belongs to
// src's business alone. Dropped: every question of the section holding the
// organisation_name question (the organisation), the questions with the
// roles in templateDropped (organisation, document, people register and
// persons, own contact addresses), every question of kind email, phone, url
// or date (contact data and dates), every date field of a record and every
// field with the role person_name, a measure's due date and who
// accepted its risk, scan results, retired answers, progress and history.
// Kept: the other answers and records (with their IDs), the measures'
// statuses, reasons and notes, own measures, and the review interval. src
// must be valid under c (loaded with Load).
func Template(c *Catalog, src *File, l Lang) *File {
	f := NewFile(c, l)
	f.Review = src.Review
	drop := map[string]bool{}
	for _, role := range templateDropped {
		if q := c.QuestionByRole(role); q != nil {
			drop[q.ID] = true
		}
	}
	if q := c.QuestionByRole(RoleOrganisationName); q != nil {
		for _, oq := range c.SectionOf(q.ID).Questions {
			drop[oq.ID] = true
		}
	}
	for id, v := range src.Answers {
		q := c.Question(id)
		if q == nil || drop[id] {
			continue
		}
		switch q.Kind {
		case KindEmail, KindPhone, KindURL, KindDate:
			continue
		case KindRecords:
			recs := make([]Record, 0, len(v.Records()))
			for _, r := range v.Records() {
				out := r.Clone()
				for _, fd := range q.Fields {
					if fd.Kind == KindDate || fd.Role == RolePersonName {
						delete(out, fd.ID)
					}
				}
				recs = append(recs, out)
			}
			f.Set(id, Records(recs...))
			continue
		}
		f.Set(id, v.Clone())
	}
	strip := func(a MeasureAnswer) MeasureAnswer {
		a.Due, a.AcceptedBy = "", ""
		return a
	}
	for id, a := range src.Measures {
		a = strip(a.Clone())
		// A setting (minutes, days) carries over; when a test was done,
		// by whom and with what result are the client's own facts.
		if m := c.Measure(id); m != nil {
			for _, p := range m.Params {
				if p.Role == RoleTestDate || p.Role == RoleTestBy || p.Role == RoleTestResult {
					a.SetParam(p.ID, "")
				}
			}
		}
		f.Measures[id] = a
	}
	for _, o := range src.OwnMeasures {
		o.MeasureAnswer = strip(o.MeasureAnswer)
		f.OwnMeasures = append(f.OwnMeasures, o)
	}
	View{C: c, F: f}.Prune()
	return f
}
