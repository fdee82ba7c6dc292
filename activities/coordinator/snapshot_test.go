package coordinator

import (
	"testing"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/mocks"
	"go.temporal.io/sdk/testsuite"
)

// snapshotsWith runs InitiativeSnapshots for one initiative whose status query fails with err.
func snapshotsWith(t *testing.T, err error) ([]domain.InitiativeSnapshot, error) {
	c := &mocks.Client{}
	c.On("QueryWorkflow", mock.Anything, contract.InitiativeWorkflowID("a"), "", contract.QueryStatus).Return(nil, err)
	c.On("DescribeWorkflowExecution", mock.Anything, contract.InitiativeWorkflowID("a"), "").Return(nil, err)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	a := &Activities{Admin: &admin.Client{Temporal: c, Namespace: contract.Namespace}}
	env.RegisterActivity(a)
	v, runErr := env.ExecuteActivity(a.InitiativeSnapshots, SnapshotsInput{IDs: []string{"a"}})
	if runErr != nil {
		return nil, runErr
	}
	var out []domain.InitiativeSnapshot
	require.NoError(t, v.Get(&out))
	return out, nil
}

// A status query that fails for a busy worker fails the activity, which is retried; it no
// longer reads as an initiative in no stage (which made a decision refuse it, and a join leave
// it out of the round).
func TestASnapshotThatCannotBeReadIsRetried(t *testing.T) {
	_, err := snapshotsWith(t, serviceerror.NewDeadlineExceeded("context deadline exceeded"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "reading initiative a")
}

// An initiative that no longer exists gives an empty snapshot; the others are still read.
func TestAnInitiativeThatIsGoneGivesAnEmptySnapshot(t *testing.T) {
	out, err := snapshotsWith(t, serviceerror.NewNotFound("workflow not found"))
	require.NoError(t, err)
	assert.Equal(t, []domain.InitiativeSnapshot{{ID: "a"}}, out)
}

// A read that fails once (a busy worker) is tried again within the activity, so one slow
// query does not make the whole batch run again.
func TestASnapshotIsReadAgainBeforeTheBatchFails(t *testing.T) {
	c := &mocks.Client{}
	c.On("QueryWorkflow", mock.Anything, contract.InitiativeWorkflowID("a"), "", contract.QueryStatus).
		Return(nil, serviceerror.NewDeadlineExceeded("context deadline exceeded")).Once()
	v := &mocks.Value{}
	v.On("Get", mock.Anything).Run(func(args mock.Arguments) {
		*args.Get(0).(*contract.Status) = contract.Status{Initiative: domain.Initiative{ID: "a", Stage: domain.StageAwaitingFebruary}}
	}).Return(nil)
	c.On("QueryWorkflow", mock.Anything, contract.InitiativeWorkflowID("a"), "", contract.QueryStatus).Return(v, nil).Once()
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	a := &Activities{Admin: &admin.Client{Temporal: c, Namespace: contract.Namespace}}
	env.RegisterActivity(a)
	res, err := env.ExecuteActivity(a.InitiativeSnapshots, SnapshotsInput{IDs: []string{"a"}})
	require.NoError(t, err)
	var out []domain.InitiativeSnapshot
	require.NoError(t, res.Get(&out))
	require.Len(t, out, 1)
	assert.True(t, out[0].Found)
	assert.Equal(t, domain.StageAwaitingFebruary, out[0].Stage)
	c.AssertNumberOfCalls(t, "QueryWorkflow", 2)
}
