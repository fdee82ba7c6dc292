package consolepath

import (
	"testing"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
)

func TestAddresses(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Initiative("bygglov"), "/konsol/initiativ/bygglov"},
		{Decision("bygglov"), "/konsol/initiativ/bygglov/beslut"},
		{Report("bygglov"), "/konsol/initiativ/bygglov/rapport"},
		{OfferDashboard("bygglov"), "/konsol/initiativ/bygglov/erbjudande"},
		{Cycle(2027), "/konsol/cykel/2027"},
		{Gate(2027, domain.GateQualification), "/konsol/cykel/2027/beslut/kvalificering"},
		{MemberList(2027, "county:01"), "/konsol/cykel/2027/lista?medlem=county%3A01"},
		{MemberValuation(2027, "network:a b"), "/konsol/cykel/2027/vardering?medlem=network%3Aa+b"},
		{Proposal("forslag-1"), "/konsol/forslag/forslag-1"},
		{Addresses(contacts.Owner), "/konsol/adresser/agare"},
	} {
		assert.Equal(t, c.want, c.got)
	}
}

// Every gate and every kind of party has a name in addresses that reads back to it.
func TestSlugsReadBack(t *testing.T) {
	for _, g := range domain.Gates {
		back, ok := GateBySlug(GateSlug(g))
		assert.True(t, ok, g)
		assert.Equal(t, g, back)
	}
	for _, k := range contacts.Kinds {
		back, ok := KindBySlug(KindSlug(k))
		assert.True(t, ok, k)
		assert.Equal(t, k, back)
	}
	_, ok := GateBySlug("okand")
	assert.False(t, ok)
	g, ok := GateOfPhase(domain.PhaseOfferDecision)
	assert.True(t, ok)
	assert.Equal(t, domain.GateOffer, g)
	_, ok = GateOfPhase(domain.PhaseValuation)
	assert.False(t, ok, "the valuation waits at no gate")
}
