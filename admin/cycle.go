package admin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
)

// StartCycle starts a year's cycle directly (the Schedule does it through the launcher). The
// ID is stable and duplicates are refused, so starting a year twice gives one cycle; started
// reports whether this call started it.
func (a *Client) StartCycle(ctx context.Context, in contract.CycleInput) (started bool, err error) {
	if err := in.Config.Validate(); err != nil {
		return false, err
	}
	_, err = a.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID: contract.CycleWorkflowID(in.Year), TaskQueue: contract.TaskQueue,
		WorkflowIDReusePolicy:                    enumspb.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
		WorkflowExecutionErrorWhenAlreadyStarted: true,
		TypedSearchAttributes:                    temporal.NewSearchAttributes(contract.SACycleYear.ValueSet(int64(in.Year))),
	}, contract.CycleWorkflowType, in)
	var already *serviceerror.WorkflowExecutionAlreadyStarted
	if errors.As(err, &already) || temporal.IsWorkflowExecutionAlreadyStartedError(err) {
		return false, nil
	}
	return err == nil, err
}

// SendCycle delivers a message to a year's cycle as an Update, decoding the answer into out,
// or fire-and-forget as a Signal. A rejection comes back as a *domain.ValidationError.
func (a *Client) SendCycle(ctx context.Context, year int, name string, payload, out any, asSignal bool) error {
	wid := contract.CycleWorkflowID(year)
	if asSignal {
		return a.cycleNotFound(year, a.Temporal.SignalWorkflow(ctx, wid, "", name, payload))
	}
	return a.SendCycleOnce(ctx, year, name, payload, out, "")
}

// SendCycleOnce delivers a message to a year's cycle as an Update with a given update ID
// (empty: a fresh one): the same ID sent again is answered, not applied twice.
func (a *Client) SendCycleOnce(ctx context.Context, year int, name string, payload, out any, updateID string) error {
	err := a.update(ctx, contract.CycleWorkflowID(year), name, payload, updateID, out)
	if _, ok := err.(*domain.ValidationError); ok || err == nil {
		return err
	}
	return a.cycleNotFound(year, err)
}

// SendCycleWithin is SendCycleOnce for a person waiting on a page: once the cycle has
// accepted the message it waits at most wait for the outcome, and done is false when the
// cycle was still at work then (a decision being passed on to thousands of initiatives takes
// minutes, longer than a page may wait). The message goes on; the cycle's status says so
// (Deciding), and the same update ID sent again waits for the same outcome. A refusal comes
// back at once.
func (a *Client) SendCycleWithin(ctx context.Context, year int, name string, payload, out any, updateID string, wait time.Duration) (done bool, err error) {
	done, err = a.updateWithin(ctx, contract.CycleWorkflowID(year), name, payload, updateID, out, wait)
	if _, ok := err.(*domain.ValidationError); ok || err == nil {
		return done, err
	}
	return false, a.cycleNotFound(year, err)
}

// QueryCycle runs one of the cycle's queries (also on a finished cycle, within retention).
func (a *Client) QueryCycle(ctx context.Context, year int, query string, out any) error {
	return a.queryCycle(ctx, year, query, out)
}

func (a *Client) queryCycle(ctx context.Context, year int, query string, out any, args ...any) error {
	v, err := a.Temporal.QueryWorkflow(ctx, contract.CycleWorkflowID(year), "", query, args...)
	if err != nil {
		return a.cycleNotFound(year, err)
	}
	return v.Get(out)
}

func (a *Client) cycleNotFound(year int, err error) error {
	var nf *serviceerror.NotFound
	if !errors.As(err, &nf) {
		return err
	}
	// A cycle that has ended takes no more messages: say so, not that there is none.
	desc, derr := a.Temporal.DescribeWorkflowExecution(context.Background(), contract.CycleWorkflowID(year), "")
	if derr == nil && desc.GetWorkflowExecutionInfo().GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
		return &Error{Key: "error.cycle_closed", Args: []any{"year", fmt.Sprint(year)}, Err: err}
	}
	return &Error{Key: "error.cycle_not_found", Args: []any{"year", fmt.Sprint(year)}, Err: err}
}
