package admin

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/skr/handslag/contract"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
)

// maxUpdateAttempts bounds how often an update the server aborted before the workflow saw it
// is sent again.
const maxUpdateAttempts = 8

// update sends an Update and waits for its result into out. The server aborts an update it has
// not yet handed to the workflow when the workflow task carrying it fails: most often a run
// closing to continue as new while more messages arrive, which the server makes retry with
// them. Such an update was never applied, so it is sent again (with the same update ID, so one
// that did get through is answered, not applied twice). A rejection by the validator comes
// back as a *domain.ValidationError; other errors as they are.
func (a *Client) update(ctx context.Context, workflowID, name string, payload any, updateID string, out any) error {
	_, err := a.updateWithin(ctx, workflowID, name, payload, updateID, out, 0)
	return err
}

// errStillRunning says that an accepted update had no outcome yet when its wait ended.
var errStillRunning = errors.New("the update is still running")

// updateWithin is update, waiting at most wait (more than zero) for the outcome once the
// workflow has accepted the update: done is false when the handler was still at work then.
// The update goes on in the workflow; sending it again with the same update ID waits for the
// same outcome. A refusal by the validator comes back at once, whatever the wait.
func (a *Client) updateWithin(ctx context.Context, workflowID, name string, payload any, updateID string, out any, wait time.Duration) (done bool, err error) {
	if updateID == "" {
		updateID = uuid.NewString()
	}
	stage := client.WorkflowUpdateStageCompleted
	if wait > 0 {
		stage = client.WorkflowUpdateStageAccepted
	}
	for attempt := 1; ; attempt++ {
		h, err := a.Temporal.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
			WorkflowID: workflowID, UpdateName: name, Args: []interface{}{payload},
			UpdateID: updateID, WaitForStage: stage,
		})
		if err == nil {
			err = outcome(ctx, h, out, wait)
		}
		if errors.Is(err, errStillRunning) {
			return false, nil
		}
		var notReady *serviceerror.WorkflowNotReady
		if errors.As(err, &notReady) && attempt < maxUpdateAttempts {
			select {
			case <-ctx.Done():
				return false, ctx.Err()
			case <-time.After(time.Duration(attempt) * 50 * time.Millisecond):
			}
			continue
		}
		if ve, ok := contract.ValidationErrorFrom(err); ok {
			return false, ve
		}
		return err == nil, err
	}
}

// outcome waits for an update's outcome into out: until it comes, or at most wait when wait is
// more than zero (errStillRunning then).
func outcome(ctx context.Context, h client.WorkflowUpdateHandle, out any, wait time.Duration) error {
	if wait <= 0 {
		return h.Get(ctx, out)
	}
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	err := h.Get(wctx, out)
	// The wait's end can reach us as the server cancelling the poll an instant before our own
	// deadline has passed (the deadline travels with the call), so the SDK's timeout error
	// counts as well as our context's.
	var timedOut *client.WorkflowUpdateServiceTimeoutOrCanceledError
	if err != nil && ctx.Err() == nil && (wctx.Err() != nil || errors.As(err, &timedOut)) {
		return errStillRunning
	}
	return err
}
