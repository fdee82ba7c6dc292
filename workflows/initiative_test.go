package workflows

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// A need registered in October 2025 goes through every season to an offer decision in
// February 2027, across the March and October DST changes, each season opening at 09:00 local.
func TestWholeYearFromOctoberToOffer(t *testing.T) {
	h := newHarness(t, sthlm(2025, 10, 15, 10, 0))
	steps := []struct {
		at   time.Time
		name string
		arg  any
		want domain.Stage
	}{
		{sthlm(2025, 10, 16, 10, 0), contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: domain.OwnerInera, Route: domain.RouteOwn}, domain.StageTriaged},
		{sthlm(2025, 10, 17, 10, 0), contract.MsgAssessRelevance, contract.AssessRelevance{Meta: meta(office), Group: domain.RelevanceHigh, Municipal: domain.RelevanceHigh}, domain.StageAwaitingFebruary},
		{sthlm(2025, 11, 1, 10, 0), contract.MsgScoreCriteria, contract.ScoreCriteria{Meta: meta(office), Scores: []domain.CriterionScore{{Criterion: domain.CriterionUrgency, Score: 5, Motivation: "lagkrav 2027"}}}, domain.StageAwaitingFebruary},
		{sthlm(2026, 2, 10, 10, 0), contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateQuickAnalysis, Verdict: domain.VerdictApprove}, domain.StageChosenForQuickAnalysis},
		{sthlm(2026, 4, 10, 10, 0), contract.MsgRecordQuickAnalysis, contract.RecordQuickAnalysis{Meta: meta(office), OfferMeaning: "En gemensam tjänst", QualificationNeeds: "Kostnadskalkyl"}, domain.StageQuickAnalysis},
		{sthlm(2026, 5, 10, 10, 0), contract.MsgRecordValuation, contract.RecordValuation{Meta: meta(office), GroupScore: 4, MunicipalScore: 5, Comment: "Stort intresse"}, domain.StageValuation},
		{sthlm(2026, 6, 10, 10, 0), contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateQualification, Verdict: domain.VerdictApprove}, domain.StageChosenForQualification},
		{sthlm(2026, 9, 10, 10, 0), contract.MsgRecordQualification, contract.RecordQualification{Meta: meta(office), What: "Bygga tjänsten", WhoDoesWhat: "Inera bygger", EffectGoal: "50 % digitala ansökningar", Cost: "12 mnkr", Financing: "Abonnemang"}, domain.StageQualification},
	}
	results := make([]*updateResult, len(steps))
	for i, s := range steps {
		results[i] = h.updateAt(s.at, s.name, s.arg)
	}
	var reqs []*updateResult
	for i, r := range domain.Requirements {
		reqs = append(reqs, h.updateAt(sthlm(2026, 10, 1, 10, i), contract.MsgRecordRequirement,
			contract.RecordRequirement{Meta: meta(office), Requirement: r, Met: true, Evidence: "Protokoll 2026-09"}))
	}
	offer := h.updateAt(sthlm(2027, 2, 10, 10, 0), contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateOffer, Verdict: domain.VerdictApprove})
	var final contract.Status
	h.at(sthlm(2027, 2, 11, 10, 0), func() { final = h.status() })
	h.stopAt(sthlm(2027, 2, 12, 10, 0))
	h.run(testInput())

	for i, s := range steps {
		require.True(t, results[i].done, "step %d (%s) ran", i, s.name)
		require.NoError(t, results[i].rejected, "step %d (%s)", i, s.name)
		assert.Equal(t, s.want, results[i].receipt.Stage, "step %d (%s)", i, s.name)
	}
	for _, r := range reqs {
		require.NoError(t, r.rejected)
	}
	require.NoError(t, offer.rejected)
	assert.Equal(t, domain.StageOffered, offer.receipt.Stage)
	assert.Equal(t, domain.StageOffered, final.Initiative.Stage)
	assert.Empty(t, final.Initiative.Escalations, "every answer came in time")

	// Each season opened by its timer at 09:00 local time, whatever the UTC offset.
	opened := map[string]time.Time{}
	for _, e := range final.Initiative.Timeline {
		if e.By == domain.CalendarActor {
			opened[e.Event] = e.At
		}
	}
	want := map[string]time.Time{
		"stage:february_review":      sthlm(2026, 2, 1, 9, 0),
		"stage:quick_analysis":       sthlm(2026, 4, 1, 9, 0), // summer time since 29 March
		"stage:valuation":            sthlm(2026, 5, 1, 9, 0),
		"stage:final_prioritisation": sthlm(2026, 6, 1, 9, 0),
		"stage:qualification":        sthlm(2026, 9, 1, 9, 0),
		"stage:offer_decision":       sthlm(2027, 2, 1, 9, 0), // winter time since 25 October
	}
	for event, at := range want {
		got, ok := opened[event]
		require.True(t, ok, "%s happened", event)
		assert.True(t, at.Equal(got), "%s at %v, want %v", event, got.In(domain.Stockholm()), at)
		assert.Equal(t, 9, got.In(domain.Stockholm()).Hour(), event)
	}
	assert.Equal(t, 7, opened["stage:quick_analysis"].UTC().Hour(), "CEST")
	assert.Equal(t, 8, opened["stage:offer_decision"].UTC().Hour(), "CET")
}

