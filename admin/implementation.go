package admin

import (
	"context"
	"fmt"
	"sort"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/api/workflowservice/v1"
)

// ImplementationStatus queries an initiative's implementation (also an ended one, within
// retention).
func (a *Client) ImplementationStatus(ctx context.Context, id string) (contract.ImplementationStatus, error) {
	var s contract.ImplementationStatus
	v, err := a.Temporal.QueryWorkflow(ctx, contract.ImplementationWorkflowID(id), "", contract.QueryImplementationStatus)
	if err != nil {
		return s, a.implNotFound(id, err)
	}
	return s, v.Get(&s)
}

// SendImplementation delivers a message to an initiative's implementation: as an Update (a
// rejection comes back as a *domain.ValidationError) or, with asSignal, as a Signal.
func (a *Client) SendImplementation(ctx context.Context, id, name string, payload any, asSignal bool) (contract.ImplReceipt, error) {
	wid := contract.ImplementationWorkflowID(id)
	var r contract.ImplReceipt
	if asSignal {
		return r, a.implNotFound(id, a.Temporal.SignalWorkflow(ctx, wid, "", name, payload))
	}
	return a.SendImplementationOnce(ctx, id, name, payload, "")
}

// SendImplementationOnce delivers a message to an implementation as an Update with a given
// update ID (empty: a fresh one): the same ID sent again is answered, not applied twice.
func (a *Client) SendImplementationOnce(ctx context.Context, id, name string, payload any, updateID string) (contract.ImplReceipt, error) {
	var r contract.ImplReceipt
	err := a.update(ctx, contract.ImplementationWorkflowID(id), name, payload, updateID, &r)
	if _, ok := err.(*domain.ValidationError); ok || err == nil {
		return r, err
	}
	return r, a.implNotFound(id, err)
}

// Implementations returns the status of every implementation, running or ended (within
// retention), by initiative ID: what the newsletter is made from.
func (a *Client) Implementations(ctx context.Context) ([]contract.ImplementationStatus, error) {
	q := fmt.Sprintf("WorkflowType = '%s'", contract.ImplementationWorkflowType)
	seen := map[string]bool{}
	var ids []string
	var token []byte
	for {
		resp, err := a.Temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: a.Namespace, Query: q, NextPageToken: token, PageSize: 500})
		if err != nil {
			return nil, err
		}
		for _, e := range resp.GetExecutions() {
			// Every run of a continued workflow is listed; the latest answers for all.
			if wid := e.GetExecution().GetWorkflowId(); !seen[wid] {
				seen[wid] = true
				ids = append(ids, wid)
			}
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			break
		}
	}
	sort.Strings(ids)
	out := make([]contract.ImplementationStatus, 0, len(ids))
	for _, wid := range ids {
		v, err := a.Temporal.QueryWorkflow(ctx, wid, "", contract.QueryImplementationStatus)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", wid, err)
		}
		var s contract.ImplementationStatus
		if err := v.Get(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// implNotFound explains a missing implementation: none (yet), or it has ended.
func (a *Client) implNotFound(id string, err error) error {
	err = a.notFoundIn(id, contract.ImplementationWorkflowID(id), err)
	if e, ok := err.(*Error); ok && e.Key == "error.not_found" {
		e.Key = "error.no_implementation"
	}
	return err
}
