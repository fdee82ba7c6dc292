package domain

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testCounties() []RegionRef {
	codes := []string{"01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"}
	out := make([]RegionRef, len(codes))
	for i, c := range codes {
		out[i] = RegionRef{Code: c, Name: "Län " + c}
	}
	return out
}

func testCycle(t *testing.T, n int) (*Cycle, time.Time) {
	t.Helper()
	cfg := DefaultCycleConfig(testCounties())
	require.NoError(t, cfg.Validate())
	var ps []Participant
	for i := 1; i <= n; i++ {
		ps = append(ps, Participant{ID: fmt.Sprintf("i%02d", i), Title: fmt.Sprintf("Initiativ %d", i)})
	}
	start := time.Date(2027, 1, 15, 8, 0, 0, 0, Stockholm())
	return NewCycle(2027, cfg, Clock{}, start, ps), start
}

func cmeta(id string, r Role) Meta { return Meta{By: Actor{ID: id, Role: r}, Reason: "test"} }

func ids(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprintf("i%02d", i))
	}
	return out
}

func TestDefaultNetworksAndConfig(t *testing.T) {
	cfg := DefaultCycleConfig(testCounties())
	require.NoError(t, cfg.Validate())
	require.Len(t, cfg.Networks[0].Members, 21)
	assert.Equal(t, "county:01", cfg.Networks[0].Members[0].ID)
	bad := []func(c *CycleConfig){
		func(c *CycleConfig) { c.Networks = nil },
		func(c *CycleConfig) { c.Networks[1].Weight = 0 },
		func(c *CycleConfig) { c.Networks[1].Members[0].ID = "county:01" },
		func(c *CycleConfig) { c.ListsDeadline = DayTime{Month: 3, Day: 20, Time: "17:00"} },
		func(c *CycleConfig) { c.ListsDeadline = DayTime{Month: 2, Day: 20, Time: "02:30"} },
		func(c *CycleConfig) { c.ReminderDaysBefore = []int{7, 7} },
		func(c *CycleConfig) { c.ReminderDaysBefore = []int{0} },
	}
	for i, mutate := range bad {
		c := DefaultCycleConfig(testCounties())
		mutate(&c)
		var ve *ValidationError
		assert.ErrorAs(t, c.Validate(), &ve, "case %d", i)
	}
}

