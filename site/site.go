// Package site assembles Handslag's web application from its parts: the pages of package web
// over their back-ends, the offer rounds and implementations in Temporal (through package
// admin and offerweb) and the case list in the database. handslag-web and handslag-local
// serve it; the operator endpoints (/healthz, /readyz, /metrics) go beside it.
package site

import (
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/codec"
	"github.com/skr/handslag/console"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/legal"
	"github.com/skr/handslag/offerweb"
	"github.com/skr/handslag/signin"
	"github.com/skr/handslag/web"
	"go.uber.org/zap"
)

// Deps are what the web application runs on.
type Deps struct {
	Admin *admin.Client
	Cases cases.Reader
	// LinkKeys check the answer and unsubscribe links the worker signs; FormKey signs the
	// rendered forms (the same for every instance, and across restarts).
	LinkKeys answerlink.Keys
	FormKey  []byte
	Logger   *zap.Logger

	// The console: its sign-in (no issuer: the console says it is not set up), the sessions'
	// store, the site's address, and whether a need may run on a demo calendar (local only).
	SignIn                       signin.Config
	SessionIdle, SessionLifetime time.Duration
	Sessions                     scs.Store
	BaseURL                      string
	AllowDemo                    bool
	DemoDays                     []time.Duration
	// Addresses is the address register the office keeps in the console, of Parties.
	Addresses console.AddressRegister
	Parties   contacts.Parties
	// People answers requests for access and erasure (Handslag's database).
	People console.PersonalData
	// Codec decodes payloads for the Temporal Web UI's signed-in staff (nil: no codec server);
	// CodecOrigin is the Web UI's address, the only origin a browser may call it from.
	Codec       *codec.Codec
	CodecOrigin string
	// TrustedProxies are the reverse proxies whose X-Forwarded-For the rate limits believe.
	TrustedProxies []netip.Prefix
	// Legal is what the privacy page and the accessibility statement publish (nil: the demo
	// facts); the console's pages name its controller.
	Legal *legal.Facts
	// IdentityProvider is the local system's demo provider (never in production).
	IdentityProvider http.Handler
}

// New returns the web application's handler.
func New(d Deps) (http.Handler, error) {
	if d.Logger == nil {
		d.Logger = zap.NewNop()
	}
	answers, err := answerlink.NewRingSigner(d.LinkKeys)
	if err != nil {
		return nil, err
	}
	unsubscribe, err := answerlink.NewUnsubscribeSigner(d.LinkKeys)
	if err != nil {
		return nil, err
	}
	facts := legal.Default()
	if d.Legal != nil {
		facts = *d.Legal
	}
	cons := console.Config{Backend: d.Admin, Controller: facts.Controller.Name, BaseURL: d.BaseURL, AllowDemo: d.AllowDemo, DemoDays: d.DemoDays, Logger: d.Logger,
		Addresses: d.Addresses, Parties: d.Parties, People: d.People, HistoryDays: facts.Retention.HistoryDays}
	if d.SignIn.Issuer != "" && d.Sessions != nil {
		cons.Sessions = signin.NewSessions(d.Sessions, d.SessionIdle, d.SessionLifetime, strings.HasPrefix(d.BaseURL, "https://"))
		cons.SignIn = signin.New(d.SignIn, cons.Sessions)
	}
	var codecServer http.Handler
	if d.Codec != nil && cons.SignIn != nil {
		rp := cons.SignIn
		codecServer = codec.Handler(*d.Codec, "/codec", d.CodecOrigin, func(r *http.Request) bool {
			tok := signin.BearerToken(r)
			if tok == "" {
				return false
			}
			p, err := rp.PersonFromAccessToken(r.Context(), tok)
			return err == nil && (p.Has(domain.RoleOffice) || p.Has(domain.RoleLeadership))
		})
	}
	return web.NewSite(web.SiteConfig{
		Answers: &web.Config{Verifier: offerweb.Links{Signer: answers},
			Offers: offerweb.New(offerweb.AdminBackend{Admin: d.Admin}, offerweb.Options{}), FormSecret: d.FormKey, Logger: d.Logger},
		Unsubscribe: &web.UnsubscribeConfig{Verifier: offerweb.UnsubscribeLinks{Signer: unsubscribe},
			Subscriptions: offerweb.Subscriptions{Backend: d.Admin}, FormSecret: d.FormKey, Logger: d.Logger},
		Municipalities: &web.MunicipalityConfig{Answers: offerweb.Links{Signer: answers}, Unsubscribe: offerweb.UnsubscribeLinks{Signer: unsubscribe},
			Overviews: offerweb.Overviews{Backend: d.Admin, Answers: answers, Unsubscribe: unsubscribe}, Logger: d.Logger},
		Cases:            &web.CaseListConfig{Cases: d.Cases, Logger: d.Logger},
		Proposals:        &web.ProposalConfig{Proposals: d.Admin, FormSecret: d.FormKey, Logger: d.Logger},
		Console:          console.New(cons),
		IdentityProvider: d.IdentityProvider,
		Codec:            codecServer,
		TrustedProxies:   d.TrustedProxies,
		Legal:            &facts,
		SessionIdle:      d.SessionIdle,
		SessionLifetime:  d.SessionLifetime,
	}), nil
}
