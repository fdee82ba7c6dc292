package offerweb

import (
	"context"
	"errors"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/web"
)

// UnsubscribeSender is who an unsubscribe through a link is recorded as sent by: the
// municipality, through its signed link (the history is the audit trail).
var UnsubscribeSender = domain.Actor{ID: "avsluta-lank", Role: domain.RoleMunicipality}

// ImplBackend is what Subscriptions needs of the implementations; *admin.Client has it.
type ImplBackend interface {
	ImplementationStatus(ctx context.Context, id string) (contract.ImplementationStatus, error)
	SendImplementation(ctx context.Context, id, name string, payload any, asSignal bool) (contract.ImplReceipt, error)
}

// Subscriptions implements web.Subscriptions over the implementation workflows: the status
// query for the page, the impl_unsubscribe update for the button.
type Subscriptions struct{ Backend ImplBackend }

var _ web.Subscriptions = Subscriptions{}

// View implements web.Subscriptions.
func (s Subscriptions) View(ctx context.Context, id, code string) (web.SubscriptionView, error) {
	st, err := s.Backend.ImplementationStatus(ctx, id)
	if err != nil {
		return web.SubscriptionView{}, implError(err)
	}
	im := st.Implementation
	v := web.SubscriptionView{Title: im.Title, Closed: im.Outcome != nil}
	found := false
	for _, p := range im.Participants {
		if p.Code == code {
			v.MunicipalityName, found = p.Name, true
		}
	}
	if !found {
		return web.SubscriptionView{}, web.ErrUnknownSubscription
	}
	if v.MunicipalityName == "" {
		v.MunicipalityName = code
	}
	for _, u := range im.Unsubscribed {
		if u.Municipality == code && u.Email == "" {
			v.Unsubscribed = true
		}
	}
	return v, nil
}

// Unsubscribe implements web.Subscriptions: the whole municipality, as the municipality.
func (s Subscriptions) Unsubscribe(ctx context.Context, r web.UnsubscribeRequest) error {
	reason := i18n.T(i18n.Swedish, "unsub.reason.link")
	if r.OneClick {
		reason = i18n.T(i18n.Swedish, "unsub.reason.one_click")
	}
	_, err := s.Backend.SendImplementation(ctx, r.InitiativeID, contract.MsgImplUnsubscribe, domain.Unsubscribe{
		Meta: domain.Meta{By: UnsubscribeSender, Reason: reason}, Municipality: r.MunicipalityCode}, false)
	return implError(err)
}

// implError maps a missing or ended implementation to what the web explains; anything else
// is passed on (the web treats it as temporary).
func implError(err error) error {
	var ae *admin.Error
	if errors.As(err, &ae) && (ae.Key == "error.no_implementation" || ae.Key == "error.not_found") {
		return web.ErrUnknownSubscription
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		switch ve.Code {
		case domain.CodeClosed:
			return web.ErrClosed
		case domain.CodeUnknownMunicipality:
			return web.ErrUnknownSubscription
		}
	}
	return err
}

// UnsubscribeLinks checks unsubscribe links with the signer the worker makes them with.
type UnsubscribeLinks struct{ Signer *answerlink.UnsubscribeSigner }

// Verify implements web.UnsubscribeVerifier.
func (l UnsubscribeLinks) Verify(token string) (initiativeID, municipalityCode string, err error) {
	c, err := l.Signer.Verify(token)
	return c.InitiativeID, c.Municipality, err
}
