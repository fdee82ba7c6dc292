package workflows

import (
	"bytes"
	"cmp"
	"encoding/json"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/cases"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// caseListChange versions the writing of the public case list. Histories recorded before it
// (DefaultVersion) write nothing; their next run (after continue-as-new) does.
const caseListChange = "case-list"

// caseListWriter is the run's side of the case list: the last summary handed on, and a
// single writer coroutine that always writes the newest one. Summaries made while a write is
// under way replace each other, so a store that is slow or down costs one pending write, not
// one per change, and never holds up the initiative itself.
type caseListWriter struct {
	last    []byte        // JSON of the last summary handed on
	pending *cases.Record // the newest record not yet written
	busy    bool          // the writer coroutine is running
}

// caseRecordOptions retry a failing store for a day (the case list must get every outcome);
// after that the next change writes again.
var caseRecordOptions = workflow.ActivityOptions{
	StartToCloseTimeout:    30 * time.Second,
	ScheduleToCloseTimeout: 24 * time.Hour,
	RetryPolicy: &temporal.RetryPolicy{InitialInterval: time.Second, BackoffCoefficient: 2,
		MaximumInterval: 10 * time.Minute},
}

// caseRecordLocalOptions are caseRecordOptions for the local activity (localActivitiesChange):
// a record that cannot be written for longer than a workflow task lasts is retried on timers.
var caseRecordLocalOptions = workflow.LocalActivityOptions{
	StartToCloseTimeout:    caseRecordOptions.StartToCloseTimeout,
	ScheduleToCloseTimeout: caseRecordOptions.ScheduleToCloseTimeout,
	RetryPolicy:            caseRecordOptions.RetryPolicy,
}

// caseListFromRegistration versions listing a case from its registration: a need the office
// has taken in (registered in the console, or accepted from the public form, whose proposer
// is sent the case's address at once) is public from then on. Runs recorded before it
// (DefaultVersion) list a case only once its owner is triaged.
const caseListFromRegistration = "case-list-from-registration"

// recordCase hands the case's summary to the writer when it has changed. A run after
// continue-as-new writes once more (harmless: the store keeps the newest).
func (r *initiativeRun) recordCase(ctx workflow.Context) {
	if !r.state.PassedIntake() && workflow.GetVersion(ctx, caseListFromRegistration, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return
	}
	now := workflow.Now(ctx)
	summary := r.state.Summary(now)
	data, err := json.Marshal(summary)
	if err != nil || bytes.Equal(data, r.cases.last) {
		return
	}
	if workflow.GetVersion(ctx, caseListChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return
	}
	r.cases.last = data
	info := workflow.GetInfo(ctx)
	// The first run's ID names the chain; the test environment leaves it empty.
	chain := cmp.Or(info.FirstRunID, info.WorkflowExecution.RunID)
	r.cases.pending = &cases.Record{Summary: summary, Chain: chain,
		Created: r.state.Created, Revision: r.state.Revision, Written: now}
	if r.cases.busy {
		return
	}
	r.cases.busy = true
	workflow.Go(ctx, func(ctx workflow.Context) {
		defer func() { r.cases.busy = false }()
		actx, record := workflow.WithActivityOptions(ctx, caseRecordOptions), workflow.ExecuteActivity
		if r.local {
			actx, record = workflow.WithLocalActivityOptions(ctx, caseRecordLocalOptions), workflow.ExecuteLocalActivity
		}
		var a *activities.Activities
		for r.cases.pending != nil {
			rec := *r.cases.pending
			r.cases.pending = nil
			if err := record(actx, a.RecordCase, rec).Get(ctx, nil); err != nil {
				workflow.GetLogger(ctx).Error("case list not updated", "case", rec.Summary.ID, "revision", rec.Revision, "error", err)
			}
		}
	})
}

// caseRecorded waits until the newest summary is written: a closing initiative must leave its
// outcome in the case list before its history can be removed.
func (r *initiativeRun) caseRecorded(ctx workflow.Context) error {
	return workflow.Await(ctx, func() bool { return !r.cases.busy })
}
