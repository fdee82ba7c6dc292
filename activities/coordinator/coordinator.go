// Package coordinator holds the activities through which the annual cycle works on the
// initiatives' workflows: finding the backlog, including initiatives in the cycle, reading
// their state and passing the leadership's decisions on. They act as a Temporal client (through
// package admin), so the cycle's own workflow code stays deterministic. Every update they send
// carries an update ID derived from the business key, so a retried activity never applies a
// message twice.
package coordinator

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
)

// Activities holds the client the coordinating activities use.
type Activities struct {
	Admin *admin.Client
}

// BacklogQuery is the visibility query for the initiatives ready for a year's February review:
// waiting for February with this year or an earlier one (deferred ones come back), or already
// in this year's review (a cycle that starts late).
func BacklogQuery(year int) string {
	return fmt.Sprintf("WorkflowType = '%s' AND ExecutionStatus = 'Running' AND "+
		"((%s = '%s' AND %s <= %d) OR (%s = '%s' AND %s = %d))",
		contract.InitiativeWorkflowType,
		contract.SAStage.GetName(), domain.StageAwaitingFebruary, contract.SACycleYear.GetName(), year,
		contract.SAStage.GetName(), domain.StageFebruaryReview, contract.SACycleYear.GetName(), year)
}

// FindBacklog lists the IDs of the initiatives ready for the year's February review, sorted.
func (a *Activities) FindBacklog(ctx context.Context, in FindBacklogInput) ([]string, error) {
	var ids []string
	var token []byte
	for {
		resp, err := a.Admin.Temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: a.Admin.Namespace, Query: BacklogQuery(in.Year), NextPageToken: token, PageSize: 500})
		if err != nil {
			return nil, err
		}
		for _, e := range resp.GetExecutions() {
			ids = append(ids, contract.InitiativeIDFromWorkflowID(e.GetExecution().GetWorkflowId()))
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			break
		}
	}
	sort.Strings(ids)
	activity.GetLogger(ctx).Info("backlog found", "year", in.Year, "initiatives", len(ids))
	return ids, nil
}

// JoinInitiatives includes each initiative in the cycle and returns its snapshot. One that
// refuses (it has moved on meanwhile) or cannot be reached is returned with Found false and
// left out of the round, never failing the others. A snapshot that cannot be read fails the
// activity, which is retried: a join that has been applied answers its repeated update ID with
// its first outcome.
func (a *Activities) JoinInitiatives(ctx context.Context, in JoinInput) ([]domain.InitiativeSnapshot, error) {
	out := make([]domain.InitiativeSnapshot, len(in.IDs))
	err := forEachInitiative(ctx, len(in.IDs), func(ctx context.Context, i int) error {
		id := in.IDs[i]
		cmd := domain.JoinCycle{Meta: domain.Meta{By: contract.CycleActor(in.Year),
			Reason: i18n.T(i18n.Swedish, "cycle.reason.joined", "year", in.Year)}, Year: in.Year, Calendar: in.Calendar, Clock: in.Clock}
		_, err := a.Admin.SendOnce(ctx, id, contract.MsgJoinCycle, cmd, fmt.Sprintf("%s/join/%s", contract.CycleWorkflowID(in.Year), id))
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			activity.GetLogger(ctx).Warn("initiative not included", "initiative", id, "error", err)
			out[i] = domain.InitiativeSnapshot{ID: id}
			return nil
		}
		out[i], err = a.snapshot(ctx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// InitiativeSnapshots reads each initiative's current state.
func (a *Activities) InitiativeSnapshots(ctx context.Context, in SnapshotsInput) ([]domain.InitiativeSnapshot, error) {
	out := make([]domain.InitiativeSnapshot, len(in.IDs))
	err := forEachInitiative(ctx, len(in.IDs), func(ctx context.Context, i int) error {
		var err error
		out[i], err = a.snapshot(ctx, in.IDs[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// snapshot reads an initiative's state. One that no longer exists (removed by retention) gives
// an empty snapshot; any other failure is returned, so that the activity is retried (its reads
// and joins are safe to repeat). Before, a status query that timed out while the worker was
// busy gave an empty snapshot too: under load (1,000 initiatives on the local system) a
// decision then refused readable initiatives as being in no stage, and a join that had
// succeeded left its initiative out of the round.
//
// A read that fails is tried again a few times first: at 5,000 initiatives on the local system
// a status query now and then timed out while the worker was busy, and each such failure made
// the whole batch of 250 (its joins too) run again (docs/performance.md).
func (a *Activities) snapshot(ctx context.Context, id string) (domain.InitiativeSnapshot, error) {
	var err error
	for attempt := 1; ; attempt++ {
		var st contract.Status
		st, err = a.Admin.Status(ctx, id)
		var ae *admin.Error
		if errors.As(err, &ae) && ae.Key == "error.not_found" {
			activity.GetLogger(ctx).Warn("initiative not found", "initiative", id)
			return domain.InitiativeSnapshot{ID: id}, nil
		}
		if err == nil {
			return domain.SnapshotOf(&st.Initiative), nil
		}
		if attempt == snapshotAttempts || ctx.Err() != nil {
			return domain.InitiativeSnapshot{}, fmt.Errorf("reading initiative %s: %w", id, err)
		}
		activity.GetLogger(ctx).Warn("reading initiative again", "initiative", id, "attempt", attempt, "error", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Duration(attempt) * snapshotPause):
		}
	}
}

// snapshotAttempts and snapshotPause bound the tries of one initiative's read within an
// activity (a pause of 1, then 2 times snapshotPause); a read that fails them all fails the
// activity, whose retry policy takes over.
const (
	snapshotAttempts = 3
	snapshotPause    = 500 * time.Millisecond
)

// ApplyDecisions tells each initiative its part of a cycle decision and returns what each
// answered, in the order of the plan. A rejection is recorded in the result, not retried: the
// initiative's rules have the last word, and the cycle shows it. A cancelled or timed-out
// activity fails as a whole and is retried; every update carries its decision's ID, so an
// initiative that has it already answers with its first outcome.
func (a *Activities) ApplyDecisions(ctx context.Context, in ApplyDecisionsInput) ([]domain.DecisionResult, error) {
	out := make([]domain.DecisionResult, len(in.Plan))
	err := forEachInitiative(ctx, len(in.Plan), func(ctx context.Context, i int) error {
		p := in.Plan[i]
		reason := in.Reason
		if p.Verdict == domain.VerdictDefer {
			reason = i18n.T(i18n.Swedish, "cycle.reason.not_chosen", "year", in.Year, "reason", in.Reason)
		}
		cmd := domain.Decide{Meta: domain.Meta{By: in.By, Reason: reason}, Gate: in.Gate, Verdict: p.Verdict,
			Reference: in.Reference, Round: p.Round}
		r, err := a.Admin.SendOnce(ctx, p.Initiative, contract.MsgDecide, cmd, contract.DecisionUpdateID(in.Year, in.Gate, p.Initiative))
		out[i] = domain.DecisionResult{Initiative: p.Initiative, Verdict: p.Verdict, Stage: r.Stage}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			out[i].Error = err.Error()
			activity.GetLogger(ctx).Warn("decision not applied", "initiative", p.Initiative, "error", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
