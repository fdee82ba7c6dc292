package web_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/skr/handslag/internal/browsertest"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The need form in a real browser: the empty form, the form with every missing field named,
// and the receipt pass axe-core with headings in order; a keyboard user fills and sends it,
// and never reaches the field meant for bots.
func TestBrowserTheNeedForm(t *testing.T) {
	b := browsertest.Start(t)
	back := &proposals{}
	srv := httptest.NewServer(web.NewSite(web.SiteConfig{Proposals: &web.ProposalConfig{Proposals: back,
		FormSecret: []byte("a-form-secret-of-thirty-two-byte"), MinFillTime: time.Millisecond}}))
	t.Cleanup(srv.Close)
	ctx := b.Tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/forslag")))
	browsertest.WaitFor(t, ctx, "#submit")
	b.CheckPage(t, ctx, "the need form")

	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#submit"))))
	browsertest.WaitFor(t, ctx, "#error-summary")
	b.CheckPage(t, ctx, "the need form with errors")
	assert.Zero(t, back.count())

	for id, v := range map[string]string{"f-title": "Gemensam e-arkivtjänst", "f-problem": "Papper", "f-who_has_the_need": "Arkiven",
		"f-expected_benefit": "Bevarande", "f-affected_activities": "Arkiv", "f-proposer_organisation": "Exempelby kommun",
		"f-contact_email": "arkiv@exempelby.example"} {
		require.NoError(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#"+id), v)))
	}
	n, err := browsertest.TabTo(ctx, "f-webbplats", 40)
	assert.Error(t, err, "the bots' field is never reached by Tab (%d presses)", n)
	browsertest.TabToVisibly(t, ctx, "submit")
	browsertest.Keys(t, ctx, browsertest.Enter)
	browsertest.WaitFor(t, ctx, "#done")
	b.CheckPage(t, ctx, "the receipt")
	assert.Equal(t, 1, back.count())
}
