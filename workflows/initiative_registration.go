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

// checkRegistration refuses a start under an ID that was registered before (a client may start
// the workflow with any ID reuse policy; without this, a withdrawn initiative started again
// would send its public case record backwards), and puts the title in the memo when the client
// did not (lists and the case list read it there). A run that failed is no registration: an
// invalid start may be made again.
func checkRegistration(ctx workflow.Context, reg domain.Registration, local bool) error {
	info := workflow.GetInfo(ctx)
	retry := &temporal.RetryPolicy{InitialInterval: time.Second, MaximumAttempts: 10}
	var earlier coordinator.EarlierRuns
	in := coordinator.EarlierRunsInput{WorkflowID: info.WorkflowExecution.ID, RunID: info.WorkflowExecution.RunID}
	var check workflow.Future
	if local {
		lctx := workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{StartToCloseTimeout: 30 * time.Second, RetryPolicy: retry})
		check = workflow.ExecuteLocalActivity(lctx, coordinators.EarlierRegistration, in)
	} else {
		actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 30 * time.Second, RetryPolicy: retry})
		check = workflow.ExecuteActivity(actx, coordinators.EarlierRegistration, in)
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
