package signin

import (
	"fmt"
	"strings"

	"github.com/skr/handslag/domain"
)

// Grant is one role a claim value gives: office, leadership, a council member for a county
// (county:NN) or a network (network:<id>).
type Grant struct {
	Role   domain.Role  `json:"role"`
	Member string       `json:"member,omitempty"`
	Owner  domain.Owner `json:"owner,omitempty"` // the organisation an owner's contact speaks for
}

// String writes the grant as the mapping does.
func (g Grant) String() string {
	if g.Member != "" {
		return g.Member
	}
	if g.Owner != "" {
		return "owner:" + string(g.Owner)
	}
	return string(g.Role)
}

// RoleMap maps values of the role claim (a group, for example) to grants, in order.
type RoleMap []RoleMapping

// RoleMapping is one entry: a claim value and the grant it gives.
type RoleMapping struct {
	Value string
	Grant Grant
}

// ParseRoleMap reads a mapping written as value=grant pairs separated by commas, for example
// "handslag-kontoret=office,handslag-ledningen=leadership,radet-ab=county:01,
// kd-natverket=network:kommundirektorsnatverket". A value may give several grants (several
// entries). The grants are parsed into their canonical form; a wrong one is an error that
// names it.
func ParseRoleMap(s string) (RoleMap, error) {
	var m RoleMap
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		value, grant, ok := strings.Cut(part, "=")
		value, grant = strings.TrimSpace(value), strings.TrimSpace(grant)
		if !ok || value == "" || grant == "" {
			return nil, fmt.Errorf("%q: write claim value=role, e.g. handslag-kontoret=office", part)
		}
		g, err := ParseGrant(grant)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", part, err)
		}
		m = append(m, RoleMapping{Value: value, Grant: g})
	}
	return m, nil
}

// ParseGrant reads one grant: office, leadership, county:NN or network:<id>.
func ParseGrant(s string) (Grant, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == string(domain.RoleOffice), s == string(domain.RoleLeadership):
		return Grant{Role: domain.Role(s)}, nil
	case strings.HasPrefix(s, "county:"):
		code := strings.TrimPrefix(s, "county:")
		if len(code) != 2 || strings.Trim(code, "0123456789") != "" {
			return Grant{}, fmt.Errorf("county:%s: a county is two digits, e.g. county:01", code)
		}
		return Grant{Role: domain.RoleCouncil, Member: "county:" + code}, nil
	case strings.HasPrefix(s, "owner:"):
		o, err := domain.ParseOwner(strings.TrimPrefix(s, "owner:"))
		if err != nil {
			return Grant{}, fmt.Errorf("%s: an owner is SKR, Adda or Inera, e.g. owner:Inera", s)
		}
		return Grant{Role: domain.RoleOwner, Owner: o}, nil
	case strings.HasPrefix(s, "network:"):
		id := strings.TrimPrefix(s, "network:")
		if id == "" || strings.Trim(id, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return Grant{}, fmt.Errorf("network:%s: a network is named by its id, e.g. network:kommundirektorsnatverket", id)
		}
		return Grant{Role: domain.RoleNetwork, Member: "network:" + id}, nil
	}
	return Grant{}, fmt.Errorf("%s: the roles are office, leadership, county:NN, network:<id> and owner:<SKR|Adda|Inera>", s)
}

// Grants are the grants the claim values give, each once.
func (m RoleMap) Grants(values []string) []Grant {
	var out []Grant
	seen := map[Grant]bool{}
	for _, e := range m {
		for _, v := range values {
			if v == e.Value && !seen[e.Grant] {
				seen[e.Grant] = true
				out = append(out, e.Grant)
			}
		}
	}
	return out
}
