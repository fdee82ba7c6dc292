package workflows

import (
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// ImplementationWorkflow follows an initiative's implementation for as long as it runs:
// milestones, status reports with reminders and escalations, effect measurements, hearings
// twice a year and feedback digests to the participating municipalities. It continues as
// new at the start of every follow-up period (and when the history grows), and when it ends
// (completed or stopped) it reports the outcome to its initiative and returns it.
func ImplementationWorkflow(ctx workflow.Context, in contract.ImplementationInput) (domain.ImplOutcome, error) {
	if workflow.GetVersion(ctx, implEarlyHandlersChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		if in.State == nil && len(in.Setup.Register) == 0 {
			in.Setup.Register = register(ctx)
		}
		r, err := newImplRun(ctx, in)
		if err != nil {
			return domain.ImplOutcome{}, contract.ApplicationError(err)
		}
		if err := r.registerMessages(ctx); err != nil {
			return domain.ImplOutcome{}, err
		}
		return r.loop(ctx)
	}
	// The handlers come first, so an update sent while the register is read (the first
	// seconds of a new implementation) waits for it instead of being refused as unknown.
	r := &implRun{}
	if err := r.registerMessages(ctx); err != nil {
		return domain.ImplOutcome{}, err
	}
	if in.State == nil && len(in.Setup.Register) == 0 {
		in.Setup.Register = register(ctx)
	}
	run, err := newImplRun(ctx, in)
	if err != nil {
		return domain.ImplOutcome{}, contract.ApplicationError(err)
	}
	run.signals = r.signals
	*r = *run
	return r.loop(ctx)
}

// implEarlyHandlersChange versions registering the message handlers before the register is
// read. Runs recorded before it (DefaultVersion) read the register first, as they did.
const implEarlyHandlersChange = "implementation-early-handlers"

// ready reports whether the run is set up (its state exists).
func (r *implRun) ready() bool { return r.im != nil }

// register reads the municipality register, to check joiners' codes and name them. Without
// one the implementation still runs (any four-digit code is then taken).
func register(ctx workflow.Context) []domain.OfferMunicipality {
	actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 5},
	})
	var a *activities.Activities
	var ms []domain.OfferMunicipality
	if err := workflow.ExecuteActivity(actx, a.Municipalities).Get(ctx, &ms); err != nil {
		workflow.GetLogger(ctx).Warn("no municipality register for the implementation", "error", err)
	}
	return ms
}

type implRun struct {
	input   contract.ImplementationInput
	im      *domain.Implementation
	pending []domain.ImplAction
	// period is the follow-up period this run started in; the run ends with it.
	period  string
	signals []signalChannel
	wake    sleeper
	// progress is what this run last told the initiative (nil: nothing yet; a new run tells
	// it once more, which the initiative takes as no change).
	progress *domain.ImplementationProgress
	// escalationProgress: the progress reports say whether a report is escalated (see
	// implEscalationProgressChange).
	escalationProgress bool
}

func newImplRun(ctx workflow.Context, in contract.ImplementationInput) (*implRun, error) {
	im := in.State
	if im == nil {
		var err error
		if im, err = domain.NewImplementation(in.Setup); err != nil {
			return nil, err
		}
	}
	if in.MaxHistoryEvents <= 0 {
		in.MaxHistoryEvents = contract.DefaultImplMaxHistoryEvents
	}
	r := &implRun{input: in, im: im, pending: in.Pending}
	// The live state is r.im, r.pending and r.input.Rejected; the input keeps what shapes a run.
	r.input.State, r.input.Pending, r.input.Setup = nil, nil, domain.ImplementationSetup{}
	r.period = im.CurrentPeriod(im.Calendar(workflow.Now(ctx)))
	return r, nil
}

