package workflows

import (
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An answer given, the round closed, and its answerers' retention (three years after closing)
// passed on the time-skipping clock: the names, roles and comments are gone from the round's
// state and from its receipts in the e-mail ledger, and nobody is found by name any more (what
// the access export reads); the decisions, the tally, the outcome and the offers stay. Until
// the date, everything is there and the round says when it will be erased.
func TestAnswerersAreForgottenThreeYearsAfterTheRoundCloses(t *testing.T) {
	ms := sweden(t)[:10]
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	h.acts.AnswerersKept = domain.Period{Years: 3}
	h.acts.MailStore = h.sender
	b := h.answers(linkActor, domain.AnswerYes, codes(ms[:6])...)
	b.Answers[0].Comment = "Vi behöver detta"
	h.submitAt(sthlm(2027, 3, 1, 10, 0), b)
	h.submitAt(sthlm(2027, 3, 2, 10, 0), h.answers(linkActor, domain.AnswerNo, codes(ms[6:8])...))

	var during, lastDay bool
	var closedTally domain.Tally
	var until time.Time
	h.at(sthlm(2028, 1, 10, 12, 0), func() {
		s := h.status()
		require.True(t, s.Closed)
		require.NotNil(t, s.Retention, "the closed round says until when it keeps the answerers")
		until, closedTally = s.Retention.Until, s.Tally
		round := domain.OfferRound{Answers: answersOf(s)}
		during = len(round.AnswersBy("Namn "+ms[0].Code)) == 1
	})
	h.at(sthlm(2030, 4, 12, 16, 59), func() {
		s := h.status()
		lastDay = s.Retention.ForgottenAt.IsZero() && answersOf(s)[0].Name != ""
	})
	receipt := activities.ReceiptKey("bygglov", ms[0].Code, 1)
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DecisionRule{MinYes: 5}))
	require.True(t, h.env.IsWorkflowCompleted())
	require.NoError(t, h.env.GetWorkflowError())

	assert.True(t, during, "the answers are kept while the period runs")
	assert.True(t, sthlm(2030, 4, 12, 17, 0).Equal(until), "three calendar years after the round closed at the deadline: %v", until)
	assert.True(t, lastDay, "not a minute early")

	s := h.status()
	require.NotNil(t, s.Retention)
	assert.False(t, s.Retention.ForgottenAt.IsZero())
	for _, a := range answersOf(s) {
		assert.Empty(t, a.Name, a.Municipality)
		assert.Empty(t, a.Role, a.Municipality)
		assert.Empty(t, a.Comment, a.Municipality)
	}
	assert.Equal(t, domain.AnswerYes, answersOf(s)[0].Answer, "the municipality's decision stays")
	assert.Equal(t, closedTally, s.Tally, "the tally is unchanged")
	assert.True(t, s.Go, "the outcome is unchanged")
	round := domain.OfferRound{Answers: answersOf(s)}
	assert.Empty(t, round.AnswersBy("Namn "+ms[0].Code), "nobody is found by name any more")

	m, ok := h.sender.Get(receipt)
	require.True(t, ok, "the receipt's key stays, so it is never sent again")
	assert.Empty(t, m.To)
	assert.Empty(t, m.Body)
	for _, key := range h.keys("offer/") {
		m, _ := h.sender.Get(key)
		assert.NotEmpty(t, m.Body, "offers name no answerer and stay: %s", key)
	}
	for _, key := range h.keys("receipt/") {
		m, _ := h.sender.Get(key)
		assert.False(t, strings.Contains(m.Body, "Namn "), key)
	}
}

// answersOf is the answers the status shows (the latest version per municipality).
func answersOf(s contract.OfferStatus) []domain.AnswerVersion {
	var out []domain.AnswerVersion
	for _, a := range s.Answers {
		if a.Version > 0 {
			out = append(out, a.AnswerVersion)
		}
	}
	return out
}
