package workflows

import (
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// carryOut runs the activity of every pending action, in order. Each has a business
// idempotency key, so a retry or a replay never sends twice; an action that finally fails is
// logged and dropped (the state has recorded it; the office sees it in the status).
func (r *implRun) carryOut(ctx workflow.Context) {
	if len(r.pending) == 0 {
		return
	}
	actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 5 * time.Minute,
		HeartbeatTimeout:    30 * time.Second, // the per-municipality mail heartbeats
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 10},
	})
	im := r.im
	var a *activities.Activities
	for len(r.pending) > 0 {
		act := r.pending[0]
		r.pending = r.pending[1:]
		base := activities.ImplNoticeBase{InitiativeID: im.InitiativeID, Title: im.Title, Owner: string(im.Owner)}
		var f workflow.Future
		switch act.Kind {
		case domain.ActReminder, domain.ActEscalation:
			f = workflow.ExecuteActivity(actx, a.NotifyReportChase, activities.ReportChaseNotice{ImplNoticeBase: base,
				Kind: act.Kind, Period: act.Ref, Due: act.At})
		case domain.ActInvitation, domain.ActDigest:
			to, stopped := im.Recipients()
			f = workflow.ExecuteActivity(actx, a.SendImplementationMail, activities.ImplMailBatch{ImplNoticeBase: base,
				Kind: act.Kind, Ref: act.Ref, At: act.At, Venue: im.HearingVenue(act.Kind, act.Ref), Events: act.Events, To: to, Stopped: stopped})
		default:
			continue
		}
		if err := f.Get(ctx, nil); err != nil {
			workflow.GetLogger(ctx).Error("implementation notice failed", "initiative", im.InitiativeID,
				"kind", act.Kind, "ref", act.Ref, "error", err)
		}
	}
}
