package workflows

import (
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// ProposalWorkflow carries a need proposed on the public form until the office has decided on
// it: a receipt to the proposer at once, the office's decision (an Update, or a Signal with the
// same payload), a reminder to the office when the proposal has waited ProposalReminderDays,
// the decision carried out (an accepted need registered as an initiative sent by the office
// member who accepted it; a merge only into an open initiative), and the proposer told. Its
// history stays small: a handful of events whatever happens.
func ProposalWorkflow(ctx workflow.Context, in contract.ProposalInput) (domain.ProposalOutcome, error) {
	in.Proposal.Need = in.Proposal.Need.Normalize()
	if err := in.Proposal.Validate(); err != nil {
		return domain.ProposalOutcome{}, contract.ApplicationError(err)
	}
	r := &proposalRun{in: in}
	if err := r.register(ctx); err != nil {
		return domain.ProposalOutcome{}, err
	}
	r.notify(ctx, "received")
	// The reminder is due the same time of day ProposalReminderDays calendar days later (in
	// Stockholm, so a daylight-saving change does not move it by an hour).
	now := workflow.Now(ctx)
	remindAt := now.In(domain.Stockholm()).AddDate(0, 0, contract.ProposalReminderDays)
	reminded, err := workflow.AwaitWithTimeout(ctx, remindAt.Sub(now), r.done)
	if err != nil {
		return domain.ProposalOutcome{}, err
	}
	if !reminded {
		r.reminded = true
		r.notify(ctx, "waiting")
		if err := workflow.Await(ctx, r.done); err != nil {
			return domain.ProposalOutcome{}, err
		}
	}
	if err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) }); err != nil {
		return domain.ProposalOutcome{}, err
	}
	return *r.outcome, nil
}

// done reports whether a decision has been carried out to the end (its e-mail included).
func (r *proposalRun) done() bool { return r.outcome != nil && !r.deciding }

type proposalRun struct {
	in       contract.ProposalInput
	outcome  *domain.ProposalOutcome
	deciding bool // a decision is being carried out
	reminded bool
}

func (r *proposalRun) register(ctx workflow.Context) error {
	if err := workflow.SetQueryHandler(ctx, contract.QueryProposalStatus, func() (contract.ProposalStatus, error) {
		return contract.ProposalStatus{Proposal: r.in.Proposal, Outcome: r.outcome, Reminded: r.reminded}, nil
	}); err != nil {
		return err
	}
	if err := workflow.SetUpdateHandlerWithOptions(ctx, contract.MsgDecideProposal,
		func(ctx workflow.Context, d domain.DecideProposal) (domain.ProposalOutcome, error) {
			return r.decide(ctx, d)
		},
		workflow.UpdateHandlerOptions{Validator: func(d domain.DecideProposal) error { return r.check(d) }}); err != nil {
		return err
	}
	ch := workflow.GetSignalChannel(ctx, contract.MsgDecideProposal)
	workflow.Go(ctx, func(ctx workflow.Context) {
		for {
			var d domain.DecideProposal
			ch.Receive(ctx, &d)
			if err := r.check(d); err != nil {
				workflow.GetLogger(ctx).Warn("proposal decision refused", "proposal", r.in.Proposal.ID, "error", err)
				continue
			}
			if _, err := r.decide(ctx, d); err != nil {
				workflow.GetLogger(ctx).Warn("proposal decision not carried out", "proposal", r.in.Proposal.ID, "error", err)
			}
		}
	})
	return nil
}

// check refuses a decision that cannot be taken, before it leaves a trace.
func (r *proposalRun) check(d domain.DecideProposal) error {
	if r.outcome != nil || r.deciding {
		return contract.ApplicationError((&domain.ValidationError{Code: domain.CodeClosed, Detail: string(r.decided())}))
	}
	return contract.ApplicationError(d.Canonical(r.in.Proposal).Check())
}

func (r *proposalRun) decided() domain.ProposalVerdict {
	if r.outcome == nil {
		return ""
	}
	return r.outcome.Verdict
}

// decide carries the decision out and tells the proposer. A decision the initiatives refuse
// (an accept under an ID registered before, a merge into a closed or unknown initiative) is
// refused and leaves the proposal waiting.
func (r *proposalRun) decide(ctx workflow.Context, d domain.DecideProposal) (domain.ProposalOutcome, error) {
	d = d.Canonical(r.in.Proposal)
	r.deciding = true
	defer func() { r.deciding = false }()
	actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute,
		RetryPolicy: &temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 10}})
	var c *coordinator.Activities
	switch d.Verdict {
	case domain.ProposalAccept:
		if err := workflow.ExecuteActivity(actx, c.RegisterProposal, coordinator.RegisterProposalInput{ProposalID: r.in.Proposal.ID,
			Initiative: d.Initiative, Need: r.in.Proposal.Need, By: d.By}).Get(ctx, nil); err != nil {
			return domain.ProposalOutcome{}, proposalRefusal(err)
		}
	case domain.ProposalMerge:
		var open bool
		if err := workflow.ExecuteActivity(actx, c.InitiativeOpen, d.Initiative).Get(ctx, &open); err != nil {
			return domain.ProposalOutcome{}, err
		}
		if !open {
			return domain.ProposalOutcome{}, contract.ApplicationError(domain.MergeRefused(d.Initiative))
		}
	}
	out := domain.ProposalOutcome{Verdict: d.Verdict, Initiative: d.Initiative, Reason: d.Reason, By: d.By.ID, At: workflow.Now(ctx)}
	if d.Verdict == domain.ProposalDecline {
		out.Initiative = ""
	}
	r.outcome = &out
	r.notify(ctx, string(d.Verdict))
	return out, nil
}

// proposalRefusal passes the initiatives' refusal on as the decision's.
func proposalRefusal(err error) error {
	if ve, ok := contract.ValidationErrorFrom(err); ok {
		return contract.ApplicationError(ve)
	}
	return err
}

// notify sends one of the proposal's e-mails (a failure is logged: the decision stands).
func (r *proposalRun) notify(ctx workflow.Context, kind string) {
	actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute,
		RetryPolicy: &temporal.RetryPolicy{InitialInterval: 10 * time.Second, MaximumAttempts: 20}})
	n := activities.ProposalNotice{ProposalID: r.in.Proposal.ID, Kind: kind, Title: r.in.Proposal.Need.Title, To: r.in.Proposal.Need.ContactEmail}
	if o := r.outcome; o != nil {
		n.Initiative, n.Reason, n.Verdict = o.Initiative, o.Reason, o.Verdict
	}
	var a *activities.Activities
	if err := workflow.ExecuteActivity(actx, a.NotifyProposal, n).Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Error("proposal e-mail not sent", "proposal", r.in.Proposal.ID, "kind", kind, "error", err)
	}
}
