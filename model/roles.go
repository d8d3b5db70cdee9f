package model

import (
	"slices"
	"sort"
	"strings"
)

// Roles tell the program what a catalogue entry means, so that no code names
// a catalogue ID: a question, record field or group carries at most one
// role ("role": "organisation_name"). questionnaires/FORMAT.md documents
// each role and what is lost when a catalogue leaves it out.
const (
	// Question roles (at most one question each).
	RoleOrganisationName     = "organisation_name"     // the business's name: cover, introduction, review title, tom init --org
	RoleOrganisationAddress  = "organisation_address"  // the business's address on the cover
	RoleScope                = "document_scope"        // what the document covers (introduction)
	RoleDocumentDate         = "document_date"         // the document's date when the interview has not set one
	RolePreparedBy           = "prepared_by"           // who prepared the document (cover)
	RoleRespondent           = "respondent"            // who answers the interview (history author)
	RoleContact              = "contact_person"        // contact for data protection (history author when no respondent)
	RoleSignatoryName        = "signatory_name"        // signature block: name
	RoleSignatoryRole        = "signatory_role"        // signature block: position
	RoleSigningPlace         = "signing_place"         // signature block: place
	RolePeopleRegister       = "people_register"       // the records question server accounts are offered on
	RoleProviderRegister     = "provider_register"     // the records question the provider directory fills
	RoleOrganisationContacts = "organisation_contacts" // the business's own contact addresses as free text (not taken over by Template)
	RoleNeedConfidentiality  = "need_confidentiality"  // choice of Levels: the protection need for confidentiality
	RoleNeedIntegrity        = "need_integrity"        // choice of Levels: the protection need for integrity
	RoleNeedAvailability     = "need_availability"     // choice of Levels: the protection need for availability
	RoleNeedReason           = "need_reason"           // why a need is below its proposal; asked only then (View.Lowered)
	RoleBusinessRole         = "business_role"         // choice: the business acts as controller, processor or both (options BusinessController, BusinessProcessor, BusinessBoth)

	// Record field roles (at most one field each per records question).
	RoleRecordName      = "record_name"      // the name a record is known by
	RoleRecordNotes     = "record_notes"     // free-text notes (where taken-over accounts say how they log in)
	RoleAdministrator   = "administrator"    // yes/no: the person has administrator rights
	RoleContractDate    = "contract_date"    // date a contract was signed: a fact, never due
	RoleCheckDate       = "check_date"       // date something was last checked; due again after the review interval (several fields of a record may carry it)
	RoleRecordAddress   = "record_address"   // postal address; a provider directory entry's address goes here
	RoleCategory        = "category"         // choice sorting records into categories; searched in the provider directory
	RoleOperatingSystem = "operating_system" // free-text OS name, matched with the end-of-support table by rules
	RolePersonName      = "person_name"      // a person's name (not taken over by Template; several fields of a record may carry it)

	// Group roles (at most one group).
	RoleLitA = "lit_a" // the Art. 32(1)(a) group: pseudonymisation and encryption
)

// Where a role may stand.
const (
	roleQuestion = iota
	roleField
	roleGroup
)

// roleRule says where a role may stand and which kinds it needs (none: any).
type roleRule struct {
	place int
	kinds []string
	many  bool // may stand on several fields of one record
	// options lists the option IDs the entry must offer (a choice whose
	// answers the program reads by meaning).
	options []string
}

var textKinds = []string{KindText, KindTextarea}

// roleRules lists every role the program knows.
var roleRules = map[string]roleRule{
	RoleOrganisationName:     {place: roleQuestion, kinds: []string{KindText}},
	RoleOrganisationAddress:  {place: roleQuestion, kinds: textKinds},
	RoleScope:                {place: roleQuestion, kinds: textKinds},
	RoleDocumentDate:         {place: roleQuestion, kinds: []string{KindDate}},
	RolePreparedBy:           {place: roleQuestion, kinds: textKinds},
	RoleRespondent:           {place: roleQuestion, kinds: []string{KindText}},
	RoleContact:              {place: roleQuestion, kinds: []string{KindText}},
	RoleSignatoryName:        {place: roleQuestion, kinds: textKinds},
	RoleSignatoryRole:        {place: roleQuestion, kinds: textKinds},
	RoleSigningPlace:         {place: roleQuestion, kinds: textKinds},
	RolePeopleRegister:       {place: roleQuestion, kinds: []string{KindRecords}},
	RoleProviderRegister:     {place: roleQuestion, kinds: []string{KindRecords}},
	RoleOrganisationContacts: {place: roleQuestion, kinds: textKinds},
	RoleNeedConfidentiality:  {place: roleQuestion, kinds: []string{KindChoice}, options: Levels},
	RoleNeedIntegrity:        {place: roleQuestion, kinds: []string{KindChoice}, options: Levels},
	RoleNeedAvailability:     {place: roleQuestion, kinds: []string{KindChoice}, options: Levels},
	RoleNeedReason:           {place: roleQuestion, kinds: textKinds},
	RoleBusinessRole:         {place: roleQuestion, kinds: []string{KindChoice}, options: []string{BusinessController, BusinessProcessor, BusinessBoth}},

	RoleRecordName:      {place: roleField, kinds: []string{KindText}},
	RoleRecordNotes:     {place: roleField, kinds: textKinds},
	RoleAdministrator:   {place: roleField, kinds: []string{KindYesNo}},
	RoleContractDate:    {place: roleField, kinds: []string{KindDate}},
	RoleCheckDate:       {place: roleField, kinds: []string{KindDate}, many: true},
	RoleRecordAddress:   {place: roleField, kinds: textKinds},
	RoleCategory:        {place: roleField, kinds: []string{KindChoice}},
	RoleOperatingSystem: {place: roleField, kinds: []string{KindText}},
	RolePersonName:      {place: roleField, kinds: []string{KindText}, many: true},

	RoleLitA: {place: roleGroup, kinds: nil},
}