func TestSubmitPrioritiesRules(t *testing.T) {
	c, start := testCycle(t, 12)
	now := start.Add(time.Hour)
	cases := []struct {
		name string
		cmd  SubmitPriorities
		code ErrorCode
	}{
		{"own list", SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", ids(1, 5)}, ""},
		{"network list", SubmitPriorities{cmeta("kd", RoleNetwork), "network:kommundirektorsnatverket", ids(1, 10)}, ""},
		{"office on behalf", SubmitPriorities{cmeta("office", RoleOffice), "county:03", ids(3, 8)}, ""},
		{"four entries", SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", ids(1, 4)}, CodeInvalidValue},
		{"eleven entries", SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", ids(1, 11)}, CodeInvalidValue},
		{"duplicate", SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", []string{"i01", "i02", "i03", "i04", "i01"}}, CodeInvalidValue},
		{"not in the backlog", SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", []string{"i01", "i02", "i03", "i04", "zz"}}, CodeInvalidValue},
		{"unknown member", SubmitPriorities{cmeta("anna", RoleCouncil), "county:99", ids(1, 5)}, CodeInvalidValue},
		{"missing member", SubmitPriorities{cmeta("anna", RoleCouncil), "", ids(1, 5)}, CodeMissingField},
		{"network role for a county", SubmitPriorities{cmeta("kd", RoleNetwork), "county:01", ids(1, 5)}, CodeForbiddenRole},
		{"leadership may not give a list", SubmitPriorities{cmeta("boss", RoleLeadership), "county:01", ids(1, 5)}, CodeForbiddenRole},
		{"no reason", SubmitPriorities{Meta{By: Actor{ID: "anna", Role: RoleCouncil}}, "county:01", ids(1, 5)}, CodeMissingField},
	}
	for _, tc := range cases {
		before := c.Revision
		err := c.Apply(tc.cmd, now)
		if tc.code == "" {
			assert.NoError(t, err, tc.name)
			continue
		}
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, tc.name)
		assert.Equal(t, tc.code, ve.Code, tc.name)
		assert.Equal(t, before, c.Revision, "%s: a rejected list changes nothing", tc.name)
	}
	require.Len(t, c.Lists, 3)
	assert.True(t, c.Lists[2].OnBehalf)

	// A replacement keeps the earlier version.
	require.NoError(t, c.Apply(SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", ids(6, 12)}, now))
	require.Len(t, c.Lists, 3)
	require.Len(t, c.Replaced, 1)
	assert.Equal(t, ids(1, 5), c.Replaced[0].Initiatives)
	assert.Equal(t, 2, c.Lists[2].Version)
	assert.Equal(t, ids(6, 12), c.Lists[2].Initiatives)

	// After the deadline, lists are refused even before the phase has moved.
	late := c.ListsDeadline()
	err := c.Apply(SubmitPriorities{cmeta("eva", RoleCouncil), "county:04", ids(1, 5)}, late)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeClosed, ve.Code)
}

func TestSmallRoundAsksForEveryInitiative(t *testing.T) {
	c, start := testCycle(t, 3)
	require.NoError(t, c.Apply(SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", ids(1, 3)}, start))
	assert.Error(t, c.Apply(SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", ids(1, 2)}, start))
}

func TestEmptyBacklogEndsTheCycle(t *testing.T) {
	c, start := testCycle(t, 0)
	assert.Equal(t, PhaseDone, c.Phase)
	var ve *ValidationError
	require.ErrorAs(t, c.Apply(SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", ids(1, 5)}, start), &ve)
	assert.Equal(t, CodeClosed, ve.Code)
}

func TestCycleCalendarRemindersAndPhases(t *testing.T) {
	c, start := testCycle(t, 6)
	require.NoError(t, c.Apply(SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", ids(1, 5)}, start))

	w, ok := c.NextWake(start)
	require.True(t, ok)
	assert.Equal(t, "reminder", w.What)
	// 7 days before 28 February 17:00 is 21 February 17:00, local time.
	assert.Equal(t, time.Date(2027, 2, 21, 17, 0, 0, 0, Stockholm()), w.Calendar)

	ev := c.Advance(w.Real)
	require.Len(t, ev.Reminders, 1)
	assert.Equal(t, 7, ev.Reminders[0].DaysBefore)
	assert.Len(t, ev.Reminders[0].Members, 23, "everyone but county:01: 20 counties and 3 networks")
	assert.NotContains(t, ev.Reminders[0].Members, "county:01")
	assert.True(t, c.Advance(w.Real).Empty(), "a reminder is sent once")

	w, _ = c.NextWake(w.Real)
	assert.Equal(t, time.Date(2027, 2, 26, 17, 0, 0, 0, Stockholm()), w.Calendar)
	c.Advance(w.Real)
	w, _ = c.NextWake(w.Real)
	assert.Equal(t, "lists_deadline", w.What)
	ev = c.Advance(w.Real)
	assert.True(t, ev.ListsClosed)
	assert.Equal(t, PhaseQuickAnalysisDecision, c.Phase)

	// The leadership's deadline passes: one escalation.
	w, _ = c.NextWake(w.Real)
	assert.Equal(t, time.Date(2027, 3, 15, 17, 0, 0, 0, Stockholm()), w.Calendar)
	ev = c.Advance(w.Real)
	require.Len(t, ev.Escalations, 1)
	assert.Empty(t, c.Advance(w.Real.Add(time.Hour)).Escalations)

	// Deciding moves on; April to May to June follow the calendar, across summer time.
	now := w.Real.Add(time.Hour)
	require.NoError(t, c.Apply(DecideCycle{Meta: cmeta("boss", RoleLeadership), Gate: GateQuickAnalysis, Chosen: ids(1, 3)}, now))
	assert.Equal(t, PhaseQuickAnalysis, c.Phase)
	w, _ = c.NextWake(now)
	assert.Equal(t, time.Date(2027, 5, 1, 9, 0, 0, 0, Stockholm()), w.Calendar)
	assert.Equal(t, 7, w.Real.UTC().Hour(), "09:00 in May is 07:00 UTC")
	c.Advance(w.Real)
	assert.Equal(t, PhaseValuation, c.Phase)
	w, _ = c.NextWake(w.Real)
	c.Advance(w.Real)
	assert.Equal(t, PhaseFinalPrioritisation, c.Phase)
}

func TestDecisionsRulesAndPlan(t *testing.T) {
	c, start := testCycle(t, 8)
	for i, m := range []string{"county:01", "county:03"} {
		require.NoError(t, c.Apply(SubmitPriorities{cmeta("m", RoleCouncil), m, ids(1+i, 5+i)}, start))
	}
	now := c.Clock.ToReal(c.ListsDeadline())
	c.Advance(now)

	bad := []struct {
		name string
		cmd  DecideCycle
		code ErrorCode
	}{
		{"office may not decide", DecideCycle{Meta: cmeta("o", RoleOffice), Gate: GateQuickAnalysis, Chosen: ids(1, 2)}, CodeForbiddenRole},
		{"outside the round", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQuickAnalysis, Chosen: []string{"i01", "x99"}}, CodeInvalidValue},
		{"duplicate", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQuickAnalysis, Chosen: []string{"i01", "i01"}}, CodeInvalidValue},
		{"wrong gate now", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateOffer, Chosen: ids(1, 2)}, CodeWrongStage},
		{"unknown gate", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: "x", Chosen: ids(1, 2)}, CodeInvalidValue},
		// Choosing none ends the cycle: it must be said, never the result of a forgotten list.
		{"no initiative named, none not said", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQuickAnalysis}, CodeMissingField},
		{"none and a list", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQuickAnalysis, Chosen: ids(1, 2), None: true}, CodeInvalidValue},
		{"chosen and declined", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQuickAnalysis, Chosen: ids(1, 2), Declined: []string{"i02"}}, CodeInvalidValue},
		{"declined outside the round", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQuickAnalysis, Chosen: ids(1, 2), Declined: []string{"x99"}}, CodeInvalidValue},
	}
	for _, tc := range bad {
		var ve *ValidationError
		require.ErrorAs(t, c.Check(tc.cmd, now), &ve, tc.name)
		assert.Equal(t, tc.code, ve.Code, tc.name)
	}

	require.NoError(t, c.Check(DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQuickAnalysis, None: true}, now),
		"none, said explicitly, is a decision")
	d := DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQuickAnalysis, Chosen: []string{"i02", "i03"}, Declined: []string{"i04"}}
	snaps := make([]InitiativeSnapshot, 0, 8)
	for _, id := range ids(1, 8) {
		snaps = append(snaps, InitiativeSnapshot{ID: id, Stage: StageFebruaryReview, Found: true})
	}
	snaps[7].Stage = StageWithdrawn // i08 left meanwhile: nothing to tell it

	// A chosen initiative that is not in the February review rejects the whole decision.
	stale := append([]InitiativeSnapshot(nil), snaps...)
	stale[1].Stage = StageAwaitingFebruary
	_, err := c.PlanDecision(d, stale)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeWrongStage, ve.Code)

	plan, err := c.PlanDecision(d, snaps)
	require.NoError(t, err)
	require.Len(t, plan, 7)
	verdicts := map[string]Verdict{}
	for _, p := range plan {
		verdicts[p.Initiative] = p.Verdict
		require.NotNil(t, p.Round)
	}
	assert.Equal(t, VerdictApprove, verdicts["i02"])
	assert.Equal(t, VerdictDefer, verdicts["i01"])
	assert.Equal(t, VerdictDecline, verdicts["i04"], "declined at the gate instead of deferred")
	assert.NotContains(t, verdicts, "i08")
	// i02 is 2nd and 1st: 9 + 10 = 19 points, first; i03 is 3rd and 2nd: 8 + 9 = 17, second.
	assert.Equal(t, RoundResult{CycleYear: 2027, Rank: 1, Of: 8, Points: 19, Lists: 2}, *plan[1].Round)
	assert.Equal(t, RoundResult{CycleYear: 2027, Rank: 2, Of: 8, Points: 17, Lists: 2}, *plan[2].Round)
	// i07 is on no list.
	assert.Equal(t, 0, plan[6].Round.Rank)

	require.NoError(t, c.Apply(d, now))
	assert.Equal(t, []string{"i01", "i04", "i05", "i06", "i07", "i08"}, c.Decisions[0].NotChosen)
	assert.Equal(t, []string{"i04"}, c.Decisions[0].Declined)
	assert.Equal(t, []string{"i02", "i03"}, c.Eligible(GateQualification))

	// May: valuations by council members of chosen initiatives only.
	c.Phase = PhaseValuation
	vcases := []struct {
		name string
		cmd  SubmitValuation
		code ErrorCode
	}{
		{"ok", SubmitValuation{cmeta("anna", RoleCouncil), "county:01", "i02", 4, "bra"}, ""},
		{"on behalf", SubmitValuation{cmeta("o", RoleOffice), "county:03", "i02", 2, "tveksam"}, ""},
		{"replaces", SubmitValuation{cmeta("anna", RoleCouncil), "county:01", "i02", 5, "mycket bra"}, ""},
		{"not chosen", SubmitValuation{cmeta("anna", RoleCouncil), "county:01", "i01", 4, "x"}, CodeInvalidValue},
		{"network cannot value", SubmitValuation{cmeta("kd", RoleNetwork), "network:kommundirektorsnatverket", "i02", 4, "x"}, CodeInvalidValue},
		{"score out of range", SubmitValuation{cmeta("anna", RoleCouncil), "county:01", "i02", 6, "x"}, CodeInvalidValue},
		{"no comment", SubmitValuation{cmeta("anna", RoleCouncil), "county:01", "i02", 3, " "}, CodeMissingField},
	}
	for _, tc := range vcases {
		err := c.Apply(tc.cmd, now)
		if tc.code == "" {
			assert.NoError(t, err, tc.name)
			continue
		}
		require.ErrorAs(t, err, &ve, tc.name)
		assert.Equal(t, tc.code, ve.Code, tc.name)
	}
	sum := c.ValuationSummaries()
	require.Len(t, sum, 2)
	assert.Equal(t, 2, sum[0].Count)
	assert.Equal(t, 3.5, sum[0].Average) // (5 + 2) / 2
	assert.Equal(t, 2, sum[0].Min)
	assert.Equal(t, 5, sum[0].Max)
	assert.Len(t, sum[0].Missing, 19)
	assert.Len(t, c.ReplacedValuations, 1)

	// Offer decision: unmet requirements reject it.
	c.Phase = PhaseFinalPrioritisation
	require.NoError(t, c.Apply(DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQualification, Chosen: []string{"i02"}}, now))
	c.Phase = PhaseOfferDecision
	offer := DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateOffer, Chosen: []string{"i02"}}
	_, err = c.PlanDecision(offer, []InitiativeSnapshot{{ID: "i02", Stage: StageOfferDecision, Found: true, Unmet: []string{"financing_plan"}}})
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, CodeRequirementsUnmet, ve.Code)
	plan, err = c.PlanDecision(offer, []InitiativeSnapshot{{ID: "i02", Stage: StageOfferDecision, Found: true}})
	require.NoError(t, err)
	assert.Equal(t, []PlannedVerdict{{Initiative: "i02", Verdict: VerdictApprove,
		Round: &RoundResult{CycleYear: 2027, Rank: 1, Of: 8, Points: 19, Lists: 2}}}, plan)
	require.NoError(t, c.Apply(offer, now))
	assert.Equal(t, PhaseDone, c.Phase)
}

