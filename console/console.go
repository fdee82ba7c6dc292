// Package console is the programme office's and the leadership's web console under
// /konsol/: what waits for each person, every initiative with its whole record, the office's
// actions as forms, the leadership's three gates and the annual cycle. Everyone signs in with
// OpenID Connect (package signin); every message is sent as the signed-in person in the role
// the domain's permission table allows, never as anything a request names.
package console

import (
	"context"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/signin"
	"go.uber.org/zap"
)

// Backend is what the console needs of Temporal; *admin.Client is it.
type Backend interface {
	List(ctx context.Context, f admin.Filter) ([]admin.Summary, error)
	Cycles(ctx context.Context) ([]admin.CycleSummary, error)
	Status(ctx context.Context, id string) (contract.Status, error)
	Register(ctx context.Context, reg domain.Registration) error
	SendOnce(ctx context.Context, id, name string, payload any, updateID string) (contract.Receipt, error)
	OfferStatus(ctx context.Context, id string) (contract.OfferStatus, error)
	OfferRound(ctx context.Context, id string) (domain.OfferRound, error)
	ForgetAnswerer(ctx context.Context, id string, c domain.ForgetAnswerer, updateID string) error
	SendOfferOnce(ctx context.Context, id, name string, payload any, updateID string) error
	ImplementationStatus(ctx context.Context, id string) (contract.ImplementationStatus, error)
	SendImplementationOnce(ctx context.Context, id, name string, payload any, updateID string) (contract.ImplReceipt, error)
	QueryCycle(ctx context.Context, year int, query string, out any) error
	CycleReport(ctx context.Context, year int) (domain.CycleReport, error)
	SendCycleOnce(ctx context.Context, year int, name string, payload, out any, updateID string) error
	SendCycleWithin(ctx context.Context, year int, name string, payload, out any, updateID string, wait time.Duration) (bool, error)
	Proposals(ctx context.Context) ([]admin.ProposalSummary, error)
	Proposal(ctx context.Context, id string) (contract.ProposalStatus, error)
	DecideProposal(ctx context.Context, id string, d domain.DecideProposal, updateID string) (domain.ProposalOutcome, error)
}

var _ Backend = (*admin.Client)(nil)

// Config is the console's configuration.
type Config struct {
	Backend Backend
	// Controller is the organisation responsible for personal data (legal.Facts), named in
	// every page's privacy notice.
	Controller string
	// SignIn is the relying party; nil when no identity provider is configured (the console
	// then says so instead of showing anything).
	SignIn   *signin.RP
	Sessions *scs.SessionManager
	// BaseURL is the site's address, for the provider's return after sign-out.
	BaseURL string
	// AllowDemo lets the office register a need on a demo calendar (the local system only),
	// with a day lasting one of DemoDays (default 1, 2, 5 or 10 s).
	AllowDemo bool
	DemoDays  []time.Duration
	// Addresses is the address register the office keeps here (nil: not shown), of the
	// parties Parties knows.
	Addresses AddressRegister
	Parties   contacts.Parties
	// People answers requests for access and erasure (nil: the page is not shown); HistoryDays
	// is the namespace's retention, which the page says removes closed initiatives.
	People      PersonalData
	HistoryDays int
	Lang        i18n.Lang
	Logger      *zap.Logger
	// Now is the clock (time.Now by default).
	Now func() time.Time
}

// Console serves /konsol/.
type Console struct {
	cfg   Config
	pages *pages
}

