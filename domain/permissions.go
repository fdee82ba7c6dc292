package domain

// Action is something a person may do in the process, named as the message that does it
// (the contract's message names are these). Every command checks its sender against the
// roles of its action here, and the console shows and allows what this table allows: one set
// of rules for every client.
type Action string

const (
	ActRegister        Action = "register"
	ActTriage          Action = "triage_owner"
	ActRelevance       Action = "assess_relevance"
	ActScore           Action = "score_criteria"
	ActRequirement     Action = "record_requirement"
	ActDecide          Action = "decide"
	ActQuickAnalysis   Action = "record_quick_analysis"
	ActValuation       Action = "record_valuation"
	ActQualification   Action = "record_qualification"
	ActWithdraw        Action = "withdraw"
	ActJoinCycle       Action = "join_cycle"
	ActPriorities      Action = "submit_priorities"
	ActCycleValuation  Action = "submit_valuation"
	ActDecideCycle     Action = "decide_cycle"
	ActAnswer          Action = "submit_answers"
	ActImplPlan        Action = "impl_plan"
	ActImplMilestone   Action = "impl_milestone"
	ActImplReport      Action = "impl_report"
	ActImplMeasure     Action = "impl_measure"
	ActImplHearing     Action = "impl_hearing"
	ActImplJoin        Action = "impl_join"
	ActImplUnsubscribe Action = "impl_unsubscribe"
	ActImplComplete    Action = "impl_complete"
	ActImplStop        Action = "impl_stop"
	ActDecideProposal  Action = "decide_proposal"
	// ActEditAddresses keeps the address register; ActFollowOffer follows an offer round's
	// answers, names and contacts (the console's, not workflow messages).
	ActEditAddresses Action = "edit_addresses"
	ActFollowOffer   Action = "follow_offer"
	// ActForgetContact erases a proposer's contact from an initiative; ActPersonalData finds,
	// exports and erases what is stored about a person (the console's page for requests).
	ActForgetContact Action = "forget_contact"
	// ActForgetAnswerer erases an answerer's name, role and comment from an offer round.
	ActForgetAnswerer Action = "forget_answerer"
	ActPersonalData   Action = "personal_data"
	// ActSeminarVenue says where an offer's seminar is held.
	ActSeminarVenue Action = "set_seminar_venue"
)

// permitted is who may do what. A council member or a network speaks for its own member only
// (checked by the cycle); the office may act on a member's behalf, recorded as such.
var permitted = []struct {
	action Action
	roles  []Role
}{
	{ActRegister, []Role{RoleOffice}},
	{ActTriage, []Role{RoleOffice}},
	{ActRelevance, []Role{RoleOffice}},
	{ActScore, []Role{RoleOffice}},
	{ActRequirement, []Role{RoleOffice}},
	{ActDecide, []Role{RoleLeadership}},
	{ActQuickAnalysis, []Role{RoleOffice}},
	{ActValuation, []Role{RoleOffice}},
	{ActQualification, []Role{RoleOffice}},
	{ActWithdraw, []Role{RoleOffice}},
	{ActJoinCycle, []Role{RoleOffice}},
	{ActPriorities, []Role{RoleCouncil, RoleNetwork, RoleOffice}},
	{ActCycleValuation, []Role{RoleCouncil, RoleNetwork, RoleOffice}},
	{ActDecideCycle, []Role{RoleLeadership}},
	{ActAnswer, []Role{RoleMunicipality, RoleOffice}},
	{ActImplPlan, []Role{RoleOffice}},
	{ActImplMilestone, []Role{RoleOffice, RoleOwner}},
	{ActImplReport, []Role{RoleOffice, RoleOwner}},
	{ActImplMeasure, []Role{RoleOffice, RoleOwner}},
	{ActImplHearing, []Role{RoleOffice}},
	{ActImplJoin, []Role{RoleOffice, RoleMunicipality}},
	{ActImplUnsubscribe, []Role{RoleOffice, RoleMunicipality}},
	{ActImplComplete, []Role{RoleOffice, RoleLeadership}},
	{ActImplStop, []Role{RoleOffice, RoleLeadership}},
	{ActDecideProposal, []Role{RoleOffice}},
	{ActEditAddresses, []Role{RoleOffice}},
	{ActFollowOffer, []Role{RoleOffice, RoleLeadership}},
	{ActForgetContact, []Role{RoleOffice}},
	{ActForgetAnswerer, []Role{RoleOffice}},
	{ActPersonalData, []Role{RoleOffice}},
	{ActSeminarVenue, []Role{RoleOffice}},
}

// Actions lists every action, in the table's order.
func Actions() []Action {
	out := make([]Action, len(permitted))
	for i, p := range permitted {
		out[i] = p.action
	}
	return out
}

// Roles are the roles that may take the action (none for an unknown action).
func (a Action) Roles() []Role {
	for _, p := range permitted {
		if p.action == a {
			return append([]Role(nil), p.roles...)
		}
	}
	return nil
}

// PermittedTo reports whether a role may take the action.
func (a Action) PermittedTo(r Role) bool {
	for _, x := range a.Roles() {
		if x == r {
			return true
		}
	}
	return false
}

// validateFor checks the sender and the reason of a message of this action.
func (m Meta) validateFor(a Action) error { return m.validate(a.Roles()...) }

// checkOwnerFor refuses an owner organisation's contact acting on an implementation another
// organisation owns (or speaking for no organisation).
func checkOwnerFor(by Actor, owner Owner) error {
	if by.Role != RoleOwner || (by.Owner != "" && by.Owner == owner) {
		return nil
	}
	return &ValidationError{Code: CodeForbiddenRole, Field: "by.owner", Detail: string(by.Owner) + " -> " + string(owner), Hint: "not_your_implementation",
		Params: map[string]string{"owner": string(owner)}}
}
