// Package present renders domain values the way people read them, in the user's language:
// the same words in the CLI, the web pages and the e-mails.
package present

import (
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// ImplEventLine renders one implementation event in plain language for what goes to
// municipalities and the public (digests, the newsletter): without the free-text reason, which
// may name people or internal matters.
func ImplEventLine(lang i18n.Lang, e domain.ImplEvent) string {
	return e.At.In(domain.Stockholm()).Format("2006-01-02") + " " +
		i18n.T(lang, "impl.event."+e.Kind, "ref", e.Ref, "detail", e.Detail)
}

// ImplEventLineWithReason is ImplEventLine with the reason given for the event, for the office's
// own views (impl status).
func ImplEventLineWithReason(lang i18n.Lang, e domain.ImplEvent) string {
	line := ImplEventLine(lang, e)
	if e.Reason != "" {
		line += " – " + i18n.T(lang, "impl.event.reason", "reason", e.Reason)
	}
	return line
}
