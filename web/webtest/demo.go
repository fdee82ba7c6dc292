package webtest

import (
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
)

// DemoOfferID is the offer Demo registers.
const DemoOfferID = "2027-gemensam-e-tjanst-for-bygglov"

// DemoMunicipalities are the municipalities Demo sends its offer to (code -> name).
var DemoMunicipalities = map[string]string{"0114": "Upplands Väsby", "1280": "Malmö", "2584": "Kiruna"}

// DemoOffer is a realistic offer, with the deadline and the seminar given.
func DemoOffer(deadline, seminar time.Time) web.OfferView {
	return web.OfferView{
		OfferID: DemoOfferID,
		Title:   "Gemensam e-tjänst för bygglov",
		What: "En gemensam e-tjänst där invånare och företag söker bygglov digitalt. " +
			"Tjänsten kopplas till kommunens ärendehanteringssystem.",
		WhoDoesWhat: "Inera bygger och förvaltar e-tjänsten.\nKommunen ansluter sitt ärendesystem " +
			"och utser en kontaktperson för införandet.",
		EffectGoal:           "Minst 80 procent av bygglovsansökningarna kommer in digitalt och kompletta.",
		Cost:                 "Anslutning 25 000 kronor. Därefter en årsavgift efter invånarantal.",
		Financing:            "SKR finansierar utvecklingen. Kommunerna betalar anslutning och drift.",
		ImplementationPeriod: "1 september 2027 – 31 augusti 2028",
		AnswerDeadline:       deadline,
		SeminarDate:          seminar,
		SeminarVenue:         domain.Venue{Place: "SKR, Hornsgatan 20, Stockholm", Link: "https://mote.example.se/bygglov"},
		DecisionRule: "Införandet startar om kommuner med minst 60 procent av Sveriges invånare " +
			"svarar ja senast sista svarsdag.",
	}
}

// Demo returns a fake offer round with DemoOffer sent to DemoMunicipalities, a link register,
// and one issued link per municipality (code -> token). The deadline is 30 days after now().
func Demo(now func() time.Time) (*Offers, *Links, map[string]string) {
	if now == nil {
		now = time.Now
	}
	start := now().In(domain.Stockholm())
	deadline := time.Date(start.Year(), start.Month(), start.Day()+30, 17, 0, 0, 0, domain.Stockholm())
	seminar := time.Date(start.Year(), start.Month(), start.Day()+7, 13, 0, 0, 0, domain.Stockholm())
	offers, links := NewOffers(now), NewLinks()
	offers.Add(DemoOffer(deadline, seminar), DemoMunicipalities)
	tokens := map[string]string{}
	for code := range DemoMunicipalities {
		tokens[code] = links.Issue(DemoOfferID, code)
	}
	return offers, links, tokens
}
