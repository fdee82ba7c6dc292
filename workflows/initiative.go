package workflows

import (
	"fmt"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// InitiativeWorkflow runs one initiative through the six steps. It validates its input and
// hands over to initiativeRun.
func InitiativeWorkflow(ctx workflow.Context, in contract.InitiativeInput) (*domain.Initiative, error) {
	canonical := workflow.GetVersion(ctx, canonicalInputChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion
	local := workflow.GetVersion(ctx, localActivitiesChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion
	check := false
	if in.State == nil {
		if canonical {
			in.Registration = in.Registration.Canonical()
		}
		if err := in.Registration.Validate(); err != nil {
			return nil, contract.ApplicationError(err)
		}
		if in.Offer != nil {
			if err := in.Offer.Validate(); err != nil {
				return nil, contract.ApplicationError(err)
			}
		}
		check = workflow.GetVersion(ctx, registrationChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion
	}
	r := newInitiativeRun(ctx, in)
	r.canonical, r.local = canonical, local
	// The handlers come first, so a message sent right after the start waits for the check
	// instead of being refused as unknown; they apply nothing until it has passed.
	r.checked = !check
	if err := r.registerMessages(ctx); err != nil {
		return nil, err
	}
	if check {
		if err := checkRegistration(ctx, in.Registration, local); err != nil {
			return nil, err
		}
		r.checked = true
		workflow.Go(ctx, r.receiveSignals)
	}
	return r.loop(ctx)
}

// canonicalInputChange versions applying every message in its canonical form (owner "inera"
// stored as "Inera", criterion "nytta" as "benefit"). Runs recorded before it (DefaultVersion)
// stored what was sent, as they did.
const canonicalInputChange = "canonical-input"

// localActivitiesChange versions running the registration check and the case record as local
// activities: in the worker, inside the workflow task that needs them, instead of as activity
// tasks that each cost the server a dispatch, three history events and a workflow task after
// them. A first run was three workflow tasks and two activities; now it is one workflow task.
// Both are short and safe to repeat (a visibility read, and a write the store keeps only when
// newer). Runs recorded before it (DefaultVersion) scheduled activity tasks.
const localActivitiesChange = "local-activities"

type initiativeRun struct {
	// canonical: messages are applied in their canonical form (see canonicalInputChange).
	canonical bool
	// local: the registration check and the case record run as local activities (see
	// localActivitiesChange).
	local bool
	// checked: the registration check of a first run has passed (see registrationChange);
	// until then messages wait.
	checked bool
	input   contract.InitiativeInput
	state   *domain.Initiative
	signals []signalChannel
	// pending escalations not yet notified (the main loop sends them).
	pending  []domain.Escalation
	rejected []contract.RejectedSignal
	wake     sleeper
	cases    caseListWriter
	// forgotten: the proposer's contact was erased in this run, which therefore continues as
	// new at once (the address stays only in this run's history, deleted by retention).
	forgotten bool
}

func newInitiativeRun(ctx workflow.Context, in contract.InitiativeInput) *initiativeRun {
	state := in.State
	if state == nil {
		state = domain.NewInitiative(in.Registration, workflow.Now(ctx))
	}
	if in.MaxHistoryEvents <= 0 {
		in.MaxHistoryEvents = contract.DefaultMaxHistoryEvents
	}
	pending := in.Pending
	// The live state is r.state and r.pending; the input keeps only what starts a run.
	in.State, in.Pending = nil, nil
	return &initiativeRun{input: in, state: state, pending: pending}
}

// loop applies calendar events, publishes the state, and sleeps until the next season or the
// next accepted message, whichever comes first.
func (r *initiativeRun) loop(ctx workflow.Context) (*domain.Initiative, error) {
	logger := workflow.GetLogger(ctx)
	for {
		now := workflow.Now(ctx)
		r.pending = append(r.pending, r.state.Advance(now)...)
		r.notifyEscalations(ctx)
		r.publish(ctx)
		r.recordCase(ctx)
		if started, err := r.startOfferRound(ctx); err != nil {
			return nil, err
		} else if started {
			continue
		}
		if started, err := r.startImplementation(ctx); err != nil {
			return nil, err
		} else if started {
			continue
		}
		if r.state.Stage.Closed() {
			r.cancelOfferRound(ctx)
			r.cancelImplementation(ctx)
			r.tellCycle(ctx)
			if err := r.caseRecorded(ctx); err != nil {
				return nil, err
			}
			if err := settleMessages(ctx); err != nil {
				return nil, err
			}
			logger.Info("initiative closed", "stage", r.state.Stage)
			return r.state, nil
		}
		if r.forgotten || r.shouldContinueAsNew(ctx) {
			return nil, r.continueAsNew(ctx)
		}
		if err := r.sleep(ctx, now); err != nil {
			return nil, err
		}
	}
}

// cycleToldChange versions telling the annual cycle that a participant has closed. Runs
// recorded before it (DefaultVersion) told it nothing, and the ranking showed a withdrawn
// initiative without a mark.
const cycleToldChange = "cycle-told-of-closing"

// tellCycle tells the cycle the initiative is in that it has closed, so the ranking marks it
// and no new list names it. A cycle that has ended is logged, not an error.
func (r *initiativeRun) tellCycle(ctx workflow.Context) {
	if r.state.Cycle == 0 || workflow.GetVersion(ctx, cycleToldChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return
	}
	closing := domain.ParticipantClosing{Initiative: r.state.ID, Stage: r.state.Stage, At: workflow.Now(ctx)}
	if err := workflow.SignalExternalWorkflow(ctx, contract.CycleWorkflowID(r.state.Cycle), "", contract.MsgParticipantClosed, closing).Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Info("the cycle was not told of the closing", "cycle", r.state.Cycle, "error", err)
	}
}

// sleep waits until a message changes the state or the next calendar event is due.
func (r *initiativeRun) sleep(ctx workflow.Context, now time.Time) error {
	revision := r.state.Revision
	changed := func() bool { return r.state.Revision != revision || len(r.pending) > 0 }
	wake, ok := r.state.NextWake(now)
	return r.wake.sleep(ctx, now, wake.Real, ok, func() string { return timerSummary(wake) }, changed)
}

// timerSummary names the timer in the Web UI (plain Swedish, no personal data).
func timerSummary(w domain.Wake) string {
	key := "cli.next_opens"
	if w.Deadline {
		key = "cli.next_deadline"
	}
	what := i18n.T(i18n.Swedish, key, "season", i18n.T(i18n.Swedish, "season."+string(w.Season)))
	return fmt.Sprintf("%s %s", w.Calendar.Format("2006-01-02 15:04"), what)
}

// notifyEscalations sends one notice per escalation. The idempotency key makes a retry or a
// replay harmless; a notice that finally fails is logged, the escalation itself stays recorded.
func (r *initiativeRun) notifyEscalations(ctx workflow.Context) {
	if len(r.pending) == 0 {
		return
	}
	actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 30 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 5, InitialInterval: time.Second},
	})
	var a *activities.Activities
	for _, e := range r.pending {
		notice := activities.EscalationNotice{
			IdempotencyKey: fmt.Sprintf("escalation/%s/%s/%d", r.state.ID, e.Stage, e.CycleYear),
			InitiativeID:   r.state.ID, Title: r.state.Need.Title, Stage: string(e.Stage),
			Waiting: e.Waiting, Deadline: e.Deadline,
		}
		if err := workflow.ExecuteActivity(actx, a.NotifyEscalation, notice).Get(ctx, nil); err != nil {
			workflow.GetLogger(ctx).Error("escalation notice failed", "key", notice.IdempotencyKey, "error", err)
		}
	}
	r.pending = nil
}