func TestReportAndCSV(t *testing.T) {
	c, start := testCycle(t, 6)
	c.Participants[1].Criteria = []CriterionScore{{Criterion: CriterionUrgency, Score: 5}, {Criterion: CriterionCost, Score: 2}}
	require.NoError(t, c.Apply(SubmitPriorities{cmeta("anna", RoleCouncil), "county:01", []string{"i02", "i01", "i03", "i04", "i05"}}, start))
	require.NoError(t, c.Apply(SubmitPriorities{cmeta("o", RoleOffice), "network:kommundirektorsnatverket", []string{"i01", "i02", "i03", "i04", "i05"}}, start))
	r := c.Report()
	// i01: 9 + 10*3 = 39; i02: 10 + 9*3 = 37; i03: 8*4 = 32; i04: 28; i05: 24; i06 on no list.
	require.Len(t, r.Ranking, 6)
	assert.Equal(t, []int{39, 37, 32, 28, 24, 0}, []int{r.Ranking[0].Points, r.Ranking[1].Points, r.Ranking[2].Points, r.Ranking[3].Points, r.Ranking[4].Points, r.Ranking[5].Points})
	assert.Equal(t, "i06", r.Ranking[5].ID)
	assert.Equal(t, 0, r.Ranking[5].Rank)
	assert.Equal(t, 5, r.Ranking[1].Urgency)
	assert.Equal(t, 2, r.Ranking[1].Cost)
	assert.Len(t, r.MissingLists, 22)

	rows := r.CSVRows()
	kinds := map[string]int{}
	for _, row := range rows {
		require.Len(t, row, len(CSVHeader))
		assert.Equal(t, "2027", row[0])
		kinds[row[1]]++
	}
	assert.Equal(t, map[string]int{"ranking": 6, "list": 10, "missing_list": 22}, kinds)
	assert.Equal(t, "true", rows[11][16], "the second list was entered on the member's behalf")
}

