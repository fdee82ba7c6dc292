package domain

import "strings"

// Role is the capacity in which someone sends a message. It decides what they may do.
type Role string

const (
	RoleOffice     Role = "office"     // Programkontoret: runs the process and records
	RoleLeadership Role = "leadership" // Digitaliseringsledningen: decides
	RoleCouncil    Role = "council"    // Kommunala programrådet: advises, prioritises (cycle workflow)
	RoleNetwork    Role = "network"    // another member network: gives its priorities in February
	// RoleMunicipality is a municipality answering an offer through its signed answer link
	// (the web server sends on its behalf). It may only answer offers.
	RoleMunicipality Role = "municipality"
	// RoleOwner is an owner organisation's contact (Actor.Owner says which): it reports on
	// the implementations that organisation owns, and no others.
	RoleOwner Role = "owner"
)

var roles = []Role{RoleOffice, RoleLeadership, RoleCouncil, RoleNetwork, RoleMunicipality, RoleOwner}

// Actor says who sent a message. ID is a user id (for example "programkontoret.anna"); it
// goes into the workflow history, which is the audit trail, but never into search
// attributes or memos.
type Actor struct {
	ID   string `json:"id"`
	Role Role   `json:"role"`
	// Owner is the owner organisation an owner's contact speaks for (role owner only).
	Owner Owner `json:"owner,omitempty"`
}

// Validate checks that the actor is named and has a known role that is one of allowed.
func (a Actor) Validate(allowed ...Role) error {
	if strings.TrimSpace(a.ID) == "" {
		return missing("by.id")
	}
	if a.Role == "" {
		return missing("by.role")
	}
	known := false
	for _, r := range roles {
		if a.Role == r {
			known = true
		}
	}
	if !known {
		return &ValidationError{Code: CodeUnknownRole, Field: "by.role", Detail: string(a.Role)}
	}
	for _, r := range allowed {
		if a.Role == r {
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, r := range allowed {
		names[i] = string(r)
	}
	return &ValidationError{Code: CodeForbiddenRole, Field: "by.role",
		Detail: string(a.Role) + " -> " + strings.Join(names, "|")}
}

// Meta is carried by every message: who sent it and why. The history is the audit trail.
type Meta struct {
	By     Actor  `json:"by"`
	Reason string `json:"reason"`
}

func (m Meta) validate(allowed ...Role) error {
	if err := m.By.Validate(allowed...); err != nil {
		return err
	}
	if strings.TrimSpace(m.Reason) == "" {
		return missing("reason")
	}
	return nil
}

// Sender returns who sent the message.
func (m Meta) Sender() Actor { return m.By }