// rolesFor lists the roles allowed at place, sorted, for error messages.
func rolesFor(place int) string {
	var out []string
	for name, r := range roleRules {
		if r.place == place {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// checkRoles reports what is wrong with the roles of the catalogue, each
// problem at the JSON pointer of the role; ParseCatalog adds line and column.
func (c *Catalog) checkRoles() []Problem {
	var probs []Problem
	bad := func(ptr, key string, args ...any) {
		probs = append(probs, Problem{Pointer: ptr, Key: key, Args: args})
	}
	qtaken, gtaken := map[string]string{}, map[string]string{}
	for i, g := range c.Groups {
		if g != nil {
			checkRole(bad, ptr("/groups", i, "role"), g.ID, g.Role, roleGroup, "", gtaken)
		}
	}
	for i, s := range c.Sections {
		if s == nil {
			continue
		}
		for j, q := range s.Questions {
			if q == nil {
				continue
			}
			qp := ptr("/sections", i, "questions", j)
			checkRole(bad, qp+"/role", q.ID, q.Role, roleQuestion, q.Kind, qtaken)
			checkRoleOptions(bad, qp, q)
			ftaken := map[string]string{}
			for k, f := range q.Fields {
				if f != nil {
					checkRole(bad, ptr(qp+"/fields", k, "role"), f.ID, f.Role, roleField, f.Kind, ftaken)
				}
			}
		}
	}
	return probs
}

// roleUnknownKeys are the message keys for an unknown role, by place.
var roleUnknownKeys = [...]string{roleQuestion: "cat_role_unknown_question", roleField: "cat_role_unknown_field", roleGroup: "cat_role_unknown_group"}

// checkRole reports through bad what is wrong with role at the pointer at,
// given to the entry id of kind at place; taken holds the roles already
// given in the scope where each may appear once, with the entry's ID.
func checkRole(bad catBad, at, id, role string, place int, kind string, taken map[string]string) {
	if role == "" {
		return
	}
	r, ok := roleRules[role]
	if !ok || r.place != place {
		bad(at, roleUnknownKeys[place], role, rolesFor(place))
		return
	}
	if len(r.kinds) > 0 && !slices.Contains(r.kinds, kind) {
		bad(at, "cat_role_kind", role, strings.Join(r.kinds, "/"), kind)
	}
	if r.many {
		return
	}
	if prev, dup := taken[role]; dup {
		bad(at, "cat_role_taken", role, prev)
		return
	}
	taken[role] = id
}

// RoleOptions returns the option IDs a question with role must offer (nil:
// the role fixes none). They are part of the role's meaning and keep their
// IDs in every catalogue.
func RoleOptions(role string) []string { return slices.Clone(roleRules[role].options) }

// checkRoleOptions reports a question whose role needs option IDs that
// its options lack, or that it has options beyond them, at the pointer qp.
func checkRoleOptions(bad catBad, qp string, q *Question) {
	r, ok := roleRules[q.Role]
	if !ok || r.place != roleQuestion || len(r.options) == 0 {
		return
	}
	var have []string
	for _, o := range q.Options {
		if o != nil {
			have = append(have, o.ID)
		}
	}
	want := slices.Clone(r.options)
	slices.Sort(want)
	slices.Sort(have)
	if !slices.Equal(want, have) {
		bad(qp+"/options", "cat_role_options", q.Role, strings.Join(r.options, ", "))
	}
}

// QuestionByRole returns the question that carries role, or nil.
func (c *Catalog) QuestionByRole(role string) *Question { return c.qroles[role] }

// GroupByRole returns the group that carries role, or nil.
func (c *Catalog) GroupByRole(role string) *Group {
	for _, g := range c.Groups {
		if g != nil && g.Role == role {
			return g
		}
	}
	return nil
}

// FieldByRole returns the record field of q that carries role, or nil.
func (q *Question) FieldByRole(role string) *Field {
	for _, f := range q.Fields {
		if f.Role == role {
			return f
		}
	}
	return nil
}

// ByRole returns the answer to the question that carries role, as View.Value
// does (nothing when the catalogue has no such question or it is hidden).
func (v View) ByRole(role string) Value {
	if q := v.C.QuestionByRole(role); q != nil {
		return v.Value(q.ID)
	}
	return Value{}
}

// HistoryAuthor is who a history entry is by: the answer to the respondent
// question, else to the contact person question, else "".
func HistoryAuthor(c *Catalog, f *File) string {
	for _, role := range []string{RoleRespondent, RoleContact} {
		if q := c.QuestionByRole(role); q != nil {
			if v := f.Get(q.ID); !v.Empty() {
				return v.Str()
			}
		}
	}
	return ""
}
