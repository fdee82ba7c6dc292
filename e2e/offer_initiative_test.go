package e2e

import (
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/offerweb"
	"github.com/skr/handslag/starter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
)

// An initiative at the offer decision is offered; it starts its offer round as a child, the
// office registers an answer through the CLI, status and CSV export show it; a withdrawal
// closes the initiative and cancels the round.
func TestOfferedInitiativeRunsItsRoundThroughTheCLI(t *testing.T) {
	s, sender, _ := startOfferSystem(t)
	ctx := context.Background()
	const id = "e2e-erbjudande"
	s.offerInitiative(id)
	require.Eventually(t, func() bool { return len(sender.Messages()) == 290 }, 20*time.Second, 50*time.Millisecond, "290 offers")

	// The office registers Stockholm's yes; a second time with the same submission id changes nothing.
	answer := []string{"offer", "answer", id, "--municipality", "0180", "--yes", "--name", "Kim Svensson",
		"--role", "Kommundirektör", "--submission-id", "telefon-1", "--by", "programkontoret.e2e"}
	assert.Contains(t, s.mustCLI(answer...), "version 1")
	assert.Contains(t, s.mustCLI(answer...), "redan registrerat")
	code, out := s.cli("offer", "answer", id, "--municipality", "9999", "--no", "--name", "K", "--role", "R", "--by", "programkontoret.e2e")
	assert.Equal(t, starter.ExitRejected, code)
	assert.Contains(t, out, "Kommunkoden 9999")

	assert.Contains(t, s.mustCLI("status", id), "handslag offer status "+id)
	out = s.mustCLI("offer", "status", id)
	for _, want := range []string{"Lanseringsseminarium", "1 ja, 0 nej, 289 har inte svarat av 290", "290 skickade"} {
		assert.Contains(t, out, want)
	}
	rows, err := csv.NewReader(strings.NewReader(s.mustCLI("offer", "export", id))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 1+290)
	var stockholm []string
	for _, r := range rows {
		if r[0] == "0180" {
			stockholm = r
		}
	}
	require.NotNil(t, stockholm)
	assert.Equal(t, []string{"0180", "Stockholm", "01", "995600", "1", "true", "yes", "Kim Svensson", "Kommundirektör"}, stockholm[:9])
	assert.Equal(t, []string{"office", "programkontoret.e2e", "telefon-1"}, stockholm[10:13])

	// No personal data in the round's search attributes or memo.
	desc, err := s.admin.Temporal.DescribeWorkflowExecution(ctx, contract.OfferRoundWorkflowID(id), "")
	require.NoError(t, err)
	assert.NotContains(t, desc.String(), "Kim Svensson")
	assert.NotContains(t, desc.String(), "kommun.example")

	s.mustCLI("withdraw", id, "--reason", "Ersätts av nationell tjänst", "--by", "programkontoret.e2e")
	require.Eventually(t, func() bool {
		d, err := s.admin.Temporal.DescribeWorkflowExecution(ctx, contract.OfferRoundWorkflowID(id), "")
		return err == nil && d.GetWorkflowExecutionInfo().GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_CANCELED
	}, 10*time.Second, 50*time.Millisecond, "the withdrawal cancels the round")
	code, out = s.cli(answer...)
	assert.Equal(t, starter.ExitRejected, code)
	assert.Contains(t, out, "avslutat")
	// The closed round's last state says so, and the answer form shows it closed.
	round, err := s.admin.OfferRound(ctx, id)
	require.NoError(t, err)
	assert.True(t, round.Closed, "a cancelled round takes no more answers")
	view, err := offerweb.New(offerweb.AdminBackend{Admin: s.admin}, offerweb.Options{}).View(ctx, contract.OfferRoundWorkflowID(id), "0180")
	require.NoError(t, err)
	assert.True(t, view.Closed, "the answer form shows a withdrawn offer as closed")

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.InitiativeWorkflowID(id), "", "../workflows/testdata/history_offer_initiative_withdrawn.json")
		recordRun(t, s, contract.OfferRoundWorkflowID(id), "", "../workflows/testdata/history_offer_round_cancelled.json")
	}
}

// offerInitiative starts an initiative at the offer decision, with its qualification and every
// must-requirement met, and has the leadership offer it: its offer round starts at once.
func (s *system) offerInitiative(id string) {
	s.t.Helper()
	startOfferDecision(s.t, s, id, domain.DefaultCalendar())
	s.mustCLI("decide", id, "--gate", "offer", "--verdict", "approve", "--reason", "Beslut om erbjudande", "--by", "ledningen.e2e")
	s.waitForStage(id, string(domain.StageOfferRound), 10*time.Second)
}
