package admin

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/converter"
)

// Filter narrows a list. Zero values do not filter.
type Filter struct {
	Stage     domain.Stage
	Owner     domain.Owner
	CycleYear int
	Escalated bool
	// IncludeClosed lists closed initiatives too (within the namespace's retention).
	IncludeClosed bool
}

// Query is the visibility query for the filter; every value is validated first, so no input
// can change the query's meaning.
func (f Filter) Query() (string, error) {
	parts := []string{fmt.Sprintf("WorkflowType = '%s'", contract.InitiativeWorkflowType)}
	if f.Stage != "" {
		if _, err := domain.ParseStage(string(f.Stage)); err != nil {
			return "", err
		}
		parts = append(parts, fmt.Sprintf("%s = '%s'", contract.SAStage.GetName(), f.Stage))
	}
	if f.Owner != "" {
		o, err := domain.ParseOwner(string(f.Owner))
		if err != nil {
			return "", err
		}
		parts = append(parts, fmt.Sprintf("%s = '%s'", contract.SAOwner.GetName(), o))
	}
	if f.CycleYear != 0 {
		parts = append(parts, fmt.Sprintf("%s = %d", contract.SACycleYear.GetName(), f.CycleYear))
	}
	if f.Escalated {
		parts = append(parts, contract.SAEscalated.GetName()+" = true")
	}
	if !f.IncludeClosed {
		parts = append(parts, "ExecutionStatus = 'Running'")
	}
	return strings.Join(parts, " AND "), nil
}

// Summary is one line of a list: what the search attributes and memo say.
type Summary struct {
	ID        string       `json:"id"`
	Title     string       `json:"title"`
	Stage     domain.Stage `json:"stage"`
	Owner     domain.Owner `json:"owner,omitempty"`
	CycleYear int          `json:"cycle_year"`
	Escalated bool         `json:"escalated"`
	Status    string       `json:"status"`
	Started   time.Time    `json:"started"`
}

// List returns the initiatives matching the filter, newest first, following every page.
func (a *Client) List(ctx context.Context, f Filter) ([]Summary, error) {
	q, err := f.Query()
	if err != nil {
		return nil, err
	}
	var out []Summary
	var token []byte
	dc := converter.GetDefaultDataConverter()
	for {
		resp, err := a.Temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: a.Namespace, Query: q, NextPageToken: token, PageSize: 500})
		if err != nil {
			return nil, err
		}
		for _, e := range resp.GetExecutions() {
			s := Summary{
				ID:      contract.InitiativeIDFromWorkflowID(e.GetExecution().GetWorkflowId()),
				Status:  strings.ToLower(e.GetStatus().String()),
				Started: e.GetStartTime().AsTime(),
			}
			if p, ok := e.GetMemo().GetFields()["title"]; ok {
				_ = dc.FromPayload(p, &s.Title)
			}
			fields := e.GetSearchAttributes().GetIndexedFields()
			var stage, owner string
			var year int64
			_ = dc.FromPayload(fields[contract.SAStage.GetName()], &stage)
			_ = dc.FromPayload(fields[contract.SAOwner.GetName()], &owner)
			_ = dc.FromPayload(fields[contract.SACycleYear.GetName()], &year)
			_ = dc.FromPayload(fields[contract.SAEscalated.GetName()], &s.Escalated)
			s.Stage, s.Owner, s.CycleYear = domain.Stage(stage), domain.Owner(owner), int(year)
			out = append(out, s)
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			return out, nil
		}
	}
}

// CycleSummary is one annual cycle as the visibility store shows it.
type CycleSummary struct {
	Year      int               `json:"year"`
	Phase     domain.CyclePhase `json:"phase"` // the cycle publishes its phase in HandslagStage
	Running   bool              `json:"running"`
	Escalated bool              `json:"escalated"`
}

// Cycles lists the annual cycles (each year once, the latest run), newest year first.
func (a *Client) Cycles(ctx context.Context) ([]CycleSummary, error) {
	q := fmt.Sprintf("WorkflowType = '%s'", contract.CycleWorkflowType)
	dc := converter.GetDefaultDataConverter()
	seen := map[int]bool{}
	var out []CycleSummary
	var token []byte
	for {
		resp, err := a.Temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: a.Namespace, Query: q, NextPageToken: token, PageSize: 100})
		if err != nil {
			return nil, err
		}
		for _, e := range resp.GetExecutions() {
			fields := e.GetSearchAttributes().GetIndexedFields()
			var year int64
			var phase string
			_ = dc.FromPayload(fields[contract.SACycleYear.GetName()], &year)
			if year == 0 || seen[int(year)] {
				continue
			}
			seen[int(year)] = true
			s := CycleSummary{Year: int(year), Running: e.GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING}
			_ = dc.FromPayload(fields[contract.SAStage.GetName()], &phase)
			_ = dc.FromPayload(fields[contract.SAEscalated.GetName()], &s.Escalated)
			s.Phase = domain.CyclePhase(phase)
			out = append(out, s)
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			break
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year > out[j].Year })
	return out, nil
}
