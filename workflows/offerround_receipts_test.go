package workflows

import (
	"context"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
)

// receiptSend is one SendReceipts activity: when it started and how many receipts it carried.
type receiptSend struct {
	at    time.Time
	count int
}

// receiptSends records the round's SendReceipts activities: local ones (receiptsLocalChange),
// and activity tasks, which no run of the current version may schedule.
func receiptSends(t *testing.T, h *offerHarness) *[]receiptSend {
	var sends []receiptSend
	h.env.SetOnLocalActivityStartedListener(func(info *activity.Info, _ context.Context, args []any) {
		if info.ActivityType.Name != "SendReceipts" {
			return
		}
		b, ok := args[0].(activities.ReceiptBatch)
		require.True(t, ok, "the local activity's argument: %T", args[0])
		sends = append(sends, receiptSend{at: h.env.Now().In(domain.Stockholm()), count: len(b.Receipts)})
	})
	h.env.SetOnActivityStartedListener(func(info *activity.Info, _ context.Context, args converter.EncodedValues) {
		assert.NotEqual(t, "SendReceipts", info.ActivityType.Name, "receipts go out as a local activity")
	})
	return &sends
}

// A rush of answers, one update each, costs one receipt activity a second after the first
// answer, not one per answer; a lone answer later gets its receipt a second after it came.
func TestReceiptsOfARushGoOutTogetherWithinASecond(t *testing.T) {
	ms := sweden(t)[:20]
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	sends := receiptSends(t, h)
	rush := sthlm(2027, 3, 1, 10, 0)
	for i, m := range ms[:5] {
		h.submitAt(rush.Add(time.Duration(i)*150*time.Millisecond), h.answers(linkActor, domain.AnswerYes, m.Code))
	}
	lone := sthlm(2027, 3, 1, 14, 0)
	h.submitAt(lone, h.answers(linkActor, domain.AnswerNo, ms[5].Code))
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DecisionRule{MinYes: 1}))
	require.NoError(t, h.env.GetWorkflowError())

	assert.Equal(t, []receiptSend{{at: rush.Add(receiptDelay), count: 5}, {at: lone.Add(receiptDelay), count: 1}}, *sends)
	assert.Len(t, h.keys("receipt/bygglov/"), 6, "one receipt per answer")
}

// Once a full batch is owed, the receipts go out at once instead of waiting, in batches: all
// 290 municipalities answer and 20 change their minds in the same instant (a receipt for each
// version).
func TestAFullBatchOfReceiptsGoesOutAtOnce(t *testing.T) {
	ms := sweden(t)
	extra := domain.MaxAnswersPerBatch + 10 - len(ms)
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	sends := receiptSends(t, h)
	at := sthlm(2027, 3, 1, 10, 0)
	h.submitAt(at, h.answers(linkActor, domain.AnswerYes, codes(ms)...))
	h.submitAt(at, h.answers(linkActor, domain.AnswerNo, codes(ms[:extra])...))
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DecisionRule{MinYes: 1}))
	require.NoError(t, h.env.GetWorkflowError())

	assert.Equal(t, []receiptSend{{at: at, count: domain.MaxAnswersPerBatch}, {at: at, count: 10}}, *sends)
}

// Fewer than a full batch wait for the second even when they are many (before
// receiptsFullBatchChange, 50 went out at once): in a rush every batch holds the round's
// workflow task while it is written.
func TestManyReceiptsWaitForTheSecond(t *testing.T) {
	ms := sweden(t)
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	sends := receiptSends(t, h)
	at := sthlm(2027, 3, 1, 10, 0)
	h.submitAt(at, h.answers(linkActor, domain.AnswerYes, codes(ms)...))
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DecisionRule{MinYes: 1}))
	require.NoError(t, h.env.GetWorkflowError())

	assert.Equal(t, []receiptSend{{at: at.Add(receiptDelay), count: len(ms)}}, *sends)
}

