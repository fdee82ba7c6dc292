package workflows

import (
	"testing"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"
)

// Where the seminar is held: the validator refuses a wrong sender, a link that is not https
// and a venue once the seminar has begun; an accepted venue is in the round's status (which
// the answer form and the municipalities' pages read), and a later one sent as a signal
// replaces it.
func TestTheSeminarVenueIsSetByUpdateOrSignal(t *testing.T) {
	ms := sweden(t)[:5]
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	office := domain.Meta{By: domain.Actor{ID: "anna", Role: domain.RoleOffice}, Reason: "Lokalen bokad"}
	venue := domain.Venue{Place: "SKR, Hornsgatan 20", Link: "https://mote.example.se/bygglov"}
	results := map[string]*error{}
	send := func(name string, at int, c domain.SetSeminarVenue) {
		var err error
		results[name] = &err
		h.at(sthlm(2027, 2, 20, 10, at), func() {
			h.env.UpdateWorkflow(contract.MsgSeminarVenue, name, &testsuite.TestUpdateCallback{
				OnAccept: func() {}, OnReject: func(e error) { err = e }, OnComplete: func(_ interface{}, e error) { err = e },
			}, c)
		})
	}
	send("wrong-sender", 0, domain.SetSeminarVenue{Meta: domain.Meta{By: linkActor, Reason: "x"}, Venue: venue})
	send("http", 1, domain.SetSeminarVenue{Meta: office, Venue: domain.Venue{Link: "http://mote.example.se"}})
	send("ok", 2, domain.SetSeminarVenue{Meta: office, Venue: venue})
	var afterUpdate, afterSignal contract.OfferStatus
	h.at(sthlm(2027, 2, 20, 11, 0), func() { afterUpdate = h.status() })
	h.at(sthlm(2027, 2, 21, 9, 0), func() {
		h.env.SignalWorkflow(contract.MsgSeminarVenue, domain.SetSeminarVenue{Meta: office, Venue: domain.Venue{Address: "Hornsgatan 20, Stockholm"}})
	})
	h.at(sthlm(2027, 2, 21, 10, 0), func() { afterSignal = h.status() })
	send2 := func() {
		var err error
		results["begun"] = &err
		h.at(sthlm(2027, 2, 24, 13, 0), func() {
			h.env.UpdateWorkflow(contract.MsgSeminarVenue, "begun", &testsuite.TestUpdateCallback{
				OnAccept: func() {}, OnReject: func(e error) { err = e }, OnComplete: func(_ interface{}, e error) { err = e },
			}, domain.SetSeminarVenue{Meta: office, Venue: venue})
		})
	}
	send2()
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DecisionRule{MinYes: 1}))
	require.True(t, h.env.IsWorkflowCompleted())

	assert.ErrorContains(t, *results["wrong-sender"], string(domain.CodeForbiddenRole))
	assert.ErrorContains(t, *results["http"], "venue_link")
	require.NoError(t, *results["ok"])
	assert.ErrorContains(t, *results["begun"], "seminar_begun")
	assert.Equal(t, venue, afterUpdate.SeminarVenue)
	assert.Equal(t, domain.Venue{Address: "Hornsgatan 20, Stockholm"}, afterSignal.SeminarVenue, "a later venue replaces it")
	assert.Equal(t, domain.Venue{Address: "Hornsgatan 20, Stockholm"}, h.status().SeminarVenue, "the seminar's refusal changed nothing")
}
