package web

import (
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/legal"
	"go.uber.org/zap"
)

// SiteConfig says which parts a site has; each part is optional, so a test can serve one.
type SiteConfig struct {
	// Answers is the municipalities' answer form (/svar/).
	Answers *Config
	// Unsubscribe is the unsubscribe pages of the implementation e-mails (/avsluta/).
	Unsubscribe *UnsubscribeConfig
	// Cases is the public case list (/arenden).
	Cases *CaseListConfig
	// Proposals is the public need form (/forslag).
	Proposals *ProposalConfig
	// Municipalities is each municipality's own page (/kommun/<personal link>).
	Municipalities *MunicipalityConfig
	// Console is the office's and the leadership's console (/konsol/): it adds its routes.
	Console interface{ Register(mux *http.ServeMux) }
	// Codec is the codec server the Temporal Web UI calls to decode payloads for signed-in
	// staff (under /codec/); it checks its own callers (a bearer token, the UI's origin).
	Codec http.Handler
	// TrustedProxies are the reverse proxies in front of the web server, whose
	// X-Forwarded-For the rate limits believe (none by default: the peer's address counts).
	TrustedProxies []netip.Prefix
	// Limits are the public pages' rate limits per client address (zero: the defaults).
	Limits Limits
	// IdentityProvider is the local system's demo OpenID Connect provider, served under
	// DemoIdentityProviderPath; never set in production.
	IdentityProvider http.Handler
	// Legal is what the privacy page (/personuppgifter) and the accessibility statement
	// (/tillganglighet) publish, and the pages that collect personal data say (nil: the demo
	// facts). SessionIdle and SessionLifetime are the console's, for the privacy page.
	Legal                        *legal.Facts
	SessionIdle, SessionLifetime time.Duration
	// Lang of the site's own pages (not found, refused cross-site posts); Swedish by default.
	Lang i18n.Lang
}

// site is the parts of a site, for the route table (routes.go).
type site struct {
	answers *server
	unsub   *unsubscribe
	list    *caseList
	propose *proposalForm
	muni    *municipalityPages
	console interface{ Register(mux *http.ServeMux) }
	idp     http.Handler
	codec   http.Handler
	// addresses and limits keep one client from flooding the public pages.
	addresses clientAddresses
	limits    struct{ answer, unsubscribe, proposal *limiter }
	pages     *pages
	lang      i18n.Lang
	legal     legalPages
}

// DemoIdentityProviderPath is where the local system serves its demo identity provider.
const DemoIdentityProviderPath = "/demo-idp"

// NewSite returns the web server's handler: every page of every part through one route table
// (routes.go), with the security headers on every response and every state-changing request
// protected against cross-site requests. It panics on a wiring mistake in a part's config.
func NewSite(cfg SiteConfig) http.Handler {
	s := &site{lang: cfg.Lang, console: cfg.Console, idp: cfg.IdentityProvider, codec: cfg.Codec,
		addresses: clientAddresses{trusted: cfg.TrustedProxies}}
	l := cfg.Limits.withDefaults()
	s.limits.answer, s.limits.unsubscribe, s.limits.proposal = newLimiter(l.Answer, nil), newLimiter(l.Unsubscribe, nil), newLimiter(l.Proposal, nil)
	if s.lang == "" {
		s.lang = i18n.Swedish
	}
	facts := legal.Default()
	if cfg.Legal != nil {
		facts = *cfg.Legal
	}
	if cfg.Answers != nil {
		a := *cfg.Answers
		a.overview = cfg.Municipalities != nil
		s.answers = newAnswerForm(a, facts)
	}
	if cfg.Unsubscribe != nil {
		s.unsub = newUnsubscribe(*cfg.Unsubscribe, facts)
	}
	if cfg.Cases != nil {
		s.list = newCaseList(*cfg.Cases, facts)
	}
	if cfg.Proposals != nil {
		s.propose = newProposalForm(*cfg.Proposals, facts)
		s.propose.addresses = s.addresses
	}
	s.pages = parsePages(s.lang, domain.Stockholm(), facts, "message", "privacy", "accessibility")
	if m := cfg.Municipalities; m != nil {
		mc := *m
		if mc.Overviews == nil || (mc.Answers == nil && mc.Unsubscribe == nil) {
			panic("web: MunicipalityConfig needs Overviews and a link verifier")
		}
		mc.CallTimeout = cmpOr(mc.CallTimeout, 15*time.Second)
		if mc.Logger == nil {
			mc.Logger = zap.NewNop()
		}
		s.muni = &municipalityPages{cfg: mc, lang: s.lang, pages: parsePages(s.lang, domain.Stockholm(), facts, "municipality", "message")}
	}
	s.legal = legalPages{facts: facts, idle: cfg.SessionIdle, lifetime: cfg.SessionLifetime, console: cfg.Console != nil}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOrigin))
	// The Web UI posts to the codec server from its own origin, with a bearer token the codec
	// server checks along with the origin; a browser cannot forge that header.
	cop.AddInsecureBypassPattern("/codec/")
	return securityHeaders(cop.Handler(s.routes()))
}

// notFound is the page for a path no part serves.
func (s *site) notFound(w http.ResponseWriter, r *http.Request) {
	switch {
	case s.answers != nil:
		s.answers.notFound(w, r)
	case s.list != nil:
		s.list.message(w, http.StatusNotFound, "cases.notfound")
	default:
		s.message(w, http.StatusNotFound, "web.notfound")
	}
}

// crossOrigin answers a POST that a browser says came from another site, in the words of the
// part it was sent to.
func (s *site) crossOrigin(w http.ResponseWriter, r *http.Request) {
	if s.unsub != nil && strings.HasPrefix(r.URL.Path, UnsubscribePathPrefix) {
		s.unsub.crossOrigin(w, r)
		return
	}
	s.message(w, http.StatusForbidden, "web.foreign")
}

func (s *site) message(w http.ResponseWriter, status int, prefix string) {
	s.pages.render(w, status, "message", messagePage{base: base{Lang: string(s.lang), Title: i18n.T(s.lang, prefix+".title")},
		Paragraphs: []string{i18n.T(s.lang, prefix+".body")}})
}
