package workflows

import (
	"errors"
	"testing"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

func smallInput(ms []domain.OfferMunicipality, rule domain.DecisionRule) contract.OfferRoundInput {
	return contract.OfferRoundInput{Setup: domain.OfferSetup{InitiativeID: "bygglov", Content: testContent(),
		Seminar: sthlm(2027, 2, 24, 13, 0), Deadline: sthlm(2027, 4, 12, 17, 0), LateUntil: sthlm(2027, 4, 12, 17, 0),
		Rule: rule, ReminderDays: []int{14, 3}, Municipalities: ms}}
}

// A worker that dies half-way through the fan-out: the batch is retried, resumes after its
// last heartbeat, and every municipality gets exactly one offer.
func TestOfferFanOutRetriedHalfWaySendsEachOfferOnce(t *testing.T) {
	ms := sweden(t)
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	h.sender.FailOnPut = 137 // inside the third batch of 50
	in := smallInput(ms, domain.DecisionRule{MinYes: 1})
	in.Parallel = 1
	h.env.ExecuteWorkflow(OfferRoundWorkflow, in)
	require.True(t, h.env.IsWorkflowCompleted())
	require.NoError(t, h.env.GetWorkflowError())

	offers := h.keys("offer/bygglov/")
	assert.Len(t, offers, 290, "every municipality got its offer")
	assert.Equal(t, len(h.sender.Messages())+1, h.sender.Puts,
		"only the failed message was attempted again: the retry resumed from the heartbeat")
	var final domain.OfferReport
	require.NoError(t, h.env.GetWorkflowResult(&final))
	assert.False(t, final.Go, "nobody answered")
}

// With the rule "at least 3 yes", three yes at the deadline is a go; the leadership hears it.
func TestGoAtTheDeadlineWithAMinimumNumberOfYes(t *testing.T) {
	ms := sweden(t)[:10]
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	h.submitAt(sthlm(2027, 3, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, codes(ms[:3])...))
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DecisionRule{MinYes: 3}))
	require.NoError(t, h.env.GetWorkflowError())
	var final domain.OfferReport
	require.NoError(t, h.env.GetWorkflowResult(&final))
	assert.True(t, final.Go)
	assert.Equal(t, 3, final.Tally.Yes)
	m, ok := h.sender.Get("outcome/bygglov/deadline")
	require.True(t, ok)
	assert.Contains(t, m.Subject, "Genomförande")
}

// The validator refuses a malformed batch; a batch whose every answer is wrong is answered
// per answer and changes nothing; a signal's rejections are counted in the status.
func TestMalformedBatchesAndRejectedAnswersChangeNothing(t *testing.T) {
	ms := sweden(t)[:10]
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	empty := h.submitAt(sthlm(2027, 3, 1, 10, 0), domain.SubmitAnswers{Meta: domain.Meta{By: linkActor}})
	noBy := h.submitAt(sthlm(2027, 3, 1, 10, 1), h.answers(domain.Actor{}, domain.AnswerYes, ms[0].Code))
	allBad := h.submitAt(sthlm(2027, 3, 1, 10, 2), domain.SubmitAnswers{Meta: domain.Meta{By: linkActor}, Answers: []domain.AnswerInput{
		{Municipality: "9999", Answer: domain.AnswerYes, Name: "n", Role: "r", SubmissionID: "x1"},
		{Municipality: ms[0].Code, Answer: domain.AnswerYes, Role: "r", SubmissionID: "x2"},
	}})
	h.at(sthlm(2027, 3, 1, 10, 3), func() {
		h.env.SignalWorkflow(contract.MsgSubmitAnswers, domain.SubmitAnswers{Meta: domain.Meta{By: linkActor}, Answers: []domain.AnswerInput{
			{Municipality: ms[1].Code, Answer: domain.AnswerYes, Name: "n", Role: "r", SubmissionID: "s1"},
			{Municipality: ms[2].Code, Answer: "kanske", Name: "n", Role: "r", SubmissionID: "s2"},
		}})
	})
	var st contract.OfferStatus
	h.at(sthlm(2027, 3, 1, 11, 0), func() { st = h.status() })
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DefaultDecisionRule()))
	require.NoError(t, h.env.GetWorkflowError())

	for name, r := range map[string]*batchResult{"empty": empty, "no sender": noBy} {
		require.True(t, r.done, name)
		var app *temporal.ApplicationError
		require.True(t, errors.As(r.rejected, &app), "%s: %v", name, r.rejected)
	}
	ve, ok := contract.ValidationErrorFrom(empty.rejected)
	require.True(t, ok)
	assert.Equal(t, "answers", ve.Field)
	require.NoError(t, allBad.rejected)
	require.Len(t, allBad.results, 2)
	assert.Equal(t, domain.CodeUnknownMunicipality, allBad.results[0].Error.Code)
	assert.Equal(t, "name", allBad.results[1].Error.Field)

	assert.Equal(t, 1, st.Tally.Yes, "only the signal's good answer counts")
	assert.Equal(t, 1, st.Rejected.Count)
	assert.Equal(t, []contract.RejectedAnswerRef{{Municipality: ms[2].Code, Code: domain.CodeInvalidValue, Field: "answer"}}, st.Rejected.Last)
	assert.Len(t, h.keys("receipt/"), 1)
}

// A run that continues as new carries every answer, the receipts still owed and the reports
// already made; the next run goes on to the same outcome.
func TestOfferRoundContinuesAsNewCarryingEverything(t *testing.T) {
	ms := sweden(t)[:20]
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	h.submitAt(sthlm(2027, 3, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, codes(ms[:5])...))
	h.at(sthlm(2027, 3, 1, 10, 1), func() {
		h.env.SetCurrentHistoryLength(5000)
		h.env.SignalWorkflow(contract.MsgSubmitAnswers, h.answers(linkActor, domain.AnswerNo, ms[5].Code))
	})
	in := smallInput(ms, domain.DecisionRule{MinYes: 5})
	h.env.ExecuteWorkflow(OfferRoundWorkflow, in)

	var can *workflow.ContinueAsNewError
	require.True(t, errors.As(h.env.GetWorkflowError(), &can), "got %v", h.env.GetWorkflowError())
	var next contract.OfferRoundInput
	require.NoError(t, converter.GetDefaultDataConverter().FromPayloads(can.Input, &next))
	require.NotNil(t, next.State)
	assert.Equal(t, 1, next.Run)
	assert.Len(t, next.State.Round.Answers, 6)
	assert.Equal(t, []contract.ReceiptRef{{Municipality: ms[5].Code, Version: 1}}, next.State.PendingReceipts,
		"the receipt still gathered travels to the next run")
	assert.NotNil(t, next.State.Round.Delivery, "the offers are not sent again")
	assert.Empty(t, next.Setup.Municipalities, "the setup travels once, inside the state")

	h2 := newOfferHarness(t, sthlm(2027, 3, 1, 10, 1), ms)
	h2.env.ExecuteWorkflow(OfferRoundWorkflow, next)
	require.NoError(t, h2.env.GetWorkflowError())
	var final domain.OfferReport
	require.NoError(t, h2.env.GetWorkflowResult(&final))
	assert.True(t, final.Go)
	assert.Equal(t, 1, final.Tally.No)
	assert.Empty(t, h2.keys("offer/"), "the next run sends no offer again")
	assert.Equal(t, 6, len(h.keys("receipt/"))+len(h2.keys("receipt/")), "every version gets one receipt across the runs")
}
