package main

import (
	"context"
	"fmt"
	"time"

	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// The raw baseline: a workflow that does nothing but count updates, on its own task queue in
// the same process, so it measures what the server (and the SDK) can do per update.
const (
	rawWorkflowType = "HandslagLoadRawWorkflow"
	rawTaskQueue    = "handslag-load-raw"
	rawUpdate       = "bump"
)

// rawWorkflow counts updates until it has had expect of them.
func rawWorkflow(ctx workflow.Context, expect int) (int, error) {
	n := 0
	if err := workflow.SetUpdateHandler(ctx, rawUpdate, func(ctx workflow.Context) (int, error) {
		n++
		return n, nil
	}); err != nil {
		return 0, err
	}
	err := workflow.Await(ctx, func() bool { return n >= expect && workflow.AllHandlersFinished(ctx) })
	return n, err
}

func newRawWorker(c client.Client) sdkworker.Worker {
	w := sdkworker.New(c, rawTaskQueue, sdkworker.Options{})
	w.RegisterWorkflowWithOptions(rawWorkflow, workflow.RegisterOptions{Name: rawWorkflowType})
	return w
}

// rawThroughput sends perWorkflow updates to each of n trivial workflows, one update per call
// and clients calls at once, interleaved across the workflows like the answers are.
func rawThroughput(ctx context.Context, c client.Client, n, perWorkflow, clients int) (time.Duration, error) {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("load-raw-%d-%d", time.Now().UnixNano(), i)
		if _, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: ids[i], TaskQueue: rawTaskQueue}, rawWorkflowType, perWorkflow); err != nil {
			return 0, err
		}
	}
	var jobs []string
	for range perWorkflow {
		jobs = append(jobs, ids...)
	}
	return concurrently(clients, jobs, func(id string) error {
		h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: id, UpdateName: rawUpdate,
			WaitForStage: client.WorkflowUpdateStageCompleted})
		if err == nil {
			err = h.Get(ctx, nil)
		}
		if err != nil {
			return fmt.Errorf("raw update to %s: %w", id, err)
		}
		return nil
	})
}
