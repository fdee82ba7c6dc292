package admin

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/skr/handslag/codec"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
)

// Propose starts a proposal's workflow (the public need form). The proposal is checked first,
// so a refused one keeps nothing; its ID is the idempotency key (the same form sent twice
// starts one workflow).
func (a *Client) Propose(ctx context.Context, p domain.Proposal) error {
	p.Need = p.Need.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	_, err := a.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID: contract.ProposalWorkflowID(p.ID), TaskQueue: contract.TaskQueue,
		WorkflowIDReusePolicy:    enumspb.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
		// The title is the summary the Web UI shows and the memo the list reads; the proposer's
		// contact stays in the input.
		StaticSummary: p.Need.Title, Memo: map[string]any{"title": codec.Plain(p.Need.Title)},
	}, contract.ProposalWorkflowType, contract.ProposalInput{Proposal: p})
	return err
}

// ProposalSummary is one waiting proposal in a list.
type ProposalSummary struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Received time.Time `json:"received"`
}

// Proposals lists the proposals that wait for the office's decision, oldest first.
func (a *Client) Proposals(ctx context.Context) ([]ProposalSummary, error) {
	q := fmt.Sprintf("WorkflowType = '%s' AND ExecutionStatus = 'Running'", contract.ProposalWorkflowType)
	dc := converter.GetDefaultDataConverter()
	var out []ProposalSummary
	var token []byte
	for {
		resp, err := a.Temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: a.Namespace, Query: q, NextPageToken: token, PageSize: 200})
		if err != nil {
			return nil, err
		}
		for _, e := range resp.GetExecutions() {
			s := ProposalSummary{ID: strings.TrimPrefix(e.GetExecution().GetWorkflowId(), "proposal-"), Received: e.GetStartTime().AsTime()}
			if p, ok := e.GetMemo().GetFields()["title"]; ok {
				_ = dc.FromPayload(p, &s.Title)
			}
			out = append(out, s)
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			break
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// Proposal reads a proposal (also a decided one, within retention).
func (a *Client) Proposal(ctx context.Context, id string) (contract.ProposalStatus, error) {
	var s contract.ProposalStatus
	v, err := a.Temporal.QueryWorkflow(ctx, contract.ProposalWorkflowID(id), "", contract.QueryProposalStatus)
	if err != nil {
		return s, a.notFoundIn(id, contract.ProposalWorkflowID(id), err)
	}
	return s, v.Get(&s)
}

// DecideProposal sends the office's decision with a given update ID (empty: a fresh one).
func (a *Client) DecideProposal(ctx context.Context, id string, d domain.DecideProposal, updateID string) (domain.ProposalOutcome, error) {
	var out domain.ProposalOutcome
	err := a.update(ctx, contract.ProposalWorkflowID(id), contract.MsgDecideProposal, d, updateID, &out)
	if _, ok := err.(*domain.ValidationError); ok || err == nil {
		return out, err
	}
	return out, a.notFoundIn(id, contract.ProposalWorkflowID(id), err)
}
