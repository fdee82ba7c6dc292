package browsertest

import (
	"context"
	"fmt"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Keys for Press.
const (
	Tab   = kb.Tab
	Enter = kb.Enter
	Space = " "
)

// Press sends real key events to whatever has focus, as a keyboard user would: Tab, Enter,
// Space or text to type.
func Press(keys ...string) chromedp.Action[chromedp.Void] {
	steps := make([]chromedp.Action[chromedp.Void], len(keys))
	for i, k := range keys {
		steps[i] = chromedp.KeyEvent(k)
	}
	return chromedp.Steps(steps...)
}

// FocusedID returns the id of the element that has focus, or its tag name when it has no id
// ("BODY" when nothing is focused).
func FocusedID(ctx context.Context) (string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[string](
		`document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : ''`))
}

// TabTo presses Tab until the element with the id has focus, at most max times, and returns
// how many presses it took.
func TabTo(ctx context.Context, id string, max int) (int, error) {
	for n := 1; n <= max; n++ {
		if err := chromedp.Do(ctx, Press(Tab)); err != nil {
			return n, err
		}
		got, err := FocusedID(ctx)
		if err != nil {
			return n, err
		}
		if got == id {
			return n, nil
		}
	}
	return max, fmt.Errorf("#%s did not get focus in %d presses of Tab", id, max)
}

// Outline is the computed outline of an element.
type Outline struct {
	Width float64 `json:"width"` // CSS pixels
	Style string  `json:"style"`
}

// FocusOutline returns the outline of the focused element, to check that focus is visible.
func FocusOutline(ctx context.Context) (Outline, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[Outline](`(() => {
		const s = getComputedStyle(document.activeElement);
		return {width: parseFloat(s.outlineWidth) || 0, style: s.outlineStyle};
	})()`))
}

// ScrollsSideways reports whether the page is wider than the viewport, which at a narrow
// window means the layout does not reflow (WCAG 1.4.10).
func ScrollsSideways(ctx context.Context) (bool, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[bool](
		`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
}
