package console

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2/memstore"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/demoidp"
	"github.com/skr/handslag/refdata"
	"github.com/skr/handslag/signin"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
)

// harness is the console in the site's route table, with the real demo identity provider
// and the fake back-end, on a test server.
type harness struct {
	t    *testing.T
	srv  *httptest.Server
	base string
	fake *fakeBackend
	db   *store.DB // the address register, in a real SQLite database
	logs *observer.ObservedLogs
}

func newHarness(t *testing.T) *harness {
	h := &harness{t: t, fake: newFake()}
	h.srv = httptest.NewUnstartedServer(nil)
	h.base = "http://" + h.srv.Listener.Addr().String()
	idp, err := demoidp.New(demoidp.Options{BaseURL: h.base, Path: web.DemoIdentityProviderPath,
		RedirectURL: h.base + "/konsol/inloggning", AfterSignOut: h.base + "/konsol/utloggad"})
	require.NoError(t, err)
	roles, err := signin.ParseRoleMap(demoidp.RoleMap)
	require.NoError(t, err)
	sessions := signin.NewSessions(memstore.New(), time.Hour, time.Hour, false)
	rp := signin.New(signin.Config{Issuer: idp.Issuer, ClientID: demoidp.ClientID, ClientSecret: idp.ClientSecret,
		RedirectURL: h.base + "/konsol/inloggning", Scopes: []string{"email", "profile", demoidp.GroupsScope}, Roles: roles}, sessions)
	h.db, err = store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "handslag.db"))
	require.NoError(t, err)
	t.Cleanup(func() { h.db.Close() })
	core, logs := observer.New(zap.InfoLevel)
	h.logs = logs
	c := New(Config{Backend: h.fake, SignIn: rp, Controller: "Exempelförbundet", People: h.db, HistoryDays: 30, Logger: zap.New(core), Sessions: sessions, BaseURL: h.base, AllowDemo: true,
		Now: func() time.Time { return h.fake.now }, Addresses: h.db, Parties: contacts.DefaultParties(refdata.Default())})
	h.srv.Config.Handler = web.NewSite(web.SiteConfig{Console: c, IdentityProvider: idp})
	h.srv.Start()
	t.Cleanup(h.srv.Close)
	return h
}

// people are the demo people by role, as the tests use them.
var people = map[string]string{"office": "anna", "leadership": "lena", "council": "karin", "network": "nils", "owner": "olle"}

// browser is a client with its own cookies; it does not follow redirects, so that tests see
// them.
func (h *harness) browser() *http.Client {
	jar, err := cookiejar.New(nil)
	require.NoError(h.t, err)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// signIn signs a demo person in through the provider and returns their browser.
func (h *harness) signIn(username string) *http.Client {
	c := h.browser()
	follow := &http.Client{Jar: c.Jar}
	res, err := follow.Get(h.base + "/konsol/")
	require.NoError(h.t, err)
	res.Body.Close()
	id := res.Request.URL.Query().Get("authRequestID")
	require.NotEmpty(h.t, id, "the console sent the browser to the provider's sign-in page")
	res, err = follow.PostForm(h.base+"/demo-idp/login", url.Values{"id": {id}, "username": {username}})
	require.NoError(h.t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(h.t, http.StatusOK, res.StatusCode, "%s", body)
	require.Equal(h.t, "/konsol/", res.Request.URL.Path)
	return c
}

type response struct {
	Status   int
	Body     string
	Location string
}

func (h *harness) get(c *http.Client, path string) response {
	h.t.Helper()
	res, err := c.Get(h.base + path)
	require.NoError(h.t, err)
	return read(h.t, res)
}

func (h *harness) post(c *http.Client, path string, v url.Values, headers ...string) response {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.base+path, strings.NewReader(v.Encode()))
	require.NoError(h.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.Do(req)
	require.NoError(h.t, err)
	return read(h.t, res)
}

func read(t *testing.T, res *http.Response) response {
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return response{Status: res.StatusCode, Body: string(b), Location: res.Header.Get("Location")}
}

var hiddenField = regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`)

// formOf reads a form page's hidden fields (the submission and the revision it was shown at)
// and adds the values given.
func (h *harness) formOf(c *http.Client, path string, values ...string) url.Values {
	h.t.Helper()
	page := h.get(c, path)
	require.Equal(h.t, http.StatusOK, page.Status, page.Body)
	v := url.Values{}
	for _, m := range hiddenField.FindAllStringSubmatch(page.Body, -1) {
		if v.Get(m[1]) == "" {
			v.Set(m[1], m[2])
		}
	}
	for i := 0; i+1 < len(values); i += 2 {
		v.Set(values[i], values[i+1])
	}
	return v
}

// need is a need as the template asks for it.
func need(title string) domain.Registration {
	return domain.Registration{ID: domain.IDFromTitle(title), By: domain.Actor{ID: "programkontoret", Role: domain.RoleOffice},
		Need: domain.Need{Title: title, Problem: "Papper", WhoHasTheNeed: "Nämnder", ExpectedBenefit: "Kortare ledtider",
			AffectedActivities: []string{"Bygg"}, ProposerOrganisation: "Exempelby kommun", ContactEmail: "kontakt@exempelby.example"}}
}
