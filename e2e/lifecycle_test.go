package e2e

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/starter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protojson"
)

const need = `title: Digital nämndhantering
problem: Nämndhandlingar skickas som papper och PDF.
who_has_the_need: Kommunernas nämndsekreterare och förtroendevalda
expected_benefit: Kortare ledtider och lägre kostnad
affected_activities: [Kansli]
proposer_organisation: Exempelby kommun
contact_email: kansli@exempelby.example
action_plan_goals: [M2]
`

// One initiative through every stage on the demo calendar, driven by the CLI, with the stage
// search attribute checked through a visibility query at each step.
func TestInitiativeThroughAllStagesOnDemoCalendar(t *testing.T) {
	s := startSystem(t, "", 0)
	file := filepath.Join(t.TempDir(), "need.yaml")
	require.NoError(t, os.WriteFile(file, []byte(need), 0o600))
	id := s.id("digital-namndhantering")
	by := []string{"--by", "programkontoret.e2e"}
	lead := []string{"--by", "ledningen.e2e"}
	msg := func(cmd string, args ...string) {
		t.Helper()
		s.mustCLI(append(append([]string{cmd, id}, args...), by...)...)
	}
	decide := func(gate string) {
		t.Helper()
		s.mustCLI(append([]string{"decide", id, "--gate", gate, "--verdict", "approve", "--reason", "Prioriterat av rådet"}, lead...)...)
	}

	// Five weeks before February (1.4 s): triage and relevance must land before it opens, also
	// on a loaded machine.
	out := s.mustCLI(append([]string{"register", "--file", file, "--id", id, "--demo", "--demo-day", "40ms", "--demo-start", "2025-12-25"}, by...)...)
	assert.Contains(t, out, "DEMOKALENDER")
	s.waitForStage(id, "backlog", 5*time.Second)

	// A second registration of the same need is refused and changes nothing.
	code, out := s.cli(append([]string{"register", "--file", file, "--id", id, "--demo"}, by...)...)
	assert.Equal(t, starter.ExitRejected, code)
	assert.Contains(t, out, "redan registrerat")
	// The first run's check for an earlier registration and its case record ran in the worker
	// as local activities (versioned local-activities): no activity task, so no dispatch and no
	// workflow task after each.
	scheduled, local := 0, 0
	iter := s.admin.Temporal.GetWorkflowHistory(context.Background(), contract.InitiativeWorkflowID(id), "", false, 0)
	for iter.HasNext() {
		e, err := iter.Next()
		require.NoError(t, err)
		if e.GetEventType() == enumspb.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED {
			scheduled++
		}
		if e.GetMarkerRecordedEventAttributes().GetMarkerName() == "LocalActivity" {
			local++
		}
	}
	assert.Zero(t, scheduled, "activity tasks scheduled by the first run")
	assert.GreaterOrEqual(t, local, 2, "the check and the case record as local activities")

	msg("triage", "--owner", "Inera", "--route", "own", "--reason", "Inera har plattformen")
	s.waitForStage(id, "triaged", 5*time.Second)
	msg("relevance", "--group", "high", "--municipal", "high", "--reason", "Efterfrågat av många län")
	s.waitForStage(id, "awaiting_february", 5*time.Second)
	msg("score", "--criterion", "nytta", "--score", "5", "--motivation", "Alla kommuner", "--reason", "Bedömning")

	// A decision in the wrong stage is refused with a clear message.
	code, out = s.cli(append([]string{"decide", id, "--gate", "offer", "--verdict", "approve", "--reason", "x"}, lead...)...)
	assert.Equal(t, starter.ExitRejected, code)
	assert.Contains(t, out, "fel steg")

	s.waitForStage(id, "february_review", 20*time.Second)
	decide("quick_analysis")
	s.waitForStage(id, "quick_analysis", 20*time.Second)
	msg("quick-analysis", "--offer-meaning", "Gemensam tjänst", "--qualification-needs", "Kalkyl", "--reason", "Klar")
	s.waitForStage(id, "valuation", 20*time.Second)
	msg("valuation", "--group-score", "4", "--municipal-score", "5", "--comment", "Stöd i rådet", "--reason", "Majmötet")
	s.waitForStage(id, "final_prioritisation", 20*time.Second)
	decide("qualification")
	s.waitForStage(id, "qualification", 20*time.Second)
	msg("qualification", "--what", "Bygga tjänsten", "--who-does-what", "Inera bygger, kommunerna inför",
		"--effect-goal", "Halverad ledtid", "--cost", "8 mnkr", "--financing", "Abonnemang", "--reason", "Plan klar")
	for _, r := range domain.Requirements {
		msg("requirement", "--requirement", string(r), "--evidence", "Beslut i styrgruppen", "--reason", "Underlag")
	}
	s.waitForStage(id, "offer_decision", 30*time.Second)
	decide("offer")
	// The offer is decided and the offer round to the 290 municipalities opens at once.
	s.waitForStage(id, "offer_round", 10*time.Second)

	st, err := s.admin.Status(context.Background(), id)
	require.NoError(t, err)
	assert.Len(t, st.Initiative.Decisions, 3)
	assert.Equal(t, domain.OwnerInera, st.Initiative.Owner)
	assert.Empty(t, st.Initiative.UnmetRequirements())
	out = s.mustCLI("list", "--owner", "inera", "--year", "2026")
	assert.Contains(t, out, id)

	// No personal data in search attributes or memo.
	desc, err := s.admin.Temporal.DescribeWorkflowExecution(context.Background(), contract.InitiativeWorkflowID(id), "")
	require.NoError(t, err)
	raw, err := protojson.Marshal(desc.GetWorkflowExecutionInfo())
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "exempelby.example")

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordHistory(t, s, id, "../workflows/testdata/history_demo_offer.json")
	}
}

