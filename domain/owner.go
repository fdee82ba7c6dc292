package domain

import "strings"

// Owner is one of the three organisations of the SKR group that can own an initiative.
type Owner string

const (
	OwnerSKR   Owner = "SKR"
	OwnerAdda  Owner = "Adda"
	OwnerInera Owner = "Inera"
)

// Owners lists the organisations in a fixed order (used for help texts and validation).
var Owners = []Owner{OwnerSKR, OwnerAdda, OwnerInera}

// ParseOwner accepts any letter case ("inera", "INERA") and returns the canonical name.
func ParseOwner(s string) (Owner, error) {
	if o := alias(s, ownerAliases); o.valid() {
		return o, nil
	}
	if strings.TrimSpace(s) == "" {
		return "", missing("owner")
	}
	return "", invalid("owner", s).hint("choose_owner")
}

func (o Owner) valid() bool { return o == OwnerSKR || o == OwnerAdda || o == OwnerInera }

// TriageRoute is how the owner triage ends (Inera's process): the owner builds and owns it, the
// owner only assists (rules, requirements), or it becomes a procurement or framework agreement.
type TriageRoute string

const (
	RouteOwn         TriageRoute = "own"
	RouteAssist      TriageRoute = "assist"
	RouteProcurement TriageRoute = "procurement"
)

var triageRoutes = []TriageRoute{RouteOwn, RouteAssist, RouteProcurement}

func (r TriageRoute) valid() bool {
	for _, x := range triageRoutes {
		if r == x {
			return true
		}
	}
	return false
}
