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
	if updateID == "" {
		updateID = uuid.NewString()
	}
	for attempt := 1; ; attempt++ {
		h, err := a.Temporal.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
			WorkflowID: workflowID, UpdateName: name, Args: []interface{}{payload},
			UpdateID: updateID, WaitForStage: client.WorkflowUpdateStageCompleted,
		})
		if err == nil {
			err = h.Get(ctx, out)
		}
		var notReady *serviceerror.WorkflowNotReady
		if errors.As(err, &notReady) && attempt < maxUpdateAttempts {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(attempt) * 50 * time.Millisecond):
			}
			continue
		}
		if ve, ok := contract.ValidationErrorFrom(err); ok {
			return ve
		}
		return err
	}
}