func TestNotChosenReturnsNextFebruary(t *testing.T) {
	h := newHarness(t, sthlm(2025, 10, 15, 10, 0))
	h.updateAt(sthlm(2025, 10, 16, 10, 0), contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: domain.OwnerSKR, Route: domain.RouteOwn})
	h.updateAt(sthlm(2025, 10, 17, 10, 0), contract.MsgAssessRelevance, contract.AssessRelevance{Meta: meta(office), Group: domain.RelevanceLow, Municipal: domain.RelevanceMedium})
	deferred := h.updateAt(sthlm(2026, 2, 20, 10, 0), contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateQuickAnalysis, Verdict: domain.VerdictDefer})
	var between, next contract.Status
	h.at(sthlm(2026, 12, 1, 10, 0), func() { between = h.status() })
	h.at(sthlm(2027, 2, 1, 9, 1), func() { next = h.status() })
	h.stopAt(sthlm(2027, 2, 2, 10, 0))
	h.run(testInput())

	require.NoError(t, deferred.rejected)
	assert.Equal(t, domain.StageAwaitingFebruary, between.Initiative.Stage)
	assert.Equal(t, 2027, between.Initiative.CycleYear)
	require.Len(t, between.Initiative.EarlierRounds, 1)
	assert.Equal(t, 2026, between.Initiative.EarlierRounds[0].CycleYear)
	assert.Equal(t, domain.StageFebruaryReview, next.Initiative.Stage, "presented again")
	assert.Len(t, next.Initiative.Decisions, 1, "history kept")
}

func TestMissedDeadlineIsEscalatedAndNotifiedOnce(t *testing.T) {
	h := newHarness(t, sthlm(2025, 10, 15, 10, 0))
	h.updateAt(sthlm(2025, 10, 16, 10, 0), contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: domain.OwnerAdda, Route: domain.RouteProcurement})
	h.updateAt(sthlm(2025, 10, 17, 10, 0), contract.MsgAssessRelevance, contract.AssessRelevance{Meta: meta(office), Group: domain.RelevanceHigh, Municipal: domain.RelevanceHigh})
	var before, after contract.Status
	h.at(sthlm(2026, 3, 15, 16, 59), func() { before = h.status() })
	h.at(sthlm(2026, 4, 15, 10, 0), func() { after = h.status() })
	late := h.updateAt(sthlm(2026, 4, 20, 10, 0), contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateQuickAnalysis, Verdict: domain.VerdictApprove})
	h.stopAt(sthlm(2026, 4, 21, 10, 0))
	h.run(testInput())

	assert.False(t, before.Initiative.Escalated())
	assert.True(t, after.Initiative.Escalated())
	require.Len(t, after.Initiative.Escalations, 1)
	assert.Equal(t, domain.WaitDecisionQuickAnalysis, after.Initiative.Escalations[0].Waiting)
	assert.Nil(t, after.NextWake, "nothing is skipped: it waits for the decision")
	assert.Equal(t, domain.StageFebruaryReview, after.Initiative.Stage)
	require.NoError(t, late.rejected)
	assert.Equal(t, domain.StageQuickAnalysis, late.receipt.Stage, "a late decision opens April's quick analysis at once")
	msgs, err := h.box.Messages(context.Background())
	require.NoError(t, err)
	require.Len(t, msgs, 1, "one notice per escalation")
	assert.Equal(t, "escalation/bygglov/february_review/2026", msgs[0].Key)
}

