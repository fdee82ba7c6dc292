package workflows

import (
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.temporal.io/sdk/workflow"
)

// receiptsChange versions the gathering of receipts. Runs recorded before it (DefaultVersion)
// send the receipts owed on every turn of the loop, as they did.
const receiptsChange = "offer-receipts-gathered"

// Receipts owed are gathered briefly before they go out in one activity: during a rush of
// answers each answer update would otherwise cost the round a receipt activity and the
// workflow task that follows it, several times what the update itself costs. The first
// receipt owed waits at most receiptDelay (a user gets the e-mail a second later, not
// noticeably later); a burst owed goes out at once: receiptBurst in runs recorded before
// receiptsFullBatchChange, a full batch (domain.MaxAnswersPerBatch) since.
const (
	receiptDelay = time.Second
	receiptBurst = 50
)

// receiptsFullBatchChange versions sending a burst of receipts only once a batch is full. A
// batch's receipts are one read and one write to the database now, but each batch still holds
// the round's workflow task while it is written, and answers to the round wait for that: in a
// rush (5 rounds, 32 answers in flight) a round of 290 held it six times a second with bursts
// of 50 (docs/performance.md).
const receiptsFullBatchChange = "offer-receipts-full-batch"

// receiptsLocalChange versions sending the receipts as a local activity: the receipts only go
// into the outbox (a write to the database, safe to repeat by their keys; the relay delivers
// them), so the worker writes them inside the workflow task that owes them, and the round is
// spared an activity task's dispatch, its three history events and the workflow task after
// it. Runs recorded before it (DefaultVersion) schedule an activity task.
const receiptsLocalChange = "offer-receipts-local"

// receiptGate decides when the receipts owed go out, and how. The zero value (and a run
// recorded before receiptsChange) sends them at once.
type receiptGate struct {
	gather bool
	// local: the receipts go out as a local activity (receiptsLocalChange).
	local bool
	// burst owed go out at once, before the wait has ended.
	burst int
	// timer runs from when a receipt became owed with none waiting; it is kept when a burst
	// goes out before it fires, and then bounds the wait of the receipts owed after that.
	timer workflow.Future
}

// start fixes the run's behaviour; it must be called at the same point of every run.
func (g *receiptGate) start(ctx workflow.Context) {
	g.gather = workflow.GetVersion(ctx, receiptsChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion
	g.local = workflow.GetVersion(ctx, receiptsLocalChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion
	g.burst = receiptBurst
	if workflow.GetVersion(ctx, receiptsFullBatchChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion {
		g.burst = domain.MaxAnswersPerBatch
	}
}

// due reports whether the owed receipts go out now, and starts the wait for them otherwise.
// closed sends them at once: a closed round only waits for its receipts before it ends.
func (g *receiptGate) due(ctx workflow.Context, owed int, closed bool) bool {
	if !g.gather {
		return owed > 0
	}
	fired := g.timer != nil && g.timer.IsReady()
	if fired {
		g.timer = nil
	}
	switch {
	case owed == 0:
		return false
	case fired || owed >= g.burst || closed:
		return true
	}
	if g.timer == nil {
		g.timer = workflow.NewTimerWithOptions(ctx, receiptDelay,
			workflow.TimerOptions{Summary: i18n.T(i18n.Swedish, "offer.wake.receipts")})
	}
	return false
}

// ready reports, for the loop's sleep, that the receipts owed are due or the wait for them
// has ended.
func (g *receiptGate) ready(owed int, closed bool) bool {
	if !g.gather {
		return owed > 0
	}
	return (g.timer != nil && g.timer.IsReady()) || (owed > 0 && (owed >= g.burst || closed))
}
