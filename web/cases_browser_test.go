package web_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/skr/handslag/internal/browsertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openCaseList serves the case list (45 cases, three pages) to a headless chromium and opens
// path in a new tab.
func openCaseList(t *testing.T, b *browsertest.Browser, path string) context.Context {
	srv := httptest.NewServer(newCaseList(42))
	t.Cleanup(srv.Close)
	ctx := b.Tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)))
	return ctx
}

// Every state of the page passes axe-core (WCAG 2.1 A and AA, and best practices) with its
// headings in order: the list, a later page, a filter without matches, and a refused filter.
func TestBrowserCaseListIsAccessible(t *testing.T) {
	b := browsertest.Start(t)
	for _, tt := range []struct{ name, path, h1 string }{
		{"the case list", "/arenden", "Ärendelista"},
		{"the last page", "/arenden?page=3", "Ärendelista"},
		{"a filter without matches", "/arenden?stage=implementation&q=finns+inte", "Ärendelista"},
		{"a refused filter", "/arenden?year=tjugo", "Ärendelista"},
		{"a case's own page", "/arenden/gemensam-e-tjanst-for-bygglov", "Gemensam e-tjänst för bygglov"},
		{"a case that does not exist", "/arenden/saknas", "Ärendet finns inte"},
		{"a page that does not exist", "/arenden/saknas/mer", "Sidan finns inte"},
	} {
		ctx := openCaseList(t, b, tt.path)
		assert.Equal(t, tt.h1, text(t, ctx, "h1"), tt.name)
		checkPage(t, b, ctx, tt.name)
	}
}

// A keyboard user filters the list and pages through it; focus is always visible.
func TestBrowserCaseListByKeyboard(t *testing.T) {
	b := browsertest.Start(t)
	ctx := openCaseList(t, b, "/arenden")
	press(t, ctx, browsertest.Tab)
	assert.Equal(t, "skip-link", focused(t, ctx))

	// Owner: "Alla" -> SKR -> Adda with the arrow keys, then the search box, then submit.
	tabTo(t, ctx, "filter-owner")
	press(t, ctx, kb.ArrowDown, kb.ArrowDown)
	tabTo(t, ctx, "filter-q")
	press(t, ctx, "skolplattform")
	tabTo(t, ctx, "filter-submit")
	press(t, ctx, browsertest.Enter)
	waitFor(t, ctx, "#case-skolplattform")
	assert.Equal(t, "1 ärende matchar.", text(t, ctx, "#result-count"))
	owner, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('filter-owner').value`))
	require.NoError(t, err)
	assert.Equal(t, "Adda", owner, "the form keeps the filter")

	// Paging: the next-page link is reached by Tab and followed with Enter.
	tabTo(t, ctx, "filter-clear")
	press(t, ctx, browsertest.Enter)
	waitFor(t, ctx, "#page-next")
	tabTo(t, ctx, "page-next")
	press(t, ctx, browsertest.Enter)
	waitFor(t, ctx, "#page-prev")
	assert.Contains(t, text(t, ctx, "#result-count"), "Sida 2 av 3.")
	current, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[aria-current=page]').textContent`))
	require.NoError(t, err)
	assert.Equal(t, "2", current)
}

// At 320 CSS pixels (400 % zoom) the page does not scroll sideways: the table scrolls inside
// its own region, which a keyboard user can focus and scroll.
func TestBrowserCaseListReflows(t *testing.T) {
	b := browsertest.Start(t)
	ctx := openCaseList(t, b, "/arenden")
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(320, 800), chromedp.Reload()))
	waitFor(t, ctx, "#cases")
	sideways, err := browsertest.ScrollsSideways(ctx)
	require.NoError(t, err)
	assert.False(t, sideways, "no sideways scrolling of the page at 320 px")
	// The region overflows and takes focus (visibly: tabTo checks the outline), so the browser
	// lets a keyboard user scroll it with the arrow keys.
	tabTo(t, ctx, "cases-region")
	overflows, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const r = document.getElementById('cases-region'); return r.scrollWidth > r.clientWidth })()`))
	require.NoError(t, err)
	assert.True(t, overflows, "the table scrolls inside its region")
}
