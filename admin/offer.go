package admin

import (
	"context"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
)

// OfferStatus queries an initiative's offer round (also a closed one, within retention).
func (a *Client) OfferStatus(ctx context.Context, id string) (contract.OfferStatus, error) {
	var s contract.OfferStatus
	return s, a.queryOffer(ctx, id, contract.QueryOfferStatus, &s)
}

// OfferRound returns the round's whole state with every answer version (for the export).
func (a *Client) OfferRound(ctx context.Context, id string) (domain.OfferRound, error) {
	var r domain.OfferRound
	return r, a.queryOffer(ctx, id, contract.QueryOfferRound, &r)
}

func (a *Client) queryOffer(ctx context.Context, id, query string, into any) error {
	v, err := a.Temporal.QueryWorkflow(ctx, contract.OfferRoundWorkflowID(id), "", query)
	if err != nil {
		return a.offerNotFound(id, err)
	}
	return v.Get(into)
}

// SubmitAnswers sends a batch of answers to an initiative's offer round: as an Update (one
// result per answer; a malformed batch comes back as a *domain.ValidationError) or, with
// asSignal, fire-and-forget as a Signal. A round that has ended answers with code closed.
func (a *Client) SubmitAnswers(ctx context.Context, id string, b domain.SubmitAnswers, asSignal bool) (contract.SubmitAnswersResult, error) {
	wid := contract.OfferRoundWorkflowID(id)
	var res contract.SubmitAnswersResult
	if asSignal {
		return res, a.offerNotFound(id, a.Temporal.SignalWorkflow(ctx, wid, "", contract.MsgSubmitAnswers, b))
	}
	err := a.update(ctx, wid, contract.MsgSubmitAnswers, b, "", &res)
	if _, ok := err.(*domain.ValidationError); ok || err == nil {
		return res, err
	}
	return res, a.offerNotFound(id, err)
}

// ForgetAnswerer erases the name, role and comment of answers in an initiative's offer round
// (at the answerer's request); updateID makes a repeated request harmless.
func (a *Client) ForgetAnswerer(ctx context.Context, id string, c domain.ForgetAnswerer, updateID string) error {
	err := a.update(ctx, contract.OfferRoundWorkflowID(id), contract.MsgForgetAnswerer, c, updateID, nil)
	if _, ok := err.(*domain.ValidationError); ok || err == nil {
		return err
	}
	return a.offerNotFound(id, err)
}

// offerNotFound explains a missing round: the initiative has none (yet), or it has ended.
func (a *Client) offerNotFound(id string, err error) error {
	err = a.notFoundIn(id, contract.OfferRoundWorkflowID(id), err)
	if e, ok := err.(*Error); ok && e.Key == "error.not_found" {
		e.Key = "error.no_offer_round"
	}
	return err
}

// SetSeminarVenue says where the seminar of an initiative's offer round is held: an update
// (refused with a *domain.ValidationError) or, with asSignal, a signal.
func (a *Client) SetSeminarVenue(ctx context.Context, id string, c domain.SetSeminarVenue, asSignal bool) error {
	if asSignal {
		return a.offerNotFound(id, a.Temporal.SignalWorkflow(ctx, contract.OfferRoundWorkflowID(id), "", contract.MsgSeminarVenue, c))
	}
	return a.SendOfferOnce(ctx, id, contract.MsgSeminarVenue, c, "")
}

// SendOfferOnce delivers a message to an initiative's offer round as an Update with a given
// update ID (empty: a fresh one); a refusal comes back as a *domain.ValidationError.
func (a *Client) SendOfferOnce(ctx context.Context, id, name string, payload any, updateID string) error {
	err := a.update(ctx, contract.OfferRoundWorkflowID(id), name, payload, updateID, nil)
	if _, ok := err.(*domain.ValidationError); ok || err == nil {
		return err
	}
	return a.offerNotFound(id, err)
}
