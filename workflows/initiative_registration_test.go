package workflows

import (
	"context"
	"testing"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/cases"
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
			assert.Equal(t, []map[string]interface{}{{"title": testNeed().Title}}, memos)
		}
	}
}
