package console

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// personalFixture: Anna's address is the contact of an open and a closed initiative and of a
// waiting proposal, is in the municipalities' register, and received an e-mail.
func personalFixture(t *testing.T) (*harness, *domain.Initiative, *domain.Initiative) {
	h := newHarness(t)
	ctx := context.Background()
	open := h.fake.add(need("Digital bygglovshandläggning"), domain.StageBacklog, 2027)
	open.Need.ContactEmail = "anna.s@vasby.example"
	closed := h.fake.add(need("Gemensam e-arkivtjänst"), domain.StageWithdrawn, 2026)
	closed.Need.ContactEmail = "anna.s@vasby.example"
	h.fake.add(need("Något annat"), domain.StageBacklog, 2027) // someone else's
	proposed(h, "forslag-aa", "Skolskjuts")
	h.fake.proposals["forslag-aa"].Proposal.Need.ContactEmail = "Anna.S@vasby.example"
	_, err := h.db.AddAddress(ctx, contacts.Entry{Kind: contacts.Municipality, Party: "0114", Email: "anna.s@vasby.example"}, "anna", "ny")
	require.NoError(t, err)
	r, err := h.db.Claim(ctx, mail.Message{Key: "offer/bygglov/0114", To: []string{"anna.s@vasby.example"}, Subject: "Erbjudande om bygglov", Body: "Hej Anna", Created: time.Now()}, time.Hour)
	require.NoError(t, err)
	require.Equal(t, mail.Claimed, r)
	require.NoError(t, h.db.MarkSent(ctx, "offer/bygglov/0114"))
	return h, open, closed
}

// The office answers a request: a search by address (in any case) finds the initiatives, the
// waiting proposal, the register's address and the e-mail; the export is a file with all of it;
// an erasure without a reason changes nothing; with one, the address goes from the open
// initiative (a forget_contact message as the signed-in person), the register, the change log
// and the e-mail, and the closed initiative and the proposal are said to stay. Every step is
// logged without the address. The leadership may not.
func TestTheOfficeAnswersARequestForAccessAndErasure(t *testing.T) {
	h, open, closed := personalFixture(t)
	anna := h.signIn("anna")
	assert.Equal(t, http.StatusOK, h.get(anna, "/konsol/personuppgifter").Status)
	assert.Equal(t, http.StatusForbidden, h.get(h.signIn("lena"), "/konsol/personuppgifter").Status)

	bad := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"sok"}, "email": {"anna"}})
	assert.Equal(t, http.StatusUnprocessableEntity, bad.Status)
	assert.Contains(t, bad.Body, "Skriv en e-postadress")

	found := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"sok"}, "email": {"ANNA.S@vasby.example"}})
	require.Equal(t, http.StatusOK, found.Status)
	for _, want := range []string{"Det här finns om anna.s@vasby.example", "Digital bygglovshandläggning", "Gemensam e-arkivtjänst",
		"Avslutat: uppgifterna tas bort av Temporal 30 dagar", "Skolskjuts", "Kommunernas kontaktadresser: 0114",
		"1 rader i adressregistrens ändringslogg", "Erbjudande om bygglov", "Adressen tas bort ur 1 pågående initiativ"} {
		assert.Contains(t, found.Body, want)
	}
	assert.NotContains(t, found.Body, "Något annat")

	export := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"export"}, "email": {"anna.s@vasby.example"}})
	require.Equal(t, http.StatusOK, export.Status)
	var file findings
	require.NoError(t, json.Unmarshal([]byte(export.Body), &file))
	assert.Len(t, file.Initiatives, 2)
	assert.Len(t, file.Proposals, 1)
	assert.Len(t, file.Database.Addresses, 1)
	require.Len(t, file.Database.Mail, 1)
	assert.Equal(t, "Hej Anna", file.Database.Mail[0].Body)
	assert.Equal(t, "anna.andersson@programkontoret.example", file.MadeBy)

	noReason := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"radera"}, "email": {"anna.s@vasby.example"}, "submission": {submissionID()}})
	assert.Equal(t, http.StatusUnprocessableEntity, noReason.Status)
	assert.Contains(t, noReason.Body, "Skriv skälet")
	assert.Equal(t, "anna.s@vasby.example", open.Need.ContactEmail, "nothing changed")
	assert.Empty(t, h.fake.messages())

	erased := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"radera"}, "email": {"anna.s@vasby.example"}, "reason": {"Begäran 2026-17"}, "submission": {submissionID()}})
	require.Equal(t, http.StatusOK, erased.Status)
	assert.Contains(t, erased.Body, "Raderat: adressen i 1 initiativ, namnet i svar från 0 kommuner, 1 adresser i registren, 1 rader i ändringsloggen och 1 e-postmeddelanden.")
	assert.Empty(t, open.Need.ContactEmail)
	assert.Equal(t, "anna.s@vasby.example", closed.Need.ContactEmail, "a closed initiative cannot change; retention removes it")
	msgs := h.fake.messages()
	require.Len(t, msgs, 1)
	assert.Equal(t, contract.MsgForgetContact, msgs[0].Name)
	assert.Equal(t, domain.Actor{ID: "anna.andersson@programkontoret.example", Role: domain.RoleOffice}, msgs[0].Payload.(domain.ForgetContact).By)
	left, err := h.db.FindPerson(context.Background(), "anna.s@vasby.example")
	require.NoError(t, err)
	assert.Empty(t, left.Addresses)
	assert.Empty(t, left.Changes)
	assert.Empty(t, left.Mail)

	requests := h.logs.FilterMessageSnippet("personal data request")
	assert.Equal(t, 3, requests.Len(), "search, export, erasure (a refused form is not a request)")
	for _, e := range h.logs.All() {
		for k, v := range e.ContextMap() {
			assert.NotContains(t, strings.ToLower(toString(v)), "anna.s@", "the log repeats no address (%s)", k)
		}
	}
}