func TestRejectedMessagesLeaveStateUnchanged(t *testing.T) {
	h := newHarness(t, sthlm(2025, 10, 15, 10, 0))
	cases := []struct {
		name string
		arg  any
		code domain.ErrorCode
	}{
		{contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateOffer, Verdict: domain.VerdictApprove}, domain.CodeWrongStage},
		{contract.MsgDecide, contract.Decide{Meta: meta(office), Gate: domain.GateQuickAnalysis, Verdict: domain.VerdictApprove}, domain.CodeForbiddenRole},
		{contract.MsgTriageOwner, contract.TriageOwner{Meta: domain.Meta{By: domain.Actor{ID: "x", Role: "kung"}, Reason: "r"}, Owner: domain.OwnerSKR, Route: domain.RouteOwn}, domain.CodeUnknownRole},
		{contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: "Försäkringskassan", Route: domain.RouteOwn}, domain.CodeInvalidValue},
		{contract.MsgTriageOwner, contract.TriageOwner{Meta: domain.Meta{By: office}, Owner: domain.OwnerSKR, Route: domain.RouteOwn}, domain.CodeMissingField},
		{contract.MsgRecordValuation, contract.RecordValuation{Meta: meta(office), GroupScore: 3, MunicipalScore: 3, Comment: "c"}, domain.CodeWrongStage},
	}
	results := make([]*updateResult, len(cases))
	var before, after contract.Status
	h.at(sthlm(2025, 10, 16, 9, 0), func() { before = h.status() })
	for i, c := range cases {
		results[i] = h.updateAt(sthlm(2025, 10, 16, 10, i), c.name, c.arg)
	}
	// A bad signal cannot be refused, but it changes nothing and is shown in status.
	h.at(sthlm(2025, 10, 16, 11, 0), func() {
		h.env.SignalWorkflow(contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateOffer, Verdict: domain.VerdictApprove})
	})
	h.at(sthlm(2025, 10, 16, 12, 0), func() { after = h.status() })
	h.stopAt(sthlm(2025, 10, 17, 10, 0))
	h.run(testInput())

	for i, c := range cases {
		require.True(t, results[i].done, "case %d", i)
		ve, ok := contract.ValidationErrorFrom(results[i].rejected)
		require.True(t, ok, "case %d: typed error, got %v", i, results[i].rejected)
		assert.Equal(t, c.code, ve.Code, "case %d", i)
	}
	assert.Equal(t, before.Initiative, after.Initiative, "no rejected message changed the state")
	require.Len(t, after.RejectedSignals, 1)
	assert.Equal(t, domain.CodeWrongStage, after.RejectedSignals[0].Error.Code)
	assert.Equal(t, leadership.ID, after.RejectedSignals[0].By)
}

