package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidatePriorityList(t *testing.T) {
	round := map[string]bool{"a": true, "b": true, "c": true, "d": true, "e": true, "f": true}
	in := func(id string) bool { return round[id] }
	cases := []struct {
		name string
		ids  []string
		ok   bool
	}{
		{"five", []string{"a", "b", "c", "d", "e"}, true},
		{"four", []string{"a", "b", "c", "d"}, false},
		{"eleven", []string{"a", "b", "c", "d", "e", "f", "a", "b", "c", "d", "e"}, false},
		{"duplicate", []string{"a", "b", "c", "d", "a"}, false},
		{"not in the backlog", []string{"a", "b", "c", "d", "x"}, false},
	}
	for _, tc := range cases {
		err := ValidatePriorityList(tc.ids, MinPriorities, in)
		if tc.ok {
			assert.NoError(t, err, tc.name)
		} else {
			var ve *ValidationError
			assert.ErrorAs(t, err, &ve, tc.name)
		}
	}
}

// Hand-computed: points are 10 for first place down to 1 for tenth, times the network weight.
func TestRankByHand(t *testing.T) {
	lists := []PriorityList{
		{Member: "county:01", Network: "council", Initiatives: []string{"a", "b", "c", "d", "e"}},
		{Member: "county:03", Network: "council", Initiatives: []string{"b", "a", "c", "d", "f"}},
		{Member: "network:kd", Network: "kommundirektorsnatverket", Initiatives: []string{"f", "e", "d", "c", "b"}},
	}
	// council weight 1, directors' network weight 2:
	// a: 10 + 9          = 19, 2 lists, best 1
	// b: 9 + 10 + 6*2    = 31, 3 lists, best 1
	// c: 8 + 8 + 7*2     = 30, 3 lists, best 3
	// d: 7 + 7 + 8*2     = 30, 3 lists, best 3  -> ties with c on everything: ID decides, c first
	// e: 6 + 9*2         = 24, 2 lists, best 2
	// f: 6 + 10*2        = 26, 2 lists, best 1
	got := Rank(lists, map[string]int{"council": 1, "kommundirektorsnatverket": 2})
	want := []Ranked{
		{Rank: 1, ID: "b", Points: 31, Lists: 3, BestPosition: 1},
		{Rank: 2, ID: "c", Points: 30, Lists: 3, BestPosition: 3},
		{Rank: 3, ID: "d", Points: 30, Lists: 3, BestPosition: 3},
		{Rank: 4, ID: "f", Points: 26, Lists: 2, BestPosition: 1},
		{Rank: 5, ID: "e", Points: 24, Lists: 2, BestPosition: 2},
		{Rank: 6, ID: "a", Points: 19, Lists: 2, BestPosition: 1},
	}
	assert.Equal(t, want, got)
}

func TestRankTieBreaksByListsThenBestPlace(t *testing.T) {
	lists := []PriorityList{
		{Network: "council", Initiatives: []string{"x", "p1", "p2", "p3", "p4"}},                             // x: 10
		{Network: "council", Initiatives: []string{"q1", "q2", "q3", "q4", "q5", "y"}},                       // y: 5
		{Network: "council", Initiatives: []string{"r1", "r2", "r3", "r4", "r5", "r6", "y", "z", "r9", "w"}}, // y: 4 -> 9, z: 3, w: 1
		{Network: "council", Initiatives: []string{"s1", "s2", "s3", "s4", "s5", "s6", "s7", "z"}},           // z: 3 -> 6
	}
	got := Rank(lists, nil)
	pos := map[string]Ranked{}
	for _, r := range got {
		pos[r.ID] = r
	}
	require.Equal(t, 10, pos["x"].Points)
	require.Equal(t, 9, pos["y"].Points)
	// The order of arrival does not matter.
	reversed := []PriorityList{lists[3], lists[2], lists[1], lists[0]}
	assert.Equal(t, got, Rank(reversed, nil))
	// Same points: more lists first.
	tie := []PriorityList{
		{Network: "c", Initiatives: []string{"one", "a1", "a2", "a3", "a4"}},       // one: 10
		{Network: "c", Initiatives: []string{"b1", "b2", "b3", "b4", "b5", "two"}}, // two: 5
		{Network: "c", Initiatives: []string{"c1", "c2", "c3", "c4", "c5", "two"}}, // two: 10
	}
	r := Rank(tie, nil)
	idx := func(id string) int {
		for i, x := range r {
			if x.ID == id {
				return i
			}
		}
		return -1
	}
	assert.Less(t, idx("two"), idx("one"), "10 points on two lists beats 10 points on one")
	// Same points and lists: the better best place first (even against alphabetical order).
	best := Rank([]PriorityList{
		{Network: "c", Initiatives: []string{"zeta", "k1", "k2", "k3", "alpha"}},                               // zeta 10, alpha 6
		{Network: "c", Initiatives: []string{"l1", "l2", "l3", "l4", "l5", "alpha", "l7", "l8", "l9", "zeta"}}, // alpha 5, zeta 1
	}, nil)
	var zeta, alpha Ranked
	for _, x := range best {
		switch x.ID {
		case "zeta":
			zeta = x
		case "alpha":
			alpha = x
		}
	}
	require.Equal(t, 11, zeta.Points)
	require.Equal(t, 11, alpha.Points)
	assert.Less(t, zeta.Rank, alpha.Rank)
}