// recordHistory writes the workflow's history for the replay tests. HANDSLAG_RECORD_HISTORY=1
// writes the base recording; any other value is added to the file name, so recordings of a new
// workflow version go beside the old ones.
func recordHistory(t *testing.T, s *system, id, path string) {
	recordRun(t, s, contract.InitiativeWorkflowID(id), "", path)
}

// recordRun writes one run's history (runID "": the latest).
func recordRun(t *testing.T, s *system, workflowID, runID, path string) {
	if tag := os.Getenv("HANDSLAG_RECORD_HISTORY"); tag != "1" {
		path = strings.TrimSuffix(path, ".json") + "_" + tag + ".json"
	}
	iter := s.admin.Temporal.GetWorkflowHistory(context.Background(), workflowID, runID, false, 0)
	var events []json.RawMessage
	for iter.HasNext() {
		e, err := iter.Next()
		require.NoError(t, err)
		b, err := protojson.Marshal(e)
		require.NoError(t, err)
		events = append(events, b)
	}
	data, err := json.MarshalIndent(map[string]any{"events": events}, "", " ")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o750))
	require.NoError(t, os.WriteFile(path, data, 0o644))
}

// A restart of the local system keeps every initiative and its timers.
func TestRestartKeepsInitiativesAndTimers(t *testing.T) {
	dir := t.TempDir()
	// The same port on both starts, as the local command uses: the cluster's address is stored.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	s := startSystem(t, dir, port)
	file := filepath.Join(t.TempDir(), "need.yaml")
	require.NoError(t, os.WriteFile(file, []byte(need), 0o600))
	s.mustCLI("register", "--file", file, "--demo", "--demo-day", "500ms", "--demo-start", "2026-01-25", "--by", "programkontoret.e2e")
	s.mustCLI("triage", "digital-namndhantering", "--owner", "SKR", "--reason", "r", "--by", "programkontoret.e2e")
	s.mustCLI("relevance", "digital-namndhantering", "--group", "low", "--municipal", "low", "--reason", "r", "--by", "programkontoret.e2e")
	s.waitForStage("digital-namndhantering", "awaiting_february", 5*time.Second)
	// Stop everything and start again on the same data.
	s.Stop()
	s2 := startSystem(t, dir, port)
	s2.waitForStage("digital-namndhantering", "february_review", 30*time.Second)
}
