package workflows

import (
	"errors"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

func implInput() contract.ImplementationInput {
	return contract.ImplementationInput{Setup: domain.ImplementationSetup{InitiativeID: "bygglov", Title: "Gemensam e-tjänst för bygglov",
		Owner: domain.OwnerInera, Settings: domain.DefaultImplementationSettings(), Start: sthlm(2027, 12, 20, 10, 0),
		Period: "2028-2029", EffectGoal: "50 % digitala", Participants: []string{"0114", "0115"}, By: "offer-bygglov"}}
}

// Messages arriving in the last seconds of a period, the last of them as the run decides to
// continue as new (its history is long), are all in the state it carries: a rejected signal
// is listed, the update is answered, and the next run goes on from there. (The
// time-skipping environment hands a run one message per task and cannot deliver one in the
// very instant between two runs; on a real server a signal still buffered is drained, and
// one arriving as the run closes makes the closing task retry with it.)
func TestImplementationContinuesAsNewLosingNothing(t *testing.T) {
	ms := sweden(t)[:5]
	h := newOfferHarness(t, sthlm(2027, 12, 20, 10, 0), ms)
	plan := domain.SetPlan{Meta: meta(office), Goals: []domain.GoalInput{{ID: "effektmal", Unit: "procent", Target: 50}}}
	h.at(sthlm(2027, 12, 21, 10, 0), func() { h.env.SignalWorkflow(contract.MsgImplPlan, plan) })
	boundary := sthlm(2028, 1, 1, 0, 0)
	lastSecond := sthlm(2027, 12, 31, 23, 59).Add(59 * time.Second)
	upd := &implResult{}
	h.at(lastSecond.Add(-time.Second), func() {
		h.env.SignalWorkflow(contract.MsgImplJoin, domain.JoinImplementation{Meta: meta(office), Municipalities: []string{ms[4].Code}})
		h.env.SignalWorkflow(contract.MsgImplMeasure, domain.RecordMeasurement{Meta: meta(office), Goal: "okänt", Value: 1, Unit: "procent", Date: "2027-12-31"})
		h.env.UpdateWorkflow(contract.MsgImplMilestone, "u1", updateCallback(upd), domain.RecordMilestone{Meta: meta(office), Milestone: "finns-inte"})
	})
	h.at(lastSecond, func() {
		// The history is now long: the next message wakes the run, which continues as new.
		h.env.SetCurrentHistoryLength(5000)
		h.env.SignalWorkflow(contract.MsgImplMeasure, measure(11, "2027-12-31"))
	})
	h.env.ExecuteWorkflow(ImplementationWorkflow, implInput())

	var can *workflow.ContinueAsNewError
	require.True(t, errors.As(h.env.GetWorkflowError(), &can), "got %v", h.env.GetWorkflowError())
	var next contract.ImplementationInput
	require.NoError(t, converter.GetDefaultDataConverter().FromPayloads(can.Input, &next))
	require.NotNil(t, next.State)
	assert.Equal(t, 1, next.Run)
	assert.Empty(t, next.Setup.InitiativeID, "the setup travels once, inside the state")
	require.Len(t, next.State.Measurements, 1)
	assert.Equal(t, 11.0, next.State.Measurements[0].Value)
	assert.Len(t, next.State.Participants, 3)
	require.Len(t, next.Rejected, 1, "the bad signal is listed, not lost")
	assert.Equal(t, domain.CodeUnknownGoal, next.Rejected[0].Error.Code)
	require.True(t, upd.done)
	ve, ok := contract.ValidationErrorFrom(upd.rejected)
	require.True(t, ok)
	assert.Equal(t, domain.CodeUnknownMilestone, ve.Code)
	assert.Len(t, next.State.Register, 5, "the register is read once and carried")

	// The next run goes on from the carried state, in the next period.
	h2 := newOfferHarness(t, boundary, ms)
	var st contract.ImplementationStatus
	h2.at(sthlm(2028, 1, 2, 10, 0), func() {
		v, err := h2.env.QueryWorkflow(contract.QueryImplementationStatus)
		require.NoError(t, err)
		require.NoError(t, v.Get(&st))
	})
	h2.env.ExecuteWorkflow(ImplementationWorkflow, next)
	require.True(t, errors.As(h2.env.GetWorkflowError(), &can))
	assert.Equal(t, 1, st.Run)
	assert.Equal(t, "2028-01", st.Implementation.CurrentPeriod(sthlm(2028, 1, 2, 10, 0)))
	assert.Len(t, st.Implementation.Measurements, 1)
}

// Stopping ends the implementation with the reason, sends the last digest at once, and
// returns the outcome.
func TestStoppedImplementationEndsWithItsReason(t *testing.T) {
	ms := sweden(t)[:3]
	h := newOfferHarness(t, sthlm(2028, 2, 1, 10, 0), ms)
	h.at(sthlm(2028, 2, 10, 10, 0), func() {
		h.env.SignalWorkflow(contract.MsgImplStop, domain.StopImplementation{Meta: domain.Meta{By: leadership, Reason: "Finansieringen drogs in"}})
	})
	in := implInput()
	in.Setup.Start = sthlm(2028, 2, 1, 10, 0)
	h.env.ExecuteWorkflow(ImplementationWorkflow, in)
	require.NoError(t, h.env.GetWorkflowError())
	var out domain.ImplOutcome
	require.NoError(t, h.env.GetWorkflowResult(&out))
	assert.Equal(t, domain.StageStopped, out.Stage)
	assert.Equal(t, "Finansieringen drogs in", out.Reason)
	m, ok := h.sender.Get("impl/bygglov/digest/final/0114")
	require.True(t, ok)
	assert.Contains(t, m.Body, "Genomförandet har avbrutits")
	assert.NotContains(t, m.Body, "Finansieringen", "the reason is for the audit trail, not the municipalities' e-mail")
	assert.NotContains(t, m.Body, "{", "every placeholder filled")
}

func updateCallback(res *implResult) *testsuite.TestUpdateCallback {
	return &testsuite.TestUpdateCallback{
		OnAccept: func() {},
		OnReject: func(err error) { res.rejected, res.done = err, true },
		OnComplete: func(v interface{}, err error) {
			res.done, res.rejected = true, err
			if err == nil {
				res.receipt = v.(contract.ImplReceipt)
			}
		},
	}
}

// A join of several municipalities answers with every event it recorded, so the office sees
// each one confirmed ('impl join 1282,0120' used to confirm only 0120).
func TestAJoinOfSeveralAnswersWithEveryEvent(t *testing.T) {
	ms := sweden(t)[:5]
	h := newOfferHarness(t, sthlm(2027, 12, 20, 10, 0), ms)
	joined := &implResult{}
	h.at(sthlm(2027, 12, 21, 10, 0), func() {
		h.env.UpdateWorkflow(contract.MsgImplJoin, "j1", updateCallback(joined),
			domain.JoinImplementation{Meta: meta(office), Municipalities: []string{ms[3].Code, ms[4].Code}})
	})
	h.at(sthlm(2027, 12, 22, 10, 0), func() { h.env.CancelWorkflow() })
	h.env.ExecuteWorkflow(ImplementationWorkflow, implInput())

	require.True(t, joined.done)
	require.NoError(t, joined.rejected)
	require.Len(t, joined.receipt.Events, 2)
	assert.Equal(t, ms[3].Code, joined.receipt.Events[0].Ref)
	assert.Equal(t, ms[4].Code, joined.receipt.Events[1].Ref)
}
