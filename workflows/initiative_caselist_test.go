package workflows

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flakyStore fails its first puts, as a full disk or a lost volume would.
type flakyStore struct {
	mu    sync.Mutex
	fails int
	puts  int
	dir   *cases.Memory
}

func (s *flakyStore) Put(ctx context.Context, rec cases.Record) (bool, error) {
	s.mu.Lock()
	s.puts++
	fail := s.puts <= s.fails
	s.mu.Unlock()
	if fail {
		return false, errors.New("disk full")
	}
	return s.dir.Put(ctx, rec)
}

func newCaseHarness(t *testing.T, fails int) (*harness, *flakyStore) {
	store := &flakyStore{fails: fails, dir: cases.NewMemory()}
	h := newHarness(t, sthlm(2026, 10, 15, 10, 0), func(a *activities.Activities) { a.Cases = store })
	return h, store
}

func storedCases(t *testing.T, s *flakyStore) map[string]cases.Record {
	res, err := s.dir.Select(context.Background(), cases.Filter{}, cases.Page{})
	require.NoError(t, err)
	out := map[string]cases.Record{}
	for _, c := range res.Cases {
		r, _, err := s.dir.Get(context.Background(), c.ID)
		require.NoError(t, err)
		out[c.ID] = r
	}
	return out
}

// The case list follows the initiative from its registration to its outcome, and the outcome
// is in the store before the workflow completes.
func TestTheCaseListFollowsTheInitiative(t *testing.T) {
	h, store := newCaseHarness(t, 0)
	var beforeTriage, inFebruary map[string]cases.Record
	h.at(sthlm(2026, 10, 15, 12, 0), func() { beforeTriage = storedCases(t, store) })
	h.updateAt(sthlm(2026, 10, 16, 10, 0), contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: domain.OwnerInera, Route: domain.RouteOwn})
	h.updateAt(sthlm(2026, 10, 17, 10, 0), contract.MsgAssessRelevance, contract.AssessRelevance{Meta: meta(office), Group: domain.RelevanceHigh, Municipal: domain.RelevanceHigh})
	h.at(sthlm(2027, 2, 2, 10, 0), func() { inFebruary = storedCases(t, store) })
	decline := h.updateAt(sthlm(2027, 2, 10, 10, 0), contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateQuickAnalysis, Verdict: domain.VerdictDecline})
	h.run(testInput())
	require.NoError(t, decline.rejected)

	backlog := beforeTriage["bygglov"].Summary
	assert.Equal(t, domain.StageBacklog, backlog.Stage, "a need the office has taken in is listed at once")
	assert.Empty(t, backlog.Owner)
	feb := inFebruary["bygglov"].Summary
	assert.Equal(t, domain.StageFebruaryReview, feb.Stage)
	require.NotNil(t, feb.NextMilestone)
	assert.True(t, feb.NextMilestone.At.Equal(sthlm(2027, 3, 15, 17, 0)), "the review's deadline: %v", feb.NextMilestone.At)

	final := storedCases(t, store)["bygglov"]
	assert.NotEmpty(t, final.Chain)
	assert.Equal(t, domain.StageDeclined, final.Summary.Stage)
	assert.Equal(t, domain.OwnerInera, final.Summary.Owner)
	assert.Equal(t, 2027, final.Summary.Year)
	require.NotNil(t, final.Summary.Outcome)
	assert.Equal(t, domain.RoleLeadership, final.Summary.Outcome.Body)
	require.NotNil(t, final.Summary.LatestDecision)
	assert.Equal(t, domain.VerdictDecline, final.Summary.LatestDecision.Verdict)
	assert.Nil(t, final.Summary.NextMilestone)
	// Written only on changes: the registration, triage, relevance, February, the decision.
	assert.Equal(t, 5, store.puts)
}

// A store that fails at first is retried, and the workflow waits for the outcome to be
// written before it completes.
func TestTheOutcomeReachesAFailingStoreBeforeTheWorkflowEnds(t *testing.T) {
	h, store := newCaseHarness(t, 3)
	h.updateAt(sthlm(2026, 10, 16, 10, 0), contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: domain.OwnerAdda, Route: domain.RouteProcurement})
	h.updateAt(sthlm(2026, 10, 16, 10, 0).Add(1), contract.MsgWithdraw, contract.Withdraw{Meta: meta(office)})
	h.run(testInput())
	require.NoError(t, h.env.GetWorkflowError())
	final := storedCases(t, store)["bygglov"]
	assert.Equal(t, domain.StageWithdrawn, final.Summary.Stage)
	assert.Greater(t, store.puts, 3)
}
