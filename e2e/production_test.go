package e2e

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const restartNeed = `title: Samlad bygglovshandläggning
problem: Varje kommun bygger sitt eget flöde för bygglov.
who_has_the_need: Kommunernas bygglovshandläggare
expected_benefit: Kortare handläggningstid
affected_activities: [Samhällsbyggnad]
proposer_organisation: Exempelby kommun
contact_email: bygglov@exempelby.example
action_plan_goals: [M5]
`

// While an initiative waits on its timers, the Temporal server process restarts and the worker
// is killed with SIGKILL. An answer sent while no worker runs is kept, the timers still fire,
// the missed February deadline is escalated with exactly one e-mail, and the CLI drives the
// initiative on to the next season. Runs in the production proof (scripts/postgres-proof),
// against the real server binary on PostgreSQL.
func TestServerRestartAndWorkerKillLoseNothing(t *testing.T) {
	s := startSystem(t, "", 0)
	s.requireProcessControl()
	id := s.id("samlad-bygglovshandlaggning")
	file := filepath.Join(t.TempDir(), "need.yaml")
	require.NoError(t, os.WriteFile(file, []byte(restartNeed), 0o600))
	office := []string{"--by", "programkontoret.e2e"}

	// One demo day is 700 ms: February opens about 5 s after registration, its deadline passes
	// about 30 s later, so the disruption below falls on pending timers.
	s.mustCLI(append([]string{"register", "--file", file, "--id", id, "--demo", "--demo-day", "700ms", "--demo-start", "2026-01-25"}, office...)...)
	s.mustCLI(append([]string{"triage", id, "--owner", "Adda", "--route", "procurement", "--reason", "Ramavtal"}, office...)...)
	s.mustCLI(append([]string{"relevance", id, "--group", "high", "--municipal", "high", "--reason", "Många kommuner"}, office...)...)
	s.waitForStage(id, "awaiting_february", 10*time.Second)

	s.restartServerAndKillWorker(func() {
		// No worker runs: the signal waits in the workflow's history.
		s.mustCLI(append([]string{"score", id, "--criterion", "nytta", "--score", "4", "--motivation", "Alla kommuner", "--reason", "Bedömning", "--signal"}, office...)...)
	})

	s.waitForStage(id, "february_review", 60*time.Second)
	deadline := time.Now().Add(90 * time.Second)
	for !containsID(s.listEscalated(), id) {
		require.True(t, time.Now().Before(deadline), "the missed February deadline was never escalated")
		time.Sleep(200 * time.Millisecond)
	}
	s.mustCLI("decide", id, "--gate", "quick_analysis", "--verdict", "approve", "--reason", "Prioriterat", "--by", "ledningen.e2e")
	s.waitForStage(id, "quick_analysis", 60*time.Second)

	st, err := s.admin.Status(context.Background(), id)
	require.NoError(t, err)
	in := st.Initiative
	assert.Equal(t, domain.OwnerAdda, in.Owner)
	require.Len(t, in.Criteria, 1, "the score sent while no worker ran was lost")
	assert.Equal(t, 4, in.Criteria[0].Score)
	assert.Len(t, in.Decisions, 1)
	assert.Len(t, in.Escalations, 1)
	assert.Empty(t, st.RejectedSignals)
	mail := s.mail(id)
	require.Len(t, mail, 1, "exactly one escalation e-mail: %+v", mail)
	assert.Contains(t, mail[0].Subject, "Samlad bygglovshandläggning")
}

func (s *system) listEscalated() string {
	_, out := s.cli("list", "--escalated")
	return out
}

// The worker and the web server run as their own processes with their operator endpoints:
// ready, and the worker's metrics carry the Temporal SDK's series.
func TestProductionEndpoints(t *testing.T) {
	s := startSystem(t, "", 0)
	if s.ext == nil || s.ext.workerURL == "" || s.ext.webURL == "" {
		t.Skip("needs the worker and web server in their own processes: run scripts/postgres-proof")
	}
	get := func(url string) (int, string) { return httpGetStatus(t, url) }
	for _, base := range []string{s.ext.workerURL, s.ext.webURL} {
		for _, path := range []string{"/healthz", "/readyz"} {
			code, body := get(base + path)
			assert.Equal(t, http.StatusOK, code, "%s%s: %s", base, path, body)
		}
	}
	// A workflow task for the worker, so that it has polled one successfully even when this
	// test runs first.
	file := filepath.Join(t.TempDir(), "need.yaml")
	require.NoError(t, os.WriteFile(file, []byte(need), 0o600))
	id := s.id("matvarden")
	s.mustCLI("register", "--file", file, "--id", id, "--by", "programkontoret.e2e")
	s.waitForStage(id, string(domain.StageBacklog), 10*time.Second)
	var body string
	require.Eventually(t, func() bool {
		var code int
		code, body = get(s.ext.workerURL + "/metrics")
		return code == http.StatusOK && strings.Contains(body, `temporal_workflow_task_queue_poll_succeed_total{`)
	}, 10*time.Second, 100*time.Millisecond, "the worker's metrics never showed a successful poll")
	assert.Contains(t, body, `temporal_request_total{`)
	assert.Contains(t, body, `service="handslag-worker"`)
	_, body = get(s.ext.webURL + "/metrics")
	assert.Contains(t, body, `service="handslag-web"`)
}

// The case list served by the web server process, from the directory the worker process
// writes (HANDSLAG_CASES_DIR for both, as in docker-compose): a case appears once triaged and
// follows its stage.
func TestCaseListServedByTheWebServerProcess(t *testing.T) {
	s := startSystem(t, "", 0)
	if s.ext == nil || s.ext.webURL == "" {
		t.Skip("needs the worker and web server in their own processes: run scripts/postgres-proof")
	}
	file := filepath.Join(t.TempDir(), "need.yaml")
	require.NoError(t, os.WriteFile(file, []byte(need), 0o600))
	id := s.id("ardendelista")
	office := []string{"--by", "programkontoret.e2e", "--reason", "Enligt mallen"}
	s.mustCLI("register", "--file", file, "--id", id, "--by", "programkontoret.e2e")
	s.mustCLI(append([]string{"triage", id, "--owner", "Inera", "--route", "own"}, office...)...)
	stageOf := func() domain.Stage {
		got, _ := publishedCases(t, s.ext.webURL)
		return got[id].Stage
	}
	require.Eventually(t, func() bool { return stageOf() == domain.StageTriaged }, 20*time.Second, 100*time.Millisecond,
		"the web server never listed %s as triaged", id)
	s.mustCLI(append([]string{"withdraw", id}, office...)...)
	require.Eventually(t, func() bool { return stageOf() == domain.StageWithdrawn }, 20*time.Second, 100*time.Millisecond,
		"the web server never showed %s withdrawn", id)
	assert.Contains(t, httpGet(t, s.ext.webURL+"/arenden.csv"), id)
	assert.Contains(t, httpGet(t, s.ext.webURL+"/arenden?q="+id), "Digital")
}
