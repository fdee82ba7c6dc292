package signin

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Config is the relying party's configuration: the identity provider, this client, and how
// claims become roles.
type Config struct {
	// Issuer is the identity provider's issuer URL (its discovery document is found there).
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is where the provider sends the browser back: <base>/konsol/inloggning.
	RedirectURL string
	// Scopes asked for; "openid" is always asked for.
	Scopes []string
	// IDClaim names the claim that becomes the sender's ID ("email" by default; the subject
	// when the token lacks it).
	IDClaim string
	// RoleClaim names the claim whose values the mapping reads ("groups" by default): a list
	// of strings or one string.
	RoleClaim string
	Roles     RoleMap
	// HTTPClient talks to the provider (nil: http.DefaultClient).
	HTTPClient *http.Client
}

// Errors of a sign-in, each shown to the person as its own page.
var (
	// ErrState: the callback's state is not the one this browser's session started with (a
	// forged or replayed callback, or a session that expired meanwhile).
	ErrState = errors.New("signin: the state does not match the sign-in this browser started")
	// ErrNoRole: the person signed in, but the mapping gives them no role in Handslag.
	ErrNoRole = errors.New("signin: the role mapping gives this person no role")
	// ErrProvider: the provider refused or could not be reached, or its token did not verify.
	ErrProvider = errors.New("signin: the identity provider's answer could not be used")
)

// Session keys.
const (
	keyPerson   = "person"
	keyState    = "oidc_state"
	keyNonce    = "oidc_nonce"
	keyVerifier = "oidc_verifier"
	keyReturn   = "oidc_return"
)

// RP is the relying party. It finds the provider on first use (so a provider that starts
// after us, or is down for a moment, is found when someone signs in) and keeps it.
type RP struct {
	cfg      Config
	sessions *scs.SessionManager

	mu       sync.Mutex
	provider *oidc.Provider
	verifier *oidc.IDTokenVerifier
	oauth    oauth2.Config
}

// New returns the relying party over a session manager.
func New(cfg Config, sessions *scs.SessionManager) *RP {
	if cfg.IDClaim == "" {
		cfg.IDClaim = "email"
	}
	if cfg.RoleClaim == "" {
		cfg.RoleClaim = "groups"
	}
	return &RP{cfg: cfg, sessions: sessions}
}

func (rp *RP) context(ctx context.Context) context.Context {
	if rp.cfg.HTTPClient != nil {
		return oidc.ClientContext(ctx, rp.cfg.HTTPClient)
	}
	return ctx
}

// discover finds the provider, once.
func (rp *RP) discover(ctx context.Context) error {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if rp.provider != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	p, err := oidc.NewProvider(rp.context(ctx), rp.cfg.Issuer)
	if err != nil {
		return fmt.Errorf("%w: discovery at %s: %v", ErrProvider, rp.cfg.Issuer, err)
	}
	scopes := []string{oidc.ScopeOpenID}
	for _, s := range rp.cfg.Scopes {
		if s != oidc.ScopeOpenID {
			scopes = append(scopes, s)
		}
	}
	rp.provider = p
	rp.verifier = p.Verifier(&oidc.Config{ClientID: rp.cfg.ClientID})
	rp.oauth = oauth2.Config{ClientID: rp.cfg.ClientID, ClientSecret: rp.cfg.ClientSecret, RedirectURL: rp.cfg.RedirectURL,
		Endpoint: p.Endpoint(), Scopes: scopes}
	return nil
}

// Begin starts a sign-in: it keeps a new state, nonce and PKCE verifier in the session and
// returns the provider's authorization URL to send the browser to. returnTo is where the
// person goes afterwards (a path of ours).
func (rp *RP) Begin(ctx context.Context, returnTo string) (string, error) {
	if err := rp.discover(ctx); err != nil {
		return "", err
	}
	state, nonce := random(), random()
	verifier := oauth2.GenerateVerifier()
	rp.sessions.Put(ctx, keyState, state)
	rp.sessions.Put(ctx, keyNonce, nonce)
	rp.sessions.Put(ctx, keyVerifier, verifier)
	rp.sessions.Put(ctx, keyReturn, LocalPath(returnTo))
	return rp.oauth.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier)), nil
}

