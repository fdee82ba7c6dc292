package demoidp

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"

	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"
)

// Provider is the demo identity provider, served under a path of the local web server.
type Provider struct {
	// Issuer is its issuer URL (base URL and path).
	Issuer string
	// ClientSecret is the console's client secret, new at every start.
	ClientSecret string
	handler      http.Handler
}

// Options place the provider.
type Options struct {
	// BaseURL is the web server's address (http://localhost:8080); Path is where the provider
	// is served on it (/demo-idp).
	BaseURL, Path string
	// RedirectURL is the console's callback; AfterSignOut where the provider sends the browser
	// after signing out.
	RedirectURL, AfterSignOut string
}

// New makes the provider. Its handler serves Path (the caller mounts it there).
func New(o Options) (*Provider, error) {
	issuer := strings.TrimSuffix(o.BaseURL, "/") + o.Path
	secret := make([]byte, 16)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	p := &Provider{Issuer: issuer, ClientSecret: hex.EncodeToString(secret)}
	client := storage.WebClient(ClientID, p.ClientSecret, o.RedirectURL)
	st := &demoStorage{Storage: storage.NewStorageWithClients(userStore{}, map[string]*storage.Client{ClientID: client}),
		loginPath: o.Path + "/login", afterSignOut: o.AfterSignOut}
	key := sha256.Sum256(secret)
	provider, err := op.NewProvider(&op.Config{CryptoKey: key, CodeMethodS256: true, AuthMethodPost: true,
		DefaultLogoutRedirectURI: o.AfterSignOut, SupportedUILocales: []language.Tag{language.Swedish}},
		st, op.StaticIssuer(issuer), op.WithAllowInsecure())
	if err != nil {
		return nil, fmt.Errorf("demo identity provider: %w", err)
	}
	mux := http.NewServeMux()
	l := &login{storage: st, callback: op.AuthCallbackURL(provider), path: o.Path + "/login"}
	mux.Handle("GET /login", http.HandlerFunc(l.page))
	mux.Handle("POST /login", op.NewIssuerInterceptor(provider.IssuerFromRequest).Handler(http.HandlerFunc(l.choose)))
	mux.Handle("/", provider)
	p.handler = http.StripPrefix(o.Path, mux)
	return p, nil
}

// ServeHTTP serves the provider's endpoints and its sign-in page.
func (p *Provider) ServeHTTP(w http.ResponseWriter, r *http.Request) { p.handler.ServeHTTP(w, r) }

// demoStorage is the library's example storage with what a console needs on top: the sign-in
// page at our path, the user's claims in the ID token (not only at the userinfo endpoint), the
// groups claim, and the address to return to after signing out.
type demoStorage struct {
	*storage.Storage
	loginPath, afterSignOut string
}

func (s *demoStorage) GetClientByClientID(ctx context.Context, id string) (op.Client, error) {
	c, err := s.Storage.GetClientByClientID(ctx, id)
	if err != nil {
		return nil, err
	}
	return demoClient{Client: c, loginPath: s.loginPath, afterSignOut: s.afterSignOut}, nil
}

func (s *demoStorage) SetUserinfoFromRequest(ctx context.Context, ui *oidc.UserInfo, req op.IDTokenRequest, scopes []string) error {
	if err := s.Storage.SetUserinfoFromRequest(ctx, ui, req, scopes); err != nil {
		return err
	}
	addGroups(ui, req.GetSubject(), scopes)
	return nil
}

func (s *demoStorage) SetUserinfoFromToken(ctx context.Context, ui *oidc.UserInfo, tokenID, subject, origin string) error {
	if err := s.Storage.SetUserinfoFromToken(ctx, ui, tokenID, subject, origin); err != nil {
		return err
	}
	addGroups(ui, subject, []string{GroupsScope})
	return nil
}

func addGroups(ui *oidc.UserInfo, subject string, scopes []string) {
	for _, s := range scopes {
		if s != GroupsScope {
			continue
		}
		for _, p := range People {
			if p.Username == subject {
				ui.AppendClaims("groups", p.Groups)
			}
		}
	}
}

type demoClient struct {
	op.Client
	loginPath, afterSignOut string
}

func (c demoClient) LoginURL(id string) string { return c.loginPath + "?authRequestID=" + id }

// IDTokenUserinfoClaimsAssertion puts the user's claims (name, e-mail, groups) in the ID token.
func (c demoClient) IDTokenUserinfoClaimsAssertion() bool { return true }

func (c demoClient) PostLogoutRedirectURIs() []string { return []string{c.afterSignOut} }

func (c demoClient) IsScopeAllowed(scope string) bool {
	return scope == GroupsScope || c.Client.IsScopeAllowed(scope)
}

// userStore gives the example storage the demo people; the subject is the username.
type userStore struct{}

func (userStore) GetUserByID(id string) *storage.User { return user(id) }

func (userStore) GetUserByUsername(name string) *storage.User { return user(name) }

func (userStore) ExampleClientID() string { return ClientID }

func user(name string) *storage.User {
	for _, p := range People {
		if p.Username == name {
			first, last, _ := strings.Cut(p.Name, " ")
			return &storage.User{ID: p.Username, Username: p.Username, Password: p.Username, FirstName: first, LastName: last,
				Email: p.Email, EmailVerified: true, PreferredLanguage: language.Swedish}
		}
	}
	return nil
}
