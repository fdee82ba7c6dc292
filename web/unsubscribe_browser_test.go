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

// Every unsubscribe page passes axe-core (WCAG 2.1 A and AA, and best practices) with its
// headings in order, and a keyboard user stops the e-mails with Tab and Enter: the question
// with its button, the receipt, the receipt on a second visit, an ended implementation and a
// forged link.
func TestBrowserUnsubscribeIsAccessibleAndWorksByKeyboard(t *testing.T) {
	b := browsertest.Start(t)
	f := newUnsubFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)
	open := func(path string) context.Context {
		ctx := b.Tab(t)
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)))
		return ctx
	}

	ctx := open(f.path("0180"))
	assert.Equal(t, "Avsluta utskick om Digital bygglovshandläggning", text(t, ctx, "h1"))
	checkPage(t, b, ctx, "the unsubscribe question")
	tabTo(t, ctx, "unsubscribe")
	press(t, ctx, browsertest.Enter)
	waitFor(t, ctx, "h1")
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitNotPresent(chromedp.CSS("#unsubscribe"))))
	assert.Equal(t, "Utskicken är avslutade", text(t, ctx, "h1"))
	checkPage(t, b, ctx, "the unsubscribe receipt")
	assert.Len(t, f.subs.requests, 1)

	for _, tt := range []struct{ name, path, h1 string }{
		{"a second visit", f.path("0180"), "Utskicken var redan avslutade"},
		{"a forged link", "/avsluta/AQ.forged", "Länken fungerar inte"},
	} {
		ctx := open(tt.path)
		assert.Equal(t, tt.h1, text(t, ctx, "h1"), tt.name)
		checkPage(t, b, ctx, tt.name)
	}
	f.subs.closed = true
	ctx = open(f.path("1480"))
	assert.Equal(t, "Genomförandet är avslutat", text(t, ctx, "h1"))
	checkPage(t, b, ctx, "an ended implementation")
}
