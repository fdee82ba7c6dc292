package console

import (
	"net/http"
	"testing"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func proposed(h *harness, id, title string) {
	r := need(title)
	h.fake.proposals[id] = &contract.ProposalStatus{Proposal: domain.Proposal{ID: id, Need: r.Need, Received: h.fake.now}}
}

// The office takes proposals from the start page: accepted into the backlog as a new
// initiative sent by the signed-in person, merged into an open one, or declined with a
// reason; a merge into an initiative that is not there is refused in words; the leadership
// reads but does not decide.
func TestTheOfficeDecidesOnProposals(t *testing.T) {
	h := newHarness(t)
	proposed(h, "forslag-aa", "Gemensam e-arkivtjänst")
	proposed(h, "forslag-bb", "E-arkiv igen")
	proposed(h, "forslag-cc", "Något annat")
	anna := h.signIn("anna")
	home := h.get(anna, "/konsol/")
	assert.Contains(t, home.Body, "Föreslagna behov att ta ställning till (3)")

	path := "/konsol/forslag/forslag-aa"
	page := h.get(anna, path)
	require.Equal(t, http.StatusOK, page.Status)
	assert.Contains(t, page.Body, "kontakt@exempelby.example")
	res := h.post(anna, path, h.formOf(anna, path, "verdict", "accept", "reason", "Efterfrågat"))
	require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	assert.Equal(t, "/konsol/initiativ/gemensam-e-arkivtjanst?klart=forslag", res.Location)
	in := h.fake.initiatives["gemensam-e-arkivtjanst"]
	require.NotNil(t, in)
	assert.Equal(t, domain.Actor{ID: email("anna"), Role: domain.RoleOffice}, in.CreatedBy)

	res = h.post(anna, "/konsol/forslag/forslag-bb", h.formOf(anna, "/konsol/forslag/forslag-bb", "verdict", "merge", "into", "finns-inte", "reason", "Samma behov"))
	assert.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Contains(t, res.Body, "finns-inte är inget öppet initiativ att slå ihop förslaget med")
	res = h.post(anna, "/konsol/forslag/forslag-bb", h.formOf(anna, "/konsol/forslag/forslag-bb", "verdict", "merge", "into", "gemensam-e-arkivtjanst", "reason", "Samma behov"))
	require.Equal(t, http.StatusSeeOther, res.Status, res.Body)

	lena := h.signIn("lena")
	assert.Equal(t, http.StatusOK, h.get(lena, "/konsol/forslag/forslag-cc").Status)
	assert.Equal(t, http.StatusForbidden, h.post(lena, "/konsol/forslag/forslag-cc", h.formOf(lena, "/konsol/forslag/forslag-cc", "verdict", "decline", "reason", "r")).Status)
	res = h.post(anna, "/konsol/forslag/forslag-cc", h.formOf(anna, "/konsol/forslag/forslag-cc", "verdict", "decline", "reason", "Ligger utanför handlingsplanen"))
	require.Equal(t, http.StatusSeeOther, res.Status)
	assert.Equal(t, "/konsol/forslag?klart=avslaget", res.Location)
	assert.Contains(t, h.get(anna, "/konsol/forslag").Body, "Inga förslag väntar.")
	assert.Equal(t, http.StatusForbidden, h.get(h.signIn("karin"), "/konsol/forslag").Status)
}
