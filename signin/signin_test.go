package signin_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2/memstore"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/demoidp"
	"github.com/skr/handslag/signin"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// site is a relying party and the demo provider on one test server, as in the local system.
type site struct {
	srv     *httptest.Server
	rp      *signin.RP
	lastErr error
}

func newSite(t *testing.T, idle time.Duration) *site {
	s := &site{}
	s.srv = httptest.NewUnstartedServer(nil)
	base := "http://" + s.srv.Listener.Addr().String()
	idp, err := demoidp.New(demoidp.Options{BaseURL: base, Path: "/demo-idp", RedirectURL: base + "/konsol/inloggning",
		AfterSignOut: base + "/konsol/utloggad"})
	require.NoError(t, err)
	roles, err := signin.ParseRoleMap(demoidp.RoleMap)
	require.NoError(t, err)
	sessions := signin.NewSessions(memstore.New(), idle, time.Hour, false)
	s.rp = signin.New(signin.Config{Issuer: idp.Issuer, ClientID: demoidp.ClientID, ClientSecret: idp.ClientSecret,
		RedirectURL: base + "/konsol/inloggning", Scopes: []string{"email", "profile", demoidp.GroupsScope}, Roles: roles}, sessions)
	mux := http.NewServeMux()
	mux.Handle("/demo-idp/", idp)
	mux.HandleFunc("GET /konsol/logga-in", func(w http.ResponseWriter, r *http.Request) {
		u, err := s.rp.Begin(r.Context(), r.URL.Query().Get("tillbaka"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		http.Redirect(w, r, u, http.StatusSeeOther)
	})
	mux.HandleFunc("GET /konsol/inloggning", func(w http.ResponseWriter, r *http.Request) {
		p, back, err := s.rp.Finish(r.Context(), r.URL.Query())
		s.lastErr = err
		if err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		_, _ = io.WriteString(w, p.ID+" "+back)
	})
	mux.HandleFunc("GET /konsol/vem", func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.rp.Person(r.Context())
		if !ok {
			http.Error(w, "ingen", http.StatusUnauthorized)
			return
		}
		_, _ = io.WriteString(w, p.ID)
	})
	mux.HandleFunc("POST /konsol/logga-ut", func(w http.ResponseWriter, r *http.Request) {
		u, err := s.rp.End(r.Context(), base+"/konsol/utloggad")
		require.NoError(t, err)
		_, _ = io.WriteString(w, u)
	})
	s.srv.Config.Handler = sessions.LoadAndSave(mux)
	s.srv.Start()
	t.Cleanup(s.srv.Close)
	return s
}

func browser(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	return &http.Client{Jar: jar}
}

// signIn goes to the console's sign-in, lands on the provider's page, chooses the person and
// follows the redirects back. It returns the last response's status and body.
func (s *site) signIn(t *testing.T, c *http.Client, username string) (int, string) {
	res, err := c.Get(s.srv.URL + "/konsol/logga-in?tillbaka=/konsol/initiativ/x")
	require.NoError(t, err)
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode, "%s", page)
	require.Contains(t, string(page), "Logga in (demo)")
	id := res.Request.URL.Query().Get("authRequestID")
	require.NotEmpty(t, id)
	res, err = c.PostForm(s.srv.URL+"/demo-idp/login", url.Values{"id": {id}, "username": {username}})
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res.StatusCode, string(body)
}

func (s *site) who(t *testing.T, c *http.Client) (int, string) {
	res, err := c.Get(s.srv.URL + "/konsol/vem")
	require.NoError(t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, strings.TrimSpace(string(b))
}

// The whole code flow with PKCE against a real provider: the office's Anna signs in, is known
// by her e-mail in the office role, goes where she wanted, and signs out.
func TestSignInAndOut(t *testing.T) {
	s := newSite(t, time.Hour)
	c := browser(t)
	status, body := s.signIn(t, c, "anna")
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, "anna.andersson@programkontoret.example /konsol/initiativ/x", body)
	status, who := s.who(t, c)
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "anna.andersson@programkontoret.example", who)

	res, err := c.Post(s.srv.URL+"/konsol/logga-ut", "", nil)
	require.NoError(t, err)
	end, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Contains(t, string(end), "/demo-idp/end_session", "the provider's session ends too")
	status, _ = s.who(t, c)
	assert.Equal(t, http.StatusUnauthorized, status, "signed out")
}