// New returns the console.
func New(cfg Config) *Console {
	if cfg.Lang == "" {
		cfg.Lang = i18n.Swedish
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if len(cfg.DemoDays) == 0 {
		cfg.DemoDays = []time.Duration{time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second}
	}
	return &Console{cfg: cfg, pages: parsePages(cfg.Lang, cfg.Controller)}
}

// Register adds the console's routes to the site's route table.
func (c *Console) Register(mux *http.ServeMux) {
	if c.cfg.SignIn == nil || c.cfg.Sessions == nil {
		mux.HandleFunc("GET /konsol/", c.notConfigured)
		mux.HandleFunc("POST /konsol/", c.notConfigured)
		return
	}
	open := func(h http.HandlerFunc) http.Handler { return c.cfg.Sessions.LoadAndSave(h) }
	signed := func(h func(http.ResponseWriter, *http.Request, signin.Person)) http.Handler {
		return c.cfg.Sessions.LoadAndSave(c.requirePerson(h))
	}
	mux.Handle("GET /konsol/logga-in", open(c.signIn))
	mux.Handle("GET /konsol/inloggning", open(c.callback))
	mux.Handle("POST /konsol/logga-ut", open(c.signOut))
	mux.Handle("GET /konsol/utloggad", open(c.signedOut))

	mux.Handle("GET /konsol/{$}", signed(c.home))
	mux.Handle("GET /konsol/initiativ", signed(c.list))
	mux.Handle("GET /konsol/initiativ/{id}", signed(c.initiative))
	mux.Handle("GET /konsol/nytt", signed(c.registerForm))
	mux.Handle("POST /konsol/nytt", signed(c.registerPost))
	mux.Handle("GET /konsol/initiativ/{id}/erbjudande", signed(c.offerDashboard))
	mux.Handle("GET /konsol/initiativ/{id}/erbjudande.json", signed(c.offerDashboardJSON))
	mux.Handle("GET /konsol/initiativ/{id}/erbjudande.csv", signed(c.offerCSV))
	mux.HandleFunc("GET /konsol/static/{file}", c.script)
	mux.Handle("GET /konsol/initiativ/{id}/{action}", signed(c.actionForm))
	mux.Handle("POST /konsol/initiativ/{id}/{action}", signed(c.actionPost))
	mux.Handle("GET /konsol/cykel", signed(c.cycleIndex))
	mux.Handle("GET /konsol/cykel/{year}", signed(c.cycle))
	mux.Handle("GET /konsol/cykel/{year}/rapport.csv", signed(c.cycleCSV))
	mux.Handle("GET /konsol/cykel/{year}/lista", signed(c.memberList))
	mux.Handle("POST /konsol/cykel/{year}/lista", signed(c.memberListPost))
	mux.Handle("GET /konsol/cykel/{year}/vardering", signed(c.memberValuation))
	mux.Handle("POST /konsol/cykel/{year}/vardering", signed(c.memberValuationPost))
	mux.Handle("GET /konsol/cykel/{year}/beslut/{gate}", signed(c.gateForm))
	mux.Handle("POST /konsol/cykel/{year}/beslut/{gate}", signed(c.gatePost))
	mux.Handle("GET /konsol/forslag", signed(c.proposals))
	mux.Handle("GET /konsol/forslag/{id}", signed(c.proposal))
	mux.Handle("POST /konsol/forslag/{id}", signed(c.proposalPost))
	mux.Handle("GET /konsol/adresser", signed(c.addresses))
	mux.Handle("GET /konsol/adresser/{kind}", signed(c.addressKind))
	mux.Handle("GET /konsol/adresser/{kind}/adresser.csv", signed(c.addressCSV))
	mux.Handle("GET /konsol/adresser/{kind}/import", signed(c.addressImportForm))
	mux.Handle("POST /konsol/adresser/{kind}/import", signed(c.addressImport))
	mux.Handle("GET /konsol/adresser/{kind}/{party}", signed(c.addressParty))
	mux.Handle("POST /konsol/adresser/{kind}/{party}/{change}", signed(c.addressChange))
	mux.Handle("GET /konsol/personuppgifter", signed(c.personal))
	mux.Handle("POST /konsol/personuppgifter", signed(c.personalPost))
	mux.Handle("GET /konsol/", signed(c.notFound))
	mux.Handle("POST /konsol/", signed(c.notFound))
}

// requirePerson lets a signed-in person through. Anyone else is sent to sign in (a page) or
// refused (a form post, 401): nothing is sent for them.
func (c *Console) requirePerson(h func(http.ResponseWriter, *http.Request, signin.Person)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, ok := c.cfg.SignIn.Person(r.Context())
		if !ok {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, "/konsol/logga-in?tillbaka="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			c.message(w, r, nil, http.StatusUnauthorized, "console.signed_out_post")
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		h(w, r, p)
	}
}
