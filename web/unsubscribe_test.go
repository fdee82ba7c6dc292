package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/web"
	"github.com/skr/handslag/web/webtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unsubLinks verifies with the real unsubscribe signer.
type unsubLinks struct{ s *answerlink.UnsubscribeSigner }

func (l unsubLinks) Verify(token string) (string, string, error) {
	c, err := l.s.Verify(token)
	return c.InitiativeID, c.Municipality, err
}

// fakeSubscriptions is one implementation ("bygglov") with Stockholm and Göteborg taking part.
type fakeSubscriptions struct {
	mu       sync.Mutex
	stopped  map[string]bool
	closed   bool
	failWith error
	requests []web.UnsubscribeRequest
}

func (f *fakeSubscriptions) View(_ context.Context, id, code string) (web.SubscriptionView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	names := map[string]string{"0180": "Stockholm", "1480": "Göteborg"}
	if id != "bygglov" || names[code] == "" {
		return web.SubscriptionView{}, web.ErrUnknownSubscription
	}
	return web.SubscriptionView{Title: "Digital bygglovshandläggning", MunicipalityName: names[code],
		Unsubscribed: f.stopped[code], Closed: f.closed}, nil
}

func (f *fakeSubscriptions) Unsubscribe(_ context.Context, r web.UnsubscribeRequest) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failWith != nil {
		return f.failWith
	}
	f.requests = append(f.requests, r)
	if f.stopped == nil {
		f.stopped = map[string]bool{}
	}
	f.stopped[r.MunicipalityCode] = true
	return nil
}

type unsubFixture struct {
	*fixture // reuses do, get and post
	subs     *fakeSubscriptions
	signer   *answerlink.UnsubscribeSigner
	answers  *answerlink.Signer
}

func newUnsubFixture(t *testing.T) *unsubFixture {
	answers, err := answerlink.NewSigner([]byte(strings.Repeat("s", 32)))
	require.NoError(t, err)
	f := &unsubFixture{subs: &fakeSubscriptions{}, signer: answers.ForUnsubscribe(), answers: answers}
	c := &clock{t: time.Date(2027, 7, 1, 10, 0, 0, 0, time.UTC)}
	h := web.NewUnsubscribe(web.UnsubscribeConfig{Verifier: unsubLinks{f.signer}, Subscriptions: f.subs,
		FormSecret: []byte(strings.Repeat("k", 32)), Now: c.Now})
	f.fixture = &fixture{t: t, clock: c, handler: h}
	return f
}

func (f *unsubFixture) path(code string) string { return "/avsluta/" + f.signer.Token("bygglov", code) }

// A GET shows the question and a button and changes nothing (mail scanners follow links); the
// button's POST stops the e-mails once and shows the receipt; a second POST, or opening the
// link again, says they had already stopped and sends nothing more.
func TestUnsubscribeConfirmThenPost(t *testing.T) {
	f := newUnsubFixture(t)
	page := f.get(f.path("0180"))
	require.Equal(t, http.StatusOK, page.status, page.body)
	assert.Contains(t, page.body, "Avsluta utskick om Digital bygglovshandläggning")
	assert.Contains(t, page.body, "Vill Stockholm sluta få sammanfattningar")
	assert.Contains(t, page.body, `id="unsubscribe"`)
	assert.Equal(t, "no-store", page.header.Get("Cache-Control"))
	assert.Equal(t, "no-referrer", page.header.Get("Referrer-Policy"))
	assert.Empty(t, f.subs.requests, "a GET never unsubscribes")

	form := withFields(t, page.body)
	done := f.post(f.path("0180"), form)
	require.Equal(t, http.StatusOK, done.status, done.body)
	assert.Contains(t, done.body, "Utskicken är avslutade")
	assert.Contains(t, done.body, "Stockholm får inte längre sammanfattningar")
	assert.Equal(t, []web.UnsubscribeRequest{{InitiativeID: "bygglov", MunicipalityCode: "0180"}}, f.subs.requests)

	again := f.post(f.path("0180"), form)
	assert.Equal(t, http.StatusOK, again.status)
	assert.Contains(t, again.body, "Utskicken var redan avslutade")
	reopened := f.get(f.path("0180"))
	assert.Contains(t, reopened.body, "Utskicken var redan avslutade")
	assert.NotContains(t, reopened.body, "<form")
	assert.Len(t, f.subs.requests, 1, "unsubscribing twice sends one update")
}

