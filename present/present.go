// Package present renders domain values the way people read them, in the user's language:
// the same words in the CLI, the web pages and the e-mails.
package present

import (
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// ImplEventLine renders one implementation event in plain language, for digests, status
// output and the newsletter.
func ImplEventLine(lang i18n.Lang, e domain.ImplEvent) string {
	return e.At.In(domain.Stockholm()).Format("2006-01-02") + " " +
		i18n.T(lang, "impl.event."+e.Kind, "ref", e.Ref, "detail", e.Detail, "reason", e.Reason)
}
