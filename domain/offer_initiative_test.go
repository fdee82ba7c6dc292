package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func offeredInitiative(t *testing.T) *Initiative {
	t.Helper()
	in := &Initiative{ID: "bygglov", Stage: StageOffered, Need: Need{Title: "Bygglov"},
		Qualification: &QualificationPlan{What: "w", WhoDoesWhat: "x", EffectGoal: "e", Cost: "c", Financing: "f", ImplementationPeriod: "2027-2028"}}
	require.NoError(t, in.StartOfferRound(OfferRoundRef{WorkflowID: "offer-bygglov"}, local(2027, 2, 10, 10, 0)))
	return in
}

func TestOfferReportsMoveTheInitiative(t *testing.T) {
	at := local(2027, 4, 1, 17, 0)
	cases := []struct {
		name    string
		reports []OfferReport
		want    Stage
	}{
		{"go at the deadline", []OfferReport{{Phase: PhaseDeadline, Go: true}}, StageImplementation},
		{"go, then closed", []OfferReport{{Phase: PhaseDeadline, Go: true}, {Phase: PhaseFinal, Go: true}}, StageImplementation},
		{"no-go waits for late joiners", []OfferReport{{Phase: PhaseDeadline}}, StageOfferNotReached},
		{"lifted by late joiners", []OfferReport{{Phase: PhaseDeadline}, {Phase: PhaseLifted, Go: true}}, StageImplementation},
		{"no-go to the end", []OfferReport{{Phase: PhaseDeadline}, {Phase: PhaseFinal}}, StageNotImplemented},
		{"only the final report arrived", []OfferReport{{Phase: PhaseFinal}}, StageNotImplemented},
		{"a repeated report changes nothing", []OfferReport{{Phase: PhaseDeadline}, {Phase: PhaseLifted, Go: true}, {Phase: PhaseDeadline}}, StageImplementation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := offeredInitiative(t)
			for _, r := range c.reports {
				require.NoError(t, in.ApplyOfferReport(r, at))
			}
			assert.Equal(t, c.want, in.Stage)
			assert.Equal(t, c.want == StageNotImplemented, in.Stage.Closed())
		})
	}
}

func TestStartOfferRoundOnlyOnceAndOnlyWhenOffered(t *testing.T) {
	in := offeredInitiative(t)
	assert.Equal(t, StageOfferRound, in.Stage)
	assertCode(t, in.StartOfferRound(OfferRoundRef{}, local(2027, 2, 10, 10, 0)), CodeWrongStage, "stage")
	in.Stage = StageOffered
	assertCode(t, in.StartOfferRound(OfferRoundRef{}, local(2027, 2, 10, 10, 0)), CodeInvalidValue, "offer")

	content := OfferContentFrom(in)
	assert.Equal(t, OfferContent{InitiativeID: "bygglov", Title: "Bygglov", What: "w", WhoDoesWhat: "x", EffectGoal: "e",
		Cost: "c", Financing: "f", ImplementationPeriod: "2027-2028"}, content)
}

func TestAWithdrawnInitiativeKeepsTheReportOnly(t *testing.T) {
	in := offeredInitiative(t)
	require.NoError(t, in.Apply(Withdraw{Meta: Meta{By: Actor{ID: "a", Role: RoleOffice}, Reason: "r"}}, local(2027, 3, 1, 10, 0)))
	require.NoError(t, in.ApplyOfferReport(OfferReport{Phase: PhaseDeadline, Go: true}, local(2027, 4, 1, 17, 0)))
	assert.Equal(t, StageWithdrawn, in.Stage)
	assert.Len(t, in.Offer.Reports, 1)
}
