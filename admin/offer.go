package admin

import (
	"context"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/workflows"
)

// OfferStatus queries an initiative's offer round (also a closed one, within retention).
func (a *Client) OfferStatus(ctx context.Context, id string) (workflows.OfferStatus, error) {
	var s workflows.OfferStatus
	return s, a.queryOffer(ctx, id, workflows.QueryOfferStatus, &s)
}

// OfferRound returns the round's whole state with every answer version (for the export).
func (a *Client) OfferRound(ctx context.Context, id string) (domain.OfferRound, error) {
	var r domain.OfferRound
	return r, a.queryOffer(ctx, id, workflows.QueryOfferRound, &r)
}

func (a *Client) queryOffer(ctx context.Context, id, query string, into any) error {
	v, err := a.Temporal.QueryWorkflow(ctx, workflows.OfferRoundWorkflowID(id), "", query)
	if err != nil {
		return a.offerNotFound(id, err)
	}
	return v.Get(into)
}

// SubmitAnswers sends a batch of answers to an initiative's offer round: as an Update (one
// result per answer; a malformed batch comes back as a *domain.ValidationError) or, with
// asSignal, fire-and-forget as a Signal. A round that has ended answers with code closed.
func (a *Client) SubmitAnswers(ctx context.Context, id string, b domain.SubmitAnswers, asSignal bool) (workflows.SubmitAnswersResult, error) {
	wid := workflows.OfferRoundWorkflowID(id)
	var res workflows.SubmitAnswersResult
	if asSignal {
		return res, a.offerNotFound(id, a.Temporal.SignalWorkflow(ctx, wid, "", workflows.MsgSubmitAnswers, b))
	}
	err := a.update(ctx, wid, workflows.MsgSubmitAnswers, b, "", &res)
	if _, ok := err.(*domain.ValidationError); ok || err == nil {
		return res, err
	}
	return res, a.offerNotFound(id, err)
}

// offerNotFound explains a missing round: the initiative has none (yet), or it has ended.
func (a *Client) offerNotFound(id string, err error) error {
	err = a.notFoundIn(id, workflows.OfferRoundWorkflowID(id), err)
	if e, ok := err.(*Error); ok && e.Key == "error.not_found" {
		e.Key = "error.no_offer_round"
	}
	return err
}
