package workflows

import (
	"fmt"
	"slices"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// OfferRoundWorkflow sends an offer to every municipality, collects their answers, reminds
// those who have not answered, takes the go/no-go at the deadline and reports it, accepts
// late joiners until the late period ends and reports a lifted outcome. It returns the final
// report.
func OfferRoundWorkflow(ctx workflow.Context, in contract.OfferRoundInput) (domain.OfferReport, error) {
	r, err := newOfferRun(in)
	if err != nil {
		return domain.OfferReport{}, contract.ApplicationError(err)
	}
	if err := r.registerHandlers(ctx); err != nil {
		return domain.OfferReport{}, err
	}
	rep, err := r.loop(ctx)
	if err != nil && ctx.Err() != nil {
		// Cancelled (its initiative was withdrawn): the round's last state, which queries of
		// the closed workflow return, says it takes no more answers. Only the state changes,
		// so histories from before replay unchanged.
		r.round.Close(workflow.Now(ctx))
	}
	return rep, err
}

type offerRun struct {
	input  contract.OfferRoundInput
	st     *contract.OfferRoundState
	round  *domain.OfferRound
	signal workflow.ReceiveChannel
	wake   sleeper
	// receipts gathers the receipts owed into few activities.
	receipts receiptGate
	// fanning is set while the offers go out alongside the loop (see startOffers); fanErr is
	// why that ended early (the round was cancelled).
	fanning bool
	fanErr  error
	// forwardLate: late joiners after a go are reported to the initiative as they come (see
	// lateJoinersChange).
	forwardLate bool
	// forgotten: an answerer's name was erased in this run, which therefore continues as new
	// at once (the name stays only in this run's history, deleted by retention).
	forgotten bool
	forget    workflow.ReceiveChannel
	// venue receives where the seminar is held, sent as a signal (offerround_venue.go).
	venue workflow.ReceiveChannel
}

func newOfferRun(in contract.OfferRoundInput) (*offerRun, error) {
	st := in.State
	if st == nil {
		round, err := domain.NewOfferRound(in.Setup)
		if err != nil {
			return nil, err
		}
		st = &contract.OfferRoundState{Round: *round}
	}
	if in.MaxHistoryEvents <= 0 {
		in.MaxHistoryEvents = contract.DefaultOfferMaxHistoryEvents
	}
	if in.BatchSize <= 0 {
		in.BatchSize = contract.DefaultOfferBatchSize
	}
	if in.Parallel <= 0 {
		in.Parallel = contract.DefaultOfferParallel
	}
	// The setup lives in the state from now on; the input keeps only what shapes a run.
	in.State, in.Setup = nil, domain.OfferSetup{}
	return &offerRun{input: in, st: st, round: &st.Round}, nil
}

func (r *offerRun) offerID() string { return contract.OfferRoundWorkflowID(r.round.InitiativeID) }

// loop sends the offers once, then acts on what is due and sleeps until the next answer or
// calendar event, continuing as new when the history grows long.
func (r *offerRun) loop(ctx workflow.Context) (domain.OfferReport, error) {
	r.receipts.start(ctx)
	r.forwardLate = workflow.GetVersion(ctx, lateJoinersChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion
	if r.round.Delivery == nil {
		if workflow.GetVersion(ctx, fanOutAlongsideChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
			if err := r.sendOffers(ctx, time.Time{}); err != nil {
				return domain.OfferReport{}, err
			}
		} else {
			r.startOffers(ctx)
		}
	}
	for {
		if r.fanErr != nil {
			return domain.OfferReport{}, r.fanErr
		}
		if err := r.act(ctx); err != nil {
			return domain.OfferReport{}, err
		}
		r.publish(ctx)
		if r.round.Closed && len(r.st.PendingReceipts) == 0 && !r.fanning && r.closeOut(ctx) {
			return r.finish(ctx)
		}
		if !r.fanning && (r.forgotten || r.shouldContinueAsNew(ctx)) {
			return domain.OfferReport{}, r.continueAsNew(ctx)
		}
		if err := r.sleep(ctx); err != nil {
			return domain.OfferReport{}, err
		}
	}
}

// lateJoinersChange versions reporting late joiners to the initiative as they come. Runs
// recorded before it (DefaultVersion) reported them only with the final report at the end of
// the late period, so they joined the implementation months late, after its first e-mails.
const lateJoinersChange = "offer-late-joiners-forwarded"

// reportLateJoiners tells the initiative which municipalities said yes since the go decision
// and have not been reported yet (all that came since the last turn of the loop, in one
// signal), so they join the implementation at once.
func (r *offerRun) reportLateJoiners(ctx workflow.Context) {
	if !r.round.Go() || len(r.st.Reported) == 0 {
		return // before a go is reported, the go report itself carries every yes
	}
	var fresh []string
	for _, code := range r.round.YesCodes() {
		if !slices.Contains(r.st.ForwardedYes, code) {
			fresh = append(fresh, code)
		}
	}
	if len(fresh) == 0 {
		return
	}
	r.st.ForwardedYes = append(r.st.ForwardedYes, fresh...)
	r.signalParent(ctx, domain.OfferReport{Phase: domain.PhaseLateJoiners, Go: true, Tally: r.round.Tally(), By: r.offerID(),
		At: workflow.Now(ctx), Yes: fresh})
}

// fanOutAlongsideChange versions sending the offers alongside the loop. Runs recorded before it
// (DefaultVersion) sent them first and took answers' receipts only afterwards (10-13 s for an
// early answer in a round of 290), and skipped a reminder whose time came meanwhile.
const fanOutAlongsideChange = "offer-fanout-alongside"

// startOffers sends the offers in a goroutine of the workflow, so that the loop sends the
// receipts of the first answers (they come minutes after the first e-mails) while the rest of
// the offers still go out. Reminders wait for the offers; one whose time comes meanwhile is sent
// late (domain.OfferRound.LateReminders). The run does not continue as new until they are out.
func (r *offerRun) startOffers(ctx workflow.Context) {
	r.round.LateReminders = true
	r.fanning = true
	started := workflow.Now(ctx)
	workflow.Go(ctx, func(ctx workflow.Context) {
		defer func() { r.fanning = false }()
		if err := r.sendOffers(ctx, started); err != nil {
			r.fanErr = err
			r.round.Revision++ // wake the loop
		}
	})
}

// act does everything due now: receipts (once gathered), a reminder, the decision at the deadline, a lift by
// late joiners, and closing at the end of the late period.
func (r *offerRun) act(ctx workflow.Context) error {
	if r.receipts.due(ctx, len(r.st.PendingReceipts), r.round.Closed) {
		if err := r.sendReceipts(ctx); err != nil {
			return err
		}
	}
	now := workflow.Now(ctx)
	if rem, ok := r.round.DueReminder(now); ok {
		if err := r.sendReminder(ctx, rem); err != nil {
			return err
		}
	}
	now = workflow.Now(ctx)
	r.round.Decide(now)
	if r.round.Decision != nil {
		r.report(ctx, domain.PhaseDeadline, r.round.Decision)
	}
	if r.round.Lifted != nil {
		r.report(ctx, domain.PhaseLifted, r.round.Lifted)
	}
	if r.forwardLate {
		r.reportLateJoiners(ctx)
	}
	r.round.CloseIfOver(workflow.Now(ctx))
	return nil
}

// finish waits for running handlers, reports the final outcome and ends the round.
func (r *offerRun) finish(ctx workflow.Context) (domain.OfferReport, error) {
	if err := settleMessages(ctx); err != nil {
		return domain.OfferReport{}, err
	}
	rep := r.outcome(domain.PhaseFinal, workflow.Now(ctx))
	if !slices.Contains(r.st.Reported, domain.PhaseFinal) { // reported at closing (see closeOut)
		r.signalParent(ctx, rep)
	}
	workflow.GetLogger(ctx).Info("offer round closed", "offer", r.offerID(), "go", rep.Go)
	return rep, nil
}

// outcome is the report of a phase on the current answers.
func (r *offerRun) outcome(phase domain.OfferPhase, now time.Time) domain.OfferReport {
	return domain.OfferReport{Phase: phase, Go: r.round.Go(), Tally: r.round.Tally(), By: r.offerID(), At: now,
		Yes: r.round.YesCodes()}
}

// sleep waits until an answer changes the round, the receipts owed are due, or the next event
// is due.
func (r *offerRun) sleep(ctx workflow.Context) error {
	now := workflow.Now(ctx)
	revision := r.round.Revision
	changed := func() bool {
		return r.round.Revision != revision || r.receipts.ready(len(r.st.PendingReceipts), r.round.Closed)
	}
	wake, ok := r.round.NextWake(now)
	return r.wake.sleep(ctx, now, wake.Real, ok, func() string { return wakeSummary(wake) }, changed)
}

// wakeSummary names the timer in the Web UI (plain Swedish, no personal data).
func wakeSummary(w domain.RoundWake) string {
	var days int
	what := w.What
	if _, err := fmt.Sscanf(w.What, "reminder:%d", &days); err == nil {
		what = "reminder"
	}
	return w.Calendar.In(domain.Stockholm()).Format("2006-01-02 15:04") + " " +
		i18n.T(i18n.Swedish, "offer.wake."+what, "days", days)
}

// publish keeps the HandslagStage search attribute of the round in step with its phase.
func (r *offerRun) publish(ctx workflow.Context) {
	stage := domain.StageOfferRound
	switch {
	case r.round.Decision != nil && r.round.Go():
		stage = domain.StageImplementation
	case r.round.Decision != nil && r.round.Closed:
		stage = domain.StageNotImplemented
	case r.round.Decision != nil:
		stage = domain.StageOfferNotReached
	}
	publishShown(ctx, stageShown(string(stage)))
}

func (r *offerRun) shouldContinueAsNew(ctx workflow.Context) bool {
	return historyFull(ctx, r.input.MaxHistoryEvents)
}

// continueAsNew waits for running handlers, takes in every buffered signal, and carries the
// whole state, receipts still owed included, to the next run.
func (r *offerRun) continueAsNew(ctx workflow.Context) error {
	if err := settleMessages(ctx); err != nil {
		return err
	}
	r.drainSignals(ctx)
	r.wake.stop()
	next := r.input
	next.State = r.st
	next.Run++
	workflow.GetLogger(ctx).Info("offer round continuing as new", "offer", r.offerID(), "run", next.Run)
	return workflow.NewContinueAsNewError(ctx, OfferRoundWorkflow, next)
}

func (r *offerRun) status(ctx workflow.Context) contract.OfferStatus {
	rd := r.round
	s := contract.OfferStatus{OfferID: r.offerID(), Content: rd.Content, Seminar: rd.Seminar, SeminarVenue: rd.SeminarVenue, Deadline: rd.Deadline,
		LateUntil: rd.LateUntil, Rule: rd.Rule, Clock: rd.Clock, Tally: rd.Tally(), Answers: rd.Latest(),
		Decision: rd.Decision, Lifted: rd.Lifted, Go: rd.Go(), Closed: rd.Closed, Delivery: rd.Delivery,
		Unsent: r.st.Unsent, Reminders: rd.Reminders, Rejected: r.st.Rejected, Run: r.input.Run, Retention: rd.Retention}
	if rd.Delivery != nil {
		for _, code := range rd.Delivery.MissingContacts {
			if m, ok := rd.Municipality(code); ok {
				s.MissingContacts = append(s.MissingContacts, m)
			}
		}
	}
	if w, ok := rd.NextWake(workflow.Now(ctx)); ok {
		s.NextWake = &w
	}
	return s
}

// activityOptions: bounded retries and time-outs; long fan-outs heartbeat.
func fanOutOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Minute,
		HeartbeatTimeout:    30 * time.Second,
		RetryPolicy: &temporal.RetryPolicy{InitialInterval: time.Second, BackoffCoefficient: 2,
			MaximumInterval: 5 * time.Minute, MaximumAttempts: 20},
	})
}

// receiptOptions are the receipts' local activity (receiptsLocalChange): a batch is at most
// domain.MaxAnswersPerBatch writes to the outbox. Retries beyond a workflow task's length go on
// timers, as local activities do; after the last the failure is logged, as for fanOutOptions.
func receiptOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithLocalActivityOptions(ctx, receiptLocalOptions)
}

// receiptLocalOptions: the twenty attempts get about the time they had as an activity (a local
// activity's ScheduleToCloseTimeout defaults to one attempt's StartToCloseTimeout).
var receiptLocalOptions = workflow.LocalActivityOptions{
	StartToCloseTimeout:    time.Minute,
	ScheduleToCloseTimeout: 2 * time.Hour,
	RetryPolicy: &temporal.RetryPolicy{InitialInterval: time.Second, BackoffCoefficient: 2,
		MaximumInterval: 5 * time.Minute, MaximumAttempts: 20},
}

func noticeOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 10},
	})
}