// A request by name: the answers a person gave for their municipality are found in any case,
// exported with their name and comment, and erased so that the decision stays and the name,
// role and comment go (a forget_answerer message naming municipality and versions only).
func TestAnAnswererIsFoundAndErasedByName(t *testing.T) {
	h := newHarness(t)
	id := offerRound(h)
	round := h.fake.rounds[id]
	round.Answers[2].Comment = "Vi har redan en tjänst"
	anna := h.signIn("anna")

	empty := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"sok"}})
	assert.Equal(t, http.StatusUnprocessableEntity, empty.Status)
	assert.Contains(t, empty.Body, "Skriv en e-postadress, ett namn eller båda")

	found := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"sok"}, "name": {"  MALIN "}})
	require.Equal(t, http.StatusOK, found.Status)
	assert.Contains(t, found.Body, "Det här finns om MALIN")
	assert.Contains(t, found.Body, "kommunen 1280, 1 versioner av svaret")

	export := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"export"}, "name": {"Malin"}})
	var file findings
	require.NoError(t, json.Unmarshal([]byte(export.Body), &file))
	require.Len(t, file.Answers, 1)
	assert.Equal(t, "Vi har redan en tjänst", file.Answers[0].Answers[0].Comment)

	erased := h.post(anna, "/konsol/personuppgifter", url.Values{"do": {"radera"}, "name": {"Malin"}, "reason": {"Begäran 18"}, "submission": {submissionID()}})
	require.Equal(t, http.StatusOK, erased.Status)
	assert.Contains(t, erased.Body, "namnet i svar från 1 kommuner")
	a := round.Answers[2]
	assert.Equal(t, "1280", a.Municipality)
	assert.Empty(t, a.Name)
	assert.Empty(t, a.Comment)
	assert.Equal(t, domain.AnswerNo, a.Answer, "the municipality's decision stays")
	msgs := h.fake.messages()
	require.Len(t, msgs, 1)
	assert.Equal(t, domain.ForgetAnswerer{Meta: domain.Meta{By: domain.Actor{ID: "anna.andersson@programkontoret.example", Role: domain.RoleOffice}, Reason: "Begäran 18"},
		Municipality: "1280", Versions: []int{1}}, msgs[0].Payload)
	for _, e := range h.logs.All() {
		assert.NotContains(t, strings.ToLower(toString(e.ContextMap())), "malin", "the log repeats no name")
	}
}

func toString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
