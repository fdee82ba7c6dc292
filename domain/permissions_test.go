package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The role matrix: who may do what. The console shows and allows exactly this, and every
// command refuses everyone else (forbidden_role).
func TestWhoMayDoWhat(t *testing.T) {
	o, l, c, n, m, w := RoleOffice, RoleLeadership, RoleCouncil, RoleNetwork, RoleMunicipality, RoleOwner
	want := map[Action][]Role{
		ActRegister: {o}, ActTriage: {o}, ActRelevance: {o}, ActScore: {o}, ActRequirement: {o},
		ActDecide: {l}, ActQuickAnalysis: {o}, ActValuation: {o}, ActQualification: {o}, ActWithdraw: {o},
		ActJoinCycle: {o}, ActPriorities: {c, n, o}, ActCycleValuation: {c, n, o}, ActDecideCycle: {l},
		ActAnswer: {m, o}, ActImplPlan: {o}, ActImplMilestone: {o, w}, ActImplReport: {o, w}, ActImplMeasure: {o, w},
		ActImplHearing: {o}, ActImplJoin: {o, m}, ActImplUnsubscribe: {o, m}, ActImplComplete: {o, l}, ActImplStop: {o, l},
		ActEditAddresses: {o}, ActFollowOffer: {o, l}, ActDecideProposal: {o}, ActForgetContact: {o}, ActForgetAnswerer: {o}, ActPersonalData: {o},
		ActSeminarVenue: {o},
	}
	assert.Len(t, Actions(), len(want))
	for _, a := range Actions() {
		for _, r := range roles {
			assert.Equal(t, hasRole(want[a], r), a.PermittedTo(r), "%s by %s", a, r)
		}
	}
	assert.Empty(t, Action("nothing").Roles())
}

// A command checks its sender against the table: a role the table does not name is refused.
func TestCommandsCheckTheTable(t *testing.T) {
	in := &Initiative{Stage: StageBacklog}
	for _, r := range roles {
		err := TriageOwner{Meta: Meta{By: Actor{ID: "x", Role: r}, Reason: "r"}, Owner: OwnerInera, Route: RouteOwn}.check(in, local(2026, 1, 1, 0, 0))
		if ActTriage.PermittedTo(r) {
			assert.NoError(t, err, "%s", r)
		} else {
			assert.ErrorContains(t, err, string(CodeForbiddenRole), "%s", r)
		}
	}
}

func hasRole(rs []Role, r Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// An owner organisation's contact reports on the implementations it owns, and no others.
func TestAnOwnerReportsOnItsOwn(t *testing.T) {
	im := &Implementation{Owner: OwnerInera}
	ok := Meta{By: Actor{ID: "kim", Role: RoleOwner, Owner: OwnerInera}, Reason: "r"}
	other := Meta{By: Actor{ID: "ola", Role: RoleOwner, Owner: OwnerAdda}, Reason: "r"}
	none := Meta{By: Actor{ID: "ulf", Role: RoleOwner}, Reason: "r"}
	assert.NoError(t, checkOwnerFor(ok.By, im.Owner))
	for _, m := range []Meta{other, none} {
		err := RecordMeasurement{Meta: m, Goal: "x"}.checkImpl(im, local(2027, 1, 1, 0, 0))
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, CodeForbiddenRole, ve.Code)
		assert.Equal(t, "not_your_implementation", ve.Hint)
	}
}
