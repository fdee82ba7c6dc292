package web

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/legal"
	"go.uber.org/zap"
)

// The unsubscribe pages: a municipality's contact follows the personal link in a digest or a
// hearing invitation (/avsluta/<token>) and stops those e-mails for its municipality.
//
// A GET never changes anything, because mail scanners and link previews follow links: it
// shows what the link would stop and a button. The button POSTs a form carrying a form key
// (formkey.go), as the answer form does. A POST without a form key is accepted only when it
// is the RFC 8058 one-click request ("List-Unsubscribe=One-Click"), which mail clients send
// from the List-Unsubscribe-Post header; browsers cannot send it cross-site
// (http.CrossOriginProtection), and it too needs the signed token.

// UnsubscribePathPrefix is where the unsubscribe pages live (the same as answerlink's).
const UnsubscribePathPrefix = "/avsluta/"

// ErrUnknownSubscription: no implementation for the initiative, or the municipality does not
// take part in it. A Subscriptions implementation returns it (wrapped or not).
var ErrUnknownSubscription = errors.New("unknown implementation or municipality")

// UnsubscribeVerifier checks an unsubscribe link's token and says what it is for.
type UnsubscribeVerifier interface {
	Verify(token string) (initiativeID, municipalityCode string, err error)
}

// Subscriptions is what the unsubscribe pages need of the implementations.
type Subscriptions interface {
	// View describes the implementation e-mails of one initiative to one municipality.
	View(ctx context.Context, initiativeID, municipalityCode string) (SubscriptionView, error)
	// Unsubscribe stops them. It returns ErrClosed when the implementation has ended.
	Unsubscribe(ctx context.Context, r UnsubscribeRequest) error
}

// SubscriptionView is what the pages show.
type SubscriptionView struct {
	Title            string // the initiative's
	MunicipalityName string
	Unsubscribed     bool // the whole municipality already gets none
	Closed           bool // the implementation has ended: nothing more is sent
}

// UnsubscribeRequest asks to stop the e-mails of one initiative to one municipality.
type UnsubscribeRequest struct {
	InitiativeID, MunicipalityCode string
	// OneClick: sent by a mail client (RFC 8058), not from the page's button.
	OneClick bool
}

// UnsubscribeConfig is what NewUnsubscribe needs. Verifier and Subscriptions are required.
type UnsubscribeConfig struct {
	Verifier      UnsubscribeVerifier
	Subscriptions Subscriptions
	// FormSecret signs the form keys (at least 32 bytes; random when empty, see Config).
	FormSecret  []byte
	FormMaxAge  time.Duration // 24 hours by default
	CallTimeout time.Duration // 15 seconds by default
	Lang        i18n.Lang     // Swedish by default
	Now         func() time.Time
	Logger      *zap.Logger
}

type unsubscribe struct {
	cfg   UnsubscribeConfig
	keys  formKeys
	pages *pages
}

// NewUnsubscribe returns a site with only the unsubscribe pages (see NewSite).
func NewUnsubscribe(cfg UnsubscribeConfig) http.Handler {
	return NewSite(SiteConfig{Unsubscribe: &cfg})
}

