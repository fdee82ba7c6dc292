package e2e

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/starter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
)

// The Schedule on a real server: its next three starts are 15 January 08:00 Stockholm time in
// the coming years, and creating it twice leaves one schedule.
func TestScheduleStartsEachYearAndIsCreatedOnce(t *testing.T) {
	if externalFromEnv(t) != nil {
		t.Skip("the cycle takes in every initiative of the namespace; the external system is shared by the other tests")
	}
	s := startSystem(t, "", 0)
	out := s.mustCLI("cycle", "schedule")
	assert.Contains(t, out, "skapat")
	out = s.mustCLI("cycle", "schedule", "--catchup", "72h")
	assert.Contains(t, out, "uppdaterat")

	ctx := context.Background()
	desc, err := s.admin.DescribeSchedule(ctx)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(desc.Info.NextActionTimes), 3)
	now := time.Now()
	year := now.Year()
	if !now.Before(time.Date(year, 1, 15, 8, 0, 0, 0, domain.Stockholm())) {
		year++
	}
	for i := 0; i < 3; i++ {
		want := time.Date(year+i, 1, 15, 8, 0, 0, 0, domain.Stockholm())
		assert.True(t, want.Equal(desc.Info.NextActionTimes[i]), "start %d: want %s, got %s", i, want, desc.Info.NextActionTimes[i])
	}
	assert.Equal(t, 72*time.Hour, desc.Schedule.Policy.CatchupWindow)
	assert.Equal(t, enumspb.SCHEDULE_OVERLAP_POLICY_SKIP, desc.Schedule.Policy.Overlap)

	// One schedule, however many times the command ran (visibility may lag a moment).
	deadline := time.Now().Add(10 * time.Second)
	for {
		it, err := s.admin.Temporal.ScheduleClient().List(ctx, client.ScheduleListOptions{})
		require.NoError(t, err)
		n := 0
		for it.HasNext() {
			e, err := it.Next()
			require.NoError(t, err)
			assert.Equal(t, contract.ScheduleID, e.ID)
			n++
		}
		require.LessOrEqual(t, n, 1)
		if n == 1 {
			break
		}
		require.True(t, time.Now().Before(deadline), "the schedule never showed in the list")
		time.Sleep(100 * time.Millisecond)
	}

	// A start time inside the daylight-saving hour is refused and the schedule is unchanged.
	code, out := s.cli("cycle", "schedule", "--at", "03-29 02:30")
	assert.Equal(t, starter.ExitRejected, code, out)
	assert.Contains(t, out, "mellan 02:00 och 03:00")
}

