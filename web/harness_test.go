package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
	"github.com/skr/handslag/web/webtest"
	"github.com/stretchr/testify/require"
)

// clock is a settable time source shared by the handler and the fake offer round.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// fixture is the web handler over the demo offer round, at 2027-02-10 10:00 Stockholm time.
type fixture struct {
	t       *testing.T
	clock   *clock
	offers  *webtest.Offers
	links   *webtest.Links
	tokens  map[string]string // municipality code -> token
	handler http.Handler
}

func newFixture(t *testing.T, wrap ...func(web.Offers) web.Offers) *fixture {
	c := &clock{t: time.Date(2027, 2, 10, 10, 0, 0, 0, domain.Stockholm())}
	offers, links, tokens := webtest.Demo(c.Now)
	var o web.Offers = offers
	for _, w := range wrap {
		o = w(o)
	}
	h := web.New(web.Config{Verifier: links, Offers: o, Now: c.Now, FormSecret: []byte(strings.Repeat("k", 32))})
	return &fixture{t: t, clock: c, offers: offers, links: links, tokens: tokens, handler: h}
}

// deadline is the demo offer's answer deadline.
func (f *fixture) deadline() time.Time {
	return time.Date(2027, 3, 12, 17, 0, 0, 0, domain.Stockholm())
}

type response struct {
	status int
	header http.Header
	body   string
}

func (f *fixture) do(req *http.Request) response {
	rec := httptest.NewRecorder()
	f.handler.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	return response{status: rec.Code, header: rec.Result().Header, body: string(body)}
}

func (f *fixture) get(path string) response {
	return f.do(httptest.NewRequest(http.MethodGet, path, nil))
}

func (f *fixture) post(path string, form url.Values) response {
	return f.do(postRequest(path, form))
}

var hiddenField = regexp.MustCompile(`name="(submission_id|form_key)" value="([^"]*)"`)

// formFor opens the link of a municipality and returns the hidden fields of its form with the
// given answer filled in (pairs of name, value).
func (f *fixture) formFor(code string, fields ...string) url.Values {
	page := f.get("/svar/" + f.tokens[code])
	require.Equal(f.t, http.StatusOK, page.status, page.body)
	return withFields(f.t, page.body, fields...)
}

// withFields takes the hidden fields of the form in body and adds name, value pairs.
func withFields(t *testing.T, body string, fields ...string) url.Values {
	v := url.Values{}
	for _, m := range hiddenField.FindAllStringSubmatch(body, -1) {
		v.Set(m[1], m[2])
	}
	require.Len(t, v, 2, "the page has a form with a submission ID and a form key")
	for i := 0; i+1 < len(fields); i += 2 {
		v.Set(fields[i], fields[i+1])
	}
	return v
}

// complete is a full, valid answer.
const webtestOffer = webtest.DemoOfferID

func complete(choice string) []string {
	return []string{"choice", choice, "name", "Anna Andersson", "role", "Kommundirektör", "comment", "Vi ser fram emot det."}
}

func postRequest(path string, form url.Values) *http.Request {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}
