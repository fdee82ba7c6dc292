package workflows

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// Histories recorded from real runs (go test ./e2e with HANDSLAG_RECORD_HISTORY=1) are
// replayed against today's workflow code: a change that is not deterministic for histories
// already written fails here. Such a change needs workflow.GetVersion, and a new recording is
// added beside the old ones, never instead of them.
func TestReplayRecordedHistories(t *testing.T) {
	files, err := filepath.Glob("testdata/history_*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := worker.NewWorkflowReplayer()
			r.RegisterWorkflowWithOptions(InitiativeWorkflow, workflow.RegisterOptions{Name: contract.InitiativeWorkflowType})
			r.RegisterWorkflowWithOptions(CycleWorkflow, workflow.RegisterOptions{Name: contract.CycleWorkflowType})
			r.RegisterWorkflowWithOptions(CycleLauncherWorkflow, workflow.RegisterOptions{Name: contract.CycleLauncherWorkflowType})
			r.RegisterWorkflowWithOptions(OfferRoundWorkflow, workflow.RegisterOptions{Name: contract.OfferRoundWorkflowType})
			r.RegisterWorkflowWithOptions(ImplementationWorkflow, workflow.RegisterOptions{Name: contract.ImplementationWorkflowType})
			require.NoError(t, r.ReplayWorkflowHistoryFromJSONFile(nil, f))
		})
	}
}

// The replay test can fail: a workflow that schedules different commands is caught.
func TestReplayCatchesANonDeterministicChange(t *testing.T) {
	changed := func(ctx workflow.Context, in contract.InitiativeInput) error {
		return workflow.Sleep(ctx, time.Hour)
	}
	r := worker.NewWorkflowReplayer()
	r.RegisterWorkflowWithOptions(changed, workflow.RegisterOptions{Name: contract.InitiativeWorkflowType})
	files, err := filepath.Glob("testdata/history_demo_*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	assert.Error(t, r.ReplayWorkflowHistoryFromJSONFile(nil, files[0]))
}
