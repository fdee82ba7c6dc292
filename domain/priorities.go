package domain

import (
	"fmt"
	"sort"
	"strings"
)

// The February prioritisation round (step 2): every county member of the programme council and
// every other network gives an ordered list of its 5 to 10 most urgent initiatives. Rank weighs
// the lists together.

// Bounds of a priority list.
const (
	MinPriorities = 5
	MaxPriorities = 10
)

// PriorityList is one member's ordered list, most urgent first.
type PriorityList struct {
	Member      string   `json:"member"`  // e.g. "county:01" or "network:kommundirektorsnatverket"
	Network     string   `json:"network"` // the weight class: "council" or a network name
	Initiatives []string `json:"initiatives"`
}

// ValidatePriorityList checks length, duplicates and that every entry is in the backlog of the
// round. A round with fewer than MinPriorities initiatives asks for all of them (min is the
// size of such a round).
func ValidatePriorityList(ids []string, min int, inRound func(id string) bool) error {
	if min > MinPriorities || min < 1 {
		min = MinPriorities
	}
	if len(ids) < min || len(ids) > MaxPriorities {
		return invalid("initiatives", fmt.Sprint(len(ids))).hint("list_length", "min", fmt.Sprint(min), "max", fmt.Sprint(MaxPriorities))
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			return invalid("initiatives", id).hint("duplicate")
		}
		seen[id] = true
		if !inRound(id) {
			return invalid("initiatives", id).hint("not_in_backlog")
		}
	}
	return nil
}

// Ranked is one initiative's place in the weighed-together ranking.
type Ranked struct {
	Rank         int    `json:"rank"`
	ID           string `json:"id"`
	Points       int    `json:"points"`
	Lists        int    `json:"lists"`         // how many lists name it
	BestPosition int    `json:"best_position"` // its best place on any list (1 is best)
}

// PositionPoints is what place p (1-based) on a list is worth: 10 for the first, 1 for the
// tenth. It does not depend on the list's length, so a short list does not weigh more per entry.
func PositionPoints(p int) int { return MaxPriorities + 1 - p }

// Rank weighs the lists together. Each entry earns PositionPoints times its network's weight
// (a network missing from weights weighs 1). Initiatives are ordered by points; ties are broken
// by the number of lists naming them, then by the best place on any list, then by ID, so the
// result never depends on the order the lists arrived in.
func Rank(lists []PriorityList, weights map[string]int) []Ranked {
	// acc is only looked up; order keeps first appearance so nothing iterates over the map
	// (the cycle workflow calls Rank and must be deterministic).
	acc := map[string]*Ranked{}
	var order []string
	for _, l := range lists {
		w, ok := weights[l.Network]
		if !ok {
			w = 1
		}
		for i, id := range l.Initiatives {
			r := acc[id]
			if r == nil {
				r = &Ranked{ID: id, BestPosition: i + 1}
				acc[id] = r
				order = append(order, id)
			}
			r.Points += PositionPoints(i+1) * w
			r.Lists++
			if i+1 < r.BestPosition {
				r.BestPosition = i + 1
			}
		}
	}
	out := make([]Ranked, 0, len(order))
	for _, id := range order {
		out = append(out, *acc[id])
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Points != b.Points:
			return a.Points > b.Points
		case a.Lists != b.Lists:
			return a.Lists > b.Lists
		case a.BestPosition != b.BestPosition:
			return a.BestPosition < b.BestPosition
		}
		return strings.Compare(a.ID, b.ID) < 0
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}
