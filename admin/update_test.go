package admin

import (
	"context"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// heldWorkflow stands in for a cycle whose decision takes long to pass on: its update is
// refused by the validator for "bad", and otherwise answers only once released by a signal.
func heldWorkflow(ctx workflow.Context) error {
	released := false
	if err := workflow.SetUpdateHandlerWithOptions(ctx, "decide", func(ctx workflow.Context, what string) (string, error) {
		if err := workflow.Await(ctx, func() bool { return released }); err != nil {
			return "", err
		}
		return "passed on: " + what, nil
	}, workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, what string) error {
		if what == "bad" {
			return contract.ApplicationError(&domain.ValidationError{Code: domain.CodeInvalidValue, Field: "what"})
		}
		return nil
	}}); err != nil {
		return err
	}
	workflow.GetSignalChannel(ctx, "release").Receive(ctx, nil)
	released = true
	return workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
}

// A person's page waits a bounded time: a refusal comes back at once, an accepted update still
// at work comes back as not done (and goes on), and the same update ID sent again gets its
// outcome once there is one.
func TestSendCycleWithinWaitsABoundedTime(t *testing.T) {
	srv, err := devserver.Start(devserver.Options{Namespace: contract.Namespace, UIPort: -1})
	require.NoError(t, err, "the embedded Temporal server did not start")
	defer srv.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	a, err := Dial(ctx, srv.FrontendAddr, contract.Namespace, client.Options{})
	require.NoError(t, err)
	defer a.Close()
	const queue = "held"
	w := sdkworker.New(a.Temporal, queue, sdkworker.Options{})
	w.RegisterWorkflow(heldWorkflow)
	require.NoError(t, w.Start())
	defer w.Stop()
	const year = 2099
	_, err = a.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: contract.CycleWorkflowID(year), TaskQueue: queue}, heldWorkflow)
	require.NoError(t, err)

	var out string
	done, err := a.SendCycleWithin(ctx, year, "decide", "bad", &out, "refused", time.Minute)
	var ve *domain.ValidationError
	require.ErrorAs(t, err, &ve, "the validator's refusal comes back without waiting")
	assert.Equal(t, "what", ve.Field)
	assert.False(t, done)

	done, err = a.SendCycleWithin(ctx, year, "decide", "beslut", &out, "decision", 200*time.Millisecond)
	require.NoError(t, err)
	assert.False(t, done, "the handler waits for the release, so the page's wait ends first")
	assert.Empty(t, out)

	require.NoError(t, a.Temporal.SignalWorkflow(ctx, contract.CycleWorkflowID(year), "", "release", nil))
	done, err = a.SendCycleWithin(ctx, year, "decide", "another payload, same ID", &out, "decision", time.Minute)
	require.NoError(t, err)
	assert.True(t, done)
	assert.Equal(t, "passed on: beslut", out, "the same update ID answers with the first update's outcome")
}
