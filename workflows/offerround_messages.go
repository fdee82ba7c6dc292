package workflows

import (
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/workflow"
)

// registerHandlers installs the answer update (with its validator), the same message as a
// signal, and the queries.
func (r *offerRun) registerHandlers(ctx workflow.Context) error {
	err := workflow.SetUpdateHandlerWithOptions(ctx, contract.MsgSubmitAnswers,
		func(ctx workflow.Context, b domain.SubmitAnswers) (contract.SubmitAnswersResult, error) {
			return contract.SubmitAnswersResult{Results: r.submit(ctx, b)}, nil
		},
		workflow.UpdateHandlerOptions{
			// Only a malformed batch is refused (and leaves no trace in the history); each
			// answer's own problems come back in its result.
			Validator: func(ctx workflow.Context, b domain.SubmitAnswers) error {
				return contract.ApplicationError(b.Validate())
			},
		})
	if err != nil {
		return err
	}
	if err := r.registerForget(ctx); err != nil {
		return err
	}
	if err := r.registerVenue(ctx); err != nil {
		return err
	}
	if err := workflow.SetQueryHandler(ctx, contract.QueryOfferStatus, func() (contract.OfferStatus, error) { return r.status(ctx), nil }); err != nil {
		return err
	}
	if err := workflow.SetQueryHandler(ctx, contract.QueryOfferRound, func() (domain.OfferRound, error) { return *r.round, nil }); err != nil {
		return err
	}
	r.signal = workflow.GetSignalChannel(ctx, contract.MsgSubmitAnswers)
	workflow.Go(ctx, func(ctx workflow.Context) {
		for {
			var b domain.SubmitAnswers
			r.signal.Receive(ctx, &b)
			if ctx.Err() != nil {
				return // cancelled: Receive no longer blocks
			}
			r.applySignal(ctx, b)
		}
	})
	return nil
}

// submit applies a batch and owes a receipt for every new version.
func (r *offerRun) submit(ctx workflow.Context, b domain.SubmitAnswers) []domain.AnswerResult {
	results := r.round.Submit(b, workflow.Now(ctx))
	for _, res := range results {
		if res.Accepted && !res.Duplicate {
			r.st.PendingReceipts = append(r.st.PendingReceipts, contract.ReceiptRef{Municipality: res.Municipality, Version: res.Version})
		}
	}
	return results
}

// applySignal applies a batch sent as a signal; rejections are counted for the status,
// without personal data.
func (r *offerRun) applySignal(ctx workflow.Context, b domain.SubmitAnswers) {
	if err := b.Validate(); err != nil {
		ve, ok := err.(*domain.ValidationError)
		if !ok {
			ve = &domain.ValidationError{Code: domain.CodeInvalidValue, Detail: err.Error()}
		}
		r.reject(ctx, "", ve)
		return
	}
	for _, res := range r.submit(ctx, b) {
		if res.Error != nil {
			r.reject(ctx, res.Municipality, res.Error)
		}
	}
}

func (r *offerRun) reject(ctx workflow.Context, municipality string, ve *domain.ValidationError) {
	workflow.GetLogger(ctx).Warn("signal answer rejected", "offer", r.offerID(), "municipality", municipality, "code", ve.Code, "field", ve.Field)
	rj := &r.st.Rejected
	rj.Count++
	rj.Last = append(rj.Last, contract.RejectedAnswerRef{Municipality: municipality, Code: ve.Code, Field: ve.Field})
	if len(rj.Last) > maxRejectedSignals {
		rj.Last = rj.Last[len(rj.Last)-maxRejectedSignals:]
	}
}

// registerForget installs the erasure of answerers (update with validator, and signal).
func (r *offerRun) registerForget(ctx workflow.Context) error {
	err := workflow.SetUpdateHandlerWithOptions(ctx, contract.MsgForgetAnswerer,
		func(ctx workflow.Context, c domain.ForgetAnswerer) error {
			return contract.ApplicationError(r.forgetAnswerer(c))
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, c domain.ForgetAnswerer) error {
			return contract.ApplicationError(r.round.CheckForget(c))
		}})
	if err != nil {
		return err
	}
	r.forget = workflow.GetSignalChannel(ctx, contract.MsgForgetAnswerer)
	workflow.Go(ctx, func(ctx workflow.Context) {
		for {
			var c domain.ForgetAnswerer
			r.forget.Receive(ctx, &c)
			if ctx.Err() != nil {
				return
			}
			r.forgetSignal(ctx, c)
		}
	})
	return nil
}

func (r *offerRun) forgetAnswerer(c domain.ForgetAnswerer) error {
	if err := r.round.Forget(c); err != nil {
		return err
	}
	r.forgotten = true
	return nil
}

// forgetSignal applies an erasure sent as a signal; a refusal is counted for the status.
func (r *offerRun) forgetSignal(ctx workflow.Context, c domain.ForgetAnswerer) {
	if err := r.forgetAnswerer(c); err != nil {
		ve, ok := err.(*domain.ValidationError)
		if !ok {
			ve = &domain.ValidationError{Code: domain.CodeInvalidValue, Detail: err.Error()}
		}
		r.reject(ctx, c.Municipality, ve)
	}
}

// drainSignals applies every signal still buffered (before continue-as-new).
func (r *offerRun) drainSignals(ctx workflow.Context) {
	r.drainVenue(ctx)
	for {
		var c domain.ForgetAnswerer
		if !r.forget.ReceiveAsync(&c) {
			break
		}
		r.forgetSignal(ctx, c)
	}
	for {
		var b domain.SubmitAnswers
		if !r.signal.ReceiveAsync(&b) {
			return
		}
		r.applySignal(ctx, b)
	}
}
