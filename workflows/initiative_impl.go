package workflows

import (
	"slices"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// implementationChange versions the hand-over from an initiative in implementation to its
// implementation workflow. Histories recorded before it (DefaultVersion) stay in stage
// implementation and wait, as they did.
const implementationChange = "implementation"

// startImplementation starts the implementation as a child workflow once the initiative is
// in implementation. It reports whether it did anything (the loop then goes round again).
func (r *initiativeRun) startImplementation(ctx workflow.Context) (bool, error) {
	if r.state.Stage != domain.StageImplementation || r.state.Implementation != nil {
		return false, nil
	}
	if workflow.GetVersion(ctx, implementationChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return false, nil
	}
	settings := domain.DefaultImplementationSettings()
	if r.input.Implementation != nil {
		settings = *r.input.Implementation
	}
	if err := settings.Validate(); err != nil {
		workflow.GetLogger(ctx).Error("implementation settings refused; using the defaults", "initiative", r.state.ID, "error", err)
		settings = domain.DefaultImplementationSettings()
	}
	now := workflow.Now(ctx)
	setup := domain.ImplementationSetup{InitiativeID: r.state.ID, Title: r.state.Need.Title, Owner: r.state.Owner,
		Clock: r.state.Clock, Settings: settings, Start: r.state.Clock.ToCalendar(now), Participants: r.yesSayers(),
		By: startedBy(r.state)}
	if q := r.state.Qualification; q != nil {
		setup.Period, setup.EffectGoal = q.ImplementationPeriod, q.EffectGoal
	}
	childID := contract.ImplementationWorkflowID(r.state.ID)
	sa := []temporal.SearchAttributeUpdate{contract.SAStage.ValueSet(string(domain.StageImplementation)),
		contract.SACycleYear.ValueSet(int64(r.state.CycleYear))}
	if r.state.Owner != "" {
		sa = append(sa, contract.SAOwner.ValueSet(string(r.state.Owner)))
	}
	cctx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID: childID,
		// The implementation outlives a continue-as-new of the initiative; a withdrawal
		// cancels it explicitly (see cancelImplementation).
		ParentClosePolicy:     enums.PARENT_CLOSE_POLICY_ABANDON,
		StaticSummary:         r.state.Need.Title,
		TypedSearchAttributes: temporal.NewSearchAttributes(sa...),
	})
	child := workflow.ExecuteChildWorkflow(cctx, contract.ImplementationWorkflowType,
		contract.ImplementationInput{Setup: setup, ParentWorkflowID: workflow.GetInfo(ctx).WorkflowExecution.ID})
	if err := child.GetChildWorkflowExecution().Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Error("implementation did not start; trying again later", "initiative", r.state.ID, "error", err)
		_, err := workflow.AwaitWithTimeout(ctx, offerRetryDelay, func() bool { return r.state.Stage != domain.StageImplementation })
		return true, err
	}
	ref := domain.ImplementationRef{WorkflowID: childID, Started: setup.Start, Participants: len(setup.Participants)}
	if err := r.state.StartImplementation(ref, now); err != nil {
		return true, err
	}
	// The child's result is the outcome; the same outcome also arrives as a signal, which is
	// what a run after continue-as-new relies on.
	workflow.Go(ctx, func(ctx workflow.Context) {
		var out domain.ImplOutcome
		if err := child.Get(ctx, &out); err != nil {
			workflow.GetLogger(ctx).Warn("implementation ended without a result", "initiative", r.state.ID, "error", err)
			return
		}
		r.applyImplementationReport(ctx, domain.ImplementationReport{Outcome: out, By: childID})
	})
	return true, nil
}

// startedBy names who starts the implementation: the offer round whose go decided it.
func startedBy(in *domain.Initiative) string {
	if in.Offer != nil {
		return in.Offer.WorkflowID
	}
	return domain.CalendarActor
}

// yesSayers are the municipalities of the round's latest go report, and those that joined late
// since (reported as they came).
func (r *initiativeRun) yesSayers() []string {
	if r.state.Offer == nil {
		return nil
	}
	var yes []string
	for _, rep := range r.state.Offer.Reports {
		if rep.Go {
			yes = append([]string(nil), rep.Yes...)
		}
	}
	for _, code := range r.state.Offer.LateJoiners {
		if !slices.Contains(yes, code) {
			yes = append(yes, code)
		}
	}
	return yes
}

// forwardLateJoiners passes the yes-sayers of a later offer report (the late period) to a
// running implementation; those already taking part are left as they are.
func (r *initiativeRun) forwardLateJoiners(ctx workflow.Context, rep domain.OfferReport) {
	im := r.state.Implementation
	if im == nil || im.Outcome != nil || len(rep.Yes) == 0 {
		return
	}
	join := domain.JoinImplementation{Meta: domain.Meta{By: domain.Actor{ID: rep.By, Role: domain.RoleOffice},
		Reason: i18n.T(i18n.Swedish, "impl.reason.late_join")}, Municipalities: rep.Yes, Source: domain.JoinOfferLate}
	if err := workflow.SignalExternalWorkflow(ctx, im.WorkflowID, "", contract.MsgImplJoin, join).Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Warn("late joiners not passed on", "initiative", r.state.ID, "error", err)
	}
}

// applyImplementationReport closes the initiative with the implementation's outcome
// (idempotent).
func (r *initiativeRun) applyImplementationReport(ctx workflow.Context, rep domain.ImplementationReport) {
	if err := r.state.ApplyImplementationReport(rep, workflow.Now(ctx)); err != nil {
		workflow.GetLogger(ctx).Warn("implementation outcome not applied", "initiative", r.state.ID, "error", err)
	}
}

// implementationOutcomeSignal is the channel on which the implementation reports its end.
func (r *initiativeRun) implementationOutcomeSignal(ctx workflow.Context) signalChannel {
	return typedSignal[domain.ImplementationReport](ctx, contract.MsgImplementationOutcome, r.applyImplementationReport)
}

// cancelImplementation cancels a running implementation when the initiative closes for
// another reason than the implementation's own outcome (a withdrawal).
func (r *initiativeRun) cancelImplementation(ctx workflow.Context) {
	im := r.state.Implementation
	if im == nil || im.Outcome != nil {
		return
	}
	if err := workflow.RequestCancelExternalWorkflow(ctx, im.WorkflowID, "").Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Warn("implementation not cancelled", "initiative", r.state.ID, "error", err)
	}
}
