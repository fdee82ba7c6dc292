package domain

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	caseOffice     = Meta{By: Actor{ID: "anna.programkontoret", Role: RoleOffice}, Reason: "Anna Andersson bedömde"}
	caseLeadership = Meta{By: Actor{ID: "lena.ledningen", Role: RoleLeadership}, Reason: "Lena Larsson föreslog"}
)

// caseAt walks a need registered on 15 October 2026 through real commands: steps run in order,
// each at its own instant, and the calendar advances in between as the workflow does.
func caseAt(t *testing.T, steps ...func(in *Initiative) time.Time) *Initiative {
	t.Helper()
	reg := Registration{ID: "bygglov", By: caseOffice.By, Calendar: DefaultCalendar(), Need: Need{
		Title: "Gemensam e-tjänst för bygglov", Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b",
		AffectedActivities: []string{"a"}, ProposerOrganisation: "Exempelby kommun", ContactEmail: "kim@exempelby.se"}}
	in := NewInitiative(reg, local(2026, 10, 15, 10, 0))
	for _, step := range steps {
		now := step(in)
		in.Advance(now)
	}
	return in
}

func apply(t *testing.T, cmd Command, at time.Time) func(in *Initiative) time.Time {
	return func(in *Initiative) time.Time {
		require.NoError(t, in.Apply(cmd, at))
		return at
	}
}

func waitUntil(at time.Time) func(in *Initiative) time.Time {
	return func(*Initiative) time.Time { return at }
}

