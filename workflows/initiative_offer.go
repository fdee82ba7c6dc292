package workflows

import (
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// offerRoundChange versions the hand-over from an offered initiative to its offer round.
// Histories recorded before it (DefaultVersion) stay in stage offered and wait, as they did.
const offerRoundChange = "offer-round"

// offerRetryDelay is how long an initiative waits before trying again to start an offer round
// that could not start (no municipality register, a child that could not be started).
const offerRetryDelay = time.Hour

// startOfferRound starts the offer round as a child workflow once the initiative is offered.
// It reports whether it did anything (the loop then goes round again).
func (r *initiativeRun) startOfferRound(ctx workflow.Context) (bool, error) {
	if r.state.Stage != domain.StageOffered || r.state.Offer != nil {
		return false, nil
	}
	if workflow.GetVersion(ctx, offerRoundChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return false, nil
	}
	logger := workflow.GetLogger(ctx)
	setup, err := r.offerSetup(ctx)
	if err != nil {
		logger.Error("offer round cannot start; trying again later", "initiative", r.state.ID, "error", err)
		return true, r.waitBeforeRetry(ctx)
	}
	childID := contract.OfferRoundWorkflowID(r.state.ID)
	cctx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID: childID,
		// The round outlives a continue-as-new of the initiative; a withdrawal cancels it
		// explicitly (see cancelOfferRound).
		ParentClosePolicy:     enums.PARENT_CLOSE_POLICY_ABANDON,
		StaticSummary:         r.state.Need.Title,
		TypedSearchAttributes: temporal.NewSearchAttributes(contract.SAStage.ValueSet(string(domain.StageOfferRound))),
	})
	child := workflow.ExecuteChildWorkflow(cctx, contract.OfferRoundWorkflowType,
		contract.OfferRoundInput{Setup: setup, ParentWorkflowID: workflow.GetInfo(ctx).WorkflowExecution.ID})
	if err := child.GetChildWorkflowExecution().Get(ctx, nil); err != nil {
		logger.Error("offer round did not start; trying again later", "initiative", r.state.ID, "error", err)
		return true, r.waitBeforeRetry(ctx)
	}
	ref := domain.OfferRoundRef{WorkflowID: childID, Seminar: setup.Seminar, Deadline: setup.Deadline,
		LateUntil: setup.LateUntil, Rule: setup.Rule, Municipalities: len(setup.Municipalities)}
	if err := r.state.StartOfferRound(ref, workflow.Now(ctx)); err != nil {
		return true, err
	}
	// The child's result is the final report; the same report also arrives as a signal, which
	// is what a run after continue-as-new relies on.
	workflow.Go(ctx, func(ctx workflow.Context) {
		var rep domain.OfferReport
		if err := child.Get(ctx, &rep); err != nil {
			workflow.GetLogger(ctx).Warn("offer round ended without a result", "initiative", r.state.ID, "error", err)
			return
		}
		r.applyOfferReport(ctx, rep)
	})
	return true, nil
}

// offerSetup builds the round from the qualification, the offer settings and the
// municipality register.
func (r *initiativeRun) offerSetup(ctx workflow.Context) (domain.OfferSetup, error) {
	actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 5},
	})
	var a *activities.Activities
	var ms []domain.OfferMunicipality
	if err := workflow.ExecuteActivity(actx, a.Municipalities).Get(ctx, &ms); err != nil {
		return domain.OfferSetup{}, err
	}
	settings := domain.DefaultOfferSettings()
	if r.input.Offer != nil {
		settings = *r.input.Offer
	}
	seminar, deadline, late := settings.Schedule(r.state.Clock.ToCalendar(workflow.Now(ctx)))
	setup := domain.OfferSetup{InitiativeID: r.state.ID, Content: domain.OfferContentFrom(r.state),
		Seminar: seminar, SeminarVenue: settings.SeminarVenue, Deadline: deadline, LateUntil: late, Rule: settings.Rule,
		ReminderDays: settings.ReminderDays, Clock: r.state.Clock, Municipalities: ms}
	return setup, setup.Validate()
}

// waitBeforeRetry waits, unless the initiative is withdrawn meanwhile.
func (r *initiativeRun) waitBeforeRetry(ctx workflow.Context) error {
	_, err := workflow.AwaitWithTimeout(ctx, offerRetryDelay, func() bool { return r.state.Stage != domain.StageOffered })
	return err
}

// applyOfferReport takes a report of the round into the state (idempotent per phase).
func (r *initiativeRun) applyOfferReport(ctx workflow.Context, rep domain.OfferReport) {
	if err := r.state.ApplyOfferReport(rep, workflow.Now(ctx)); err != nil {
		workflow.GetLogger(ctx).Warn("offer report not applied", "initiative", r.state.ID, "phase", rep.Phase, "error", err)
	}
	r.forwardLateJoiners(ctx, rep)
}

// offerOutcomeSignal is the channel on which the round reports its outcomes.
func (r *initiativeRun) offerOutcomeSignal(ctx workflow.Context) signalChannel {
	ch := workflow.GetSignalChannel(ctx, contract.MsgOfferOutcome)
	return signalChannel{name: contract.MsgOfferOutcome, channel: ch, receive: func(ctx workflow.Context, wait bool) bool {
		var rep domain.OfferReport
		if wait {
			ch.Receive(ctx, &rep)
		} else if !ch.ReceiveAsync(&rep) {
			return false
		}
		r.applyOfferReport(ctx, rep)
		return true
	}}
}

// cancelOfferRound cancels a running round when the initiative closes for another reason
// than the round's own outcome (a withdrawal): no reminders go out for a withdrawn offer.
func (r *initiativeRun) cancelOfferRound(ctx workflow.Context) {
	if r.state.Offer == nil || r.state.Stage == domain.StageNotImplemented {
		return
	}
	for _, rep := range r.state.Offer.Reports {
		if rep.Phase == domain.PhaseFinal {
			return
		}
	}
	if err := workflow.RequestCancelExternalWorkflow(ctx, r.state.Offer.WorkflowID, "").Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Warn("offer round not cancelled", "initiative", r.state.ID, "error", err)
	}
}
