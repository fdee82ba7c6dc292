package activities

import (
	"testing"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
)

func TestRecordCase(t *testing.T) {
	dir := cases.NewMemory()
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	env.RegisterActivity(&Activities{Cases: dir})
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	rec := cases.Record{Summary: domain.CaseSummary{ID: "bygglov", Stage: domain.StageTriaged}, Chain: "run-1", Revision: 2, Written: at}

	stored := func(rec cases.Record) bool {
		v, err := env.ExecuteActivity((&Activities{}).RecordCase, rec)
		require.NoError(t, err)
		var ok bool
		require.NoError(t, v.Get(&ok))
		return ok
	}
	assert.True(t, stored(rec))
	assert.False(t, stored(rec), "the same record again stores nothing")
	older := rec
	older.Revision = 1
	assert.False(t, stored(older), "a stale record is ignored")

	// A record the store refuses is not retried.
	bad := rec
	bad.Summary.ID = "../x"
	_, err := env.ExecuteActivity((&Activities{}).RecordCase, bad)
	var appErr *temporal.ApplicationError
	require.ErrorAs(t, err, &appErr)
	assert.True(t, appErr.NonRetryable())
	assert.Equal(t, "invalid_case_record", appErr.Type())
}

func TestRecordCaseWithoutACaseList(t *testing.T) {
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	env.RegisterActivity(&Activities{})
	v, err := env.ExecuteActivity((&Activities{}).RecordCase, cases.Record{})
	require.NoError(t, err)
	var ok bool
	require.NoError(t, v.Get(&ok))
	assert.False(t, ok)
}
