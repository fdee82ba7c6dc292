package activities

import (
	"context"
	"testing"
	"time"

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
	a := &Activities{Sender: mail.Outbox{Ledger: box}, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.se"}
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
}