func TestJoinCycle(t *testing.T) {
	now := time.Date(2026, 10, 1, 10, 0, 0, 0, Stockholm())
	in := NewInitiative(Registration{ID: "abc", Need: Need{Title: "T"}, By: Actor{ID: "o", Role: RoleOffice}, Calendar: DefaultCalendar()}, now)
	join := JoinCycle{Meta: cmeta("cycle-2027", RoleOffice), Year: 2027, Calendar: DefaultCalendar()}
	var ve *ValidationError
	require.ErrorAs(t, in.Apply(join, now), &ve, "a need still in the backlog is not ready")
	in.Stage = StageAwaitingFebruary
	demo := DemoCalendar(time.Second)
	join.Calendar, join.Clock = demo, NewClock(demo, now, time.Date(2027, 1, 20, 9, 0, 0, 0, Stockholm()))
	require.NoError(t, in.Apply(join, now))
	assert.Equal(t, 2027, in.Cycle)
	assert.True(t, in.Clock.Scaled(), "the initiative takes the cycle's clock")
	// 12 demo days later it is 1 February 09:00 on the cycle's clock: the review opens.
	in.Advance(now.Add(12 * time.Second))
	assert.Equal(t, StageFebruaryReview, in.Stage)
	join.Year = 2028
	require.ErrorAs(t, in.Apply(join, now), &ve, "in the review only its own year's cycle may take it in")
}

