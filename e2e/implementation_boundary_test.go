package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
)

// On a real server, a burst of messages (signals and updates from several clients at once)
// keeps arriving while the implementation continues as new again and again (its history
// bound is set very low): every message is in the state afterwards, none twice, and every run
// stays near its bound.
func TestImplementationContinuesAsNewUnderABurstLosingNothing(t *testing.T) {
	s, _, ms := startOfferSystem(t)
	ctx := context.Background()
	id := s.id("gransen")
	now := time.Now().In(domain.Stockholm())
	in := contract.ImplementationInput{Setup: domain.ImplementationSetup{InitiativeID: id, Title: "Gränstest",
		Owner: domain.OwnerInera, Settings: domain.DefaultImplementationSettings(), Start: now,
		Period: fmt.Sprintf("%d-%d", now.Year(), now.Year()+2), EffectGoal: "Halverad ledtid",
		Participants: []string{ms[0].Code, ms[1].Code}, By: "offer-" + id},
		MaxHistoryEvents: 120}
	run, err := s.admin.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: contract.ImplementationWorkflowID(id),
		TaskQueue: contract.TaskQueue}, contract.ImplementationWorkflowType, in)
	require.NoError(t, err)
	office := domain.Meta{By: domain.Actor{ID: "programkontoret.e2e", Role: domain.RoleOffice}, Reason: "Statistik"}
	_, err = s.admin.SendImplementation(ctx, id, contract.MsgImplPlan, domain.SetPlan{Meta: office,
		Goals: []domain.GoalInput{{ID: "effektmal", Unit: "procent", Target: 50}}}, false)
	require.NoError(t, err)

	const n = 240
	today := now.Format("2006-01-02")
	parallel(t, 12, n, func(i int) {
		m := domain.RecordMeasurement{Meta: office, Goal: "effektmal", Value: float64(i), Unit: "procent", Date: today}
		_, err := s.admin.SendImplementation(ctx, id, contract.MsgImplMeasure, m, i%2 == 0) // half signals, half updates
		require.NoError(t, err)
	})

	var st contract.ImplementationStatus
	require.Eventually(t, func() bool {
		st, err = s.admin.ImplementationStatus(ctx, id)
		return err == nil && len(st.Implementation.Measurements) >= n
	}, 30*time.Second, 100*time.Millisecond, "every measurement arrives")
	seen := map[float64]int{}
	for _, m := range st.Implementation.Measurements {
		seen[m.Value]++
	}
	for i := 0; i < n; i++ {
		assert.Equal(t, 1, seen[float64(i)], "measurement %d", i)
	}
	assert.Len(t, st.Implementation.Measurements, n, "none twice")
	assert.Empty(t, st.Rejected)

	lengths := runLengths(t, s, contract.ImplementationWorkflowID(id), run.GetRunID())
	t.Logf("history events per run: %v", lengths)
	require.GreaterOrEqual(t, len(lengths), 3, "the implementation continued as new during the burst")
	for i, l := range lengths {
		assert.Less(t, l, 3*in.MaxHistoryEvents, "run %d continues as new soon after its bound", i)
	}
}
