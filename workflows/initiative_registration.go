package workflows

import (
	"time"

	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/codec"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// registrationChange versions what the first run holds for any client that starts it, not only
// for ours: an ID registered before is refused, and the memo carries the title. Runs recorded
// before it (DefaultVersion) trusted the client.
const registrationChange = "registration-check"

// registrationCheckOptions: each attempt at most 30 s, ten attempts.
var registrationCheckOptions = workflow.ActivityOptions{
	StartToCloseTimeout: 30 * time.Second,
	RetryPolicy:         &temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 10},
}

// registrationCheckLocalOptions are registrationCheckOptions for the local activity
// (localActivitiesChange). A local activity's ScheduleToCloseTimeout defaults to its
// StartToCloseTimeout, which leaves no time for a second attempt: under load (5,000
// registrations and their messages on the local system) a slow visibility query then failed the
// registration with "context deadline exceeded". The ten attempts get the time they had as an
// activity.
var registrationCheckLocalOptions = workflow.LocalActivityOptions{
	StartToCloseTimeout:    registrationCheckOptions.StartToCloseTimeout,
	ScheduleToCloseTimeout: 30 * time.Minute,
	RetryPolicy:            registrationCheckOptions.RetryPolicy,
}

// checkRegistration refuses a start under an ID that was registered before (a client may start
// the workflow with any ID reuse policy; without this, a withdrawn initiative started again
// would send its public case record backwards), and puts the title in the memo when the client
// did not (lists and the case list read it there). A run that failed is no registration: an
// invalid start may be made again.
func checkRegistration(ctx workflow.Context, reg domain.Registration, local bool) error {
	info := workflow.GetInfo(ctx)
	var earlier coordinator.EarlierRuns
	in := coordinator.EarlierRunsInput{WorkflowID: info.WorkflowExecution.ID, RunID: info.WorkflowExecution.RunID}
	var check workflow.Future
	if local {
		check = workflow.ExecuteLocalActivity(workflow.WithLocalActivityOptions(ctx, registrationCheckLocalOptions), coordinators.EarlierRegistration, in)
	} else {
		check = workflow.ExecuteActivity(workflow.WithActivityOptions(ctx, registrationCheckOptions), coordinators.EarlierRegistration, in)
	}
	if err := check.Get(ctx, &earlier); err != nil {
		return err
	}
	if earlier.Registered {
		return contract.ApplicationError(&domain.ValidationError{Code: domain.CodeAlreadyRegistered, Field: "id", Detail: reg.ID})
	}
	if _, ok := info.Memo.GetFields()["title"]; !ok {
		if err := workflow.UpsertMemo(ctx, map[string]interface{}{"title": codec.Plain(reg.Need.Normalize().Title)}); err != nil {
			return err
		}
	}
	return nil
}
