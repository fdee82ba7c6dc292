package coordinator

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/mocks"
	"go.temporal.io/sdk/testsuite"
)

// inFlight counts the updates being answered at the same time. The first initiativesAtOnce
// updates are held until that many are in flight together, so an activity that sends one
// after another never gets past its first and fails the test, whatever the machine's speed.
type inFlight struct {
	mu       sync.Mutex
	now, max int
	full     chan struct{}
	fullOnce sync.Once
}

func (f *inFlight) enter(t *testing.T) {
	f.mu.Lock()
	f.now++
	f.max = max(f.max, f.now)
	if f.now == initiativesAtOnce {
		f.fullOnce.Do(func() { close(f.full) })
	}
	f.mu.Unlock()
	select {
	case <-f.full:
	case <-time.After(time.Minute):
		t.Errorf("updates were not sent at the same time: at most %d in flight", f.max)
		f.fullOnce.Do(func() { close(f.full) }) // let the rest through: one failure is enough
	}
}

func (f *inFlight) leave() {
	f.mu.Lock()
	f.now--
	f.mu.Unlock()
}

// A gate's decision goes to initiativesAtOnce initiatives at the same time, never more, and
// the results come back in the order of the plan, with a refusal recorded on its line only.
func TestDecisionsArePassedOnAtOnceAndAnsweredInPlanOrder(t *testing.T) {
	const n = 3*initiativesAtOnce + 5
	flight := &inFlight{full: make(chan struct{})}
	c := &mocks.Client{}
	var plan []domain.PlannedVerdict
	var want []domain.DecisionResult
	for i := range n {
		id := fmt.Sprintf("i%02d", i)
		plan = append(plan, domain.PlannedVerdict{Initiative: id, Verdict: domain.VerdictApprove})
		h := &mocks.WorkflowUpdateHandle{}
		line := domain.DecisionResult{Initiative: id, Verdict: domain.VerdictApprove, Stage: domain.Stage("stage-of-" + id)}
		if i == 7 {
			h.On("Get", mock.Anything, mock.Anything).Return(errors.New("refused"))
			line = domain.DecisionResult{Initiative: id, Verdict: domain.VerdictApprove, Error: "refused"}
		} else {
			h.On("Get", mock.Anything, mock.Anything).Run(func(args mock.Arguments) {
				*args.Get(1).(*contract.Receipt) = contract.Receipt{Stage: line.Stage}
			}).Return(nil)
		}
		want = append(want, line)
		c.On("UpdateWorkflow", mock.Anything, mock.MatchedBy(func(o client.UpdateWorkflowOptions) bool {
			return o.WorkflowID == contract.InitiativeWorkflowID(id) && o.UpdateID == contract.DecisionUpdateID(2027, domain.GateQuickAnalysis, id)
		})).Run(func(mock.Arguments) {
			flight.enter(t)
			flight.leave()
		}).Return(h, nil)
	}
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	a := &Activities{Admin: &admin.Client{Temporal: c, Namespace: contract.Namespace}}
	env.RegisterActivity(a)
	v, err := env.ExecuteActivity(a.ApplyDecisions, ApplyDecisionsInput{Year: 2027, Gate: domain.GateQuickAnalysis, Plan: plan,
		By: domain.Actor{ID: "lena.ledningen", Role: domain.RoleLeadership}, Reason: "beslut"})
	require.NoError(t, err)
	var got []domain.DecisionResult
	require.NoError(t, v.Get(&got))
	assert.Equal(t, want, got)
	assert.Equal(t, initiativesAtOnce, flight.max, "at most initiativesAtOnce updates in flight")
}

// A snapshot that cannot be read among many read at once fails the whole read, which is
// retried, instead of being lost among the others' answers.
func TestOneUnreadableSnapshotFailsTheBatch(t *testing.T) {
	c := &mocks.Client{}
	c.On("QueryWorkflow", mock.Anything, contract.InitiativeWorkflowID("bad"), "", contract.QueryStatus).
		Return(nil, context.DeadlineExceeded)
	var ids []string
	for i := range 4 * initiativesAtOnce {
		id := fmt.Sprintf("i%02d", i)
		ids = append(ids, id)
		v := &mocks.Value{}
		v.On("Get", mock.Anything).Return(nil)
		c.On("QueryWorkflow", mock.Anything, contract.InitiativeWorkflowID(id), "", contract.QueryStatus).Return(v, nil).Maybe()
	}
	ids = append([]string{"bad"}, ids...)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	a := &Activities{Admin: &admin.Client{Temporal: c, Namespace: contract.Namespace}}
	env.RegisterActivity(a)
	_, err := env.ExecuteActivity(a.InitiativeSnapshots, SnapshotsInput{IDs: ids})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "reading initiative bad")
}
