package site

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/codec"
	"github.com/skr/handslag/internal/demoidp"
	"github.com/skr/handslag/signin"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	commonpb "go.temporal.io/api/common/v1"
	"golang.org/x/oauth2"
	"google.golang.org/protobuf/encoding/protojson"
)

// The codec server opens payloads only for the office and the leadership, by an access token
// of the real (demo) provider, and for browsers only from the Web UI's origin: anyone else
// gets 401 or 403 and no plaintext.
func TestTheCodecServerOpensPayloadsOnlyForSignedInStaff(t *testing.T) {
	ring, err := codec.ParseRing("k1=" + strings.Repeat("cd", 32))
	require.NoError(t, err)
	c := codec.New(ring)
	const uiOrigin = "http://ui.example:8233"

	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	idp, err := demoidp.New(demoidp.Options{BaseURL: base, Path: web.DemoIdentityProviderPath,
		RedirectURL: base + "/konsol/inloggning", AfterSignOut: base + "/konsol/utloggad"})
	require.NoError(t, err)
	roles, err := signin.ParseRoleMap(demoidp.RoleMap)
	require.NoError(t, err)
	db, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "handslag.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	h, err := New(Deps{Cases: db, LinkKeys: answerlink.Single(make32(1)), FormKey: make32(2), BaseURL: base, Sessions: db.Sessions(),
		SignIn: signin.Config{Issuer: idp.Issuer, ClientID: demoidp.ClientID, ClientSecret: idp.ClientSecret,
			RedirectURL: base + "/konsol/inloggning", Scopes: []string{"openid", "email", "profile", demoidp.GroupsScope}, Roles: roles},
		IdentityProvider: idp, Codec: &c, CodecOrigin: uiOrigin})
	require.NoError(t, err)
	srv.Config.Handler = h
	srv.Start()
	t.Cleanup(srv.Close)

	sealed, err := c.Encode([]*commonpb.Payload{{Metadata: map[string][]byte{"encoding": []byte("json/plain")}, Data: []byte(`"hemlig.person@exempelby.example"`)}})
	require.NoError(t, err)
	body, err := protojson.Marshal(&commonpb.Payloads{Payloads: sealed})
	require.NoError(t, err)
	decode := func(token, origin string) (int, string) {
		req, err := http.NewRequest(http.MethodPost, base+"/codec/decode", strings.NewReader(string(body)))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}

	status, out := decode("", uiOrigin)
	assert.Equal(t, http.StatusUnauthorized, status, "no token")
	assert.NotContains(t, out, "hemlig")
	status, _ = decode("not-a-token", uiOrigin)
	assert.Equal(t, http.StatusUnauthorized, status, "a token the provider does not know")

	anna := accessToken(t, base, idp, "anna")
	status, out = decode(anna, "http://evil.example")
	assert.Equal(t, http.StatusForbidden, status, "another site's page may not use a staff member's browser")
	assert.NotContains(t, out, "hemlig")

	status, out = decode(anna, uiOrigin)
	require.Equal(t, http.StatusOK, status, out)
	assert.Contains(t, out, toBase64(`"hemlig.person@exempelby.example"`), "the office reads the payload")
	status, _ = decode(accessToken(t, base, idp, "lena"), "")
	assert.Equal(t, http.StatusOK, status, "the leadership too, also from a tool without an origin")

	status, out = decode(accessToken(t, base, idp, "karin"), uiOrigin)
	assert.Equal(t, http.StatusUnauthorized, status, "a county member is not staff")
	assert.NotContains(t, out, "hemlig")
}

// accessToken runs the provider's authorization code flow for a demo person (as the Web UI
// does) and returns the access token.
func accessToken(t *testing.T, base string, idp *demoidp.Provider, username string) string {
	t.Helper()
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, idp.Issuer)
	require.NoError(t, err)
	cfg := oauth2.Config{ClientID: demoidp.ClientID, ClientSecret: idp.ClientSecret, Endpoint: provider.Endpoint(),
		RedirectURL: base + "/konsol/inloggning", Scopes: []string{"openid", "email", demoidp.GroupsScope}}
	verifier := oauth2.GenerateVerifier()
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	browser := &http.Client{Jar: jar, CheckRedirect: func(r *http.Request, _ []*http.Request) error {
		if r.URL.Path == "/konsol/inloggning" {
			return http.ErrUseLastResponse // the code, for us rather than the console
		}
		return nil
	}}
	res, err := browser.Get(cfg.AuthCodeURL("state", oauth2.S256ChallengeOption(verifier)))
	require.NoError(t, err)
	res.Body.Close()
	id := res.Request.URL.Query().Get("authRequestID")
	require.NotEmpty(t, id, "the provider's sign-in page")
	res, err = browser.PostForm(base+web.DemoIdentityProviderPath+"/login", url.Values{"id": {id}, "username": {username}})
	require.NoError(t, err)
	res.Body.Close()
	loc, err := url.Parse(res.Header.Get("Location"))
	require.NoError(t, err)
	code := loc.Query().Get("code")
	require.NotEmpty(t, code, "redirected with a code: %s", res.Header.Get("Location"))
	tok, err := cfg.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	require.NoError(t, err)
	return tok.AccessToken
}

func make32(b byte) []byte { return []byte(strings.Repeat(string(rune('a'+b)), 32)) }

func toBase64(s string) string {
	b, _ := protojson.Marshal(&commonpb.Payload{Data: []byte(s)})
	// {"data":"<base64>"}
	v := string(b)
	return v[strings.Index(v, `"data":"`)+8 : len(v)-2]
}
