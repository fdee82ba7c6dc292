package i18n

var unsubEnglish = map[string]string{
	"unsub.mail.link":        "To stop receiving e-mails about {title}, follow this link:\n{url}",
	"unsub.mail.reply":       "To stop receiving e-mails about {title}, reply with the word STOP and the programme office removes you.",
	"unsub.mail.office":      "The municipalities can stop these e-mails with a personal link in theirs.",
	"unsub.reason.link":      "Stopped the e-mails with the link in the e-mail",
	"unsub.reason.one_click": "Stopped the e-mails with the mail program's unsubscribe button (RFC 8058)",

	"unsub.site":          "Handslag for digitalisation",
	"unsub.confirm.title": "Stop e-mails about {title}",
	"unsub.confirm.body": "Should {municipality} stop receiving digests and hearing invitations about the implementation of {title}? " +
		"This applies to all of the municipality's contacts.",
	"unsub.confirm.button":     "Yes, stop the e-mails",
	"unsub.confirm.keep":       "To keep receiving them, do nothing. You can close this page.",
	"unsub.confirm.expired":    "The form was too old. Press the button again to stop the e-mails.",
	"unsub.done.title":         "The e-mails have stopped",
	"unsub.done.body":          "{municipality} no longer receives digests or invitations about {title}.",
	"unsub.done.already_title": "The e-mails had already stopped",
	"unsub.done.already_body":  "{municipality} already receives no digests or invitations about {title}. Nothing more to do.",
	"unsub.done.undo":          "A mistake? Contact the programme office to receive them again.",
	"unsub.closed.title":       "The implementation has ended",
	"unsub.closed.body":        "The implementation of {title} has ended, so no more e-mails are sent. Nothing to do.",
	"unsub.refused.title":      "The link does not work",
	"unsub.refused.body":       "The unsubscribe link is not valid. It may have been cut short or changed.",
	"unsub.refused.help":       "Copy the whole link from the e-mail and try again, or contact the programme office.",
	"unsub.foreign.title":      "The e-mails could not be stopped",
	"unsub.foreign.body":       "The request came from another website and was not recorded. Open the link in the e-mail and press the button there.",
	"unsub.unknown.title":      "No such e-mails",
	"unsub.unknown.body":       "We find no e-mails about this implementation to your municipality. Contact the programme office if you still receive them.",
	"unsub.unavailable.title":  "The service is not available right now",
	"unsub.unavailable.body":   "We could not stop the e-mails just now. Please try again in a while.",
	"unsub.unavailable.help":   "If it still does not work later, contact the programme office.",

	"unsub.status.label":   "Stopped e-mails",
	"unsub.status.whole":   "{code} {name}: all contacts, {date} (by {by})",
	"unsub.status.address": "{code} {name}: only {email}, {date} (by {by})",

	"unsub.owner.none": "No e-mail address for {owner} is set (in the address register), " +
		"so this reminder goes to the programme office only. Please forward it to {owner}.",
	"unsub.owner.none_no_owner": "The initiative has no owner, so this reminder goes to the programme office only.",
}

func init() { merge(english, unsubEnglish) }
