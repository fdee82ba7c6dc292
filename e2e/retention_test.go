package e2e

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/offerfakes"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
)

// The answerers' retention on a real server with the real worker and database: a round on a
// demo calendar (a day is a second) closes at its deadline, reports its outcome at once,
// keeps who answered for two demo days, then erases every name, role and comment from its
// state and empties their receipts in the database, and ends with the tally and the decision
// unchanged. The access search (by name, as the console's export reads it) finds nothing.
func TestAnswerersRetentionRunsOutOnARealServer(t *testing.T) {
	s := startSystemWith(t, "", 0, func(c client.Client, db *store.DB) (sdkworker.Worker, error) {
		return newTestWorker(c, db, func(cfg *config.Worker) { cfg.AnswerersKept = &domain.Period{Days: 2} })
	})
	all, err := offerfakes.ReadMunicipalities("../workflows/testdata/municipalities.csv")
	require.NoError(t, err)
	ms := all[:5]
	ctx := context.Background()
	const id = "e2e-gallring"
	realStart := time.Now().Truncate(time.Second)
	v0 := time.Date(2027, 3, 1, 9, 0, 0, 0, domain.Stockholm())
	in := contract.OfferRoundInput{Setup: domain.OfferSetup{InitiativeID: id,
		Content: domain.OfferContent{InitiativeID: id, Title: "Gallringstest", What: "En tjänst"},
		Seminar: v0.AddDate(0, 0, 1), Deadline: v0.AddDate(0, 0, 8), LateUntil: v0.AddDate(0, 0, 8),
		Rule: domain.DecisionRule{MinYes: 1}, Municipalities: ms,
		Clock: domain.Clock{DayLength: time.Second, RealOrigin: realStart, VirtualOrigin: v0}}}
	run, err := s.admin.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: contract.OfferRoundWorkflowID(id),
		TaskQueue: contract.TaskQueue}, contract.OfferRoundWorkflowType, in)
	require.NoError(t, err)
	res, err := s.admin.SubmitAnswers(ctx, id, domain.SubmitAnswers{Meta: domain.Meta{By: domain.Actor{ID: "svarsformular", Role: domain.RoleMunicipality}},
		Answers: []domain.AnswerInput{
			{Municipality: ms[0].Code, Answer: domain.AnswerYes, Name: "Bo Berg", Role: "Kommundirektör", Comment: "Vi vill vara med", SubmissionID: "s-1"},
			{Municipality: ms[1].Code, Answer: domain.AnswerNo, Name: "Cecilia Ek", Role: "IT-chef", SubmissionID: "s-2"}}}, false)
	require.NoError(t, err)
	for _, r := range res.Results {
		require.Nil(t, r.Error)
	}
	receipt := activities.ReceiptKey(id, ms[0].Code, 1)
	require.Eventually(t, func() bool { return strings.Contains(s.message(receipt).Body, "Bo Berg") },
		20*time.Second, 100*time.Millisecond, "the receipt repeats the answer")

	var closed contract.OfferStatus
	require.Eventually(t, func() bool {
		closed, err = s.admin.OfferStatus(ctx, id)
		return err == nil && closed.Closed && closed.Retention != nil
	}, 30*time.Second, 100*time.Millisecond, "the round closes at its deadline and sets the answerers' retention")
	assert.True(t, v0.AddDate(0, 0, 10).Equal(closed.Retention.Until), "two demo days after closing: %v", closed.Retention.Until)

	waitCtx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var rep domain.OfferReport
	require.NoError(t, run.Get(waitCtx, &rep), "the round ends when its answerers are forgotten")
	assert.True(t, rep.Go)

	st, err := s.admin.OfferStatus(ctx, id)
	require.NoError(t, err)
	require.NotNil(t, st.Retention)
	assert.False(t, st.Retention.ForgottenAt.IsZero())
	require.Len(t, st.Answers, 2)
	for _, a := range st.Answers {
		assert.Empty(t, a.Name)
		assert.Empty(t, a.Role)
		assert.Empty(t, a.Comment)
	}
	assert.Equal(t, closed.Tally, st.Tally, "the tally stays")
	assert.Equal(t, domain.AnswerYes, st.Answers[0].Answer, "the decision stays")
	round, err := s.admin.OfferRound(ctx, id)
	require.NoError(t, err)
	assert.Empty(t, round.AnswersBy("Bo Berg"), "the access search finds nobody")
	m := s.message(receipt)
	assert.Equal(t, receipt, m.Key, "the key stays in the database, so the receipt is never sent again")
	assert.Empty(t, m.To)
	assert.NotContains(t, m.Body, "Bo Berg")
	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.OfferRoundWorkflowID(id), "", "../workflows/testdata/history_offer_answerers_retention.json")
	}
}

// message is the e-mail stored under key in the database's ledger (zero if there is none).
func (s *system) message(key string) mail.Message {
	for _, m := range s.messages() {
		if m.Key == key {
			return m
		}
	}
	return mail.Message{}
}
