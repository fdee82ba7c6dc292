package workflows

import (
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/workflow"
)

// snapshotsBatchedChange versions reading the initiatives of a cycle in batches. Runs recorded
// before it (DefaultVersion) read them all in one activity, whose result grows with the
// backlog (about 0.85 KiB an initiative with motivations) and passes Temporal's 2 MB payload
// limit at a few thousand initiatives (docs/performance.md).
const snapshotsBatchedChange = "cycle-snapshots-batched"

// snapshotBatch is how many initiatives one activity takes in or reads: its input and result
// stay far below the payload limits however long the backlog.
const snapshotBatch = 250

// inBatches calls fetch for the IDs in batches of snapshotBatch, in order, and joins what each
// returned. Runs recorded before batching make one call with every ID.
func inBatches(ctx workflow.Context, ids []string, fetch func(ids []string) ([]domain.InitiativeSnapshot, error)) ([]domain.InitiativeSnapshot, error) {
	if workflow.GetVersion(ctx, snapshotsBatchedChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return fetch(ids)
	}
	var out []domain.InitiativeSnapshot
	for start := 0; start < len(ids); start += snapshotBatch {
		part, err := fetch(ids[start:min(start+snapshotBatch, len(ids))])
		if err != nil {
			return nil, err
		}
		out = append(out, part...)
	}
	return out, nil
}

// snapshotsOf reads the current state of the initiatives, in batches.
func snapshotsOf(ctx, actx workflow.Context, ids []string) ([]domain.InitiativeSnapshot, error) {
	return inBatches(ctx, ids, func(ids []string) ([]domain.InitiativeSnapshot, error) {
		var out []domain.InitiativeSnapshot
		return out, workflow.ExecuteActivity(actx, coordinators.InitiativeSnapshots, coordinator.SnapshotsInput{IDs: ids}).Get(ctx, &out)
	})
}

// decisionsBatchedChange versions passing a gate's decision on in batches. Runs recorded
// before it (DefaultVersion) pass it on to every initiative in one activity, whose input (the
// plan) and result (one line per initiative) grow with the round.
const decisionsBatchedChange = "cycle-decisions-batched"

// applyDecisions passes a decision on to the initiatives of its plan, snapshotBatch at a
// time, in order, and joins the results. A batch that fails ends the passing on there: the
// results say which initiatives got the decision, and the error is the cycle's to record.
func applyDecisions(ctx, actx workflow.Context, in coordinator.ApplyDecisionsInput) ([]domain.DecisionResult, error) {
	var results []domain.DecisionResult
	if workflow.GetVersion(ctx, decisionsBatchedChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		err := workflow.ExecuteActivity(actx, coordinators.ApplyDecisions, in).Get(ctx, &results)
		return results, err
	}
	plan := in.Plan
	for start := 0; start == 0 || start < len(plan); start += snapshotBatch {
		batch := in
		batch.Plan = plan[start:min(start+snapshotBatch, len(plan))]
		var part []domain.DecisionResult
		if err := workflow.ExecuteActivity(actx, coordinators.ApplyDecisions, batch).Get(ctx, &part); err != nil {
			return results, err
		}
		results = append(results, part...)
	}
	return results, nil
}
