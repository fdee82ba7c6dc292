package workflows

import (
	"slices"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/workflow"
)

// answerersRetentionChange versions the answerers' retention. Runs recorded before it
// (DefaultVersion) ended as soon as the round closed, and who answered stayed in their state
// and history until the namespace's retention deleted them. Now a closed round reports its
// final outcome at once, keeps the answers for the period in force when it closed (the legal
// facts' answerer_years), then erases every name, role and comment from its state and its
// receipts and ends, with the decisions and the tally.
const answerersRetentionChange = "offer-answerers-retention"

// closeOut is what a closed round with nothing owed does; it reports whether the round ends
// now (otherwise it sleeps until its answerers' retention runs out).
func (r *offerRun) closeOut(ctx workflow.Context) bool {
	if r.round.Retention == nil {
		if workflow.GetVersion(ctx, answerersRetentionChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
			return true
		}
		var kept domain.Period
		var a *activities.Activities
		if err := workflow.ExecuteActivity(noticeOptions(ctx), a.AnswererRetention).Get(ctx, &kept); err != nil {
			// Without a period the answers go with the round's history (as before this change).
			workflow.GetLogger(ctx).Error("answerers' retention unknown; kept until the history is deleted",
				"offer", r.offerID(), "error", err)
		}
		r.round.KeepAnswerers(kept)
		r.reportFinal(ctx)
	}
	if r.round.ForgetAnswerers(workflow.Now(ctx)) {
		r.forgetReceipts(ctx)
	}
	return !r.round.AnswerersWaiting()
}

// reportFinal tells the initiative the final outcome, once.
func (r *offerRun) reportFinal(ctx workflow.Context) {
	if slices.Contains(r.st.Reported, domain.PhaseFinal) {
		return
	}
	r.st.Reported = append(r.st.Reported, domain.PhaseFinal)
	r.signalParent(ctx, r.outcome(domain.PhaseFinal, workflow.Now(ctx)))
}

// forgetReceipts empties the round's receipts in the e-mail ledger; a failure is logged (the
// ledger's own mail retention empties them in any case).
func (r *offerRun) forgetReceipts(ctx workflow.Context) {
	var a *activities.Activities
	err := workflow.ExecuteActivity(noticeOptions(ctx), a.ForgetReceipts,
		activities.ForgottenReceipts{InitiativeID: r.round.InitiativeID}).Get(ctx, nil)
	if err != nil {
		workflow.GetLogger(ctx).Error("receipts not emptied", "offer", r.offerID(), "error", err)
	}
}
