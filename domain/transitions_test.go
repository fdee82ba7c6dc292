package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	office     = Actor{ID: "programkontoret.test", Role: RoleOffice}
	leadership = Actor{ID: "ledningen.test", Role: RoleLeadership}
)

func meta(a Actor) Meta { return Meta{By: a, Reason: "test"} }

func newTestInitiative(t *testing.T, now time.Time) *Initiative {
	t.Helper()
	r := Registration{ID: "bygglov", Need: validNeed(), By: office, Calendar: DefaultCalendar()}
	require.NoError(t, r.Validate())
	return NewInitiative(r, now)
}

// at applies cmd at now after letting the calendar advance, and fails the test on rejection.
func at(t *testing.T, in *Initiative, now time.Time, cmd Command) {
	t.Helper()
	in.Advance(now)
	require.NoError(t, in.Apply(cmd, now))
	in.Advance(now)
}

func allRequirementsMet(t *testing.T, in *Initiative, now time.Time) {
	for _, r := range Requirements {
		at(t, in, now, RecordRequirement{Meta: meta(office), Requirement: r, Met: true, Evidence: "protokoll"})
	}
}

func TestWholePathFromOctoberToOffer(t *testing.T) {
	in := newTestInitiative(t, sthlm(2025, 10, 15, 10, 0))
	assert.Equal(t, 2026, in.CycleYear)
	steps := []struct {
		now  time.Time
		cmd  Command
		want Stage
	}{
		{sthlm(2025, 10, 16, 10, 0), TriageOwner{Meta: meta(office), Owner: OwnerInera, Route: RouteOwn}, StageTriaged},
		{sthlm(2025, 10, 17, 10, 0), AssessRelevance{Meta: meta(office), Group: RelevanceHigh, Municipal: RelevanceMedium}, StageAwaitingFebruary},
		{sthlm(2026, 2, 10, 10, 0), Decide{Meta: meta(leadership), Gate: GateQuickAnalysis, Verdict: VerdictApprove}, StageChosenForQuickAnalysis},
		{sthlm(2026, 4, 10, 10, 0), RecordQuickAnalysis{Meta: meta(office), OfferMeaning: "a", QualificationNeeds: "b"}, StageQuickAnalysis},
		{sthlm(2026, 5, 10, 10, 0), RecordValuation{Meta: meta(office), GroupScore: 4, MunicipalScore: 5, Comment: "bra"}, StageValuation},
		{sthlm(2026, 6, 10, 10, 0), Decide{Meta: meta(leadership), Gate: GateQualification, Verdict: VerdictApprove}, StageChosenForQualification},
		{sthlm(2026, 9, 10, 10, 0), RecordQualification{Meta: meta(office), What: "a", WhoDoesWhat: "b", EffectGoal: "c", Cost: "d", Financing: "e"}, StageQualification},
	}
	for _, s := range steps {
		at(t, in, s.now, s.cmd)
		assert.Equal(t, s.want, in.Stage, "after %T at %v", s.cmd, s.now)
	}
	// Without every must-requirement, qualification cannot end.
	in.Advance(sthlm(2027, 2, 2, 10, 0))
	assert.Equal(t, StageQualification, in.Stage)
	assert.True(t, in.Escalated(), "qualification deadline passed with requirements unmet")
	allRequirementsMet(t, in, sthlm(2027, 2, 3, 10, 0))
	assert.Equal(t, StageOfferDecision, in.Stage)
	assert.False(t, in.Escalated(), "moving on resolves the escalation")
	at(t, in, sthlm(2027, 2, 10, 10, 0), Decide{Meta: meta(leadership), Gate: GateOffer, Verdict: VerdictApprove})
	assert.Equal(t, StageOffered, in.Stage)
	assert.Len(t, in.Decisions, 3)
}