func TestCaseSummary(t *testing.T) {
	triage := func(t *testing.T) func(*Initiative) time.Time {
		return apply(t, TriageOwner{Meta: caseOffice, Owner: OwnerInera, Assisting: []Owner{OwnerAdda}, Route: RouteOwn}, local(2026, 10, 20, 10, 0))
	}
	relevance := func(t *testing.T) func(*Initiative) time.Time {
		return apply(t, AssessRelevance{Meta: caseOffice, Group: RelevanceHigh, Municipal: RelevanceMedium}, local(2026, 11, 2, 10, 0))
	}
	decide := func(t *testing.T, gate Gate, v Verdict, at time.Time) func(*Initiative) time.Time {
		return apply(t, Decide{Meta: caseLeadership, Gate: gate, Verdict: v}, at)
	}
	// An initiative in its offer round, decided on 10 February 2028; the round's seminar is on
	// 24 February, the deadline 10 April, late joiners until 9 July.
	inRound := func(t *testing.T, reports ...OfferReport) *Initiative {
		in := caseAt(t, triage(t))
		in.Stage = StageOffered
		in.Decisions = append(in.Decisions, Decision{Gate: GateOffer, Verdict: VerdictApprove, By: "lena.ledningen", At: local(2028, 2, 10, 10, 0)})
		require.NoError(t, in.StartOfferRound(OfferRoundRef{WorkflowID: "offer-bygglov", Seminar: local(2028, 2, 24, 13, 0),
			Deadline: local(2028, 4, 10, 17, 0), LateUntil: local(2028, 7, 9, 17, 0)}, local(2028, 2, 10, 10, 0)))
		for _, r := range reports {
			require.NoError(t, in.ApplyOfferReport(r, r.At))
		}
		return in
	}
	leadership := func(g Gate, v Verdict, at time.Time) *CaseDecision {
		return &CaseDecision{Gate: g, Verdict: v, Body: RoleLeadership, At: at}
	}
	milestone := func(k MilestoneKind, s Season, at time.Time) *CaseMilestone {
		return &CaseMilestone{Kind: k, Season: s, At: at}
	}

	cases := []struct {
		name      string
		in        func(t *testing.T) *Initiative
		now       time.Time
		listed    bool
		stage     Stage
		year      int
		decision  *CaseDecision
		milestone *CaseMilestone
		outcome   *CaseOutcome
	}{
		{name: "a need in the backlog has not passed intake",
			in: func(t *testing.T) *Initiative { return caseAt(t) }, now: local(2026, 10, 16, 10, 0),
			stage: StageBacklog, year: 2027, milestone: milestone(MilestoneSeasonOpens, SeasonFebruaryReview, local(2027, 2, 1, 9, 0))},
		{name: "withdrawn before triage is never listed",
			in: func(t *testing.T) *Initiative {
				return caseAt(t, apply(t, Withdraw{Meta: caseOffice}, local(2026, 10, 17, 10, 0)))
			},
			now: local(2026, 10, 17, 11, 0), stage: StageWithdrawn, year: 2027,
			outcome: &CaseOutcome{Stage: StageWithdrawn, Body: RoleOffice, At: local(2026, 10, 17, 10, 0)}},
		{name: "triaged: listed, waiting for February",
			in: func(t *testing.T) *Initiative { return caseAt(t, triage(t)) }, now: local(2026, 10, 21, 10, 0), listed: true,
			stage: StageTriaged, year: 2027, milestone: milestone(MilestoneSeasonOpens, SeasonFebruaryReview, local(2027, 2, 1, 9, 0))},
		{name: "in the February review the deadline is next",
			in: func(t *testing.T) *Initiative {
				return caseAt(t, triage(t), relevance(t), waitUntil(local(2027, 2, 1, 9, 0)))
			},
			now:    local(2027, 2, 2, 10, 0),
			listed: true, stage: StageFebruaryReview, year: 2027,
			milestone: milestone(MilestoneSeasonDeadline, SeasonFebruaryReview, local(2027, 3, 15, 17, 0))},
		{name: "the latest of several decisions, after a deferral into next year",
			in: func(t *testing.T) *Initiative {
				return caseAt(t, triage(t), relevance(t), waitUntil(local(2027, 2, 1, 9, 0)),
					decide(t, GateQuickAnalysis, VerdictDefer, local(2027, 3, 1, 10, 0)),
					waitUntil(local(2028, 2, 1, 9, 0)),
					decide(t, GateQuickAnalysis, VerdictApprove, local(2028, 3, 2, 10, 0)))
			},
			now: local(2028, 3, 3, 10, 0), listed: true, stage: StageChosenForQuickAnalysis, year: 2028,
			decision:  leadership(GateQuickAnalysis, VerdictApprove, local(2028, 3, 2, 10, 0)),
			milestone: milestone(MilestoneSeasonOpens, SeasonQuickAnalysis, local(2028, 4, 1, 9, 0))},
		{name: "declined: closed by the leadership, no milestone",
			in: func(t *testing.T) *Initiative {
				return caseAt(t, triage(t), relevance(t), waitUntil(local(2027, 2, 1, 9, 0)),
					decide(t, GateQuickAnalysis, VerdictDecline, local(2027, 3, 1, 10, 0)))
			},
			now: local(2027, 3, 2, 10, 0), listed: true, stage: StageDeclined, year: 2027,
			decision: leadership(GateQuickAnalysis, VerdictDecline, local(2027, 3, 1, 10, 0)),
			outcome:  &CaseOutcome{Stage: StageDeclined, Body: RoleLeadership, At: local(2027, 3, 1, 10, 0)}},
		{name: "withdrawn after triage: listed, closed by the office",
			in: func(t *testing.T) *Initiative {
				return caseAt(t, triage(t), apply(t, Withdraw{Meta: caseOffice}, local(2026, 12, 1, 10, 0)))
			},
			now: local(2026, 12, 2, 10, 0), listed: true, stage: StageWithdrawn, year: 2027,
			outcome: &CaseOutcome{Stage: StageWithdrawn, Body: RoleOffice, At: local(2026, 12, 1, 10, 0)}},
		{name: "offer round before the seminar",
			in: func(t *testing.T) *Initiative { return inRound(t) }, now: local(2028, 2, 11, 10, 0), listed: true,
			stage: StageOfferRound, year: 2027, decision: leadership(GateOffer, VerdictApprove, local(2028, 2, 10, 10, 0)),
			milestone: milestone(MilestoneOfferSeminar, "", local(2028, 2, 24, 13, 0))},
		{name: "offer round after the seminar: the answer deadline",
			in: func(t *testing.T) *Initiative { return inRound(t) }, now: local(2028, 3, 1, 10, 0), listed: true,
			stage: StageOfferRound, year: 2027, decision: leadership(GateOffer, VerdictApprove, local(2028, 2, 10, 10, 0)),
			milestone: milestone(MilestoneOfferDeadline, "", local(2028, 4, 10, 17, 0))},
		{name: "offer round past its deadline, report not yet in: no milestone",
			in: func(t *testing.T) *Initiative { return inRound(t) }, now: local(2028, 4, 10, 17, 1), listed: true,
			stage: StageOfferRound, year: 2027, decision: leadership(GateOffer, VerdictApprove, local(2028, 2, 10, 10, 0))},
		{name: "no-go at the deadline: the municipalities' verdict, late period next",
			in: func(t *testing.T) *Initiative {
				return inRound(t, OfferReport{Phase: PhaseDeadline, By: "offer-bygglov", At: local(2028, 4, 10, 17, 0)})
			},
			now: local(2028, 4, 11, 10, 0), listed: true, stage: StageOfferNotReached, year: 2027,
			decision:  &CaseDecision{Gate: GateOfferRound, Verdict: VerdictNoGo, Body: RoleMunicipality, At: local(2028, 4, 10, 17, 0)},
			milestone: milestone(MilestoneLatePeriodEnds, "", local(2028, 7, 9, 17, 0))},
		{name: "lifted by late joiners: go, implementation",
			in: func(t *testing.T) *Initiative {
				return inRound(t, OfferReport{Phase: PhaseDeadline, At: local(2028, 4, 10, 17, 0)},
					OfferReport{Phase: PhaseLifted, Go: true, At: local(2028, 5, 2, 11, 0)})
			},
			now: local(2028, 5, 3, 10, 0), listed: true, stage: StageImplementation, year: 2027,
			decision: &CaseDecision{Gate: GateOfferRound, Verdict: VerdictGo, Body: RoleMunicipality, At: local(2028, 5, 2, 11, 0)}},
		{name: "the round's final report repeating go is not a new decision",
			in: func(t *testing.T) *Initiative {
				return inRound(t, OfferReport{Phase: PhaseDeadline, Go: true, At: local(2028, 4, 10, 17, 0)},
					OfferReport{Phase: PhaseFinal, Go: true, At: local(2028, 7, 9, 17, 0)})
			},
			now: local(2028, 7, 10, 10, 0), listed: true, stage: StageImplementation, year: 2027,
			decision: &CaseDecision{Gate: GateOfferRound, Verdict: VerdictGo, Body: RoleMunicipality, At: local(2028, 4, 10, 17, 0)}},
		{name: "implementation: the plan's next milestone as the implementation reported it",
			in: func(t *testing.T) *Initiative {
				in := inRound(t, OfferReport{Phase: PhaseDeadline, Go: true, At: local(2028, 4, 10, 17, 0)})
				require.NoError(t, in.StartImplementation(ImplementationRef{WorkflowID: "implementation-bygglov"}, local(2028, 4, 10, 17, 0)))
				require.True(t, in.ApplyImplementationProgress(ImplementationProgress{Next: &PlannedMilestone{ID: "pilot",
					What: "Pilot i tre kommuner", Due: local(2028, 9, 30, 0, 0)}}))
				return in
			},
			now: local(2028, 5, 3, 10, 0), listed: true, stage: StageImplementation, year: 2027,
			decision:  &CaseDecision{Gate: GateOfferRound, Verdict: VerdictGo, Body: RoleMunicipality, At: local(2028, 4, 10, 17, 0)},
			milestone: &CaseMilestone{Kind: MilestoneImplementation, What: "Pilot i tre kommuner", At: local(2028, 9, 30, 0, 0)}},
		{name: "implementation with every milestone passed: none",
			in: func(t *testing.T) *Initiative {
				in := inRound(t, OfferReport{Phase: PhaseDeadline, Go: true, At: local(2028, 4, 10, 17, 0)})
				require.NoError(t, in.StartImplementation(ImplementationRef{WorkflowID: "implementation-bygglov"}, local(2028, 4, 10, 17, 0)))
				in.ApplyImplementationProgress(ImplementationProgress{Next: &PlannedMilestone{ID: "pilot", What: "Pilot", Due: local(2028, 9, 30, 0, 0)}})
				require.True(t, in.ApplyImplementationProgress(ImplementationProgress{}))
				return in
			},
			now: local(2028, 10, 3, 10, 0), listed: true, stage: StageImplementation, year: 2027,
			decision: &CaseDecision{Gate: GateOfferRound, Verdict: VerdictGo, Body: RoleMunicipality, At: local(2028, 4, 10, 17, 0)}},
		{name: "implementation stopped by the leadership: closed by the leadership",
			in: func(t *testing.T) *Initiative {
				in := inRound(t, OfferReport{Phase: PhaseDeadline, Go: true, At: local(2028, 4, 10, 17, 0)})
				require.NoError(t, in.StartImplementation(ImplementationRef{WorkflowID: "implementation-bygglov"}, local(2028, 4, 10, 17, 0)))
				require.NoError(t, in.ApplyImplementationReport(ImplementationReport{By: "implementation-bygglov", Outcome: ImplOutcome{
					Stage: StageStopped, Reason: "Lena Larsson: finansieringen drogs in", By: "lena.ledningen", Role: RoleLeadership,
					At: local(2029, 1, 15, 10, 0)}}, local(2029, 1, 15, 10, 0)))
				return in
			},
			now: local(2029, 2, 1, 10, 0), listed: true, stage: StageStopped, year: 2027,
			decision: &CaseDecision{Gate: GateOfferRound, Verdict: VerdictGo, Body: RoleMunicipality, At: local(2028, 4, 10, 17, 0)},
			outcome:  &CaseOutcome{Stage: StageStopped, Body: RoleLeadership, At: local(2029, 1, 15, 10, 0)}},
		{name: "not implemented: closed by the municipalities' answers",
			in: func(t *testing.T) *Initiative {
				return inRound(t, OfferReport{Phase: PhaseDeadline, At: local(2028, 4, 10, 17, 0)},
					OfferReport{Phase: PhaseFinal, At: local(2028, 7, 9, 17, 0)})
			},
			now: local(2028, 7, 10, 10, 0), listed: true, stage: StageNotImplemented, year: 2027,
			decision: &CaseDecision{Gate: GateOfferRound, Verdict: VerdictNoGo, Body: RoleMunicipality, At: local(2028, 4, 10, 17, 0)},
			outcome:  &CaseOutcome{Stage: StageNotImplemented, Body: RoleMunicipality, At: local(2028, 7, 9, 17, 0)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := c.in(t)
			assert.Equal(t, c.listed, in.PassedIntake())
			s := in.Summary(c.now)
			assert.Equal(t, "bygglov", s.ID)
			assert.Equal(t, "Gemensam e-tjänst för bygglov", s.Title)
			assert.Equal(t, c.stage, s.Stage)
			assert.Equal(t, c.stage.Step(), s.Step)
			assert.Equal(t, c.year, s.Year)
			assert.True(t, s.Registered.Equal(local(2026, 10, 15, 10, 0)))
			assertSameInstants(t, c.decision, s.LatestDecision, "decision")
			assertSameInstants(t, c.milestone, s.NextMilestone, "milestone")
			assertSameInstants(t, c.outcome, s.Outcome, "outcome")
			if c.listed && c.stage != StageOfferRound && c.stage != StageOfferNotReached && c.stage != StageImplementation {
				assert.Equal(t, OwnerInera, s.Owner)
				assert.Equal(t, []Owner{OwnerAdda}, s.Assisting)
			}
			// No personal data: none of the names, user ids, reasons or addresses entered.
			b, err := json.Marshal(s)
			require.NoError(t, err)
			for _, personal := range []string{"anna", "lena", "Andersson", "Larsson", "kim@", "exempelby", "offer-bygglov"} {
				assert.NotContains(t, string(b), personal)
			}
		})
	}
}

