package main

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A tiny run of the benchmark (not timed): every answer is counted, the report is complete.
func TestLoadSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	var out bytes.Buffer
	rep, err := run(context.Background(), Options{Rounds: 2, Clients: 8}, i18n.English, &out)
	require.NoError(t, err, out.String())
	t.Log(out.String())
	assert.Equal(t, 2*290, rep.Answers)
	assert.Equal(t, 2*290, rep.RawUpdates)
	assert.Positive(t, rep.AnswerUpdates)
	assert.LessOrEqual(t, rep.AnswerUpdates, rep.Answers)
	require.Len(t, rep.Runs, 2)
	assert.Positive(t, rep.MaxRun())
	assert.Less(t, rep.MaxRun(), historyLimit)
	assert.Positive(t, rep.PeakGoHeap)
	if runtime.GOOS == "linux" {
		assert.Positive(t, rep.AnswerCPU)
		assert.Positive(t, rep.RawCPU)
	}
	for _, want := range []string{"Answers through the answer path", "Raw updates", "Ratio", "CPU time", "History events", "Peak memory"} {
		assert.Contains(t, out.String(), want)
	}
}
