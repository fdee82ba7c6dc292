// Package web serves the answer form a municipality reaches from the personal link in its offer
// e-mail: the offer, a yes/no form, the confirmation, and clear refusals. Pages are plain HTML
// in Swedish (the i18n catalogue), need no JavaScript, and aim at WCAG 2.1 AA.
package web

import (
	"net/http"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/legal"
	"go.uber.org/zap"
)

// Config is what New needs. Verifier and Offers are required.
type Config struct {
	// overview: the site has the municipalities' own pages, which the form links to.
	overview bool
	Verifier LinkVerifier
	Offers   Offers

	// FormSecret signs the form keys (see formkey.go); at least 32 bytes. When empty a random
	// one is made, so a form rendered before a restart is shown again on submit, filled in,
	// instead of being recorded: set it when running more than one instance.
	FormSecret []byte
	// FormMaxAge is how long a rendered form can be submitted; 24 hours by default.
	FormMaxAge time.Duration
	// CallTimeout bounds each call to Offers; 15 seconds by default.
	CallTimeout time.Duration
	Lang        i18n.Lang        // Swedish by default
	Location    *time.Location   // for dates on the pages; Europe/Stockholm by default
	Now         func() time.Time // time.Now by default
	Logger      *zap.Logger      // nothing is logged by default
}

// server holds the handler's dependencies.
type server struct {
	cfg   Config
	keys  formKeys
	pages *pages
	log   *zap.Logger
}

// New returns a site with only the answer form (see NewSite).
func New(cfg Config) http.Handler { return NewSite(SiteConfig{Answers: &cfg}) }

// newAnswerForm checks and completes cfg. It panics on a missing Verifier or Offers or a short
// FormSecret: those are wiring mistakes that must stop the program at start.
func newAnswerForm(cfg Config, facts legal.Facts) *server {
	if cfg.Verifier == nil || cfg.Offers == nil {
		panic("web.New: Config.Verifier and Config.Offers are required")
	}
	cfg.FormSecret = formSecret(cfg.FormSecret, "web.New")
	if cfg.FormMaxAge <= 0 {
		cfg.FormMaxAge = 24 * time.Hour
	}
	if cfg.CallTimeout <= 0 {
		cfg.CallTimeout = 15 * time.Second
	}
	if cfg.Lang == "" {
		cfg.Lang = i18n.Swedish
	}
	if cfg.Location == nil {
		cfg.Location = domain.Stockholm()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	return &server{
		cfg:   cfg,
		keys:  formKeys{secret: cfg.FormSecret, maxAge: cfg.FormMaxAge, now: cfg.Now},
		pages: newPages(cfg.Lang, cfg.Location, facts),
		log:   cfg.Logger,
	}
}

func writePlain(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(text + "\n"))
}
