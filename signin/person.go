// Package signin signs people into the console with OpenID Connect (the authorization code
// flow with PKCE, through github.com/coreos/go-oidc and golang.org/x/oauth2) and keeps who
// they are in a server-side session (github.com/alexedwards/scs). What a person may do comes
// from the ID token's claims through the role mapping of the configuration, never from a
// request: the console sends every message as the signed-in person.
package signin

import (
	"github.com/skr/handslag/domain"
)

// Person is who is signed in, and in which roles.
type Person struct {
	// ID is what every message records as its sender (by.id): the e-mail address, or the
	// subject when the token has none.
	ID string `json:"id"`
	// Subject and Issuer name the person at the identity provider.
	Subject string `json:"sub"`
	Issuer  string `json:"iss"`
	Name    string `json:"name,omitempty"`
	Email   string `json:"email,omitempty"`
	// Grants are the person's roles, from the role mapping.
	Grants []Grant `json:"grants"`
}

// Roles lists the person's roles, each once, in the mapping's order.
func (p Person) Roles() []domain.Role {
	var out []domain.Role
	seen := map[domain.Role]bool{}
	for _, g := range p.Grants {
		if !seen[g.Role] {
			seen[g.Role] = true
			out = append(out, g.Role)
		}
	}
	return out
}

// Has reports whether the person holds the role.
func (p Person) Has(r domain.Role) bool {
	for _, g := range p.Grants {
		if g.Role == r {
			return true
		}
	}
	return false
}

// May reports whether the person may take the action in any of their roles.
func (p Person) May(a domain.Action) bool {
	_, ok := p.ActorFor(a)
	return ok
}

// ActorFor is the sender of a message of the action: the person in the first of their roles
// the action permits. False when no role of theirs does.
func (p Person) ActorFor(a domain.Action) (domain.Actor, bool) {
	for _, r := range p.Roles() {
		if a.PermittedTo(r) {
			return domain.Actor{ID: p.ID, Role: r, Owner: p.owner(r)}, true
		}
	}
	return domain.Actor{}, false
}

// owner is the organisation the person speaks for in the owner role.
func (p Person) owner(r domain.Role) domain.Owner {
	if r != domain.RoleOwner {
		return ""
	}
	for _, g := range p.Grants {
		if g.Role == domain.RoleOwner {
			return g.Owner
		}
	}
	return ""
}

// MayOn reports whether the person may take the action on an initiative of the owner: an
// owner organisation's contact only on its own organisation's.
func (p Person) MayOn(a domain.Action, owner domain.Owner) bool {
	for _, r := range p.Roles() {
		if a.PermittedTo(r) && (r != domain.RoleOwner || p.owner(r) == owner) {
			return true
		}
	}
	return false
}

// Owners are the organisations the person speaks for.
func (p Person) Owners() []domain.Owner {
	var out []domain.Owner
	for _, g := range p.Grants {
		if g.Owner != "" {
			out = append(out, g.Owner)
		}
	}
	return out
}

// Members are the cycle members (county:NN, network:...) the person speaks for.
func (p Person) Members() []string {
	var out []string
	for _, g := range p.Grants {
		if g.Member != "" {
			out = append(out, g.Member)
		}
	}
	return out
}