// An initiative withdrawn during the cycle is marked in the ranking and its CSV, and a new list
// may not name it.
func TestAClosedParticipantIsMarkedAndCannotBeListed(t *testing.T) {
	c, start := testCycle(t, 8)
	now := start.Add(24 * 24 * time.Hour) // in February
	c.Advance(now)
	require.NoError(t, c.Apply(SubmitPriorities{Meta: cmeta("county:01", RoleCouncil), Member: "county:01", Initiatives: ids(1, 6)}, now))
	assert.True(t, c.ParticipantClosed("i02", StageWithdrawn, now))
	assert.False(t, c.ParticipantClosed("i02", StageWithdrawn, now), "once")
	assert.False(t, c.ParticipantClosed("x99", StageWithdrawn, now), "not a participant")
	var marked RankingRow
	for _, r := range c.RankingReport() {
		if r.ID == "i02" {
			marked = r
		}
	}
	assert.Equal(t, StageWithdrawn, marked.Closed)
	assert.Equal(t, 2, marked.Rank, "its place stays visible, marked")
	rows := c.Report().CSVRows()
	assert.Equal(t, "withdrawn", rows[1][len(CSVHeader)-1])
	err := c.Check(SubmitPriorities{Meta: cmeta("county:03", RoleCouncil), Member: "county:03", Initiatives: ids(1, 5)}, now)
	assertCode(t, err, CodeInvalidValue, "initiatives")
	assert.Equal(t, "participant_closed", err.(*ValidationError).Hint)
	assert.Equal(t, "i02", err.(*ValidationError).Detail)
}
