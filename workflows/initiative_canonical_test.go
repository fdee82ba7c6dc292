package workflows

import (
	"testing"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/temporal"
)

// A client of the contract that writes "inera", "nytta" and "hög" (the official TypeScript SDK
// client did) gets the canonical values stored, in the state and the search attribute the Web
// UI and the case list filter on; a second score for "benefit" replaces the one for "nytta".
func TestMessagesAreAppliedInTheirCanonicalForm(t *testing.T) {
	h := newHarness(t, sthlm(2026, 10, 15, 10, 0))
	triage := h.updateAt(sthlm(2026, 10, 16, 10, 0), contract.MsgTriageOwner,
		map[string]any{"by": office, "reason": "r", "owner": "inera", "route": "own"})
	h.updateAt(sthlm(2026, 10, 16, 11, 0), contract.MsgAssessRelevance,
		map[string]any{"by": office, "reason": "r", "group": "hög", "municipal": "Medium"})
	h.updateAt(sthlm(2026, 10, 16, 12, 0), contract.MsgScoreCriteria,
		map[string]any{"by": office, "reason": "r", "scores": []map[string]any{{"criterion": "nytta", "score": 5, "motivation": "m"}}})
	h.updateAt(sthlm(2026, 10, 16, 13, 0), contract.MsgScoreCriteria,
		map[string]any{"by": office, "reason": "r", "scores": []map[string]any{{"criterion": "benefit", "score": 4, "motivation": "m"}}})
	var st contract.Status
	var owners []string
	h.env.OnUpsertTypedSearchAttributes(mock.Anything).Run(func(args mock.Arguments) {
		if v, ok := args.Get(0).(temporal.SearchAttributes).GetKeyword(contract.SAOwner); ok {
			owners = append(owners, v)
		}
	}).Return(nil)
	h.at(sthlm(2026, 10, 17, 10, 0), func() { st = h.status() })
	h.stopAt(sthlm(2026, 10, 18, 10, 0))
	h.run(testInput())

	require.NoError(t, triage.rejected)
	assert.Equal(t, domain.OwnerInera, st.Initiative.Owner)
	assert.Equal(t, []string{"Inera"}, owners, "the search attribute")
	assert.Equal(t, domain.RelevanceHigh, st.Initiative.GroupRelevance)
	assert.Equal(t, []domain.CriterionScore{{Criterion: domain.CriterionBenefit, Score: 4, Motivation: "m"}}, st.Initiative.Criteria)
}