// Finish completes a sign-in at the callback: it checks the state, exchanges the code with
// the PKCE verifier, verifies the ID token and its nonce, maps the claims to roles, renews the
// session token (so a session fixed before sign-in is worthless) and keeps the person. It
// returns the person and where they wanted to go.
func (rp *RP) Finish(ctx context.Context, q url.Values) (Person, string, error) {
	state := rp.sessions.PopString(ctx, keyState)
	nonce := rp.sessions.PopString(ctx, keyNonce)
	verifier := rp.sessions.PopString(ctx, keyVerifier)
	returnTo := rp.sessions.PopString(ctx, keyReturn)
	if state == "" || q.Get("state") != state {
		return Person{}, "", ErrState
	}
	if e := q.Get("error"); e != "" {
		return Person{}, "", fmt.Errorf("%w: %s %s", ErrProvider, e, q.Get("error_description"))
	}
	if err := rp.discover(ctx); err != nil {
		return Person{}, "", err
	}
	tok, err := rp.oauth.Exchange(rp.context(ctx), q.Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		return Person{}, "", fmt.Errorf("%w: code exchange: %v", ErrProvider, err)
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok {
		return Person{}, "", fmt.Errorf("%w: no id_token in the token response", ErrProvider)
	}
	idt, err := rp.verifier.Verify(rp.context(ctx), raw)
	if err != nil {
		return Person{}, "", fmt.Errorf("%w: %v", ErrProvider, err)
	}
	if idt.Nonce != nonce {
		return Person{}, "", fmt.Errorf("%w: the nonce does not match", ErrState)
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return Person{}, "", fmt.Errorf("%w: %v", ErrProvider, err)
	}
	p := rp.person(idt, claims)
	if len(p.Grants) == 0 {
		return p, "", ErrNoRole
	}
	if err := rp.sessions.RenewToken(ctx); err != nil {
		return Person{}, "", err
	}
	data, err := json.Marshal(p)
	if err != nil {
		return Person{}, "", err
	}
	rp.sessions.Put(ctx, keyPerson, string(data))
	return p, returnTo, nil
}

// person reads who signed in from the verified token's claims.
func (rp *RP) person(idt *oidc.IDToken, claims map[string]any) Person {
	str := func(name string) string { s, _ := claims[name].(string); return strings.TrimSpace(s) }
	p := Person{Subject: idt.Subject, Issuer: idt.Issuer, Name: str("name"), Email: str("email")}
	if p.ID = str(rp.cfg.IDClaim); p.ID == "" {
		p.ID = idt.Subject
	}
	var values []string
	switch v := claims[rp.cfg.RoleClaim].(type) {
	case string:
		values = []string{v}
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				values = append(values, s)
			}
		}
	}
	p.Grants = rp.cfg.Roles.Grants(values)
	return p
}

// Person is who is signed in on this request's session.
func (rp *RP) Person(ctx context.Context) (Person, bool) {
	data := rp.sessions.GetString(ctx, keyPerson)
	if data == "" {
		return Person{}, false
	}
	var p Person
	if json.Unmarshal([]byte(data), &p) != nil || p.ID == "" {
		return Person{}, false
	}
	return p, true
}

// End signs the person out of this session (the session is destroyed). It returns the
// provider's end-session URL to send the browser on to, or "" when the provider has none.
func (rp *RP) End(ctx context.Context, afterwards string) (string, error) {
	if err := rp.sessions.Destroy(ctx); err != nil {
		return "", err
	}
	if rp.discover(ctx) != nil {
		return "", nil
	}
	var meta struct {
		EndSession string `json:"end_session_endpoint"`
	}
	if rp.provider.Claims(&meta) != nil || meta.EndSession == "" {
		return "", nil
	}
	u, err := url.Parse(meta.EndSession)
	if err != nil {
		return "", nil
	}
	q := u.Query()
	q.Set("client_id", rp.cfg.ClientID)
	if afterwards != "" {
		q.Set("post_logout_redirect_uri", afterwards)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// LocalPath keeps a return address on this site: a path under /konsol/, or the console's
// start page. An absolute or protocol-relative URL (an open redirect) becomes the start page.
func LocalPath(p string) string {
	if !strings.HasPrefix(p, "/konsol/") || strings.HasPrefix(p, "//") || strings.Contains(p, "\\") {
		return "/konsol/"
	}
	return p
}

func random() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// CookieName is the console's session cookie.
const CookieName = "handslag_konsol"

// NewSessions returns the console's session manager over a store (the database's sessions
// table): a session ends after idle time without a request, and at the latest lifetime after
// sign-in; its cookie is HttpOnly, SameSite=Lax (the provider's redirect back is a top-level
// navigation), limited to /konsol/, and Secure when the site is served over TLS.
func NewSessions(store scs.Store, idle, lifetime time.Duration, secure bool) *scs.SessionManager {
	if idle <= 0 {
		idle = 30 * time.Minute
	}
	if lifetime <= 0 {
		lifetime = 12 * time.Hour
	}
	m := scs.New()
	m.Store = store
	m.IdleTimeout = idle
	m.Lifetime = lifetime
	m.Cookie.Name = CookieName
	m.Cookie.Path = "/konsol/"
	m.Cookie.HttpOnly = true
	m.Cookie.SameSite = http.SameSiteLaxMode
	m.Cookie.Secure = secure
	m.Cookie.Persist = false
	return m
}

// PersonFromAccessToken is who an access token belongs to, by the provider's userinfo
// endpoint (the token is the provider's to vouch for, opaque or not), with the roles the
// mapping gives the claims there. It is how the codec server knows the Web UI's user.
func (rp *RP) PersonFromAccessToken(ctx context.Context, token string) (Person, error) {
	if err := rp.discover(ctx); err != nil {
		return Person{}, err
	}
	ui, err := rp.provider.UserInfo(rp.context(ctx), oauth2.StaticTokenSource(&oauth2.Token{AccessToken: token, TokenType: "Bearer"}))
	if err != nil {
		return Person{}, fmt.Errorf("%w: userinfo: %v", ErrProvider, err)
	}
	var claims map[string]any
	if err := ui.Claims(&claims); err != nil {
		return Person{}, fmt.Errorf("%w: %v", ErrProvider, err)
	}
	return rp.person(&oidc.IDToken{Subject: ui.Subject, Issuer: rp.cfg.Issuer}, claims), nil
}

// BearerToken is the token of an Authorization: Bearer header ("" when there is none).
func BearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}
