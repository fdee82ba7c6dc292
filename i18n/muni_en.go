package i18n

var muniEnglish = map[string]string{
	"muni.title":              "Offers to {municipality}",
	"muni.lead":               "Every offer made to the municipality with its answer, and the implementations the municipality takes part in. Any of the municipality's personal links leads here; share it only with those who answer for the municipality.",
	"muni.link":               "Every offer and implementation of {municipality}",
	"muni.offers":             "Offers",
	"muni.no_offers":          "The municipality has received no offers yet.",
	"muni.answered":           "Answer: {choice}, by {name}, {when}.",
	"muni.not_answered":       "Not answered.",
	"muni.deadline":           "Last day to answer: {deadline}.",
	"muni.deadline_passed":    "The last day was {deadline}. The municipality may still join.",
	"muni.closed":             "The offer round has closed.",
	"muni.seminar":            "Information seminar: {when}.",
	"muni.answer":             "Answer the offer of {title}",
	"muni.change_answer":      "See or change the answer on {title}",
	"muni.see_offer":          "See the offer of {title}",
	"muni.implementations":    "Implementations the municipality takes part in",
	"muni.no_implementations": "The municipality takes part in no implementation yet.",
	"muni.hearings":           "Hearings:",
	"muni.hearing_held":       "held",
	"muni.subscribed":         "The municipality receives digests and invitations.",
	"muni.unsubscribe":        "Stop the e-mails about {title}",
	"muni.unsubscribed":       "The municipality has stopped the e-mails about the implementation.",
}

func init() { merge(english, muniEnglish) }
