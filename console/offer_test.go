package console

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// offerRound gives the harness an initiative whose offer is out to four municipalities:
// Stockholm said no then yes, Malmö no, Kiruna yes after the deadline, Upplands Väsby nothing.
func offerRound(h *harness) string {
	in := h.fake.add(need("Erbjudet"), domain.StageOfferRound, 2027)
	in.Offer = &domain.OfferRoundRef{WorkflowID: "offer-" + in.ID}
	ms := []domain.OfferMunicipality{{Code: "0114", Name: "Upplands Väsby", CountyCode: "01", Population: 50000},
		{Code: "0180", Name: "Stockholm", CountyCode: "01", Population: 980000},
		{Code: "1280", Name: "Malmö", CountyCode: "12", Population: 360000},
		{Code: "2584", Name: "Kiruna", CountyCode: "25", Population: 22000}}
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, domain.Stockholm())
	h.fake.rounds[in.ID] = &domain.OfferRound{OfferSetup: domain.OfferSetup{InitiativeID: in.ID, Municipalities: ms, Rule: domain.DefaultDecisionRule(),
		Content: domain.OfferContent{InitiativeID: in.ID, Title: "Erbjudet"}, Deadline: at},
		Answers: []domain.AnswerVersion{{Municipality: "0180", Version: 1, Answer: domain.AnswerNo, At: at},
			{Municipality: "0180", Version: 2, Answer: domain.AnswerYes, Name: "=HYPERLINK(\"x\")", Role: "Kommundirektör", At: at},
			{Municipality: "1280", Version: 1, Answer: domain.AnswerNo, Name: "Malin", At: at},
			{Municipality: "2584", Version: 1, Answer: domain.AnswerYes, Name: "Kim", At: at, Late: true}}}
	return in.ID
}

// The office and the leadership follow an offer round: the tally against the rule (a chart
// and the same figures as a table), per county, who has not answered with their contacts, who
// joined late; the figures for the live update; the CSV for Swedish Excel. Others may not.
func TestTheOfferDashboard(t *testing.T) {
	h := newHarness(t)
	id := offerRound(h)
	_, err := h.db.AddAddress(context.Background(), contacts.Entry{Kind: contacts.Municipality, Party: "0114", Email: "registrator@vasby.example"}, "x", "")
	require.NoError(t, err)
	lena := h.signIn("lena")
	assert.Contains(t, h.get(lena, "/konsol/initiativ/"+id).Body, "/konsol/initiativ/"+id+"/erbjudande")
	res := h.get(lena, "/konsol/initiativ/"+id+"/erbjudande")
	require.Equal(t, http.StatusOK, res.Status, res.Body)
	for _, want := range []string{"2 ja, 1 nej och 1 har inte svarat", "71,0 %", "regelns gräns 60,0 % är nådd",
		`<td id="share-pop">71,0 %</td>`, "Stockholms län", "Upplands Väsby", "registrator@vasby.example", "Anslöt efter sista svarsdag (1)", "Kiruna"} {
		assert.Contains(t, res.Body, want)
	}
	var live dashboardData
	js := h.get(lena, "/konsol/initiativ/"+id+"/erbjudande.json")
	require.NoError(t, json.Unmarshal([]byte(js.Body), &live))
	assert.Equal(t, 2, live.Yes)
	assert.Equal(t, "71.0", live.BarPop)

	csv := h.get(lena, "/konsol/initiativ/"+id+"/erbjudande.csv")
	require.True(t, strings.HasPrefix(csv.Body, "\uFEFFKommunkod;Kommun;Län;Svar"), "UTF-8 with BOM and semicolons, for Swedish Excel")
	assert.Contains(t, csv.Body, `0180;Stockholm;Stockholms län;Ja;;"'=HYPERLINK(""x"")";Kommundirektör`, "a formula is neutralised")
	assert.Contains(t, csv.Body, "0114;Upplands Väsby;Stockholms län;Har inte svarat")

	for _, who := range []string{"karin", "nils"} {
		assert.Equal(t, http.StatusForbidden, h.get(h.signIn(who), "/konsol/initiativ/"+id+"/erbjudande").Status, who)
	}
	assert.Equal(t, http.StatusNotFound, h.get(lena, "/konsol/initiativ/finns-inte/erbjudande").Status)
}

// The office says where the seminar is held: the message goes to the offer round as the
// signed-in person, in canonical form; a link that is not https is shown again on its field
// and nothing is sent; the initiative page offers the action only while the round runs.
func TestTheOfficeSaysWhereTheSeminarIsHeld(t *testing.T) {
	h := newHarness(t)
	id := offerRound(h)
	h.fake.rounds[id].Seminar = h.fake.now.AddDate(0, 0, 14)
	anna := h.signIn("anna")
	page := h.get(anna, "/konsol/initiativ/"+id)
	assert.Contains(t, page.Body, `href="/konsol/initiativ/`+id+`/seminarium"`)

	path := "/konsol/initiativ/" + id + "/seminarium"
	res := h.post(anna, path, h.formOf(anna, path, "reason", "Lokal bokad"))
	assert.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Contains(t, res.Body, `href="#f-place"`, "an empty venue leads to its first field")
	assert.Contains(t, res.Body, "ange en plats, en adress eller en videolänk")
	res = h.post(anna, path, h.formOf(anna, path, "link", "http://mote.example.se", "reason", "Lokal bokad"))
	assert.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Contains(t, res.Body, `href="#f-link"`)
	assert.Contains(t, res.Body, "videolänken ska börja med https://")
	assert.Empty(t, h.fake.messages())

	res = h.post(anna, path, h.formOf(anna, path, "place", "  SKR,   Hornsgatan 20 ", "link", "https://mote.example.se/bygglov", "reason", "Lokal bokad"))
	require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	msgs := h.fake.messages()
	require.Len(t, msgs, 1)
	assert.Equal(t, "offer-"+id, msgs[0].Workflow)
	c := msgs[0].Payload.(domain.SetSeminarVenue)
	assert.Equal(t, email("anna"), c.By.ID, "the sender is the signed-in person")
	assert.Equal(t, domain.Venue{Place: "SKR, Hornsgatan 20", Link: "https://mote.example.se/bygglov"}, c.Venue)
	assert.Equal(t, c.Venue, h.fake.rounds[id].SeminarVenue)

	backlog := h.fake.add(need("Tidigt"), domain.StageBacklog, 2027)
	assert.NotContains(t, h.get(anna, "/konsol/initiativ/"+backlog.ID).Body, "/seminarium")
}