func TestSignalsDriveTheSameHandlers(t *testing.T) {
	h := newHarness(t, sthlm(2025, 10, 15, 10, 0))
	h.at(sthlm(2025, 10, 16, 10, 0), func() {
		h.env.SignalWorkflow(contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: domain.OwnerInera, Route: domain.RouteOwn})
		h.env.SignalWorkflow(contract.MsgAssessRelevance, contract.AssessRelevance{Meta: meta(office), Group: domain.RelevanceHigh, Municipal: domain.RelevanceLow})
	})
	var s contract.Status
	h.at(sthlm(2025, 10, 16, 11, 0), func() { s = h.status() })
	h.at(sthlm(2025, 10, 17, 10, 0), func() {
		h.env.SignalWorkflow(contract.MsgWithdraw, contract.Withdraw{Meta: meta(office)})
	})
	h.run(testInput())

	assert.Equal(t, domain.StageAwaitingFebruary, s.Initiative.Stage)
	assert.Equal(t, domain.OwnerInera, s.Initiative.Owner)
	var final domain.Initiative
	require.NoError(t, h.env.GetWorkflowResult(&final))
	assert.Equal(t, domain.StageWithdrawn, final.Stage)
	require.NotNil(t, final.Outcome)
	assert.Equal(t, "testskäl", final.Outcome.Reason)
}

// A run that continues as new carries every message it received into the next run. (The
// time-skipping environment delivers signals one at a time; on a real server a signal that
// arrives while the run closes makes the server retry the task with it, and drainSignals
// takes it in.)
func TestContinueAsNewLosesNoSignal(t *testing.T) {
	h := newHarness(t, sthlm(2025, 10, 15, 10, 0))
	h.at(sthlm(2025, 10, 16, 10, 0), func() {
		h.env.SignalWorkflow(contract.MsgTriageOwner, contract.TriageOwner{Meta: meta(office), Owner: domain.OwnerInera, Route: domain.RouteOwn})
		h.env.SignalWorkflow(contract.MsgAssessRelevance, contract.AssessRelevance{Meta: meta(office), Group: domain.RelevanceHigh, Municipal: domain.RelevanceLow})
	})
	h.at(sthlm(2025, 10, 16, 10, 1), func() {
		// The server now suggests continue-as-new; the next message wakes the run, which
		// applies it and carries everything over.
		h.env.SetContinueAsNewSuggested(true)
		h.env.SignalWorkflow(contract.MsgScoreCriteria, contract.ScoreCriteria{Meta: meta(office), Scores: []domain.CriterionScore{{Criterion: domain.CriterionBenefit, Score: 4, Motivation: "m"}}})
	})
	h.run(testInput())

	var can *workflow.ContinueAsNewError
	require.True(t, errors.As(h.env.GetWorkflowError(), &can), "got %v", h.env.GetWorkflowError())
	var next contract.InitiativeInput
	require.NoError(t, converter.GetDefaultDataConverter().FromPayloads(can.Input, &next))
	require.NotNil(t, next.State)
	assert.Equal(t, domain.StageAwaitingFebruary, next.State.Stage)
	assert.Len(t, next.State.Criteria, 1)
	assert.Equal(t, 1, next.Run)

	// The next run starts from the carried state and goes on as before.
	h2 := newHarness(t, sthlm(2025, 10, 16, 10, 0))
	var s contract.Status
	h2.at(sthlm(2026, 2, 1, 9, 30), func() { s = h2.status() })
	h2.stopAt(sthlm(2026, 2, 2, 9, 0))
	h2.run(next)
	assert.Equal(t, domain.StageFebruaryReview, s.Initiative.Stage)
	assert.Equal(t, 1, s.Run)
}

func TestInvalidRegistrationFailsTheWorkflowWithATypedError(t *testing.T) {
	h := newHarness(t, sthlm(2025, 10, 15, 10, 0))
	in := testInput()
	in.Registration.Need.Title = ""
	h.run(in)
	var app *temporal.ApplicationError
	require.True(t, errors.As(h.env.GetWorkflowError(), &app))
	assert.Equal(t, string(domain.CodeMissingField), app.Type())
}