func TestDeferReturnsToNextFebruaryKeepingTheRound(t *testing.T) {
	in := newTestInitiative(t, sthlm(2025, 10, 15, 10, 0))
	at(t, in, sthlm(2025, 10, 16, 10, 0), TriageOwner{Meta: meta(office), Owner: OwnerSKR, Route: RouteOwn})
	at(t, in, sthlm(2025, 10, 16, 11, 0), AssessRelevance{Meta: meta(office), Group: RelevanceLow, Municipal: RelevanceLow})
	at(t, in, sthlm(2026, 2, 20, 10, 0), Decide{Meta: meta(leadership), Gate: GateQuickAnalysis, Verdict: VerdictDefer})
	assert.Equal(t, StageAwaitingFebruary, in.Stage)
	assert.Equal(t, 2027, in.CycleYear)
	require.Len(t, in.EarlierRounds, 1)
	assert.Equal(t, 2026, in.EarlierRounds[0].CycleYear)
	in.Advance(sthlm(2027, 2, 1, 9, 0))
	assert.Equal(t, StageFebruaryReview, in.Stage)
}

func TestMissedDeadlineIsEscalatedOnceAndNeverSkipped(t *testing.T) {
	in := newTestInitiative(t, sthlm(2025, 10, 15, 10, 0))
	at(t, in, sthlm(2025, 10, 16, 10, 0), TriageOwner{Meta: meta(office), Owner: OwnerAdda, Route: RouteProcurement})
	at(t, in, sthlm(2025, 10, 16, 11, 0), AssessRelevance{Meta: meta(office), Group: RelevanceHigh, Municipal: RelevanceHigh})
	assert.Empty(t, in.Advance(sthlm(2026, 3, 15, 16, 59)))
	added := in.Advance(sthlm(2026, 3, 15, 17, 0))
	require.Len(t, added, 1)
	assert.Equal(t, WaitDecisionQuickAnalysis, added[0].Waiting)
	assert.Empty(t, in.Advance(sthlm(2026, 4, 20, 10, 0)), "escalated once")
	assert.Equal(t, StageFebruaryReview, in.Stage, "still waiting for the decision in April")
	_, ok := in.NextWake(sthlm(2026, 4, 20, 10, 0))
	assert.False(t, ok, "after escalation it only waits for the decision")
	// A late decision goes straight into the April quick analysis.
	at(t, in, sthlm(2026, 4, 20, 10, 0), Decide{Meta: meta(leadership), Gate: GateQuickAnalysis, Verdict: VerdictApprove})
	assert.Equal(t, StageQuickAnalysis, in.Stage)
}

func TestNotReadyInTimeMovesToNextCycle(t *testing.T) {
	in := newTestInitiative(t, sthlm(2026, 1, 20, 10, 0))
	assert.Equal(t, 2026, in.CycleYear)
	in.Advance(sthlm(2026, 2, 1, 9, 0))
	assert.Equal(t, StageBacklog, in.Stage)
	assert.Equal(t, 2027, in.CycleYear)
}

func TestRejectedCommandsLeaveStateUnchanged(t *testing.T) {
	now := sthlm(2025, 10, 15, 10, 0)
	cases := []struct {
		name string
		cmd  Command
		code ErrorCode
	}{
		{"decision in the wrong stage", Decide{Meta: meta(leadership), Gate: GateQuickAnalysis, Verdict: VerdictApprove}, CodeWrongStage},
		{"office cannot decide", Decide{Meta: meta(office), Gate: GateQuickAnalysis, Verdict: VerdictApprove}, CodeForbiddenRole},
		{"unknown role", TriageOwner{Meta: Meta{By: Actor{ID: "x", Role: "mayor"}, Reason: "r"}, Owner: OwnerSKR, Route: RouteOwn}, CodeUnknownRole},
		{"no sender", TriageOwner{Meta: Meta{Reason: "r"}, Owner: OwnerSKR, Route: RouteOwn}, CodeMissingField},
		{"no reason", TriageOwner{Meta: Meta{By: office}, Owner: OwnerSKR, Route: RouteOwn}, CodeMissingField},
		{"unknown owner", TriageOwner{Meta: meta(office), Owner: "Skatteverket", Route: RouteOwn}, CodeInvalidValue},
		{"owner assists itself", TriageOwner{Meta: meta(office), Owner: OwnerSKR, Assisting: []Owner{OwnerSKR}, Route: RouteOwn}, CodeInvalidValue},
		{"relevance before triage", AssessRelevance{Meta: meta(office), Group: RelevanceHigh, Municipal: RelevanceHigh}, CodeWrongStage},
		{"score out of range", ScoreCriteria{Meta: meta(office), Scores: []CriterionScore{{Criterion: CriterionBenefit, Score: 6, Motivation: "m"}}}, CodeInvalidValue},
		{"score without motivation", ScoreCriteria{Meta: meta(office), Scores: []CriterionScore{{Criterion: CriterionBenefit, Score: 3}}}, CodeMissingField},
		{"requirement met without evidence", RecordRequirement{Meta: meta(office), Requirement: ReqVerifiedNeed, Met: true}, CodeMissingField},
		{"unknown requirement", RecordRequirement{Meta: meta(office), Requirement: "nice_logo"}, CodeInvalidValue},
		{"bad verdict", Decide{Meta: meta(leadership), Gate: GateQuickAnalysis, Verdict: "maybe"}, CodeInvalidValue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := newTestInitiative(t, now)
			before := *in
			beforeTimeline := len(in.Timeline)
			err := in.Apply(tc.cmd, now)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.code, ve.Code, ve.Error())
			assert.Equal(t, before.Revision, in.Revision)
			assert.Equal(t, before.Stage, in.Stage)
			assert.Len(t, in.Timeline, beforeTimeline)
		})
	}
}

