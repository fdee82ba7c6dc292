package workflows

import (
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// saScheduledStart is set by Temporal on every workflow a Schedule starts: the nominal time
// of the action, also when a late run is caught up.
var saScheduledStart = temporal.NewSearchAttributeKeyTime("TemporalScheduledStartTime")

// CycleLauncherWorkflow is the Schedule's action. A Schedule gives every run a new workflow
// ID, but a year must have exactly one cycle, so the launcher starts the cycle as a child with
// the stable ID cycle-<year>, refusing duplicates, and leaves it running (abandon) when it
// ends. Starting the same year twice finds the existing cycle and reports it.
func CycleLauncherWorkflow(ctx workflow.Context, in contract.LauncherInput) (contract.LauncherResult, error) {
	if err := in.Config.Validate(); err != nil {
		return contract.LauncherResult{}, contract.ApplicationError(err)
	}
	year := in.Year
	if year == 0 {
		at, ok := workflow.GetTypedSearchAttributes(ctx).GetTime(saScheduledStart)
		if !ok {
			at = workflow.Now(ctx)
		}
		year = domain.NextCycleYear(in.Config.Calendar, in.Clock, at)
	}
	res := contract.LauncherResult{Year: year, WorkflowID: contract.CycleWorkflowID(year)}
	cctx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID:            res.WorkflowID,
		WorkflowIDReusePolicy: enumspb.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
		ParentClosePolicy:     enumspb.PARENT_CLOSE_POLICY_ABANDON,
		TypedSearchAttributes: temporal.NewSearchAttributes(contract.SACycleYear.ValueSet(int64(year))),
	})
	f := workflow.ExecuteChildWorkflow(cctx, contract.CycleWorkflowType, contract.CycleInput{Year: year, Config: in.Config, Clock: in.Clock})
	if err := f.GetChildWorkflowExecution().Get(ctx, nil); err != nil {
		if temporal.IsWorkflowExecutionAlreadyStartedError(err) {
			workflow.GetLogger(ctx).Info("cycle already started", "year", year)
			return res, nil
		}
		return res, err
	}
	res.Started = true
	workflow.GetLogger(ctx).Info("cycle started", "year", year)
	return res, nil
}
