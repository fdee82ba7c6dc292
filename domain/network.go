package domain

import (
	"fmt"
	"strings"
)

// The February round is given by networks: the municipal programme council (one member per
// county) and other member networks. Each member submits one list; a network's weight says how
// much each of its members' lists counts when the lists are weighed together.

// CouncilNetwork is the ID of the municipal programme council's network.
const CouncilNetwork = "council"

// Network is a body whose members give priority lists.
type Network struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Weight  int      `json:"weight"`
	Members []Member `json:"members"`
}

// Member is one list-giver: a county member of the council ("county:01") or a network that
// gives one list of its own ("network:kommundirektorsnatverket").
type Member struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// RegionRef is a county as the reference register gives it, used to build the council.
type RegionRef struct {
	Code string
	Name string
}

// CouncilMembers builds the council's members, one per county.
func CouncilMembers(counties []RegionRef) []Member {
	out := make([]Member, len(counties))
	for i, c := range counties {
		out[i] = Member{ID: "county:" + c.Code, Name: "Programrådet, " + c.Name}
	}
	return out
}

// DefaultNetworks is the council (weight 1 per county list) and the three networks PROCESS.md
// names. Each of those gives one list; the director network, the orderer, weighs 3, the others
// 2, so that a network's voice is not drowned by 21 county lists. Weights are configuration.
func DefaultNetworks(counties []RegionRef) []Network {
	one := func(id, name string, w int) Network {
		return Network{ID: id, Name: name, Weight: w, Members: []Member{{ID: "network:" + id, Name: name}}}
	}
	return []Network{
		{ID: CouncilNetwork, Name: "Kommunala programrådet", Weight: 1, Members: CouncilMembers(counties)},
		one("kommundirektorsnatverket", "Kommundirektörsnätverket", 3),
		one("verksamhetschefsnatverken", "Verksamhetschefsnätverken", 2),
		one("kommundirektorsutskottet", "Kommundirektörsutskottet", 2),
	}
}

// ValidateNetworks checks IDs, names, weights and that no member appears twice.
func ValidateNetworks(ns []Network) error {
	if len(ns) == 0 {
		return missing("networks")
	}
	seenNet, seenMember := map[string]bool{}, map[string]bool{}
	for _, n := range ns {
		if strings.TrimSpace(n.ID) == "" {
			return missing("networks.id")
		}
		if seenNet[n.ID] {
			return invalid("networks.id", n.ID).hint("duplicate")
		}
		seenNet[n.ID] = true
		if n.Weight < 1 || n.Weight > 100 {
			return invalid("networks."+n.ID+".weight", fmt.Sprint(n.Weight)).hint("range", "min", "1", "max", "100")
		}
		if len(n.Members) == 0 {
			return missing("networks." + n.ID + ".members")
		}
		for _, m := range n.Members {
			if strings.TrimSpace(m.ID) == "" || strings.TrimSpace(m.Name) == "" {
				return missing("networks." + n.ID + ".members.id/name")
			}
			if seenMember[m.ID] {
				return invalid("networks.members", m.ID).hint("duplicate")
			}
			seenMember[m.ID] = true
		}
	}
	return nil
}

// memberNetwork finds the network a member belongs to.
func memberNetwork(ns []Network, member string) (Network, Member, bool) {
	for _, n := range ns {
		for _, m := range n.Members {
			if m.ID == member {
				return n, m, true
			}
		}
	}
	return Network{}, Member{}, false
}

// weights maps each network to its weight, for Rank.
func weights(ns []Network) map[string]int {
	w := make(map[string]int, len(ns))
	for _, n := range ns {
		w[n.ID] = n.Weight
	}
	return w
}