// waitForPhase polls the cycle's status until it reaches a phase.
func (s *system) waitForPhase(year int, phase domain.CyclePhase, within time.Duration) contract.CycleStatus {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for {
		code, out := s.cli("cycle", "status", "--year", fmt.Sprint(year), "--json")
		var st contract.CycleStatus
		if code == starter.ExitOK && json.Unmarshal([]byte(out), &st) == nil && st.Phase == phase {
			return st
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("cycle %d never reached phase %s; last status: %s", year, phase, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *system) initiativeStatus(id string) contract.Status {
	s.t.Helper()
	var st contract.Status
	require.NoError(s.t, json.Unmarshal([]byte(s.mustCLI("status", id, "--json")), &st))
	return st
}

// A whole cycle on the demo calendar, from the Schedule's start to the offer decision, driven
// through the CLI like the office, the members and the leadership would.
func TestCycleFromScheduleToOfferDecision(t *testing.T) {
	if externalFromEnv(t) != nil {
		t.Skip("the cycle takes in every initiative of the namespace; the external system is shared by the other tests")
	}
	s := startSystem(t, "", 0)
	office := []string{"--by", "programkontoret.e2e", "--role", "office"}
	lead := []string{"--by", "ledningen.e2e", "--role", "leadership"}
	ids := map[string]string{}
	for _, l := range []string{"A", "B", "C", "D", "E", "F"} {
		id := "initiativ-" + strings.ToLower(l)
		ids[l] = id
		s.mustCLI(append([]string{"register", "--title", "Initiativ " + l, "--problem", "p", "--who", "w", "--benefit", "b",
			"--activities", "Kansli", "--proposer", "Exempelby kommun", "--contact", "k@exempelby.example"}, office...)...)
		s.mustCLI(append([]string{"triage", id, "--owner", "Inera", "--reason", "r"}, office...)...)
		s.mustCLI(append([]string{"score", id, "--criterion", "nytta", "--score", "4", "--motivation", "m", "--reason", "r"}, office...)...)
		s.mustCLI(append([]string{"relevance", id, "--group", "high", "--municipal", "medium", "--reason", "r"}, office...)...)
	}
	for _, id := range ids {
		s.waitForStage(id, "awaiting_february", 10*time.Second)
	}

	// A demo schedule: one calendar day is 150 ms from 2 January 2027. Triggering it runs the
	// same launcher as the yearly start would; triggering twice still gives one cycle.
	s.mustCLI("cycle", "schedule", "--demo", "--demo-day", "150ms", "--demo-start", "2027-01-02")
	s.mustCLI("cycle", "trigger")
	st := s.waitForPhase(2027, domain.PhasePriorities, 15*time.Second)
	s.mustCLI("cycle", "trigger")
	assert.Equal(t, 6, st.Participants)
	assert.True(t, st.Demo)
	assert.Equal(t, 2027, s.initiativeStatus(ids["A"]).Initiative.Cycle, "the initiative was told it is in the cycle")

	list := func(member string, as []string, letters ...string) {
		t.Helper()
		var l []string
		for _, x := range letters {
			l = append(l, ids[x])
		}
		s.mustCLI(append([]string{"cycle", "priorities", "--year", "2027", "--member", member, "--list", strings.Join(l, ","), "--reason", "rådsmöte"}, as...)...)
	}
	list("county:01", []string{"--by", "ledamot.ab", "--role", "council"}, "A", "B", "C", "D", "E")
	list("county:01", []string{"--by", "ledamot.ab", "--role", "council"}, "B", "A", "C", "D", "E") // replaces
	list("county:03", office, "C", "B", "A", "D", "F")                                              // on behalf
	list("network:kommundirektorsnatverket", []string{"--by", "kd.ordf", "--role", "network"}, "A", "C", "B", "E", "F")
	code, out := s.cli(append([]string{"cycle", "priorities", "--year", "2027", "--member", "county:04", "--list", ids["A"] + "," + ids["B"], "--reason", "r"}, office...)...)
	assert.Equal(t, starter.ExitRejected, code, "a list of two is refused: %s", out)

	// The weighing-together, by hand: county:01 B10 A9 C8 D7 E6; county:03 C10 B9 A8 D7 F6;
	// the director network (weight 3) A30 C27 B24 E21 F18.
	s.waitForPhase(2027, domain.PhaseQuickAnalysisDecision, 20*time.Second)
	rows, err := csv.NewReader(strings.NewReader(s.mustCLI("cycle", "ranking", "--year", "2027", "--format", "csv"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 7)
	got := []string{}
	for _, r := range rows[1:] {
		got = append(got, r[1]+"="+r[4])
	}
	assert.Equal(t, []string{ids["A"] + "=47", ids["C"] + "=45", ids["B"] + "=43", ids["E"] + "=27", ids["F"] + "=24", ids["D"] + "=14"}, got)
	assert.Equal(t, "4", rows[1][9], "the benefit score is shown beside the rank")

	// F is withdrawn after the ranking: it tells the cycle, whose ranking marks it.
	s.mustCLI(append([]string{"withdraw", ids["F"], "--reason", "Ersätts av en nationell tjänst"}, office...)...)
	require.Eventually(t, func() bool {
		rows, err := csv.NewReader(strings.NewReader(s.mustCLI("cycle", "ranking", "--year", "2027", "--format", "csv"))).ReadAll()
		return err == nil && len(rows) == 7 && rows[5][1] == ids["F"] && rows[5][11] == string(domain.StageWithdrawn)
	}, 10*time.Second, 100*time.Millisecond, "the ranking marks the withdrawn initiative")

	decide := func(gate string, chosen ...string) (int, string) {
		var c []string
		for _, x := range chosen {
			c = append(c, ids[x])
		}
		return s.cli(append([]string{"cycle", "decide", "--year", "2027", "--gate", gate, "--chosen", strings.Join(c, ","), "--reason", "enligt sammanvägningen"}, lead...)...)
	}
	code, out = s.cli(append([]string{"cycle", "decide", "--year", "2027", "--gate", "quick_analysis", "--chosen", ids["A"] + ",okand", "--reason", "r"}, lead...)...)
	assert.Equal(t, starter.ExitRejected, code, "a decision naming an initiative outside the round: %s", out)
	code, out = decide("quick_analysis", "A", "C", "B")
	require.Equal(t, starter.ExitOK, code, out)
	assert.Contains(t, out, "3 går vidare, 2 väntar", "the withdrawn F does not wait")
	s.waitForStage(ids["D"], "awaiting_february", 5*time.Second)
	d := s.initiativeStatus(ids["D"]).Initiative
	assert.Equal(t, 2028, d.CycleYear, "not chosen: back in the backlog for next year")
	require.Len(t, d.EarlierRounds, 1)
	require.NotNil(t, d.EarlierRounds[0].Round)
	assert.Equal(t, 6, d.EarlierRounds[0].Round.Rank)

	// April and May.
	for _, x := range []string{"A", "C", "B"} {
		s.waitForStage(ids[x], "quick_analysis", 20*time.Second)
		s.mustCLI(append([]string{"quick-analysis", ids[x], "--offer-meaning", "m", "--qualification-needs", "q", "--reason", "r"}, office...)...)
	}
	s.waitForPhase(2027, domain.PhaseValuation, 20*time.Second)
	s.mustCLI("cycle", "valuation", "--year", "2027", "--member", "county:01", "--initiative", ids["A"], "--score", "4", "--comment", "lovande", "--reason", "maj", "--by", "ledamot.ab", "--role", "council")
	s.mustCLI(append([]string{"cycle", "valuation", "--year", "2027", "--member", "county:03", "--initiative", ids["A"], "--score", "2", "--comment", "dyrt", "--reason", "maj"}, office...)...)
	for _, x := range []string{"A", "C", "B"} {
		s.mustCLI(append([]string{"valuation", ids[x], "--group-score", "4", "--municipal-score", "3", "--comment", "c", "--reason", "r"}, office...)...)
	}

	// June: qualify A and C.
	s.waitForPhase(2027, domain.PhaseFinalPrioritisation, 20*time.Second)
	for _, x := range []string{"A", "C", "B"} {
		s.waitForStage(ids[x], "final_prioritisation", 10*time.Second)
	}
	code, out = decide("qualification", "A", "C")
	require.Equal(t, starter.ExitOK, code, out)

	// September to January: both plans complete.
	for _, x := range []string{"A", "C"} {
		s.waitForStage(ids[x], "qualification", 40*time.Second)
		s.mustCLI(append([]string{"qualification", ids[x], "--what", "w", "--who-does-what", "x", "--effect-goal", "e", "--cost", "c", "--financing", "f", "--reason", "r"}, office...)...)
		for _, req := range domain.Requirements {
			s.mustCLI(append([]string{"requirement", ids[x], "--requirement", string(req), "--evidence", "beslut", "--reason", "r"}, office...)...)
		}
	}

	// February 2028: the offer decision.
	s.waitForPhase(2027, domain.PhaseOfferDecision, 60*time.Second)
	s.waitForStage(ids["A"], "offer_decision", 10*time.Second)
	code, out = decide("offer", "D")
	assert.Equal(t, starter.ExitRejected, code, "D is not at the offer gate: %s", out)
	code, out = decide("offer", "A")
	require.Equal(t, starter.ExitOK, code, out)
	s.waitForPhase(2027, domain.PhaseDone, 10*time.Second)
	s.waitForStage(ids["A"], "offer_round", 10*time.Second) // offered, and the round to the municipalities is open
	require.Eventually(t, func() bool {
		code, out = decide("offer", "A")
		return code == starter.ExitRejected && strings.Contains(out, "Årscykeln 2027 är avslutad")
	}, 10*time.Second, 100*time.Millisecond, "a decision on an ended cycle says it has ended: %s", out)

	// The cycle report, as JSON and CSV.
	var report domain.CycleReport
	require.NoError(t, json.Unmarshal([]byte(s.mustCLI("cycle", "report", "--year", "2027", "--format", "json")), &report))
	require.Len(t, report.Decisions, 3)
	assert.Equal(t, "ledningen.e2e", report.Decisions[0].By)
	assert.Equal(t, "enligt sammanvägningen", report.Decisions[0].Reason)
	require.Len(t, report.Replaced, 1)
	require.Len(t, report.Valuations, 3)
	assert.Equal(t, 3.0, report.Valuations[0].Average)
	rows, err = csv.NewReader(strings.NewReader(s.mustCLI("cycle", "report", "--year", "2027", "--format", "csv"))).ReadAll()
	require.NoError(t, err)
	kinds := map[string]int{}
	for _, r := range rows[1:] {
		kinds[r[1]]++
	}
	assert.Equal(t, 6, kinds["ranking"])
	assert.Equal(t, 15, kinds["list"])
	assert.Equal(t, 5, kinds["replaced_list"])
	assert.Equal(t, 2, kinds["valuation"])
	assert.Equal(t, 6+3+2, kinds["decision"])

	// What went out: no member has an address here, so the office got the round's opening for
	// all 24 members in one message; the leadership was told when the lists closed.
	keys := map[string]bool{}
	for _, m := range s.messages() {
		keys[m.Key] = true
	}
	assert.True(t, keys["round-open/cycle-2027/office"], "%v", keys)
	assert.True(t, keys["lists-closed/cycle-2027"], "%v", keys)

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.CycleWorkflowID(2027), "", "../workflows/testdata/history_cycle_demo.json")
		recordHistory(t, s, ids["A"], "../workflows/testdata/history_cycle_initiative_offered.json")
		recordHistory(t, s, ids["F"], "../workflows/testdata/history_cycle_initiative_withdrawn.json")
		recordRun(t, s, launcherRun(t, s), "", "../workflows/testdata/history_cycle_launcher.json")
	}
}

// launcherRun is the workflow ID of a run of the Schedule's launcher.
func launcherRun(t *testing.T, s *system) string {
	resp, err := s.admin.Temporal.ListWorkflow(context.Background(), &workflowservice.ListWorkflowExecutionsRequest{
		Query: fmt.Sprintf("WorkflowType = '%s'", contract.CycleLauncherWorkflowType)})
	require.NoError(t, err)
	require.NotEmpty(t, resp.Executions, "the Schedule started the launcher")
	return resp.Executions[len(resp.Executions)-1].GetExecution().GetWorkflowId()
}
