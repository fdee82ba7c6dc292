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