// loop applies what the calendar made due, carries out the actions, publishes the search
// attributes, and sleeps until the next event or message; it ends with the implementation
// or continues as new with the next period.
func (r *implRun) loop(ctx workflow.Context) (domain.ImplOutcome, error) {
	r.escalationProgress = workflow.GetVersion(ctx, implEscalationProgressChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion
	for {
		now := workflow.Now(ctx)
		r.pending = append(r.pending, r.im.Advance(now)...)
		r.carryOut(ctx)
		r.publish(ctx)
		r.reportProgress(ctx)
		if r.im.Outcome != nil {
			return r.finish(ctx)
		}
		if r.shouldContinueAsNew(ctx) {
			return domain.ImplOutcome{}, r.continueAsNew(ctx)
		}
		if err := r.sleep(ctx); err != nil {
			return domain.ImplOutcome{}, err
		}
	}
}

// sleep waits until a message changes the state or the next calendar event is due.
func (r *implRun) sleep(ctx workflow.Context) error {
	now := workflow.Now(ctx)
	revision := r.im.Revision
	changed := func() bool { return r.im.Revision != revision || len(r.pending) > 0 }
	wake, ok := r.im.NextWake(now)
	return r.wake.sleep(ctx, now, wake.Real, ok, func() string { return implWakeSummary(wake) }, changed)
}

// implWakeSummary names the timer in the Web UI (plain Swedish, no personal data).
func implWakeSummary(w domain.ImplWake) string {
	return w.Calendar.In(domain.Stockholm()).Format("2006-01-02 15:04") + " " +
		i18n.T(i18n.Swedish, "impl.wake."+w.What, "ref", w.Ref)
}

// shouldContinueAsNew: a new follow-up period has begun, or the history is long.
func (r *implRun) shouldContinueAsNew(ctx workflow.Context) bool {
	if historyFull(ctx, r.input.MaxHistoryEvents) {
		return true
	}
	return r.im.CurrentPeriod(r.im.Calendar(workflow.Now(ctx))) != r.period
}

// continueAsNew waits for running handlers, applies every signal still buffered, carries out
// what they made due, and carries the whole state to the next run: nothing in flight is lost.
func (r *implRun) continueAsNew(ctx workflow.Context) error {
	if err := settleMessages(ctx); err != nil {
		return err
	}
	drainAll(ctx, r.signals)
	r.wake.stop()
	next := r.input
	next.State, next.Pending = r.im, r.pending
	next.Run++
	workflow.GetLogger(ctx).Info("implementation continuing as new", "initiative", r.im.InitiativeID, "run", next.Run)
	return workflow.NewContinueAsNewError(ctx, ImplementationWorkflow, next)
}

// finish sends the last digest, waits for running handlers, reports the outcome to the
// initiative and ends.
func (r *implRun) finish(ctx workflow.Context) (domain.ImplOutcome, error) {
	if d, ok := r.im.FinalDigest(workflow.Now(ctx)); ok {
		r.pending = append(r.pending, d)
	}
	r.carryOut(ctx)
	if err := settleMessages(ctx); err != nil {
		return domain.ImplOutcome{}, err
	}
	out := *r.im.Outcome
	if p := r.input.ParentWorkflowID; p != "" {
		rep := domain.ImplementationReport{Outcome: out, By: workflow.GetInfo(ctx).WorkflowExecution.ID}
		if err := workflow.SignalExternalWorkflow(ctx, p, "", contract.MsgImplementationOutcome, rep).Get(ctx, nil); err != nil {
			workflow.GetLogger(ctx).Warn("outcome not delivered to the initiative", "initiative", r.im.InitiativeID, "error", err)
		}
	}
	workflow.GetLogger(ctx).Info("implementation ended", "initiative", r.im.InitiativeID, "stage", out.Stage)
	return out, nil
}

// publish keeps the search attributes in step: the stage (implementation, completed or
// stopped), the owner, and whether a missing report is escalated. No personal data.
func (r *implRun) publish(ctx workflow.Context) {
	publishShown(ctx, stageShown(string(r.stage())), ownerShown(r.im.Owner), escalatedShown(r.im.Escalated()))
}

func (r *implRun) stage() domain.Stage {
	if r.im.Outcome != nil {
		return r.im.Outcome.Stage
	}
	return domain.StageImplementation
}

func (r *implRun) status(ctx workflow.Context) contract.ImplementationStatus {
	im := r.im
	if im == nil {
		return contract.ImplementationStatus{Run: r.input.Run} // still reading the register (a second)
	}
	s := contract.ImplementationStatus{Implementation: *im, Stage: r.stage(), Periods: im.ReportPeriods(), Goals: im.GoalResults(),
		Latest: im.LatestEvent(), Outcome: im.Outcome, Escalated: im.Escalated(), Rejected: r.input.Rejected, Run: r.input.Run}
	if m := im.NextMilestone(); m != nil {
		s.NextMilestone = &contract.MilestoneRef{ID: m.ID, What: m.What, Date: m.Due}
	}
	if w, ok := im.NextWake(workflow.Now(ctx)); ok {
		s.NextWake = &w
	}
	return s
}
