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

// The replay test (worker.TestReplayRecordedHistories) can fail: a workflow that schedules
// different commands than a recorded history is caught.
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