// newUnsubscribe checks and completes cfg. It panics on a missing Verifier or Subscriptions or
// a short FormSecret: wiring mistakes that must stop the program.
func newUnsubscribe(cfg UnsubscribeConfig, facts legal.Facts) *unsubscribe {
	if cfg.Verifier == nil || cfg.Subscriptions == nil {
		panic("web.NewUnsubscribe: Verifier and Subscriptions are required")
	}
	cfg.FormSecret = formSecret(cfg.FormSecret, "web.NewUnsubscribe")
	cfg.FormMaxAge = cmpOr(cfg.FormMaxAge, 24*time.Hour)
	cfg.CallTimeout = cmpOr(cfg.CallTimeout, 15*time.Second)
	if cfg.Lang == "" {
		cfg.Lang = i18n.Swedish
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	return &unsubscribe{cfg: cfg, keys: formKeys{secret: cfg.FormSecret, maxAge: cfg.FormMaxAge, now: cfg.Now},
		pages: parsePages(cfg.Lang, domain.Stockholm(), facts, "unsubscribe", "message")}
}

// noToken answers a path under /avsluta/ without a token (a link cut short).
func (u *unsubscribe) noToken(w http.ResponseWriter, _ *http.Request) {
	u.message(w, http.StatusNotFound, "unsub.refused", nil)
}

// crossOrigin answers a POST that a browser says came from another site.
func (u *unsubscribe) crossOrigin(w http.ResponseWriter, _ *http.Request) {
	u.message(w, http.StatusForbidden, "unsub.foreign", nil)
}

func cmpOr(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// subscription is a verified link with what it leads to.
type subscription struct {
	token, initiativeID, code string
	view                      SubscriptionView
}

func (u *unsubscribe) show(w http.ResponseWriter, r *http.Request) {
	s, ok := u.open(w, r)
	if !ok {
		return
	}
	switch {
	case s.view.Closed:
		u.message(w, http.StatusOK, "unsub.closed", s)
	case s.view.Unsubscribed:
		u.done(w, s, true)
	default:
		u.confirm(w, http.StatusOK, s, false)
	}
}

func (u *unsubscribe) post(w http.ResponseWriter, r *http.Request) {
	s, ok := u.open(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	// RFC 8058 allows a multipart body; ParseMultipartForm parses a urlencoded one as well.
	if err := r.ParseMultipartForm(maxBody); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		u.confirm(w, http.StatusBadRequest, s, true)
		return
	}
	oneClick := r.PostForm.Get("List-Unsubscribe") == "One-Click"
	if !oneClick && !u.keys.valid(s.token, r.PostForm.Get("submission_id"), r.PostForm.Get("form_key")) {
		u.confirm(w, http.StatusBadRequest, s, true) // stale or foreign form: ask again, nothing changed
		return
	}
	switch {
	case s.view.Closed:
		u.message(w, http.StatusConflict, "unsub.closed", s)
		return
	case s.view.Unsubscribed:
		u.done(w, s, true) // idempotent: nothing sent again
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), u.cfg.CallTimeout)
	defer cancel()
	err := u.cfg.Subscriptions.Unsubscribe(ctx, UnsubscribeRequest{InitiativeID: s.initiativeID, MunicipalityCode: s.code, OneClick: oneClick})
	switch {
	case err == nil:
		u.cfg.Logger.Info("web: unsubscribed", zap.String("initiative", s.initiativeID), zap.String("municipality", s.code),
			zap.Bool("one_click", oneClick))
		u.done(w, s, false)
	case errors.Is(err, ErrClosed):
		u.message(w, http.StatusConflict, "unsub.closed", s)
	case errors.Is(err, ErrUnknownSubscription):
		u.message(w, http.StatusNotFound, "unsub.unknown", s)
	default:
		u.cfg.Logger.Warn("web: unsubscribe not taken", zap.String("initiative", s.initiativeID), zap.Error(err))
		u.message(w, http.StatusServiceUnavailable, "unsub.unavailable", s)
	}
}

// open verifies the link and fetches what it is about; on failure it has answered already.
func (u *unsubscribe) open(w http.ResponseWriter, r *http.Request) (*subscription, bool) {
	s := &subscription{token: r.PathValue("token")}
	var err error
	if s.initiativeID, s.code, err = u.cfg.Verifier.Verify(s.token); err != nil {
		u.cfg.Logger.Info("web: unsubscribe link refused") // never the token: it is a credential
		u.message(w, http.StatusForbidden, "unsub.refused", nil)
		return nil, false
	}
	ctx, cancel := context.WithTimeout(r.Context(), u.cfg.CallTimeout)
	defer cancel()
	if s.view, err = u.cfg.Subscriptions.View(ctx, s.initiativeID, s.code); err != nil {
		if errors.Is(err, ErrUnknownSubscription) {
			u.message(w, http.StatusNotFound, "unsub.unknown", nil)
		} else {
			u.cfg.Logger.Warn("web: implementation not available", zap.String("initiative", s.initiativeID), zap.Error(err))
			u.message(w, http.StatusServiceUnavailable, "unsub.unavailable", nil)
		}
		return nil, false
	}
	return s, true
}

// unsubscribePage is the confirmation with its button.
type unsubscribePage struct {
	base
	Token, Body           string
	SubmissionID, FormKey string
	Expired               string // the error shown when a stale form was posted
}

func (u *unsubscribe) confirm(w http.ResponseWriter, status int, s *subscription, expired bool) {
	p := unsubscribePage{Token: s.token, Body: u.t("unsub.confirm.body", "municipality", s.view.MunicipalityName, "title", s.view.Title)}
	p.SubmissionID, p.FormKey = u.keys.issue(s.token)
	if expired {
		p.Expired = u.t("unsub.confirm.expired")
	}
	p.base = u.base(u.t("unsub.confirm.title", "title", s.view.Title), expired)
	u.pages.render(w, status, "unsubscribe", p)
}

// done is the receipt: stopped now, or already before.
func (u *unsubscribe) done(w http.ResponseWriter, s *subscription, already bool) {
	title, body := "unsub.done.title", "unsub.done.body"
	if already {
		title, body = "unsub.done.already_title", "unsub.done.already_body"
	}
	args := []any{"municipality", s.view.MunicipalityName, "title", s.view.Title}
	u.pages.render(w, http.StatusOK, "message", messagePage{base: u.base(u.t(title, args...), false),
		Paragraphs: []string{u.t(body, args...), u.t("unsub.done.undo")}})
}

// message shows prefix.title, prefix.body and, when the catalogue has it, prefix.help; s
// (may be nil) fills in the initiative's title and the municipality's name.
func (u *unsubscribe) message(w http.ResponseWriter, status int, prefix string, s *subscription) {
	var args []any
	if s != nil {
		args = []any{"municipality", s.view.MunicipalityName, "title", s.view.Title}
	}
	p := messagePage{base: u.base(u.t(prefix+".title", args...), false), Paragraphs: []string{u.t(prefix+".body", args...)}}
	if i18n.Has(u.cfg.Lang, prefix+".help") {
		p.Paragraphs = append(p.Paragraphs, u.t(prefix+".help", args...))
	}
	u.pages.render(w, status, "message", p)
}

func (u *unsubscribe) base(title string, hasErrors bool) base {
	return base{Lang: string(u.cfg.Lang), Title: title, Error: hasErrors, Site: u.t("unsub.site")}
}

func (u *unsubscribe) t(key string, args ...any) string { return i18n.T(u.cfg.Lang, key, args...) }
