package workflows

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

// cycleEnv is a time-skipping environment for the cycle over the world's initiatives.
func cycleEnv(w *world) *testsuite.TestWorkflowEnvironment {
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.RegisterWorkflow(CycleWorkflow)
	env.RegisterActivity(&activities.Activities{Sender: mail.Outbox{Ledger: mail.NewMemory()}, Lang: i18n.Swedish,
		LeadershipAddress: "ledningen@example.se", OfficeAddress: "kontoret@example.se", Addresses: directory{}})
	w.register(env)
	return env
}

// A cycle continues as new carrying its participants without their titles, owners and scores
// (they are the initiatives' own, and with them a backlog of 5,000 passed the 2 MB payload
// limit); the next run reads them back before anything else, so its ranking has them again.
func TestAContinuedCycleReadsItsParticipantsBack(t *testing.T) {
	start := sthlm(2027, 1, 15, 8, 0)
	w := newWorld()
	env := cycleEnv(w)
	env.SetStartTime(start)
	for i := range 3 {
		w.add(t, fmt.Sprintf("c%d", i), sthlm(2026, 10, 1, 10, 0), true)
	}
	// Once the backlog is in, the history is long: the run continues as new when it next wakes.
	env.RegisterDelayedCallback(func() { env.SetCurrentHistoryLength(5000) }, time.Hour)
	env.ExecuteWorkflow(CycleWorkflow, contract.CycleInput{Year: 2027, Config: testCycleConfig()})

	var can *workflow.ContinueAsNewError
	require.True(t, errors.As(env.GetWorkflowError(), &can), "got %v", env.GetWorkflowError())
	var next contract.CycleInput
	require.NoError(t, converter.GetDefaultDataConverter().FromPayloads(can.Input, &next))
	require.NotNil(t, next.State)
	assert.True(t, next.ReadParticipants)
	require.Len(t, next.State.Participants, 3)
	for _, p := range next.State.Participants {
		assert.Empty(t, p.Title, p.ID)
		assert.Empty(t, p.Criteria, p.ID)
		assert.False(t, p.Included.IsZero(), "when it was included is the cycle's own: %s", p.ID)
	}

	// The next run: the world has moved on (a new score), and the ranking shows it.
	env2 := cycleEnv(w)
	env2.SetStartTime(start)
	w.do(t, "c1", domain.ScoreCriteria{Meta: meta(office), Scores: []domain.CriterionScore{{Criterion: domain.CriterionBenefit, Score: 5, Motivation: "m"}}})
	var rep domain.CycleReport
	env2.RegisterDelayedCallback(func() {
		v, err := env2.QueryWorkflow(contract.QueryCycleReport)
		require.NoError(t, err)
		require.NoError(t, v.Get(&rep))
		env2.CancelWorkflow()
	}, sthlm(2027, 1, 16, 8, 0).Sub(start))
	env2.ExecuteWorkflow(CycleWorkflow, next)
	require.Len(t, rep.Ranking, 3)
	titles := map[string]string{}
	for _, r := range rep.Ranking {
		titles[r.ID] = r.Title
		if r.ID == "c1" {
			assert.Equal(t, 5, r.Benefit, "the score as the initiative has it now")
		}
	}
	assert.Equal(t, map[string]string{"c0": "Initiativ c0", "c1": "Initiativ c1", "c2": "Initiativ c2"}, titles)
}
