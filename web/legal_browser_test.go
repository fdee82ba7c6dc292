package web_test

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/skr/handslag/internal/browsertest"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The privacy page and the accessibility statement pass axe-core (WCAG 2.1 A and AA and best
// practices), keep their headings in order, and reflow at 320 CSS pixels (the table of
// purposes scrolls in its own region, not the page).
func TestBrowserThePrivacyPageAndTheAccessibilityStatementAreAccessible(t *testing.T) {
	b := browsertest.Start(t)
	srv := httptest.NewServer(web.NewSite(web.SiteConfig{Console: noConsole{}}))
	t.Cleanup(srv.Close)
	for path, h1 := range map[string]string{web.PrivacyPath: "Så hanterar vi personuppgifter", web.AccessibilityPath: "Tillgänglighetsredogörelse"} {
		ctx := b.Tab(t)
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 1024), chromedp.Navigate(srv.URL+path)))
		assert.Equal(t, h1, text(t, ctx, "h1"), path)
		checkPage(t, b, ctx, path)
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(320, 800), chromedp.Reload()))
		browsertest.WaitFor(t, ctx, "h1")
		sideways, err := browsertest.ScrollsSideways(ctx)
		require.NoError(t, err)
		assert.False(t, sideways, "%s scrolls sideways at 320 px", path)
	}
}

// A municipality's own page passes axe-core and reflows at 320 CSS pixels.
func TestBrowserAMunicipalitysPageIsAccessible(t *testing.T) {
	b := browsertest.Start(t)
	s := newMuniSite(t)
	srv := httptest.NewServer(s.h)
	t.Cleanup(srv.Close)
	ctx := b.Tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 1024), chromedp.Navigate(srv.URL+"/kommun/"+s.answer)))
	assert.Equal(t, "Erbjudanden till Malmö", text(t, ctx, "h1"))
	checkPage(t, b, ctx, "a municipality's page")
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(320, 800), chromedp.Reload()))
	browsertest.WaitFor(t, ctx, "h1")
	sideways, err := browsertest.ScrollsSideways(ctx)
	require.NoError(t, err)
	assert.False(t, sideways, "the page scrolls sideways at 320 px")
}
