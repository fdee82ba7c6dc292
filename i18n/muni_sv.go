package i18n

// A municipality's own page (/kommun/<personal link>): every offer with its answer, and the
// implementations it takes part in. Keys start with "muni.".
var muniSwedish = map[string]string{
	"muni.title":              "Erbjudanden till {municipality}",
	"muni.lead":               "Här är alla erbjudanden som har gått till kommunen med svaren, och de genomföranden kommunen deltar i. Sidan nås från alla kommunens personliga länkar; dela den bara med dem som svarar för kommunen.",
	"muni.link":               "Alla erbjudanden och genomföranden för {municipality}",
	"muni.offers":             "Erbjudanden",
	"muni.no_offers":          "Kommunen har inte fått några erbjudanden ännu.",
	"muni.answered":           "Svar: {choice}, av {name}, {when}.",
	"muni.not_answered":       "Inte besvarat.",
	"muni.deadline":           "Sista dag att svara: {deadline}.",
	"muni.deadline_passed":    "Sista dagen var {deadline}. Kommunen kan fortfarande ansluta sig.",
	"muni.closed":             "Svarsomgången är avslutad.",
	"muni.seminar":            "Informationsseminarium: {when}.",
	"muni.answer":             "Svara på erbjudandet om {title}",
	"muni.change_answer":      "Se eller ändra svaret om {title}",
	"muni.see_offer":          "Se erbjudandet om {title}",
	"muni.implementations":    "Genomföranden som kommunen deltar i",
	"muni.no_implementations": "Kommunen deltar inte i något genomförande ännu.",
	"muni.hearings":           "Hearingar:",
	"muni.hearing_held":       "hållen",
	"muni.subscribed":         "Kommunen får sammanfattningar och inbjudningar.",
	"muni.unsubscribe":        "Avsluta utskicken om {title}",
	"muni.unsubscribed":       "Kommunen har avslutat utskicken om genomförandet.",
}

func init() { merge(swedish, muniSwedish) }
