package workflows

import (
	"context"
	"fmt"
	"testing"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
)

// A February start with a long backlog takes the initiatives in by batches of snapshotBatch,
// so no activity's input or result grows with the backlog; every initiative is in the cycle,
// in order.
func TestALongBacklogIsTakenInByBatches(t *testing.T) {
	start := sthlm(2027, 1, 15, 8, 0)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	env.RegisterWorkflow(CycleWorkflow)
	env.RegisterActivity(&activities.Activities{Sender: mail.Outbox{Ledger: mail.NewMemory()}, Lang: i18n.Swedish,
		LeadershipAddress: "ledningen@example.se", OfficeAddress: "kontoret@example.se", Addresses: directory{}})
	w := newWorld()
	w.now = env.Now
	const n = 2*snapshotBatch + 100
	for i := range n {
		w.add(t, fmt.Sprintf("b%04d", i), sthlm(2026, 10, 1, 10, 0), true)
	}
	var batches []int
	env.RegisterActivityWithOptions(w.findBacklog, activity.RegisterOptions{Name: "FindBacklog"})
	env.RegisterActivityWithOptions(func(ctx context.Context, in coordinator.JoinInput) ([]domain.InitiativeSnapshot, error) {
		batches = append(batches, len(in.IDs))
		return w.join(ctx, in)
	}, activity.RegisterOptions{Name: "JoinInitiatives"})
	env.RegisterActivityWithOptions(w.snapshots, activity.RegisterOptions{Name: "InitiativeSnapshots"})
	env.RegisterActivityWithOptions(w.applyDecisions, activity.RegisterOptions{Name: "ApplyDecisions"})

	var st contract.CycleStatus
	env.RegisterDelayedCallback(func() {
		v, err := env.QueryWorkflow(contract.QueryCycleStatus)
		require.NoError(t, err)
		require.NoError(t, v.Get(&st))
		env.CancelWorkflow()
	}, sthlm(2027, 1, 16, 8, 0).Sub(start))
	env.ExecuteWorkflow(CycleWorkflow, contract.CycleInput{Year: 2027, Config: testCycleConfig()})

	assert.Equal(t, []int{snapshotBatch, snapshotBatch, 100}, batches)
	assert.Equal(t, n, st.Participants)
	assert.Equal(t, 2027, w.get("b0000").Cycle, "the first batch's initiative is in")
	assert.Equal(t, 2027, w.get(fmt.Sprintf("b%04d", n-1)).Cycle, "and the last one")
}

// The leadership's decision on a long round is passed on by batches of snapshotBatch too: no
// activity's plan or result grows with the round, every initiative gets its verdict, in
// order, and the receipt has one line per initiative.
func TestADecisionOnALongRoundIsPassedOnByBatches(t *testing.T) {
	start := sthlm(2027, 1, 15, 8, 0)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	env.RegisterWorkflow(CycleWorkflow)
	env.RegisterActivity(&activities.Activities{Sender: mail.Outbox{Ledger: mail.NewMemory()}, Lang: i18n.Swedish,
		LeadershipAddress: "ledningen@example.se", OfficeAddress: "kontoret@example.se", Addresses: directory{}})
	w := newWorld()
	w.now = env.Now
	const n = 2*snapshotBatch + 100
	for i := range n {
		w.add(t, fmt.Sprintf("b%04d", i), sthlm(2026, 10, 1, 10, 0), true)
	}
	var batches []int
	env.RegisterActivityWithOptions(w.findBacklog, activity.RegisterOptions{Name: "FindBacklog"})
	env.RegisterActivityWithOptions(w.join, activity.RegisterOptions{Name: "JoinInitiatives"})
	env.RegisterActivityWithOptions(w.snapshots, activity.RegisterOptions{Name: "InitiativeSnapshots"})
	env.RegisterActivityWithOptions(func(ctx context.Context, in coordinator.ApplyDecisionsInput) ([]domain.DecisionResult, error) {
		batches = append(batches, len(in.Plan))
		return w.applyDecisions(ctx, in)
	}, activity.RegisterOptions{Name: "ApplyDecisions"})

	chosen := []string{"b0000", fmt.Sprintf("b%04d", n-1)}
	decision := updateCycleAt(env, start, sthlm(2027, 3, 2, 10, 0), contract.MsgDecideCycle,
		domain.DecideCycle{Meta: meta(leadership), Gate: domain.GateQuickAnalysis, Chosen: chosen})
	env.RegisterDelayedCallback(env.CancelWorkflow, sthlm(2027, 3, 3, 10, 0).Sub(start))
	env.ExecuteWorkflow(CycleWorkflow, contract.CycleInput{Year: 2027, Config: testCycleConfig()})

	require.True(t, decision.done)
	require.NoError(t, decision.rejected)
	assert.Equal(t, []int{snapshotBatch, snapshotBatch, 100}, batches)
	receipt := decision.value.(contract.DecisionReceipt)
	require.Len(t, receipt.Results, n)
	assert.Equal(t, "b0000", receipt.Results[0].Initiative)
	assert.Equal(t, fmt.Sprintf("b%04d", n-1), receipt.Results[n-1].Initiative)
	for _, r := range receipt.Results {
		assert.Empty(t, r.Error, r.Initiative)
	}
	assert.Equal(t, domain.StageChosenForQuickAnalysis, w.get(fmt.Sprintf("b%04d", n-1)).Stage, "the last batch's chosen one")
	assert.Equal(t, domain.StageAwaitingFebruary, w.get("b0300").Stage, "one not chosen waits for next February")
}
