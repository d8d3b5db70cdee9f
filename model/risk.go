package model

// Options of the question with the role business_role (FORMAT.md, "Question
// roles"): in which role the business processes personal data.
const (
	BusinessController = "controller" // for its own purposes only
	BusinessProcessor  = "processor"  // only on behalf of its clients (Art. 28 GDPR)
	BusinessBoth       = "both"       // both
)

// BusinessRole returns the answer to the business_role question: one of
// BusinessController, BusinessProcessor, BusinessBoth, or "" when the
// catalogue has no such question or it is not answered.
func (v View) BusinessRole() string { return v.ByRole(RoleBusinessRole).Str() }

// ActsAsProcessor reports whether the business processes personal data on
// behalf of clients (role processor or both).
func (v View) ActsAsProcessor() bool {
	r := v.BusinessRole()
	return r == BusinessProcessor || r == BusinessBoth
}

// ActsAsController reports whether the business processes personal data for
// its own purposes (role controller or both).
func (v View) ActsAsController() bool {
	r := v.BusinessRole()
	return r == BusinessController || r == BusinessBoth
}
