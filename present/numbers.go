package present

import (
	"fmt"
	"strings"

	"github.com/skr/handslag/i18n"
)

// Percent writes a share (0.583) as people read it, with one decimal: "58,3 %" in Swedish,
// "58.3 %" in English.
func Percent(lang i18n.Lang, share float64) string {
	s := fmt.Sprintf("%.1f %%", share*100)
	if lang != i18n.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
