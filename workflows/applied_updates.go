package workflows

import (
	"github.com/skr/handslag/contract"
	"go.temporal.io/sdk/workflow"
)

// maxAppliedUpdates bounds how many update IDs a workflow remembers across continue-as-new.
// An update is delivered again only to the run right after the one that applied it, so the
// last few hundred are plenty.
const maxAppliedUpdates = 300

// appliedUpdates remembers the updates applied lately, by update ID, and is carried to the
// next run. The server can deliver an update again to the next run when the task that
// completed it also continued the workflow as new (seen on a real server under a burst of
// messages); the next run then answers it with the first receipt instead of applying it twice.
type appliedUpdates[R any] []contract.AppliedUpdate[R]

// find returns the receipt of the update with this ID, if it was applied.
func (a appliedUpdates[R]) find(id string) (R, bool) {
	for i := len(a) - 1; i >= 0; i-- {
		if a[i].ID == id {
			return a[i].Receipt, true
		}
	}
	var zero R
	return zero, false
}

// add records an applied update, forgetting the oldest beyond the bound.
func (a appliedUpdates[R]) add(id string, r R) appliedUpdates[R] {
	if id == "" {
		return a
	}
	a = append(a, contract.AppliedUpdate[R]{ID: id, Receipt: r})
	if len(a) > maxAppliedUpdates {
		a = append(appliedUpdates[R](nil), a[len(a)-maxAppliedUpdates:]...)
	}
	return a
}

// updateID is the ID of the update being handled or validated.
func updateID(ctx workflow.Context) string {
	if info := workflow.GetCurrentUpdateInfo(ctx); info != nil {
		return info.ID
	}
	return ""
}

// applyOnce wraps an update's handler and validator so that an update already in applied (by
// its update ID) is answered with its first receipt and passes the validator, and an applied
// one is recorded there. applied is the run's carried record.
func applyOnce[C, R any](applied *[]contract.AppliedUpdate[R], handle func(workflow.Context, C) (R, error),
	validate func(workflow.Context, C) error) (func(workflow.Context, C) (R, error), func(workflow.Context, C) error) {
	handler := func(ctx workflow.Context, cmd C) (R, error) {
		if rec, ok := appliedUpdates[R](*applied).find(updateID(ctx)); ok {
			return rec, nil // delivered again after continue-as-new: already applied
		}
		rec, err := handle(ctx, cmd)
		if err == nil {
			*applied = appliedUpdates[R](*applied).add(updateID(ctx), rec)
		}
		return rec, err
	}
	validator := func(ctx workflow.Context, cmd C) error {
		if _, ok := appliedUpdates[R](*applied).find(updateID(ctx)); ok {
			return nil
		}
		return validate(ctx, cmd)
	}
	return handler, validator
}
