package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A burst of answers beyond the limit is refused with 429, a Retry-After and a page that says
// nothing was saved; the refused requests record nothing, and another address still gets in.
func TestABurstBeyondTheLimitIsRefusedAndChangesNothing(t *testing.T) {
	f := newFixture(t)
	f.handler = web.NewSite(web.SiteConfig{Limits: web.Limits{Answer: web.Limit{Every: time.Hour, Burst: 3}},
		Answers: &web.Config{Verifier: f.links, Offers: f.offers, Now: f.clock.Now, FormSecret: []byte(strings.Repeat("k", 32))}})
	form := f.formFor("1280", complete("yes")...)                                   // 1: the form
	require.Equal(t, http.StatusOK, f.post("/svar/"+f.tokens["1280"], form).status) // 2: the answer
	require.Equal(t, http.StatusOK, f.get("/svar/"+f.tokens["1280"]).status)        // 3
	before := len(f.offers.Versions(webtestOffer, "1280"))

	changed := form
	changed.Set("choice", "no")
	for _, r := range []response{f.post("/svar/"+f.tokens["1280"], changed), f.get("/svar/" + f.tokens["1280"])} {
		assert.Equal(t, http.StatusTooManyRequests, r.status)
		assert.Equal(t, "3600", r.header.Get("Retry-After"))
		assert.Contains(t, r.body, "<h1>För många förfrågningar</h1>")
		assert.Contains(t, r.body, "Ingenting har sparats eller ändrats.")
		assert.NotContains(t, r.body, "<form")
	}
	assert.Len(t, f.offers.Versions(webtestOffer, "1280"), before, "the refused answer changed nothing")

	other := httptest.NewRequest(http.MethodGet, "/svar/"+f.tokens["2584"], nil)
	other.RemoteAddr = "198.51.100.20:4000"
	assert.Equal(t, http.StatusOK, f.do(other).status, "another address is not limited")
}