func TestOfferNeedsEveryRequirement(t *testing.T) {
	in := newTestInitiative(t, sthlm(2025, 10, 15, 10, 0))
	in.Stage = StageOfferDecision
	in.Qualification = &QualificationPlan{What: "x"}
	err := in.Check(Decide{Meta: meta(leadership), Gate: GateOffer, Verdict: VerdictApprove}, sthlm(2027, 2, 2, 9, 0))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeRequirementsUnmet, ve.Code)
	assert.Contains(t, ve.Detail, string(ReqLongTermFinancing))
	// Declining does not need them.
	require.NoError(t, in.Apply(Decide{Meta: meta(leadership), Gate: GateOffer, Verdict: VerdictDecline}, sthlm(2027, 2, 2, 9, 0)))
	assert.Equal(t, StageDeclined, in.Stage)
	require.NotNil(t, in.Outcome)
	// A closed initiative accepts nothing.
	err = in.Check(Withdraw{Meta: meta(office)}, sthlm(2027, 2, 3, 9, 0))
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeClosed, ve.Code)
}

// Offering an initiative still in qualification for want of a must-requirement names what is
// missing, instead of saying only that it is in the wrong stage.
func TestAnOfferNamesTheMissingRequirements(t *testing.T) {
	now := time.Date(2027, 11, 1, 10, 0, 0, 0, Stockholm())
	in := &Initiative{ID: "bygglov", Stage: StageQualification, Requirements: newChecklist(),
		Qualification: &QualificationPlan{What: "w"}}
	for i := range in.Requirements {
		in.Requirements[i].Met = in.Requirements[i].Requirement != ReqLongTermFinancing
	}
	err := in.Check(Decide{Meta: Meta{By: Actor{ID: "lena", Role: RoleLeadership}, Reason: "r"}, Gate: GateOffer, Verdict: VerdictApprove}, now)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeRequirementsUnmet, ve.Code)
	assert.Equal(t, "long_term_financing", ve.Detail)
	// Every requirement met, but February has not come: that is the wrong stage.
	in.Requirements[4].Met = true
	err = in.Check(Decide{Meta: Meta{By: Actor{ID: "lena", Role: RoleLeadership}, Reason: "r"}, Gate: GateOffer, Verdict: VerdictApprove}, now)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeWrongStage, ve.Code)
}

// The implementation period is printed in every offer and starts the plan: dates or nothing.
func TestTheQualificationPeriodMustBeDates(t *testing.T) {
	in := &Initiative{ID: "bygglov", Stage: StageQualification, Requirements: newChecklist()}
	now := time.Date(2027, 10, 1, 10, 0, 0, 0, Stockholm())
	plan := func(period string) RecordQualification {
		return RecordQualification{Meta: Meta{By: Actor{ID: "anna", Role: RoleOffice}, Reason: "r"}, What: "w", WhoDoesWhat: "x",
			EffectGoal: "e", Cost: "c", Financing: "f", ImplementationPeriod: period}
	}
	for _, ok := range []string{"", "2027-2029", " 2027-05-01..2029-12-31 "} {
		assert.NoError(t, in.Check(plan(ok), now), ok)
	}
	for _, bad := range []string{"snart", "tre år", "2029-2027", "2027-13-01..2028-01-01"} {
		assertCode(t, in.Check(plan(bad), now), CodeInvalidValue, "implementation_period")
	}
}