// Progress changes the initiative only when the next milestone changes, and never after the
// implementation has ended.
func TestApplyImplementationProgress(t *testing.T) {
	in := &Initiative{ID: "bygglov", Stage: StageImplementation}
	pilot := ImplementationProgress{Next: &PlannedMilestone{ID: "pilot", What: "Pilot", Due: local(2028, 9, 30, 0, 0)}}
	assert.False(t, in.ApplyImplementationProgress(pilot), "no implementation yet")
	require.NoError(t, in.StartImplementation(ImplementationRef{WorkflowID: "implementation-bygglov"}, local(2028, 4, 10, 17, 0)))
	rev := in.Revision
	assert.True(t, in.ApplyImplementationProgress(pilot))
	assert.Equal(t, rev+1, in.Revision)
	same := ImplementationProgress{Next: &PlannedMilestone{ID: "pilot", What: "Pilot", Due: local(2028, 9, 30, 0, 0).UTC()}}
	assert.False(t, in.ApplyImplementationProgress(same), "the same milestone in another zone is no change")
	moved := ImplementationProgress{Next: &PlannedMilestone{ID: "pilot", What: "Pilot", Due: local(2028, 10, 31, 0, 0)}}
	assert.True(t, in.ApplyImplementationProgress(moved))
	assert.True(t, in.ApplyImplementationProgress(ImplementationProgress{}))
	assert.False(t, in.ApplyImplementationProgress(ImplementationProgress{}))
	require.NoError(t, in.ApplyImplementationReport(ImplementationReport{Outcome: ImplOutcome{Stage: StageStopped, Reason: "r"}}, local(2029, 1, 1, 10, 0)))
	assert.False(t, in.ApplyImplementationProgress(pilot), "ended")
}