// Mail clients POST "List-Unsubscribe=One-Click" (RFC 8058), urlencoded or multipart, with no
// form key: that is taken. Any other POST without a valid form key changes nothing.
func TestUnsubscribeOneClickAndFormKeys(t *testing.T) {
	f := newUnsubFixture(t)
	res := f.post(f.path("1480"), url.Values{"List-Unsubscribe": {"One-Click"}})
	require.Equal(t, http.StatusOK, res.status, res.body)
	assert.Equal(t, []web.UnsubscribeRequest{{InitiativeID: "bygglov", MunicipalityCode: "1480", OneClick: true}}, f.subs.requests)

	body := "--b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b--\r\n"
	req, err := http.NewRequest(http.MethodPost, f.path("0180"), strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	res = f.do(req)
	require.Equal(t, http.StatusOK, res.status, res.body)
	assert.Len(t, f.subs.requests, 2, "multipart one-click")

	g := newUnsubFixture(t)
	stale := withFields(t, g.get(g.path("0180")).body)
	g.clock.Set(g.clock.Now().Add(25 * time.Hour))
	for name, form := range map[string]url.Values{
		"no form key":        {},
		"altered key":        {"submission_id": {stale.Get("submission_id")}, "form_key": {stale.Get("form_key") + "x"}},
		"stale form":         stale,
		"another one-click":  {"List-Unsubscribe": {"one-click"}},
		"key of another url": withFields(t, g.get(g.path("1480")).body),
	} {
		res := g.post(g.path("0180"), form)
		assert.Equal(t, http.StatusBadRequest, res.status, name)
		assert.Contains(t, res.body, "Formuläret var för gammalt", name)
		assert.Contains(t, res.body, `id="unsubscribe"`, "%s: the button is offered again", name)
	}
	assert.Empty(t, g.subs.requests)
}

// Forged, altered and foreign links get the refusal page and change nothing; so does an
// answer link used as an unsubscribe link.
func TestUnsubscribeRefusals(t *testing.T) {
	f := newUnsubFixture(t)
	good := f.signer.Token("bygglov", "0180")
	other, err := answerlink.NewUnsubscribeSigner(answerlink.Single([]byte(strings.Repeat("x", 32))))
	require.NoError(t, err)
	for name, token := range map[string]string{
		"altered":     good[:len(good)-1] + "A",
		"cut short":   good[:10],
		"another key": other.Token("bygglov", "0180"),
		"answer link": f.answers.Token("bygglov", "0180"),
		"not a token": "hej",
	} {
		for _, res := range []response{f.get("/avsluta/" + token), f.post("/avsluta/"+token, url.Values{"List-Unsubscribe": {"One-Click"}})} {
			assert.Equal(t, http.StatusForbidden, res.status, name)
			assert.Contains(t, res.body, "Länken fungerar inte", name)
		}
	}
	res := f.get("/avsluta/" + f.signer.Token("bygglov", "2584"))
	assert.Equal(t, http.StatusNotFound, res.status, "a municipality not taking part")
	assert.Contains(t, res.body, "Utskicken finns inte")
	assert.Empty(t, f.subs.requests)
}

// An ended implementation says so, and a fault says to try again later.
func TestUnsubscribeClosedAndUnavailable(t *testing.T) {
	f := newUnsubFixture(t)
	form := withFields(t, f.get(f.path("0180")).body)
	f.subs.closed = true
	res := f.get(f.path("0180"))
	assert.Equal(t, http.StatusOK, res.status)
	assert.Contains(t, res.body, "Genomförandet är avslutat")
	assert.NotContains(t, res.body, "<form")
	res = f.post(f.path("0180"), form)
	assert.Equal(t, http.StatusConflict, res.status)
	assert.Contains(t, res.body, "inga fler utskick")

	f.subs.closed = false
	f.subs.failWith = web.ErrClosed // ended between the page and the button
	res = f.post(f.path("0180"), form)
	assert.Equal(t, http.StatusConflict, res.status)
	assert.Contains(t, res.body, "Genomförandet är avslutat")
	f.subs.failWith = errors.New("temporal unavailable")
	res = f.post(f.path("0180"), form)
	assert.Equal(t, http.StatusServiceUnavailable, res.status)
	assert.Contains(t, res.body, "Försök igen om en stund")
	assert.Empty(t, f.subs.requests)
}

// The whole site: every part answers its own paths through the one route table.
func TestTheSiteRoutesEveryPart(t *testing.T) {
	f := newUnsubFixture(t)
	offers, links, tokens := webtest.Demo(nil)
	f.handler = web.NewSite(web.SiteConfig{
		Answers:     &web.Config{Verifier: links, Offers: offers},
		Unsubscribe: &web.UnsubscribeConfig{Verifier: unsubLinks{f.signer}, Subscriptions: f.subs},
		Cases:       &web.CaseListConfig{Cases: staticCases{records: caseFixtures(0)}},
	})
	assert.Equal(t, http.StatusOK, f.get(f.path("0180")).status)
	assert.Equal(t, http.StatusOK, f.get("/svar/"+tokens["1280"]).status)
	assert.Equal(t, http.StatusOK, f.get("/arenden").status)
	assert.Equal(t, http.StatusOK, f.get("/arenden.csv").status)
	assert.Equal(t, http.StatusOK, f.get("/static/style.css").status)
	res := f.get("/avsluta/")
	assert.Equal(t, http.StatusNotFound, res.status, "no token")
	assert.Contains(t, res.body, "Länken fungerar inte")
	res = f.get("/ingenstans")
	assert.Equal(t, http.StatusNotFound, res.status)
	assert.Contains(t, res.body, "Sidan finns inte")

	// A cross-site POST is refused in the words of the part it was sent to.
	for path, want := range map[string]string{f.path("0180"): "Utskicken kunde inte avslutas", "/svar/" + tokens["1280"]: "Svaret kunde inte tas emot"} {
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader("x=1"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		rec := httptest.NewRecorder()
		f.handler.ServeHTTP(rec, req)
		assert.Equal(t, http.StatusForbidden, rec.Code, path)
		assert.Contains(t, rec.Body.String(), want, path)
	}
	assert.Empty(t, f.subs.requests)
}
