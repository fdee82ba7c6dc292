package coordinator

import (
	"context"
	"fmt"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
)

// EarlierRunsInput asks about the other runs under an initiative's workflow ID.
type EarlierRunsInput struct {
	WorkflowID string `json:"workflow_id"`
	// RunID is the asking run: the first of its chain, so every other run is earlier.
	RunID string `json:"run_id"`
}

// EarlierRuns says whether an initiative was registered under this ID before: a run of another
// chain that did not fail (a failed run is a registration refused for its input, whose ID may
// be used again). Runs deleted by the namespace's retention are not seen.
type EarlierRuns struct {
	Registered bool   `json:"registered"`
	Status     string `json:"status,omitempty"` // of the latest such run: completed, running, ...
}

// EarlierRegistration lists the runs under the workflow ID (visibility keeps closed ones until
// retention deletes them) and reports an earlier registration.
func (a *Activities) EarlierRegistration(ctx context.Context, in EarlierRunsInput) (EarlierRuns, error) {
	q := fmt.Sprintf("WorkflowId = '%s'", in.WorkflowID)
	var token []byte
	for {
		resp, err := a.Admin.Temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: a.Admin.Namespace, Query: q, NextPageToken: token, PageSize: 100})
		if err != nil {
			return EarlierRuns{}, err
		}
		for _, e := range resp.GetExecutions() {
			if e.GetExecution().GetRunId() == in.RunID || e.GetStatus() == enums.WORKFLOW_EXECUTION_STATUS_FAILED {
				continue
			}
			return EarlierRuns{Registered: true, Status: e.GetStatus().String()}, nil
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			return EarlierRuns{}, nil
		}
	}
}
