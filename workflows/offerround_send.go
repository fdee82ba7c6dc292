package workflows

import (
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/workflow"
)

// sendOffers fans the offer out to every municipality and records the delivery (started: when
// it began, zero in runs recorded before it was kept); the office is told which municipalities
// have no contact address.
func (r *offerRun) sendOffers(ctx workflow.Context, started time.Time) error {
	res, err := r.fanOut(ctx, activities.MailOffer, 0, r.round.Municipalities)
	if err != nil {
		return err
	}
	r.round.RecordDelivery(domain.Delivery{Sent: res.Sent, AlreadySent: res.AlreadySent, MissingContacts: res.MissingContacts,
		Started: started}, workflow.Now(ctx))
	if len(res.MissingContacts) > 0 {
		var missing []domain.OfferMunicipality
		for _, code := range r.round.Delivery.MissingContacts {
			m, _ := r.round.Municipality(code)
			missing = append(missing, m)
		}
		r.notify(ctx, offerActivities.NotifyMissingContacts, activities.MissingContactsNotice{OfferID: r.offerID(),
			Content: r.round.Content, Kind: activities.MailOffer, Missing: missing})
	}
	return nil
}

// sendReminder sends a reminder to the municipalities that have not answered, and records it
// (at most once per reminder).
func (r *offerRun) sendReminder(ctx workflow.Context, rem domain.Reminder) error {
	to := r.round.NotAnswered()
	res, err := r.fanOut(ctx, activities.MailReminder, rem.DaysBefore, to)
	if err != nil {
		return err
	}
	r.round.RecordReminder(rem, res.Sent+res.AlreadySent, workflow.Now(ctx))
	return nil
}

// fanOut sends one kind of e-mail to the municipalities in batches, at most Parallel batches
// at once. Each batch heartbeats its progress, so a retried batch resumes where it was; the
// idempotency key per message makes any overlap harmless. A batch that fails after every
// retry is logged and its municipalities are listed as unsent; the round goes on.
func (r *offerRun) fanOut(ctx workflow.Context, kind activities.MailKind, days int, to []domain.OfferMunicipality) (activities.OfferMailResult, error) {
	actx := fanOutOptions(ctx)
	var a *activities.Activities
	var batches [][]domain.OfferMunicipality
	for i := 0; i < len(to); i += r.input.BatchSize {
		batches = append(batches, to[i:min(i+r.input.BatchSize, len(to))])
	}
	futures := make([]workflow.Future, len(batches))
	var total activities.OfferMailResult
	collect := func(i int) error {
		var res activities.OfferMailResult
		if err := futures[i].Get(ctx, &res); err != nil {
			if ctx.Err() != nil {
				return err
			}
			workflow.GetLogger(ctx).Error("offer mail batch failed", "offer", r.offerID(), "kind", kind, "batch", i, "error", err)
			for _, m := range batches[i] {
				r.st.Unsent = append(r.st.Unsent, m.Code)
			}
			return nil
		}
		total.Sent += res.Sent
		total.AlreadySent += res.AlreadySent
		total.MissingContacts = append(total.MissingContacts, res.MissingContacts...)
		return nil
	}
	for i, b := range batches {
		if i >= r.input.Parallel {
			if err := collect(i - r.input.Parallel); err != nil {
				return total, err
			}
		}
		futures[i] = workflow.ExecuteActivity(actx, a.SendOfferMail, activities.OfferMailBatch{Kind: kind, OfferID: r.offerID(),
			Content: r.round.Content, Seminar: r.round.Seminar, SeminarVenue: r.round.SeminarVenue, Deadline: r.round.Deadline,
			DaysBefore: days, To: b})
	}
	for i := max(0, len(batches)-r.input.Parallel); i < len(batches); i++ {
		if err := collect(i); err != nil {
			return total, err
		}
	}
	return total, nil
}

