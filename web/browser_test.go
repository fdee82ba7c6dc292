package web_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/skr/handslag/internal/browsertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browserFixture is the answer form served over real HTTP to a headless chromium.
type browserFixture struct {
	*fixture
	b   *browsertest.Browser
	url string
}

func newBrowserFixture(t *testing.T) *browserFixture {
	b := browsertest.Start(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)
	return &browserFixture{fixture: f, b: b, url: srv.URL}
}

// open navigates a new tab to the link of a municipality (or to any path when code starts
// with "/").
func (f *browserFixture) open(t *testing.T, code string) context.Context {
	ctx := f.b.Tab(t)
	path := code
	if code[0] != '/' {
		path = "/svar/" + f.tokens[code]
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(f.url+path)))
	return ctx
}

func text(t *testing.T, ctx context.Context, sel string) string { return browsertest.Text(t, ctx, sel) }

func focused(t *testing.T, ctx context.Context) string { return browsertest.Focused(t, ctx) }

func tabTo(t *testing.T, ctx context.Context, id string) { browsertest.TabToVisibly(t, ctx, id) }

func press(t *testing.T, ctx context.Context, keys ...string) { browsertest.Keys(t, ctx, keys...) }

func waitFor(t *testing.T, ctx context.Context, sel string) { browsertest.WaitFor(t, ctx, sel) }

// checkPage checks a page with axe-core and its heading order (browsertest.CheckPage).
func checkPage(t *testing.T, b *browsertest.Browser, ctx context.Context, page string) {
	t.Helper()
	b.CheckPage(t, ctx, page)
}

func TestBrowserKeyboardOnlyAnswer(t *testing.T) {
	f := newBrowserFixture(t)
	ctx := f.open(t, "1280")
	checkPage(t, f.b, ctx, "the answer form")

	// The first Tab reaches the skip link, which takes focus to the main content.
	press(t, ctx, browsertest.Tab)
	assert.Equal(t, "skip-link", focused(t, ctx))
	press(t, ctx, browsertest.Enter)
	assert.Equal(t, "main", focused(t, ctx))

	tabTo(t, ctx, "choice-yes")
	press(t, ctx, browsertest.Space)
	checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('choice-yes').checked`))
	require.NoError(t, err)
	assert.True(t, checked, "Space chooses yes")
	tabTo(t, ctx, "name")
	press(t, ctx, "Anna Åkesson")
	tabTo(t, ctx, "role")
	press(t, ctx, "Kommundirektör")
	tabTo(t, ctx, "comment")
	press(t, ctx, "Vi deltar gärna i seminariet.")
	tabTo(t, ctx, "submit")
	press(t, ctx, browsertest.Enter)

	waitFor(t, ctx, "#confirmed-choice")
	assert.Equal(t, "Tack! Kommunens svar är registrerat", text(t, ctx, "h1"))
	assert.Equal(t, "Ja, kommunen ansluter sig", text(t, ctx, "#confirmed-choice"))
	checkPage(t, f.b, ctx, "the confirmation")

	versions := f.offers.Versions(webtestOffer, "1280")
	require.Len(t, versions, 1)
	assert.Equal(t, "Anna Åkesson", versions[0].Name)
	assert.Equal(t, "Kommundirektör", versions[0].Role)
	assert.Equal(t, "Vi deltar gärna i seminariet.", versions[0].Comment)
}

func TestBrowserAMissingFieldMovesFocusToTheErrorSummary(t *testing.T) {
	f := newBrowserFixture(t)
	ctx := f.open(t, "2584")
	tabTo(t, ctx, "name")
	press(t, ctx, "Bo Berg")
	tabTo(t, ctx, "submit")
	press(t, ctx, browsertest.Enter)

	waitFor(t, ctx, "#error-summary")
	assert.Equal(t, "error-summary", focused(t, ctx), "focus moves to the error summary")
	assert.Contains(t, text(t, ctx, "#error-summary"), "Välj ja eller nej.")
	assert.Contains(t, text(t, ctx, "#error-summary"), "Skriv din roll i kommunen.")
	assert.NotContains(t, text(t, ctx, "#error-summary"), "Skriv ditt namn.")
	title, err := chromedp.Run(ctx, chromedp.Title())
	require.NoError(t, err)
	assert.Contains(t, title, "Fel:")
	checkPage(t, f.b, ctx, "the form with errors")

	// The summary's first link takes focus to the field it names.
	// The summary's first link takes focus to the group it names; the next Tab is its first
	// radio button. The key press does not submit the form again.
	press(t, ctx, browsertest.Tab, browsertest.Enter)
	assert.Equal(t, "choice", focused(t, ctx))
	press(t, ctx, browsertest.Tab)
	assert.Equal(t, "choice-yes", focused(t, ctx))
	press(t, ctx, browsertest.Space)
	still, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('error-summary') !== null && document.getElementById('choice-yes').checked`))
	require.NoError(t, err)
	assert.True(t, still, "the same page, now with yes chosen")
	assert.Empty(t, f.offers.Versions(webtestOffer, "2584"))
}

func TestBrowserABadLinkIsRefused(t *testing.T) {
	f := newBrowserFixture(t)
	ctx := f.open(t, "/svar/forfalskad-lank")
	assert.Equal(t, "Länken fungerar inte", text(t, ctx, "h1"))
	checkPage(t, f.b, ctx, "the refusal page")
}

// At 640 CSS pixels (a 1280 pixel window at 200 % zoom) and at 320 (400 %) the pages reflow
// into one column without sideways scrolling, and the stylesheet is allowed by the CSP.
func TestBrowserPagesReflowWhenZoomed(t *testing.T) {
	f := newBrowserFixture(t)
	for _, width := range []int64{640, 320} {
		ctx := f.open(t, "0114")
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Reload()))
		press(t, ctx, browsertest.Tab) // and submit empty, for the error state
		tabTo(t, ctx, "submit")
		press(t, ctx, browsertest.Enter)
		waitFor(t, ctx, "#error-summary")
		sideways, err := browsertest.ScrollsSideways(ctx)
		require.NoError(t, err)
		assert.False(t, sideways, "no sideways scrolling at %d px", width)
		bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.site-header')).backgroundColor`))
		require.NoError(t, err)
		assert.Equal(t, "rgb(29, 79, 145)", bg, "the stylesheet is applied")
	}
}
