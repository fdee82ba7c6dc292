package activities

import (
	"testing"
	"time"

	"github.com/skr/handslag/activities/offerfakes"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"
)

func implBatch(kind string) ImplMailBatch {
	return ImplMailBatch{ImplNoticeBase: ImplNoticeBase{InitiativeID: "bygglov", Title: "Bygglov", Owner: "Inera"},
		Kind: kind, Ref: "2027-06", At: time.Date(2027, 7, 1, 9, 0, 0, 0, domain.Stockholm()),
		To: []domain.ImplParticipant{{Code: "0180", Name: "Stockholm"}, {Code: "1480", Name: "Göteborg"}}}
}

// Each municipality's digest and invitation carries its own signed link (in the body and for
// the List-Unsubscribe header), which verifies as an unsubscribe of exactly that initiative
// and municipality; the office's copy carries none. Without links the e-mails ask for a reply.
func TestImplementationMailCarriesAPersonalUnsubscribeLink(t *testing.T) {
	signer, err := answerlink.NewUnsubscribeSigner(answerlink.Single(make([]byte, 32)))
	require.NoError(t, err)
	for _, kind := range []string{domain.ActDigest, domain.ActInvitation} {
		t.Run(kind, func(t *testing.T) {
			var s testsuite.WorkflowTestSuite
			env := s.NewTestActivityEnvironment()
			sender := &offerfakes.Sender{}
			a := offerActivities(sender)
			a.Unsubscribe = signer
			env.RegisterActivity(a)
			_, err := env.ExecuteActivity(a.SendImplementationMail, implBatch(kind))
			require.NoError(t, err)
			b := implBatch(kind)
			for _, code := range []string{"0180", "1480"} {
				m, ok := sender.Get(ImplMailKey(b, code))
				require.True(t, ok, code)
				assert.Equal(t, signer.URL("https://handslag.example", "bygglov", code), m.Unsubscribe)
				assert.Contains(t, m.Body, "Avsluta dem här:\n"+m.Unsubscribe)
				assert.NotContains(t, m.Body, "AVSLUTA")
				assert.NotContains(t, m.Body, "{")
				tok := m.Unsubscribe[len("https://handslag.example"+answerlink.UnsubscribePathPrefix):]
				claims, err := signer.Verify(tok)
				require.NoError(t, err)
				assert.Equal(t, answerlink.UnsubscribeClaims{InitiativeID: "bygglov", Municipality: code}, claims)
			}
			office, ok := sender.Get(ImplMailKey(b, "office"))
			require.True(t, ok)
			assert.Empty(t, office.Unsubscribe)
			assert.Contains(t, office.Body, "personlig länk")
		})
	}

	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	sender := &offerfakes.Sender{}
	a := offerActivities(sender)
	env.RegisterActivity(a)
	_, err = env.ExecuteActivity(a.SendImplementationMail, implBatch(domain.ActDigest))
	require.NoError(t, err)
	m, ok := sender.Get(ImplMailKey(implBatch(domain.ActDigest), "0180"))
	require.True(t, ok)
	assert.Empty(t, m.Unsubscribe)
	assert.Contains(t, m.Body, "ordet AVSLUTA", "without links, the reply still works")
}

// A digest with one event says "1 händelse", not "1 händelser".
func TestADigestCountsItsEventsInGoodSwedish(t *testing.T) {
	for n, want := range map[int]string{1: "(1 händelse)", 2: "(2 händelser)"} {
		var s testsuite.WorkflowTestSuite
		env := s.NewTestActivityEnvironment()
		sender := &offerfakes.Sender{}
		a := offerActivities(sender)
		env.RegisterActivity(a)
		b := implBatch(domain.ActDigest)
		for i := range n {
			b.Events = append(b.Events, domain.ImplEvent{At: b.At.AddDate(0, 0, -i-1), Kind: domain.EvHearingHeld, Ref: "2027-1"})
		}
		_, err := env.ExecuteActivity(a.SendImplementationMail, b)
		require.NoError(t, err)
		m, ok := sender.Get(ImplMailKey(b, "0180"))
		require.True(t, ok)
		assert.Contains(t, m.Body, want)
	}
}
