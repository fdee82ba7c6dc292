package browsertest

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The steps every page test takes, failing the test with what went wrong.

// Text is the text of the first element sel matches.
func Text(t testing.TB, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	require.NoError(t, err, sel)
	return s
}

// Focused is the ID of the focused element.
func Focused(t testing.TB, ctx context.Context) string {
	t.Helper()
	id, err := FocusedID(ctx)
	require.NoError(t, err)
	return id
}

// TabToVisibly moves the focus with Tab to the element with the ID, and checks that the
// focus is visible there.
func TabToVisibly(t testing.TB, ctx context.Context, id string) {
	t.Helper()
	_, err := TabTo(ctx, id, 60)
	require.NoError(t, err)
	outline, err := FocusOutline(ctx)
	require.NoError(t, err)
	assert.True(t, outline.Width >= 2 && outline.Style != "none", "focus on #%s is visible: %+v", id, outline)
}

// Keys presses keys.
func Keys(t testing.TB, ctx context.Context, keys ...string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, Press(keys...)))
}

// WaitFor waits until an element sel matches is visible.
func WaitFor(t testing.TB, ctx context.Context, sel string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel))), "waiting for %s", sel)
}

// CheckPage checks a page with axe-core (WCAG 2.1 A and AA, and axe's best practices, which
// include landmarks and heading order) and that its headings start at h1 and skip no level.
func (b *Browser) CheckPage(t testing.TB, ctx context.Context, page string) {
	t.Helper()
	b.CheckAxe(t, ctx, page, "best-practice")
	levels, err := HeadingLevels(ctx)
	require.NoError(t, err)
	assert.True(t, HeadingsInOrder(levels), "headings of %s in order: %v", page, levels)
}