// sendReceipts sends the receipts owed when it is called, in one activity per batch; those
// owed for answers arriving meanwhile wait for the next turn of the loop, so that a steady
// stream of answers cannot keep the run from continuing as new. A receipt that finally fails
// is logged; the answer itself stays recorded.
func (r *offerRun) sendReceipts(ctx workflow.Context) error {
	for owed := len(r.st.PendingReceipts); owed > 0; {
		n := min(owed, domain.MaxAnswersPerBatch)
		owed -= n
		b := activities.ReceiptBatch{OfferID: r.offerID(), Content: r.round.Content, Deadline: r.round.Deadline, Clock: r.round.Clock}
		for _, ref := range r.st.PendingReceipts[:n] {
			m, _ := r.round.Municipality(ref.Municipality)
			b.Receipts = append(b.Receipts, activities.AnswerReceipt{Municipality: m, Answer: r.version(ref)})
		}
		var a *activities.Activities
		var sent workflow.Future
		if r.receipts.local {
			sent = workflow.ExecuteLocalActivity(receiptOptions(ctx), a.SendReceipts, b)
		} else {
			sent = workflow.ExecuteActivity(fanOutOptions(ctx), a.SendReceipts, b)
		}
		err := sent.Get(ctx, nil)
		if err != nil && ctx.Err() != nil {
			return err
		}
		if err != nil {
			workflow.GetLogger(ctx).Error("receipts failed", "offer", r.offerID(), "count", n, "error", err)
		}
		r.st.PendingReceipts = r.st.PendingReceipts[n:]
	}
	return nil
}

func (r *offerRun) version(ref contract.ReceiptRef) domain.AnswerVersion {
	for _, v := range r.round.Answers {
		if v.Municipality == ref.Municipality && v.Version == ref.Version {
			return v
		}
	}
	return domain.AnswerVersion{Municipality: ref.Municipality, Version: ref.Version}
}

// report tells the initiative and the leadership an outcome phase, once.
func (r *offerRun) report(ctx workflow.Context, phase domain.OfferPhase, d *domain.OfferDecision) {
	for _, p := range r.st.Reported {
		if p == phase {
			return
		}
	}
	r.st.Reported = append(r.st.Reported, phase)
	rep := domain.OfferReport{Phase: phase, Go: d.Go, Tally: d.Tally, By: r.offerID(), At: d.At, Yes: r.round.YesCodes()}
	if d.Go {
		r.st.ForwardedYes = rep.Yes // the initiative has every yes so far
	}
	r.signalParent(ctx, rep)
	r.notify(ctx, offerActivities.NotifyOfferOutcome, activities.OutcomeNotice{OfferID: r.offerID(), Content: r.round.Content,
		Phase: phase, Go: d.Go, Tally: d.Tally, Rule: r.round.Rule, Deadline: r.round.Deadline})
}

// signalParent sends a report to the initiative, if the round has one. A parent that is gone
// (closed meanwhile) is logged, not an error of the round.
func (r *offerRun) signalParent(ctx workflow.Context, rep domain.OfferReport) {
	if r.input.ParentWorkflowID == "" {
		return
	}
	err := workflow.SignalExternalWorkflow(ctx, r.input.ParentWorkflowID, "", contract.MsgOfferOutcome, rep).Get(ctx, nil)
	if err != nil {
		workflow.GetLogger(ctx).Warn("outcome not delivered to the initiative", "offer", r.offerID(), "phase", rep.Phase, "error", err)
	}
}

// notify runs a notice activity; a notice that finally fails is logged, the round goes on.
// offerActivities names the round's notices by method reference (the worker registers an
// *activities.Activities under the methods' names).
var offerActivities *activities.Activities

// notify runs a notice activity (a method of *activities.Activities, given by reference); a
// notice that finally fails is logged, and the round goes on.
func (r *offerRun) notify(ctx workflow.Context, activity, notice any) {
	if err := workflow.ExecuteActivity(noticeOptions(ctx), activity, notice).Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Error("notice failed", "offer", r.offerID(), "error", err)
	}
}
