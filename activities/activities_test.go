package activities

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"
)

func TestNotifyEscalationSendsOncePerKey(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	box := mail.NewMemory()
	a := &Activities{Sender: mail.Outbox{Ledger: box}, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.se",
		BaseURL: "https://handslag.example"}
	env.RegisterActivity(a)
	n := EscalationNotice{IdempotencyKey: "escalation/x/february_review/2026", InitiativeID: "x", Title: "Bygglov",
		Stage: "february_review", Waiting: "decision:quick_analysis", Deadline: time.Date(2026, 3, 15, 17, 0, 0, 0, time.UTC)}
	for i, want := range []bool{true, false} {
		v, err := env.ExecuteActivity(a.NotifyEscalation, n)
		require.NoError(t, err)
		var res NotifyResult
		require.NoError(t, v.Get(&res))
		assert.Equal(t, want, res.Sent, "attempt %d", i)
	}
	msgs, err := box.Messages(context.Background())
	require.NoError(t, err)
	require.Len(t, msgs, 1)
	assert.Contains(t, msgs[0].Subject, "Bygglov")
	assert.Contains(t, msgs[0].Body, "beslut om snabbanalys")
	assert.Equal(t, []string{"ledningen@example.se"}, msgs[0].To)
	assert.Contains(t, msgs[0].Body, "Fatta beslutet i konsolen:\nhttps://handslag.example/konsol/initiativ/x/beslut\n", "it leads to the page where the decision is taken")
	assert.NotContains(t, msgs[0].Body, "handslag ", "no command to run")
}

// The e-mails to the office, the leadership and the owners lead to the console, not to
// command lines: every text that names a console page has its link, and none names a CLI
// command instead.
func TestStaffMailsLinkToTheConsole(t *testing.T) {
	for _, key := range []string{"mail.escalation.body", "mail.lists_closed.body", "mail.cycle_escalation.body",
		"mail.round_open.body", "mail.list_reminder.body", "mail.valuation_open.body", "mail.valuation_reminder.body",
		"impl.mail.report_reminder.body", "impl.mail.report_escalation.body", "mail.outcome.body"} {
		for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
			text := i18n.T(lang, key)
			assert.True(t, strings.Contains(text, "{link}") || strings.Contains(text, "{report}"), "%s (%s) has a console link", key, lang)
			assert.NotContains(t, text, "'handslag ", "%s (%s)", key, lang)
			assert.NotContains(t, text, "  handslag ", "%s (%s)", key, lang)
		}
	}
}

// Each notice leads its reader to the page where they act on it: the leadership to the
// decision it owes, to the gate its cycle waits at, to the offer's dashboard; the office to
// the address register; a member to its own list.
func TestNoticesLinkToWhereTheReaderActs(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{escalationPage(EscalationNotice{InitiativeID: "x", Waiting: "decision:offer"}), "/konsol/initiativ/x/beslut"},
		{escalationPage(EscalationNotice{InitiativeID: "x", Waiting: "quick_analysis"}), "/konsol/initiativ/x"},
		{cycleNoticePage(CycleNotice{Year: 2027, Kind: "cycle_escalation", Phase: "quick_analysis_decision"}), "/konsol/cykel/2027/beslut/snabbanalys"},
		{cycleNoticePage(CycleNotice{Year: 2027, Kind: "cycle_escalation", Phase: "offer_decision"}), "/konsol/cykel/2027/beslut/erbjudande"},
		{cycleNoticePage(CycleNotice{Year: 2027, Kind: "lists_closed"}), "/konsol/cykel/2027"},
	} {
		assert.Equal(t, c.want, c.got)
	}
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	box := mail.NewMemory()
	a := &Activities{Sender: mail.Outbox{Ledger: box}, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.se",
		OfficeAddress: "kansliet@example.se", BaseURL: "https://handslag.example/"}
	env.RegisterActivity(a)
	_, err := env.ExecuteActivity(a.NotifyMissingContacts, MissingContactsNotice{OfferID: "offer-x", Content: domain.OfferContent{InitiativeID: "x", Title: "Bygglov"},
		Kind: MailOffer, Missing: []domain.OfferMunicipality{{Code: "0180", Name: "Stockholm"}}})
	require.NoError(t, err)
	_, err = env.ExecuteActivity(a.NotifyOfferOutcome, OutcomeNotice{Content: domain.OfferContent{InitiativeID: "x", Title: "Bygglov"}, Phase: domain.PhaseDeadline})
	require.NoError(t, err)
	msgs, err := box.Messages(context.Background())
	require.NoError(t, err)
	require.Len(t, msgs, 2)
	assert.Contains(t, msgs[0].Body, "adressregistret:\nhttps://handslag.example/konsol/adresser/kommuner\n")
	assert.Contains(t, msgs[1].Body, "konsolen:\nhttps://handslag.example/konsol/initiativ/x/erbjudande")
}
