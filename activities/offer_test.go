package activities

import (
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/activities/offerfakes"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"
)

var fourMunicipalities = []domain.OfferMunicipality{
	{Code: "0180", Name: "Stockholm", CountyCode: "01", Population: 988943},
	{Code: "1480", Name: "Göteborg", CountyCode: "14", Population: 604616},
	{Code: "1280", Name: "Malmö", CountyCode: "12", Population: 362133},
	{Code: "2584", Name: "Kiruna", CountyCode: "25", Population: 22423},
}

func offerActivities(s *offerfakes.Sender, missing ...string) *Activities {
	m := map[string]bool{}
	for _, c := range missing {
		m[c] = true
	}
	return &Activities{Sender: s, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.se", OfficeAddress: "kontoret@example.se",
		Register: offerfakes.Register(fourMunicipalities), Addresses: offerfakes.Contacts{Missing: m}, Links: offerfakes.Links{},
		BaseURL: "https://handslag.example"}
}

func offerBatch(kind MailKind) OfferMailBatch {
	loc := domain.Stockholm()
	return OfferMailBatch{Kind: kind, OfferID: "offer-bygglov", DaysBefore: 3,
		Content: domain.OfferContent{InitiativeID: "bygglov", Title: "Bygglov", What: "En e-tjänst", WhoDoesWhat: "Inera bygger",
			EffectGoal: "Hälften digitalt", Cost: "12 mnkr", Financing: "Abonnemang", ImplementationPeriod: "2027-05-01..2029-12-31"},
		Seminar: time.Date(2027, 3, 1, 13, 0, 0, 0, loc), Deadline: time.Date(2027, 4, 1, 17, 0, 0, 0, loc), To: fourMunicipalities}
}

func TestSendOfferMailOncePerMunicipalityWithLinkAndSeminar(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	sender := &offerfakes.Sender{}
	a := offerActivities(sender, "2584")
	env.RegisterActivity(a)
	for i, want := range []OfferMailResult{{Sent: 3, MissingContacts: []string{"2584"}}, {AlreadySent: 3, MissingContacts: []string{"2584"}}} {
		v, err := env.ExecuteActivity(a.SendOfferMail, offerBatch(MailOffer))
		require.NoError(t, err)
		var res OfferMailResult
		require.NoError(t, v.Get(&res))
		assert.Equal(t, want, res, "run %d", i)
	}
	msgs := sender.Messages()
	require.Len(t, msgs, 3)
	m, ok := sender.Get("offer/bygglov/0180")
	require.True(t, ok)
	assert.Equal(t, []string{offerfakes.Address("0180")}, m.To)
	assert.Equal(t, "Erbjudande till Stockholm: Bygglov", m.Subject)
	for _, want := range []string{"https://handslag.example/svar/offer-bygglov/0180?sig=fake", "lanseringsseminariet 1 mars 2027 kl. 13.00",
		"1 maj 2027 – 31 december 2029",
		"senast 1 april 2027 kl. 17.00", "Inera bygger", "12 mnkr"} {
		assert.Contains(t, m.Body, want)
	}
}

// A retried batch resumes after the last heartbeat: the messages before it are not even
// attempted again.
func TestSendOfferMailResumesFromItsHeartbeat(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	sender := &offerfakes.Sender{}
	a := offerActivities(sender)
	env.RegisterActivity(a)
	env.SetHeartbeatDetails(mailProgress{Next: 2, Result: OfferMailResult{Sent: 2}})
	v, err := env.ExecuteActivity(a.SendOfferMail, offerBatch(MailReminder))
	require.NoError(t, err)
	var res OfferMailResult
	require.NoError(t, v.Get(&res))
	assert.Equal(t, OfferMailResult{Sent: 4}, res)
	assert.Equal(t, 2, sender.Puts, "only the last two were attempted")
	m, ok := sender.Get("reminder/bygglov/3/1280")
	require.True(t, ok)
	assert.Contains(t, m.Subject, "Påminnelse")
	assert.Contains(t, m.Body, "3 dagar kvar")
}

func TestReceiptRepeatsTheAnswer(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	sender := &offerfakes.Sender{}
	a := offerActivities(sender, "2584")
	env.RegisterActivity(a)
	at := time.Date(2027, 4, 2, 10, 0, 0, 0, domain.Stockholm())
	b := ReceiptBatch{OfferID: "offer-bygglov", Content: offerBatch(MailOffer).Content, Deadline: offerBatch(MailOffer).Deadline,
		Receipts: []AnswerReceipt{
			{Municipality: fourMunicipalities[0], Answer: domain.AnswerVersion{Municipality: "0180", Version: 2, Answer: domain.AnswerYes,
				Name: "Kim Svensson", Role: "Kommundirektör", Comment: "Vi är med", Source: domain.SourceLink, At: at, Late: true}},
			{Municipality: fourMunicipalities[3], Answer: domain.AnswerVersion{Municipality: "2584", Version: 1, Answer: domain.AnswerNo}},
		}}
	v, err := env.ExecuteActivity(a.SendReceipts, b)
	require.NoError(t, err)
	var res OfferMailResult
	require.NoError(t, v.Get(&res))
	assert.Equal(t, OfferMailResult{Sent: 1, MissingContacts: []string{"2584"}}, res)
	m, ok := sender.Get(ReceiptKey("bygglov", "0180", 2))
	require.True(t, ok)
	for _, want := range []string{"Svar: Ja (sen anslutning", "Namn: Kim Svensson", "Roll: Kommundirektör", "Kommentar: Vi är med",
		"2 april 2027 kl. 10.00, via svarslänken (version 2)"} {
		assert.Contains(t, m.Body, want)
	}
}

func TestOutcomeAndMissingContactNotices(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	sender := &offerfakes.Sender{}
	a := offerActivities(sender)
	env.RegisterActivity(a)
	_, err := env.ExecuteActivity(a.NotifyOfferOutcome, OutcomeNotice{OfferID: "offer-bygglov", Content: offerBatch(MailOffer).Content,
		Phase: domain.PhaseLifted, Go: true, Rule: domain.DefaultDecisionRule(), Deadline: offerBatch(MailOffer).Deadline,
		Tally: domain.Tally{Municipalities: 290, Yes: 150, No: 100, NotAnswered: 40, LateYes: 3, YesSharePopulation: 0.6012, YesShareMunicipalities: 150.0 / 290}})
	require.NoError(t, err)
	m, ok := sender.Get(OutcomeKey("bygglov", domain.PhaseLifted))
	require.True(t, ok)
	assert.Equal(t, []string{"ledningen@example.se"}, m.To)
	assert.Equal(t, "Erbjudandet Bygglov: Genomförande (tillräckligt många ja) efter sena anslutningar", m.Subject)
	assert.Contains(t, m.Body, "60,1 % av befolkningen")
	assert.Contains(t, m.Body, "sena ja: 3")

	_, err = env.ExecuteActivity(a.NotifyMissingContacts, MissingContactsNotice{OfferID: "offer-bygglov",
		Content: offerBatch(MailOffer).Content, Kind: MailOffer, Missing: fourMunicipalities[2:]})
	require.NoError(t, err)
	m, ok = sender.Get("missing-contacts/bygglov/offer")
	require.True(t, ok)
	assert.Equal(t, []string{"kontoret@example.se"}, m.To)
	assert.True(t, strings.Contains(m.Body, "- 1280 Malmö\n- 2584 Kiruna"), m.Body)
}

func TestMunicipalitiesNeedsARegister(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	a := &Activities{}
	env.RegisterActivity(a)
	_, err := env.ExecuteActivity(a.Municipalities)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no municipality register")
}
