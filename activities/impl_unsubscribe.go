package activities

import "github.com/skr/handslag/i18n"

// UnsubscribeLinks makes the signed, personal link with which a municipality stops the
// implementation e-mails (digests, hearing invitations) of one initiative; answerlink's
// UnsubscribeSigner implements it.
type UnsubscribeLinks interface {
	URL(baseURL, initiativeID, municipalityCode string) string
}

// unsubscribeURL is the municipality's unsubscribe link, "" when no links are configured.
func (a *Activities) unsubscribeURL(initiativeID, code string) string {
	if a.Unsubscribe == nil {
		return ""
	}
	return a.Unsubscribe.URL(a.BaseURL, initiativeID, code)
}

// stopSentence tells the reader how to stop the e-mails: the link when there is one, else
// the old way (reply AVSLUTA, the office records it); the office's copy says the
// municipalities have links.
func (a *Activities) stopSentence(recipient, title, url string) string {
	switch {
	case recipient == "office" && a.Unsubscribe != nil:
		return i18n.T(a.Lang, "unsub.mail.office")
	case url != "":
		return i18n.T(a.Lang, "unsub.mail.link", "title", title, "url", url)
	}
	return i18n.T(a.Lang, "unsub.mail.reply", "title", title)
}