// assertSameInstants compares two values field by field after a JSON round trip in UTC, so
// equal instants in different zones count as equal.
func assertSameInstants(t *testing.T, want, got any, what string) {
	t.Helper()
	norm := func(v any) map[string]any {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		if at, ok := m["at"].(string); ok {
			parsed, err := time.Parse(time.RFC3339, at)
			require.NoError(t, err)
			m["at"] = parsed.UTC().Format(time.RFC3339)
		}
		return m
	}
	assert.Equal(t, norm(want), norm(got), what)
}

// One clock per record: a demo initiative is registered when it was (real time), while what
// it waits for is dated on its simulated calendar; it is marked as a demo. (Registered used to
// show the demo calendar's date: a need registered on 1 December appeared as 19 November.)
func TestCaseSummaryOfADemoCalendar(t *testing.T) {
	realStart := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	reg := Registration{ID: "demo-fall", By: caseOffice.By, Calendar: DemoCalendar(time.Second), DemoStart: local(2026, 10, 15, 0, 0),
		Need: Need{Title: "Demo", Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b", AffectedActivities: []string{"a"},
			ProposerOrganisation: "o", ContactEmail: "a@b.se"}}
	in := NewInitiative(reg, realStart)
	require.NoError(t, in.Apply(TriageOwner{Meta: caseOffice, Owner: OwnerSKR, Route: RouteOwn}, realStart.Add(time.Second)))
	s := in.Summary(realStart.Add(2 * time.Second))
	assert.True(t, s.Demo)
	assert.True(t, s.Registered.Equal(realStart), "registered when it was: %v", s.Registered)
	require.NotNil(t, s.NextMilestone)
	assert.True(t, s.NextMilestone.At.Equal(local(2027, 2, 1, 9, 0)), "the calendar date, not the real one: %v", s.NextMilestone.At)
}
