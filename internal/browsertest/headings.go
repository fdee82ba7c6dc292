package browsertest

import (
	"context"

	"github.com/chromedp/chromedp"
)

// HeadingLevels returns the levels of the page's headings in document order (1 for h1, ...),
// so a test can check they start at 1 and never skip a level.
func HeadingLevels(ctx context.Context) ([]int, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[[]int](
		`Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => Number(h.tagName[1]))`))
}

// HeadingsInOrder reports whether levels start at 1 with one h1 and never go down more than
// one level at a time.
func HeadingsInOrder(levels []int) bool {
	if len(levels) == 0 || levels[0] != 1 {
		return false
	}
	h1s := 0
	for i, l := range levels {
		if l == 1 {
			h1s++
		}
		if i > 0 && l > levels[i-1]+1 {
			return false
		}
	}
	return h1s == 1
}
