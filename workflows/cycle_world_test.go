package workflows

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
)

// world stands in for the initiatives' workflows in time-skipping tests of the cycle: the same
// domain rules, the same messages, kept in memory and advanced on the test clock. The cycle's
// coordinating activities are replaced by its methods.
type world struct {
	mu  sync.Mutex
	now func() time.Time
	ins map[string]*domain.Initiative
}

func newWorld() *world { return &world{ins: map[string]*domain.Initiative{}} }

// add registers a need and makes it ready for February (triaged and assessed).
func (w *world) add(t *testing.T, id string, at time.Time, ready bool) *domain.Initiative {
	n := testNeed()
	n.Title = "Initiativ " + id
	in := domain.NewInitiative(domain.Registration{ID: id, Need: n, By: office, Calendar: domain.DefaultCalendar()}, at)
	if ready {
		require.NoError(t, in.Apply(domain.TriageOwner{Meta: meta(office), Owner: domain.OwnerInera, Route: domain.RouteOwn}, at))
		require.NoError(t, in.Apply(domain.AssessRelevance{Meta: meta(office), Group: domain.RelevanceHigh, Municipal: domain.RelevanceMedium}, at))
	}
	w.ins[id] = in
	return in
}

// do applies a command to an initiative now, as the office would through the CLI.
func (w *world) do(t *testing.T, id string, cmd domain.Command) {
	w.mu.Lock()
	defer w.mu.Unlock()
	in := w.ins[id]
	in.Advance(w.now())
	require.NoError(t, in.Apply(cmd, w.now()), id)
	in.Advance(w.now())
}

func (w *world) get(id string) domain.Initiative {
	w.mu.Lock()
	defer w.mu.Unlock()
	in := w.ins[id]
	in.Advance(w.now())
	return *in
}

func (w *world) sortedIDs() []string {
	ids := make([]string, 0, len(w.ins))
	for id := range w.ins {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (w *world) findBacklog(_ context.Context, in coordinator.FindBacklogInput) ([]string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for _, id := range w.sortedIDs() {
		i := w.ins[id]
		i.Advance(w.now())
		if i.Stage == domain.StageAwaitingFebruary && i.CycleYear <= in.Year || i.Stage == domain.StageFebruaryReview && i.CycleYear == in.Year {
			out = append(out, id)
		}
	}
	return out, nil
}

func (w *world) join(_ context.Context, in coordinator.JoinInput) ([]domain.InitiativeSnapshot, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []domain.InitiativeSnapshot
	for _, id := range in.IDs {
		i := w.ins[id]
		i.Advance(w.now())
		cmd := domain.JoinCycle{Meta: domain.Meta{By: contract.CycleActor(in.Year), Reason: "cykel"}, Year: in.Year, Calendar: in.Calendar, Clock: in.Clock}
		if err := i.Apply(cmd, w.now()); err != nil {
			out = append(out, domain.InitiativeSnapshot{ID: id})
			continue
		}
		out = append(out, domain.SnapshotOf(i))
	}
	return out, nil
}

func (w *world) snapshots(_ context.Context, in coordinator.SnapshotsInput) ([]domain.InitiativeSnapshot, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []domain.InitiativeSnapshot
	for _, id := range in.IDs {
		i := w.ins[id]
		i.Advance(w.now())
		out = append(out, domain.SnapshotOf(i))
	}
	return out, nil
}

func (w *world) applyDecisions(_ context.Context, in coordinator.ApplyDecisionsInput) ([]domain.DecisionResult, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []domain.DecisionResult
	for _, p := range in.Plan {
		i := w.ins[p.Initiative]
		i.Advance(w.now())
		err := i.Apply(domain.Decide{Meta: domain.Meta{By: in.By, Reason: in.Reason}, Gate: in.Gate, Verdict: p.Verdict, Round: p.Round}, w.now())
		r := domain.DecisionResult{Initiative: p.Initiative, Verdict: p.Verdict, Stage: i.Stage}
		if err != nil {
			r.Error = err.Error()
		}
		i.Advance(w.now())
		out = append(out, r)
	}
	return out, nil
}

func (w *world) register(env *testsuite.TestWorkflowEnvironment) {
	w.now = env.Now
	env.RegisterActivityWithOptions(w.findBacklog, activity.RegisterOptions{Name: "FindBacklog"})
	env.RegisterActivityWithOptions(w.join, activity.RegisterOptions{Name: "JoinInitiatives"})
	env.RegisterActivityWithOptions(w.snapshots, activity.RegisterOptions{Name: "InitiativeSnapshots"})
	env.RegisterActivityWithOptions(w.applyDecisions, activity.RegisterOptions{Name: "ApplyDecisions"})
}

// directory gives every member an address except those listed.
type directory struct{ without map[string]bool }

func (d directory) Addresses(_ context.Context, kind contacts.Kind, member string) ([]string, error) {
	if kind != contacts.Member || d.without[member] {
		return nil, nil
	}
	return []string{fmt.Sprintf("%s@medlem.example", member)}, nil
}

// reply is what one update to the cycle produced.
type reply struct {
	value    any
	rejected error
	done     bool
}

func updateCycleAt(env *testsuite.TestWorkflowEnvironment, start, at time.Time, name string, arg any) *reply {
	res := &reply{}
	env.RegisterDelayedCallback(func() {
		env.UpdateWorkflow(name, "", &testsuite.TestUpdateCallback{
			OnAccept: func() {},
			OnReject: func(err error) { res.rejected, res.done = err, true },
			OnComplete: func(v interface{}, err error) {
				res.value, res.rejected, res.done = v, err, true
			},
		}, arg)
	}, at.Sub(start))
	return res
}
