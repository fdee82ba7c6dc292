package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/starter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Fire-and-forget signals from an admin tool, a missed February decision that is escalated
// (search attribute, status, one notice in the outbox), a deferral to next year, a withdrawal.
func TestSignalsEscalationDeferAndWithdraw(t *testing.T) {
	s := startSystem(t, "", 0)
	file := filepath.Join(t.TempDir(), "need.yaml")
	require.NoError(t, os.WriteFile(file, []byte(need), 0o600))
	id := s.id("digital-namndhantering")
	by := []string{"--by", "programkontoret.e2e", "--signal"}
	// Start two months before February: triage and relevance must land before the season
	// opens, and a loaded machine needs that margin (with 30 ms days, two months are under two
	// seconds; one month, under one, was not always enough).
	s.mustCLI("register", "--file", file, "--id", id, "--demo", "--demo-day", "30ms", "--demo-start", "2025-12-01", "--by", "programkontoret.e2e")
	out := s.mustCLI(append([]string{"triage", id, "--owner", "Adda", "--route", "procurement", "--reason", "Ramavtal"}, by...)...)
	assert.Contains(t, out, "signal")
	s.mustCLI(append([]string{"relevance", id, "--group", "medium", "--municipal", "high", "--reason", "r"}, by...)...)
	// A bad signal is not refused (signals cannot be), but it changes nothing and shows in status.
	s.mustCLI(append([]string{"valuation", id, "--group-score", "3", "--municipal-score", "3", "--comment", "c", "--reason", "r"}, by...)...)
	s.waitForStage(id, "february_review", 10*time.Second)

	deadline := time.Now().Add(20 * time.Second)
	for {
		_, out = s.cli("list", "--escalated")
		if containsID(out, id) {
			break
		}
		require.True(t, time.Now().Before(deadline), "never escalated: %s", out)
		time.Sleep(50 * time.Millisecond)
	}
	out = s.mustCLI("status", id)
	assert.Contains(t, out, "ESKALERAD")
	assert.Contains(t, out, "Avvisad signal: record_valuation")
	msgs := s.mail(id)
	require.Len(t, msgs, 1)
	assert.Contains(t, msgs[0].Subject, "Digital nämndhantering")
	assert.Equal(t, []string{"ledningen@example.org"}, msgs[0].To)

	s.mustCLI("decide", id, "--gate", "quick_analysis", "--verdict", "defer", "--reason", "Inte i år", "--by", "ledningen.e2e")
	s.waitForStage(id, "awaiting_february", 5*time.Second)
	st, err := s.admin.Status(context.Background(), id)
	require.NoError(t, err)
	assert.Equal(t, 2027, st.Initiative.CycleYear)
	assert.False(t, st.Initiative.Escalated())

	s.mustCLI("withdraw", id, "--reason", "Förslagsställaren drog tillbaka", "--by", "programkontoret.e2e")
	s.waitForStage(id, string(domain.StageWithdrawn), 5*time.Second, "--all")
	code, out := s.cli("withdraw", id, "--reason", "igen", "--by", "programkontoret.e2e")
	assert.Equal(t, starter.ExitRejected, code)
	assert.Contains(t, out, "avslutat")

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordHistory(t, s, id, "../workflows/testdata/history_demo_escalation_withdrawn.json")
	}
}

func containsID(out, id string) bool { return strings.Contains(out, id) }
