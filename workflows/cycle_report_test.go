package workflows

import (
	"fmt"
	"testing"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"
)

// A cycle of more participants than one page: the report query carries the first page (also
// when asked without an argument), the next page on request, a page asked for wrongly is
// refused, and the cycle's result at its end carries the first page, not the whole ranking.
func TestTheReportIsReadPageByPage(t *testing.T) {
	start := sthlm(2027, 1, 15, 8, 0)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	env.RegisterWorkflow(CycleWorkflow)
	env.RegisterActivity(&activities.Activities{Sender: mail.Outbox{Ledger: mail.NewMemory()}, Lang: i18n.Swedish,
		LeadershipAddress: "ledningen@example.se", OfficeAddress: "kontoret@example.se", Addresses: directory{}})
	w := newWorld()
	w.register(env)
	const n = domain.RankingPageSize + 100
	for i := range n {
		w.add(t, fmt.Sprintf("r%04d", i), sthlm(2026, 10, 1, 10, 0), true)
	}
	query := func(args ...any) (domain.CycleReport, error) {
		var rep domain.CycleReport
		v, err := env.QueryWorkflow(contract.QueryCycleReport, args...)
		if err != nil {
			return rep, err
		}
		return rep, v.Get(&rep)
	}
	var first, second, past domain.CycleReport
	var refused error
	env.RegisterDelayedCallback(func() {
		var err error
		first, err = query()
		require.NoError(t, err)
		second, err = query(contract.ReportRequest{RankingFrom: domain.RankingPageSize})
		require.NoError(t, err)
		past, err = query(contract.ReportRequest{RankingFrom: n + 5, RankingLimit: 3})
		require.NoError(t, err)
		_, refused = query(contract.ReportRequest{RankingFrom: -1})
	}, sthlm(2027, 1, 16, 8, 0).Sub(start))
	none := updateCycleAt(env, start, sthlm(2027, 3, 2, 10, 0), contract.MsgDecideCycle,
		domain.DecideCycle{Meta: meta(leadership), Gate: domain.GateQuickAnalysis, None: true})
	env.ExecuteWorkflow(CycleWorkflow, contract.CycleInput{Year: 2027, Config: testCycleConfig()})

	require.Len(t, first.Ranking, domain.RankingPageSize)
	assert.Equal(t, n, first.RankingTotal)
	assert.Equal(t, "r0000", first.Ranking[0].ID)
	assert.False(t, first.Complete())
	require.Len(t, second.Ranking, 100)
	assert.Equal(t, domain.RankingPageSize, second.RankingFrom)
	assert.Equal(t, fmt.Sprintf("r%04d", domain.RankingPageSize), second.Ranking[0].ID, "the next page goes on where the first ended")
	assert.Equal(t, fmt.Sprintf("r%04d", n-1), second.Ranking[99].ID)
	assert.Equal(t, first.Revision, second.Revision)
	assert.Empty(t, past.Ranking)
	assert.Equal(t, n, past.RankingTotal)
	require.Error(t, refused)
	assert.Contains(t, refused.Error(), "ranking_from")

	require.True(t, none.done)
	require.NoError(t, none.rejected)
	require.True(t, env.IsWorkflowCompleted())
	require.NoError(t, env.GetWorkflowError())
	var result domain.CycleReport
	require.NoError(t, env.GetWorkflowResult(&result))
	assert.Equal(t, domain.PhaseDone, result.Phase)
	assert.Len(t, result.Ranking, domain.RankingPageSize, "the result carries the first page")
	assert.Equal(t, n, result.RankingTotal)
}
