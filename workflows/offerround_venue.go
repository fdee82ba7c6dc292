package workflows

import (
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/workflow"
)

// registerVenue installs where the seminar is held: an update whose validator refuses a wrong
// sender, an empty or malformed venue, a begun seminar or a closed round (leaving no history),
// and the same message as a signal (a refusal is counted for the status).
func (r *offerRun) registerVenue(ctx workflow.Context) error {
	err := workflow.SetUpdateHandlerWithOptions(ctx, contract.MsgSeminarVenue,
		func(ctx workflow.Context, c domain.SetSeminarVenue) error {
			return contract.ApplicationError(r.round.SetSeminarVenue(c, workflow.Now(ctx)))
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, c domain.SetSeminarVenue) error {
			return contract.ApplicationError(r.round.CheckSeminarVenue(c, workflow.Now(ctx)))
		}})
	if err != nil {
		return err
	}
	r.venue = workflow.GetSignalChannel(ctx, contract.MsgSeminarVenue)
	workflow.Go(ctx, func(ctx workflow.Context) {
		for {
			var c domain.SetSeminarVenue
			r.venue.Receive(ctx, &c)
			if ctx.Err() != nil {
				return
			}
			r.venueSignal(ctx, c)
		}
	})
	return nil
}

func (r *offerRun) venueSignal(ctx workflow.Context, c domain.SetSeminarVenue) {
	if err := r.round.SetSeminarVenue(c, workflow.Now(ctx)); err != nil {
		ve, ok := err.(*domain.ValidationError)
		if !ok {
			ve = &domain.ValidationError{Code: domain.CodeInvalidValue, Detail: err.Error()}
		}
		r.reject(ctx, "", ve)
	}
}

// drainVenue applies every venue signal still buffered (before continue-as-new).
func (r *offerRun) drainVenue(ctx workflow.Context) {
	for {
		var c domain.SetSeminarVenue
		if !r.venue.ReceiveAsync(&c) {
			return
		}
		r.venueSignal(ctx, c)
	}
}
