package e2e

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
)

// A cycle whose history fills up continues as new without its participants' titles, owners
// and scores (a backlog of thousands made the whole state too large for one payload), and the
// next run reads them back from the initiatives: on the real server, the ranking of a later
// run has every title and score again.
func TestACycleContinuesAsNewAndReadsItsParticipantsBack(t *testing.T) {
	if externalFromEnv(t) != nil {
		t.Skip("the cycle takes in every initiative of the namespace; the external system is shared by the other tests")
	}
	s := startSystem(t, "", 0)
	office := []string{"--by", "programkontoret.e2e", "--role", "office"}
	titles := map[string]string{}
	for _, l := range []string{"A", "B"} {
		id := "fortsatt-" + strings.ToLower(l)
		titles[id] = "Fortsatt " + l
		s.mustCLI(append([]string{"register", "--title", titles[id], "--problem", "p", "--who", "w", "--benefit", "b",
			"--activities", "Kansli", "--proposer", "Exempelby kommun", "--contact", "k@exempelby.example"}, office...)...)
		s.mustCLI(append([]string{"triage", id, "--owner", "Inera", "--reason", "r"}, office...)...)
		s.mustCLI(append([]string{"score", id, "--criterion", "nytta", "--score", "4", "--motivation", "m", "--reason", "r"}, office...)...)
		s.mustCLI(append([]string{"relevance", id, "--group", "high", "--municipal", "medium", "--reason", "r"}, office...)...)
		s.waitForStage(id, "awaiting_february", 10*time.Second)
	}

	// The cycle on a slow demo clock (a calendar day is a minute) with a history bound of 20
	// events: the first run continues as new soon after taking the backlog in.
	ctx := context.Background()
	year := domain.NextCycleYear(domain.DefaultCalendar(), domain.Clock{}, time.Now())
	clock := domain.Clock{DayLength: time.Minute, RealOrigin: time.Now(), VirtualOrigin: time.Date(year, 1, 2, 9, 0, 0, 0, domain.Stockholm())}
	_, err := s.admin.StartCycle(ctx, contract.CycleInput{Year: year, Config: config.DefaultCycleConfig(), Clock: clock, MaxHistoryEvents: 20})
	require.NoError(t, err)
	var st contract.CycleStatus
	require.Eventually(t, func() bool {
		return s.admin.QueryCycle(ctx, year, contract.QueryCycleStatus, &st) == nil && st.Run >= 1
	}, time.Minute, 100*time.Millisecond, "the cycle continued as new")
	assert.Equal(t, 2, st.Participants)

	var rep domain.CycleReport
	require.Eventually(t, func() bool {
		if s.admin.QueryCycle(ctx, year, contract.QueryCycleReport, &rep) != nil || len(rep.Ranking) != 2 {
			return false
		}
		for _, r := range rep.Ranking {
			if r.Title != titles[r.ID] || r.Benefit != 4 {
				return false
			}
		}
		return true
	}, time.Minute, 100*time.Millisecond, "the next run read its participants back: %+v", rep.Ranking)

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		// The first run ends with the lean continue-as-new; the second starts by reading the
		// participants back.
		desc, err := s.admin.Temporal.DescribeWorkflowExecution(ctx, contract.CycleWorkflowID(year), "")
		require.NoError(t, err)
		first := desc.GetWorkflowExecutionInfo().GetFirstRunId()
		recordRun(t, s, contract.CycleWorkflowID(year), first, "../workflows/testdata/history_cycle_lean_continue.json")
		recordRun(t, s, contract.CycleWorkflowID(year), continuedRunID(t, s, contract.CycleWorkflowID(year), first),
			"../workflows/testdata/history_cycle_read_participants.json")
	}
}

// continuedRunID is the run a run continued as new into.
func continuedRunID(t *testing.T, s *system, workflowID, runID string) string {
	iter := s.admin.Temporal.GetWorkflowHistory(context.Background(), workflowID, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
	for iter.HasNext() {
		e, err := iter.Next()
		require.NoError(t, err)
		if a := e.GetWorkflowExecutionContinuedAsNewEventAttributes(); a != nil {
			return a.GetNewExecutionRunId()
		}
	}
	t.Fatalf("run %s of %s did not continue as new", runID, workflowID)
	return ""
}
