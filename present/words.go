package present

import (
	"strings"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// Word says a code of the domain in words ("relevance.high" -> "hög"); a code the catalogue
// does not know is shown as it is.
func Word(lang i18n.Lang, kind, code string) string {
	key := kind + "." + code
	if i18n.Has(lang, key) || i18n.Has(i18n.Swedish, key) {
		return i18n.T(lang, key)
	}
	return code
}

// TimelineEvent says an initiative's timeline event in words: "stage:triaged" -> "till steget
// Triagerad", "requirement:verified_need" -> "ska-krav: verifierat behov ...".
func TimelineEvent(lang i18n.Lang, event string) string {
	kind, rest, _ := strings.Cut(event, ":")
	switch kind {
	case "stage":
		return i18n.T(lang, "event.stage", "stage", Word(lang, "stage", rest))
	case "requirement":
		return i18n.T(lang, "event.requirement", "requirement", Word(lang, "requirement", rest))
	case "escalated":
		return i18n.T(lang, "event.escalated", "what", Word(lang, "waiting", rest))
	case "offer":
		phase, verdict, _ := strings.Cut(rest, ":")
		if phase == string(domain.PhaseLateJoiners) {
			return i18n.T(lang, "event.offer.late_joiners", "count", verdict)
		}
		return i18n.T(lang, "event.offer", "phase", Word(lang, "offer.phase", phase), "verdict", Word(lang, "offer.verdict", verdict))
	}
	if i18n.Has(i18n.Swedish, "event."+event) {
		return i18n.T(lang, "event."+event)
	}
	return event
}

// VenueText is a venue as lines of an e-mail, each after a line break ("" for no venue), so
// that a text can put it right after the sentence that names the meeting.
func VenueText(lang i18n.Lang, v domain.Venue) string {
	var b strings.Builder
	for _, f := range []struct{ key, value string }{{"venue.place", v.Place}, {"venue.address", v.Address}, {"venue.link", v.Link}} {
		if f.value != "" {
			b.WriteString("\n" + i18n.T(lang, f.key, "value", f.value))
		}
	}
	return b.String()
}