// A late answer just before the late period ends: the round closes, sends the receipt still
// owed at once and only then finishes.
func TestAClosingRoundSendsItsReceiptsBeforeItEnds(t *testing.T) {
	ms := sweden(t)[:10]
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	sends := receiptSends(t, h)
	in := smallInput(ms, domain.DecisionRule{MinYes: 1})
	in.Setup.LateUntil = sthlm(2027, 5, 1, 17, 0)
	h.submitAt(in.Setup.LateUntil.Add(-receiptDelay/2), h.answers(linkActor, domain.AnswerYes, ms[0].Code))
	h.env.ExecuteWorkflow(OfferRoundWorkflow, in)
	require.NoError(t, h.env.GetWorkflowError())

	var final domain.OfferReport
	require.NoError(t, h.env.GetWorkflowResult(&final))
	assert.Equal(t, 1, final.Tally.Yes)
	assert.Equal(t, []receiptSend{{at: in.Setup.LateUntil, count: 1}}, *sends)
	assert.Len(t, h.keys("receipt/bygglov/"), 1)
}

// slowOffers makes every batch of offers take d of workflow time, as 290 e-mails through a
// real mail server do; the real activity sends them (and every other batch, at once).
func slowOffers(h *offerHarness, d time.Duration) {
	isOffer := func(b activities.OfferMailBatch) bool { return b.Kind == activities.MailOffer }
	h.env.OnActivity(h.acts.SendOfferMail, mock.Anything, mock.MatchedBy(isOffer)).After(d).Return(h.acts.SendOfferMail)
	h.env.OnActivity(h.acts.SendOfferMail, mock.Anything, mock.MatchedBy(func(b activities.OfferMailBatch) bool { return !isOffer(b) })).
		Return(h.acts.SendOfferMail)
}

// The first municipalities answer while the offers still go out: their receipts come about a
// second after the answer, not after the last offer (10-13 s before, for 290).
func TestAnAnswerWhileTheOffersGoOutGetsItsReceiptAtOnce(t *testing.T) {
	ms := sweden(t)
	start := sthlm(2027, 2, 10, 10, 0)
	h := newOfferHarness(t, start, ms)
	slowOffers(h, 10*time.Second) // 6 batches, 3 at a time: out after 20 s
	sends := receiptSends(t, h)
	var during contract.OfferStatus
	answered := start.Add(2 * time.Second)
	h.submitAt(answered, h.answers(linkActor, domain.AnswerYes, ms[0].Code))
	h.at(answered.Add(receiptDelay+time.Second), func() { during = h.status() })
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DecisionRule{MinYes: 1}))
	require.NoError(t, h.env.GetWorkflowError())

	require.NotEmpty(t, *sends)
	assert.Equal(t, receiptSend{at: answered.Add(receiptDelay), count: 1}, (*sends)[0], "the receipt did not wait for the offers")
	assert.Nil(t, during.Delivery, "the offers were still going out then")
}

// A reminder whose time comes while the offers still go out (a short demo window) is sent once
// they are out, marked late; none is dropped.
func TestAReminderDueWhileTheOffersGoOutIsSentLate(t *testing.T) {
	ms := sweden(t)[:120]
	start := sthlm(2027, 2, 10, 10, 0)
	h := newOfferHarness(t, start, ms)
	slowOffers(h, 3*24*time.Hour) // 3 batches of 50 at once: out after three days
	in := smallInput(ms, domain.DecisionRule{MinYes: 1})
	in.Setup.Seminar, in.Setup.Deadline, in.Setup.LateUntil = start.Add(time.Hour), sthlm(2027, 2, 15, 17, 0), sthlm(2027, 2, 15, 17, 0)
	in.Setup.ReminderDays = []int{7, 3} // 7 days before: before the round started; 3: during the fan-out
	h.env.ExecuteWorkflow(OfferRoundWorkflow, in)
	require.NoError(t, h.env.GetWorkflowError())

	st := h.status()
	require.Len(t, st.Reminders, 2)
	assert.Equal(t, domain.ReminderRecord{DaysBefore: 7, At: st.Reminders[0].At, Skipped: domain.SkipBeforeOffer}, st.Reminders[0])
	assert.True(t, st.Reminders[1].Sent, "%+v", st.Reminders[1])
	assert.True(t, st.Reminders[1].Late)
	assert.Equal(t, 120, st.Reminders[1].Recipients)
	assert.Len(t, h.keys("reminder/bygglov/3/"), 120)
}