// The roles come from the groups claim through the mapping.
func TestRolesFromTheMapping(t *testing.T) {
	s := newSite(t, time.Hour)
	for _, c := range []struct {
		user  string
		role  domain.Role
		state int
	}{{"anna", domain.RoleOffice, 200}, {"lena", domain.RoleLeadership, 200}, {"karin", domain.RoleCouncil, 200},
		{"nils", domain.RoleNetwork, 200}, {"utan", "", 403}} {
		status, body := s.signIn(t, browser(t), c.user)
		assert.Equal(t, c.state, status, "%s: %s", c.user, body)
		if c.role == "" {
			assert.True(t, errors.Is(s.lastErr, signin.ErrNoRole), "%s: %v", c.user, s.lastErr)
		}
	}
}

// A callback this browser did not start (a forged state, or no sign-in under way) signs
// nobody in.
func TestForgedCallbacksAreRefused(t *testing.T) {
	s := newSite(t, time.Hour)
	c := browser(t)
	res, err := c.Get(s.srv.URL + "/konsol/inloggning?state=falsk&code=falsk")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
	assert.True(t, errors.Is(s.lastErr, signin.ErrState))

	// A sign-in under way, answered with another state.
	res, err = c.Get(s.srv.URL + "/konsol/logga-in")
	require.NoError(t, err)
	res.Body.Close()
	res, err = c.Get(s.srv.URL + "/konsol/inloggning?state=annan&code=x")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
	assert.True(t, errors.Is(s.lastErr, signin.ErrState))
	status, _ := s.who(t, c)
	assert.Equal(t, http.StatusUnauthorized, status)
}

// The authorization request uses PKCE (S256) and a nonce.
func TestTheAuthorizationRequestUsesPKCEAndANonce(t *testing.T) {
	s := newSite(t, time.Hour)
	c := browser(t)
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := c.Get(s.srv.URL + "/konsol/logga-in")
	require.NoError(t, err)
	res.Body.Close()
	u, err := url.Parse(res.Header.Get("Location"))
	require.NoError(t, err)
	assert.Equal(t, "S256", u.Query().Get("code_challenge_method"))
	assert.NotEmpty(t, u.Query().Get("code_challenge"))
	assert.NotEmpty(t, u.Query().Get("nonce"))
	assert.NotEmpty(t, u.Query().Get("state"))
}

// A session idle longer than its idle time is over.
func TestAnIdleSessionExpires(t *testing.T) {
	s := newSite(t, 200*time.Millisecond)
	c := browser(t)
	status, body := s.signIn(t, c, "lena")
	require.Equal(t, http.StatusOK, status, body)
	time.Sleep(400 * time.Millisecond) // longer than the idle time, whatever the machine's load
	status, _ = s.who(t, c)
	assert.Equal(t, http.StatusUnauthorized, status)
}

// Only paths of the console are return addresses.
func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{"/konsol/initiativ/a": "/konsol/initiativ/a", "": "/konsol/", "https://ond.example/": "/konsol/",
		"//ond.example/konsol/": "/konsol/", "/svar/x": "/konsol/", "/konsol/\\ond": "/konsol/"} {
		assert.Equal(t, want, signin.LocalPath(in), in)
	}
}

// The mapping is parsed into canonical grants, and a wrong one is refused with what to write.
func TestParseRoleMap(t *testing.T) {
	m, err := signin.ParseRoleMap(" kontoret=Office , radet=county:01,kd=network:kommundirektorsnatverket,ledn=leadership")
	require.NoError(t, err)
	assert.Equal(t, []signin.Grant{{Role: domain.RoleOffice}, {Role: domain.RoleCouncil, Member: "county:01"}},
		m.Grants([]string{"radet", "kontoret", "okänd"}))
	for _, bad := range []string{"kontoret", "x=chef", "x=county:1", "x=network:", "=office"} {
		_, err := signin.ParseRoleMap(bad)
		assert.Error(t, err, bad)
	}
}
