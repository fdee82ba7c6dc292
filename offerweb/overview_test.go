package offerweb

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// overviewBackend has an implemented initiative (bygglov) Stockholm answered and takes part in,
// an offer round Stockholm is not part of (arkiv), and an initiative in the backlog.
type overviewBackend struct {
	rounds map[string]domain.OfferRound
	impls  map[string]contract.ImplementationStatus
	asked  []string
}

func (b *overviewBackend) List(context.Context, admin.Filter) ([]admin.Summary, error) {
	return []admin.Summary{{ID: "bygglov", Stage: domain.StageImplementation}, {ID: "arkiv", Stage: domain.StageOfferRound},
		{ID: "ny", Stage: domain.StageBacklog}}, nil
}

func (b *overviewBackend) OfferRound(_ context.Context, id string) (domain.OfferRound, error) {
	b.asked = append(b.asked, "offer:"+id)
	r, ok := b.rounds[id]
	if !ok {
		return r, &admin.Error{Key: "error.no_offer_round"}
	}
	return r, nil
}

func (b *overviewBackend) ImplementationStatus(_ context.Context, id string) (contract.ImplementationStatus, error) {
	b.asked = append(b.asked, "impl:"+id)
	return b.impls[id], nil
}

// The overview finds the offers a municipality was part of, with its latest answer and a link
// signed for that offer and municipality, and the implementations it takes part in, with the
// unsubscribe link and whether it has unsubscribed; it asks nothing of initiatives that never
// reached an offer.
func TestOverviewOfAMunicipality(t *testing.T) {
	f := newFake(t, 3)
	bygglov := *f.rounds["bygglov"]
	at := sthlm(2027, 3, 10, 9, 0)
	bygglov.Submit(domain.SubmitAnswers{Meta: domain.Meta{By: DefaultSender, Reason: "svar"}, Answers: []domain.AnswerInput{
		{Municipality: "0180", Answer: domain.AnswerYes, Name: "Kim Svensson", Role: "Kommundirektör", SubmissionID: "s1"}}}, at)
	arkiv := bygglov
	arkiv.Municipalities = arkiv.Municipalities[1:]
	arkiv.Answers = nil
	b := &overviewBackend{rounds: map[string]domain.OfferRound{"bygglov": bygglov, "arkiv": arkiv},
		impls: map[string]contract.ImplementationStatus{"bygglov": {Stage: domain.StageImplementation, Implementation: domain.Implementation{
			Title: "E-tjänst för bygglov", Participants: []domain.ImplParticipant{{Code: "0180"}},
			Hearings:     []domain.Hearing{{ID: "2027-1", At: at, Status: domain.HearingHeld}},
			Unsubscribed: []domain.Unsubscription{{Municipality: "0180"}}}}}}
	signer, err := answerlink.NewSigner([]byte(strings.Repeat("k", 32)))
	require.NoError(t, err)
	o := Overviews{Backend: b, Answers: signer, Unsubscribe: signer.ForUnsubscribe(), Now: func() time.Time { return at }}

	ov, err := o.Overview(context.Background(), "0180")
	require.NoError(t, err)
	assert.Equal(t, "Stockholm", ov.Name)
	require.Len(t, ov.Offers, 1, "only the rounds it was part of")
	e := ov.Offers[0]
	assert.Equal(t, "E-tjänst för bygglov", e.Title)
	require.NotNil(t, e.Current)
	assert.Equal(t, web.Yes, e.Current.Choice)
	assert.Equal(t, "Kim Svensson", e.Current.Name)
	assert.False(t, e.DeadlinePassed)
	claims, err := signer.Verify(strings.TrimPrefix(e.AnswerPath, "/svar/"))
	require.NoError(t, err)
	assert.Equal(t, answerlink.Claims{OfferID: contract.OfferRoundWorkflowID("bygglov"), Municipality: "0180"}, claims)

	require.Len(t, ov.Implementations, 1)
	im := ov.Implementations[0]
	assert.True(t, im.Unsubscribed)
	assert.Equal(t, []web.HearingEntry{{At: at, Held: true}}, im.Hearings)
	u, err := signer.ForUnsubscribe().Verify(strings.TrimPrefix(im.UnsubscribePath, web.UnsubscribePathPrefix))
	require.NoError(t, err)
	assert.Equal(t, "bygglov", u.InitiativeID)
	assert.Equal(t, "0180", u.Municipality)
	assert.Equal(t, []string{"offer:bygglov", "impl:bygglov", "offer:arkiv"}, b.asked, "nothing asked of the backlog")
}
