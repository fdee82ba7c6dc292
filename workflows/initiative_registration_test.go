package workflows

import (
	"context"
	"testing"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/codec"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
)

// A client that starts an initiative under an ID registered before (with the default ID reuse
// policy, which the server allows once the first run closed) is refused by the workflow itself,
// with a typed error, before it writes anything: the old case record stays as it was.
func TestAStartUnderAnIDRegisteredBeforeIsRefused(t *testing.T) {
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.RegisterWorkflow(InitiativeWorkflow)
	var asked coordinator.EarlierRunsInput
	env.RegisterActivityWithOptions(func(_ context.Context, in coordinator.EarlierRunsInput) (coordinator.EarlierRuns, error) {
		asked = in
		return coordinator.EarlierRuns{Registered: true, Status: "WORKFLOW_EXECUTION_STATUS_COMPLETED"}, nil
	}, activity.RegisterOptions{Name: "EarlierRegistration"})
	list := cases.NewMemory()
	env.RegisterActivity(&activities.Activities{Sender: mail.Outbox{Ledger: mail.NewMemory()}, Lang: i18n.Swedish, Cases: list})
	env.ExecuteWorkflow(InitiativeWorkflow, testInput())

	require.True(t, env.IsWorkflowCompleted())
	ve, ok := contract.ValidationErrorFrom(env.GetWorkflowError())
	require.True(t, ok, "%v", env.GetWorkflowError())
	assert.Equal(t, domain.CodeAlreadyRegistered, ve.Code)
	assert.Equal(t, "bygglov", ve.Detail)
	assert.Equal(t, "default-test-workflow-id", asked.WorkflowID)
	res, err := list.Select(context.Background(), cases.Filter{}, cases.Page{})
	require.NoError(t, err)
	assert.Zero(t, res.Total, "nothing written")
}

// A client that starts the workflow without the memo gets the title put there by the workflow
// (lists read it); one that sent it keeps it.
func TestTheWorkflowPutsTheTitleInTheMemo(t *testing.T) {
	for _, withMemo := range []bool{false, true} {
		h := newHarness(t, sthlm(2026, 10, 15, 10, 0))
		if withMemo {
			require.NoError(t, h.env.SetMemoOnStart(map[string]any{"title": "Satt av klienten"}))
		}
		var memos []map[string]interface{}
		h.env.OnUpsertMemo(mock.Anything).Run(func(args mock.Arguments) {
			memos = append(memos, args.Get(0).(map[string]interface{}))
		}).Return(nil)
		h.stopAt(sthlm(2026, 10, 15, 11, 0))
		h.run(testInput())
		if withMemo {
			assert.Empty(t, memos)
		} else {
			// The title is marked plain so that the payload codec leaves it readable in lists.
			assert.Equal(t, []map[string]interface{}{{"title": codec.Plain(testNeed().Title)}}, memos)
		}
	}
}

// An initiative withdrawn while in a cycle tells the cycle, which marks it in its ranking.
func TestAWithdrawnInitiativeTellsItsCycle(t *testing.T) {
	h := newHarness(t, sthlm(2026, 10, 15, 10, 0))
	h.updateAt(sthlm(2026, 10, 16, 10, 0), contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: domain.OwnerInera, Route: domain.RouteOwn})
	h.updateAt(sthlm(2026, 10, 16, 11, 0), contract.MsgAssessRelevance, contract.AssessRelevance{Meta: meta(office), Group: domain.RelevanceHigh, Municipal: domain.RelevanceHigh})
	join := h.updateAt(sthlm(2027, 1, 15, 8, 0), contract.MsgJoinCycle, domain.JoinCycle{Meta: domain.Meta{By: contract.CycleActor(2027), Reason: "r"},
		Year: 2027, Calendar: domain.DefaultCalendar()})
	h.updateAt(sthlm(2027, 2, 10, 10, 0), contract.MsgWithdraw, contract.Withdraw{Meta: meta(office)})
	var told []domain.ParticipantClosing
	h.env.OnSignalExternalWorkflow(mock.Anything, contract.CycleWorkflowID(2027), "", contract.MsgParticipantClosed, mock.Anything).
		Run(func(args mock.Arguments) { told = append(told, args.Get(4).(domain.ParticipantClosing)) }).Return(nil)
	h.run(testInput())

	require.NoError(t, join.rejected)
	require.Len(t, told, 1)
	assert.Equal(t, domain.ParticipantClosing{Initiative: "bygglov", Stage: domain.StageWithdrawn, At: sthlm(2027, 2, 10, 10, 0).UTC()},
		domain.ParticipantClosing{Initiative: told[0].Initiative, Stage: told[0].Stage, At: told[0].At.UTC()})
}
