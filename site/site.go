// Package site assembles Handslag's web application from its parts: the pages of package web
// over their back-ends, the offer rounds and implementations in Temporal (through package
// admin and offerweb) and the case list in the database. handslag-web and handslag-local
// serve it; the operator endpoints (/healthz, /readyz, /metrics) go beside it.
package site

import (
	"net/http"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/offerweb"
	"github.com/skr/handslag/web"
	"go.uber.org/zap"
)

// Deps are what the web application runs on.
type Deps struct {
	Admin *admin.Client
	Cases cases.Reader
	// LinkKey checks the answer and unsubscribe links the worker signs; FormKey signs the
	// rendered forms (the same for every instance, and across restarts).
	LinkKey, FormKey []byte
	Logger           *zap.Logger
}

// New returns the web application's handler.
func New(d Deps) (http.Handler, error) {
	if d.Logger == nil {
		d.Logger = zap.NewNop()
	}
	answers, err := answerlink.NewSigner(d.LinkKey)
	if err != nil {
		return nil, err
	}
	unsubscribe, err := answerlink.NewUnsubscribeSigner(d.LinkKey)
	if err != nil {
		return nil, err
	}
	return web.NewSite(web.SiteConfig{
		Answers: &web.Config{Verifier: offerweb.Links{Signer: answers},
			Offers: offerweb.New(offerweb.AdminBackend{Admin: d.Admin}, offerweb.Options{}), FormSecret: d.FormKey, Logger: d.Logger},
		Unsubscribe: &web.UnsubscribeConfig{Verifier: offerweb.UnsubscribeLinks{Signer: unsubscribe},
			Subscriptions: offerweb.Subscriptions{Backend: d.Admin}, FormSecret: d.FormKey, Logger: d.Logger},
		Cases: &web.CaseListConfig{Cases: d.Cases, Logger: d.Logger},
	}), nil
}
