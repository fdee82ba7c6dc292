package e2e

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/offerfakes"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/worker"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
)

// serverHistoryLimit is the server's default history count limit we must stay far from.
const serverHistoryLimit = 4096

// startOfferSystem runs the system with fakes for the register, the contact book and the
// links (their real packages are not part of this branch) and an in-memory sender.
func startOfferSystem(t *testing.T) (*system, *offerfakes.Sender, []domain.OfferMunicipality) {
	ms, err := offerfakes.ReadMunicipalities("../workflows/testdata/municipalities.csv")
	require.NoError(t, err)
	sender := &offerfakes.Sender{}
	s := startSystemWith(t, "", 0, func(c client.Client, _ *store.DB) (sdkworker.Worker, error) {
		w := sdkworker.New(c, contract.TaskQueue, sdkworker.Options{})
		worker.Register(w, &activities.Activities{Sender: sender, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.org",
			Register: offerfakes.Register(ms), Addresses: offerfakes.Contacts{}, Links: offerfakes.Links{}, BaseURL: "https://handslag.example"})
		return w, nil
	})
	return s, sender, ms
}

// 290 municipalities answer one by one (the worst case for the history: no batching), 100 of
// them change their answer; every run of the round stays far under 4,096 events because the
// round continues as new, and nothing is lost on the way.
func TestOfferRoundHistoryStaysBoundedOnARealServer(t *testing.T) {
	s, sender, ms := startOfferSystem(t)
	ctx := context.Background()
	const id = "e2e-historik"
	now := time.Now().In(domain.Stockholm()).Truncate(time.Minute)
	in := contract.OfferRoundInput{Setup: domain.OfferSetup{InitiativeID: id,
		Content: domain.OfferContent{InitiativeID: id, Title: "Historiktest", What: "En tjänst"},
		Seminar: now.Add(time.Hour), Deadline: now.Add(24 * time.Hour), LateUntil: now.Add(24 * time.Hour),
		Rule: domain.DefaultDecisionRule(), Municipalities: ms},
		// Far below the default, so that this test sees several continue-as-new hand-overs
		// with answers arriving meanwhile (with the default the whole round fits in one run).
		MaxHistoryEvents: 400}
	run, err := s.admin.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: contract.OfferRoundWorkflowID(id),
		TaskQueue: contract.TaskQueue}, contract.OfferRoundWorkflowType, in)
	require.NoError(t, err)

	submit := func(i int, code string, choice domain.AnswerChoice) {
		b := domain.SubmitAnswers{Meta: domain.Meta{By: domain.Actor{ID: "svarsformular", Role: domain.RoleMunicipality}},
			Answers: []domain.AnswerInput{{Municipality: code, Answer: choice, Name: "Namn", Role: "Roll", SubmissionID: fmt.Sprintf("s-%d", i)}}}
		if i%3 == 0 { // every third as a fire-and-forget signal, arriving as runs continue as new
			_, err := s.admin.SubmitAnswers(ctx, id, b, true)
			require.NoError(t, err)
			return
		}
		res, err := s.admin.SubmitAnswers(ctx, id, b, false)
		require.NoError(t, err)
		require.Len(t, res.Results, 1)
		require.Nil(t, res.Results[0].Error)
	}
	parallel(t, 4, len(ms), func(i int) { submit(i, ms[i].Code, domain.AnswerNo) })
	parallel(t, 4, 100, func(i int) { submit(1000+i, ms[i].Code, domain.AnswerYes) })

	var st contract.OfferStatus
	require.Eventually(t, func() bool { // the last signals may still be on their way
		var err error
		st, err = s.admin.OfferStatus(ctx, id)
		return err == nil && st.Tally.Yes == 100 && st.Tally.NotAnswered == 0
	}, 20*time.Second, 100*time.Millisecond, "every answer arrives")
	assert.Equal(t, 100, st.Tally.Yes)
	assert.Equal(t, 190, st.Tally.No)
	assert.Equal(t, 0, st.Tally.NotAnswered)
	round, err := s.admin.OfferRound(ctx, id)
	require.NoError(t, err)
	assert.Len(t, round.Answers, 390, "every version is kept across the runs")
	require.Eventually(t, func() bool { return len(sender.Messages()) == 290+390 }, 30*time.Second, 100*time.Millisecond,
		"one offer per municipality and one receipt per version")

	lengths := runLengths(t, s, contract.OfferRoundWorkflowID(id), run.GetRunID())
	t.Logf("history events per run: %v", lengths)
	require.GreaterOrEqual(t, len(lengths), 2, "the round continued as new")
	for i, n := range lengths {
		assert.Less(t, n, serverHistoryLimit, "run %d", i)
		assert.Less(t, n, 2*in.MaxHistoryEvents, "run %d continues as new soon after its bound", i)
	}
	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.OfferRoundWorkflowID(id), run.GetRunID(), "../workflows/testdata/history_offer_round.json")
	}
}

// parallel runs fn(0..n-1) on k goroutines.
func parallel(t *testing.T, k, n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for g := 0; g < k; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// runLengths follows a workflow's chain of runs from firstRun and returns each run's history
// length.
func runLengths(t *testing.T, s *system, workflowID, firstRun string) []int {
	var out []int
	for runID := firstRun; runID != ""; {
		iter := s.admin.Temporal.GetWorkflowHistory(context.Background(), workflowID, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		n, next := 0, ""
		for iter.HasNext() {
			e, err := iter.Next()
			require.NoError(t, err)
			n++
			if a := e.GetWorkflowExecutionContinuedAsNewEventAttributes(); a != nil {
				next = a.GetNewExecutionRunId()
			}
		}
		out = append(out, n)
		runID = next
	}
	return out
}