// publish upserts the search attributes that changed.
func (r *initiativeRun) publish(ctx workflow.Context) {
	publishShown(ctx, stageShown(string(r.state.Stage)), ownerShown(r.state.Owner), yearShown(r.state.CycleYear),
		escalatedShown(r.state.Escalated()))
}

func (r *initiativeRun) shouldContinueAsNew(ctx workflow.Context) bool {
	return historyFull(ctx, r.input.MaxHistoryEvents)
}

// continueAsNew waits for running handlers, takes every signal still buffered into the state,
// and carries the whole state to the next run, so nothing in flight is lost.
func (r *initiativeRun) continueAsNew(ctx workflow.Context) error {
	if err := settleMessages(ctx); err != nil {
		return err
	}
	r.drainSignals(ctx)
	next := r.input
	next.State, next.Pending = r.state, r.pending
	next.Run++
	workflow.GetLogger(ctx).Info("continuing as new", "run", next.Run)
	return workflow.NewContinueAsNewError(ctx, InitiativeWorkflow, next)
}

func (r *initiativeRun) status(ctx workflow.Context) contract.Status {
	s := contract.Status{Initiative: *r.state, RejectedSignals: r.rejected, Run: r.input.Run}
	if w, ok := r.state.NextWake(workflow.Now(ctx)); ok {
		s.NextWake = &w
	}
	return s
}
